/*
 * Acronyms a document spells out itself: a pass over its text splits it
 * into words (ASCII letters and digits, other bytes of 0x80 and above
 * kept in the word), finds the upper-case ones, and matches each to the
 * words around it in parentheses, or to a run of capitalised words
 * anywhere, by their initials.  What it stands for is folded as every
 * word of a query is (words.c).
 */
#include <stdlib.h>
#include <string.h>

#include "quire/util.h"
#include "acronym.h"
#include "words.h"

#define RUN_EXTRA 3 /* small words a spelling may leave out, at most */
#define GAP_MAX 3   /* bytes between two words of a run, at most */

/* A word of the text: its bytes. */
struct tok {
	uint32_t off, len;
};

/* Words that may be left out of an acronym's letters. */
static const char *const small_words[] = {
	"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
	"the", "to", "with",
};

/* Whether byte C belongs to a word. */
static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

static int
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
lower(unsigned char c)
{
	return is_upper(c) ? c - 'A' + 'a' : c;
}

/* Whether word T of TEXT is a small word. */
static int
is_small(const char *text, const struct tok *t)
{
	size_t i, k;

	for (i = 0; i < NELEM(small_words); i++) {
		if (strlen(small_words[i]) != t->len)
			continue;
		for (k = 0; k < t->len; k++)
			if (lower((unsigned char)text[t->off + k]) !=
			    small_words[i][k])
				break;
		if (k == t->len)
			return 1;
	}
	return 0;
}

/* Whether word T is ACR_MIN to ACR_MAX upper-case ASCII letters. */
static int
is_acronym(const char *text, const struct tok *t)
{
	size_t k;

	if (t->len < ACR_MIN || t->len > ACR_MAX)
		return 0;
	for (k = 0; k < t->len; k++)
		if (!is_upper((unsigned char)text[t->off + k]))
			return 0;
	return 1;
}

/* Whether word T is capitalised: an upper-case letter, then a lower-case
 * one ("Steering", not "STEERING"). */
static int
is_capital(const char *text, const struct tok *t)
{
	unsigned char c;

	if (t->len < 2)
		return 0;
	c = (unsigned char)text[t->off + 1];
	return is_upper((unsigned char)text[t->off]) && c >= 'a' && c <= 'z';
}

/* Whether the bytes between words A and B join them into a phrase:
 * blanks and hyphens alone. */
static int
joined(const char *text, const struct tok *a, const struct tok *b)
{
	size_t i, from = a->off + a->len;

	if (b->off - from > GAP_MAX || b->off == from)
		return 0;
	for (i = from; i < b->off; i++)
		if (text[i] != ' ' && text[i] != '-' && text[i] != '\n' &&
		    text[i] != '\t')
			return 0;
	return 1;
}

/*
 * Whether the K words at W spell the LEN letters of ACR by their
 * initials, every word giving the next letter but small ones, which may
 * be left out (not the first or the last).
 */
static int
spells(const char *text, const struct tok *w, size_t k, const char *acr,
    size_t len)
{
	size_t ai = 0, wi;
	int small;

	if (k < len || k > len + RUN_EXTRA || k < 2)
		return 0;
	for (wi = 0; wi < k; wi++) {
		small = is_small(text, &w[wi]);
		if (ai < len && lower((unsigned char)text[w[wi].off]) ==
		    lower((unsigned char)acr[ai]) &&
		    /* a small word gives a letter only when the rest need it */
		    (!small || k - wi <= len - ai)) {
			ai++;
			continue;
		}
		if (!small || wi == 0 || wi == k - 1)
			return 0;
	}
	return ai == len;
}

/* Whether words [from, to) of W are joined into one phrase. */
static int
run_joined(const char *text, const struct tok *w, size_t from, size_t to)
{
	size_t i;

	for (i = from + 1; i < to; i++)
		if (!joined(text, &w[i - 1], &w[i]))
			return 0;
	return 1;
}

/* Add acronym A (word at A of TEXT) standing for words [from, to) of W
 * to OUT (N of MAX) unless it is there; return the new N. */
static size_t
add(const char *text, const struct tok *a, const struct tok *w, size_t from,
    size_t to, struct acronym *out, size_t n, size_t max)
{
	struct acronym *e;
	struct words it;
	size_t i, len = 0;
	int ok = 1;

	if (n >= max)
		return n;
	e = &out[n];
	for (i = 0; i < a->len; i++)
		e->acr[i] = (char)lower((unsigned char)text[a->off + i]);
	e->acr[a->len] = '\0';
	for (i = 0; i < n; i++)
		if (strcmp(out[i].acr, e->acr) == 0)
			return n;
	words_init(&it, text + w[from].off, w[to - 1].off + w[to - 1].len -
	    w[from].off);
	while (words_next(&it))
		if (len + it.w.len + 1 >= SYN_LEN) {
			ok = 0;
		} else {
			if (len > 0)
				e->exp[len++] = ' ';
			memcpy(e->exp + len, it.w.data, it.w.len);
			len += it.w.len;
		}
	words_free(&it);
	e->exp[len] = '\0';
	return ok && strchr(e->exp, ' ') != NULL ? n + 1 : n;
}

/* Split the LEN bytes of TEXT into words; return how many, in *OUT. */
static size_t
tokens(const char *text, size_t len, struct tok **out)
{
	struct tok *w = NULL;
	size_t n = 0, cap = 0, i = 0, s;

	while (i < len) {
		while (i < len && !word_byte((unsigned char)text[i]))
			i++;
		s = i;
		while (i < len && word_byte((unsigned char)text[i]))
			i++;
		if (i > s) {
			GROW(w, cap, n, 1);
			w[n].off = (uint32_t)s;
			w[n++].len = (uint32_t)(i - s);
		}
	}
	*out = w;
	return n;
}

