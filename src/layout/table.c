/*
 * Table layout: a grid with box-drawing borders at the column widths
 * table_fit.c chooses, with cells wrapped on words inside their column
 * and aligned as the Markdown says; when that does not fit, a compact
 * grid (no frame, one space between columns, a rule under the header);
 * when no grid fits, each row becomes a stacked card: header, then cell,
 * per column.  The pager lays out whole tables; the table view asks for
 * some rows and columns at widths of its own (struct table_spec).
 */
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "lay.h"

struct tctx {
	struct lay *l;
	const struct doc *d;
	const struct table *t;
	int indent, width;
	const uint32_t *rows, *cols;   /* body rows and columns shown */
	size_t nrows, ncols;
	int *colw;                 /* content width per shown column */
	int compact;               /* no frame, one space between columns */
	int no_rule;               /* and no rule under the header */
	int plain;                 /* LAYOUT_PLAIN: marks around code */
	uint32_t space;            /* a generated " ": the compact grid's
	                              border, so cells stay apart */
	struct wrapped *cells;     /* one wrapper per shown column */
};

/* Table row of shown body row I. */
static uint32_t
row_at(const struct tctx *x, size_t i)
{
	return x->rows ? x->rows[i] : (uint32_t)i + 1;
}

/* Table column of shown column C. */
static uint32_t
col_at(const struct tctx *x, size_t c)
{
	return x->cols ? x->cols[c] : (uint32_t)c;
}

/* A border row: LEFT, MID between columns, RIGHT, rules between. */
static void
border(struct tctx *x, enum glyph left, enum glyph mid, enum glyph right)
{
	struct lay *l = x->l;
	size_t c;
	int col = x->indent;

	lay_line(l, 0);
	lay_glyph(l, left, col, SPAN_BORDER);
	col++;
	for (c = 0; c < x->ncols; c++) {
		lay_rule(l, R_THIN, col, x->colw[c] + 2, SPAN_BORDER);
		col += x->colw[c] + 2;
		lay_glyph(l, c + 1 < x->ncols ? mid : right, col, SPAN_BORDER);
		col++;
	}
}

/* Copy line J of wrapped W into a cell COLW wide at COL, aligned. */
static void
put_cell_line(struct tctx *x, const struct wrapped *w, size_t j, int col,
    int colw, uint8_t align)
{
	uint32_t k, first, last;
	int lw, shift = 0;
	struct span sp;

	if (j >= w->nlines)
		return;
	first = w->starts[j];
	last = w->starts[j + 1];
	if (last == first)
		return;
	lw = w->spans[last - 1].col + w->spans[last - 1].width;
	if (align == ALIGN_RIGHT)
		shift = colw - lw;
	else if (align == ALIGN_CENTER)
		shift = (colw - lw) / 2;
	if (shift < 0)
		shift = 0;
	for (k = first; k < last; k++) {
		sp = w->spans[k];
		sp.col = (uint16_t)(sp.col + col + shift);
		lay_span(x->l, &sp);
	}
}

/* Wrap cell (R, C) at WIDTH into W. */
static void
wrap_cell(struct tctx *x, struct wrapped *w, uint32_t r, uint32_t c,
    int width, uint8_t kind)
{
	const struct cell *cl = doc_cell(x->d, x->t, r, c);

	x->l->cell = 1;
	wrap_runs(w, x->l, &x->d->runs[cl->run], cl->nruns,
	    width < 1 ? 1 : width, kind);
	x->l->cell = 0;
}

/* One table row R as grid lines. */
static void
grid_row(struct tctx *x, uint32_t r)
{
	const struct table *t = x->t;
	uint8_t kind = r == 0 ? SPAN_TH : SPAN_TEXT;
	size_t h = 1, j, c;
	int col;

	x->l->row = r;
	for (c = 0; c < x->ncols; c++) { /* a place in the text for the row */
		const struct cell *cl = doc_cell(x->d, t, r, col_at(x, c));

		if (cl->nruns > 0) {
			x->l->off = x->d->runs[cl->run].off;
			break;
		}
	}
	for (c = 0; c < x->ncols; c++) {
		wrap_cell(x, &x->cells[c], r, col_at(x, c), x->colw[c], kind);
		if (x->cells[c].nlines > h)
			h = x->cells[c].nlines;
	}
	for (j = 0; j < h; j++) {
		lay_line(x->l, j ? LINE_WRAP : 0);
		col = x->indent;
		if (x->compact) {
			for (c = 0; c < x->ncols; c++) {
				if (c > 0)
					lay_gen_span(x->l, x->space, 1, col - 1,
					    SPAN_BORDER);
				put_cell_line(x, &x->cells[c], j, col, x->colw[c],
				    x->d->aligns[t->align + col_at(x, c)]);
				col += x->colw[c] + 1;
			}
			continue;
		}
		for (c = 0; c < x->ncols; c++) {
			lay_glyph(x->l, G_V, col, SPAN_BORDER);
			put_cell_line(x, &x->cells[c], j, col + 2, x->colw[c],
			    x->d->aligns[t->align + col_at(x, c)]);
			col += x->colw[c] + 3;
		}
		lay_glyph(x->l, G_V, col, SPAN_BORDER);
	}
}

