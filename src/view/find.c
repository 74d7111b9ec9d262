/*
 * Searching in the pager, as in less: / forward and ? backward from the
 * top line, n and N for the next and previous match, wrapping around the
 * document with a note.  The query is a regular expression when it has
 * a metacharacter; a bad one is a note.  The matches are the search
 * engine's, over the laid-out text: the first is shown as soon as it is
 * found, and the rest are counted between keys (pager_search_idle), the
 * status line saying "match 3/..." until the total is known, "match
 * ?/..." while the lines before the match are still being searched;
 * Ctrl-C stops the count.  A match that takes longer to find (a pattern
 * in a large file, or none there) is looked for between keys too,
 * "searching for ..." meanwhile, and Ctrl-C stops that.  A relayout
 * searches again and keeps the current match.  With -S, code lines
 * scroll sideways to show the match.  On a part of a document whose
 * whole still loads, a search and n and N look in the part ("match
 * 3/...", no total; "match ?/..." in a part from further on), and when
 * it has no match that way wait for the whole, "searching the rest of
 * the file..." meanwhile (Ctrl-C gives up); the whole takes the search
 * on (pager_search_resume).  Meanwhile partfind.c looks for the query
 * in the file's bytes past the part and shows the part there
 * (pager_search_part), "search wrapped" when it is past the file's end.
 */
#include <stdio.h>
#include <string.h>

#include "quire/pager.h"
#include "quire/search.h"

#define CONTEXT 2  /* lines shown above a match */
#define COUNT_MS 3 /* milliseconds of counting between two looks for a key */
#define FIRST_COUNT_MS 1 /* of counting before the first match shows */
#define SEEK_MS 15 /* of looking for a match before the screen is drawn
                      again (the search then goes on between keys) */

/* The note for match M: "match i/N", with "..." for a total still being
 * counted and "?" for an index not known yet; "search wrapped: " first
 * if WRAPPED. */
static void
match_note(const struct pager *p, size_t m, int wrapped, char *out,
    size_t len)
{
	const struct search *s = p->search;
	char i[24], n[24];

	if (search_index_known(s, m) && !p->unknown)
		snprintf(i, sizeof(i), "%zu", m + 1);
	else
		snprintf(i, sizeof(i), "?");
	if (search_done(s) && !p->partial && !p->unknown) /* a part: more */
		snprintf(n, sizeof(n), "%zu", search_count(s));
	else
		snprintf(n, sizeof(n), "...");
	snprintf(out, len, "%smatch %s/%s", wrapped ? "search wrapped: " : "",
	    i, n);
}

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
	match_note(p, m, wrapped, p->note, sizeof(p->note));
}

/*
 * Show what a search for a match gave: match M (FIRST: the first of a
 * new search, counted a little at once), a note that the search goes on
 * between keys, or that there is none.
 */
static void
found(struct pager *p, size_t m, int wrapped, int first)
{
	const char *err = search_error(p->search);

	if (m == SEARCH_MORE) {
		pager_note(p, "searching for %.200s\xE2\x80\xA6 (Ctrl-C stops)",
		    p->query);
		p->match = SEARCH_NONE; /* its index may move meanwhile */
		return;
	}
	if (m == SEARCH_NONE && err != NULL) {
		pager_note(p, "%s", err);
		if (search_count(p->search) == 0) {
			search_free(p->search); /* n says there is no search */
			p->search = NULL;
		}
		return;
	}
	if (m == SEARCH_NONE) {
		pager_note(p, "not found: %.200s", p->query);
		return;
	}
	/* A short document is counted at once: no "..." for a moment. */
	if (first)
		search_more(p->search, FIRST_COUNT_MS, &m);
	show_match(p, m, wrapped);
	if (err != NULL) /* stopped short: the matches found so far */
		pager_note(p, "%s", err);
}

/* Whether the pager shows a part of a document still loading. */
static int
part(const struct pager *p)
{
	return p->partial || p->unknown;
}

