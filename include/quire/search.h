/*
 * Full-text search over the laid-out text: every match of a query in
 * the lines a layout shows, with the line and display column where each
 * starts and ends, so the pager can highlight them and step between them.
 *
 * The text searched is what the screen shows of the document (headings,
 * paragraphs, list items, code, table cells), not what quire adds
 * (bullets, borders, section numbers).  A line and the LINE_WRAP lines
 * after it are one text, so a match may cross a wrapped line break; in a
 * table row each cell is its own text.  Smart case: the search ignores
 * case (Unicode lower case, per code point) unless the query holds an
 * uppercase letter.  Leading and trailing blanks of the query are
 * dropped, and a run of blanks in it matches any run of blanks in the
 * text, including a line break.  Matches do not overlap.
 *
 * With SEARCH_REGEX, a query holding a metacharacter of a regular
 * expression (\ ^ $ . [ ] | ( ) ? * + { }) is one, in PCRE2's syntax,
 * matched in each text (a line and its LINE_WRAP lines, a table cell)
 * with its blanks read as one space and its leading and trailing blanks
 * dropped: ^ and $ are the text's start and end.  Smart case as above,
 * an escape's letter (\S, \W) aside.  Empty matches are skipped.  A
 * query without a metacharacter is searched as text, as without the
 * flag.
 */
#ifndef QUIRE_SEARCH_H
#define QUIRE_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "quire/doc.h"
#include "quire/layout.h"

#define SEARCH_NONE ((size_t)-1)
#define SEARCH_MORE ((size_t)-2) /* not found yet: more time is needed */

/* One match: from (line, col) to (end_line, end_col), end exclusive. */
struct search_match {
	uint32_t line;      /* line of the first character */
	uint32_t end_line;  /* line of the last character */
	uint16_t col;       /* display column of the first character */
	uint16_t end_col;   /* display column just past the last character */
};

/* The part of a match on one line: columns [col, end). */
struct search_cols {
	size_t match;       /* index of the match */
	uint16_t col, end;
};

struct search;

/*
 * Find every match of QUERY (UTF-8) in LAY, the lines laid out so far.
 * An empty or blank query matches nothing.  The search refers to LAY,
 * which must outlive it.  Never fails; free with search_free().
 */
struct search *search_new(const struct layout *lay, const char *query);

#define SEARCH_EVERY_LINE 0x01 /* fold every line: no first pass over the
                                  document's text (tests compare the two) */
#define SEARCH_REGEX 0x02      /* a query with a metacharacter is a
                                  regular expression */

/* The same, with SEARCH_* FLAGS. */
struct search *search_new_opts(const struct layout *lay, const char *query,
    int flags);

/*
 * A search that looks only as far as it is asked to: nothing is
 * searched yet.  search_find() finds the first match from a line (or
 * the last before it), search_step() the next or previous match, each
 * searching as far as that needs; search_more() searches the rest a
 * slice at a time.  LAY may be laid out lazily: the search lays it out
 * as far as it looks (layout_more).  Matches found are in reading
 * order, as search_match() gives them, and the same, once all is
 * searched, as search_new_opts() finds; but an index may grow while
 * lines before it are still being searched (search_index_known()).
 */
struct search *search_begin(struct layout *lay, const char *query,
    int flags);

/*
 * The first match starting on LINE or after it (DIR > 0), or the last
 * one starting before LINE (DIR < 0), searching as far as needed; when
 * there is none, the first (last) match of all, with *WRAPPED set to 1
 * (else 0; WRAPPED may be NULL).  SEARCH_NONE when there is no match.
 * The first call puts the place the rest is searched from at LINE.
 */
size_t search_find(struct search *s, size_t line, int dir, int *wrapped);

/* The match after match I (DIR > 0) or before it, searching as far as
 * needed, wrapping around the document as search_find() does. */
size_t search_step(struct search *s, size_t i, int dir, int *wrapped);

/*
 * The same, searching for MS milliseconds at most (0: no limit):
 * SEARCH_MORE when the time ran out before the match was found.
 * search_seeking() then gives the LINE and DIR to call search_find_for()
 * with again, which goes on from where the search stopped.
 */
