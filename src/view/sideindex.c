/*
 * The section index beside the text: on a wide screen (SIDE_AUTO_COLS
 * columns, or whenever there is room once I shows it) the outline takes
 * the left of the screen and the text column moves right, keeping its
 * width.  The reader's section is highlighted and kept on screen as the
 * pager moves; a click on an entry jumps to it.  I again gives it the
 * keys (the side view, sideview.c): a cursor, apart from the reader's
 * mark, moves over the entries and Enter jumps.  Only the rows on
 * screen are drawn.
 */
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/pager.h"
#include "quire/ui.h"

#define SIDE_AUTO_COLS 140 /* SIDE_AUTO shows the index from this width */
#define SIDE_MIN 20        /* narrowest index worth showing */
#define SIDE_MAX 40        /* widest */
#define SIDE_GAP 2         /* columns between it and the text: a rule and
                              a blank */
#define SIDE_CONTEXT 2     /* entries kept above and below the reader's */

/* The index's width for a text column WIDTH wide, or 0: not shown. */
static int
side_width(const struct pager *p, int width)
{
	int w;

	if (p->side == SIDE_OFF || p->doc->nsections == 0 ||
	    (p->side == SIDE_AUTO && p->cols < SIDE_AUTO_COLS))
		return 0;
	w = p->cols - width - SIDE_GAP;
	if (w > SIDE_MAX)
		w = SIDE_MAX;
	return w >= SIDE_MIN ? w : 0;
}

void
pager_place(struct pager *p, int width)
{
	p->side_w = side_width(p, width);
	if (p->side_w == 0) {
		p->left = (p->cols - width) / 2 > 0 ? (p->cols - width) / 2 : 0;
		return;
	}
	/* The text centred in the room right of the index. */
	p->left = p->side_w + SIDE_GAP +
	    (p->cols - p->side_w - SIDE_GAP - width) / 2;
}

void
pager_toggle_side(struct pager *p)
{
	int width = p->lay != NULL ? p->lay->width : p->cols;

	p->side = p->side_w > 0 ? SIDE_OFF : SIDE_ON;
	pager_place(p, width);
	if (p->side_w > 0)
		pager_note(p, "the section index beside the text (I again: "
		    "its keys, to choose a section)");
	else if (p->side == SIDE_OFF)
		pager_note(p, "the section index hidden (I shows it)");
	else if (p->doc->nsections == 0)
		pager_note(p, "this document has no headings");
	else
		pager_note(p, "no room beside the text for the section index: "
		    "it needs %d columns (i opens it)",
		    width + SIDE_MIN + SIDE_GAP);
}

/* Keep section CUR on screen, with context, in ROWS entries. */
static void
follow(struct pager *p, uint32_t cur, int rows)
{
	uint32_t n = (uint32_t)p->doc->nsections, r = (uint32_t)rows;

	if (cur != DOC_NONE) {
		if (cur < p->side_top + SIDE_CONTEXT)
			p->side_top = cur > SIDE_CONTEXT ? cur - SIDE_CONTEXT : 0;
		else if (cur + SIDE_CONTEXT + 1 > p->side_top + r)
			p->side_top = cur + SIDE_CONTEXT + 1 - r;
	}
	if (n <= r)
		p->side_top = 0;
	else if (p->side_top > n - r)
		p->side_top = n - r;
}

/* Entry S at ROW: a mark for the reader's section, an indent by depth,
 * the number, the title cut to fit.  The entry highlighted is the
 * reader's section, or the cursor's while the index has the keys (the
 * reader's then keeps its mark, its title in the title style). */
