/*
 * Every way of sharing a narrow table's room among its columns, each
 * between its longest word and its longest cell and the last taking
 * what is left: the cheapest, as table_fit.c's height() costs a table.
 * A column's line counts at each width it may take are counted once,
 * each cell only at the widths where its wrapping changes; the ways
 * looked at are those where every column but the last is as narrow as
 * its counts allow (a wider column with the same counts leaves the last
 * less room, which never saves it a line while its counts only fall as
 * it widens; when they do not, every width is looked at).
 */
#include <stdlib.h>
#include <string.h>

#include "quire/util.h"
#include "table_priv.h"

/* One column at each width it may take. */
struct col {
	int lo, hi;         /* the widths */
	int *lines;         /* lines of row r at width w, at
	                       [(w - lo) * nrows + r] */
	long *pen;          /* per width, what its broken words cost */
	long *cells;        /* per width, its cells' lines */
	int *steps;         /* the widths where its counts change, from LO */
	size_t nsteps;
};

/* The search. */
struct ways {
	size_t nrows, n;
	int sep;
	struct col col[EXHAUST_COLS];
	long need[EXHAUST_COLS]; /* the least the columns before C and the
	                            last take together */
	int *most;          /* rows' most lines over the columns chosen, from
	                       column C on at [C * nrows]; zeros at the last */
	int w[EXHAUST_COLS], best_w[EXHAUST_COLS];
	long best;          /* the least cost so far, or -1 */
};

/* Count the lines of column C of the N columns of WD (NROWS rows, the
 * cells' longest words WORD) at each width of K; return 1 when no row
 * takes more lines at a wider width. */
static int
col_count(struct col *k, const struct words *wd, const int *word,
    size_t nrows, size_t n, size_t c)
{
	size_t span = (size_t)(k->hi - k->lo + 1), r, i;
	int w, v, next, lines, mono = 1;
	const int *at;

	k->lines = xcalloc(span * nrows + 1, sizeof(*k->lines));
	k->pen = xcalloc(span + 1, sizeof(*k->pen));
	k->cells = xcalloc(span + 1, sizeof(*k->cells));
	k->steps = xcalloc(span + 1, sizeof(*k->steps));
	for (r = 0; r < nrows; r++) {
		i = r * n + c;
		for (w = k->lo; w <= k->hi; w = next) {
			lines = table_count_lines(wd, wd->cell[i], wd->cell[i + 1], w,
			    &next);
			if (next > k->hi)
				next = k->hi + 1;
			for (v = w; v < next; v++)
				k->lines[(size_t)(v - k->lo) * nrows + r] = lines;
		}
	}
	for (w = k->lo; w <= k->hi; w++) {
		at = k->lines + (size_t)(w - k->lo) * nrows;
		for (r = 0; r < nrows; r++) {
			k->pen[w - k->lo] += table_broken(word[r * n + c], w);
			k->cells[w - k->lo] += at[r];
			if (w > k->lo && at[r] > at[(ptrdiff_t)r - (ptrdiff_t)nrows])
				mono = 0;
		}
	}
	return mono;
}

/* K's widths where its counts change, or (EVERY) all of them. */
static void
col_steps(struct col *k, size_t nrows, int every)
{
	const int *at;
	int w;

	for (w = k->lo; w <= k->hi; w++) {
		at = k->lines + (size_t)(w - k->lo) * nrows;
		if (every || w == k->lo || k->pen[w - k->lo] !=
		    k->pen[w - k->lo - 1] || memcmp(at, at - nrows,
		    nrows * sizeof(*at)) != 0)
			k->steps[k->nsteps++] = w;
	}
}

/* Cost the way X->w with the last column W wide, the others' most lines
 * per row MOST, the cost of their broken words PEN and their cells'
 * lines CELLS, as height() does; keep it when it costs less than any
 * before. */
static void
way(struct ways *x, const int *most, long pen, long cells, int w)
{
	const struct col *k = &x->col[x->n - 1];
	const int *at = k->lines + (size_t)(w - k->lo) * x->nrows;
	struct table_cost c = { 0, pen + k->pen[w - k->lo],
	    cells + k->cells[w - k->lo], 0 };
	long cost;
	size_t r;

	for (r = 0; r < x->nrows; r++)
		table_cost_row(&c, r, most[r] > at[r] ? most[r] : at[r]);
	cost = table_cost_total(&c, x->nrows, x->sep);
	if (x->best < 0 || cost < x->best) {
		x->best = cost;
		x->w[x->n - 1] = w;
		memcpy(x->best_w, x->w, x->n * sizeof(*x->w));
	}
}

/*
 * Each width column C may take where its counts change, ascending, the
 * columns after it chosen, LEFT columns left, the rows' most lines so
 * far ABOVE, what the chosen ones' broken words cost PEN and their cells'
 * lines CELLS: then the columns before it, or at the first the way.
 */
static void
walk(struct ways *x, size_t c, long left, const int *above, long pen,
    long cells)
{
	const struct col *k = &x->col[c];
	const struct col *last = &x->col[x->n - 1];
	int *most = x->most + c * x->nrows, w;
	const int *at;
	size_t s, r;

	for (s = 0; s < k->nsteps; s++) {
		w = k->steps[s];
		if (w > left - x->need[c])
			break;
		x->w[c] = w;
		at = k->lines + (size_t)(w - k->lo) * x->nrows;
		for (r = 0; r < x->nrows; r++)
			most[r] = above[r] > at[r] ? above[r] : at[r];
		if (c > 0)
			walk(x, c - 1, left - w, most, pen + k->pen[w - k->lo],
			    cells + k->cells[w - k->lo]);
		else
			way(x, most, pen + k->pen[w - k->lo], cells +
			    k->cells[w - k->lo], left - w < last->hi ? (int)(left - w) :
			    last->hi);
	}
}

int
table_ways(const struct words *wd, const int *word, size_t nrows,
    size_t n, const long *lo, const long *nat, long avail, int sep,
    int *colw)
{
	struct ways x;
	long hi, sum_lo = 0;
	size_t c, last = n - 1;
	int mono;

	if (n == 0 || n > EXHAUST_COLS || !table_few_ways(lo, nat, n, avail))
		return 0;
	for (c = 0; c < n; c++)
		sum_lo += lo[c];
	memset(&x, 0, sizeof(x));
	x.nrows = nrows;
	x.n = n;
	x.sep = sep;
	x.best = -1;
	x.most = xcalloc(n * nrows + 1, sizeof(*x.most));
	for (c = 0; c < n; c++) {
		hi = avail - (sum_lo - lo[c]);
		x.col[c].lo = (int)lo[c];
		x.col[c].hi = (int)(hi < nat[c] ? hi : nat[c]);
		x.need[c] = (c > 0 ? x.need[c - 1] + lo[c - 1] : lo[last]);
	}
	mono = col_count(&x.col[last], wd, word, nrows, n, last);
	for (c = 0; c < last; c++) {
		col_count(&x.col[c], wd, word, nrows, n, c);
		col_steps(&x.col[c], nrows, !mono);
	}
	/* the rows of x.most from the last column's on stay zeros */
	if (last > 0)
		walk(&x, last - 1, avail, x.most + last * nrows, 0, 0);
	else
		way(&x, x.most, 0, 0, x.col[last].hi);
	memcpy(colw, x.best_w, n * sizeof(*colw));
	free(x.most);
	for (c = 0; c < n; c++) {
		free(x.col[c].lines);
		free(x.col[c].pen);
		free(x.col[c].cells);
		free(x.col[c].steps);
	}
	return 1;
}
