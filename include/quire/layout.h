/*
 * Layout: a document and a width become display lines of styled spans.
 *
 * Spans refer into the document's text (or, for text quire adds itself --
 * bullets, borders, rules, numbers -- into the layout's own buffer); no
 * document text is copied.  Every line knows its block and section, so
 * views can go line <-> block <-> section.  No curses here: draw code
 * maps span kinds and styles to attributes.
 */
#ifndef QUIRE_LAYOUT_H
#define QUIRE_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

struct lay_state;

#include "quire/doc.h"
#include "quire/util.h"

/* What a span is; the draw layer's style table is indexed by this. */
enum span_kind {
	SPAN_TEXT,
	SPAN_HEADING,
	SPAN_HEADING_RULE, /* the underline of a level 1 or 2 heading */
	SPAN_NUMBER,       /* section number before a heading */
	SPAN_CODE,         /* code block text */
	SPAN_CODE_BAR,     /* the bar left of a code block */
	SPAN_HTML,
	SPAN_MARKER,       /* list bullet or number */
	SPAN_QUOTE,        /* block quote bar */
	SPAN_RULE,         /* thematic break */
	SPAN_BORDER,       /* table borders */
	SPAN_TH,           /* table header cell text */
	SPAN_DEPTH,        /* nesting too deep to indent: the depth shown */
	SPAN_TRUNC,        /* marks text cut at the right edge */
	SPAN_CONT,         /* in the code bar: the line goes on from above */
	SPAN__MAX
};

struct span {
	uint32_t off, len;  /* bytes in doc->text, or in lay->gen if gen */
	uint32_t link;      /* doc->links index, or DOC_NONE */
	uint16_t col;       /* first display column */
	uint16_t width;     /* display columns */
	uint16_t style;     /* STY_* inline bits */
	uint8_t kind;       /* SPAN_* */
	uint8_t gen;        /* text is in lay->gen: 1, or SPAN_GEN_MARK */
};

_Static_assert(SPAN__MAX <= UINT8_MAX, "a span's kind fits its uint8_t");

/* A span's kind, as the enum (see block_kind()). */
static inline enum span_kind
span_kind(const struct span *sp)
{
	return (enum span_kind)sp->kind;
}

/* A span's gen for a mark inside the text (`~~`, a backquote, in plain
 * layouts): search reads through it, as if it were not there. */
#define SPAN_GEN_MARK 2

#define LINE_BLANK 0x01 /* spacing between blocks */
#define LINE_WRAP 0x02  /* continues the previous line's text */

struct line {
	uint32_t span, nspans;
	uint32_t block;     /* block shown, or the block before a blank line */
	uint32_t section;   /* section holding it, or DOC_NONE */
	uint32_t off;       /* doc->text offset of its first text */
	uint32_t row;       /* table row shown (0 the header), or DOC_NONE */
	uint16_t flags;     /* LINE_* */
};

#define LAYOUT_ASCII 0x01   /* ASCII glyphs only (non-UTF-8 terminals) */
#define LAYOUT_NUMBERS 0x02 /* number headings as in the section index */
#define LAYOUT_CHOP 0x04    /* code lines whole, past the width (up to
                               LAYOUT_CHOP_MAX columns), to scroll sideways */
#define LAYOUT_PLAIN 0x08   /* no colour: structure as text (heading levels
                               3-6 as ###, ~~struck~~, `code`) */

#define LAYOUT_CHOP_MAX 16384 /* LAYOUT_CHOP: longer code lines still wrap */

struct layout {
	const struct doc *doc;
	int width;
	int flags;
	struct line *lines;
	size_t nlines;
	struct span *spans;
	size_t nspans;
	char *gen;          /* text quire adds */
	size_t gen_len;
	uint32_t *block_line; /* first line of each block */
	int code_width;     /* LAYOUT_CHOP: the widest line with code, so far */
	size_t cap_lines, cap_spans, cap_gen;
	struct lay_state *pending; /* not finished: where it stands */
};

#define LAYOUT_MAX_WIDTH 1000

/*
 * Lay DOC out at WIDTH columns (clamped to 1..LAYOUT_MAX_WIDTH).  The
 * layout refers to DOC, which must outlive it.  Free with layout_free().
 */
struct layout *layout_build(const struct doc *doc, int width, int flags);

/*
 * Lay out lazily: layout_start() lays out nothing yet; layout_more()
 * goes on until there are more than LINES lines and block BLOCK is laid
 * out (returning whether all is), layout_finish() to the end.  Until a
 * layout is done, only its first nlines lines and the block_line of the
 * blocks before the next one mean anything.
 */
