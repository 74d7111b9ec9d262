/*
 * A fast first pass for the full-text search.  A query that is plain
 * ASCII without blanks matches the folded text of a layout only where
 * the document's text holds it byte for byte, lowered: folding collapses
 * blanks (none in such a query), lowers letters (ASCII only comes from
 * ASCII, but for KELVIN SIGN and DOTTED CAPITAL I, which send the search
 * the slow way) and wraps lines between words.  So the document's text
 * is looked through 16 bytes at a time for places where the query's
 * first and last bytes both stand (letters compared with the case bit
 * set, which lets a few other bytes through), and each such place is
 * compared whole; the search then lays out only the blocks found.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/util.h"
#include "scan.h"

typedef uint8_t v16 __attribute__((vector_size(16)));

/* V with every byte set to C. */
static v16
splat(uint8_t c)
{
	v16 v;

	memset(&v, c, sizeof(v));
	return v;
}

/* The 16 bytes at P. */
static v16
load(const char *p)
{
	v16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Whether any byte of V is set. */
static int
any(v16 v)
{
	uint64_t a, b;

	memcpy(&a, &v, 8);
	memcpy(&b, (char *)&v + 8, 8);
	return (a | b) != 0;
}

/* Whether the LEN bytes at T, lowered unless SENSITIVE, are NEEDLE. */
static int
same(const char *t, const char *needle, size_t len, int sensitive)
{
	size_t i;
	unsigned char c;

	if (sensitive)
		return memcmp(t, needle, len) == 0;
	for (i = 0; i < len; i++) {
		c = (unsigned char)t[i];
		if ((c >= 'A' && c <= 'Z' ? c + 32 : c) !=
		    (unsigned char)needle[i])
			return 0;
	}
	return 1;
}

/* Whether the text holds KELVIN SIGN (E2 84 AA) or DOTTED CAPITAL I
 * (C4 B0), which fold to ASCII letters. */
static int
has_folding(const char *t, size_t len)
{
	const v16 a1 = splat(0x84), b1 = splat(0xAA), a2 = splat(0xC4),
	    b2 = splat(0xB0);
	size_t i = 0;
	v16 x, y;

	for (; i + 17 <= len; i += 16) {
		x = load(t + i);
		y = load(t + i + 1);
		if (any((v16)((x == a1) & (y == b1)) | (v16)((x == a2) &
		    (y == b2))))
			break;
	}
	for (; i + 1 < len; i++)
		if (((unsigned char)t[i] == 0x84 && (unsigned char)t[i + 1] ==
		    0xAA) || ((unsigned char)t[i] == 0xC4 &&
		    (unsigned char)t[i + 1] == 0xB0))
			return 1;
	return 0;
}

int
scan_text(const struct doc *d, const char *needle, size_t nlen,
    int sensitive, uint32_t **out, size_t *nout)
{
	const char *t = d->text;
	size_t len = d->text_len, i, j, k, cap = 0, last;
	uint8_t f, l, fold;
	v16 x, y, vf, vl, vfold;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < nlen; i++)
		if ((unsigned char)needle[i] <= ' ' ||
		    (unsigned char)needle[i] >= 0x7F)
			return -1;
	if (nlen == 0 || len > UINT32_MAX)
		return nlen == 0 ? 0 : -1;
	if (!sensitive && (memchr(needle, 'k', nlen) || memchr(needle, 'i',
	    nlen)) && has_folding(t, len))
		return -1;
	if (len < nlen)
		return 0;
	fold = sensitive ? 0 : 0x20;
	f = (uint8_t)needle[0] | fold;
	l = (uint8_t)needle[nlen - 1] | fold;
	vf = splat(f);
	vl = splat(l);
	vfold = splat(fold);
	last = len - nlen; /* the last place the needle may start */
	for (i = 0; i <= last; i += 16) {
		if (i + 15 + nlen - 1 < len) {
			x = load(t + i) | vfold;
			y = load(t + i + nlen - 1) | vfold;
			if (!any((v16)((x == vf) & (y == vl))))
				continue;
		}
		for (k = 0; k < 16 && (j = i + k) <= last; k++) {
			if (((uint8_t)t[j] | fold) != f ||
			    ((uint8_t)t[j + nlen - 1] | fold) != l ||
			    !same(t + j, needle, nlen, sensitive))
				continue;
			GROW(*out, cap, *nout, 1);
			(*out)[(*nout)++] = (uint32_t)j;
		}
	}
	return 0;
}
