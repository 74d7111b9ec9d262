/*
 * The pager's actions, as less takes them: moving by lines, half pages,
 * pages and windows with a count, to a line or a per cent, by sections,
 * through links and matches; pager_act() is where a key's action lands
 * once its prefix (pager_keys.c) is done.
 */
#include <curses.h>

#include "quire/hyperlink.h"
#include "quire/pager.h"
#include "quire/search.h"

static size_t
page_lines(const struct pager *p)
{
	return p->window > 0 ? p->window : (size_t)pager_text_rows(p);
}

/* Scroll N lines down (N > 0) or up, within the document. */
static void
scroll_by(struct pager *p, long n)
{
	size_t m = n < 0 ? (size_t)-n : (size_t)n;

	if (n > 0 && p->top < pager_max_top(p))
		pager_goto(p, p->top + m);
	else if (n < 0)
		pager_goto(p, p->top > m ? p->top - m : 0);
}

/* Moving keys, with the count N (0: none) as less takes it; 0 if A is
 * none of them. */
static int
move_key(struct pager *p, enum action a, size_t n)
{
	size_t half = p->half > 0 ? p->half : ((size_t)pager_text_rows(p) + 1) / 2;

	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_LINE_UP:
		scroll_by(p, (a == ACT_LINE_UP ? -1 : 1) * (long)(n ? n : 1));
		return 1;
	case ACT_WINDOW_DOWN:
	case ACT_WINDOW_UP:
		if (n > 0)
			p->window = n;
		/* FALLTHROUGH */
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		scroll_by(p, (a == ACT_PAGE_UP || a == ACT_WINDOW_UP ? -1 : 1) *
		    (long)(n ? n : page_lines(p)));
		return 1;
	case ACT_HALF_DOWN:
	case ACT_HALF_UP:
		if (n > 0)
			p->half = half = n;
		scroll_by(p, (a == ACT_HALF_UP ? -1 : 1) * (long)half);
		return 1;
	case ACT_TOP:
		nav_jump(p, n > 0 ? n - 1 : 0);
		return 1;
	case ACT_BOTTOM:
		nav_jump(p, n > 0 ? n - 1 : pager_max_top(p));
		return 1;
	case ACT_PERCENT:
		nav_jump(p, n >= 100 ? pager_max_top(p) :
		    p->lay->nlines * n / 100);
		return 1;
	default:
		return 0;
	}
}

/* ], [, }, {: N sections on or back (one jump, so Backspace undoes it
 * whole); N }: top-level section N. */
static void
section_key(struct pager *p, enum action a, size_t n)
{
	int fwd = a == ACT_NEXT_SECTION || a == ACT_NEXT_TOP;
	int top = a == ACT_NEXT_TOP || a == ACT_PREV_TOP;
	size_t was = p->top, i, to = p->top;
	uint32_t sec = DOC_NONE, s;

	if (a == ACT_NEXT_TOP && n > 0) {
		if ((sec = nav_top_section(p->doc, n > 999 ? 1000 : (int)n)) ==
		    DOC_NONE)
			pager_note(p, "no section %zu", n);
		else
			nav_jump_section(p, sec);
		return;
	}
	for (i = 0; i < (n ? n : 1); i++) {
		if ((s = nav_next_section(p, fwd ? 1 : -1, top)) == DOC_NONE)
			break;
		sec = s;
		p->top = to = layout_line_of_section(p->lay, s);
	}
	p->top = was;
	if (sec == DOC_NONE)
		pager_note(p, "%s", fwd ? "no next section" :
		    "no previous section");
	else
		nav_jump(p, to);
}

int
pager_act(struct pager *p, enum action a, int key)
{
	size_t n, i;

	/* Every action may look past the first screen; a search as far as
	 * it needs. */
	if (a != ACT_NEXT_MATCH && a != ACT_PREV_MATCH && a != ACT_INTERRUPT)
		pager_need_all(p);
	if (p->pending && (i = (size_t)pager_prefix_key(p, key)) != 2)
		return (int)i; /* else the key acts by itself */
	if (a == ACT_COUNT) {
		pager_count_digit(p, key);
		return 0;
	}
	n = p->count;
	p->count = 0;
	if (move_key(p, a, n))
		return 0;
	switch (a) {
	case ACT_QUIT:
		if (key != 'Z')
			return 1;
		p->pending = 'Z'; /* ZZ */
		break;
	case ACT_NEXT_SECTION:
	case ACT_PREV_SECTION:
	case ACT_NEXT_TOP:
	case ACT_PREV_TOP:
		section_key(p, a, n);
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
		else
			scroll_by(p, (long)(n ? n : 1));
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
		p->unlit = 0;
		for (i = 0; i < (n ? n : 1); i++)
			pager_search_next(p, a == ACT_PREV_MATCH);
		break;
	case ACT_HIGHLIGHT:
		p->unlit = !p->unlit;
		pager_note(p, "%s", p->unlit ? "matches not highlighted (Esc-u "
		    "again: highlighted)" : "matches highlighted");
		break;
	case ACT_INFO:
		pager_info(p);
		break;
	case ACT_INTERRUPT:
		if (!pager_search_stop(p))
			pager_note(p, "Ctrl-C does not quit: q quits");
		break;
	case ACT_MARK:
	case ACT_GOTO_MARK:
		p->pending = a == ACT_MARK ? 'm' : '\'';
		pager_note(p, "%s", a == ACT_MARK ?
		    "mark: type a letter" : "go to mark: type a letter, or '");
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		screen_hyperlinks_reset();
		break;
	case ACT_OPTION:
		p->pending = '-';
		pager_note(p, "-: type S for long code lines "
		    "whole or wrapped");
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		pager_scroll_code(p, a == ACT_RIGHT ? 1 : -1);
		break;
	case ACT_SIDE_INDEX:
		pager_toggle_side(p);
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
