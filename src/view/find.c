/*
 * Searching in the pager, as in less: / forward and ? backward from the
 * top line, n and N for the next and previous match, wrapping around the
 * document with a note.  The query is a regular expression when it has
 * a metacharacter; a bad one is a note.  The matches are the search engine's, over the
 * laid-out text; a relayout searches again and keeps the current match.
 * With -S, code lines scroll sideways to show the match.
 */
#include <stdio.h>
#include <string.h>

#include "quire/pager.h"
#include "quire/search.h"

#define CONTEXT 2 /* lines shown above a match */

/* Put match M on screen, a little below the top, as a jump. */
static void
show_match(struct pager *p, size_t m, int wrapped)
{
	const struct search_match *sm = search_match(p->search, m);
	size_t line = sm->line, rows = (size_t)pager_text_rows(p);

	p->match = m;
	if (line < p->top || line >= p->top + rows || sm->end_line >= p->top +
	    rows)
		nav_jump_context(p, line, CONTEXT);
	else
		p->focus = line; /* the status line names its section */
	pager_show_cols(p, line, sm->col, sm->end_line == line ? sm->end_col :
	    sm->col + 1); /* a long code line, with -S, scrolls to it */
	pager_note(p, "%smatch %zu/%zu",
	    wrapped ? "search wrapped: " : "", m + 1, search_count(p->search));
}

void
pager_search(struct pager *p, const char *query, int backward)
{
	const char *err;
	size_t m;
	int wrapped = 0;

	search_free(p->search);
	p->search = NULL;
	p->match = SEARCH_NONE;
	snprintf(p->query, sizeof(p->query), "%s", query);
	p->search_back = backward;
	if (query[0] == '\0')
		return;
	p->search = search_new_opts(p->lay, query, SEARCH_REGEX);
	err = search_error(p->search);
	if (search_count(p->search) == 0 && err != NULL) {
		pager_note(p, "%s", err);
		search_free(p->search); /* n says there is no search */
		p->search = NULL;
		return;
	}
	if (search_count(p->search) == 0) {
		pager_note(p, "not found: %.200s", query);
		return;
	}
	m = backward ? search_last_before(p->search, p->top, &wrapped) :
	    search_first_at_or_after(p->search, p->top, &wrapped);
	show_match(p, m, wrapped);
	if (err != NULL) /* stopped short: the matches found so far */
		pager_note(p, "%s", err);
}

/* Whether the current match is on screen: n and N go on from it, else
 * from the screen, as less's do after the reader has moved away. */
static int
match_shown(struct pager *p)
{
	const struct search_match *sm;
	size_t rows = (size_t)pager_text_rows(p);

	if (p->match == SEARCH_NONE)
		return 0;
	sm = search_match(p->search, p->match);
	return sm->end_line >= p->top && sm->line < p->top + rows;
}

void
pager_search_next(struct pager *p, int reverse)
{
	size_t n, m;
	int back = p->search_back != reverse, wrapped = 0;

	if (p->search == NULL) {
		pager_note(p, "no search yet: / searches");
		return;
	}
	n = search_count(p->search);
	if (n == 0) {
		pager_note(p, "not found: %.200s", p->query);
		return;
	}
	if (!match_shown(p))
		m = back ? search_last_before(p->search, p->top, &wrapped) :
		    search_first_at_or_after(p->search, p->top, &wrapped);
	else if (back) {
		wrapped = p->match == 0;
		m = wrapped ? n - 1 : p->match - 1;
	} else {
		wrapped = p->match + 1 == n;
		m = wrapped ? 0 : p->match + 1;
	}
	show_match(p, m, wrapped);
}

void
pager_search_relayout(struct pager *p)
{
	size_t keep = p->match;

	if (p->search == NULL)
		return;
	search_free(p->search);
	p->search = search_new_opts(p->lay, p->query, SEARCH_REGEX);
	p->match = keep < search_count(p->search) ? keep : SEARCH_NONE;
}
