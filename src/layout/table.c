/*
 * Table layout: a grid with box-drawing borders whose column widths fit
 * the width given -- every column at least its longest word (up to
 * MAX_MIN_WORD columns; longer words break inside the cell), the rest
 * shared by content length -- with cells wrapped on words inside their
 * column and aligned as the Markdown says.  When even that does not fit,
 * each row becomes a stacked card: header, then cell, per column.  The
 * pager lays out whole tables; the table view asks for some rows and
 * columns at widths of its own (struct table_spec).
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
	const uint32_t *rows, *cols;   /* body rows and columns shown */
	size_t nrows, ncols;
	int *colw;                 /* content width per shown column */
	struct wrapped *cells;     /* one wrapper per shown column */
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
		/* room for the marks a plain layout puts around the run */
		int marks = (run->style & STY_CODE ? 1 : 0) +
		    (run->style & STY_STRIKE ? 2 : 0);

		cur += marks + (run->style & STY_SUP ? 1 : 0);
		w += marks + (run->style & STY_SUP ? 1 : 0);
		for (i = run->off, end = run->off + run->len; i < end;) {
			if (d->text[i] == ' ' || (d->text[i] == '-' && cur > 0 &&
			    i + 1 < end && d->text[i + 1] != ' ')) {
				/* words end at spaces; lines may break after '-' */
				cur += d->text[i] == '-';
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
		cur += marks;
		w += marks;
	}
	if (cur > *word)
		*word = cur;
	*nat = w;
}

void
table_measure(const struct doc *d, const struct table *t, uint32_t col,
    int *nat, int *minw)
{
	uint32_t r;
	int a, b;

	*nat = 0;
	*minw = 0;
	for (r = 0; r < t->nrows; r++) {
		measure(d, doc_cell(d, t, r, col), &a, &b);
		if (a > *nat)
			*nat = a;
		if (b > *minw)
			*minw = b;
	}
	if (*minw > MAX_MIN_WORD)
		*minw = MAX_MIN_WORD;
	if (*minw < 1)
		*minw = 1;
	if (*nat < *minw)
		*nat = *minw;
}

int
table_fit(const struct doc *d, const struct table *t, const uint32_t *cols,
    size_t n, int width, int *colw)
{
	long *nat = xcalloc(n + 1, sizeof(*nat)), *minw = xcalloc(n + 1,
	    sizeof(*minw));
	long sum_nat = 0, sum_min = 0, extra, spread = 0, given = 0, avail;
	int ok = 1, a, b;
	size_t c;

	avail = (long)width - 3L * (long)n - 1;
	for (c = 0; c < n; c++) {
		table_measure(d, t, cols ? cols[c] : (uint32_t)c, &a, &b);
		nat[c] = a;
		minw[c] = b;
		sum_nat += a;
		sum_min += b;
	}
	if (n == 0 || avail < (long)n)
		ok = 0;
	else if (sum_nat <= avail) {
		for (c = 0; c < n; c++)
			colw[c] = (int)nat[c];
	} else if (sum_min <= avail) {
		extra = avail - sum_min;
		for (c = 0; c < n; c++)
			spread += nat[c] - minw[c];
		for (c = 0; c < n; c++) {
			long add = spread ? extra * (nat[c] - minw[c]) / spread : 0;

			colw[c] = (int)(minw[c] + add);
			given += add;
		}
		/* Hand out what rounding left, to the columns that want more. */
		for (c = 0; given < extra && c < n; c++)
			if (colw[c] < nat[c])
				colw[c]++, given++;
	} else
		ok = 0;
	free(nat);
	free(minw);
	return ok;
}

enum table_cols
table_columns(const struct doc *d, const struct table *t,
    struct table_choice *ch)
{
	const uint8_t *hidden = ch->hidden;
	uint32_t *shown = ch->shown, c;
	int *colw = ch->widths, width = ch->width;
	size_t n = 0;
	int used, w0, wmax, w, na, mi, na0, mi0;

	ch->left = ch->right = 0;
	for (c = 0; c < t->ncols; c++)
		if (hidden == NULL || !hidden[c])
			shown[n++] = c;
	ch->nshown = n;
	if (width < TABLE_MIN_SIDE || n < 2)
		return TABLE_CARDS;
	if (table_fit(d, t, shown, n, width, colw))
		return TABLE_FITS;
	/* Too many columns: freeze the first, scroll the others. */
	if (ch->nat != NULL)
		na0 = ch->nat[0], mi0 = ch->minw[0];
	else
		table_measure(d, t, 0, &na0, &mi0);
	w0 = na0 < width / 4 ? na0 : width / 4;
	if (w0 < mi0)
		w0 = mi0;
	wmax = (width - w0 - 4) / 2 - 3;
	if (wmax > 36)
		wmax = 36;
	shown[0] = 0;
	colw[0] = w0;
	used = 1 + w0 + 3;
	n = 1;
	for (c = 1; c < t->ncols; c++) {
		if (hidden != NULL && hidden[c])
			continue;
		if (c < ch->first) {
			ch->left = 1;
			continue;
		}
		if (ch->nat != NULL)
			na = ch->nat[c], mi = ch->minw[c];
		else
			table_measure(d, t, c, &na, &mi);
		w = na < wmax ? na : wmax;
		if (w < mi)
			w = mi;
		if (used + w + 3 > width) {
			ch->right = 1;
			break;
		}
		shown[n] = c;
		colw[n++] = w;
		used += w + 3;
	}
	ch->nshown = n;
	return n < 2 ? TABLE_CARDS : TABLE_SCROLLS;
}

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

	wrap_runs(w, x->l, &x->d->runs[cl->run], cl->nruns,
	    width < 1 ? 1 : width, kind);
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
			measure(x->d, doc_cell(x->d, x->t, row_at(x, i),
			    col_at(x, c)), &nat, &word);
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
	} else
		fits = !spec->cards && table_fit(x.d, t, x.cols, x.ncols,
		    width - x.indent, x.colw);
	if (fits)
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
