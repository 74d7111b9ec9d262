/*
 * Words for FAQ search: splitting text into folded words, the stop words
 * a query leaves out, and whether a query term matches a word (exact,
 * prefix, or one typo by the restricted Damerau-Levenshtein distance,
 * two in a long word against a whole word).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "quire/text.h"
#include "quire/stem.h"
#include "words.h"

#define SYN_MIN 4 /* letters a word needs to have related words looked up */

#define FOLD (UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK)
#define FOLD_MAX 18 /* code points one code point folds into, at most */

/* Common words a query leaves out, folded, sorted for bsearch(). */
static const char *const stop_words[] = {
	"a", "about", "am", "an", "and", "any", "are", "as", "at", "be",
	"been", "being", "between", "both", "but", "by", "can", "could", "did",
	"do", "does", "doing", "each", "for", "from", "had", "has", "have",
	"having", "how", "i", "if", "in", "into", "is", "it", "its", "me",
	"my", "of", "on", "one", "or", "other", "our", "s", "should", "so",
	"t", "than", "that", "the", "their", "them", "then", "there", "these",
	"they", "this", "those", "to", "us", "vs", "was", "we", "were", "what",
	"when", "where", "which", "who", "why", "will", "with", "would", "you",
	"your",
};

/* Words that compare things, folded, sorted for bsearch(). */
static const char *const comparing[] = {
	"compare", "compared", "comparing", "comparison", "contrast", "differ",
	"difference", "differences", "different", "versus", "vs",
};

