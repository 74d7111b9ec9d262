/*
 * Links in the pager: Tab and Shift-Tab select the next and previous
 * link on screen, Enter follows an internal one (#anchor: an HTML id or
 * name, a footnote, or a heading's slug as GitHub computes it), c copies the address.  quire
 * opens nothing by itself: an external link is shown, never run.  Where
 * the terminal takes them, the links on screen are also handed to it as
 * OSC 8 hyperlinks (pager_hyperlinks), their targets made safe first.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "quire/hyperlink.h"
#include "quire/pager.h"
#include "quire/text.h"

/* Append code point CP in lower case to OUT (N of MAX bytes used, one
 * kept for the NUL); the new length. */
static size_t
put_lower(char *out, size_t n, size_t max, uint32_t cp)
{
	char b[4];
	size_t k;

	k = text_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), b);
	if (n + k + 1 > max)
		return n;
	memcpy(out + n, b, k);
	return n + k;
}

/* Whether GitHub keeps CP in a heading's slug: letters, marks, digits
 * and numbers, '_' (connector punctuation) and '-'. */
static int
slug_keeps(uint32_t cp)
{
	if (cp < 0x80)
		return isalnum((int)cp) || cp == '-' || cp == '_';
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_PC:
		return 1;
	default:
		return 0;
	}
}

/* The GitHub slug of TEXT into OUT: lower case (beyond ASCII too),
 * spaces to '-', other punctuation, symbols (emoji) and blanks dropped.
 * Returns its length. */
static size_t
slug(const char *text, size_t len, char *out, size_t max)
{
	size_t i = 0, n = 0;
	uint32_t cp;

	while (i < len && n + 1 < max) {
		i += text_decode(text + i, len - i, &cp);
		if (cp == ' ' || cp == '\n')
			out[n++] = '-';
		else if (slug_keeps(cp))
			n = put_lower(out, n, max, cp);
	}
	out[n] = '\0';
	return n;
}

static int
hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ?
	    c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* ANCHOR (LEN bytes) as the heading it names would be written in its
 * slug: %XX escapes decoded, lower case.  Returns its length. */
static size_t
anchor_name(const char *anchor, size_t len, char *out, size_t max)
{
	char raw[512];
	size_t i, r = 0, n = 0;
	uint32_t cp;

	for (i = 0; i < len && r + 1 < sizeof(raw); i++) {
		if (anchor[i] == '%' && i + 2 < len &&
		    hex_digit(anchor[i + 1]) >= 0 && hex_digit(anchor[i + 2]) >= 0) {
			raw[r++] = (char)(hex_digit(anchor[i + 1]) * 16 +
			    hex_digit(anchor[i + 2]));
			i += 2;
		} else
			raw[r++] = anchor[i];
	}
	for (i = 0; i < r && n + 1 < max;) {
		i += text_decode(raw + i, r - i, &cp);
		n = put_lower(out, n, max, cp);
	}
	out[n] = '\0';
	return n;
}

uint32_t
links_anchor(const struct doc *d, const char *anchor, size_t len)
{
	char s[512], want[512], base[512];
	size_t n, blen = 0;
	long dup = -1, seen = 0;
	uint32_t sec;
	const char *dash;

	if (len > 0 && anchor[0] == '#')
		anchor++, len--;
	if (len == 0 || len >= sizeof(want))
		return DOC_NONE;
	len = anchor_name(anchor, len, want, sizeof(want));
	/* "name-2" may be the third heading called "name" */
	if ((dash = strrchr(want, '-')) != NULL && dash[1] &&
	    strspn(dash + 1, "0123456789") == strlen(dash + 1)) {
		blen = (size_t)(dash - want);
		memcpy(base, want, blen);
		base[blen] = '\0';
		dup = strtol(dash + 1, NULL, 10);
	}
	for (sec = 0; sec < d->nsections; sec++) {
		n = slug(d->text + d->sections[sec].title,
		    d->sections[sec].title_len, s, sizeof(s));
		if (n == len && memcmp(s, want, n) == 0)
			return sec;
		if (dup > 0 && n == blen && memcmp(s, base, n) == 0 &&
		    seen++ == dup)
			return sec;
	}
	return DOC_NONE;
}

/* Whether span K of the layout is a link (an image is a link to its
 * source). */
static int
is_link(const struct layout *lay, size_t k)
{
	return (lay->spans[k].style & (STY_LINK | STY_IMAGE)) &&
	    lay->spans[k].link != DOC_NONE;
}

