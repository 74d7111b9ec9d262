/*
 * Section navigation for the pager: next and previous section at the
 * same or a higher level, top-level sections, and the browser-like
 * history of jumps.  Pure logic on the pager's state: no curses.
 */
#include <ctype.h>
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
	if (sec < p->doc->nsections)
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

/* Words that say nothing about which section is meant. */
static int
stop_word(const char *w, size_t n)
{
	static const char *stop[] = { "a", "an", "and", "the", "of", "or",
		"vs", "to", "in", "for", "with", "on", "by", "is" };
	size_t i;

	for (i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (strlen(stop[i]) == n && strncasecmp(w, stop[i], n) == 0)
			return 1;
	return 0;
}

/* The next word of S (letters and digits, ASCII); its length, 0 at end. */
static size_t
next_word(const char **s, const char *end)
{
	const char *p = *s;
	size_t n = 0;

	while (p < end && !isalnum((unsigned char)*p))
		p++;
	while (p + n < end && isalnum((unsigned char)p[n]))
		n++;
	*s = p;
	return n;
}

/* Whether word W (N bytes) matches one of TITLE's words: either a prefix
 * of the other ("model" and "models", "case" and "cases"). */
static int
title_has(const char *title, size_t tlen, const char *w, size_t n)
{
	const char *t = title, *end = title + tlen;
	size_t m, k;

	while ((m = next_word(&t, end)) > 0) {
		k = m < n ? m : n;
		if (k >= 3 && strncasecmp(t, w, k) == 0)
			return 1;
		if (k == m && k == n && strncasecmp(t, w, k) == 0)
			return 1;
		t += m;
	}
	return 0;
}

uint32_t
nav_section_named(const struct doc *d, const char *s, size_t len,
    uint32_t except)
{
	const char *p, *end = s + len;
	uint32_t sec;
	size_t n, words;
	int all;

	for (sec = 0; sec < d->nsections; sec++) {
		const struct section *x = &d->sections[sec];

		if (sec == except || sec == d->title)
			continue;
		all = 1;
		words = 0;
		for (p = s; (n = next_word(&p, end)) > 0; p += n) {
			if (stop_word(p, n))
				continue;
			words++;
			if (!title_has(d->text + x->title, x->title_len, p, n)) {
				all = 0;
				break;
			}
		}
		if (all && words > 0)
			return sec;
	}
	return DOC_NONE;
}
