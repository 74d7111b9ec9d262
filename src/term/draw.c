/*
 * The draw layer: the style table's rows (style.c) as curses attributes,
 * and the one loop that puts text on the screen.  Text is already clean;
 * this loop still replaces any control character with '?', so that a
 * bug elsewhere cannot become an escape sequence.  A line break, which
 * only text drawn on one line holds (a table cell's, as a title), is a
 * blank.
 */
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/hlcache.h"
#include "quire/text.h"

static attr_t attrs[UI__MAX];
static int use_utf8;

static void draw_line_hl(const struct layout *lay, size_t n, int row,
    int left, int width, unsigned long extra, int shift, struct hlcache *hl);

/* Curses attributes for STYLE_* bits A. */
static attr_t
curses_attrs(unsigned a)
{
	attr_t c = A_NORMAL;

	if (a & STYLE_BOLD)
		c |= A_BOLD;
	if (a & STYLE_DIM)
		c |= A_DIM;
	if (a & STYLE_ITALIC)
		c |= A_ITALIC;
	if (a & STYLE_UNDERLINE)
		c |= A_UNDERLINE;
	if (a & STYLE_REVERSE)
		c |= A_REVERSE;
	if (a & STYLE_STANDOUT)
		c |= A_STANDOUT;
	return c;
}

void
draw_init(int color, int utf8, enum theme theme)
{
	const struct style *t = style_table(theme);
	int i, many = color && COLORS >= 256;
	short fg;

	use_utf8 = utf8;
	if (theme == THEME_MONO)
		color = 0;
	for (i = 0; i < UI__MAX; i++) {
		fg = many && t[i].fg256 >= 0 ? t[i].fg256 : t[i].fg;
		if (color && (fg >= 0 || t[i].bg >= 0) && i + 1 < COLOR_PAIRS) {
			init_pair((short)(i + 1), fg, t[i].bg);
			attrs[i] = curses_attrs(t[i].attr) | COLOR_PAIR(i + 1);
		} else
			attrs[i] = curses_attrs(color ? t[i].attr : t[i].mono);
	}
}

int
draw_unstyled(enum theme theme)
{
	return style_unstyled(theme);
}

int
draw_utf8(void)
{
	return use_utf8;
}

/* Attributes for inline style bits: the style table's, and a code
 * span's ink (or reverse, in mono). */
static attr_t
inline_attrs(unsigned style)
{
	attr_t a = curses_attrs(style_inline(style));

	if (style & STY_CODE)
		a |= attrs[UI_CODESPAN];
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
		if (cp == '\n')
			cp = ' ';
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

/* The attributes of a code token of kind K over code drawn in ATTR:
 * the token's look, with what ATTR adds besides colour. */
static attr_t
token_attrs(attr_t attr, unsigned k)
{
	return (attr & ~(attr_t)A_COLOR) | attrs[UI_TOKEN + (k < HL__MAX ? k : 0)];
}

/*
 * Bytes I on of code span SP (text T) at ROW, COL, in at most MAXW
 * columns: in ATTR, but the parts tokens TK (NT, document offsets) cover
 * in their kind's look.
 */
static void
draw_code_text(int row, int col, const char *t, uint32_t i,
    const struct span *sp, int maxw, attr_t attr, const struct hl_token *tk,
    size_t nt)
{
	size_t k = nt > 0 ? hlcache_find(tk, nt, sp->off + i) : 0;
	uint32_t to, at;
	attr_t a;
	int used, w;

	while (i < sp->len && maxw > 0) {
		at = sp->off + i;
		a = attr;
		to = sp->len;
		if (k < nt && tk[k].off <= at) {
			a = token_attrs(attr, tk[k].kind);
			if (tk[k].off + tk[k].len - sp->off < to)
				to = tk[k].off + tk[k].len - sp->off;
			k++;
		} else if (k < nt && tk[k].off - sp->off < to)
			to = tk[k].off - sp->off;
		attrset(a);
		w = (int)text_width(t + i, to - i);
		used = draw_text(row, col, t + i, to - i, maxw, -1);
		if (used < w) /* the room ends here */
			break;
		col += used;
		maxw -= used;
		i = to;
	}
}

/*
 * Draw code span SP, scrolled SHIFT columns left, at ROW from screen
 * column LEFT + SP's column up to EDGE (a layout column), with ATTR and
 * the look of tokens TK (NT of them, or none); a mark at the edge when
 * more of it lies beyond.
 */
static void
draw_code(const struct layout *lay, const struct span *sp, int row,
    int left, int edge, int shift, attr_t attr, const struct hl_token *tk,
    size_t nt)
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
	if (room - more > skip)
		draw_code_text(row, left + sp->col + skip, t, i, sp,
		    room - more - skip, attr, tk, nt);
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
	draw_line_hl(lay, n, row, left, width, extra, shift, NULL);
}

void
draw_line_code(const struct layout *lay, size_t n, int row, int left,
    int width, int shift, struct hlcache *hl)
{
	draw_line_hl(lay, n, row, left, width, 0, shift, hl);
}

/* draw_line_shift, code in the looks of its tokens from HL (or NULL). */
static void
draw_line_hl(const struct layout *lay, size_t n, int row, int left,
    int width, unsigned long extra, int shift, struct hlcache *hl)
{
	const struct line *ln;
	const struct span *sp;
	const struct hl_token *tk;
	size_t nt;
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
		tk = NULL;
		nt = 0;
		if (sp->kind == SPAN_CODE && !sp->gen && hl != NULL)
			tk = hlcache_tokens(hl, ln->block, sp->off,
			    sp->off + sp->len, &nt);
		if (sp->kind == SPAN_CODE && (shift > 0 || nt > 0 ||
		    sp->col + sp->width > edge)) {
			draw_code(lay, sp, row, left, edge, shift, a, tk, nt);
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