/* The part has no match from here in the search's direction: wait for
 * the whole (WAIT, a PAGER_WAIT_*), saying so. */
static void
wait_whole(struct pager *p, int wait)
{
	p->search_wait = wait;
	if (wait == PAGER_WAIT_SEARCH) /* from the place, not a match */
		p->match = SEARCH_NONE;
	pager_note(p, "searching the rest of the file\xE2\x80\xA6 (Ctrl-C "
	    "stops)");
}

/* On a part: match M was looked for (WRAPPED), with no limit on time (a
 * part is small); none, or one only past the part's end (or before its
 * start), and the whole is waited for (WAIT).  PAST: the part itself is
 * past the file's end, so its match is shown as wrapped. */
static void
found_in_part(struct pager *p, size_t m, int wrapped, int wait, int past)
{
	p->search_wrapped = 0;
	if ((m == SEARCH_NONE && search_error(p->search) == NULL) ||
	    (m != SEARCH_NONE && wrapped))
		wait_whole(p, wait);
	else {
		p->search_wrapped = past && m != SEARCH_NONE;
		found(p, m, past, 1);
	}
}

void
pager_search(struct pager *p, const char *query, int backward)
{
	size_t m;
	int wrapped = 0;

	search_free(p->search);
	p->search = NULL;
	p->match = SEARCH_NONE;
	p->search_wait = 0;
	p->search_wrapped = 0;
	snprintf(p->query, sizeof(p->query), "%s", query);
	p->search_back = backward;
	if (query[0] == '\0')
		return;
	p->search = search_begin(p->lay, query, SEARCH_REGEX);
	if (part(p)) {
		m = search_find(p->search, p->top, backward ? -1 : 1, &wrapped);
		found_in_part(p, m, wrapped, PAGER_WAIT_SEARCH, 0);
		return;
	}
	m = search_find_for(p->search, p->top, backward ? -1 : 1, SEEK_MS,
	    &wrapped);
	found(p, m, wrapped, 1);
}

void
pager_search_part(struct pager *p, int backward, int past)
{
	size_t m;
	int wrapped = 0;

	search_free(p->search);
	p->match = SEARCH_NONE;
	p->search_wait = 0;
	p->search = search_begin(p->lay, p->query, SEARCH_REGEX);
	m = search_find(p->search, backward ? p->lay->nlines : 0, backward ?
	    -1 : 1, &wrapped);
	found_in_part(p, m, wrapped, PAGER_WAIT_SEARCH, past);
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
	size_t m, line;
	int dir = p->search_back != reverse ? -1 : 1, wrapped = 0, d;

	if (p->search_wait != 0) /* past the part already: the whole */
		return;
	if (p->search == NULL) {
		pager_note(p, "no search yet: / searches");
		return;
	}
	if (part(p)) {
		if (!match_shown(p)) {
			m = search_find(p->search, p->top, dir, &wrapped);
			found_in_part(p, m, wrapped, PAGER_WAIT_SEARCH, 0);
		} else {
			m = search_step(p->search, p->match, dir, &wrapped);
			found_in_part(p, m, wrapped, reverse ?
			    PAGER_WAIT_PREV : PAGER_WAIT_NEXT, 0);
		}
		return;
	}
	if (search_seeking(p->search, &line, &d)) {
		found(p, SEARCH_MORE, 0, 0); /* still looking for the last */
		return;
	}
	if (!match_shown(p))
		m = search_find_for(p->search, p->top, dir, SEEK_MS, &wrapped);
	else
		m = search_step_for(p->search, p->match, dir, SEEK_MS,
		    &wrapped);
	found(p, m, wrapped, 0);
}

