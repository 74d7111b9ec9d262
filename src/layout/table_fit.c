/*
 * Table column widths: each column between its longest word and its
 * longest cell, the room beyond the words given where it saves the most
 * wrapped lines (the table as short as it can be at the width), headers
 * kept on one line while the words allow; and which columns the table
 * view shows at a width (all of them, or the first frozen and the ones
 * from a scrolled column on), in a bordered or a compact grid.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "lay.h"

#define MAX_MIN_WORD 16   /* a column's minimum need not exceed this */
#define SEARCH_CELLS 1000 /* larger tables share the room by need */

/* The words of the cells of the listed columns, for counting lines. */
struct words {
	int *w;             /* width of each word */
	uint8_t *sep;       /* columns before it on a shared line (0, 1) */
	size_t n, cap;
	size_t *cell;       /* first word of cell (r, c) at r * ncols + c */
};

/* Add the words of cell C to WD; also its natural width and longest
 * word. */
static void
cell_words(const struct doc *d, const struct cell *c, int plain,
    struct words *wd, int *nat, int *word)
{
	uint32_t r, i, end, cp;
	int w = 0, cur = 0, sep = 0;

	*nat = 0;
	*word = 0;
#define END_WORD(nextsep) do { \
	if (cur > 0) { \
		if (wd != NULL) { \
			GROW(wd->w, wd->cap, wd->n, 1); \
			wd->sep = xrealloc(wd->sep, wd->cap); \
			wd->w[wd->n] = cur; \
			wd->sep[wd->n++] = (uint8_t)sep; \
		} \
		if (cur > *word) \
			*word = cur; \
		sep = (nextsep); \
	} else if ((nextsep) == 1) \
		sep = 1; \
	cur = 0; \
} while (0)
	for (r = c->run; r < c->run + c->nruns; r++) {
		const struct run *run = &d->runs[r];
		/* room for the marks a plain layout puts around the run */
		int marks = !plain ? 0 : (run->style & STY_CODE ? 1 : 0) +
		    (run->style & STY_STRIKE ? 2 : 0);

		cur += marks + (plain && run->style & STY_SUP ? 1 : 0);
		w += marks + (plain && run->style & STY_SUP ? 1 : 0);
		for (i = run->off, end = run->off + run->len; i < end;) {
			if (d->text[i] == ' ') {
				END_WORD(1);
				w++;
				i++;
				continue;
			}
			if (d->text[i] == '-' && cur > 0 && i + 1 < end &&
			    d->text[i + 1] != ' ') {
				/* lines may break after '-' */
				cur++;
				END_WORD(0);
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
	END_WORD(1);
#undef END_WORD
	*nat = w;
}

void
table_cell_width(const struct doc *d, const struct cell *c, int plain,
    int *nat, int *word)
{
	cell_words(d, c, plain, NULL, nat, word);
}

void
table_measure(const struct doc *d, const struct table *t, uint32_t col,
    int plain, int *nat, int *minw)
{
	uint32_t r;
	int a, b;

	*nat = 0;
	*minw = 0;
	for (r = 0; r < t->nrows; r++) {
		cell_words(d, doc_cell(d, t, r, col), plain, NULL, &a, &b);
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

/* Lines words [A, B) of WD take wrapped at WIDTH (at least 1). */
static int
count_lines(const struct words *wd, size_t a, size_t b, int width)
{
	int lines = 1, cur = 0, ww;
	size_t i;

	for (i = a; i < b; i++) {
		ww = wd->w[i];
		if (cur > 0 && cur + wd->sep[i] + ww <= width) {
			cur += wd->sep[i] + ww;
			continue;
		}
		if (cur > 0)
			lines++;
		while (ww > width) { /* a word longer than the column breaks */
			lines++;
			ww -= width;
		}
		cur = ww;
	}
	return lines;
}

struct fit {
	struct words wd;
	size_t nrows, n;
	int *lines;         /* lines of cell (r, c) at the current widths */
	int *other;         /* per row, the most lines of the other columns */
};

/* Lines of cell (R, C) at WIDTH. */
static int
fit_lines(const struct fit *f, size_t r, size_t c, int width)
{
	size_t i = r * f->n + c;

	return count_lines(&f->wd, f->wd.cell[i], f->wd.cell[i + 1], width);
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
 * From widths COLW, give out SPARE columns where each saves the most
 * lines, to no column beyond NAT; return what is left.
 */
static long
spend(struct fit *f, int *colw, const long *nat, long spare)
{
	size_t r, c, k, best_c;
	long save, best_save;
	int w, best_w, m;
	double ratio, best;

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
				ratio = (double)save / (double)(w - colw[c]);
				if (save > 0 && ratio > best) {
					best = ratio;
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

/* The longest run of words joined by hyphens in cell I of F's words. */
static int
whole_word(const struct words *wd, size_t a, size_t b)
{
	int best = 0, cur = 0;
	size_t i;

	for (i = a; i < b; i++) {
		cur = wd->sep[i] == 0 && i > a ? cur + wd->w[i] : wd->w[i];
		if (cur > best)
			best = cur;
	}
	return best;
}

/* The table's height in lines at F's current widths; with SEP (a
 * bordered grid), the rules between body rows when one wraps. */
static long
height(const struct fit *f, int sep)
{
	long h = 0;
	size_t r, c;
	int m, wraps = 0;

	for (r = 0; r < f->nrows; r++) {
		for (m = 0, c = 0; c < f->n; c++)
			if (f->lines[r * f->n + c] > m)
				m = f->lines[r * f->n + c];
		h += m;
		wraps |= r > 0 && m > 1;
	}
	return h + (sep && wraps && f->nrows > 2 ? (long)f->nrows - 2 : 0);
}

/* From START, give out the room AVAIL leaves: where it saves the most
 * lines (when the table is small enough to search), the rest by what
 * each column lacks.  Widths into COLW; the height, or 0 unsearched. */
static long
fit_from(struct fit *f, const long *start, const long *nat, long avail,
    int search, int sep, int *colw)
{
	long spare = avail;
	size_t r, c;

	for (c = 0; c < f->n; c++) {
		colw[c] = (int)start[c];
		spare -= start[c];
	}
	if (search) {
		for (r = 0; r < f->nrows; r++)
			for (c = 0; c < f->n; c++)
				f->lines[r * f->n + c] = fit_lines(f, r, c, colw[c]);
		spare = spend(f, colw, nat, spare);
	}
	share(colw, nat, f->n, spare);
	return search ? height(f, sep) : 0;
}

int
table_fit_in(const struct doc *d, const struct table *t,
    const uint32_t *cols, size_t n, int avail, int plain, int sep,
    int *colw)
{
	long *nat = xcalloc(n + 1, sizeof(*nat)), *minw = xcalloc(n + 1,
	    sizeof(*minw)), *head = xcalloc(n + 1, sizeof(*head)),
	    *whole = xcalloc(n + 1, sizeof(*whole));
	long sum_nat = 0, sum_min = 0, sum_head = 0, sum_whole = 0, ha, hb;
	int *alt = xcalloc(n + 1, sizeof(*alt)), a, b, ok = 1, search;
	struct fit f;
	size_t c, r, i;

	memset(&f, 0, sizeof(f));
	f.n = n;
	f.nrows = t->nrows;
	search = f.nrows * n <= SEARCH_CELLS;
	f.wd.cell = xcalloc(f.nrows * n + 1, sizeof(*f.wd.cell));
	for (r = 0; r < f.nrows; r++)
		for (c = 0; c < n; c++) {
			f.wd.cell[r * n + c] = f.wd.n;
			cell_words(d, doc_cell(d, t, (uint32_t)r, cols ? cols[c] :
			    (uint32_t)c), plain, &f.wd, &a, &b);
			if (a > nat[c])
				nat[c] = a;
			if (b > minw[c])
				minw[c] = b;
			if (r == 0)
				head[c] = a;
		}
	f.wd.cell[f.nrows * n] = f.wd.n;
	for (c = 0; c < n; c++) {
		if (minw[c] > MAX_MIN_WORD)
			minw[c] = MAX_MIN_WORD;
		if (minw[c] < 1)
			minw[c] = 1;
		if (nat[c] < minw[c])
			nat[c] = minw[c];
		if (head[c] < minw[c])
			head[c] = minw[c];
		for (r = 0; r < f.nrows; r++) {
			i = r * n + c;
			a = whole_word(&f.wd, f.wd.cell[i], f.wd.cell[i + 1]);
			if (a > whole[c])
				whole[c] = a;
		}
		if (whole[c] > MAX_MIN_WORD)
			whole[c] = MAX_MIN_WORD;
		if (whole[c] < head[c])
			whole[c] = head[c];
		if (whole[c] > nat[c])
			whole[c] = nat[c];
		sum_nat += nat[c];
		sum_min += minw[c];
		sum_head += head[c];
		sum_whole += whole[c];
	}
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
	}
	/* Headers wrap last: from their widths when they fit and that
	 * costs no line, else from the words'. */
	hb = fit_from(&f, sum_head <= avail ? head : minw, nat, avail, search,
	    sep, colw);
	if (search && sum_head <= avail && sum_head > sum_min) {
		ha = fit_from(&f, minw, nat, avail, search, sep, alt);
		if (ha < hb) {
			memcpy(colw, alt, n * sizeof(*colw));
			hb = ha;
		}
	}
	/* Hyphenated words (dates, names) whole, unless that costs lines. */
	if (sum_whole <= avail && sum_whole > sum_head) {
		ha = fit_from(&f, whole, nat, avail, search, sep, alt);
		if (ha <= hb)
			memcpy(colw, alt, n * sizeof(*colw));
	}
out:
	free(f.wd.w);
	free(f.wd.sep);
	free(f.wd.cell);
	free(f.lines);
	free(f.other);
	free(nat);
	free(minw);
	free(head);
	free(whole);
	free(alt);
	return ok;
}

int
table_fit(const struct doc *d, const struct table *t, const uint32_t *cols,
    size_t n, int width, int plain, int *colw)
{
	return table_fit_in(d, t, cols, n, width - 3 * (int)n - 1, plain, 1,
	    colw);
}

/* Widen the N columns COLW by SPARE in all, evenly. */
static void
widen(int *colw, size_t n, long spare)
{
	size_t c;

	for (c = 0; n > 0 && spare > 0; c = (c + 1) % n, spare--)
		colw[c]++;
}

enum table_cols
table_columns(const struct doc *d, const struct table *t,
    struct table_choice *ch)
{
	const uint8_t *hidden = ch->hidden;
	uint32_t *shown = ch->shown, c, first = ch->first;
	int *colw = ch->widths, width = ch->width, gap = 1;
	size_t n = 0, i;
	long used, mi;
	int a, b;

	ch->left = ch->right = 0;
	for (c = 0; c < t->ncols; c++)
		if (hidden == NULL || !hidden[c])
			shown[n++] = c;
	ch->nshown = n;
	ch->compact = 0;
	if (n < 2)
		return TABLE_CARDS;
	if (!ch->compact_only && width >= TABLE_MIN_SIDE &&
	    table_fit(d, t, shown, n, width, ch->plain, colw))
		return TABLE_FITS;
	ch->compact = 1; /* a space between columns, no frame */
	if (table_fit_in(d, t, shown, n, width - (int)(n - 1) * gap,
	    ch->plain, 0, colw))
		return TABLE_FITS;
	/* Too many columns: freeze the first, scroll the others from FIRST,
	 * and take in earlier ones while there is room. */
	for (;;) {
		n = 1;
		shown[0] = 0;
		ch->left = ch->right = 0;
		used = ch->nat ? ch->minw[0] : 0;
		if (ch->nat == NULL) {
			table_measure(d, t, 0, ch->plain, &a, &b);
			used = b;
		}
		for (c = 1; c < t->ncols; c++) {
			if (hidden != NULL && hidden[c])
				continue;
			if (c < first) {
				ch->left = 1;
				continue;
			}
			if (ch->nat != NULL)
				mi = ch->minw[c];
			else {
				table_measure(d, t, c, ch->plain, &a, &b);
				mi = b;
			}
			if (used + gap + mi > width) {
				ch->right = 1;
				break;
			}
			shown[n++] = c;
			used += gap + mi;
		}
		if (ch->right || !ch->left || first <= 1)
			break;
		/* the last column is in view and there may be room before it */
		for (c = first - 1; c > 0 && hidden != NULL && hidden[c]; c--)
			;
		if (c == 0)
			break;
		if (ch->nat != NULL)
			mi = ch->minw[c];
		else {
			table_measure(d, t, c, ch->plain, &a, &b);
			mi = b;
		}
		if (used + gap + mi > width)
			break;
		first = c;
	}
	ch->first = first;
	ch->nshown = n;
	if (n < 2)
		return TABLE_CARDS;
	if (!table_fit_in(d, t, shown, n, width - (int)(n - 1) * gap,
	    ch->plain, 0, colw))
		return TABLE_CARDS;
	for (used = 0, i = 0; i < n; i++)
		used += colw[i] + (i ? gap : 0);
	widen(colw, n, width - used);
	return TABLE_SCROLLS;
}
