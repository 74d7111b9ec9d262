/*
 * A fast first pass for the full-text search.  A query that is plain
 * ASCII without blanks matches the folded text of a layout only where
 * the document's text holds it byte for byte, lowered: folding collapses
 * blanks (none in such a query), lowers letters (ASCII only comes from
 * ASCII, but for KELVIN SIGN and DOTTED CAPITAL I, which send the search
 * the slow way) and wraps lines between words.  So the document's text is
 * lowered 8 bytes at a time, a window at a time, and searched with
 * memmem(); the search then lays out only the blocks found.
 */
#define _GNU_SOURCE /* memmem() */

#include <stdlib.h>
#include <string.h>

#include "quire/util.h"
#include "scan.h"

#define WINDOW 65536

/* Copy N bytes of SRC to DST with ASCII letters lowered. */
static void
lower(char *dst, const char *src, size_t n)
{
	const uint64_t hi = 0x8080808080808080ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t x, ge_a, gt_z;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, src + i, 8);
		ge_a = (x & low7) + 0x3F3F3F3F3F3F3F3FULL; /* >= 'A': top bit */
		gt_z = (x & low7) + 0x2525252525252525ULL; /* > 'Z': top bit */
		x |= (ge_a & ~gt_z & ~x & hi) >> 2;        /* +32 if A-Z */
		memcpy(dst + i, &x, 8);
	}
	for (; i < n; i++)
		dst[i] = (char)(src[i] >= 'A' && src[i] <= 'Z' ? src[i] + 32 :
		    src[i]);
}

int
scan_text(const struct doc *d, const char *needle, size_t nlen,
    int sensitive, uint32_t **out, size_t *nout)
{
	const char *src, *p, *end, *m;
	char *win = NULL;
	size_t pos, n, i, x, cap = 0;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < nlen; i++)
		if ((unsigned char)needle[i] <= ' ' ||
		    (unsigned char)needle[i] >= 0x7F)
			return -1;
	if (nlen == 0 || d->text_len > UINT32_MAX)
		return nlen == 0 ? 0 : -1;
	if (!sensitive && (memchr(needle, 'k', nlen) || memchr(needle, 'i',
	    nlen)) && (memmem(d->text, d->text_len, "\xE2\x84\xAA", 3) ||
	    memmem(d->text, d->text_len, "\xC4\xB0", 2)))
		return -1;
	if (!sensitive)
		win = xmalloc(WINDOW + nlen);
	for (pos = 0; pos < d->text_len; pos += WINDOW) {
		n = d->text_len - pos;
		if (n > WINDOW + nlen - 1)
			n = WINDOW + nlen - 1;
		src = d->text + pos;
		if (win != NULL) {
			lower(win, src, n);
			src = win;
		}
		for (p = src, end = src + n; (size_t)(end - p) >= nlen &&
		    (m = memmem(p, (size_t)(end - p), needle, nlen)) != NULL;
		    p = m + 1) {
			x = pos + (size_t)(m - src);
			if (x >= pos + WINDOW) /* the next window's */
				break;
			GROW(*out, cap, *nout, 1);
			(*out)[(*nout)++] = (uint32_t)x;
		}
	}
	free(win);
	return 0;
}
