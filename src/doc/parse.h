/*
 * The one way into cmark-gfm: every parse quire makes (a document, its
 * first part, the checks prefix.c makes) goes through here, with
 * quire's allocator, and one at a time.  Private to src/doc/.
 */
#ifndef QUIRE_DOC_PARSE_H
#define QUIRE_DOC_PARSE_H

#include <stddef.h>

#include <cmark-gfm.h>

#define PARSE_GFM 0x01   /* the table, strikethrough and tasklist
                            extensions (bare links are build.c's) */
#define PARSE_NOTES 0x02 /* footnotes */
#define PARSE_ARENA 0x04 /* the tree's memory is an arena (arena.h) of
                            this thread's, given back at once by
                            parse_free() on this thread */
#define PARSE_BESIDE 0x08 /* beside another parse: no lock, and with
                             PARSE_GFM no strikethrough (see below) */

/* What cmark-gfm may hold for a parse of N bytes: PARSE_MEM_PER_BYTE
 * times N, at least PARSE_MEM_MIN, at most PARSE_MEM_MAX.  Real
 * documents need under 60 bytes a byte (docs/CONVENTIONS.md, "Limits");
 * the model built from the tree adds about as much again. */
#define PARSE_MEM_PER_BYTE 256u
#define PARSE_MEM_MIN ((size_t)384 << 20)
#define PARSE_MEM_MAX ((size_t)768 << 20)

/*
 * Start a parse with FLAGS: a cmark-gfm parser with quire's allocator
 * (out of memory is one clean exit, never cmark's abort()).  Only one
 * parse runs at a time in the process, from parse_begin() to
 * parse_finish(): cmark-gfm's inline parser keeps its special
 * characters in a global table, which a parse with extensions changes,
 * so a parse begun on another thread meanwhile waits here.  Feed the
 * parser with cmark_parser_feed(), then call parse_finish().  LEN, the
 * bytes to be fed, sets the memory budget (parse_budget()): past it
 * quire ends with EXIT_LIMIT and one line, as when out of memory.
 *
 * PARSE_BESIDE takes no lock and leaves strikethrough out, the one
 * extension that writes that table (table and tasklist match no inline
 * text): a piece of a file parsed while the whole is parsed on the
 * background thread, its ~~text~~ read as written, not struck, until
 * the whole replaces it.  It reads the table the other parse writes
 * ('~' alone, which only an extension of its own would act on).
 */
cmark_parser *parse_begin(int flags, size_t len);

/* The bytes cmark-gfm may hold while it parses LEN bytes. */
size_t parse_budget(size_t len);

/*
 * Finish the parse P began: free the parser, let the next parse run,
 * and return the tree, which the caller frees with parse_free().
 */
cmark_node *parse_finish(cmark_parser *p);

/* Free ROOT, the tree of a parse begun with FLAGS: with PARSE_ARENA, all
 * the memory of its arena at once (so the parser's and the tree's every
 * allocation and free must have been on this thread), else node by
 * node, as cmark_node_free(). */
void parse_free(cmark_node *root, int flags);

/* The same for a parse begun with PARSE_BESIDE. */
cmark_node *parse_finish_beside(cmark_parser *p);

/* Parse LEN bytes at MD whole (parse_begin, one feed, parse_finish). */
cmark_node *parse_markdown(const char *md, size_t len, int flags);

#endif
