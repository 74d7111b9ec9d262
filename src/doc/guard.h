/*
 * Private to the loader: the guard, a linear pass over a document's bytes
 * that bounds the work cmark-gfm 0.29.0.gfm.6 (Debian 12) does on hostile
 * input (guard.c, with the line shapes of guard_line.c), and the repair
 * that undoes its changes inside code and HTML blocks once the tree is
 * built.  The limits are described in docs/CONVENTIONS.md, "Limits".
 */
#ifndef QUIRE_DOC_GUARD_H
#define QUIRE_DOC_GUARD_H

#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "quire/util.h"

#define GUARD_MAX_COLUMNS 128  /* table columns, as md4c, once... */
#define GUARD_WIDE_BUDGET (1u << 25) /* ...wide lines' separators squared
                                        pass this, in a document; before: */
#define GUARD_WIDE_COLUMNS 512 /* table columns; and past twice the
                                  budget: */
#define GUARD_MIN_COLUMNS 32
#define GUARD_MAX_PADDING (1u << 19) /* empty cells cmark adds to short
                                        rows, in a document (as upstream) */
#define GUARD_MAX_CELLS (1u << 20) /* table cells cmark makes, in a document
                                      (a node each, some 250 bytes) */
#define GUARD_MAX_DEPTH 64     /* columns of container markers a line may
                                  not reach and still continue them lazily */
#define GUARD_MAX_BLANKS 4     /* consecutive blank lines kept */
#define GUARD_MAX_DELIMS 4     /* delimiter-row look-alikes in a paragraph */
#define GUARD_MAX_IMAGES 32    /* "![" not closed on their line, ditto */
#define GUARD_MAX_HTML 8       /* "<?", "<!X", "<![CDATA[" open, ditto */
#define GUARD_MAX_EMPH 4096    /* emphasis delimiters before a link, ditto */
#define GUARD_LINK_COST 16     /* emphasis-stack steps per byte at links... */
#define GUARD_LINK_SLACK 65536 /* ...plus these, per paragraph */
#define GUARD_MAX_ATS 64       /* '@' on a line, with bare links found */
#define GUARD_MAX_NOTES 8      /* footnote definitions opened on a line */
#define GUARD_REF_TIMES 8      /* bytes reference definitions may expand
                                  to in links, per byte of the document... */
#define GUARD_REF_SLACK (1u << 20) /* ...plus these */

enum guard_edit_kind {
	GUARD_ESCAPE, /* a backslash was inserted */
	GUARD_BLANKS, /* blank lines were dropped after a line */
	GUARD_ADDED,  /* a blank line was inserted (it ends a table) */
};

/* One change, located as cmark will see it. */
struct guard_edit {
	uint32_t line;  /* line of the guarded text, from 1 as cmark counts */
	uint32_t n;     /* ESCAPE: bytes after the (first) backslash to the
	                   line end (a NUL counts 3, as cmark makes it
	                   U+FFFD); BLANKS: how many blank lines were dropped */
	uint32_t kind : 2;   /* enum guard_edit_kind */
	uint32_t run : 30;   /* ESCAPE: backslashes inserted, the first and one
	                        before each of the next RUN - 1 '|' on the
	                        line (no other '|' between them) */
};

#define GUARD_MAX_RUN ((1u << 30) - 1)

struct guard {
	struct buf out;            /* the guarded text; data NULL if unchanged */
	struct guard_edit *edits;  /* in line order */
	size_t nedits, cap_edits;
	int no_autolink;           /* find no bare links (build.c) */
};

/*
 * Scan LEN bytes at MD.  Return 1 with G holding the guarded text and the
 * edits when the text had to change, else 0 (G holds no text).  Either
 * way G->no_autolink tells whether to leave bare links unlinked.
 * Free G with guard_free().
 */
int guard_input(const char *md, size_t len, struct guard *g);

/* Reference definitions and what their uses have cost (guard_refs.c). */
struct guard_refs {
	struct ref *table;  /* open addressing, by folded label */
	size_t n, cap;
	struct buf labels;  /* the folded labels */
	struct buf fold;    /* the label being looked up */
	uint64_t budget;    /* bytes the uses may copy... */
	uint64_t spent;     /* ...and those they copy so far */
};

/* Keep the definitions of LEN bytes at MD in R (free it with
 * guard_refs_free()). */
void guard_refs_scan(struct guard_refs *r, const char *md, size_t len);

/* Whether the '[' at MD[I] opens a defined label whose use would spend
 * more than the budget left; if not, spend it. */
int guard_refs_over(struct guard_refs *r, const char *md, size_t len,
    size_t i);

void guard_refs_free(struct guard_refs *r);

/* Undo G's edits in the literal text of ROOT's code and HTML blocks. */
void guard_repair(cmark_node *root, const struct guard *g);

/* Free what G holds; an empty guard is fine. */
void guard_free(struct guard *g);

/* Line shapes (guard_line.c); P is one line of N bytes, without its end. */

/* HTML block kinds 1-5 (CommonMark 4.6): they run across blank lines. */
enum {
	GUARD_HTML_RAW = 1, GUARD_HTML_COMMENT, GUARD_HTML_PI, GUARD_HTML_DECL,
	GUARD_HTML_CDATA, GUARD_HTML__MAX
};

/* Offset of the content after block-quote markers and at most three
 * spaces, or -1 when indented more, or by a tab. */
long guard_block_start(const char *p, size_t n);

/* Whether P opens with an ATX heading marker ("#" to "######"). */
int guard_atx(const char *p, size_t n);

/* Whether P may start a block other than a paragraph (or continue a
 * container): anything but text at column 0. */
int guard_block_like(const char *p, size_t n);

/* Whether P surely ends the inline text before it: 2 for an ATX heading
 * (text of its own), 1 for a bullet list item, else 0. */
int guard_boundary(const char *p, size_t n);

/* Cells of P as a table row, as cmark-gfm splits it (a '|' after a
 * backslash is text): 0 if none, GUARD_MAX_COLUMNS + 1 if too many. */
int guard_row_cells(const char *p, size_t n);

/* Cells of P as a delimiter row.  Strict (LOOSE 0): one with a pipe, at
 * column 0, in less than cmark accepts, so a table the guard sees is one
 * cmark opens.  LOOSE: as cmark's scan_table_start, after any indent. */
int guard_delim_cells(const char *p, size_t n, int loose);

/* Columns of P's prefix -- indent, block-quote and list markers -- and
 * in *MARKER the column just past its last marker (0 if none).  Nested
 * containers' markers sit at growing columns: a line within D of them
 * has a prefix of D columns or more, unless it continues them lazily. */
size_t guard_prefix(const char *p, size_t n, size_t *marker);

/* Where to escape P if cmark could try it as a delimiter row, or -1;
 * its cells in *CELLS. */
long guard_delim_candidate(const char *p, size_t n, int *cells);

/* Where P opens its footnote definition number MAX + 1 ("[^a]: [^b]: "
 * after any block-quote and list markers): the offset of its '[', or -1
 * if it opens no more than MAX. */
long guard_note_nest(const char *p, size_t n, int max);

/* Which HTML block kind 1-5 starts at P (a '<'), or 0. */
int guard_html_start(const char *p, size_t n);

/* Which HTML block kinds 1-5 may end at the '>' at P[I]: a bit set. */
unsigned guard_html_ends(const char *p, size_t i);

#endif
