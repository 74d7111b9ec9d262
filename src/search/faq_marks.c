/*
 * FAQ search: the words of a text to highlight for a query -- the words
 * its terms match, and the related phrases of the documentation
 * thesaurus or an acronym spelled out, their words.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/faq.h"
#include "quire/util.h"
#include "faq_index.h"
#include "words.h"

#define PHRASE_MAX 6     /* words of a related phrase highlighted, at most */
#define PHRASES_SHOWN 32 /* related phrases of a query highlighted */

/* The last words of a text, for its phrases: places and folded words. */
struct recent_words {
	size_t off[PHRASE_MAX], len[PHRASE_MAX];
	char w[PHRASE_MAX][SYN_LEN];    /* "": too long to be in a phrase */
	int shown[PHRASE_MAX];          /* in the ranges already */
	size_t n;
};

/* Insert range [OFF, OFF + LEN) into the N ranges of OUT (MAX of room),
 * in order; return the new N. */
static size_t
insert_range(struct faq_range *out, size_t n, size_t max, size_t off,
    size_t len)
{
	size_t i = n < max ? n : max;

	if (i == max && (max == 0 || out[max - 1].off < off))
		return n + 1; /* past the room */
	if (i == max)
		i--;
	for (; i > 0 && out[i - 1].off > off; i--)
		out[i] = out[i - 1];
	out[i].off = off;
	out[i].len = len;
	return n + 1;
}

/* The related phrases of a query's terms, to highlight. */
struct phrases {
	const char *p[PHRASES_SHOWN];
	size_t n;
};

/* Whether P is one of PH. */
static int
is_phrase(const struct phrases *ph, const char *p)
{
	size_t i;

	for (i = 0; i < ph->n; i++)
		if (strcmp(ph->p[i], p) == 0)
			return 1;
	return 0;
}

/* The phrases of PH that the last words of R end: add the words of each
 * that are not shown to OUT (N of MAX); return the new N. */
static size_t
phrase_ranges(const struct phrases *ph, const char *text,
    struct recent_words *r, struct faq_range *out, size_t n, size_t max)
{
	char p[SYN_LEN];
	size_t k, j, pl, wl, a;

	for (k = 2; k <= r->n; k++) {
		a = r->n - k;
		if (r->w[a][0] == '\0' || !words_joined(text, r->off[a] +
		    r->len[a], r->off[a + 1]))
			return n;
		for (pl = 0, j = a; j < r->n; j++) {
			wl = strlen(r->w[j]);
			if (pl + wl + 1 >= sizeof(p))
				return n;
			if (pl > 0)
				p[pl++] = ' ';
			memcpy(p + pl, r->w[j], wl + 1);
			pl += wl;
		}
		if (!is_phrase(ph, p))
			continue;
		for (j = a; j < r->n; j++)
			if (!r->shown[j]) {
				n = insert_range(out, n, max, r->off[j], r->len[j]);
				r->shown[j] = 1;
			}
	}
	return n;
}

size_t
faq_word_matches(const struct faq_index *ix, const char *query,
    const char *text, size_t len, struct faq_range *out, size_t max)
{
	struct recent_words r;
	struct phrases ph;
	struct terms t;
	struct words it;
	struct stem st;
	size_t n = 0, i, k;

	terms_parse(ix->stemmer, query, &t);
	faq_related(ix, query, &t);
	ph.n = 0;
	for (i = 0; i < t.n; i++)
		for (k = 0; k < t.t[i].nrel && !t.t[i].stop; k++)
			if (strchr(t.t[i].rel[k], ' ') != NULL &&
			    ph.n < PHRASES_SHOWN)
				ph.p[ph.n++] = t.t[i].rel[k];
	r.n = 0;
	words_init(&it, text, len);
	while (t.n > 0 && words_next(&it)) {
		if (r.n == PHRASE_MAX) {
			for (k = 1; k < r.n; k++) {
				r.off[k - 1] = r.off[k], r.len[k - 1] = r.len[k];
				r.shown[k - 1] = r.shown[k];
				memcpy(r.w[k - 1], r.w[k], SYN_LEN);
			}
			r.n--;
		}
		r.off[r.n] = it.off, r.len[r.n] = it.n;
		r.shown[r.n] = 0;
		r.w[r.n][0] = '\0';
		if (it.w.len < SYN_LEN)
			memcpy(r.w[r.n], it.w.data, it.w.len + 1);
		r.n++;
		word_stem(ix->stemmer, it.w.data, it.w.len, &st);
		for (i = 0; i < t.n; i++)
			if (!t.t[i].stop && term_match(&t.t[i], it.w.data,
			    it.w.len, st.s, st.len))
				break;
		if (i < t.n) {
			if (n < max)
				out[n].off = it.off, out[n].len = it.n;
			n++;
			r.shown[r.n - 1] = 1;
		}
		if (ph.n > 0)
			n = phrase_ranges(&ph, text, &r, out, n, max);
	}
	words_free(&it);
	terms_free(&t);
	return n;
}
