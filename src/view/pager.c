/*
 * The pager view: where it stands in the laid-out document (going to a
 * line, positions by text), drawing it with the status line (title,
 * section, page X/Y, percentage), laying out ahead between keys, and
 * relayout on resize.  Its actions are pager_act.c's.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/hyperlink.h"
#include "quire/pager.h"
#include "quire/search.h"
#include "quire/hlcache.h"
#include "quire/status.h"
#include "quire/text.h"

#define IDLE_MS 3 /* milliseconds of laying out between two looks for a key */

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
	p->partial = s->partial || s->unknown;
	p->unknown = s->unknown;
	p->side = s->side;
	p->column = s->column;
	p->hl = s->hl != NULL ? hlcache_new(s->hl, doc) : NULL;
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
	hlcache_free(p->hl);
	p->hl = NULL;
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

size_t
pager_max_top(const struct pager *p)
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
	size_t m;

	p->anchored = 0;
	p->focus = PAGER_NO_FOCUS;
	/* A screen past N laid out: N is within bounds, whatever follows. */
	layout_more(p->lay, n + (size_t)pager_text_rows(p) + 1, 0);
	if (!layout_done(p->lay)) {
		p->top = n;
		return;
	}
	m = pager_max_top(p);
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
	size_t m = pager_max_top(p);

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

/* Whether line K of O shows what line N does: the same block at the
 * same offset, neither a blank line. */
static int
same_text(const struct layout *o, size_t k, size_t n)
{
	const struct line *a = &o->lines[k], *b = &o->lines[n];

	return a->block == b->block && a->off == b->off &&
	    !((a->flags | b->flags) & LINE_BLANK);
}

/* Line N's step from the first line showing its block and offset
 * (struct pos): 0 unless only lines showing the same lie between. */
static int32_t
step_to(const struct layout *o, size_t n)
{
	size_t k = layout_find(o, o->lines[n].block, o->lines[n].off), i;

	if (k >= n)
		return 0;
	for (i = k; i < n; i++)
		if (!same_text(o, i, n))
			return 0;
	return n - k > INT32_MAX ? 0 : (int32_t)(n - k);
}

/* The line STEP lines from line N (struct pos), as far as lines showing
 * N's text (STEP > 0) or blank lines (STEP < 0) go. */
static size_t
step_from(struct pager *p, size_t n, int32_t step)
{
	const struct layout *o = p->lay;

	if (step > 0)
		layout_more(p->lay, n + (size_t)step + 1, 0);
	for (; step > 0 && n + 1 < o->nlines && same_text(o, n + 1, n); step--)
		n++;
	for (; step < 0 && n > 0 && (o->lines[n - 1].flags & LINE_BLANK);
	    step++)
		n--;
	return n;
}

struct pos
pager_line_pos(const struct pager *p, size_t n)
{
	struct pos pos = { 0, 0, DOC_NONE, DOC_NONE, 0 };
	size_t k;

	if (p->lay == NULL || p->lay->nlines == 0)
		return pos;
	if (n >= p->lay->nlines)
		n = p->lay->nlines - 1;
	/* A blank line: the text after it, that many lines back. */
	k = text_line(p, n);
	pos.block = p->lay->lines[k].block;
	pos.off = p->lay->lines[k].off;
	pos.step = step_to(p->lay, k);
	if (k > n && pos.step == 0 && k - n <= INT32_MAX)
		pos.step = -(int32_t)(k - n);
	return pos;
}

struct pos
pager_pos(const struct pager *p)
{
	return pager_line_pos(p, p->top);
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
	if (n < p->lay->nlines)
		n = step_from(p, n, pos.step);
	p->top = n < p->lay->nlines ? n : p->lay->nlines - 1;
	/* No screen of blank past the end (a first part has more to come). */
	layout_more(p->lay, p->top + (size_t)pager_text_rows(p), 0);
	if (layout_done(p->lay) && !p->partial && p->top > pager_max_top(p))
		p->top = pager_max_top(p);
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
	pager_place(p, width);
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

void
pager_highlight_later(struct pager *p)
{
	p->hl_later = p->hl != NULL;
}

int
pager_busy(const struct pager *p)
{
	return p->lay != NULL && (!layout_done(p->lay) || p->hl_later ||
	    pager_search_busy(p));
}

int
pager_idle(struct pager *p)
{
	size_t step = 250; /* lines laid out between looks at the clock */
	struct timespec t0, t;

	if (p->hl_later) { /* the screen is drawn: now its colours */
		p->hl_later = 0;
		return 1;
	}
	if (pager_search_idle(p))
		return 1;
	if (p->lay == NULL || layout_done(p->lay))
		return 0;
	/* A few milliseconds, so that a key waits no longer. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		layout_more(p->lay, p->lay->nlines + step, 0);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (!layout_done(p->lay) && (t.tv_sec - t0.tv_sec) * 1000 +
	    (t.tv_nsec - t0.tv_nsec) / 1000000 < IDLE_MS);
	return 1;
}

int
pager_page(const struct pager *p, size_t *page, size_t *pages, size_t *pct)
{
	size_t nl = p->lay->nlines, rows = (size_t)pager_text_rows(p);

	*page = p->unknown ? 0 : page_of(p, p->top);
	*pages = nl ? (nl + rows - 1) / rows : 1;
	*pct = 0;
	if (!layout_done(p->lay) || p->partial)
		return 0;
	*pct = nl == 0 ? 100 : (p->top + rows >= nl ? 100 :
	    (p->top + rows) * 100 / nl);
	return 1;
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
		draw_line_code(p->lay, p->top + (size_t)r, r, p->left,
		    p->cols - p->left, p->shift, p->hl_later ? NULL : p->hl);
		if (p->search != NULL && !p->unlit)
			draw_matches(p, p->top + (size_t)r, r);
		if (p->link != DOC_NONE)
			draw_link(p, p->top + (size_t)r, r);
	}
	if (p->lay->nlines == 0 && layout_done(p->lay))
		draw_text_cut(rows / 2, 2, "(empty document)", 16, p->cols - 2,
		    UI_DIM);
	sideindex_draw(p);
	status_draw(p, p->rows - 1);
}

/* Lines a page moves: the window a count set (z, w), or the screen. */
