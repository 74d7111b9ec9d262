/*
 * Compound words in a FAQ query: a word the document lacks split into two
 * of its words, or two neighbours joined into one, so that "colorscheme"
 * finds "color scheme" and "file system" finds "filesystem"; and a word
 * whose stem begins a compound of the document finds it, weakly
 * ("running": "runtime", "colors": "colorscheme"); letters and digits
 * run together ("utf16", "ipv6") split where they meet, as the document
 * writes them apart ("UTF-16", "IPv 6"); a word the document lacks that
 * is a prefix and a word it has, and no word WordNet knows, finds that
 * word ("autofill": "fills").
 * The document's own vocabulary decides, no word list but the
 * prefixes'.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/util.h"
#include "faq_index.h"
#include "words.h"

#define COMPOUND_PART 3  /* bytes of each part of a compound, at least */
#define PREFIX_KIND REL_CLOSE
#define PIECES_MAX 2     /* compounds a term's stem begins, taken */

size_t
faq_vocab_from(const struct faq_index *ix, const char *w, size_t len)
{
	size_t lo = 0, hi = ix->nvocab, mid, vl;
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
	return lo;
}

/* Whether the folded word of LEN bytes at W is in IX's vocabulary. */
static int
in_vocab(const struct faq_index *ix, const char *w, size_t len)
{
	size_t k = faq_vocab_from(ix, w, len);

	return k < ix->nvocab && ix->vocab[k].len == len &&
	    memcmp(ix->pool + ix->vocab[k].off, w, len) == 0;
}

/* Whether the LEN bytes at W are a word of IX of COMPOUND_PART bytes or
 * more that is not a common one. */
static int
part_word(const struct faq_index *ix, const char *w, size_t len)
{
	char b[STEM_MAX];

	if (len < COMPOUND_PART || len >= sizeof(b) || !in_vocab(ix, w, len))
		return 0;
	memcpy(b, w, len);
	b[len] = '\0';
	return !word_is_stop(b);
}

/* Whether byte C is an ASCII digit. */
static int
is_digit(char c)
{
	return (unsigned)(unsigned char)c - '0' < 10u;
}

/* Where the folded word W of LEN bytes, missing from IX, splits into
 * two words of IX; 0 when it does not.  Letters and digits run together
 * split where they meet, into words of any length ("utf16": "utf" and
 * "16", the document's "UTF-16"); other words into two of COMPOUND_PART
 * bytes or more. */
static size_t
split_at(const struct faq_index *ix, const char *w, size_t len)
{
	size_t k, at = 0;

	if (word_is_stop(w) || len < 2 || in_vocab(ix, w, len))
		return 0;
	for (k = 1; k < len; k++)
		if (is_digit(w[k]) != is_digit(w[k - 1])) {
			if (at > 0)
				break; /* more than one meeting: a code */
			at = k;
		}
	if (at > 0 && k == len && in_vocab(ix, w, at) &&
	    in_vocab(ix, w + at, len - at))
		return at;
	if (len < 2 * COMPOUND_PART)
		return 0;
	for (k = COMPOUND_PART; k + COMPOUND_PART <= len; k++)
		if (part_word(ix, w, k) && part_word(ix, w + k, len - k))
			return k;
	return 0;
}

/* Prefixes that make a word of another without turning its sense
 * ("autofill", "preload", "reinstall"), longest first among those that
 * begin alike. */
static const char *const prefixes[] = {
	"auto", "cross", "inter", "multi", "over", "post", "pre", "re",
	"self", "semi", "sub", "super", "under", "up"
};
#define REST_MIN 4 /* bytes of the word after the prefix, at least */

/* Give term E, a word IX lacks and WordNet does not know that is a
 * prefix and a word of IX ("autofill": "fill", where the document says
 * "fills"), that word as a related word of PREFIX_KIND.  A word WordNet
 * knows is a word of its own, whatever it begins with. */
