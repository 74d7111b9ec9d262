/*
 * A search's query in raw Markdown bytes (rawfind.h): the query folded
 * as the search folds it (hay_put), then looked for at each place its
 * first byte and the end of its first word stand (16 places at a
 * time), compared a code point at a time, lowered as the search
 * lowers them; or a pattern (pattern.c) matched in each line folded as
 * the search folds a text for one (every blank run one space, none at
 * either end, a bad byte U+FFFD), with the line's block markers left
 * out, each byte of the folded line mapped back to the raw one; only
 * the lines holding a byte every match holds, when PCRE2 names one.
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
#include "v16.h"

#define PAD 64 /* bytes after a line matched: PCRE2's JIT may read on */

struct rawfind {
	char *needle;           /* the folded text query, or NULL */
	size_t nlen;
	int sensitive;
	unsigned char first[2]; /* the needle's first byte and the one DIST
	                           on (the end of its first word), ORed
	                           with FOLD */
	size_t dist;
	unsigned char fold;     /* 0x20 when case is ignored, else 0 */
	int any;                /* or any non-ASCII lead byte */
	struct pattern *pat;    /* the query as a pattern, or NULL */
	int req;                /* a byte its every match holds, or -1 */
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
		r->req = pattern_required(r->pat);
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
	/* The end of the first word, or, when case is ignored, of the ASCII
	 * it begins with (a letter's cases may differ in length). */
	while (r->dist + 1 < r->nlen && r->needle[r->dist + 1] != ' ' &&
	    (r->sensitive || (unsigned char)r->needle[r->dist + 1] < 0x80))
		r->dist++;
	r->fold = r->sensitive ? 0 : 0x20;
	c = (unsigned char)r->needle[0];
	r->first[0] = c | r->fold;
	r->first[1] = (unsigned char)r->needle[r->dist] | r->fold;
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

/* Whether a match may start at I of the N bytes at S: its first byte
 * and the one r->dist on, ORed with r->fold, are the needle's. */
static int
cand(const struct rawfind *r, const char *s, size_t n, size_t i)
{
	return i + r->dist < n &&
	    ((unsigned char)s[i] | r->fold) == r->first[0] &&
	    ((unsigned char)s[i + r->dist] | r->fold) == r->first[1];
}

/* Whether no match may start at any of the 16 places from I (all of
 * whose bytes, and r->dist on, are among the N). */
static int
none16(const struct rawfind *r, const char *s, size_t i)
{
	const v16 f = v16_splat(r->fold);
	const v16 a = v16_load(s + i) | f, b = v16_load(s + i + r->dist) | f;

	return !v16_any((v16)((a == v16_splat(r->first[0])) &
	    (b == v16_splat(r->first[1]))));
}

/* The text query's first (last) start among the first OWN of N bytes:
 * 16 places at a time where its first byte and a later one (the end of
 * its first word) cannot stand, then each place that may. */
static size_t
text_in(const struct rawfind *r, const char *s, size_t n, size_t own,
    int back)
{
	size_t i, k;

	if (r->any) { /* a non-ASCII first letter: any lead byte */
		for (k = 0; k < own; k++) {
			i = back ? own - 1 - k : k;
			if ((unsigned char)s[i] >= 0xC0 && text_at(r, s + i,
			    s + n))
				return i;
		}
		return SIZE_MAX;
	}
	for (k = 0; k < own; k += 16) {
		if (back)
			i = own - k >= 16 ? own - k - 16 : 0;
		else
			i = k;
		if (i + 16 <= own && i + 15 + r->dist < n &&
		    none16(r, s, i))
			continue;
		for (size_t j = 0; j < 16 && j < own - k; j++) {
			size_t at = back ? (own - k - 1) - j : i + j;

			if (cand(r, s, n, at) && text_at(r, s + at, s + n))
				return at;
		}
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

	GROW(r->line, r->cap, 0, 3 * len + PAD);
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
	memset(r->line + o, 0, PAD); /* the JIT may read on past the end */
	return o;
}

/* Whether the LEN bytes at S read the same folded: printable ASCII,
 * no blank but single spaces between words. */
static int
folded_already(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7F) {
			if (s[i] != ' ' || i == 0 || s[i - 1] == ' ' ||
			    i + 1 == len)
				return 0;
		}
	return 1;
}

/* The first (last, BACK) start before LIMIT of a match of the pattern in
 * the line at S (LEN bytes, ROOM to the end of the buffer: the line is
 * matched where it is when PAD bytes follow it); SIZE_MAX if none. */
static size_t
line_match(struct rawfind *r, const char *s, size_t len, size_t room,
    size_t limit, int back)
{
	size_t st = line_start(s, len), n, from = 0, x, y, at;
	size_t best = SIZE_MAX;
	const char *t = s + st;
	int same = room >= len + PAD && folded_already(t, len - st);

	n = same ? len - st : fold_line(r, s, len);
	if (!same)
		t = r->line;
	while (from < n && pattern_next(r->pat, t, n, from, &x, &y) == 1) {
		at = same ? st + x : r->map[x];
		if (at >= limit)
			break;
		if (!back)
			return at;
		best = at;
		from = y; /* matches do not overlap */
	}
	return best;
}

/* The next place in [LO, HI) of S (the last, BACK) holding byte C or
 * C2; HI (SIZE_MAX when BACK) if none. */
static size_t
byte_at(const char *s, size_t lo, size_t hi, int c, int c2, int back)
{
	const char *p, *q;

	if (lo >= hi)
		return back ? SIZE_MAX : hi;
	if (back) {
		p = memrchr(s + lo, c, hi - lo);
		q = c2 != c ? memrchr(s + lo, c2, hi - lo) : NULL;
		if (q != NULL && (p == NULL || q > p))
			p = q;
		return p != NULL ? (size_t)(p - s) : SIZE_MAX;
	}
	p = memchr(s + lo, c, hi - lo);
	q = c2 != c ? memchr(s + lo, c2, hi - lo) : NULL;
	if (q != NULL && (p == NULL || q < p))
		p = q;
	return p != NULL ? (size_t)(p - s) : hi;
}

/* The pattern's first (last) start among the first OWN of N bytes, one
 * line at a time: only the lines holding the byte every match holds,
 * when PCRE2 names one. */
static size_t
pattern_in(struct rawfind *r, const char *s, size_t n, size_t own,
    int back)
{
	const char *nl;
	size_t a, b, at, q;
	int c = r->req, c2 = r->req;

	if (c >= 'a' && c <= 'z')
		c2 = c - 32;
	else if (c >= 'A' && c <= 'Z')
		c2 = c + 32;
	if (!back) {
		for (a = 0; a < own; a = b + 1) {
			if (c >= 0) { /* on to the next line holding it */
				if ((q = byte_at(s, a, n, c, c2, 0)) == n)
					return SIZE_MAX;
				nl = q > a ? memrchr(s + a, '\n', q - a) : NULL;
				if (nl != NULL)
					a = (size_t)(nl - s) + 1;
				if (a >= own)
					return SIZE_MAX;
			}
			nl = memchr(s + a, '\n', n - a);
			b = nl != NULL ? (size_t)(nl - s) : n;
			at = line_match(r, s + a, b - a, n - a, own - a, 0);
			if (at != SIZE_MAX)
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
		if (c >= 0) { /* back to the last line holding it */
			if ((q = byte_at(s, 0, b, c, c2, 1)) == SIZE_MAX)
				return SIZE_MAX;
			nl = memchr(s + q, '\n', b - q);
			if (nl != NULL)
				b = (size_t)(nl - s);
		}
		nl = b > 0 ? memrchr(s, '\n', b) : NULL;
		a = nl != NULL ? (size_t)(nl - s) + 1 : 0;
		if (a < own && (at = line_match(r, s + a, b - a, n - a,
		    own - a, 1)) != SIZE_MAX)
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
