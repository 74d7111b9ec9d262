/*
 * Which section a table row names: the row's words against every
 * heading's, stemmed, scored by the share of the row's words a heading
 * has (and, to choose among those, the share of the heading they make
 * up).  A heading needs half the row's words, or a third when the words
 * it shares are in no other heading; a tie, the document's title and
 * the section the table is in are no answer.  No link rather than a
 * wrong one.  Pure logic: no curses.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quire/pager.h"
#include "quire/stem.h"
#include "quire/util.h"

#define MAX_WORDS 32 /* words of a row or heading that count */
#define STEM_MAX 48  /* bytes of a stem that count */

/* Words that say nothing about which section is meant. */
static int
stop_word(const char *w, size_t n)
{
	static const char *stop[] = { "a", "an", "and", "the", "of", "or",
		"vs", "to", "in", "for", "with", "on", "by", "is", "are",
		"what", "which", "when", "how", "it", "its", "be", "as", "at",
		"than", "do", "does" };
	size_t i;

	if (n < 2)
		return 1;
	for (i = 0; i < NELEM(stop); i++)
		if (strlen(stop[i]) == n && strncasecmp(w, stop[i], n) == 0)
			return 1;
	return 0;
}

/* The next word of S (letters and digits, ASCII); its length, 0 at end. */
static size_t
next_word(const char **s, const char *end)
{
	const char *p = *s;
	size_t n = 0;

	while (p < end && !isalnum((unsigned char)*p))
		p++;
	while (p + n < end && isalnum((unsigned char)p[n]))
		n++;
	*s = p;
	return n;
}

struct stems {
	char w[MAX_WORDS][STEM_MAX + 1];
	size_t n;
};

/* The distinct stems of the words of S (LEN bytes), small words aside. */
static void
stems_of(struct stemmer *st, const char *s, size_t len, struct stems *out)
{
	const char *p = s, *end = s + len, *r;
	char low[STEM_MAX + 1];
	size_t n, k, i, rl;

	out->n = 0;
	for (; (n = next_word(&p, end)) > 0 && out->n < MAX_WORDS; p += n) {
		if (stop_word(p, n) || n > STEM_MAX)
			continue;
		for (k = 0; k < n; k++)
			low[k] = (char)tolower((unsigned char)p[k]);
		low[n] = '\0';
		r = stem_word(st, low, n, &rl);
		if (rl > STEM_MAX)
			rl = STEM_MAX;
		for (i = 0; i < out->n; i++)
			if (strlen(out->w[i]) == rl &&
			    memcmp(out->w[i], r, rl) == 0)
				break;
		if (i < out->n)
			continue;
		memcpy(out->w[out->n], r, rl);
		out->w[out->n++][rl] = '\0';
	}
}

/* Whether stem W is among STEMS. */
static int
has_stem(const struct stems *s, const char *w)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->w[i], w) == 0)
			return 1;
	return 0;
}

/* Whether section SEC may be named by a row: not EXCEPT, not the title
 * (nor a lone level-1 heading, the title in all but name). */
static int
candidate(const struct doc *d, uint32_t sec, uint32_t except, int ones)
{
	return sec != except && sec != d->title &&
	    !(d->sections[sec].level == 1 && ones == 1);
}

uint32_t
nav_section_named(const struct doc *d, const char *s, size_t len,
    uint32_t except)
{
	struct stemmer *st;
	struct stems row, *heads;
	uint32_t sec, best = DOC_NONE;
	size_t i, m, *df;
	double score, top = 0;
	int ones = 0, tie = 0, rare;

	if (d->nsections == 0)
		return DOC_NONE;
	st = stem_new();
	stems_of(st, s, len, &row);
	if (row.n == 0) {
		stem_free(st);
		return DOC_NONE;
	}
	for (sec = 0; sec < d->nsections; sec++)
		ones += d->sections[sec].level == 1;
	heads = xcalloc(d->nsections, sizeof(*heads));
	df = xcalloc(row.n, sizeof(*df));
	for (sec = 0; sec < d->nsections; sec++) {
		if (!candidate(d, sec, except, ones))
			continue;
		stems_of(st, d->text + d->sections[sec].title,
		    d->sections[sec].title_len, &heads[sec]);
		for (i = 0; i < row.n; i++)
			df[i] += has_stem(&heads[sec], row.w[i]);
	}
	for (sec = 0; sec < d->nsections; sec++) {
		if (!candidate(d, sec, except, ones) || heads[sec].n == 0)
			continue;
		for (m = 0, rare = 1, i = 0; i < row.n; i++)
			if (has_stem(&heads[sec], row.w[i])) {
				m++;
				rare &= df[i] == 1;
			}
		if (m == 0 || (2 * m < row.n && !(rare && 3 * m >= row.n)))
			continue;
		score = (double)m / (double)row.n +
		    0.25 * (double)m / (double)heads[sec].n;
		if (score > top + 1e-9) {
			top = score;
			best = sec;
			tie = 0;
		} else if (score > top - 1e-9)
			tie = 1;
	}
	free(heads);
	free(df);
	stem_free(st);
	return tie ? DOC_NONE : best;
}