int
pager_link_step(struct pager *p, int dir)
{
	const struct layout *lay = p->lay;
	size_t rows = (size_t)pager_text_rows(p), end, n, k, first, last;
	long line;
	uint32_t cur = p->link;

	end = p->top + rows < lay->nlines ? p->top + rows : lay->nlines;
	if (dir > 0) {
		for (n = p->link == DOC_NONE || p->link_line < p->top ? p->top :
		    p->link_line; n < end; n++) {
			first = lay->lines[n].span;
			for (k = first; k < first + lay->lines[n].nspans; k++) {
				if (!is_link(lay, k))
					continue;
				if (n == p->link_line && cur != DOC_NONE &&
				    lay->spans[k].col <= p->link_col)
					continue;
				/* a link wrapped onto this line is the same link */
				if (lay->spans[k].link == cur)
					continue;
				p->link = lay->spans[k].link;
				p->link_line = n;
				p->link_col = lay->spans[k].col;
				return 1;
			}
		}
	} else {
		line = p->link == DOC_NONE || p->link_line >= end ?
		    (long)end - 1 : (long)p->link_line;
		for (; line >= (long)p->top; line--) {
			first = lay->lines[line].span;
			last = first + lay->lines[line].nspans;
			for (k = last; k-- > first;) {
				if (!is_link(lay, k))
					continue;
				if ((size_t)line == p->link_line && cur != DOC_NONE &&
				    lay->spans[k].col >= p->link_col)
					continue;
				if (lay->spans[k].link == cur)
					continue;
				p->link = lay->spans[k].link;
				p->link_line = (size_t)line;
				p->link_col = lay->spans[k].col;
				return 1;
			}
		}
	}
	return 0;
}

int
pager_link_shown(const struct pager *p)
{
	size_t rows = (size_t)pager_text_rows(p);

	return p->link != DOC_NONE && p->link_line >= p->top &&
	    p->link_line < p->top + rows;
}

void
pager_link_note(struct pager *p)
{
	const struct link *l = &p->doc->links[p->link];

	pager_note(p, "%.*s  (Enter %s, c copies)",
	    (int)(l->len > 180 ? 180 : l->len), p->doc->aux + l->off,
	    l->len > 0 && p->doc->aux[l->off] == '#' ? "follows" : "shows");
}

int
pager_link_follow(struct pager *p)
{
	const struct link *l = &p->doc->links[p->link];
	const char *url = p->doc->aux + l->off;
	uint32_t sec, a;

	if (l->len > 0 && url[0] == '#') {
		a = doc_anchor(p->doc, url, l->len);
		if (a != DOC_NONE) {
			p->link = DOC_NONE;
			nav_jump(p, layout_find(p->lay,
			    p->doc->anchors[a].block,
			    p->doc->anchors[a].off));
			return 1;
		}
		sec = links_anchor(p->doc, url, l->len);
		if (sec == DOC_NONE) {
			pager_note(p, "no heading %.*s here",
			    (int)(l->len > 100 ? 100 : l->len), url);
			return 0;
		}
		p->link = DOC_NONE;
		nav_jump_section(p, sec);
		return 1;
	}
	pager_note(p, "%.*s  (quire opens nothing; c "
	    "copies it)", (int)(l->len > 160 ? 160 : l->len), url);
	return 0;
}

/* Whether piece K of OUT ends just before column C of ROW (or a blank
 * before it), for link L: a link's spans on one row are one piece. */
static int
joins(const struct hyperlink_cells *out, size_t k, int row, int c,
    uint32_t l)
{
	return out[k].row == row && out[k].id == l &&
	    c - (out[k].col + out[k].width) >= 0 &&
	    c - (out[k].col + out[k].width) <= 1;
}

size_t
pager_hyperlinks(const struct pager *p, struct hyperlink_cells *out,
    size_t max, struct buf *urls)
{
	size_t offs[HYPERLINK_CELLS], n = 0, k, off = 0, len = 0;
	uint32_t last = DOC_NONE, bad = DOC_NONE, i;
	const struct span *sp;
	const struct line *ln;
	struct buf one = { 0 };
	int r, c0, c1;

	if (max > HYPERLINK_CELLS)
		max = HYPERLINK_CELLS;
	urls->len = 0;
	if (p->lay == NULL || p->cols < PAGER_MIN_COLS ||
	    p->rows < PAGER_MIN_ROWS)
		return 0;
	for (r = 0; r < pager_text_rows(p) &&
	    p->top + (size_t)r < p->lay->nlines; r++) {
		ln = &p->lay->lines[p->top + (size_t)r];
		for (i = 0; i < ln->nspans; i++) {
			sp = &p->lay->spans[ln->span + i];
			if (!is_link(p->lay, ln->span + i) || sp->link == bad)
				continue;
			c0 = p->left + sp->col;
			c1 = c0 + sp->width < p->cols ? c0 + sp->width : p->cols;
			if (c1 <= c0)
				continue;
			if (n > 0 && joins(out, n - 1, r, c0, sp->link)) {
				out[n - 1].width = c1 - out[n - 1].col;
				continue;
			}
			if (n == max)
				break;
			if (sp->link != last) {
				const struct link *l = &p->doc->links[sp->link];

				if (hyperlink_target(p->doc->aux + l->off, l->len,
				    &one) < 0) {
					bad = sp->link;
					continue;
				}
				last = sp->link;
				off = urls->len;
				len = one.len;
				buf_put(urls, one.data, one.len);
			}
			offs[n] = off;
			out[n].row = r;
			out[n].col = c0;
			out[n].width = c1 - c0;
			out[n].id = sp->link;
			out[n].len = len;
			n++;
		}
	}
	for (k = 0; k < n; k++)
		out[k].url = urls->data + offs[k];
	buf_free(&one);
	return n;
}
