/*
 * The draw layer: span kinds and interface roles to curses attributes,
 * and the one loop that puts text on the screen.  Text is already clean;
 * this loop still replaces any control character with '?', so that a
 * bug elsewhere cannot become an escape sequence.
 */
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/text.h"

/*
 * How a kind looks: attributes, foreground for 8/16-colour terminals and
 * for 256-colour ones (-1 default), background, and attributes in mono.
 * One table per theme; mono (and NO_COLOR) uses the last column only,
 * where glyphs and attributes alone tell the kinds apart (code spans
 * reversed, bold bold; the layout adds marks, LAYOUT_PLAIN).  Every row
 * must be there: a missing one reads as black on black, which
 * draw_unstyled() finds.
 */
struct style {
	attr_t attr;
	short fg, fg256, bg;
	attr_t mono;
};

static const struct style dark[] = {
	[SPAN_TEXT] = { A_NORMAL, -1, -1, -1, A_NORMAL },
	[SPAN_HEADING] = { A_BOLD, COLOR_CYAN, 117, -1, A_BOLD },
	[SPAN_HEADING_RULE] = { A_NORMAL, COLOR_CYAN, 67, -1, A_NORMAL },
	[SPAN_NUMBER] = { A_BOLD, COLOR_CYAN, 117, -1, A_BOLD },
	[SPAN_CODE] = { A_NORMAL, COLOR_YELLOW, 180, -1, A_NORMAL },
	[SPAN_CODE_BAR] = { A_NORMAL, COLOR_YELLOW, 137, -1, A_NORMAL },
	[SPAN_HTML] = { A_NORMAL, COLOR_MAGENTA, 139, -1, A_DIM },
	[SPAN_MARKER] = { A_BOLD, COLOR_GREEN, 114, -1, A_BOLD },
	[SPAN_QUOTE] = { A_NORMAL, COLOR_GREEN, 108, -1, A_NORMAL },
	[SPAN_RULE] = { A_NORMAL, COLOR_BLUE, 60, -1, A_NORMAL },
	[SPAN_BORDER] = { A_NORMAL, COLOR_BLUE, 67, -1, A_NORMAL },
	[SPAN_TH] = { A_BOLD, -1, -1, -1, A_BOLD },
	[SPAN_DEPTH] = { A_BOLD, COLOR_RED, 167, -1, A_BOLD },
	[SPAN_TRUNC] = { A_BOLD, COLOR_RED, 167, -1, A_BOLD },
	[SPAN_CONT] = { A_BOLD, COLOR_YELLOW, 137, -1, A_BOLD },
	[UI_PLAIN] = { A_NORMAL, -1, -1, -1, A_NORMAL },
	[UI_STATUS] = { A_REVERSE, -1, -1, -1, A_REVERSE },
	[UI_NOTE] = { A_BOLD, COLOR_YELLOW, 221, -1, A_BOLD },
	[UI_SELECT] = { A_REVERSE, -1, -1, -1, A_REVERSE },
	[UI_MATCH] = { A_NORMAL, COLOR_BLACK, 16, COLOR_YELLOW, A_UNDERLINE },
	[UI_CURRENT] = { A_BOLD, COLOR_BLACK, 16, COLOR_GREEN, A_REVERSE | A_BOLD },
	[UI_TITLE] = { A_BOLD, -1, -1, -1, A_BOLD },
	[UI_DIM] = { A_DIM, -1, -1, -1, A_DIM },
	[UI_CODESPAN] = { A_NORMAL, COLOR_YELLOW, 180, -1, A_REVERSE },
	[UI_FOOTREF] = { A_BOLD, COLOR_CYAN, 110, -1, A_BOLD },
};