/* Whether any body row wraps onto more than one line. */
static int
rows_wrap(struct tctx *x)
{
	size_t i, c;
	int nat, word;

	for (i = 0; i < x->nrows; i++)
		for (c = 0; c < x->ncols; c++) {
			table_cell_width(x->d, doc_cell(x->d, x->t, row_at(x, i),
			    col_at(x, c)), x->plain, &nat, &word);
			if (nat > x->colw[c])
				return 1;
		}
	return 0;
}

/* The grid: borders, a header row, body rows. */
static void
grid(struct tctx *x)
{
	size_t i;
	int sep = rows_wrap(x);

	/* Border lines belong to no row. */
	x->l->row = DOC_NONE;
	border(x, G_TL, G_TM, G_TR);
	grid_row(x, 0);
	for (i = 0; i < x->nrows; i++) {
		x->l->row = DOC_NONE;
		if (i == 0 || sep)
			border(x, G_ML, G_MM, G_MR);
		grid_row(x, row_at(x, i));
	}
	x->l->row = DOC_NONE;
	border(x, G_BL, G_BM, G_BR);
}

/* The compact grid: the header, a rule under each column (unless
 * NO_RULE), body rows. */
static void
compact(struct tctx *x)
{
	size_t i, c;
	int col = x->indent;

	grid_row(x, 0);
	x->l->row = DOC_NONE;
	if (!x->no_rule) {
		lay_line(x->l, 0);
		for (c = 0; c < x->ncols; c++) {
			lay_rule(x->l, R_THIN, col, x->colw[c], SPAN_BORDER);
			col += x->colw[c] + 1;
		}
	}
	for (i = 0; i < x->nrows; i++)
		grid_row(x, row_at(x, i));
	x->l->row = DOC_NONE;
}

/* Cell (R, C) wrapped at WIDTH as lines at COL. */
static void
stack_cell(struct tctx *x, uint32_t r, uint32_t c, int col, int width,
    uint8_t kind)
{
	struct wrapped *w = &x->cells[0];
	size_t j;

	wrap_cell(x, w, r, c, width, kind);
	for (j = 0; j < w->nlines; j++) {
		lay_line(x->l, LINE_WRAP);
		put_cell_line(x, w, j, col, width, ALIGN_LEFT);
	}
}

/* Cards: per body row, each header followed by its cell, indented. */
static void
cards(struct tctx *x)
{
	int avail = x->width - x->indent;
	size_t i, c;
	uint32_t r;

	for (i = 0; i < x->nrows || (i == 0 && x->nrows == 0); i++) {
		r = x->nrows ? row_at(x, i) : 0;
		x->l->row = DOC_NONE;
		lay_line(x->l, 0);
		lay_rule(x->l, R_THIN, x->indent, avail, SPAN_BORDER);
		x->l->row = r;
		for (c = 0; c < x->ncols; c++) {
			stack_cell(x, 0, col_at(x, c), x->indent, avail, SPAN_TH);
			if (r > 0)
				stack_cell(x, r, col_at(x, c), x->indent + 2,
				    avail - 2, SPAN_TEXT);
		}
	}
	x->l->row = DOC_NONE;
	lay_line(x->l, 0);
	lay_rule(x->l, R_THIN, x->indent, avail, SPAN_BORDER);
}

void
layout_table_spec(struct lay *l, const struct table *t,
    const struct table_spec *spec, int indent, int width)
{
	struct tctx x;
	size_t c;
	int fits;

	memset(&x, 0, sizeof(x));
	x.l = l;
	x.d = l->doc;
	x.t = t;
	x.width = width;
	x.plain = (l->out->flags & LAYOUT_PLAIN) != 0;
	x.indent = indent < width ? indent : 0;
	x.rows = spec->rows;
	x.nrows = spec->rows ? spec->nrows : t->nrows - (t->nrows > 0);
	x.cols = spec->cols;
	x.ncols = spec->cols ? spec->ncols : t->ncols;
	x.colw = xcalloc(x.ncols + 1, sizeof(*x.colw));
	x.cells = xcalloc(x.ncols + 1, sizeof(*x.cells));
	if (spec->widths != NULL) {
		memcpy(x.colw, spec->widths, x.ncols * sizeof(*x.colw));
		fits = !spec->cards;
		x.compact = spec->compact;
		x.no_rule = spec->no_rule;
	} else if (spec->cards)
		fits = 0;
	else if (table_fit(x.d, t, x.cols, x.ncols, width - x.indent, x.plain,
	    x.colw))
		fits = 1;
	else
		fits = x.compact = x.ncols >= 2 && table_fit_in(x.d, t, x.cols, x.ncols,
		    width - x.indent - (int)x.ncols + 1, x.plain, 0, x.colw);
	if (fits && x.compact) {
		x.space = lay_gen(l, " ", 1);
		compact(&x);
	} else if (fits)
		grid(&x);
	else
		cards(&x);
	for (c = 0; c < x.ncols; c++)
		wrap_free(&x.cells[c]);
	free(x.cells);
	free(x.colw);
	l->row = DOC_NONE;
}

void
layout_table(struct lay *l, const struct block *b, int indent, int width)
{
	struct table_spec all;

	memset(&all, 0, sizeof(all));
	layout_table_spec(l, &l->doc->tables[b->aux], &all, indent, width);
}
