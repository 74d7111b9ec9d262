/*
 * The lines a search has looked at so far, and looking further, a run of
 * lines at a time: a prefix (lines 0 to pre) and a window that begins
 * where the reader asked for the first match (lines from to to).  A
 * match is found by going on from where it may be (the window's end,
 * the prefix's end), laying the document out as far as that needs; the
 * rest is searched in slices of time (search_more), the prefix first,
 * so the index of the current match is known early, then the window
 * to the end.  When the prefix meets the window they are one.  The
 * matches stay sorted by line: those of the prefix come first.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quire/util.h"
#include "search_priv.h"

#define SEARCH_SECONDS 3 /* a regular expression's search gives up after */
#define LAY_CHUNK 256    /* lines laid out at a time as the search needs */
#define CLOCK_RUNS 32    /* runs searched between looks at the clock */

/* Whether line N exists, laying the document out as far as need be. */
static int
have_line(struct search *s, size_t n)
{
	while (n >= s->lay->nlines) {
		if (s->grow == NULL || layout_done(s->grow))
			return 0;
		layout_more(s->grow, s->lay->nlines + LAY_CHUNK, 0);
	}
	return 1;
}

/* The end of the run of lines that starts at line A (A exists). */
static size_t
run_end(struct search *s, size_t a)
{
	size_t b = a + 1;

	while (have_line(s, b) && (s->lay->lines[b].flags & LINE_WRAP))
		b++;
	return b;
}

/* The start of the run holding line N (which exists). */
static size_t
run_start(const struct search *s, size_t n)
{
	while (n > 0 && (s->lay->lines[n].flags & LINE_WRAP))
		n--;
	return n;
}

/* Put the window at the run holding line N, if nothing is searched yet. */
static void
place(struct search *s, size_t n)
{
	if (s->placed)
		return;
	s->placed = 1;
	if (!have_line(s, n))
		n = s->lay->nlines;
	else
		n = run_start(s, n);
	s->from = s->to = n;
	if (n == 0) /* the window is the prefix */
		s->pre = 0;
}

/* Move the matches from FIRST on (new ones of the prefix) before those
 * of the window. */
static void
to_prefix(struct search *s, size_t first)
{
	size_t k = s->nhits - first, w = first - s->npre;
	struct hit *tmp;

	if (k > 0 && w > 0) {
		tmp = xmalloc(k * sizeof(*tmp));
		memcpy(tmp, s->hits + first, k * sizeof(*tmp));
		memmove(s->hits + s->npre + k, s->hits + s->npre,
		    w * sizeof(*tmp));
		memcpy(s->hits + s->npre, tmp, k * sizeof(*tmp));
		free(tmp);
	}
	s->npre += k;
}

/* Where the prefix has reached the window, make them one. */
static void
join(struct search *s)
{
	if (s->pre == s->from) {
		s->pre = s->from = s->to;
		s->npre = s->nhits;
	}
}

/*
 * Search one more run: the prefix's next (PREFIX) or the window's.
 * Return how many matches it held, or -1 when there is none to search
 * there: the prefix has met the window, or the window the last line.
 */
static long
step(struct search *s, int prefix)
{
	size_t a, b, first = s->nhits;
	int one;

	if (s->none || s->stopped)
		return -1;
	if (!s->placed)
		place(s, 0);
	join(s);
	one = s->pre == s->from;
	if (prefix && one)
		return -1;
	a = prefix ? s->pre : s->to;
	if (!have_line(s, a)) {
		s->ended = 1;
		return -1;
	}
	b = run_end(s, a);
	if (a != s->next_run)
		s->at_last = UINT32_MAX; /* look the offsets up afresh */
	if (s->at != NULL)
		search_direct(s, a, b);
	else
		search_run(s, &s->hay, a, b);
	s->next_run = b;
	if (prefix) {
		to_prefix(s, first);
		s->pre = b;
		join(s);
	} else {
		s->to = b;
		if (one) {
			s->pre = s->from = b;
			s->npre = s->nhits;
		}
	}
	return (long)(s->nhits - first);
}

/* Seconds since T0. */
static double
since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Add what a pattern's search took since T0 to its total; past the
 * limit, stop it.  Return whether it goes on. */
static int
charge(struct search *s, const struct timespec *t0, double *took)
{
	double t = since(t0);

	if (s->pat == NULL) {
		*took = t;
		return 1;
	}
	s->spent += t - *took;
	*took = t;
	if (s->spent >= SEARCH_SECONDS && !s->stopped) {
		s->stopped = 1;
		snprintf(s->err, sizeof(s->err), "pattern too slow: search "
		    "stopped at line %zu", (s->pre < s->from ? s->pre :
		    s->to) + 1);
	}
	return !s->stopped;
}

/* Whether a search given MS milliseconds (0: no limit) from T0 must
 * stop, having taken *TOOK seconds so far: the time is up, or a
 * pattern's limit is reached. */
static int
out_of_time(struct search *s, const struct timespec *t0, double *took,
    double ms)
{
	return !charge(s, t0, took) || (ms > 0 && *took * 1e3 >= ms);
}

/* The first match starting on line P or after it, searching as far as
 * needed for MS milliseconds at most (0: no limit); SEARCH_NONE when
 * there is none up to the end, SEARCH_MORE when the time ran out. */
