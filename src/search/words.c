/*
 * Words for FAQ search: splitting text into folded words, the stop words
 * a query leaves out, and whether a query term matches a word (exact,
 * prefix, or one typo by the restricted Damerau-Levenshtein distance).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "quire/text.h"
#include "words.h"

#define FOLD (UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK)
#define FOLD_MAX 18 /* code points one code point folds into, at most */

/* Common words a query leaves out, folded, sorted for bsearch(). */
static const char *const stop_words[] = {
	"a", "about", "am", "an", "and", "any", "are", "as", "at", "be",
	"been", "between", "but", "by", "can", "could", "did", "do", "does",
	"for", "from", "had", "has", "have", "how", "i", "if", "in", "into",
	"is", "it", "its", "me", "my", "of", "on", "or", "s", "should", "so",
	"t", "than", "that", "the", "their", "them", "then", "there", "these",
	"they", "this", "those", "to", "us", "vs", "was", "we", "were", "what",
	"when", "where", "which", "who", "why", "will", "with", "would", "you",
	"your",
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

/* Whether folded word W is a stop word. */
static int
is_stop(const char *w)
{
	return bsearch(w, stop_words, sizeof(stop_words) /
	    sizeof(stop_words[0]), sizeof(stop_words[0]), stop_cmp) != NULL;
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

/* Add folded word W to T unless it is there already. */
static void
terms_add(struct terms *t, size_t *cap, const char *w, size_t len)
{
	struct term *e;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->t[i].len == len && memcmp(t->t[i].w, w, len) == 0)
			return;
	GROW(t->t, *cap, t->n, 1);
	e = &t->t[t->n++];
	e->w = xmalloc(len + 1);
	memcpy(e->w, w, len);
	e->w[len] = '\0';
	e->len = len;
	e->ncp = 0;
	for (i = 0; i < len; i++) /* folded words are valid UTF-8 */
		e->ncp += ((unsigned char)w[i] & 0xC0) != 0x80;
	decode_cps(w, len, e->cp, WORD_MAX);
}

void
terms_parse(const char *query, struct terms *out)
{
	struct words it;
	size_t cap = 0, pass;

	memset(out, 0, sizeof(*out));
	for (pass = 0; pass < 2 && out->n == 0; pass++) {
		words_init(&it, query, strlen(query));
		while (words_next(&it))
			if (pass == 1 || !is_stop(it.w.data))
				terms_add(out, &cap, it.w.data, it.w.len);
		words_free(&it);
	}
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
		return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    same(a + i + 2, b + i + 2, n - i - 2);
	}
	if (n + 1 == m) /* B has one more */
		return same(a + i, b + i + 1, n - i);
	return same(a + i + 1, b + i, m - i);
}

enum match
term_match(const struct term *t, const char *w, size_t len)
{
	uint32_t cp[WORD_MAX + 2];
	size_t n, k;

	if (len == t->len && memcmp(w, t->w, len) == 0)
		return MATCH_EXACT;
	if (t->ncp >= PREFIX_MIN && len > t->len && memcmp(w, t->w, t->len) == 0)
		return MATCH_PREFIX;
	if (t->ncp < TYPO_MIN || t->ncp > WORD_MAX || len + 1 < t->ncp)
		return MATCH_NONE;
	n = decode_cps(w, len, cp, t->ncp + 2);
	/* the word, or a prefix of it, one edit away */
	for (k = t->ncp - 1; k <= t->ncp + 1 && k <= n; k++)
		if (within_one(t->cp, t->ncp, cp, k))
			return MATCH_TYPO;
	return MATCH_NONE;
}
