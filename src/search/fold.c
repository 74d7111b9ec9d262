/*
 * A run of lines (a line and the LINE_WRAP lines after it) folded into
 * one reusable haystack buffer, one table cell at a time: lower case
 * unless the search is case-sensitive, every run of blanks collapsed to
 * one space, a space where a line wraps between words (none where a long
 * word was broken), and a NUL where quire's own text interrupts the
 * document's.  The folded query is then found with memmem(), or a
 * regular expression matched (pattern.c) in the text folded but for
 * case, which the pattern ignores itself.  Each span's bytes in the
 * haystack are recorded as a piece, so a match maps back to a line and
 * a display column by walking one span.
 */
#define _GNU_SOURCE /* memmem() */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "quire/text.h"
#include "quire/util.h"
#include "search_priv.h"

#define PAD 64 /* bytes set after the haystack for a pattern */

/* Where a walk through a haystack's pieces has got to. */
struct cursor {
	size_t piece;
	uint32_t pos;          /* haystack byte reached */
	uint32_t i;            /* byte of the piece's span reached */
	int col;               /* column of span byte I */
	int blank;             /* the haystack ends in a blank at POS */
};

/* Whether CP counts as a blank: the space, tab, newline, or a Zs. */
static int
is_blank(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\n' || cp == '\t';
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

size_t
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

/* Append LEN bytes of S to H, folded, blanks collapsed. */
void
hay_put(struct hay *h, const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;
	char *o;
	int simple = 1, blank = h->blank, lower = !h->sensitive;

	GROW(h->data, h->cap, h->len, 3 * len + 1); /* U+FFFD for a bad byte */
	o = h->data + h->len;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c > ' ' && c < 0x80) { /* the fast path: ASCII, not blank */
			if (lower && (unsigned)(c - 'A') < 26u)
				c += 32;
			*o++ = (char)c;
			blank = 0;
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (is_blank(cp)) {
			if (!blank)
				*o++ = ' ';
			else
				simple = 0;
			simple &= cp == ' ';
			blank = 1;
		} else {
			o += fold_cp(cp, h->sensitive, o);
			blank = 0;
			simple = 0;
		}
	}
	h->len = (size_t)(o - h->data);
	h->blank = blank;
	h->simple = simple;
}

/* Append one byte C (a joining space or a NUL break) to H. */
static void
hay_sep(struct hay *h, char c)
{
	if (c == ' ' && h->blank)
		return;
	GROW(h->data, h->cap, h->len, 1);
	h->data[h->len++] = c;
	h->blank = c == ' ';
}

/* Append span K of line N to H as a piece. */
static void
hay_span(struct hay *h, const struct layout *lay, uint32_t k, size_t n)
{
	const struct span *sp = &lay->spans[k];
	struct piece *p;

	GROW(h->pieces, h->cap_pieces, h->npieces, 1);
	p = &h->pieces[h->npieces++];
	p->start = (uint32_t)h->len;
	p->span = k;
	p->line = (uint32_t)n;
	p->blank = (uint8_t)h->blank;
	hay_put(h, layout_span_text(lay, sp), sp->len);
	p->simple = (uint8_t)h->simple;
}

/*
 * Fold the text of cell SLOT (0 outside tables) of lines A..B into H.
 * Return the highest slot seen.
 */
static unsigned
hay_fill(struct hay *h, const struct layout *lay, size_t a, size_t b,
    unsigned slot)
{
	const struct span *sp;
	uint32_t k, end = 0;
	uint8_t kind = 0;
	unsigned cell, max = 0;
	int seen = 0, on_line, brk;
	size_t n;

	h->len = 0;
	h->npieces = 0;
	h->blank = 1;
	for (n = a; n < b; n++) {
		const struct line *ln = &lay->lines[n];

		cell = 0;
		on_line = brk = 0;
		for (k = ln->span; k < ln->span + ln->nspans; k++) {
			sp = &lay->spans[k];
			if (sp->gen == SPAN_GEN_MARK) /* read through ~~, ` */
				continue;
			if (sp->gen) {
				if (sp->kind == SPAN_BORDER)
					cell++;
				else if (cell == slot && on_line)
					brk = 1;
				continue;
			}
			if (cell != slot)
				continue;
			/* a word broken at the edge goes on in the same kind */
			if (seen && !on_line &&
			    (end != sp->off || kind != sp->kind))
				hay_sep(h, ' '); /* wrapped between words */
			else if (brk)
				hay_sep(h, '\0');
			brk = 0;
			hay_span(h, lay, k, n);
			seen = on_line = 1;
			end = sp->off + sp->len;
			kind = sp->kind;
		}
		if (cell > max)
			max = cell;
	}
	return max;
}

/* Start CUR at piece K of H. */
static void
cursor_enter(struct cursor *cur, const struct hay *h,
    const struct layout *lay, size_t k)
{
	const struct piece *p = &h->pieces[k];

	cur->piece = k;
	cur->pos = p->start;
	cur->i = 0;
	cur->col = lay->spans[p->span].col;
	cur->blank = p->blank;
}

