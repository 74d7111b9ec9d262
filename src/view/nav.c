/*
 * Section navigation for the pager: next and previous section at the
 * same or a higher level, top-level sections, and the browser-like
 * history of jumps, kept across the whole's arrival in place of a part.
 * Pure logic on the pager's state: no curses.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quire/pager.h"
#include "quire/util.h"

/* Whether section S is a top-level section (the title is not). */
static int
is_top(const struct doc *d, uint32_t s)
{
	return s != d->title && d->sections[s].depth == 0;
}

uint32_t
nav_next_section(const struct pager *p, int dir, int top_level)
{
	const struct doc *d = p->doc;
	uint32_t cur = pager_section(p), s, depth;
	size_t head;

	if (d->nsections == 0)
		return DOC_NONE;
	depth = cur == DOC_NONE || cur == d->title ? 0 : d->sections[cur].depth;
	if (dir > 0) {
		s = cur == DOC_NONE ? 0 : cur + 1;
		if (cur == DOC_NONE && !top_level)
			return 0;
		for (; s < d->nsections; s++)
			if (s != d->title && (top_level ? is_top(d, s) :
			    d->sections[s].depth <= depth))
				return s;
		return DOC_NONE;
	}
	if (cur == DOC_NONE)
		return DOC_NONE;
	/* Inside a section, [ first goes back to its heading. */
	head = layout_line_of_section(p->lay, cur);
	if (p->top > head && (!top_level || is_top(d, cur)))
		return cur;
	for (s = cur; s-- > 0;)
		if (top_level ? is_top(d, s) : (s == d->title ||
		    d->sections[s].depth <= depth))
			return s;
	return DOC_NONE;
}

uint32_t
nav_top_section(const struct doc *d, int n)
{
	uint32_t s;

	for (s = 0; s < d->nsections; s++)
		if (is_top(d, s) && --n == 0)
			return s;
	return DOC_NONE;
}

/* Push POS on a history stack. */
static void
push(struct pos **stack, size_t *n, size_t *cap, struct pos pos)
{
	GROW(*stack, *cap, *n, 1);
	(*stack)[(*n)++] = pos;
}

void
nav_jump(struct pager *p, size_t n)
{
	nav_jump_from(p, n, pager_pos(p));
}

void
nav_jump_from(struct pager *p, size_t n, struct pos from)
{
	push(&p->back, &p->nback, &p->cap_back, from);
	p->nfwd = 0;
	nav_show(p, n);
}

void
nav_show(struct pager *p, size_t n)
{
	p->anchored = 0;
	if (p->lay->nlines == 0)
		return;
	if (n >= p->lay->nlines)
		n = p->lay->nlines - 1;
	pager_goto(p, n); /* the last screen stays full */
	p->focus = n;
}

void
nav_jump_context(struct pager *p, size_t n, size_t context)
{
	nav_jump(p, n > context ? n - context : 0);
	if (p->lay->nlines > 0)
		p->focus = n < p->lay->nlines ? n : p->lay->nlines - 1;
}

void
nav_jump_section(struct pager *p, uint32_t sec)
{
	if (sec >= p->doc->nsections)
		return;
	pager_need_all(p); /* the section's line may not be laid out yet */
	nav_jump(p, layout_line_of_section(p->lay, sec));
}

int
nav_history(struct pager *p, int dir)
{
	struct pos here = pager_pos(p), to;

	if (dir < 0) {
		if (p->nback == 0)
			return 0;
		push(&p->fwd, &p->nfwd, &p->cap_fwd, here);
		to = p->back[--p->nback];
	} else {
		if (p->nfwd == 0)
			return 0;
		push(&p->back, &p->nback, &p->cap_back, here);
		to = p->fwd[--p->nfwd];
	}
	pager_show_pos(p, to);
	if (to.table != DOC_NONE)
		p->reopen = to;
	return 1;
}

int
nav_toggle(struct pager *p)
{
	struct pos here = pager_pos(p), to;

	if (p->nback == 0)
		return 0;
	to = p->back[p->nback - 1];
	p->back[p->nback - 1] = here;
	pager_show_pos(p, to);
	if (to.table != DOC_NONE)
		p->reopen = to;
	return 1;
}

void
nav_keep(struct pager *p, struct nav_kept *k)
{
	k->back = p->back;
	k->fwd = p->fwd;
	k->nback = p->nback;
	k->nfwd = p->nfwd;
	k->cap_back = p->cap_back;
	k->cap_fwd = p->cap_fwd;
	memcpy(k->marks, p->marks, sizeof(k->marks));
	k->marks_set = p->marks_set;
	k->pending = p->pending;
	k->count = p->count;
	p->back = p->fwd = NULL;
	p->nback = p->nfwd = p->cap_back = p->cap_fwd = 0;
}

/* POS through MAP, its view forgotten. */
static struct pos
carried(struct pos pos, struct pos (*map)(struct pos, const void *),
    const void *arg)
{
	if (map != NULL)
		pos = map(pos, arg);
	pos.table = pos.row = DOC_NONE;
	return pos;
}

void
nav_restore(struct pager *p, struct nav_kept *k,
    struct pos (*map)(struct pos, const void *), const void *arg)
{
	size_t i;

	free(p->back);
	free(p->fwd);
	p->back = k->back;
	p->fwd = k->fwd;
	p->nback = k->nback;
	p->nfwd = k->nfwd;
	p->cap_back = k->cap_back;
	p->cap_fwd = k->cap_fwd;
	for (i = 0; i < p->nback; i++)
		p->back[i] = carried(p->back[i], map, arg);
	for (i = 0; i < p->nfwd; i++)
		p->fwd[i] = carried(p->fwd[i], map, arg);
	for (i = 0; i < NELEM(k->marks); i++)
		if (k->marks_set & (1u << i))
			p->marks[i] = carried(k->marks[i], map, arg);
	p->marks_set = k->marks_set;
	p->pending = k->pending;
	p->count = k->count;
	k->back = k->fwd = NULL;
	k->nback = k->nfwd = k->cap_back = k->cap_fwd = 0;
}

void
nav_prepend(struct pager *p, struct nav_kept *k)
{
	size_t i;

	if (k->nback > 0) {
		for (i = 0; i < k->nback; i++)
			k->back[i] = carried(k->back[i], NULL, NULL);
		GROW(k->back, k->cap_back, k->nback, p->nback);
		for (i = 0; i < p->nback; i++)
			k->back[k->nback + i] = p->back[i];
		free(p->back);
		p->back = k->back;
		p->nback += k->nback;
		p->cap_back = k->cap_back;
		k->back = NULL;
	}
	for (i = 0; i < NELEM(k->marks); i++)
		if ((k->marks_set & ~p->marks_set) & (1u << i)) {
			p->marks[i] = carried(k->marks[i], NULL, NULL);
			p->marks_set |= 1u << i;
		}
	nav_kept_free(k);
}

void
nav_insert(struct pager *p, size_t at, const struct pos *pos, size_t n)
{
	if (n == 0)
		return;
	if (at > p->nback)
		at = p->nback;
	GROW(p->back, p->cap_back, p->nback, n);
	memmove(p->back + at + n, p->back + at,
	    (p->nback - at) * sizeof(*p->back));
	memcpy(p->back + at, pos, n * sizeof(*pos));
	p->nback += n;
}

void
nav_kept_free(struct nav_kept *k)
{
	free(k->back);
	free(k->fwd);
	memset(k, 0, sizeof(*k));
}
