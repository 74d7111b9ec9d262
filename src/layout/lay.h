/*
 * Private to layout: the line builder (lines.c) shared by block, wrap and table
 * layout, the glyphs quire draws, and the word wrapper.
 */
#ifndef QUIRE_LAYOUT_LAY_H
#define QUIRE_LAYOUT_LAY_H

#include "quire/layout.h"

/* Glyphs, UTF-8 or ASCII, interned once in lay->gen. */
enum glyph {
	G_BULLET1, G_BULLET2, G_BULLET3, G_QUOTE, G_CODE_BAR, G_ELLIPSIS,
	G_TRUNC, G_TASK, G_TASK_DONE, G_SPACE,
	/* plain layouts: around struck text and code spans, before a
	 * superscript; heading levels */
	G_STRIKE, G_CODE_MARK, G_SUP, G_HASHES,
	/* table borders: top, middle, bottom rows and vertical */
	G_TL, G_TM, G_TR, G_ML, G_MM, G_MR, G_BL, G_BM, G_BR, G_V,
	G_CONT, /* in place of the code bar: a code line goes on */
	G__MAX
};

/* Lines of one glyph repeated, for rules: */
enum rule { R_THIN, R_THICK, R_DOUBLE, R__MAX };

struct lay {
	struct layout *out;
	const struct doc *doc;
	uint32_t glyph[G__MAX], glyph_len[G__MAX];
	uint16_t glyph_w[G__MAX];       /* columns of each glyph */
	uint32_t rule[R__MAX];          /* a full-width line of the glyph */
	uint32_t rule_char[R__MAX];     /* bytes per glyph */
	uint16_t rule_w[R__MAX];        /* columns per glyph */
	uint32_t block, section;        /* tagged onto new lines */
	uint32_t off;
	uint32_t row;                   /* table row, or DOC_NONE */
	int cell;                       /* wrapping a table cell: a line may
	                                   break after a '/' inside a word too */
	/* when set, starts every new line (a table's quote bars) */
	void (*prefix)(struct lay *l, const void *arg);
	const void *prefix_arg;
};

/* One wrapped line's spans, with columns from 0. */
struct wrapped {
	struct span *spans;
	size_t nspans, cap;
	uint32_t *starts;   /* first span of each line; nlines + 1 entries */
	size_t nlines, capl;
	uint32_t *offs;     /* text offset of each line's first text */
};

/* Add text to the layout's own buffer; return its offset. */
uint32_t lay_gen(struct lay *l, const char *s, size_t len);

/* Start a new line with FLAGS; spans added next belong to it. */
void lay_line(struct lay *l, uint16_t flags);

/* Add a span of LEN bytes of generated text at OFF, at column COL. */
void lay_gen_span(struct lay *l, uint32_t off, uint32_t len, int col,
    uint8_t kind);

/* Add a span of generated glyph G at COL to the current line. */
void lay_glyph(struct lay *l, enum glyph g, int col, uint8_t kind);

/* Add a span of a rule glyph, N columns wide, at COL. */
void lay_rule(struct lay *l, enum rule r, int col, int n, uint8_t kind);

/* Add a span to the current line. */
void lay_span(struct lay *l, const struct span *sp);

/*
 * Wrap RUNS into W columns (at least 1) as lines of spans of KIND.
 * Words break at spaces; a word longer than W breaks between characters
 * (a character wider than W becomes L's G_TRUNC); '\n' in a run is a
 * hard break.  In a LAYOUT_PLAIN layout, struck text and code spans get
 * their marks, glued to the words they touch.  Clears W first.
 */
void wrap_runs(struct wrapped *w, const struct lay *l,
    const struct run *runs, size_t nruns, int width, uint8_t kind);

/* Free a wrapper's buffers. */
void wrap_free(struct wrapped *w);

/* Natural width and longest word of cell C (table_fit.c). */
void table_cell_width(const struct doc *doc, const struct cell *c,
    int plain, int *nat, int *word);

/* Lay out table block B (table.c). */
void layout_table(struct lay *l, const struct block *b, int indent,
    int width);

/* Lay out the part of table T that SPEC asks for (table.c). */
void layout_table_spec(struct lay *l, const struct table *t,
    const struct table_spec *spec, int indent, int width);

/* Set up L to build into a new layout of DOC (layout.c). */
struct layout *lay_begin(struct lay *l, const struct doc *doc, int width,
    int flags);

#endif