/* Whether CP belongs in a word: a letter, a mark or a digit. */
static int
is_word_cp(uint32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 0x20) - 'a' < 26u || cp - '0' < 10u;
	c = utf8proc_category((utf8proc_int32_t)cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

/* Append CP to B folded: case-folded, decomposed, marks stripped. */
static void
fold_put(struct buf *b, uint32_t cp)
{
	utf8proc_int32_t out[FOLD_MAX];
	utf8proc_ssize_t n, i;
	int bound = 0;
	char enc[4];

	if (cp < 0x80) {
		buf_putc(b, (char)(cp - 'A' < 26u ? cp + 32 : cp));
		return;
	}
	n = utf8proc_decompose_char((utf8proc_int32_t)cp, out, FOLD_MAX, FOLD,
	    &bound);
	if (n < 0 || n > FOLD_MAX) { /* cannot happen; keep the character */
		out[0] = (utf8proc_int32_t)cp;
		n = 1;
	}
	for (i = 0; i < n; i++)
		if (is_word_cp((uint32_t)out[i]))
			buf_put(b, enc, text_encode((uint32_t)out[i], enc));
}

void
words_init(struct words *it, const char *s, size_t len)
{
	memset(it, 0, sizeof(*it));
	it->s = s;
	it->len = len;
}

int
words_next(struct words *it)
{
	uint32_t cp;
	size_t n;

	for (;;) {
		it->w.len = 0;
		while (it->pos < it->len) { /* skip to a word */
			n = text_decode(it->s + it->pos, it->len - it->pos, &cp);
			if (is_word_cp(cp))
				break;
			it->pos += n;
		}
		if (it->pos >= it->len)
			return 0;
		it->off = it->pos;
		while (it->pos < it->len) {
			n = text_decode(it->s + it->pos, it->len - it->pos, &cp);
			if (!is_word_cp(cp))
				break;
			fold_put(&it->w, cp);
			it->pos += n;
		}
		it->n = it->pos - it->off;
		if (it->w.len > 0) /* not marks alone */
			return 1;
	}
}

void
words_free(struct words *it)
{
	buf_free(&it->w);
}

/* Compare a word with a stop word, for bsearch(). */
static int
stop_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

int
word_is_stop(const char *w)
{
	return bsearch(w, stop_words, NELEM(stop_words),
	    sizeof(stop_words[0]), stop_cmp) != NULL;
}

/* Whether folded word W compares things. */
static int
is_comparing(const char *w)
{
	return bsearch(w, comparing, NELEM(comparing), sizeof(comparing[0]),
	    stop_cmp) != NULL;
}

int
words_joined(const char *s, size_t from, size_t to)
{
	size_t i;

	if (to - from > 3 || to == from)
		return 0;
	if (to - from == 3 && memcmp(s + from, "\xe2\x80\x99", 3) == 0)
		return 1;
	for (i = from; i < to; i++)
		switch (s[i]) {
		case ' ': case '\t': case '\n': case '-': case '/': case '\'':
			break;
		default:
			return 0;
		}
	return 1;
}

void
word_stem(struct stemmer *st, const char *w, size_t len, struct stem *out)
{
	const char *r;
	size_t n;

	out->len = 0;
	if (st == NULL || len == 0 || len >= STEM_MAX)
		return;
	r = stem_word(st, w, len, &n);
	if (n == 0 || n >= STEM_MAX)
		return;
	memcpy(out->s, r, n);
	out->s[n] = '\0';
	out->len = n;
}

int
term_relate(struct stemmer *st, struct term *e, const char *w,
    enum rel_kind kind)
{
	size_t i, len = strlen(w);

	if (e->nrel >= REL_MAX || len >= SYN_LEN || strcmp(w, e->w) == 0 ||
	    word_is_stop(w)) /* "make" -> "do": no help */
		return 0;
	for (i = 0; i < e->nrel; i++)
		if (strcmp(e->rel[i], w) == 0) {
			if (kind == REL_PHRASE) /* a phrase's own, now */
				e->rel_kind[i] = (unsigned char)kind;
			return 0;
		}
	memcpy(e->rel[e->nrel], w, len + 1);
	word_stem(st, w, len, &e->rel_stem[e->nrel]);
	e->rel_kind[e->nrel] = (unsigned char)kind;
	e->nrel++;
	return 1;
}

/* Look up the related words of term E. */
static void
relate(struct stemmer *st, struct term *e)
{
	char syn[SYN_MAX][SYN_LEN];
	size_t i, n, nclose;

	if (e->ncp >= SYN_MIN) {
		n = synonyms_get(e->w, syn, &nclose);
		for (i = 0; i < n; i++)
			term_relate(st, e, syn[i], i >= nclose ? REL_WIDE :
			    REL_CLOSE);
	}
	if (is_comparing(e->w))
		for (i = 0; i < NELEM(comparing); i++)
			term_relate(st, e, comparing[i], REL_CLOSE);
}

/* Words that negate the next: "not", "can't" (folded "can" "t"),
 * "dont", sorted. */
static const char *const negations[] = {
	"arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont",
	"hasnt", "havent", "isnt", "never", "no", "not", "t", "unable",
	"wasnt", "wont", "wouldnt"
};

/* Whether folded word W negates the word after it. */
static int
is_negation(const char *w)
{
	return bsearch(w, negations, NELEM(negations), sizeof(*negations),
	    stop_cmp) != NULL;
}

/* Give E, a word the reader negates ("can't remember"), WordNet's
 * opposites of it as close related words ("forget"). */
static void
relate_opposite(struct stemmer *st, struct term *e)
{
	char opp[SYN_OPPOSITE][SYN_LEN];
	size_t i, n = synonyms_opposite(e->w, opp);

	for (i = 0; i < n; i++)
		term_relate(st, e, opp[i], REL_CLOSE);
}

/* Decode up to MAX code points of S (LEN bytes) into CP; return the count. */
static size_t
decode_cps(const char *s, size_t len, uint32_t *cp, size_t max)
{
	size_t i = 0, n = 0;

	while (i < len && n < max)
		i += text_decode(s + i, len - i, &cp[n++]);
	return n;
}

/* Add folded word W to T unless it is there already; return it. */
static struct term *
terms_add(struct stemmer *st, struct terms *t, size_t *cap, const char *w,
    size_t len)
{
	struct term *e;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->t[i].len == len && memcmp(t->t[i].w, w, len) == 0)
			return &t->t[i];
	GROW(t->t, *cap, t->n, 1);
	e = &t->t[t->n++];
	memset(e, 0, sizeof(*e));
	e->w = xmalloc(len + 1);
	memcpy(e->w, w, len);
	e->w[len] = '\0';
	e->len = len;
	word_stem(st, w, len, &e->stem);
	for (i = 0; i < len; i++) /* folded words are valid UTF-8 */
		e->ncp += ((unsigned char)w[i] & 0xC0) != 0x80;
	decode_cps(w, len, e->cp, WORD_MAX);
	relate(st, e);
	return e;
}

