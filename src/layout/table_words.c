/*
 * The words of table cells, and the lines they take wrapped at a width:
 * what table_fit.c weighs column widths by, and the natural width and
 * longest word of cells and columns (table_measure).
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "lay.h"
#include "table_priv.h"

/* Add the words of cell C to WD; also its natural width (its widest
 * line: a cell's line breaks are kept) and longest word. */
void
table_cell_words(const struct doc *d, const struct cell *c, int plain,
    struct words *wd, int *nat, int *word)
{
	uint32_t r, i, end, cp;
	int w = 0, cur = 0, sep = 0, widest = 0;

	*nat = 0;
	*word = 0;
#define END_WORD(nextsep) do { \
	if (cur > 0) { \
		if (wd != NULL) { \
			size_t had = wd->cap; \
			GROW(wd->w, wd->cap, wd->n, 1); \
			if (wd->cap != had) /* the separators keep pace */ \
				wd->sep = xrealloc(wd->sep, wd->cap); \
			wd->w[wd->n] = cur; \
			wd->sep[wd->n++] = (uint8_t)sep; \
		} \
		if (cur > *word) \
			*word = cur; \
		sep = (nextsep); \
	} else if ((nextsep) == 1 && sep == 0) \
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
			if (d->text[i] == '\n') { /* the next word on a line
						     * of its own */
				END_WORD(1);
				sep = sep < SEP_LINE ? SEP_LINE :
				    sep < UINT8_MAX ? sep + 1 : sep;
				if (w > widest)
					widest = w;
				w = 0;
				i++;
				continue;
			}
			if (d->text[i] == ' ') {
				END_WORD(1);
				w++;
				i++;
				continue;
			}
			if ((d->text[i] == '-' && cur > 0 && i + 1 < end &&
			    d->text[i + 1] != ' ') || (d->text[i] == '/' &&
			    i > run->off && i + 1 < end &&
			    isalnum((unsigned char)d->text[i - 1]) &&
			    isalnum((unsigned char)d->text[i + 1]))) {
				/* lines may break after '-', and after '/'
				 * inside a word (wrap.c) */
				cur++;
				END_WORD(0);
				w++;
				i++;
				continue;
			}
			if ((unsigned char)d->text[i] - 0x20u < 0x5Fu) {
				cur++, w++, i++; /* printable ASCII: a column */
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
	*nat = w > widest ? w : widest;
}

void
table_cell_width(const struct doc *d, const struct cell *c, int plain,
    int *nat, int *word)
{
	table_cell_words(d, c, plain, NULL, nat, word);
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
		table_cell_words(d, doc_cell(d, t, r, col), plain, NULL, &a, &b);
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

/* Lines words [A, B) of WD take wrapped at WIDTH (at least 1); into
 * *NEXT (unless NULL) the least wider width that may wrap them otherwise
 * (every width from WIDTH to below it breaks the same lines), INT_MAX when
 * none does. */
int
table_count_lines(const struct words *wd, size_t a, size_t b, int width,
    int *next)
{
	int lines = 1, cur = 0, ww, need, least = INT_MAX;
	size_t i;

	for (i = a; i < b; i++) {
		ww = wd->w[i];
		if (wd->sep[i] >= SEP_LINE) {
			if (i > a) /* after a line break, and blank lines */
				lines += wd->sep[i] - SEP_LINE + 1;
			cur = 0;
		} else if (cur > 0) {
			need = cur + wd->sep[i] + ww;
			if (need <= width) {
				cur = need;
				continue;
			}
			if (need < least) /* the word fits on the line from here */
				least = need;
			lines++;
		}
		if (ww > width) { /* a word longer than the column breaks */
			least = width + 1;
			while (ww > width) {
				lines++;
				ww -= width;
			}
		}
		cur = ww;
	}
	if (next != NULL)
		*next = least;
	return lines;
}

/* The longest run of words joined by hyphens in cell I of F's words. */
int
table_whole_word(const struct words *wd, size_t a, size_t b)
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
