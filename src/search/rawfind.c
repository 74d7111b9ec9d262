/*
 * A search's query in raw Markdown bytes (rawfind.h): the query folded
 * as the search folds it (hay_put), then looked for at each place its
 * first byte stands (either case of an ASCII letter, found with
 * memchr()), compared a code point at a time, lowered as the search
 * lowers them; or a pattern (pattern.c) matched in each line folded as
 * the search folds a text for one (every blank run one space, none at
 * either end, a bad byte U+FFFD), with the line's block markers left
 * out, each byte of the folded line mapped back to the raw one.
 */
#define _GNU_SOURCE /* memrchr() */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "quire/rawfind.h"
#include "quire/text.h"
#include "quire/util.h"
#include "search_priv.h"

struct rawfind {
	char *needle;           /* the folded text query, or NULL */
	size_t nlen;
	int sensitive;
	unsigned char first[2]; /* the bytes a match of the needle starts
	                           with (twice the same but for a letter) */
	int any;                /* or any non-ASCII lead byte */
	struct pattern *pat;    /* the query as a pattern, or NULL */
	char *line;             /* a line folded for the pattern */
	uint32_t *map;          /* each folded byte's raw byte in the line */
	size_t cap, cap_map;
};

/* Whether CP is a blank to the search: space, tab, a line's end, Zs. */
static int
blank_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

struct rawfind *
rawfind_new(const char *query, int flags)
{
	struct rawfind *r = xcalloc(1, sizeof(*r));
	struct hay h = { 0 };
	char err[192];
	unsigned char c;

	if ((flags & SEARCH_REGEX) && pattern_is_regex(query)) {
		r->pat = pattern_new(query, !pattern_has_upper(query), err,
		    sizeof(err));
		if (r->pat == NULL) {
			free(r);
			return NULL;
		}
		return r;
	}
	r->sensitive = query_has_upper(query);
	h.sensitive = r->sensitive;
	h.blank = 1; /* no leading blank */
	hay_put(&h, query, strlen(query));
	if (h.len > 0 && h.data[h.len - 1] == ' ')
		h.len--;
	free(h.pieces);
	if (h.len == 0) {
		free(h.data);
		free(r);
		return NULL;
	}
	r->needle = h.data;
	r->nlen = h.len;
	c = (unsigned char)r->needle[0];
	r->first[0] = r->first[1] = c;
	if (!r->sensitive && c >= 'a' && c <= 'z')
		r->first[1] = (unsigned char)(c - 32);
	r->any = !r->sensitive && c >= 0x80;
	return r;
}

void
rawfind_free(struct rawfind *r)
{
	if (r == NULL)
		return;
	free(r->needle);
	pattern_free(r->pat);
	free(r->line);
	free(r->map);
	free(r);
}

/* CP as the search folds it (lowered unless SENSITIVE) into OUT. */
static size_t
fold_cp(uint32_t cp, int sensitive, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)(!sensitive && cp - 'A' < 26u ? cp + 32 : cp);
		return 1;
	}
	if (!sensitive)
		cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
	return text_encode(cp, out);
}

/* Whether the needle starts at S, before END: a blank in it matches a
 * run of blanks, a line end among them. */
static int
text_at(const struct rawfind *r, const char *s, const char *end)
{
	const char *q = r->needle, *qe = q + r->nlen;
	char f[4];
	size_t n, k;
	uint32_t cp;

	while (q < qe) {
		if (s == end)
			return 0;
		if ((unsigned char)*s > ' ' && (unsigned char)*s < 0x80) {
			if (fold_cp((unsigned char)*s, r->sensitive, f) != 1 ||
			    f[0] != *q)
				return 0;
			s++, q++;
			continue;
		}
		n = text_decode(s, (size_t)(end - s), &cp);
		if (*q == ' ') {
			if (!blank_cp(cp))
				return 0;
			for (s += n; s < end; s += n) {
				n = text_decode(s, (size_t)(end - s), &cp);
				if (!blank_cp(cp))
					break;
			}
			q++;
			continue;
		}
		k = fold_cp(cp, r->sensitive, f);
		if (k > (size_t)(qe - q) || memcmp(q, f, k) != 0)
			return 0;
		s += n, q += k;
	}
	return 1;
}

/* The next place in [LO, HI) of S (the last, BACK) holding byte C;
 * HI (LO - 1 when BACK, as SIZE_MAX for LO 0) if none. */
static size_t
byte_at(const char *s, size_t lo, size_t hi, unsigned char c, int back)
{
	const char *p;

	if (lo >= hi)
		return back ? lo - 1 : hi;
	if (back) {
		p = memrchr(s + lo, c, hi - lo);
		return p != NULL ? (size_t)(p - s) : lo - 1;
	}
	p = memchr(s + lo, c, hi - lo);
	return p != NULL ? (size_t)(p - s) : hi;
}

