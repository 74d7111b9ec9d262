/*
 * The pager view: scrolling through the laid-out document, the status
 * line (title, section, page X/Y, percentage), and relayout on resize.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/pager.h"
#include "quire/search.h"
#include "quire/status.h"
#include "quire/text.h"

#define ESC_KEY 27 /* Esc-( and Esc-) scroll code lines, as in less */

void
pager_init(struct pager *p, const struct doc *doc, const char *name,
    int lay_flags)
{
	memset(p, 0, sizeof(*p));
	p->doc = doc;
	p->name = name;
	p->lay_flags = lay_flags & ~LAYOUT_CHOP;
	p->chop = (lay_flags & LAYOUT_CHOP) != 0;
	p->hint = 1;
	p->reopen.table = DOC_NONE;
	p->match = SEARCH_NONE;
	p->link = DOC_NONE;
	p->focus = PAGER_NO_FOCUS;
	if (doc->nblocks == 0)
		pager_note(p, "%s",
		    doc->source_len == 0 ? "empty file" : "nothing to show");
}

void
pager_open(struct pager *p, const struct doc *doc,
    const struct pager_setup *s)
{
	pager_init(p, doc, s->name, s->lay_flags);
	p->partial = s->partial;
	p->column = s->column;
	pager_resize(p, s->rows, s->cols);
}

void
pager_note(struct pager *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->note, sizeof(p->note), fmt, ap);
	va_end(ap);
}

void
pager_note_clear(struct pager *p)
{
	p->note[0] = '\0';
}

const char *
pager_note_text(const struct pager *p)
{
	return p->note;
}

void
pager_hide_hint(struct pager *p)
{
	p->hint = 0;
}

void
pager_key_begin(struct pager *p, int key)
{
	if (p->pending == ESC_KEY && key != '(' && key != ')')
		p->pending = 0;
}

int
pager_take_reopen(struct pager *p, struct pos *to)
{
	if (p->reopen.table == DOC_NONE)
		return 0;
	*to = p->reopen;
	p->reopen.table = DOC_NONE;
	return 1;
}

void
pager_free(struct pager *p)
{
	search_free(p->search);
	p->search = NULL;
	layout_free(p->lay);
	free(p->back);
	free(p->fwd);
	p->lay = NULL;
	p->back = p->fwd = NULL;
	p->nback = p->nfwd = 0;
}

int
pager_text_rows(const struct pager *p)
{
	return p->rows > 1 ? p->rows - 1 : 1;
}

/* The largest top line: the last page ends at the last line. */
static size_t
max_top(const struct pager *p)
{
	size_t rows = (size_t)pager_text_rows(p);

	if (p->lay == NULL)
		return 0;
	layout_finish(p->lay);
	if (p->lay->nlines <= rows)
		return 0;
	return p->lay->nlines - rows;
}

void
pager_goto(struct pager *p, size_t n)
{
	size_t m = max_top(p);

	p->anchored = 0;
	p->focus = PAGER_NO_FOCUS;
	p->top = n > m ? m : n;
}

/*
 * The page number with line TOP at the top: that of the last line on
 * screen, so the last screen is the last page and each screen back is
 * one page less, whichever way the reader came.
 */
static size_t
page_of(const struct pager *p, size_t top)
{
	size_t rows = (size_t)pager_text_rows(p), bottom = top + rows;

	if (layout_done(p->lay) && bottom > p->lay->nlines)
		bottom = p->lay->nlines;
	return bottom > 0 ? (bottom - 1) / rows + 1 : 1;
}

size_t
pager_page_at(const struct pager *p, size_t n)
{
	size_t m = max_top(p);

	return page_of(p, n > m ? m : n);
}

/* The first line at or after N that is not a blank between blocks. */
static size_t
text_line(const struct pager *p, size_t n)
{
	size_t k;

	layout_more(p->lay, n + 2, 0);
	for (k = n; k < p->lay->nlines; k++)
		if (!(p->lay->lines[k].flags & LINE_BLANK))
			return k;
	return n;
}

struct pos
pager_pos(const struct pager *p)
{
	struct pos pos = { 0, 0, DOC_NONE, DOC_NONE };
	size_t n;

	if (p->lay == NULL || p->lay->nlines == 0)
		return pos;
	n = text_line(p, p->top);
	pos.block = p->lay->lines[n].block;
	pos.off = p->lay->lines[n].off;
	return pos;
}

