/*
 * Table layout in the pager: a grid with box-drawing borders whose
 * column widths fit the width given -- every column at least its longest
 * word (up to MAX_MIN_WORD columns; longer words break inside the cell),
 * the rest shared by content length -- with cells wrapped on words inside
 * their column and aligned as the Markdown says.  When even that does not
 * fit, each row becomes a stacked card: header, then cell, per column.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "lay.h"

#define MAX_MIN_WORD 16 /* a column's minimum need not exceed this */

struct tctx {
	struct lay *l;
	const struct doc *d;
	const struct table *t;
	int indent, width;
	int *colw;                 /* content width per column */
	struct wrapped *cells;     /* one wrapper per column, reused per row */
};

/* Natural width and longest word of a cell. */
static void
measure(const struct doc *d, const struct cell *c, int *nat, int *word)
{
	uint32_t r, i, end, cp;
	int w = 0, cur = 0;

	*nat = 0;
	*word = 0;
	for (r = c->run; r < c->run + c->nruns; r++) {
		const struct run *run = &d->runs[r];

		for (i = run->off, end = run->off + run->len; i < end;) {
			if (d->text[i] == ' ') {
				if (cur > *word)
					*word = cur;
				cur = 0;
				w++;
				i++;
				continue;
			}
			i += (uint32_t)text_decode(d->text + i, end - i, &cp);
			cur += text_cp_width(cp);
			w += text_cp_width(cp);
		}
	}
	if (cur > *word)
		*word = cur;
	*nat = w;
}

/* Choose column widths for AVAIL columns of content; 0 if none fit. */
static int
fit_columns(struct tctx *x, int avail)
{
	const struct table *t = x->t;
	uint32_t r, c, n = t->ncols;
	long *nat = xcalloc(n, sizeof(*nat)), *minw = xcalloc(n, sizeof(*minw));
	long sum_nat = 0, sum_min = 0, extra, spread = 0, given = 0;
	int ok = 1, a, b;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < n; c++) {
			measure(x->d, doc_cell(x->d, t, r, c), &a, &b);
			if (a > nat[c])
				nat[c] = a;
			if (b > minw[c])
				minw[c] = b;
		}
	for (c = 0; c < n; c++) {
		if (minw[c] > MAX_MIN_WORD)
			minw[c] = MAX_MIN_WORD;
		if (minw[c] < 1)
			minw[c] = 1;
		if (nat[c] < minw[c])
			nat[c] = minw[c];
		sum_nat += nat[c];
		sum_min += minw[c];
	}
	if (sum_nat <= avail) {
		for (c = 0; c < n; c++)
			x->colw[c] = (int)nat[c];
	} else if (sum_min <= avail) {
		extra = avail - sum_min;
		for (c = 0; c < n; c++)
			spread += nat[c] - minw[c];
		for (c = 0; c < n; c++) {
			long add = spread ? extra * (nat[c] - minw[c]) / spread : 0;

			x->colw[c] = (int)(minw[c] + add);
			given += add;
		}
		/* Hand out what rounding left, to the columns that want most. */
		for (c = 0; given < extra && c < n; c++)
			if (x->colw[c] < nat[c])
				x->colw[c]++, given++;
	} else
		ok = 0;
	free(nat);
	free(minw);
	return ok;
}

/* A border row: LEFT, MID between columns, RIGHT, rules between. */
static void
border(struct tctx *x, enum glyph left, enum glyph mid, enum glyph right)
{
	struct lay *l = x->l;
	uint32_t c;
	int col = x->indent;

	lay_line(l, 0);
	lay_glyph(l, left, col, SPAN_BORDER);
	col++;
	for (c = 0; c < x->t->ncols; c++) {
		lay_rule(l, R_THIN, col, x->colw[c] + 2, SPAN_BORDER);
		col += x->colw[c] + 2;
		lay_glyph(l, c + 1 < x->t->ncols ? mid : right, col, SPAN_BORDER);
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
		if (sp.gen)
			sp.off = x->l->glyph[G_TRUNC], sp.len = x->l->glyph_len[G_TRUNC];
		sp.col = (uint16_t)(sp.col + col + shift);
		lay_span(x->l, &sp);
	}
}

