/*
 * Table column widths: each column between its longest word and its
 * longest cell, chosen so the table is as short as it can be at the
 * width -- by a cost: lines of height, then short words broken inside, a
 * wrapped header, wrapped cells -- trying every way for narrow tables, a
 * step at a time and trades between columns for wider ones; and which
 * columns the table view shows at a width (all of them, or the first
 * frozen and the ones from a scrolled column on), in a bordered or a
 * compact grid.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "lay.h"
#include "table_priv.h"

#define SEARCH_CELLS 1000 /* larger tables share the room by need */
#define TRADE_CELLS 400   /* larger ones skip trading width (trade()) */
#define MEMO_MAX (1 << 20) /* line counts remembered, at most */


struct fit {
	struct words wd;
	size_t nrows, n;
	int *lines;         /* lines of cell (r, c) at the current widths */
	int *other;         /* per row, the most lines of the other columns */
	int *word;          /* the longest word of cell (r, c) */
	const int *colw;    /* the current widths, for broken words */
	const long *nat;    /* the natural width of each column */
	size_t *base;       /* where column c's counts start in memo */
	int *memo;          /* lines of (r, c) at width w, or 0 not yet;
	                       NULL: too many to keep */
};

/* Lines of cell (R, C) at WIDTH (counted once, then remembered). */
static int
fit_lines(const struct fit *f, size_t r, size_t c, int width)
{
	size_t i = r * f->n + c, m;
	long w = width < f->nat[c] ? width : f->nat[c];

	if (w < 1)
		w = 1;
	if (f->memo == NULL)
		return table_count_lines(&f->wd, f->wd.cell[i], f->wd.cell[i + 1],
		    (int)w, NULL);
	m = f->base[c] + r * (size_t)(f->nat[c] + 1) + (size_t)w;
	if (f->memo[m] == 0)
		f->memo[m] = table_count_lines(&f->wd, f->wd.cell[i],
		    f->wd.cell[i + 1], (int)w, NULL);
	return f->memo[m];
}

/* Lines the table saves when column C widens from COLW[C] to W. */
static long
saving(struct fit *f, size_t c, int w)
{
	long save = 0;
	size_t r;
	int now, then;

	for (r = 0; r < f->nrows; r++) {
		now = f->lines[r * f->n + c];
		if (now <= f->other[r])
			continue;
		then = fit_lines(f, r, c, w);
		save += now - (then > f->other[r] ? then : f->other[r]);
	}
	return save;
}

/*
 * From widths COLW, give out SPARE columns a step at a time to no column
 * beyond NAT: by RATIO, the step that saves the most lines per column it
 * costs, else the one that saves the most lines; return what is left.
 */
static long
spend(struct fit *f, int *colw, const long *nat, long spare, int ratio)
{
	size_t r, c, k, best_c;
	long save, best_save;
	int w, best_w, m;
	double score, best;

	for (;;) {
		best = 0;
		best_c = 0;
		best_w = 0;
		best_save = 0;
		for (c = 0; c < f->n; c++) {
			if (colw[c] >= nat[c])
				continue;
			for (r = 0; r < f->nrows; r++) {
				for (m = 0, k = 0; k < f->n; k++)
					if (k != c && f->lines[r * f->n + k] > m)
						m = f->lines[r * f->n + k];
				f->other[r] = m;
			}
			for (w = colw[c] + 1; w <= nat[c] && w - colw[c] <= spare;
			    w++) {
				save = saving(f, c, w);
				score = ratio ? (double)save / (double)(w - colw[c]) :
				    (double)save;
				if (save > 0 && score > best) {
					best = score;
					best_c = c;
					best_w = w;
					best_save = save;
				}
			}
		}
		if (best_save == 0)
			return spare;
		spare -= best_w - colw[best_c];
		colw[best_c] = best_w;
		for (r = 0; r < f->nrows; r++)
			f->lines[r * f->n + best_c] = fit_lines(f, r, best_c,
			    best_w);
	}
}