static size_t
first_from(struct search *s, size_t p, double ms)
{
	struct timespec t0;
	double took = 0;
	size_t i, runs = 0;
	long r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		join(s);
		i = search_lower_bound(s, p);
		if (i < s->npre || (i < s->nhits && (p >= s->from ||
		    s->pre == s->from)))
			return i;
		r = step(s, p < s->from && s->pre < s->from);
		if (r < 0)
			return SEARCH_NONE;
		if (++runs % CLOCK_RUNS == 0 && out_of_time(s, &t0, &took, ms))
			return s->stopped ? SEARCH_NONE : SEARCH_MORE;
	}
}

/* The last match starting before line P, searching as far as needed
 * for MS milliseconds at most; SEARCH_NONE when there is none,
 * SEARCH_MORE when the time ran out. */
static size_t
last_before(struct search *s, size_t p, double ms)
{
	struct timespec t0;
	double took = 0;
	size_t i, runs = 0;
	long r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		join(s);
		i = search_lower_bound(s, p);
		if (p <= s->pre || (s->pre == s->from && p <= s->to) ||
		    (i > s->npre && p <= s->to))
			return i > 0 ? i - 1 : SEARCH_NONE;
		if (p > s->to) {
			if ((r = step(s, 0)) < 0) {
				if (s->stopped || s->none)
					return i > 0 ? i - 1 : SEARCH_NONE;
				p = s->to; /* no line past the last */
			}
		} else if (step(s, 1) < 0 && (s->stopped || s->none))
			return i > 0 ? i - 1 : SEARCH_NONE;
		if (++runs % CLOCK_RUNS == 0 && out_of_time(s, &t0, &took, ms))
			return s->stopped ? (i > 0 ? i - 1 : SEARCH_NONE) :
			    SEARCH_MORE;
	}
}

size_t
search_find_for(struct search *s, size_t line, int dir, double ms,
    int *wrapped)
{
	size_t i;

	if (wrapped)
		*wrapped = 0;
	place(s, line);
	s->seek_line = line;
	s->seek_dir = dir;
	s->seeking = 1;
	i = dir < 0 ? last_before(s, line, ms) : first_from(s, line, ms);
	if (i == SEARCH_NONE && (dir < 0 || line > 0)) {
		i = dir < 0 ? last_before(s, SIZE_MAX, ms) :
		    first_from(s, 0, ms);
		if (wrapped && i != SEARCH_NONE && i != SEARCH_MORE)
			*wrapped = 1;
	}
	s->seeking = i == SEARCH_MORE;
	return i;
}

size_t
search_find(struct search *s, size_t line, int dir, int *wrapped)
{
	return search_find_for(s, line, dir, 0, wrapped);
}

size_t
search_step_for(struct search *s, size_t i, int dir, double ms,
    int *wrapped)
{
	if (wrapped)
		*wrapped = 0;
	if (dir > 0 && i + 1 < s->nhits && (i + 1 < s->npre || i >= s->npre))
		return i + 1;
	if (dir < 0 && i > 0 && i != s->npre)
		return i - 1;
	/* The next match is past the lines searched around this one: the
	 * first from where they end, or the last before they begin. */
	if (dir > 0)
		return search_find_for(s, i < s->npre ? s->pre : s->to, 1, ms,
		    wrapped);
	return search_find_for(s, i == s->npre && s->pre < s->from ?
	    s->from : 0, -1, ms, wrapped);
}

size_t
search_step(struct search *s, size_t i, int dir, int *wrapped)
{
	return search_step_for(s, i, dir, 0, wrapped);
}

int
search_seeking(const struct search *s, size_t *line, int *dir)
{
	if (!s->seeking)
		return 0;
	*line = s->seek_line;
	*dir = s->seek_dir;
	return 1;
}

/* Search on for MS milliseconds (0: no limit) or RUNS runs (0: no
 * limit), the prefix first; *KEEP moved along. */
static int
more(struct search *s, double ms, size_t runs_max, size_t *keep)
{
	struct timespec t0;
	double took = 0;
	size_t runs = 0, npre;
	long r;
	int prefix;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (s->paused)
		return 0;
	for (;;) {
		join(s);
		prefix = s->pre < s->from;
		npre = s->npre;
		r = step(s, prefix);
		if (r < 0)
			break;
		if (prefix && r > 0 && keep && *keep != SEARCH_NONE &&
		    *keep >= npre)
			*keep += (size_t)r;
		if (++runs == runs_max)
			return !search_done(s);
		if (runs % CLOCK_RUNS == 0 && out_of_time(s, &t0, &took, ms))
			return !search_done(s);
	}
	charge(s, &t0, &took);
	return 0;
}

int
search_more(struct search *s, double ms, size_t *keep)
{
	return more(s, ms, 0, keep);
}

int
search_more_runs(struct search *s, size_t runs, size_t *keep)
{
	return more(s, 0, runs, keep);
}

int
search_done(const struct search *s)
{
	return s->none || s->stopped || (s->ended && s->pre == s->from);
}

int
search_index_known(const struct search *s, size_t i)
{
	return i < s->npre;
}

void
search_pause(struct search *s)
{
	s->paused = 1;
	s->seeking = 0;
}

int
search_paused(const struct search *s)
{
	return s->paused && !search_done(s);
}