void
pager_search_relayout(struct pager *p)
{
	size_t keep = p->match;

	if (p->search == NULL)
		return;
	if (keep != SEARCH_NONE && !search_index_known(p->search, keep))
		keep = SEARCH_NONE; /* where it stands among them is not known */
	search_free(p->search);
	p->search = search_begin(p->lay, p->query, SEARCH_REGEX);
	/* From the start, as far as the current match. */
	while (keep != SEARCH_NONE && !search_index_known(p->search, keep) &&
	    search_more(p->search, COUNT_MS, NULL))
		;
	p->match = keep != SEARCH_NONE && search_index_known(p->search, keep) ?
	    keep : SEARCH_NONE;
}

int
pager_search_idle(struct pager *p)
{
	char was[2][sizeof(p->note)];
	size_t m = p->match, line;
	int more, w, dir;

	if (p->search != NULL && search_seeking(p->search, &line, &dir)) {
		m = search_find_for(p->search, line, dir, COUNT_MS, &w);
		found(p, m, w, 1);
		return 1;
	}
	if (!pager_search_busy(p))
		return 0;
	for (w = 0; w < 2; w++)
		if (m != SEARCH_NONE)
			match_note(p, m, w, was[w], sizeof(was[w]));
	more = search_more(p->search, COUNT_MS, &p->match);
	/* The note, if it still names the match, says what is known now. */
	for (w = 0; w < 2; w++)
		if (m != SEARCH_NONE && strcmp(p->note, was[w]) == 0)
			match_note(p, p->match, w, p->note, sizeof(p->note));
	if (!more && search_error(p->search) != NULL) /* a pattern gave up */
		pager_note(p, "%s", search_error(p->search));
	return more;
}

int
pager_search_busy(const struct pager *p)
{
	size_t line;
	int dir;

	return p->search != NULL && (search_seeking(p->search, &line, &dir) ||
	    (!search_done(p->search) && !search_paused(p->search)));
}

int
pager_search_stop(struct pager *p)
{
	char note[sizeof(p->note)];
	size_t line;
	int dir, seeking;

	if (p->search_wait != 0) {
		p->search_wait = 0;
		pager_note(p, "search stopped: n searches on");
		return 1;
	}
	if (!pager_search_busy(p))
		return 0;
	seeking = search_seeking(p->search, &line, &dir);
	search_pause(p->search);
	if (seeking)
		pager_note(p, "search stopped: n and N search on");
	else if (p->match != SEARCH_NONE) {
		match_note(p, p->match, 0, note, sizeof(note));
		pager_note(p, "%s: count stopped at %zu found; n and N go on",
		    note, search_count(p->search));
	} else
		pager_note(p, "count stopped at %zu found; n and N go on",
		    search_count(p->search));
	return 1;
}

int
pager_match_pos(const struct pager *p, struct pos *pos)
{
	if (p->search == NULL || p->match == SEARCH_NONE)
		return 0;
	*pos = pager_line_pos(p, search_match(p->search, p->match)->line);
	return 1;
}

void
pager_search_resume(struct pager *p, const char *query, int backward,
    int wait, const struct pos *at, int past)
{
	size_t line, m;
	int wrapped = 0;

	if (at == NULL && wait == PAGER_WAIT_SEARCH) {
		pager_search(p, query, backward);
		return;
	}
	snprintf(p->query, sizeof(p->query), "%s", query);
	p->search_back = backward;
	p->search_wait = 0;
	if (query[0] == '\0')
		return;
	p->search = search_begin(p->lay, query, SEARCH_REGEX);
	if (at == NULL) /* no match was current: the matches lit, counted */
		return;
	/* The match the part showed: the first from its line in the whole. */
	layout_more(p->lay, 0, at->block + 1);
	line = layout_find(p->lay, at->block, at->off);
	m = search_find(p->search, line < p->lay->nlines ? line : 0, 1,
	    &wrapped);
	found(p, m, past, 1);
	if (m != SEARCH_NONE && wait != 0)
		pager_search_next(p, wait == PAGER_WAIT_PREV);
}