/* Share SPARE among the columns below NAT, by how much they lack. */
static void
share(int *colw, const long *nat, size_t n, long spare)
{
	long want = 0, given = 0, add;
	size_t c;

	for (c = 0; c < n; c++)
		want += nat[c] > colw[c] ? nat[c] - colw[c] : 0;
	if (want == 0)
		return;
	if (spare > want)
		spare = want;
	for (c = 0; c < n; c++) {
		if (nat[c] <= colw[c])
			continue;
		add = spare * (nat[c] - colw[c]) / want;
		colw[c] += (int)add;
		given += add;
	}
	for (c = 0; given < spare && c < n; c++)
		if (colw[c] < nat[c])
			colw[c]++, given++;
}


/* What breaking the words of cell (R, C) at width W costs
 * (table_broken()). */
static long
broken(const struct fit *f, size_t r, size_t c, int w)
{
	return table_broken(f->word[r * f->n + c], w);
}

/*
 * The table's cost at F's current widths: its height in lines (with
 * SEP, a bordered grid, the rules between body rows when one wraps) and
 * its words broken inside (broken()) and its header wrapped (half a line
 * each), then, among equal costs, fewer cell lines.
 */
static long
height(const struct fit *f, int sep)
{
	struct table_cost k = { 0, 0, 0, 0 };
	size_t r, c;
	int m;

	for (r = 0; r < f->nrows; r++) {
		for (m = 0, c = 0; c < f->n; c++) {
			k.cells += f->lines[r * f->n + c];
			k.pen += broken(f, r, c, f->colw[c]);
			if (f->lines[r * f->n + c] > m)
				m = f->lines[r * f->n + c];
		}
		table_cost_row(&k, r, m);
	}
	return table_cost_total(&k, f->nrows, sep);
}

/* The cost (as height() counts it) were columns A and B WA and WB wide,
 * with lines LA and LB per row. */
static long
height_with(const struct fit *f, size_t a, const int *la, int wa, size_t b,
    const int *lb, int wb, int sep)
{
	struct table_cost k = { 0, 0, 0, 0 };
	size_t r, c;
	int m, v;

	for (r = 0; r < f->nrows; r++) {
		m = la[r] > lb[r] ? la[r] : lb[r];
		k.cells += la[r] + lb[r];
		k.pen += broken(f, r, a, wa) + broken(f, r, b, wb);
		for (c = 0; c < f->n; c++) {
			if (c == a || c == b)
				continue;
			v = f->lines[r * f->n + c];
			k.cells += v;
			k.pen += broken(f, r, c, f->colw[c]);
			if (v > m)
				m = v;
		}
		table_cost_row(&k, r, m);
	}
	return table_cost_total(&k, f->nrows, sep);
}

/*
 * Move width from one column to another while that makes the table
 * shorter (what a step at a time cannot see: two columns that must both
 * widen, or narrow, for a row to lose a line); no column below LO or
 * beyond NAT.  Return the height.
 */
static long
trade(struct fit *f, int *colw, const long *nat, const long *lo,
    const long *word, int sep)
{
	int *la = xcalloc(f->nrows + 1, sizeof(*la)),
	    *lb = xcalloc(f->nrows + 1, sizeof(*lb));
	long h = height(f, sep), h2;
	size_t a, b, r, rounds;
	int k, kmax, moved = 1;

	for (rounds = 0; moved && rounds < 64; rounds++) {
		moved = 0;
		for (a = 0; a < f->n && !moved; a++)
			for (b = 0; b < f->n && !moved; b++) {
				if (a == b)
					continue;
				/* no word broken that was whole */
				kmax = colw[a] - (int)(colw[a] >= word[a] &&
				    word[a] > lo[a] ? word[a] : lo[a]);
				if (kmax > nat[b] - colw[b])
					kmax = (int)(nat[b] - colw[b]);
				if (kmax > 40)
					kmax = 40;
				for (k = 1; k <= kmax && !moved; k++) {
					for (r = 0; r < f->nrows; r++) {
						la[r] = fit_lines(f, r, a, colw[a] - k);
						lb[r] = fit_lines(f, r, b, colw[b] + k);
					}
					h2 = height_with(f, a, la, colw[a] - k, b, lb,
					    colw[b] + k, sep);
					if (h2 >= h)
						continue;
					colw[a] -= k;
					colw[b] += k;
					for (r = 0; r < f->nrows; r++) {
						f->lines[r * f->n + a] = la[r];
						f->lines[r * f->n + b] = lb[r];
					}
					h = h2;
					moved = 1;
				}
			}
	}
	free(la);
	free(lb);
	return h;
}