void
terms_parse(struct stemmer *st, const char *query, struct terms *out)
{
	struct words it;
	size_t cap = 0, pass, i, real;
	int compares = 0, negated, neg;
	struct term *e;

	memset(out, 0, sizeof(*out));
	for (pass = 0; pass < 2 && out->n == 0; pass++) {
		words_init(&it, query, strlen(query));
		negated = 0;
		while (words_next(&it)) {
			compares |= is_comparing(it.w.data);
			neg = is_negation(it.w.data);
			if (pass == 1 || !word_is_stop(it.w.data)) {
				e = terms_add(st, out, &cap, it.w.data, it.w.len);
				if (negated && !neg)
					relate_opposite(st, e);
				negated = 0;
			}
			if (neg)
				negated = 1;
		}
		words_free(&it);
	}
	real = out->n;
	for (i = 0; i < out->n; i++)
		if (is_comparing(out->t[i].w))
			compares = 0; /* the reader's own word stands for it */
	if (compares && real > 0) {
		e = terms_add(st, out, &cap, "difference", 10);
		e->implied = 1;
		real = out->n;
	}
	/* With words that count, the common ones still tell the kind of
	 * question ("what is", "how do I"): weak terms, after the rest. */
	words_init(&it, query, strlen(query));
	while (real > 0 && words_next(&it))
		if (word_is_stop(it.w.data) && !is_comparing(it.w.data)) {
			i = out->n;
			e = terms_add(st, out, &cap, it.w.data, it.w.len);
			if (out->n > i) /* not one the query kept, nor met */
				e->stop = 1;
		}
	words_free(&it);
}

void
terms_free(struct terms *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->t[i].w);
	free(t->t);
	memset(t, 0, sizeof(*t));
}

/* Whether A and B (N code points each) are equal. */
static int
same(const uint32_t *a, const uint32_t *b, size_t n)
{
	return n == 0 || memcmp(a, b, n * sizeof(*a)) == 0;
}

/* Whether A and B (N code points each), alike before I, differ by the
 * two at I swapped, and are alike after them. */
static int
swapped_at(const uint32_t *a, const uint32_t *b, size_t n, size_t i)
{
	return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	    same(a + i + 2, b + i + 2, n - i - 2);
}

/* Whether A and B (N code points each) differ by two neighbours
 * swapped, neither the first ("sycn", "sync"). */
static int
swapped(const uint32_t *a, const uint32_t *b, size_t n)
{
	size_t i = 0;

	while (i < n && a[i] == b[i])
		i++;
	return i > 0 && swapped_at(a, b, n, i);
}

/* Whether A (N) and B (M) are at most one edit or swap apart. */
static int
within_one(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t i = 0;

	if (n > m + 1 || m > n + 1)
		return 0;
	while (i < n && i < m && a[i] == b[i])
		i++;
	if (n == m) {
		if (i == n || same(a + i + 1, b + i + 1, n - i - 1))
			return 1;
		return swapped_at(a, b, n, i);
	}
	if (n + 1 == m) /* B has one more */
		return same(a + i, b + i + 1, n - i);
	return same(a + i + 1, b + i, m - i);
}

/* The least of three numbers. */
static unsigned
least(unsigned a, unsigned b, unsigned c)
{
	return a < b ? (a < c ? a : c) : (b < c ? b : c);
}

/*
 * Whether A (N code points) and B (M) are at most two edits or swaps
 * apart (the optimal string alignment distance).  A row of the table
 * past two everywhere ends the search.
 */