size_t search_find_for(struct search *s, size_t line, int dir, double ms,
    int *wrapped);
size_t search_step_for(struct search *s, size_t i, int dir, double ms,
    int *wrapped);
int search_seeking(const struct search *s, size_t *line, int *dir);

/*
 * Search on for about MS milliseconds (0: to the end): the lines before
 * where search_find() began first, then on from there.  *KEEP, the
 * index of a match or SEARCH_NONE (KEEP may be NULL), is moved as
 * matches are found before it.  Return 1 while there is more to search.
 */
int search_more(struct search *s, double ms, size_t *keep);

/* The same, RUNS runs of lines (a line and its LINE_WRAP lines) at most:
 * slices of a size that does not hang on the clock (tests). */
int search_more_runs(struct search *s, size_t runs, size_t *keep);

/* Whether every match is found: search_count() is the total. */
int search_done(const struct search *s);

/* Whether match I's index is its place among all the matches: every line
 * before it has been searched. */
int search_index_known(const struct search *s, size_t i);

/* Search no further in slices (Ctrl-C): search_more() does nothing and
 * a search_find_for() that ran out of time is dropped, but search_find()
 * and search_step() still look as far as they need to; search_paused()
 * says so until every match is found. */
void search_pause(struct search *s);
int search_paused(const struct search *s);

/* Free a search; NULL does nothing. */
void search_free(struct search *s);

/* How many matches there are (found so far). */
size_t search_count(const struct search *s);

/* Whether the search is case-sensitive (the query has an uppercase letter). */
int search_case_sensitive(const struct search *s);

/*
 * NULL, or why the search found nothing or stopped short: the query is
 * not a valid regular expression ("bad pattern: missing closing
 * parenthesis (at character 3)"), or matching it hit a limit on its work (the matches
 * found before stay).  The string lives as long as S.
 */
const char *search_error(const struct search *s);

/*
 * Match I, for I < search_count().  Matches are in reading order (by
 * line, then column), so match I + 1 is the next one.
 */
const struct search_match *search_match(const struct search *s, size_t i);

/*
 * Of the matches found so far: the first match starting on LINE or after
 * it.  When there is none, the first match of all, with *WRAPPED set to 1 (else 0); WRAPPED may be
 * NULL.  SEARCH_NONE when there are no matches.
 */
size_t search_first_at_or_after(const struct search *s, size_t line,
    int *wrapped);

/*
 * Of the matches found so far: the last match starting before LINE.
 * When there is none, the last match of all, with *WRAPPED set to 1 (else 0); WRAPPED may be NULL.
 * SEARCH_NONE when there are no matches.
 */
size_t search_last_before(const struct search *s, size_t line, int *wrapped);

/*
 * The parts of matches shown on LINE, left to right: store up to MAX of
 * them in OUT and return how many there are (possibly more than MAX).
 * Costs a binary search plus the matches near LINE.
 */
size_t search_on_line(const struct search *s, size_t line,
    struct search_cols *out, size_t max);

/*
 * For scripts: find QUERY in LAY (laid out from DOC) and print each line
 * a match touches, once, as
 *
 *     SECTION:LINE: TEXT
 *
 * SECTION is the section's number and title ("2.1 Memory safety"; the
 * title alone for the document title; "-" before any heading), LINE the
 * 1-based line number in the --dump output at the layout's width, and
 * TEXT the line as --dump prints it.  Titles may hold ':' (hard breaks
 * in them print as spaces), so a script should take LINE as the first
 * ":DIGITS: " in the line.  QUERY is searched with SEARCH_REGEX.
 * Return the number of matches (not lines), -1 on a write error, or -2
 * when QUERY is not a valid pattern.  ERR (ERRLEN bytes) is set to why
 * the pattern is bad or the search stopped short, or to "".
 */
int search_print(const struct doc *doc, const struct layout *lay,
    const char *query, FILE *out, char *err, size_t errlen);

#endif