/* Set F's line counts for widths COLW, which it goes on looking at. */
static void
count_all(struct fit *f, const int *colw)
{
	size_t r, c;

	f->colw = colw;
	for (r = 0; r < f->nrows; r++)
		for (c = 0; c < f->n; c++)
			f->lines[r * f->n + c] = fit_lines(f, r, c, colw[c]);
}

/*
 * From START, give out the room AVAIL leaves: where it saves the most
 * lines (when the table is small enough to search: by lines per column,
 * and by lines, whichever ends shorter), the rest by what each column
 * lacks.  Widths into COLW; the height (SEP as height() takes it), or 0
 * unsearched.
 */
static long
fit_from(struct fit *f, const long *start, const long *nat,
    const long *word, long avail, int search, int sep, int *colw)
{
	long spare = avail, spare2, h, h2;
	int *alt;
	size_t c;

	for (c = 0; c < f->n; c++) {
		colw[c] = (int)start[c];
		spare -= start[c];
	}
	if (!search) {
		share(colw, nat, f->n, spare);
		return 0;
	}
	alt = xcalloc(f->n + 1, sizeof(*alt));
	memcpy(alt, colw, f->n * sizeof(*alt));
	count_all(f, alt);
	spare2 = spend(f, alt, nat, spare, 0);
	h2 = height(f, sep);
	count_all(f, colw);
	spare = spend(f, colw, nat, spare, 1);
	h = height(f, sep);
	f->colw = NULL; /* ALT goes */
	if (h2 < h) {
		memcpy(colw, alt, f->n * sizeof(*colw));
		spare = spare2;
		h = h2;
	}
	free(alt);
	share(colw, nat, f->n, spare);
	count_all(f, colw);
	if (f->nrows * f->n > TRADE_CELLS)
		return height(f, sep);
	return trade(f, colw, nat, start, word, sep);
}

/*
 * table_ways() as it was first written, counting each way's lines anew
 * (kept for the tests to check table_ways() against): every way of
 * sharing AVAIL among the N (at most EXHAUST_COLS) columns, each from LO
 * to NAT, the last taking what is left, the cheapest into COLW.  Return
 * 0 (COLW untouched) when there are more than EXHAUST_WAYS ways.
 */
static int
every_way(struct fit *f, const long *lo, const long *nat, long avail,
    int sep, int *colw)
{
	int w[EXHAUST_COLS], best_w[EXHAUST_COLS];
	long cost, best = -1, rest;
	size_t c, n = f->n, last = n - 1;

	if (!table_few_ways(lo, nat, n, avail))
		return 0;
	for (c = 0; c < n; c++)
		w[c] = (int)lo[c];
	for (;;) {
		for (rest = avail, c = 0; c < last; c++)
			rest -= w[c];
		if (rest >= lo[last]) {
			w[last] = (int)(rest < nat[last] ? rest : nat[last]);
			count_all(f, w);
			cost = height(f, sep);
			if (best < 0 || cost < best) {
				best = cost;
				memcpy(best_w, w, n * sizeof(*w));
			}
		}
		/* the next way: an odometer over the first N - 1 columns */
		for (c = 0; c < last; c++) {
			if (w[c] < nat[c] && rest - 1 >= lo[last]) {
				w[c]++;
				break;
			}
			rest += w[c] - lo[c];
			w[c] = (int)lo[c];
		}
		if (c == last)
			break;
	}
	f->colw = NULL;
	if (best < 0)
		return 0;
	memcpy(colw, best_w, n * sizeof(*colw));
	return 1;
}

