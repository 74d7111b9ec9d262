/*
 * Long code lines in the pager, as less's -S: wrapped (the default), or
 * whole (LAYOUT_CHOP) and scrolled sideways together, half a screen per
 * key, while prose stays put.  The scroll is only an offset the drawing
 * applies to code spans, so scrolling needs no relayout.
 */
#include <stdio.h>

#include "quire/pager.h"

/* The widest scroll: the longest code line's end at the right edge. */
static int
max_shift(const struct pager *p)
{
	if (p->lay == NULL || !(p->lay->flags & LAYOUT_CHOP))
		return 0;
	layout_finish(p->lay);
	return p->lay->code_width > p->lay->width ?
	    p->lay->code_width - p->lay->width : 0;
}

/* Columns one key scrolls: half the text column, as less does. */
static int
step(const struct pager *p)
{
	int w = p->lay != NULL ? p->lay->width : p->cols;

	return w / 2 > 0 ? w / 2 : 1;
}

void
pager_toggle_chop(struct pager *p)
{
	p->chop = !p->chop;
	p->shift = 0;
	p->anchored = 0;
	pager_resize(p, p->rows, p->cols);
	pager_note(p, "%s", p->chop ?
	    "long code lines whole: Left and Right scroll them" :
	    "long code lines wrapped");
}

void
pager_scroll_code(struct pager *p, int dir)
{
	int max = max_shift(p), to;

	if (!p->chop) {
		pager_note(p,
		    "code lines wrap: -S shows them whole, to scroll sideways");
		return;
	}
	if (max == 0) {
		p->shift = 0;
		pager_note(p,
		    "no code line is wider than the screen");
		return;
	}
	to = p->shift + dir * step(p);
	p->shift = to < 0 ? 0 : to > max ? max : to;
}

/* The code span of line N holding column COL, or NULL. */
static const struct span *
code_span_at(const struct layout *lay, size_t n, int col)
{
	const struct line *ln = &lay->lines[n];
	const struct span *sp;
	uint32_t k;

	for (k = ln->span; k < ln->span + ln->nspans; k++) {
		sp = &lay->spans[k];
		if (sp->kind == SPAN_CODE && col >= sp->col &&
		    col < sp->col + sp->width)
			return sp;
	}
	return NULL;
}

void
pager_show_cols(struct pager *p, size_t n, int c0, int c1)
{
	const struct span *sp;
	int max, s;

	if (!p->chop || p->lay == NULL || n >= p->lay->nlines)
		return;
	if ((sp = code_span_at(p->lay, n, c0)) == NULL)
		return; /* prose does not scroll */
	if (c0 - p->shift >= sp->col && c1 - p->shift <= p->lay->width)
		return;
	/* whole steps, as the keys scroll, until the end shows; but the
	 * start stays on screen */
	max = max_shift(p);
	for (s = 0; s < max && c1 - s > p->lay->width; s += step(p))
		;
	if (s > max)
		s = max;
	if (c0 - s < sp->col)
		s = c0 - sp->col;
	p->shift = s > 0 ? s : 0;
}
