/*
 * Which columns the table view (and --table) shows of a table at a
 * width: every one not hidden when they fit, in a bordered grid or a
 * compact one, else the first column frozen and the scrolled ones from a
 * column on while they fit, widened to the whole width.
 */
#include <stdlib.h>
#include <string.h>

#include "lay.h"

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
