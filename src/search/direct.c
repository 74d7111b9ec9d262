/*
 * Matches placed from the first pass (scan.c): where a run of lines
 * shows the document's text in order, a match of a query without blanks
 * is one of the offsets the first pass found, inside one span, and its
 * columns follow from the span's.  Runs where that cannot be known are
 * folded (fold.c).
 */
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "quire/util.h"
#include "search_priv.h"

/* Columns of the LEN bytes at T, as the cursor counts them. */
static int
cols_of(const char *t, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	int w = 0;

	while (i < len) {
		if ((unsigned char)t[i] >= ' ' && (unsigned char)t[i] < 0x7F) {
			i++, w++;
			continue;
		}
		i += text_decode(t + i, len - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

/* Set *I to the first of the offsets AT (N of them) at or past OFF,
 * going on from *I unless OFF lies behind the last span seen. */
static void
seek_at(const uint32_t *at, size_t n, size_t *i, uint32_t off, int back)
{
	size_t lo, hi, mid;

	if (back) {
		for (lo = 0, hi = n; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (at[mid] < off)
				lo = mid + 1;
			else
				hi = mid;
		}
		*i = lo;
	}
	while (*i < n && at[*i] < off)
		(*i)++;
}

/*
 * Search lines A..B, a run, knowing the offsets s->at where a match may
 * start, from s->at_i on (s->at_last: the offset of the last span seen,
 * UINT32_MAX to look it up afresh).  Where each span's text follows the one before it on
 * its line, each match is one of those offsets, inside one span: its
 * place is worked out from the span, and going through the lines and
 * spans in order puts the matches in order, table cells included.
 * Otherwise (text out of its order on a line, a match running over a
 * span's end) the run is folded and searched.
 */
void
search_direct(struct search *s, size_t a, size_t b)
{
	const struct layout *lay = s->lay;
	const uint32_t *at = s->at;
	size_t n = s->nat, *pi = &s->at_i;
	uint32_t *plast = &s->at_last;
	const char *text = lay->doc->text;
	const struct span *sp, *prev;
	size_t line, i = *pi, j;
	uint32_t k, last = *plast, end, done;
	unsigned cell;
	int hit = 0, plain = 1;
	struct hit *ht;

	for (line = a; line < b; line++) {
		const struct line *ln = &lay->lines[line];

		prev = NULL;
		for (k = ln->span; k < ln->span + ln->nspans; k++) {
			sp = &lay->spans[k];
			if (sp->gen) {
				prev = NULL;
				continue;
			}
			if (sp->len == 0)
				continue;
			seek_at(at, n, &i, sp->off, sp->off < last);
			if (prev && prev->off + prev->len != sp->off)
				plain = 0;
			last = sp->off;
			end = sp->off + sp->len;
			prev = sp;
			for (j = i; j < n && at[j] < end; j++) {
				hit = 1;
				if (at[j] + s->nlen > end)
					plain = 0;
			}
		}
	}
	*plast = last;
	*pi = i;
	if (!hit)
		return;
	if (!plain) {
		search_run(s, &s->hay, a, b);
		return;
	}
	for (line = a, i = 0, last = UINT32_MAX; line < b; line++) {
		const struct line *ln = &lay->lines[line];

		cell = 0;
		for (k = ln->span; k < ln->span + ln->nspans; k++) {
			sp = &lay->spans[k];
			cell += sp->gen && sp->kind == SPAN_BORDER;
			if (sp->gen || sp->len == 0)
				continue;
			seek_at(at, n, &i, sp->off, sp->off < last);
			last = sp->off;
			for (done = 0; i < n && at[i] < sp->off + sp->len; i++) {
				if (at[i] < done) /* matches do not overlap */
					continue;
				GROW(s->hits, s->cap, s->nhits, 1);
				ht = &s->hits[s->nhits++];
				ht->m.line = ht->m.end_line = (uint32_t)line;
				ht->m.col = (uint16_t)(sp->col + cols_of(text + sp->off,
				    at[i] - sp->off));
				ht->m.end_col = (uint16_t)(ht->m.col + s->nlen);
				ht->slot = (uint16_t)cell;
				done = at[i] + (uint32_t)s->nlen;
			}
		}
	}
}