/* Whether word W stands in parentheses, alone. */
static int
in_parens(const char *text, size_t len, const struct tok *w)
{
	return w->off > 0 && text[w->off - 1] == '(' &&
	    w->off + w->len < len && text[w->off + w->len] == ')';
}

/* The words spelled out in parentheses right after word I of W (N
 * words), or before it when it is in parentheses: [*FROM, *TO). */
static int
spelled_beside(const char *text, size_t len, const struct tok *w, size_t n,
    size_t i, size_t *from, size_t *to)
{
	const struct tok *a = &w[i];
	size_t k, e;

	if (in_parens(text, len, a)) {
		for (k = a->len; k <= a->len + RUN_EXTRA && k <= i; k++)
			if (w[i - 1].off + w[i - 1].len + 2 == a->off &&
			    text[w[i - 1].off + w[i - 1].len] == ' ' &&
			    run_joined(text, w, i - k, i) &&
			    spells(text, &w[i - k], k, text + a->off, a->len)) {
				*from = i - k, *to = i;
				return 1;
			}
		return 0;
	}
	/* "LTS (Long Term Support)": the words up to the ")" */
	e = a->off + a->len;
	if (i + 1 >= n || e + 2 != w[i + 1].off || text[e] != ' ' ||
	    text[e + 1] != '(')
		return 0;
	for (k = i + 1; k < n && k <= i + a->len + RUN_EXTRA; k++) {
		if (k > i + 1 && !joined(text, &w[k - 1], &w[k]))
			return 0;
		e = w[k].off + w[k].len;
		if (e < len && text[e] == ')')
			break;
	}
	if (k >= n || k > i + a->len + RUN_EXTRA ||
	    !spells(text, &w[i + 1], k - i, text + a->off, a->len))
		return 0;
	*from = i + 1, *to = k + 1;
	return 1;
}

/* The index of SP among the N sorted LETTERS, or N. */
static size_t
find_letters(char letters[][ACR_MAX + 1], size_t n, const char *sp)
{
	size_t lo = 0, hi = n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(letters[mid], sp);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return n;
}

/*
 * The acronyms of ACR (N of them, their letters folded in LETTERS, in
 * byte order) that
 * the run of capitalised words of W (NW of them) from word J spells, a
 * letter a word, small words left out (not the first): add them to OUT
 * (N of MAX); return the new N.  The run's initials are read once, each
 * longer spelling looked up among the acronyms.
 */
static size_t
spelled_from(const char *text, const struct tok *w, size_t nw, size_t j,
    const size_t *acr, char letters[][ACR_MAX + 1], size_t nacr,
    struct acronym *out, size_t n, size_t max)
{
	char sp[ACR_MAX + 1];
	size_t k, i, len = 0, small = 0;

	if (!is_capital(text, &w[j]) || is_small(text, &w[j]))
		return n;
	for (k = j; k < nw && len < ACR_MAX; k++) {
		if (k > j && !joined(text, &w[k - 1], &w[k]))
			break;
		if (k > j && is_small(text, &w[k])) {
			if (++small > RUN_EXTRA)
				break;
			continue;
		}
		if (!is_capital(text, &w[k]))
			break;
		sp[len++] = (char)lower((unsigned char)text[w[k].off]);
		sp[len] = '\0';
		if (len < ACR_BARE_MIN)
			continue;
		if ((i = find_letters(letters, nacr, sp)) < nacr)
			n = add(text, &w[acr[i]], w, j, k + 1, out, n, max);
	}
	return n;
}

/* Whether word T is one of the N words of W listed in ACR. */
static int
listed(const char *text, const struct tok *w, const size_t *acr, size_t n,
    const struct tok *t)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (w[acr[k]].len == t->len && memcmp(text + w[acr[k]].off,
		    text + t->off, t->len) == 0)
			return 1;
	return 0;
}

size_t
acronyms_find(const char *text, size_t len, struct acronym *out, size_t max)
{
	struct tok *w;
	size_t nw = tokens(text, len, &w), n = 0, i, j, k, from, to, nacr = 0;
	size_t *acr = NULL, cap = 0;
	char letters[ACRONYMS_MAX][ACR_MAX + 1], sp[ACR_MAX + 1];
	size_t at[ACRONYMS_MAX];

	for (i = 0; i < nw; i++) {
		if (!is_acronym(text, &w[i]))
			continue;
		if (spelled_beside(text, len, w, nw, i, &from, &to))
			n = add(text, &w[i], w, from, to, out, n, max);
		else if (w[i].len >= ACR_BARE_MIN && nacr < ACRONYMS_MAX &&
		    !listed(text, w, acr, nacr, &w[i])) {
			GROW(acr, cap, nacr, 1);
			acr[nacr++] = i;
		}
	}
	/* the others: a run of capitalised words that spells one */
	for (k = 0; k < nacr; k++) {
		/* in byte order, by insertion: there are few */
		for (i = 0; i < w[acr[k]].len; i++)
			sp[i] = (char)lower((unsigned char)text[w[acr[k]].off + i]);
		sp[i] = '\0';
		for (i = k; i > 0 && strcmp(letters[i - 1], sp) > 0; i--) {
			memcpy(letters[i], letters[i - 1], sizeof(letters[i]));
			at[i] = at[i - 1];
		}
		memcpy(letters[i], sp, sizeof(sp));
		at[i] = acr[k];
	}
	for (j = 0; j < nw && nacr > 0 && n < max; j++)
		n = spelled_from(text, w, nw, j, at, letters, nacr, out, n, max);
	free(acr);
	free(w);
	return n;
}
