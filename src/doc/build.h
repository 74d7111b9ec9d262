/*
 * Private to the loader: turn a cmark-gfm tree into a document model.
 */
#ifndef QUIRE_DOC_BUILD_H
#define QUIRE_DOC_BUILD_H

#include <cmark-gfm.h>

#include "quire/doc.h"
#include "quire/util.h"

/* Build a model from ROOT in one pass, without recursion; with
 * AUTOLINKS, bare URLs and email addresses in text become links. */
struct doc *build_doc(cmark_node *root, int autolinks);

/* The same, with the front matter FM (LEN bytes, see meta.h) first, and
 * the text written into TEXT (empty, its memory made room for at once
 * rather than grown by doubling and copied), which the model takes. */
struct doc *build_doc_meta(cmark_node *root, int autolinks, const char *fm,
    size_t len, struct buf *text);

/* The numbers a part's notes take in the whole (doc_load_notes): the
 * note cmark-gfm numbers N is the whole's note v[N - 1]; the first SKIP
 * of the part's notes were dropped from the tree. */
struct note_map {
	const unsigned *v;
	size_t n;
	unsigned skip;
};

/* The same, the tree's notes and references numbered by MAP. */
struct doc *build_doc_notes(cmark_node *root, int autolinks, const char *fm,
    size_t len, struct buf *text, const struct note_map *map);

/* Note N (cmark-gfm's number) as MAP numbers it: N if MAP is NULL. */
unsigned build_note_number(const struct note_map *map, unsigned n);

/* Parse the LEN bytes at MD as a document's first part (prefix.c): as
 * doc_load_buffer, without the footnotes, which stand at the end. */
struct doc *doc_load_part(const char *md, size_t len);

/* Compute section numbers and find FAQ entries (doc.c). */
void doc_finish(struct doc *doc);

#endif