/* One table row as grid lines. */
static void
grid_row(struct tctx *x, uint32_t r)
{
	const struct doc *d = x->d;
	const struct table *t = x->t;
	uint8_t kind = r == 0 ? SPAN_TH : SPAN_TEXT;
	size_t h = 1, j;
	uint32_t c;
	int col;

	for (c = 0; c < t->ncols; c++) {
		const struct cell *cl = doc_cell(d, t, r, c);

		wrap_runs(&x->cells[c], d, &d->runs[cl->run], cl->nruns,
		    x->colw[c], kind, 0, 0);
		if (x->cells[c].nlines > h)
			h = x->cells[c].nlines;
	}
	for (j = 0; j < h; j++) {
		lay_line(x->l, j ? LINE_WRAP : 0);
		col = x->indent;
		for (c = 0; c < t->ncols; c++) {
			lay_glyph(x->l, G_V, col, SPAN_BORDER);
			put_cell_line(x, &x->cells[c], j, col + 2, x->colw[c],
			    d->aligns[t->align + c]);
			col += x->colw[c] + 3;
		}
		lay_glyph(x->l, G_V, col, SPAN_BORDER);
	}
}

/* Whether any body row wraps onto more than one line. */
static int
rows_wrap(struct tctx *x)
{
	uint32_t r, c;
	int nat, word;

	for (r = 1; r < x->t->nrows; r++)
		for (c = 0; c < x->t->ncols; c++) {
			measure(x->d, doc_cell(x->d, x->t, r, c), &nat, &word);
			if (nat > x->colw[c])
				return 1;
		}
	return 0;
}

/* The grid: borders, a header row, body rows. */
static void
grid(struct tctx *x)
{
	uint32_t r;
	int sep = rows_wrap(x);

	border(x, G_TL, G_TM, G_TR);
	for (r = 0; r < x->t->nrows; r++) {
		if (r > 0 && (r == 1 || sep))
			border(x, G_ML, G_MM, G_MR);
		grid_row(x, r);
	}
	border(x, G_BL, G_BM, G_BR);
}

/* Wrap RUNS at WIDTH and add them as lines at COL. */
static void
stack_text(struct tctx *x, const struct cell *cl, int col, int width,
    uint8_t kind)
{
	struct wrapped *w = &x->cells[0];
	size_t j;

	wrap_runs(w, x->d, &x->d->runs[cl->run], cl->nruns,
	    width < 1 ? 1 : width, kind, 0, 0);
	for (j = 0; j < w->nlines; j++) {
		lay_line(x->l, LINE_WRAP);
		put_cell_line(x, w, j, col, width, ALIGN_LEFT);
	}
}

/* Cards: per body row, each header followed by its cell, indented. */
static void
cards(struct tctx *x)
{
	const struct table *t = x->t;
	int avail = x->width - x->indent;
	uint32_t r, c;

	for (r = 1; r < t->nrows || (r == 1 && t->nrows == 1); r++) {
		lay_line(x->l, 0);
		lay_rule(x->l, R_THIN, x->indent, avail, SPAN_BORDER);
		for (c = 0; c < t->ncols && r < t->nrows; c++) {
			stack_text(x, doc_cell(x->d, t, 0, c), x->indent, avail,
			    SPAN_TH);
			stack_text(x, doc_cell(x->d, t, r, c), x->indent + 2,
			    avail - 2, SPAN_TEXT);
		}
		if (t->nrows == 1)
			for (c = 0; c < t->ncols; c++)
				stack_text(x, doc_cell(x->d, t, 0, c), x->indent,
				    avail, SPAN_TH);
	}
	lay_line(x->l, 0);
	lay_rule(x->l, R_THIN, x->indent, avail, SPAN_BORDER);
}

void
layout_table(struct lay *l, const struct block *b, int indent, int width)
{
	struct tctx x;
	uint32_t c;
	long avail;

	memset(&x, 0, sizeof(x));
	x.l = l;
	x.d = l->doc;
	x.t = &l->doc->tables[b->aux];
	x.width = width;
	x.indent = indent < width ? indent : 0;
	x.colw = xcalloc(x.t->ncols, sizeof(*x.colw));
	x.cells = xcalloc(x.t->ncols, sizeof(*x.cells));
	avail = (long)width - x.indent - 3L * x.t->ncols - 1;
	if (avail >= (long)x.t->ncols && fit_columns(&x, (int)avail))
		grid(&x);
	else
		cards(&x);
	for (c = 0; c < x.t->ncols; c++)
		wrap_free(&x.cells[c]);
	free(x.cells);
	free(x.colw);
}
