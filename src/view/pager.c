/*
 * The pager view: scrolling through the laid-out document, the status
 * line (title, section, page X/Y, percentage), and relayout on resize.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/pager.h"

void
pager_init(struct pager *p, const struct doc *doc, const char *name,
    int lay_flags)
{
	memset(p, 0, sizeof(*p));
	p->doc = doc;
	p->name = name;
	p->lay_flags = lay_flags;
	p->hint = 1;
	if (doc->nblocks == 0)
		snprintf(p->note, sizeof(p->note), "%s",
		    doc->source_len == 0 ? "empty file" : "nothing to show");
}

void
pager_free(struct pager *p)
{
	layout_free(p->lay);
	p->lay = NULL;
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

	if (p->lay == NULL || p->lay->nlines <= rows)
		return 0;
	return p->lay->nlines - rows;
}

void
pager_goto(struct pager *p, size_t n)
{
	size_t m = max_top(p);

	p->top = n > m ? m : n;
}

void
pager_resize(struct pager *p, int rows, int cols)
{
	uint32_t block = 0, off = 0;
	int have = 0;
	size_t n;

	if (p->lay != NULL && p->lay->nlines > 0) {
		/* Anchor on the first line of text at the top. */
		for (n = p->top; n < p->lay->nlines; n++)
			if (!(p->lay->lines[n].flags & LINE_BLANK))
				break;
		if (n == p->lay->nlines)
			n = p->top;
		block = p->lay->lines[n].block;
		off = p->lay->lines[n].off;
		have = 1;
	}
	p->rows = rows;
	p->cols = cols;
	if (p->lay == NULL || p->lay->width != (cols > 0 ? cols : 1)) {
		layout_free(p->lay);
		p->lay = layout_build(p->doc, cols > 0 ? cols : 1, p->lay_flags);
	}
	p->top = 0;
	if (have)
		pager_goto(p, layout_find(p->lay, block, off));
	else
		pager_goto(p, 0);
}

/* The status line: title and section on the left, position on the right. */
static void
draw_status(struct pager *p, int row)
{
	const struct doc *d = p->doc;
	char right[64];
	size_t tlen, nl = p->lay->nlines, rows = (size_t)pager_text_rows(p);
	size_t pages = nl ? (nl + rows - 1) / rows : 1, page, pct;
	const char *title = doc_title(d, &tlen);
	int col = 0, rw;
	uint32_t sec = DOC_NONE;

	page = p->top / rows + 1;
	if (p->top >= max_top(p))
		page = pages;
	pct = nl == 0 ? 100 : (p->top + rows >= nl ? 100 :
	    (p->top + rows) * 100 / nl);
	rw = snprintf(right, sizeof(right), "%s page %zu/%zu %3zu%% ",
	    p->hint ? " ? help " : "", page, pages, pct);
	draw_fill(row, 0, p->cols, UI_STATUS);
	if (tlen == 0)
		title = p->name, tlen = strlen(p->name);
	col = draw_text(row, 1, title, tlen, p->cols - rw - 2, UI_STATUS) + 1;
	if (nl > 0)
		sec = p->lay->lines[p->top].section;
	if (p->note[0]) {
		col += draw_text(row, col, " - ", 3, p->cols - rw - col, UI_STATUS);
		draw_text(row, col, p->note, strlen(p->note),
		    p->cols - rw - col, UI_NOTE);
	} else if (sec != DOC_NONE && sec != d->title) {
		const struct section *s = &d->sections[sec];

		col += draw_text(row, col, " - ", 3, p->cols - rw - col, UI_STATUS);
		draw_text(row, col, d->text + s->title, s->title_len,
		    p->cols - rw - col, UI_STATUS);
	}
	if (rw < p->cols)
		draw_text(row, p->cols - rw, right, (size_t)rw, rw, UI_STATUS);
}

void
pager_draw(struct pager *p)
{
	int r, rows = pager_text_rows(p);

	erase();
	if (p->cols < PAGER_MIN_COLS || p->rows < PAGER_MIN_ROWS) {
		draw_text(0, 0, "terminal too small", 18, p->cols, UI_NOTE);
		return;
	}
	for (r = 0; r < rows; r++)
		draw_line(p->lay, p->top + (size_t)r, r, 0, p->cols, 0);
	if (p->lay->nlines == 0)
		draw_text(rows / 2, 2, "(empty document)", 16, p->cols - 2,
		    UI_DIM);
	draw_status(p, p->rows - 1);
}

int
pager_act(struct pager *p, enum action a)
{
	size_t rows = (size_t)pager_text_rows(p);

	switch (a) {
	case ACT_QUIT:
		return 1;
	case ACT_LINE_DOWN:
		pager_goto(p, p->top + 1);
		break;
	case ACT_LINE_UP:
		pager_goto(p, p->top > 0 ? p->top - 1 : 0);
		break;
	case ACT_PAGE_DOWN:
		pager_goto(p, p->top + rows);
		break;
	case ACT_PAGE_UP:
		pager_goto(p, p->top > rows ? p->top - rows : 0);
		break;
	case ACT_HALF_DOWN:
		pager_goto(p, p->top + (rows + 1) / 2);
		break;
	case ACT_HALF_UP:
		pager_goto(p, p->top > (rows + 1) / 2 ? p->top - (rows + 1) / 2 : 0);
		break;
	case ACT_TOP:
		pager_goto(p, 0);
		break;
	case ACT_BOTTOM:
		pager_goto(p, max_top(p));
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_NONE:
	case ACT__MAX:
		break;
	}
	return 0;
}
