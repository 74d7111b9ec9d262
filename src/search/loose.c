/*
 * Loose related words for a FAQ query: of the many words a thesaurus
 * lists with a query word (thesaurus.c), the few the document has.  A
 * broad thesaurus relates most words to many others; the document's own
 * vocabulary keeps the ones that can matter, and they weigh least of
 * all matches.
 */
#include <string.h>

#include "faq_index.h"
#include "thesaurus.h"
#include "words.h"

#define LOOSE_MIN 4 /* letters of a word given loose words, at least */
#define FORMS_LOOKED 16 /* words of the document starting with one looked at */

/* Whether IX has the word of LEN bytes at W, or a longer word with its
 * stem ST ("scheme" for "schemes"). */
static int
in_vocab(const struct faq_index *ix, const char *w, size_t len,
    const struct stem *st)
{
	size_t lo = 0, hi = ix->nvocab, mid, vl, k;
	const struct vocab *v;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		vl = ix->vocab[mid].len;
		c = memcmp(ix->pool + ix->vocab[mid].off, w, vl < len ? vl : len);
		if (c == 0)
			c = (vl > len) - (vl < len);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < ix->nvocab && k < lo + FORMS_LOOKED; k++) {
		v = &ix->vocab[k];
		if (v->len < len || memcmp(ix->pool + v->off, w, len) != 0)
			break;
		if (v->len == len || (st->len > 0 && v->stem_len == st->len &&
		    memcmp(ix->pool + v->stem, st->s, st->len) == 0))
			return 1;
	}
	return 0;
}

/* Whether word W (its stem ST) is matched by a term of T. */
static int
in_query(const struct terms *t, const char *w, const struct stem *st)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (term_match(&t->t[i], w, strlen(w), st->s, st->len) >=
		    MATCH_RELATED)
			return 1;
	return 0;
}

void
faq_loose(const struct faq_index *ix, struct terms *t)
{
	char words[THES_MAX][SYN_LEN];
	struct stem st;
	size_t i, k, n, kept;
	struct term *e;

	for (i = 0; i < t->n; i++) {
		e = &t->t[i];
		if (e->stop || e->implied || e->ncp < LOOSE_MIN)
			continue;
		n = thesaurus_get(e->w, words);
		for (k = kept = 0; k < n && kept < LOOSE_MAX; k++) {
			word_stem(ix->stemmer, words[k], strlen(words[k]), &st);
			if (word_is_stop(words[k]) ||
			    !in_vocab(ix, words[k], strlen(words[k]), &st) ||
			    in_query(t, words[k], &st))
				continue;
			kept += term_relate(ix->stemmer, e, words[k], REL_LOOSE);
		}
	}
}