/* The text query's first (last) start among the first OWN of N bytes. */
static size_t
text_in(const struct rawfind *r, const char *s, size_t n, size_t own,
    int back)
{
	size_t a, b, i, lo = 0, hi = own;

	while (lo < hi) {
		if (r->any) { /* a non-ASCII first letter: any lead byte */
			i = back ? hi - 1 : lo;
			if ((unsigned char)s[i] >= 0xC0 && text_at(r, s + i,
			    s + n))
				return i;
		} else {
			a = byte_at(s, lo, hi, r->first[0], back);
			b = r->first[1] == r->first[0] ? a :
			    byte_at(s, lo, hi, r->first[1], back);
			/* the nearer of the two; SIZE_MAX is none, going back */
			i = back ? (a + 1 > b + 1 ? a : b) : (a < b ? a : b);
			if (back ? i + 1 == lo : i == hi)
				return SIZE_MAX;
			if (text_at(r, s + i, s + n))
				return i;
		}
		if (back)
			hi = i;
		else
			lo = i + 1;
	}
	return SIZE_MAX;
}

/* Where the text of the line at S (LEN bytes) starts: past its blanks
 * and block markers (quote marks, a heading's #s, a bullet or an item's
 * number, each followed by a blank). */
static size_t
line_start(const char *s, size_t len)
{
	size_t i = 0, k;

	for (;;) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		k = i;
		if (k < len && s[k] == '>') {
			i = k + 1;
			continue;
		}
		if (k < len && s[k] == '#')
			while (k < len && s[k] == '#')
				k++;
		else if (k < len && (s[k] == '-' || s[k] == '*' || s[k] == '+'))
			k++;
		else if (k < len && s[k] >= '0' && s[k] <= '9') {
			while (k < len && k - i < 9 && s[k] >= '0' && s[k] <= '9')
				k++;
			if (k < len && (s[k] == '.' || s[k] == ')'))
				k++;
			else
				return i;
		}
		if (k == i || k >= len || (s[k] != ' ' && s[k] != '\t'))
			return i;
		i = k;
	}
}

/* Fold the LEN bytes of the line at S into r->line, as the search folds
 * a text for a pattern, mapping each byte back; return its length. */
static size_t
fold_line(struct rawfind *r, const char *s, size_t len)
{
	size_t i = line_start(s, len), o = 0, n, k, j;
	uint32_t cp;
	int blank = 1;

	GROW(r->line, r->cap, 0, 3 * len + 1);
	GROW(r->map, r->cap_map, 0, 3 * len + 1);
	while (i < len) {
		if ((unsigned char)s[i] > ' ' && (unsigned char)s[i] < 0x80) {
			r->line[o] = s[i];
			r->map[o++] = (uint32_t)i++;
			blank = 0;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (blank_cp(cp)) {
			if (!blank) {
				r->line[o] = ' ';
				r->map[o++] = (uint32_t)i;
			}
			blank = 1;
		} else {
			k = text_encode(cp, r->line + o);
			for (j = 0; j < k; j++)
				r->map[o++] = (uint32_t)i;
			blank = 0;
		}
		i += n;
	}
	if (o > 0 && r->line[o - 1] == ' ')
		o--;
	return o;
}

/* The first (last, BACK) start before LIMIT of a match of the pattern in
 * the line at S (LEN bytes); SIZE_MAX if none. */
static size_t
line_match(struct rawfind *r, const char *s, size_t len, size_t limit,
    int back)
{
	size_t n = fold_line(r, s, len), from = 0, x, y, at, best = SIZE_MAX;

	while (from < n && pattern_next(r->pat, r->line, n, from, &x, &y) ==
	    1) {
		at = r->map[x];
		if (at >= limit)
			break;
		if (!back)
			return at;
		best = at;
		from = y; /* matches do not overlap */
	}
	return best;
}

/* The pattern's first (last) start among the first OWN of N bytes, one
 * line at a time. */
static size_t
pattern_in(struct rawfind *r, const char *s, size_t n, size_t own,
    int back)
{
	const char *nl;
	size_t a, b, at;

	if (!back) {
		for (a = 0; a < own; a = b + 1) {
			nl = memchr(s + a, '\n', n - a);
			b = nl != NULL ? (size_t)(nl - s) : n;
			if ((at = line_match(r, s + a, b - a, own - a, 0)) !=
			    SIZE_MAX)
				return a + at;
			if (b >= n)
				break;
		}
		return SIZE_MAX;
	}
	/* Back: the lines that start before OWN, the last first. */
	nl = own > 0 ? memchr(s + own - 1, '\n', n - (own - 1)) : NULL;
	b = nl != NULL ? (size_t)(nl - s) : n;
	for (;;) {
		nl = b > 0 ? memrchr(s, '\n', b) : NULL;
		a = nl != NULL ? (size_t)(nl - s) + 1 : 0;
		if (a < own && (at = line_match(r, s + a, b - a, own - a, 1)) !=
		    SIZE_MAX)
			return a + at;
		if (a == 0)
			return SIZE_MAX;
		b = a - 1;
	}
}

size_t
rawfind_in(struct rawfind *r, const char *s, size_t n, size_t own, int back)
{
	if (own > n)
		own = n;
	if (r == NULL || own == 0)
		return SIZE_MAX;
	return r->pat != NULL ? pattern_in(r, s, n, own, back) :
	    text_in(r, s, n, own, back);
}
