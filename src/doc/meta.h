/*
 * Private to the loader: front matter (meta.c), the YAML block between a
 * first line "---" and the next "---" or "...", kept from cmark-gfm and
 * shown as BLOCK_META entries.
 */
#ifndef QUIRE_DOC_META_H
#define QUIRE_DOC_META_H

#include <stddef.h>

#define META_MAX_LINES 1000         /* the closing line within these... */
#define META_MAX_BYTES (64u * 1024) /* ...and starting within these */

struct doc_builder;

/*
 * The length of the front matter MD (LEN bytes) opens with, its closing
 * line and that line's end included; 0 if it has none: no "---" line
 * first, no closing line within the limits, or a first line that is not
 * "key: value" (so a document opening with a thematic break is Markdown).
 */
size_t meta_len(const char *md, size_t len);

/* Add front matter FM (LEN bytes, as meta_len measured) to the model,
 * one BLOCK_META block per entry, and its title to doc->fm_title. */
void meta_build(struct doc_builder *b, const char *fm, size_t len);

#endif