/* Put the line showing POS at the top. */
static void
show(struct pager *p, struct pos pos)
{
	size_t n;

	layout_more(p->lay, 1, 0);
	if (p->lay->nlines == 0) {
		p->top = 0;
		return;
	}
	if (pos.block >= p->doc->nblocks)
		pos.block = p->doc->nblocks ? (uint32_t)p->doc->nblocks - 1 : 0;
	layout_more(p->lay, 0, pos.block + 1);
	n = layout_find(p->lay, pos.block, pos.off);
	p->top = n < p->lay->nlines ? n : p->lay->nlines - 1;
	/* No screen of blank past the end (a first part has more to come). */
	layout_more(p->lay, p->top + (size_t)pager_text_rows(p), 0);
	if (layout_done(p->lay) && !p->partial && p->top > max_top(p))
		p->top = max_top(p);
}

void
pager_show_pos(struct pager *p, struct pos pos)
{
	p->anchored = 0;
	p->focus = PAGER_NO_FOCUS;
	show(p, pos);
}

uint32_t
pager_section(const struct pager *p)
{
	size_t n = p->top;

	if (p->lay == NULL || p->lay->nlines == 0)
		return DOC_NONE;
	if (p->focus != PAGER_NO_FOCUS && p->focus >= p->top &&
	    p->focus < p->top + (size_t)pager_text_rows(p) &&
	    p->focus < p->lay->nlines)
		n = p->focus;
	return p->lay->lines[text_line(p, n)].section;
}

void
pager_resize(struct pager *p, int rows, int cols)
{
	int have = p->lay != NULL && p->lay->nlines > 0, width;

	/* Resizes in a row keep the place the reader had before the first,
	 * so that going back to a width gives back the same screen. */
	if (have && !p->anchored) {
		p->anchor = pager_pos(p);
		p->anchored = 1;
	}
	p->rows = rows;
	p->cols = cols;
	p->focus = PAGER_NO_FOCUS;
	width = cols > 0 ? cols : 1;
	if (p->column > 0 && !p->full && p->column < width)
		width = p->column;
	p->left = (cols - width) / 2 > 0 ? (cols - width) / 2 : 0;
	if (p->lay == NULL || p->lay->width != width ||
	    !(p->lay->flags & LAYOUT_CHOP) != !p->chop) {
		layout_free(p->lay);
		/* Lazily: the first screen now, the rest when idle or needed. */
		p->lay = layout_start(p->doc, width, p->lay_flags |
		    (p->chop ? LAYOUT_CHOP : 0));
		pager_search_relayout(p);
	}
	p->top = 0;
	if (have)
		show(p, p->anchor);
	pager_need(p, p->top + (size_t)rows);
}

void
pager_need(struct pager *p, size_t line)
{
	layout_more(p->lay, line, 0);
}

void
pager_need_all(struct pager *p)
{
	layout_finish(p->lay);
}

int
pager_idle(struct pager *p)
{
	size_t step = 20000; /* lines a slice lays out between keys */

	if (p->lay == NULL || layout_done(p->lay))
		return 0;
	layout_more(p->lay, p->lay->nlines + step, 0);
	return 1;
}

/* The status line: title and section on the left, position on the right. */
static void
draw_status(struct pager *p, int row)
{
	const struct doc *d = p->doc;
	char right[96], cut[24] = "";
	size_t tlen, nl = p->lay->nlines, rows = (size_t)pager_text_rows(p);
	size_t pages = nl ? (nl + rows - 1) / rows : 1, page, pct;
	const char *title = doc_title(d, &tlen);
	int col = 0, rw;
	uint32_t sec = DOC_NONE;

	page = page_of(p, p->top);
	if (p->chop) /* -S, and how far code lines are scrolled */
		snprintf(cut, sizeof(cut), p->shift ? " -S +%d" : " -S",
		    p->shift);
	if (!layout_done(p->lay) || p->partial) /* no total yet */
		rw = snprintf(right, sizeof(right), "%s%s page %zu/... ",
		    p->hint && p->note[0] ? " h help " : "", cut, page);
	else {
		pct = nl == 0 ? 100 : (p->top + rows >= nl ? 100 :
		    (p->top + rows) * 100 / nl);
		rw = snprintf(right, sizeof(right), "%s%s page %zu/%zu %3zu%% ",
		    p->hint && p->note[0] ? " h help " : "", cut, page, pages,
		    pct);
	}
	draw_fill(row, 0, p->cols, UI_STATUS);
	if (p->note[0]) { /* a note takes the place of the title */
		int nw = (int)text_width(p->note, strlen(p->note));

		if (nw > p->cols - rw - 2) /* and of the rest, if need be */
			rw = 0;
		draw_text_cut(row, 1, p->note, strlen(p->note), p->cols - rw - 2,
		    UI_NOTE);
		goto right;
	}
	if (p->hint) { /* the first screen: the main keys */
		status_hint(row, 1, p->cols - rw - 2, UI_STATUS);
		goto right;
	}
	if (tlen == 0)
		title = status_base_name(p->name), tlen = strlen(title);
	col = draw_text_cut(row, 1, title, tlen, p->cols - rw - 2, UI_STATUS) + 1;
	if (nl > 0)
		sec = pager_section(p);
	if (sec != DOC_NONE && sec != d->title && col < p->cols - rw - 4) {
		const struct section *s = &d->sections[sec];

		col += draw_text(row, col, " - ", 3, p->cols - rw - col, UI_STATUS);
		draw_text_cut(row, col, d->text + s->title, s->title_len,
		    p->cols - rw - col - 1, UI_STATUS);
	}
right:
	if (rw > 0 && rw < p->cols)
		draw_text(row, p->cols - rw, right, (size_t)rw, rw, UI_STATUS);
}