struct layout *layout_start(const struct doc *doc, int width, int flags);
int layout_more(struct layout *lay, size_t lines, uint32_t block);
void layout_finish(struct layout *lay);
int layout_done(const struct layout *lay);

/* Lay out only blocks FIRST to END (an answer, say) at WIDTH. */
struct layout *layout_build_blocks(const struct doc *doc, uint32_t first,
    uint32_t end, int width, int flags);

/* Free a layout; NULL does nothing. */
void layout_free(struct layout *lay);

/* The bytes of span SP. */
const char *layout_span_text(const struct layout *lay, const struct span *sp);

/* First line showing BLOCK (its text, not the blank before it). */
size_t layout_line_of_block(const struct layout *lay, uint32_t block);

/* First line of section SEC's heading. */
size_t layout_line_of_section(const struct layout *lay, uint32_t sec);

/*
 * The line that shows text offset OFF of BLOCK, for keeping the reader's
 * place across a relayout.
 */
size_t layout_find(const struct layout *lay, uint32_t block, uint32_t off);

/* Which rows and columns of a table to lay out, and how wide. */
struct table_spec {
	const uint32_t *rows;   /* body rows (1 .. nrows-1); NULL: all */
	size_t nrows;
	const uint32_t *cols;   /* columns, in order; NULL: all */
	size_t ncols;
	const int *widths;      /* content width per listed column; NULL: fit */
	int cards;              /* one card per row, even if a grid fits */
	int compact;            /* with WIDTHS: no frame, one space between
	                           columns, a rule under the header */
	int no_rule;            /* the compact grid without the rule (the
	                           table view, whose header has a style) */
};

/* Natural width and longest word (capped) of column COL of table T;
 * PLAIN: with room for the marks a plain layout puts around code. */
void table_measure(const struct doc *doc, const struct table *t,
    uint32_t col, int plain, int *natural, int *minimum);

/*
 * Fit the listed columns of T side by side in WIDTH columns, borders
 * included: fill WIDTHS (one per listed column) and return 1, or return
 * 0 when even the minimum does not fit.  Each column gets between its
 * longest word and its longest cell; the room beyond the words goes
 * where it saves the most wrapped lines, headers wrapping last.
 */
int table_fit(const struct doc *doc, const struct table *t,
    const uint32_t *cols, size_t ncols, int width, int plain, int *widths);

/* The same with AVAIL columns for the cells alone (no borders); SEP: a
 * bordered grid, whose rows get rules between them when one wraps. */
int table_fit_in(const struct doc *doc, const struct table *t,
    const uint32_t *cols, size_t ncols, int avail, int plain, int sep,
    int *widths);

/* How the table view shows a table at a width. */
enum table_cols {
	TABLE_FITS,     /* every shown column side by side, fitted */
	TABLE_SCROLLS,  /* the first column frozen, then what fits */
	TABLE_CARDS,    /* too narrow for two columns side by side */
};

#define TABLE_MIN_SIDE 40 /* narrower than this: no bordered grid */

/* What table_columns() is asked, and what it answers. */
struct table_choice {
	/* asked: */
	const uint8_t *hidden;  /* one flag per column, or NULL: none */
	uint32_t first;         /* the first column after the frozen one */
	int width;              /* columns of screen, borders included */
	const int *nat, *minw;  /* table_measure() per column, or NULL */
	int compact_only;       /* no bordered grid, even if one fits */
	int plain;              /* measured as for LAYOUT_PLAIN */
	/* answered (the caller gives SHOWN and WIDTHS room for ncols): */
	uint32_t *shown;        /* the columns shown, in order */
	int *widths;            /* the content width of each shown column */
	size_t nshown;
	int left, right;        /* columns were left out on that side */
	int compact;            /* a compact grid (table_spec.compact) */
	/* FIRST, answered: the first scrolled column shown (earlier ones
	 * are taken in when the last is in view and there is room) */
};

/*
 * Choose the columns the table view shows of T at C->width: those not
 * hidden, all side by side when they fit (a bordered grid, else a
 * compact one), else the first column frozen and columns from C->first
 * on while they fit in a compact grid, widened to the whole width.
 * Fill in C's answers.
 */
enum table_cols table_columns(const struct doc *doc, const struct table *t,
    struct table_choice *c);

/*
 * Lay out table TABLE alone at WIDTH: its header, then the rows SPEC
 * asks for, as a grid or as cards.  Lines carry their table row.
 */
struct layout *layout_table_view(const struct doc *doc, uint32_t table,
    const struct table_spec *spec, int width, int flags);

/* Write line N as plain text (no trailing blanks) to OUT. */
void layout_line_text(const struct layout *lay, size_t n, struct buf *out);

#endif
