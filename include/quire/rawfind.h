/*
 * A search's query looked for in a file's raw bytes, Markdown as
 * written, before the file is parsed: where a large file's part should
 * be shown for a search while its whole still loads.  The query is read
 * as the search reads it (search.h): a text, found across lines, a blank
 * in it matching any run of blanks, or, with SEARCH_REGEX and a
 * metacharacter, a PCRE2 pattern matched one line at a time, the line's
 * leading blanks and block markers (>, #, a list's bullet or number)
 * left out and its blanks read as one space; smart case either way.
 * The bytes hold markup the text does not show, so a place found may
 * show no match once parsed (`**` inside a word), and a match may be
 * missed (a phrase with emphasis inside, a pattern across lines): a
 * guess at where to look, which the parse checks.
 */
#ifndef QUIRE_RAWFIND_H
#define QUIRE_RAWFIND_H

#include <stddef.h>

struct rawfind;

/* QUERY with SEARCH_* FLAGS (SEARCH_REGEX), ready to look for; NULL when
 * there is nothing to look for: a blank query or a bad pattern. */
struct rawfind *rawfind_new(const char *query, int flags);

/*
 * The first (the last, if BACK) place among the first OWN of the N bytes
 * at S where the query starts, a match running on past OWN up to N (a
 * pattern's line ends at N); SIZE_MAX if none.  S need not be valid
 * UTF-8, and may start in the middle of a line.
 */
size_t rawfind_in(struct rawfind *r, const char *s, size_t n, size_t own,
    int back);

/* Free R; NULL does nothing. */
void rawfind_free(struct rawfind *r);

#endif