/* What each of a table's columns needs: its natural width (longest
 * cell), the least (longest word, up to MAX_MIN_WORD), its header's
 * width, its hyphenated words whole, and its longest word; and their
 * sums (in that order, but the longest word's). */
struct needs {
	long *nat, *minw, *head, *whole, *word;
	long sum[4];
};

/* The words of the N columns COLS (all when NULL) of T into F, and what
 * each column needs into ND (the caller frees its arrays). */
static void
measure(const struct doc *d, const struct table *t, const uint32_t *cols,
    int plain, struct fit *f, struct needs *nd)
{
	size_t n = f->n, c, r, i;
	int a, b;

	memset(nd, 0, sizeof(*nd));
	nd->nat = xcalloc(n + 1, sizeof(*nd->nat));
	nd->minw = xcalloc(n + 1, sizeof(*nd->minw));
	nd->head = xcalloc(n + 1, sizeof(*nd->head));
	nd->whole = xcalloc(n + 1, sizeof(*nd->whole));
	nd->word = xcalloc(n + 1, sizeof(*nd->word));
	f->wd.cell = xcalloc(f->nrows * n + 1, sizeof(*f->wd.cell));
	f->word = xcalloc(f->nrows * n + 1, sizeof(*f->word));
	for (r = 0; r < f->nrows; r++)
		for (c = 0; c < n; c++) {
			f->wd.cell[r * n + c] = f->wd.n;
			table_cell_words(d, doc_cell(d, t, (uint32_t)r, cols ?
			    cols[c] : (uint32_t)c), plain, &f->wd, &a, &b);
			f->word[r * n + c] = b;
			if (a > nd->nat[c])
				nd->nat[c] = a;
			if (b > nd->minw[c])
				nd->minw[c] = b;
			if (r == 0)
				nd->head[c] = a;
		}
	f->wd.cell[f->nrows * n] = f->wd.n;
	for (c = 0; c < n; c++) {
		nd->word[c] = nd->minw[c];
		if (nd->minw[c] > MAX_MIN_WORD)
			nd->minw[c] = MAX_MIN_WORD;
		if (nd->minw[c] < 1)
			nd->minw[c] = 1;
		if (nd->nat[c] < nd->minw[c])
			nd->nat[c] = nd->minw[c];
		if (nd->head[c] < nd->minw[c])
			nd->head[c] = nd->minw[c];
		for (r = 0; r < f->nrows; r++) {
			i = r * n + c;
			a = table_whole_word(&f->wd, f->wd.cell[i],
			    f->wd.cell[i + 1]);
			if (a > nd->whole[c])
				nd->whole[c] = a;
		}
		if (nd->whole[c] < nd->head[c])
			nd->whole[c] = nd->head[c];
		if (nd->whole[c] > nd->nat[c])
			nd->whole[c] = nd->nat[c];
		nd->sum[0] += nd->nat[c];
		nd->sum[1] += nd->minw[c];
		nd->sum[2] += nd->head[c];
		nd->sum[3] += nd->whole[c];
	}
}

/*
 * The cheapest way of sharing AVAIL among the N (at most EXHAUST_COLS)
 * columns, each from LO to NAT, the last taking what is left (by
 * table_ways(), or EVERY: every_way()), into COLW, what is left beyond
 * the natural widths shared.  Return 0 (COLW untouched) when there are
 * more than EXHAUST_WAYS ways.
 */
static int
exhaust(struct fit *f, const long *lo, const long *nat, long avail, int sep,
    int every, int *colw)
{
	long rest = avail;
	size_t c;

	if (every ? !every_way(f, lo, nat, avail, sep, colw) :
	    !table_ways(&f->wd, f->word, f->nrows, f->n, lo, nat, avail, sep,
	    colw))
		return 0;
	for (c = 0; c < f->n; c++)
		rest -= colw[c];
	share(colw, nat, f->n, rest);
	return 1;
}