static void
draw_entry(const struct pager *p, int row, uint32_t s, int current)
{
	const struct doc *d = p->doc;
	const struct section *sec = &d->sections[s];
	int lit = p->side_keys ? s == p->side_cur : current;
	int w = p->side_w, style = lit ? UI_SELECT : UI_PLAIN, col;
	int depth = s == d->title ? 0 : (int)sec->depth;

	if (lit)
		draw_fill(row, 0, w, style);
	col = draw_text(row, 0, current ? ">" : " ", 1, w, style);
	col += depth < w / 3 ? depth : w / 3;
	if (doc_shown_num(d, sec) > 0 && col < w - 4) {
		col += draw_text(row, col, d->aux + sec->num, sec->num_len,
		    w - 4 - col, lit ? style : UI_DIM);
		col += draw_text(row, col, " ", 1, w - col, style);
	}
	if (col < w - 1)
		draw_text_cut(row, col, d->text + sec->title, sec->title_len,
		    w - 1 - col, current && !lit ? UI_TITLE : style);
}

void
sideindex_draw(struct pager *p)
{
	int rows = pager_text_rows(p), r;
	const char *bar = draw_utf8() ? "\xE2\x94\x82" : "|";
	uint32_t cur = pager_section(p), s;

	if (p->side_w == 0)
		return;
	if (p->side_keys && p->side_cur >= p->doc->nsections)
		p->side_cur = p->doc->nsections - 1;
	follow(p, p->side_keys ? p->side_cur : cur, rows - 1);
	draw_text_cut(0, 1, "Sections", 8, p->side_w - 1, UI_TITLE);
	for (r = 1; r < rows; r++) {
		s = p->side_top + (uint32_t)r - 1;
		if (s < p->doc->nsections)
			draw_entry(p, r, s, s == cur);
	}
	for (r = 0; r < rows; r++)
		draw_text(r, p->side_w, bar, strlen(bar), 1, UI_DIM);
}

int
sideindex_click(struct pager *p, int row, int col)
{
	uint32_t s;
	size_t line;

	if (p->side_w == 0 || col < 0 || col > p->side_w || row < 0 ||
	    row >= pager_text_rows(p))
		return 0;
	if (row == 0 || col == p->side_w)
		return 1;
	s = p->side_top + (uint32_t)row - 1;
	if (s >= p->doc->nsections)
		return 1;
	line = layout_line_of_section(p->lay, s);
	/* A click comes as a press and a release: one jump. */
	if (p->focus != line || pager_section(p) != s)
		nav_jump_section(p, s);
	return 1;
}

int
sideindex_enter(struct pager *p)
{
	uint32_t cur = pager_section(p);

	if (p->side_w == 0) {
		if (p->doc->nsections == 0)
			pager_note(p, "this document has no headings");
		else
			pager_note(p, "no room beside the text for the section "
			    "index: it needs %d columns (i opens it)",
			    (p->lay != NULL ? p->lay->width : p->cols) +
			    SIDE_MIN + SIDE_GAP);
		return 0;
	}
	pager_note_clear(p);
	p->side_keys = 1;
	p->side_cur = cur != DOC_NONE ? cur : 0;
	return 1;
}

void
sideindex_leave(struct pager *p)
{
	p->side_keys = 0;
}

int
sideindex_move(struct pager *p, enum action a)
{
	uint32_t n = (uint32_t)p->doc->nsections, page, c = p->side_cur;
	int rows = pager_text_rows(p);

	/* A page: the entries on screen but one, under the heading row. */
	page = rows > 3 ? (uint32_t)rows - 2 : 1;
	if (n == 0)
		return 0;
	switch (a) {
	case ACT_LINE_DOWN:
		c = c + 1 < n ? c + 1 : n - 1;
		break;
	case ACT_LINE_UP:
		c = c > 0 ? c - 1 : 0;
		break;
	case ACT_PAGE_DOWN:
		c = n - 1 - c > page ? c + page : n - 1;
		break;
	case ACT_PAGE_UP:
		c = c > page ? c - page : 0;
		break;
	case ACT_TOP:
		c = 0;
		break;
	case ACT_BOTTOM:
		c = n - 1;
		break;
	default:
		return 0;
	}
	p->side_cur = c;
	return 1;
}

void
sideindex_choose(struct pager *p)
{
	p->side_keys = 0;
	if (p->side_cur < p->doc->nsections)
		nav_jump_section(p, p->side_cur);
}