/* Highlight the matches on line N (drawn at ROW); the current one apart. */
static void
draw_matches(const struct pager *p, size_t n, int row)
{
	struct search_cols parts[32];
	size_t k, np = search_on_line(p->search, n, parts, 32);

	for (k = 0; k < np && k < 32; k++)
		draw_range_shift(p->lay, n, row, p->left, p->cols - p->left,
		    parts[k].col, parts[k].end,
		    parts[k].match == p->match ? UI_CURRENT : UI_MATCH, p->shift);
}

/* Show the selected link's spans on line N (drawn at ROW) as selected. */
static void
draw_link(const struct pager *p, size_t n, int row)
{
	const struct line *ln;
	const struct span *sp;
	uint32_t k;

	if (n >= p->lay->nlines || n + 3 < p->link_line || n > p->link_line + 3)
		return;
	ln = &p->lay->lines[n];
	for (k = 0; k < ln->nspans; k++) {
		sp = &p->lay->spans[ln->span + k];
		if ((sp->style & (STY_LINK | STY_IMAGE)) && sp->link == p->link)
			draw_range_shift(p->lay, n, row, p->left, p->cols - p->left,
			    sp->col, sp->col + sp->width, UI_SELECT, p->shift);
	}
}

/* Say the terminal is too small, words wrapped to what there is. */
static void
too_small(int rows, int cols)
{
	static const char *words[] = { "terminal", "too", "small" };
	int row = 0, col = 0, i, n;

	for (i = 0; i < 3 && row < rows; i++) {
		n = (int)strlen(words[i]);
		if (col > 0 && col + 1 + n > cols)
			row++, col = 0;
		else if (col > 0)
			col++;
		if (row < rows)
			col += draw_text(row, col, words[i], (size_t)n, cols - col,
			    UI_NOTE);
	}
}

void
pager_draw(struct pager *p)
{
	int r, rows = pager_text_rows(p);

	erase();
	if (p->cols < PAGER_MIN_COLS || p->rows < PAGER_MIN_ROWS) {
		too_small(p->rows, p->cols);
		return;
	}
	pager_need(p, p->top + (size_t)rows);
	for (r = 0; r < rows; r++) {
		draw_line_shift(p->lay, p->top + (size_t)r, r, p->left,
		    p->cols - p->left, 0, p->shift);
		if (p->search != NULL)
			draw_matches(p, p->top + (size_t)r, r);
		if (p->link != DOC_NONE)
			draw_link(p, p->top + (size_t)r, r);
	}
	if (p->lay->nlines == 0 && layout_done(p->lay))
		draw_text_cut(rows / 2, 2, "(empty document)", 16, p->cols - 2,
		    UI_DIM);
	draw_status(p, p->rows - 1);
}

/* The letter after m or ': set a mark, or go to one. */
static void
mark_key(struct pager *p, int key)
{
	int kind = p->pending;

	p->pending = 0;
	pager_note_clear(p);
	if (kind == '\'' && (key == '\'' || key == '`')) {
		if (!nav_history(p, -1))
			pager_note(p, "no earlier place");
		return;
	}
	if (key < 'a' || key > 'z') {
		pager_note(p, "marks are letters a-z");
		return;
	}
	if (kind == 'm') {
		p->marks[key - 'a'] = pager_pos(p);
		p->marks_set |= 1u << (key - 'a');
		pager_note(p, "mark %c set", key);
	} else if (!(p->marks_set & (1u << (key - 'a')))) {
		pager_note(p, "mark %c is not set", key);
	} else {
		struct pos to = p->marks[key - 'a'];

		nav_jump(p, 0);
		pager_show_pos(p, to);
	}
}