int
table_fit_with(const struct doc *d, const struct table *t,
    const uint32_t *cols, size_t n, int avail, int plain, int sep,
    int every, int *colw)
{
	struct needs nd;
	long ha, hb;
	int *alt = xcalloc(n + 1, sizeof(*alt)), ok = 1, search;
	long *nat, *minw, *head, *whole, *word;
	long sum_nat, sum_min, sum_head, sum_whole;
	struct fit f;
	size_t c;

	memset(&f, 0, sizeof(f));
	f.n = n;
	f.nrows = t->nrows;
	search = f.nrows * n <= SEARCH_CELLS;
	measure(d, t, cols, plain, &f, &nd);
	nat = nd.nat, minw = nd.minw, head = nd.head, whole = nd.whole;
	word = nd.word;
	sum_nat = nd.sum[0], sum_min = nd.sum[1], sum_head = nd.sum[2];
	sum_whole = nd.sum[3];
	if (n == 0 || sum_min > avail) {
		ok = 0;
		goto out;
	}
	if (sum_nat <= avail) {
		for (c = 0; c < n; c++)
			colw[c] = (int)nat[c];
		goto out;
	}
	if (search) {
		f.lines = xcalloc(f.nrows * n + 1, sizeof(*f.lines));
		f.other = xcalloc(f.nrows + 1, sizeof(*f.other));
		f.nat = nat;
		f.base = xcalloc(n + 1, sizeof(*f.base));
		for (c = 0; c < n; c++)
			f.base[c + 1] = f.base[c] + f.nrows * (size_t)(nat[c] + 1);
	}
	/* narrow tables (whose counts the memo would hold): every way */
	if (search && n <= EXHAUST_COLS && f.base[n] <= MEMO_MAX) {
		if (every)
			f.memo = xcalloc(f.base[n] + 1, sizeof(*f.memo));
		if (exhaust(&f, minw, nat, avail, sep, every, colw)) {
			ok = 2;
			goto out;
		}
	}
	if (search && f.base[n] <= MEMO_MAX && f.memo == NULL)
		f.memo = xcalloc(f.base[n] + 1, sizeof(*f.memo));
	/* Headers wrap last: from their widths when they fit and that
	 * costs no line, else from the words'. */
	hb = fit_from(&f, sum_head <= avail ? head : minw, nat, word, avail,
	    search,
	    sep, colw);
	if (search && sum_head <= avail && sum_head > sum_min) {
		ha = fit_from(&f, minw, nat, word, avail, search, sep, alt);
		if (ha < hb) {
			memcpy(colw, alt, n * sizeof(*colw));
			hb = ha;
		}
	}
	/* Hyphenated words (dates, names) whole, unless that costs lines. */
	if (sum_whole <= avail && sum_whole > sum_head) {
		ha = fit_from(&f, whole, nat, word, avail, search, sep, alt);
		if (ha <= hb)
			memcpy(colw, alt, n * sizeof(*colw));
	}
out:
	free(f.wd.w);
	free(f.wd.sep);
	free(f.wd.cell);
	free(f.word);
	free(f.base);
	free(f.memo);
	free(f.lines);
	free(f.other);
	free(nd.nat);
	free(nd.minw);
	free(nd.head);
	free(nd.whole);
	free(nd.word);
	free(alt);
	return ok;
}

int
table_fit_in(const struct doc *d, const struct table *t,
    const uint32_t *cols, size_t n, int avail, int plain, int sep,
    int *colw)
{
	return table_fit_with(d, t, cols, n, avail, plain, sep, 0, colw) != 0;
}

int
table_fit(const struct doc *d, const struct table *t, const uint32_t *cols,
    size_t n, int width, int plain, int *colw)
{
	return table_fit_in(d, t, cols, n, width - 3 * (int)n - 1, plain, 1,
	    colw);
}

int
table_few_ways(const long *lo, const long *nat, size_t n, long avail)
{
	long ways = 1, span, sum_lo = 0;
	size_t c;

	for (c = 0; c < n; c++)
		sum_lo += lo[c];
	for (c = 0; c + 1 < n; c++) {
		span = nat[c] - lo[c] + 1;
		if (span > avail - sum_lo + 1)
			span = avail - sum_lo + 1;
		ways *= span;
		if (ways > EXHAUST_WAYS)
			return 0;
	}
	return 1;
}