/* For light backgrounds: darker inks, no yellow text. */
static const struct style light[] = {
	[SPAN_TEXT] = { A_NORMAL, -1, -1, -1, A_NORMAL },
	[SPAN_HEADING] = { A_BOLD, COLOR_BLUE, 25, -1, A_BOLD },
	[SPAN_HEADING_RULE] = { A_NORMAL, COLOR_BLUE, 67, -1, A_NORMAL },
	[SPAN_NUMBER] = { A_BOLD, COLOR_BLUE, 25, -1, A_BOLD },
	[SPAN_CODE] = { A_NORMAL, COLOR_MAGENTA, 130, -1, A_NORMAL },
	[SPAN_CODE_BAR] = { A_NORMAL, COLOR_MAGENTA, 137, -1, A_NORMAL },
	[SPAN_HTML] = { A_NORMAL, COLOR_MAGENTA, 96, -1, A_DIM },
	[SPAN_MARKER] = { A_BOLD, COLOR_GREEN, 28, -1, A_BOLD },
	[SPAN_QUOTE] = { A_NORMAL, COLOR_GREEN, 65, -1, A_NORMAL },
	[SPAN_RULE] = { A_NORMAL, COLOR_BLUE, 248, -1, A_NORMAL },
	[SPAN_BORDER] = { A_NORMAL, COLOR_BLUE, 244, -1, A_NORMAL },
	[SPAN_TH] = { A_BOLD, -1, -1, -1, A_BOLD },
	[SPAN_DEPTH] = { A_BOLD, COLOR_RED, 124, -1, A_BOLD },
	[SPAN_TRUNC] = { A_BOLD, COLOR_RED, 124, -1, A_BOLD },
	[SPAN_CONT] = { A_BOLD, COLOR_MAGENTA, 137, -1, A_BOLD },
	[UI_PLAIN] = { A_NORMAL, -1, -1, -1, A_NORMAL },
	[UI_STATUS] = { A_REVERSE, -1, -1, -1, A_REVERSE },
	[UI_NOTE] = { A_BOLD, COLOR_RED, 124, -1, A_BOLD },
	[UI_SELECT] = { A_REVERSE, -1, -1, -1, A_REVERSE },
	[UI_MATCH] = { A_NORMAL, COLOR_BLACK, 16, COLOR_YELLOW, A_UNDERLINE },
	[UI_CURRENT] = { A_BOLD, COLOR_WHITE, 231, COLOR_BLUE, A_REVERSE | A_BOLD },
	[UI_TITLE] = { A_BOLD, -1, -1, -1, A_BOLD },
	[UI_DIM] = { A_DIM, -1, -1, -1, A_DIM },
	[UI_CODESPAN] = { A_NORMAL, COLOR_MAGENTA, 130, -1, A_REVERSE },
	[UI_FOOTREF] = { A_BOLD, COLOR_BLUE, 25, -1, A_BOLD },
};

_Static_assert(sizeof(dark) / sizeof(dark[0]) == UI__MAX,
    "the dark theme styles every kind and role");
_Static_assert(sizeof(light) / sizeof(light[0]) == UI__MAX,
    "the light theme styles every kind and role");

static attr_t attrs[UI__MAX];
static int use_utf8;

/* THEME's style table (mono reads the dark one's last column). */
static const struct style *
theme_styles(enum theme theme)
{
	switch (theme) {
	case THEME_LIGHT:
		return light;
	case THEME_DARK:
	case THEME_MONO:
		break;
	}
	return dark;
}

void
draw_init(int color, int utf8, enum theme theme)
{
	const struct style *t = theme_styles(theme);
	int i, many = color && COLORS >= 256;
	short fg;

	use_utf8 = utf8;
	if (theme == THEME_MONO)
		color = 0;
	for (i = 0; i < UI__MAX; i++) {
		fg = many && t[i].fg256 >= 0 ? t[i].fg256 : t[i].fg;
		if (color && (fg >= 0 || t[i].bg >= 0) && i + 1 < COLOR_PAIRS) {
			init_pair((short)(i + 1), fg, t[i].bg);
			attrs[i] = t[i].attr | COLOR_PAIR(i + 1);
		} else
			attrs[i] = color ? t[i].attr : t[i].mono;
	}
}

int
draw_unstyled(enum theme theme)
{
	const struct style *t = theme_styles(theme);
	int i;

	for (i = 0; i < UI__MAX; i++)
		if (t[i].attr == 0 && t[i].fg == 0 && t[i].fg256 == 0 &&
		    t[i].bg == 0 && t[i].mono == 0) /* no row: all zero */
			return i;
	return -1;
}

int
draw_utf8(void)
{
	return use_utf8;
}