/*
 * Move CUR forward to haystack byte X and return the column of the
 * character starting there, or with END, the column just past the
 * character ending there.  X never goes back between calls.
 */
static int
cursor_seek(struct cursor *cur, const struct hay *h,
    const struct layout *lay, uint32_t x, int end)
{
	size_t k = cur->piece, n;
	const struct piece *p;
	const struct span *sp;
	const char *t;
	uint32_t cp;
	int w, grew;
	char tmp[4];

	while (k + 1 < h->npieces && (h->pieces[k + 1].start < x ||
	    (!end && h->pieces[k + 1].start == x)))
		k++;
	if (k != cur->piece)
		cursor_enter(cur, h, lay, k);
	p = &h->pieces[k];
	sp = &lay->spans[p->span];
	if (p->simple)
		return sp->col + (int)(x - p->start);
	t = layout_span_text(lay, sp);
	while (cur->i < sp->len) {
		n = text_decode(t + cur->i, sp->len - cur->i, &cp);
		w = text_cp_width(cp);
		grew = !is_blank(cp) || !cur->blank; /* a haystack byte */
		if (!end && grew && cur->pos == x)
			return cur->col;
		if (is_blank(cp)) {
			cur->pos += grew;
			cur->blank = 1;
		} else {
			cur->pos += (uint32_t)fold_cp(cp, h->sensitive, tmp);
			cur->blank = 0;
		}
		cur->i += (uint32_t)n;
		cur->col += w;
		if (end && grew && cur->pos == x)
			return cur->col;
	}
	return cur->col;
}

/* Record the match at haystack bytes X..Y of H, in cell SLOT. */
static void
add_hit(struct search *s, const struct hay *h, struct cursor cur[2],
    uint32_t x, uint32_t y, unsigned slot)
{
	struct hit *ht;

	GROW(s->hits, s->cap, s->nhits, 1);
	ht = &s->hits[s->nhits++];
	ht->m.col = (uint16_t)cursor_seek(&cur[0], h, s->lay, x, 0);
	ht->m.line = h->pieces[cur[0].piece].line;
	ht->m.end_col = (uint16_t)cursor_seek(&cur[1], h, s->lay, y, 1);
	ht->m.end_line = h->pieces[cur[1].piece].line;
	ht->slot = (uint16_t)slot;
	if (ht->m.end_line - ht->m.line > s->reach)
		s->reach = ht->m.end_line - ht->m.line;
}

/* Find the pattern in H, in cell SLOT; stop the search at a limit. */
static void
match_in(struct search *s, const struct hay *h, unsigned slot)
{
	struct cursor cur[2];
	size_t len = h->len, x, y, from = 0;
	int r;

	if (len > 0 && h->data[len - 1] == ' ') /* $ is the text's end */
		len--;
	cursor_enter(&cur[0], h, s->lay, 0);
	cursor_enter(&cur[1], h, s->lay, 0);
	while ((r = pattern_next(s->pat, h->data, len, from, &x, &y)) > 0) {
		add_hit(s, h, cur, (uint32_t)x, (uint32_t)y, slot);
		from = y;
	}
	if (r < 0) {
		s->stopped = 1;
		snprintf(s->err, sizeof(s->err), "pattern too complex: "
		    "search stopped at line %u",
		    (unsigned)h->pieces[0].line + 1);
	}
}

/* Find the needle in H, in cell SLOT. */
static void
find_in(struct search *s, const struct hay *h, unsigned slot)
{
	const char *p = h->data, *end = h->data + h->len, *m;
	struct cursor cur[2]; /* for the start and the end of matches */

	cursor_enter(&cur[0], h, s->lay, 0);
	cursor_enter(&cur[1], h, s->lay, 0);
	while ((size_t)(end - p) >= s->nlen &&
	    (m = memmem(p, (size_t)(end - p), s->needle, s->nlen)) != NULL) {
		uint32_t x = (uint32_t)(m - h->data);

		add_hit(s, h, cur, x, x + (uint32_t)s->nlen, slot);
		p = m + s->nlen;
	}
}

/* Order matches by line, then column. */
static int
hit_cmp(const void *a, const void *b)
{
	const struct search_match *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* Search lines A..B, one run of lines, a cell at a time. */
void
search_run(struct search *s, struct hay *h, size_t a, size_t b)
{
	size_t first = s->nhits;
	unsigned slot = 0, max;

	do {
		max = hay_fill(h, s->lay, a, b, slot);
		if (s->pat != NULL && h->npieces > 0) {
			/* PCRE2's compiled code reads ahead in whole words */
			GROW(h->data, h->cap, h->len, PAD);
			memset(h->data + h->len, 0, PAD);
			match_in(s, h, slot);
		}
		else if (s->pat == NULL && h->len >= s->nlen)
			find_in(s, h, slot);
	} while (++slot <= max && !s->stopped);
	if (max > 0 && s->nhits - first > 1) /* cells interleave by line */
		qsort(s->hits + first, s->nhits - first, sizeof(*s->hits),
		    hit_cmp);
}

