/*
 * Private to the search engine: a search and its matches, the folded
 * text of a run of lines (fold.c), and the ways to fill the matches:
 * folding every run (fold.c) or placing them from the first pass over
 * the document's text (scan.c, direct.c); regular expressions
 * (pattern.c); the lines searched so far, a prefix and a window,
 * extended a run at a time (range.c).
 */
#ifndef QUIRE_SEARCH_PRIV_H
#define QUIRE_SEARCH_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "quire/search.h"

#define PATTERN_MAX 1024 /* bytes of a regular expression */

struct pattern;

/* A match, and the table cell it was found in. */
struct hit {
	struct search_match m;
	uint16_t slot;      /* 0, or 1 + the table column */
};

/* One span's bytes in the haystack. */
struct piece {
	uint32_t start;        /* first haystack byte */
	uint32_t span;         /* index in lay->spans */
	uint32_t line;
	uint8_t blank;         /* the haystack ended in a blank before it */
	uint8_t simple;        /* plain ASCII: its byte k is column k */
};

/* Folded text, and the pieces it came from. */
struct hay {
	char *data;
	size_t len, cap;
	struct piece *pieces;
	size_t npieces, cap_pieces;
	int blank;             /* last byte is a blank, or nothing yet */
	int sensitive;
	int simple;            /* what hay_put() last put was simple */
};

struct search {
	const struct layout *lay;
	struct layout *grow;    /* laid out further as the search goes on,
	                           or NULL: laid out already */
	struct hit *hits;       /* sorted by line: hits[0..npre) lie in the
	                           prefix, the rest in the window */
	size_t nhits, cap;
	size_t npre;
	size_t pre;             /* lines [0, pre) searched: the prefix */
	size_t from, to;        /* lines [from, to) searched: the window,
	                           from >= pre; from == pre: one region */
	int placed;             /* the window was put where a search began */
	int ended;              /* the window has reached the last line */
	int none;               /* nothing to search: no query, a bad
	                           pattern, or the text has no candidate */
	int paused;             /* no more counting: matches are found as
	                           they are asked for */
	int seeking;            /* search_find_for() ran out of time */
	size_t seek_line;       /* what it was asked */
	int seek_dir;
	uint32_t *at;           /* where the query may start (scan.c), or
	                           NULL: every run is folded */
	size_t nat;
	size_t at_i;            /* search_direct()'s place in at[] */
	uint32_t at_last;
	size_t next_run;        /* the line after the run searched last */
	double spent;           /* seconds a pattern has taken */
	uint32_t reach;     /* most lines after its first a match covers */
	int sensitive;      /* case-sensitive */
	char *needle;       /* the folded query */
	size_t nlen;
	struct pattern *pat; /* the query as a regular expression, or NULL */
	int stopped;        /* a match hit a limit: the search gave up */
	char err[192];      /* why the pattern is bad or the search stopped */
	struct hay hay;     /* a run's folded text, reused */
};

/* CP as the haystack holds it: lowered unless SENSITIVE, its UTF-8 into
 * OUT; the length (fold.c; rawfind.c folds the file's bytes alike). */
size_t fold_cp(uint32_t cp, int sensitive, char out[4]);

/* Append LEN bytes of S to H, folded, blanks collapsed. */
void hay_put(struct hay *h, const char *s, size_t len);

/* Search lines A..B, one run of lines, by folding them into H. */
void search_run(struct search *s, struct hay *h, size_t a, size_t b);

/* Search lines A..B, one run, knowing the offsets s->at where a match
 * may start: only a run holding one is looked at (direct.c). */
void search_direct(struct search *s, size_t a, size_t b);

/* Index of the first match found starting on LINE or after it. */
size_t search_lower_bound(const struct search *s, size_t line);

/* Whether the text query Q holds an uppercase letter: the search is
 * then case-sensitive. */
int query_has_upper(const char *q);

/* Whether Q holds a metacharacter of a regular expression. */
int pattern_is_regex(const char *q);

/* Whether Q holds an uppercase letter other than an escape's (\S, \W,
 * \p{Lu}): the pattern is then case-sensitive. */
int pattern_has_upper(const char *q);

/*
 * Compile the regular expression Q (UTF-8), ignoring case if CASELESS.
 * NULL when Q is not a valid pattern, with the reason in ERR (ERRLEN
 * bytes).  Free with pattern_free().
 */
struct pattern *pattern_new(const char *q, int caseless, char *err,
    size_t errlen);

/*
 * Find P in the LEN bytes at S (valid UTF-8), starting at byte FROM (a
 * character's first byte): return 1 with the match at bytes [*X, *Y),
 * never empty; 0 when there is none; -1 when matching hit a limit (a
 * pattern that backtracks too much).
 */
int pattern_next(struct pattern *p, const char *s, size_t len, size_t from,
    size_t *x, size_t *y);

/* A printable ASCII byte, not a blank, that every match of P holds, as
 * PCRE2 finds it (its case, for a pattern ignoring case, either);
 * -1 if none. */
int pattern_required(const struct pattern *p);

/* Free a pattern; NULL does nothing. */
void pattern_free(struct pattern *p);

#endif
