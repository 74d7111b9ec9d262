/*
 * What the table layout's files share: the words of cells (table_words.c)
 * that table_fit.c and table_ways.c weigh widths by, and what a table's
 * height costs.
 */
#ifndef QUIRE_TABLE_PRIV_H
#define QUIRE_TABLE_PRIV_H

#include <stddef.h>

#include "quire/doc.h"

#define MAX_MIN_WORD 16   /* a column's minimum need not exceed this */
#define COST_LINE 65536L  /* a line of height outweighs any cell lines */
#define COST_BREAK 4      /* a long word broken inside, in cell lines */
#define SHORT_WORD 24     /* longer words may break at a lesser cost */
#define EXHAUST_COLS 4    /* tables this narrow ... */
#define EXHAUST_WAYS 20000L /* ... are tried every way, when there are
                             at most this many */
#define SEP_LINE 2        /* a word's sep when a line break is before it */

/* The words of the cells of the listed columns, for counting lines. */
struct words {
	int *w;             /* width of each word */
	uint8_t *sep;       /* columns before it on a shared line (0, 1),
	                       or SEP_LINE + N: it begins a line, after N
	                       blank lines (a cell's line breaks) */
	size_t n, cap;
	size_t *cell;       /* first word of cell (r, c) at r * ncols + c */
};

/* Add the words of cell C to WD (when not NULL); its natural width and
 * longest word into *NAT and *WORD.  PLAIN: room for a plain layout's
 * marks around code and struck text. */
void table_cell_words(const struct doc *d, const struct cell *c, int plain,
    struct words *wd, int *nat, int *word);

/* Lines words [A, B) of WD take wrapped at WIDTH (at least 1); into
 * *NEXT (unless NULL) the least wider width that may wrap them otherwise
 * (INT_MAX: none). */
int table_count_lines(const struct words *wd, size_t a, size_t b,
    int width, int *next);

/* What breaking the words of a cell whose longest word is WORD wide
 * costs at width W: nothing when that word fits; a line of height for a
 * word of a name's length (a reader would rather have the line); a
 * little for a longer one (a path, a command), which has to break
 * somewhere. */
static inline long
table_broken(int word, int w)
{
	if (word <= w)
		return 0;
	return word <= SHORT_WORD ? COST_LINE : COST_BREAK;
}

/*
 * The cheapest way (as table_fit.c's height() costs it, the first found
 * of equal ones) of sharing AVAIL among the N (at most EXHAUST_COLS)
 * columns of the NROWS rows of words WD, whose cells' longest words are
 * WORD, each from LO to NAT, the last taking what is left (up to NAT):
 * into COLW.  SEP as height() takes it.  Return 0 (COLW untouched) when
 * there are more than EXHAUST_WAYS ways.
 */
int table_ways(const struct words *wd, const int *word, size_t nrows,
    size_t n, const long *lo, const long *nat, long avail, int sep,
    int *colw);

/*
 * table_fit_in(), the choice among every way (EXHAUST_WAYS) made by
 * EVERY: 0, table_ways(); 1, counting each way's lines anew (the way
 * table_ways() stands for, kept to check it against).  Return 0 when
 * the columns do not fit, 2 when an exhaustive search chose, else 1.
 */
int table_fit_with(const struct doc *d, const struct table *t,
    const uint32_t *cols, size_t n, int avail, int plain, int sep,
    int every, int *colw);

/* The longest run of words [A, B) of WD joined by hyphens or slashes. */
int table_whole_word(const struct words *wd, size_t a, size_t b);

/* Whether sharing AVAIL among N columns, each from LO[c] to NAT[c], the
 * last taking the rest, has at most EXHAUST_WAYS ways (table_fit.c). */
int table_few_ways(const long *lo, const long *nat, size_t n, long avail);

/* A table's cost at some widths (table_fit.c's height()), summed row
 * by row: lines, penalties, cell lines, and whether a body row wraps. */
struct table_cost {
	long h, pen, cells;
	int wraps;
};

/* Row R of a table, its tallest cell M lines, into cost K. */
static inline void
table_cost_row(struct table_cost *k, size_t r, int m)
{
	k->h += m;
	k->wraps |= r > 0 && m > 1;
	if (r == 0) /* headers wrap last */
		k->pen += (m - 1) * (COST_LINE / 2);
}

/* Cost K of a table of NROWS rows as one figure. */
static inline long
table_cost_total(const struct table_cost *k, size_t nrows, int sep)
{
	long h = k->h + (sep && k->wraps && nrows > 2 ? (long)nrows - 2 : 0);

	return h * COST_LINE + k->pen + (k->cells < COST_LINE / 4 ? k->cells :
	    COST_LINE / 4);
}

#endif
