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
#include "v16.h"

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
	const v16 a1 = v16_splat(0x84), b1 = v16_splat(0xAA), a2 = v16_splat(0xC4),
	    b2 = v16_splat(0xB0);
	size_t i = 0;
	v16 x, y;

	for (; i + 17 <= len; i += 16) {
		x = v16_load(t + i);
		y = v16_load(t + i + 1);
		if (v16_any((v16)((x == a1) & (y == b1)) | (v16)((x == a2) &
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
	vf = v16_splat(f);
	vl = v16_splat(l);
	vfold = v16_splat(fold);
	last = len - nlen; /* the last place the needle may start */
	for (i = 0; i <= last; i += 16) {
		if (i + 15 + nlen - 1 < len) {
			x = v16_load(t + i) | vfold;
			y = v16_load(t + i + nlen - 1) | vfold;
			if (!v16_any((v16)((x == vf) & (y == vl))))
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