static int
within_two(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	unsigned row[3][WORD_MAX + 3], *cur, *p1, *p2, lo;
	size_t i, j;

	if (m > n + 2 || n > m + 2)
		return 0;
	for (j = 0; j <= m; j++)
		row[0][j] = (unsigned)j;
	for (i = 1; i <= n; i++) {
		cur = row[i % 3], p1 = row[(i + 2) % 3], p2 = row[(i + 1) % 3];
		cur[0] = (unsigned)i;
		lo = cur[0];
		for (j = 1; j <= m; j++) {
			cur[j] = least(p1[j] + 1, cur[j - 1] + 1,
			    p1[j - 1] + (a[i - 1] != b[j - 1]));
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && p2[j - 2] + 1 < cur[j])
				cur[j] = p2[j - 2] + 1;
			if (cur[j] < lo)
				lo = cur[j];
		}
		if (lo > 2)
			return 0;
	}
	return row[n % 3][m] <= 2;
}

/* Whether stem A is the WSLEN bytes at WS (and not none). */
static int
same_stem(const struct stem *a, const char *ws, size_t wslen)
{
	return a->len > 0 && a->len == wslen && memcmp(a->s, ws, wslen) == 0;
}

enum match
rel_match(enum rel_kind k)
{
	return k == REL_PHRASE ? MATCH_PREFIX : k == REL_CLOSE ? MATCH_RELATED :
	    k == REL_LISTED ? MATCH_LISTED : MATCH_WIDE;
}

/* Whether W (LEN bytes, stem WS) is one of T's related words, and the
 * best match they give (MATCH_NONE: none). */
static enum match
related(const struct term *t, const char *w, size_t len, const char *ws,
    size_t wslen)
{
	enum match m = MATCH_NONE;
	size_t i, rl;

	for (i = 0; i < t->nrel; i++) {
		if (strchr(t->rel[i], ' ') != NULL)
			continue; /* a phrase: matched in the index */
		rl = strlen(t->rel[i]);
		/* the word itself, its stem, or a longer form ("harder") */
		if (((rl == len || (rl >= SYN_MIN && rl < len)) &&
		    memcmp(t->rel[i], w, rl) == 0) ||
		    same_stem(&t->rel_stem[i], ws, wslen)) {
			if (rel_match(t->rel_kind[i]) > m)
				m = rel_match(t->rel_kind[i]);
		}
	}
	return m;
}

enum match
term_match(const struct term *t, const char *w, size_t len, const char *ws,
    size_t wslen)
{
	uint32_t cp[WORD_MAX + 3];
	size_t n, k;
	enum match rel = MATCH_NONE;

	if (len == t->len && memcmp(w, t->w, len) == 0)
		return MATCH_EXACT;
	if (same_stem(&t->stem, ws, wslen))
		return MATCH_STEM;
	if (t->ncp >= PREFIX_MIN && len > t->len && memcmp(w, t->w, t->len) == 0)
		return MATCH_PREFIX;
	if (t->nrel > 0 && (rel = related(t, w, len, ws, wslen)) ==
	    MATCH_RELATED)
		return rel;
	if (t->ncp == SWAP_MIN && len == t->len && len < SYN_LEN &&
	    decode_cps(w, len, cp, SWAP_MIN + 1) == SWAP_MIN &&
	    swapped(t->cp, cp, SWAP_MIN)) {
		char sw[SYN_LEN];

		memcpy(sw, w, len);
		sw[len] = '\0';
		if (!word_is_stop(sw)) /* "form" is no "from" */
			return MATCH_TYPO;
	}
	if (t->ncp < TYPO_MIN || t->ncp > WORD_MAX || len + 2 < t->ncp ||
	    (len + 1 < t->ncp && t->ncp < TYPO2_MIN))
		return rel;
	n = decode_cps(w, len, cp, t->ncp + 3);
	/* the word, or a prefix of it, one edit away */
	for (k = t->ncp - 1; k <= t->ncp + 1 && k <= n; k++)
		if (within_one(t->cp, t->ncp, cp, k))
			return MATCH_TYPO;
	/* a long word, two, against the whole word: against a prefix that
	 * is too loose ("companies", "compar[ison]") */
	if (t->ncp >= TYPO2_MIN && within_two(t->cp, t->ncp, cp, n))
		return MATCH_TYPO;
	return rel;
}
