/*
 * UTF-8 decoding, the one cleaning pass that keeps control characters out
 * of everything quire stores (and shows invisible format controls, such
 * as bidirectional overrides, by their code), and display widths.
 */
#include <string.h>

#include <utf8proc.h>

#include "quire/bytes.h"
#include "quire/text.h"

size_t
text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2, c = u[0] & 0x1F, min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3, c = u[0] & 0x0F, min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4, c = u[0] & 0x07, min = 0x10000;
	} else
		goto bad;
	if (len < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xFFFD;
	return 1;
}

size_t
text_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Append the visible form of control character CP. */
static void
put_control(struct buf *out, uint32_t cp, int *col)
{
	char caret[2] = { '^', 0 };

	if (cp >= 0x80) { /* C1: U+FFFD */
		buf_put(out, "\xEF\xBF\xBD", 3);
		if (col)
			*col += 1;
		return;
	}
	caret[1] = cp == 0x7F ? '?' : (char)(cp + '@');
	buf_put(out, caret, 2);
	if (col)
		*col += 2;
}

/*
 * An invisible format control, shown by its code: Unicode's category Cf (the bidirectional embeddings, overrides
 * and isolates, the marks LRM, RLM and ALM, U+200B, U+2060, U+FEFF
 * inside text, ...), which could make text read otherwise than it is
 * stored.  Kept as they are: the joiners U+200C and U+200D (emoji
 * sequences, Indic scripts), the soft hyphen U+00AD (a hyphenation
 * point, shown by the terminal or not at all), the prepended
 * concatenation marks (U+0600..., drawn one column wide), and tag
 * characters in a flag's tag sequence (after U+1F3F4 or another tag).
 */
int
text_is_hidden(uint32_t cp, uint32_t prev)
{
	const utf8proc_property_t *p;

	/* No Cf below U+0600, in U+0900-U+180D, U+180F-U+200A or
	 * U+2070-U+FEFE (most scripts, CJK): no table lookup there. */
	if (cp < 0x600 || (cp >= 0x900 && cp < 0x200B && cp != 0x180E) ||
	    (cp >= 0x2070 && cp < 0xFEFF) || cp == 0x200C || cp == 0x200D ||
	    cp > 0x10FFFF)
		return 0;
	p = utf8proc_get_property((utf8proc_int32_t)cp);
	if (p->category != UTF8PROC_CATEGORY_CF ||
	    p->boundclass == UTF8PROC_BOUNDCLASS_PREPEND)
		return 0;
	if (cp >= 0xE0020 && cp <= 0xE007F &&
	    (prev == 0x1F3F4 || (prev >= 0xE0020 && prev <= 0xE007F)))
		return 0;
	return 1;
}

/* Append the visible form of format control CP: "<U+202E>". */
static void
put_hidden(struct buf *out, uint32_t cp, int *col)
{
	size_t was = out->len;

	buf_printf(out, "<U+%04X>", (unsigned)cp);
	if (col)
		*col += (int)(out->len - was);
}

/* Where the printable ASCII from S[I] ends, before S[LEN]: eight bytes
 * at a time, a byte below 0x20, 0x7F or 0x80 and up ending it. */
static size_t
printable_end(const char *s, size_t i, size_t len)
{
	uint64_t x, stop;

	for (; BYTES_WORDS && len - i >= 8; i += 8) {
		x = bytes_load(s + i);
		stop = bytes_below(x, 0x20) | bytes_eq(x, 0x7F) | bytes_high(x);
		if (stop != 0)
			return i + bytes_first(stop);
	}
	while (i < len && (unsigned char)s[i] >= 0x20 &&
	    (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

void
text_clean(struct buf *out, const char *s, size_t len, int flags, int *col)
{
	size_t i = 0, n, run;
	uint32_t cp, prev = 0;
	char enc[4];

	GROW(out->data, out->cap, out->len, len + 1);
	out->data[out->len] = '\0'; /* terminated even when nothing is added */
	while (i < len) {
		/* Fast path: a run of printable ASCII. */
		run = printable_end(s, i, len);
		if (run > i) {
			buf_put(out, s + i, run - i);
			if (col)
				*col += (int)(run - i);
			i = run;
			prev = (unsigned char)s[run - 1];
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (cp == '\n' || cp == '\r') {
			if (cp == '\r' && i < len && s[i] == '\n')
				i++;
			if (flags & TEXT_NEWLINES) {
				buf_putc(out, '\n');
				if (col)
					*col = 0;
			} else {
				buf_putc(out, ' ');
				if (col)
					*col += 1;
			}
		} else if (cp == '\t') {
			int sp = 1;

			if ((flags & TEXT_TABS) && col)
				sp = TEXT_TABSTOP - (*col % TEXT_TABSTOP);
			while (sp-- > 0) {
				buf_putc(out, ' ');
				if (col)
					*col += 1;
			}
		} else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
			put_control(out, cp, col);
		} else if (text_is_hidden(cp, prev)) {
			put_hidden(out, cp, col);
		} else {
			buf_put(out, enc, text_encode(cp, enc));
			if (col)
				*col += text_cp_width(cp);
		}
		prev = cp;
	}
}

/*
 * Widths are utf8proc's, made to agree with the C library's wcwidth()
 * (which ncurses draws by) where they part: a spacing combining mark
 * (Mc, such as a Devanagari vowel sign) takes a column (two if wide);
 * the vowels and final consonants of conjoining Hangul join the
 * syllable before them and take none; prepended concatenation marks
 * (U+0600, Cf) take one; the circled numbers on black squares and the
 * Yijing hexagrams two.  tests/test_width.c compares every code point
 * with wcwidth() and lists where they still differ, and why.
 */
int
text_cp_width(uint32_t cp)
{
	const utf8proc_property_t *p;
	int w;

	if (cp < 0x7F)
		return cp >= 0x20;
	if (cp > 0x10FFFF)
		return 1;
	p = utf8proc_get_property((utf8proc_int32_t)cp);
	if (p->category == UTF8PROC_CATEGORY_MC)
		return p->charwidth > 1 ? 2 : 1;
	if (p->boundclass == UTF8PROC_BOUNDCLASS_V ||
	    p->boundclass == UTF8PROC_BOUNDCLASS_T)
		return 0;
	if (p->category == UTF8PROC_CATEGORY_CF &&
	    p->boundclass == UTF8PROC_BOUNDCLASS_PREPEND)
		return 1;
	if ((cp >= 0x3248 && cp <= 0x324F) || (cp >= 0x4DC0 && cp <= 0x4DFF))
		return 2;
	w = (int)p->charwidth; /* utf8proc_charwidth(), without a second look-up */
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

size_t
text_cluster(const char *s, size_t len, int *width)
{
	size_t i, n;
	uint32_t prev, cp;
	utf8proc_int32_t state = 0;
	int w;

	i = text_decode(s, len, &prev);
	w = text_cp_width(prev);
	while (i < len) {
		if ((unsigned char)s[i] < 0x80 && prev < 0x80)
			break; /* between two ASCII characters: always */
		n = text_decode(s + i, len - i, &cp);
		if (utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev,
		    (utf8proc_int32_t)cp, &state))
			break;
		w += text_cp_width(cp);
		i += n;
		prev = cp;
	}
	*width = w;
	return i;
}

size_t
text_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			w += (unsigned char)s[i] >= 0x20;
			i++;
			continue;
		}
		i += text_decode(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

int
text_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\n' || cp == 0x3000 || cp == 0x2002 ||
	    cp == 0x2003 || cp == 0x2009;
}
