/*
 * Private to the HTML renderer: html.c feeds the parser and keeps the
 * element stack; html_elem.c turns elements into the model; html_table.c
 * collects HTML tables.
 */
#ifndef QUIRE_DOC_HTML_PRIV_H
#define QUIRE_DOC_HTML_PRIV_H

#include <stdint.h>

#include "quire/util.h"
#include "build_priv.h"

#define HTML_MAX_DEPTH 128 /* parser stack beyond which it starts afresh */
#define HTML_STACK 256     /* elements tracked; deeper ones are counted */
#define HTML_PIECE 32      /* tags per chunk fed to the parser */
#define HTML_MAX_COLS 128  /* table columns; cells past it join the last */

/* What an element is, for rendering. */
enum html_class {
	HC_OTHER,    /* known, no effect: tags dropped, text kept */
	HC_IGNORE,   /* html, body: implied by the parser */
	HC_STYLE,    /* b, i, code, kbd, ...: a style bit */
	HC_A, HC_IMG, HC_BR,
	HC_HIDDEN,   /* script, style, head, template: hidden, text and all */
	HC_BLOCK,    /* p, div, center, section, ...: ends a paragraph */
	HC_HEADING, HC_PRE, HC_LIST, HC_LI, HC_QUOTE, HC_HR,
	HC_DD,       /* a definition: its blocks indented, unmarked */
	HC_DETAILS, HC_SUMMARY,
	HC_TABLE, HC_ROW, HC_CELL,
};

/* Effects an open element has, to undo when it ends. */
#define E_STYLE 0x001
#define E_LINK 0x002
#define E_KBD 0x004      /* write the closing bracket */
#define E_CENTER 0x008
#define E_QUOTE 0x010
#define E_LIST 0x020
#define E_HIDDEN 0x040
#define E_LEAF 0x080     /* a block it began: heading, pre, summary */
#define E_BLOCK 0x100    /* ends the HTML paragraph when it ends */
#define E_LI 0x200
#define E_TABLE 0x400    /* the table (or a nested one) */
#define E_ROW 0x800
#define E_CELL 0x1000
#define E_INLINE (E_STYLE | E_LINK | E_KBD) /* settled with their block */

struct html_el {
	char name[12];
	uint16_t fx;        /* E_* still to undo */
	uint16_t style;     /* STY_* opened */
	uint32_t prev_link; /* the link open before it */
	uint32_t gen;       /* table generation, for E_TABLE/ROW/CELL */
};

/* A cell of the HTML table being collected. */
struct html_cell {
	uint32_t row, run, nruns;
	uint16_t colspan;    /* columns it spans, 1 to HTML_MAX_COLS */
	uint16_t col;        /* its column, placed at the table's end */
	uint32_t rowspan;    /* rows it spans, 1 to HTML_MAX_ROWSPAN */
};

#define HTML_MAX_ROWSPAN 65534 /* HTML's own cap; rowspan=0 is to the end */

/* The HTML table being collected. */
struct html_table {
	int active;
	uint32_t gen;        /* counts tables, so stale ends are ignored */
	uint32_t nest;       /* tables open inside it, joined to its cells */
	uint32_t table;      /* in doc->tables, once a cell has begun */
	struct html_cell *cells;
	size_t ncells, cap;
	uint32_t rows;       /* rows with cells so far */
	int row_open, in_cell;
	uint32_t row_cells;
};

struct html_lib;

struct html {
	struct doc_builder *b;
	const struct html_lib *lib; /* libxml2, or NULL: no parser */
	void *ctxt;          /* htmlParserCtxtPtr, or NULL */
	int inline_mode;     /* feeding an inline node, in a Markdown block */
	struct html_el stack[HTML_STACK];
	size_t depth;
	size_t over;         /* elements deeper than HTML_STACK */
	size_t low;          /* lowest stack entry with E_INLINE left */
	uint32_t hidden;     /* open hidden elements */
	int own_leaf;        /* b->leaf is an HTML paragraph/heading/... */
	int pre;             /* the open leaf is a <pre> */
	int pre_start;       /* no text in the <pre> yet */
	int has_text;        /* the leaf (or cell) has text */
	int space;           /* a blank is pending */
	int brk;             /* a line break is pending */
	struct html_table t;
	int pre_col;         /* column in the <pre>, for tabs */
	struct buf clean, feed, tmp; /* a fragment cleaned, as fed; text */
	size_t spent;        /* bytes of HTML parsed, up to HTML_BUDGET */
};

/* The class and style of element NAME (lower case). */
enum html_class html_class_of(const char *name, uint16_t *style);

/* Whether NAME (lower case) is one of the elements quire lists: those
 * with an effect, and HTML5's that libxml2 does not know (picture,
 * source, time, video, wbr). */
int html_listed(const char *name);

/* Whether NAME (LEN bytes, any case) names an HTML element. */
int html_known(const char *name, size_t len);

/* An element starts or ends (html_elem.c). */
void html_start(struct html *h, const char *name, const char **attrs);
void html_end(struct html *h, const char *name);

/* Text of the document (entities decoded), to render. */
void html_chars(struct html *h, const char *s, size_t len);

/* Undo what stack entry E still does. */
void html_undo(struct html *h, struct html_el *e);

/* End the block HTML began (paragraph, heading, pre, summary). */
void html_end_leaf(struct html *h);

/* Add text S (LEN bytes) as an HTML paragraph's content, beginning one
 * (or a table cell) when none is open; blanks collapse. */
void html_text(struct html *h, const char *s, size_t len);

/* Tables (html_table.c). */
void html_table_start(struct html *h, struct html_el *e);
void html_row_start(struct html *h, struct html_el *e);
/* A cell begins, of E (NULL: a cell implied by text outside any) with
 * its COLSPAN and ROWSPAN attributes (NULL when absent). */
void html_cell_start(struct html *h, struct html_el *e, const char *colspan,
    const char *rowspan);
void html_table_undo(struct html *h, struct html_el *e);
void html_table_end(struct html *h);
void html_table_free(struct html *h);

#endif