static void
relate_prefixed(const struct faq_index *ix, struct term *e)
{
	size_t i, pl;
	struct stem st;
	char w[SYN_LEN];

	if (e->stop || e->implied || e->len >= SYN_LEN || in_vocab(ix, e->w,
	    e->len))
		return;
	for (i = 0; i < NELEM(prefixes); i++) {
		pl = strlen(prefixes[i]);
		if (e->len < pl + REST_MIN || memcmp(e->w, prefixes[i], pl) != 0)
			continue;
		memcpy(w, e->w + pl, e->len - pl);
		w[e->len - pl] = '\0';
		if (word_is_stop(w))
			continue;
		word_stem(ix->stemmer, w, e->len - pl, &st);
		if (!faq_stem_form(ix, &st))
			continue;
		/* WordNet looked up last, for the few words that get here:
		 * "update" is no "date", "report" no "port" */
		if (!synonyms_known(e->w))
			term_relate(ix->stemmer, e, w, PREFIX_KIND);
		return;
	}
}

/* See faq_index.h.  The compounds are found by a binary search for the
 * stem in the sorted vocabulary, then the words after it that start with
 * it. */
void
faq_pieces(const struct faq_index *ix, struct terms *t)
{
	size_t i, k, kept;
	const struct vocab *v;
	struct term *e;
	char w[SYN_LEN];

	for (i = 0; i < t->n; i++)
		relate_prefixed(ix, &t->t[i]);
	for (i = 0; i < t->n; i++) {
		e = &t->t[i];
		if (e->stop || e->implied || e->stem.len < COMPOUND_PART ||
		    e->stem.len >= e->len)
			continue;
		k = faq_vocab_from(ix, e->stem.s, e->stem.len);
		for (kept = 0; k < ix->nvocab && kept < PIECES_MAX; k++) {
			v = &ix->vocab[k];
			if (v->len < e->stem.len || memcmp(ix->pool + v->off,
			    e->stem.s, e->stem.len) != 0)
				break;
			if (v->len >= SYN_LEN || !part_word(ix, ix->pool + v->off +
			    e->stem.len, v->len - e->stem.len))
				continue;
			memcpy(w, ix->pool + v->off, v->len);
			w[v->len] = '\0';
			kept += term_relate(ix->stemmer, e, w, REL_WIDE);
		}
	}
}

/* See faq_index.h.  Letters and digits apart ("utf 16", "utf-16") are
 * joined when the document writes them together ("utf16"), even where
 * it has each apart too. */
char *
faq_compounds(const struct faq_index *ix, const char *query)
{
	struct words it;
	struct buf out = { 0 }, prev = { 0 };
	size_t k, len, keep = 0;
	int changed = 0, have_prev = 0;
	const char *w;

	words_init(&it, query, strlen(query));
	while (words_next(&it)) {
		w = it.w.data;
		len = it.w.len;
		if (have_prev && !word_is_stop(w) && (!in_vocab(ix, prev.data,
		    prev.len) || !in_vocab(ix, w, len) ||
		    is_digit(w[0]) != is_digit(prev.data[prev.len - 1]))) {
			buf_put(&prev, w, len);
			if (in_vocab(ix, prev.data, prev.len)) {
				out.len = keep; /* the previous word, joined */
				buf_putc(&out, ' ');
				buf_put(&out, prev.data, prev.len);
				changed = 1;
				have_prev = 0;
				continue;
			}
		}
		keep = out.len;
		buf_putc(&out, ' ');
		if ((k = split_at(ix, w, len)) > 0) {
			buf_put(&out, w, k);
			buf_putc(&out, ' ');
			buf_put(&out, w + k, len - k);
			changed = 1;
		} else {
			buf_put(&out, w, len);
		}
		prev.len = 0;
		buf_put(&prev, w, len);
		have_prev = k == 0 && !word_is_stop(w);
	}
	words_free(&it);
	buf_free(&prev);
	if (!changed) {
		buf_free(&out);
		return NULL;
	}
	return out.data;
}