/* Attributes for inline style bits, the same in every theme (mono
 * included): <kbd> reversed, <sup>/<sub> dim, <mark> standout. */
static attr_t
inline_attrs(unsigned style)
{
	attr_t a = 0;

	if (style & STY_EMPH)
		a |= A_ITALIC;
	if (style & STY_STRONG)
		a |= A_BOLD;
	if (style & (STY_LINK | STY_IMAGE))
		a |= A_UNDERLINE;
	if (style & STY_CODE) /* its ink, or reverse in mono */
		a |= attrs[UI_CODESPAN];
	if (style & STY_STRIKE) /* curses has no strikeout: dim */
		a |= A_DIM;
	if (style & STY_KBD)
		a |= A_REVERSE;
	if (style & (STY_SUP | STY_SUB))
		a |= A_DIM;
	if (style & STY_UNDER)
		a |= A_UNDERLINE;
	if (style & STY_MARK)
		a |= A_STANDOUT | A_BOLD;
	if (style & STY_CTRL) /* <U+202E>: not the text's own */
		a |= A_DIM;
	return a;
}

int
draw_text(int row, int col, const char *s, size_t len, int maxw, int style)
{
	wchar_t wbuf[256];
	size_t i = 0, n = 0;
	int used = 0, w;
	uint32_t cp;

	if (style >= 0 && style < UI__MAX)
		attrset(attrs[style]);
	move(row, col);
	while (i < len) {
		i += text_decode(s + i, len - i, &cp);
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			cp = '?';
		if (cp == 0x2028 || cp == 0x2029) /* no column, not printable */
			continue;
		w = text_cp_width(cp);
		if (used + w > maxw)
			break;
		if (!use_utf8 && cp >= 0x80) {
			/* ASCII terminal: one '?' per column. */
			for (; w > 0 && n < 255; w--, used++)
				wbuf[n++] = L'?';
		} else {
			wbuf[n++] = (wchar_t)cp;
			used += w;
		}
		if (n >= 250) {
			addnwstr(wbuf, (int)n);
			n = 0;
		}
	}
	if (n)
		addnwstr(wbuf, (int)n);
	return used;
}

void
draw_fill(int row, int col, int width, int style)
{
	attrset(attrs[style]);
	if (width > 0)
		mvhline(row, col, ' ', width);
}

/*
 * Draw code span SP, scrolled SHIFT columns left, at ROW from screen
 * column LEFT + SP's column up to EDGE (a layout column), with ATTR;
 * a mark at the edge when more of it lies beyond.
 */
static void
draw_code(const struct layout *lay, const struct span *sp, int row,
    int left, int edge, int shift, attr_t attr)
{
	const char *t = layout_span_text(lay, sp);
	uint32_t i = 0, cp;
	int skip = 0, room = edge - sp->col, more = sp->width - shift > room;
	size_t n;

	while (i < sp->len && skip < shift) { /* the columns scrolled off */
		n = text_decode(t + i, sp->len - i, &cp);
		skip += text_cp_width(cp);
		i += (uint32_t)n;
	}
	while (i < sp->len) { /* no mark to draw over a base */
		n = text_decode(t + i, sp->len - i, &cp);
		if (text_cp_width(cp) != 0)
			break;
		i += (uint32_t)n;
	}
	skip -= shift; /* a wide character cut in two: its half is blank */
	if (room - more > skip) {
		attrset(attr);
		draw_text(row, left + sp->col + skip, t + i, sp->len - i,
		    room - more - skip, -1);
	}
	if (more && room > 1) {
		/* more beyond the edge: less's mark for a chopped line */
		attrset(attrs[SPAN_TRUNC]);
		mvaddstr(row, left + edge - 1, use_utf8 ? "\xE2\x80\xBA" : ">");
	}
}

void
draw_line(const struct layout *lay, size_t n, int row, int left, int width,
    unsigned long extra)
{
	draw_line_shift(lay, n, row, left, width, extra, 0);
}

