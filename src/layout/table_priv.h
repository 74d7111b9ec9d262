/*
 * What the table layout's files share: the words of cells (table_words.c)
 * that table_fit.c weighs widths by.
 */
#ifndef QUIRE_TABLE_PRIV_H
#define QUIRE_TABLE_PRIV_H

#include <stddef.h>

#include "quire/doc.h"

#define MAX_MIN_WORD 16   /* a column's minimum need not exceed this */
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

/* Lines words [A, B) of WD take wrapped at WIDTH (at least 1). */
int table_count_lines(const struct words *wd, size_t a, size_t b,
    int width);

/* The longest run of words [A, B) of WD joined by hyphens or slashes. */
int table_whole_word(const struct words *wd, size_t a, size_t b);

#endif