/* The letter after -: S switches long code lines, as less's -S. */
static void
option_key(struct pager *p, int key)
{
	p->pending = 0;
	pager_note_clear(p);
	if (key == 'S')
		pager_toggle_chop(p);
	else if (key > ' ' && key < 0x7F)
		pager_note(p, "no option -%c here; -S "
		    "switches long code lines", key);
}

int
pager_act(struct pager *p, enum action a, int key)
{
	size_t rows = (size_t)pager_text_rows(p);
	uint32_t sec;

	pager_need_all(p); /* every action may look past the first screen */
	if (p->pending == ESC_KEY) { /* Esc-( and Esc-), else the key itself */
		p->pending = 0;
		if (key == '(' || key == ')')
			a = key == '(' ? ACT_LEFT : ACT_RIGHT;
	} else if (p->pending == '-') {
		option_key(p, key);
		return 0;
	} else if (p->pending) {
		mark_key(p, key);
		return 0;
	}
	switch (a) {
	case ACT_QUIT:
		return 1;
	case ACT_LINE_DOWN:
		if (p->top < max_top(p))
			pager_goto(p, p->top + 1);
		break;
	case ACT_LINE_UP:
		pager_goto(p, p->top > 0 ? p->top - 1 : 0);
		break;
	case ACT_PAGE_DOWN:
		if (p->top < max_top(p))
			pager_goto(p, p->top + rows);
		break;
	case ACT_PAGE_UP:
		pager_goto(p, p->top > rows ? p->top - rows : 0);
		break;
	case ACT_HALF_DOWN:
		if (p->top < max_top(p))
			pager_goto(p, p->top + (rows + 1) / 2);
		break;
	case ACT_HALF_UP:
		pager_goto(p, p->top > (rows + 1) / 2 ? p->top - (rows + 1) / 2 : 0);
		break;
	case ACT_TOP:
		nav_jump(p, 0);
		break;
	case ACT_BOTTOM:
		nav_jump(p, max_top(p));
		break;
	case ACT_NEXT_SECTION:
	case ACT_PREV_SECTION:
	case ACT_NEXT_TOP:
	case ACT_PREV_TOP:
		sec = nav_next_section(p, a == ACT_NEXT_SECTION ||
		    a == ACT_NEXT_TOP ? 1 : -1, a == ACT_NEXT_TOP ||
		    a == ACT_PREV_TOP);
		if (sec == DOC_NONE)
			pager_note(p, "%s",
			    a == ACT_NEXT_SECTION || a == ACT_NEXT_TOP ?
			    "no next section" : "no previous section");
		else
			nav_jump_section(p, sec);
		break;
	case ACT_TOP_N:
		sec = nav_top_section(p->doc, key - '0');
		if (sec == DOC_NONE)
			pager_note(p, "no section %c", key);
		else
			nav_jump_section(p, sec);
		break;
	case ACT_BACK:
		if (!nav_history(p, -1))
			pager_note(p, "no earlier place");
		break;
	case ACT_FORWARD:
		if (!nav_history(p, 1))
			pager_note(p, "no later place");
		break;
	case ACT_FOLLOW:
		if (pager_link_shown(p))
			pager_link_follow(p);
		else if (p->top < max_top(p))
			pager_goto(p, p->top + 1);
		break;
	case ACT_NEXT_LINK:
	case ACT_PREV_LINK:
		if (pager_link_step(p, a == ACT_NEXT_LINK ? 1 : -1))
			pager_link_note(p);
		else
			pager_note(p, "no %s link on screen",
			    p->link == DOC_NONE ? "" : a == ACT_NEXT_LINK ? "further" :
			    "earlier");
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		pager_search_next(p, a == ACT_PREV_MATCH);
		break;
	case ACT_MARK:
	case ACT_GOTO_MARK:
		p->pending = a == ACT_MARK ? 'm' : '\'';
		pager_note(p, "%s", a == ACT_MARK ?
		    "mark: type a letter" : "go to mark: type a letter, or '");
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_OPTION:
		p->pending = '-';
		pager_note(p, "-: type S for long code lines "
		    "whole or wrapped");
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (key == ESC_KEY)
			p->pending = ESC_KEY;
		else
			pager_scroll_code(p, a == ACT_RIGHT ? 1 : -1);
		break;
	case ACT_WIDTH:
		p->full = !p->full;
		pager_resize(p, p->rows, p->cols);
		pager_note(p, "%s", p->full ?
		    "full width" : "reading column");
		break;
	default:
		break;
	}
	return 0;
}