void
draw_line_shift(const struct layout *lay, size_t n, int row, int left,
    int width, unsigned long extra, int shift)
{
	const struct line *ln;
	const struct span *sp;
	uint32_t k;
	int col, edge = lay->width < width ? lay->width : width;
	attr_t a;

	if (n >= lay->nlines)
		return;
	ln = &lay->lines[n];
	for (k = 0; k < ln->nspans; k++) {
		sp = &lay->spans[ln->span + k];
		if (sp->col >= width)
			break;
		a = attrs[sp->style & STY_NOTE ? UI_FOOTREF : sp->kind];
		if (sp->style & STY_CODE) /* the code span's ink */
			a &= ~(attr_t)A_COLOR;
		a |= inline_attrs(sp->style) | (attr_t)extra;
		if (sp->kind == SPAN_CODE && (shift > 0 ||
		    sp->col + sp->width > edge)) {
			draw_code(lay, sp, row, left, edge, shift, a);
			continue;
		}
		attrset(a);
		col = left + sp->col;
		draw_text(row, col, layout_span_text(lay, sp), sp->len,
		    width - sp->col, -1);
	}
}

size_t
draw_cut(const char *s, size_t len, int maxw)
{
	int room = maxw - (use_utf8 ? 1 : 3), used = 0, w;
	size_t i = 0, n, word = 0;
	uint32_t cp;

	if ((int)text_width(s, len) <= maxw)
		return len;
	while (i < len && room > 0) {
		n = text_decode(s + i, len - i, &cp);
		w = text_cp_width(cp);
		if (used + w > room)
			break;
		if (cp == ' ' && i > 0 && s[i - 1] != ' ')
			word = i;
		used += w;
		i += n;
	}
	if (i < len && s[i] != ' ' && word > 0 && word * 3 >= i * 2)
		i = word;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	return i;
}

int
draw_ellipsis(int row, int col, int maxw, int style)
{
	const char *e = use_utf8 ? "\xE2\x80\xA6" : "...";
	int w = use_utf8 ? 1 : 3;

	if (w > maxw)
		return 0;
	return draw_text(row, col, e, strlen(e), maxw, style);
}

int
draw_text_cut(int row, int col, const char *s, size_t len, int maxw,
    int style)
{
	size_t n = draw_cut(s, len, maxw);
	int used;

	if (n == len)
		return draw_text(row, col, s, len, maxw, style);
	if (maxw <= 0)
		return 0;
	used = draw_text(row, col, s, n, maxw, style);
	return used + draw_ellipsis(row, col + used, maxw - used, style);
}

unsigned long
draw_attr(int style)
{
	return style >= 0 && style < UI__MAX ? (unsigned long)attrs[style] : 0;
}

void
draw_range(const struct layout *lay, size_t n, int row, int left, int width,
    int c0, int c1, int style)
{
	draw_range_shift(lay, n, row, left, width, c0, c1, style, 0);
}

void
draw_range_shift(const struct layout *lay, size_t n, int row, int left,
    int width, int c0, int c1, int style, int shift)
{
	const struct line *ln;
	const struct span *sp;
	const char *t;
	uint32_t k, i, cp;
	int col, w, sh, lim, edge = lay->width < width ? lay->width : width;
	size_t len;

	if (n >= lay->nlines || c0 >= c1)
		return;
	ln = &lay->lines[n];
	for (k = 0; k < ln->nspans; k++) {
		sp = &lay->spans[ln->span + k];
		if (sp->col >= c1 || sp->col + sp->width <= c0 || sp->col >= width)
			continue;
		/* code scrolls, and stops at the text column's edge */
		sh = sp->kind == SPAN_CODE ? shift : 0;
		lim = sp->kind == SPAN_CODE ? edge : width;
		t = layout_span_text(lay, sp);
		for (i = 0, col = sp->col; i < sp->len; i += (uint32_t)len) {
			len = text_decode(t + i, sp->len - i, &cp);
			w = text_cp_width(cp);
			if (col >= c0 && col < c1 && col - sh >= sp->col &&
			    col - sh + w <= lim) {
				size_t more = len;

				/* keep combining marks with their base */
				while (i + more < sp->len) {
					uint32_t next;
					size_t m = text_decode(t + i + more,
					    sp->len - i - more, &next);

					if (text_cp_width(next) != 0)
						break;
					more += m;
				}
				draw_text(row, left + col - sh, t + i, more, w, style);
				len = more;
			}
			col += w;
		}
	}
}
