/*
 * FAQ search: rank a document's FAQ entries (doc->faqs) for a query.
 *
 * Matching is on words, ignoring case and accents ("Cafe" finds "café"):
 * a query word matches a word of an entry exactly, as its prefix (query
 * words of 3 or more letters: "learn" finds "learning"), or with one typo
 * (query words of 5 or more letters: one letter substituted, inserted,
 * deleted, or two neighbours swapped: "concurency" finds "concurrency").
 * Common words ("is", "the", "do", ...) are left out of a query unless
 * it has nothing else.  Entries are ranked by BM25 over three fields --
 * the question, the short answer, the rest of the answer -- with a bonus
 * for words found in the question and for finding every query word.
 */
#ifndef QUIRE_FAQ_H
#define QUIRE_FAQ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "quire/doc.h"

/* A ranked answer: a FAQ entry, or a section of the document. */
struct faq_hit {
	uint32_t faq;       /* index in doc->faqs, or DOC_NONE for a section */
	uint32_t section;   /* the entry's section, or the section found */
	uint32_t block;     /* a section's block that fits the query best,
	                       DOC_NONE when its title does (or an entry) */
	uint32_t unit;      /* private to the index */
	double score;       /* higher is better; 0 for an empty query */
};

/* A matched word: bytes [off, off + len) of the text given. */
struct faq_range {
	size_t off, len;
};

struct faq_index;

/*
 * Index the FAQ entries of DOC, which must outlive the index.  Never
 * fails; free with faq_index_free().
 */
struct faq_index *faq_index_new(const struct doc *doc);

/* Free an index; NULL does nothing. */
void faq_index_free(struct faq_index *ix);

/*
 * Rank the entries for QUERY (UTF-8).  Store up to MAX hits in HITS, best
 * first (equal scores in article order), and return how many were
 * stored.  A query without words gives every entry in article order; a
 * query nothing matches gives 0.
 */
size_t faq_query(const struct faq_index *ix, const char *query,
    struct faq_hit *hits, size_t max);

/*
 * Rank the entries and, when SECTIONS, the document's other sections
 * together for QUERY, as faq_query() does; questions lead when they fit
 * as well, a section that fits better comes first.  Each section's hit
 * names its paragraph (block) that fits best.  An empty query gives the
 * entries alone.
 */
size_t faq_rank(const struct faq_index *ix, const char *query, int sections,
    struct faq_hit *hits, size_t max);

/*
 * The words of TEXT (LEN bytes) that words of QUERY match, by the same
 * rules (IX's stemmer), for highlighting: store up to MAX of them in
 * OUT, in order, and return how many there are (possibly more than MAX).
 */
size_t faq_word_matches(const struct faq_index *ix, const char *query,
    const char *text, size_t len, struct faq_range *out, size_t max);

/*
 * For scripts: print the entries of DOC best matching QUERY, at most
 * LIMIT of them (0: all), each as
 *
 *     QUESTION
 *     (blank line)
 *     ANSWER, one block a paragraph, a blank line between them
 *     (blank line)
 *     In short: SHORT ANSWER
 *
 * with a blank line between entries.  List items print with their
 * marker, table rows as cells between " | ", code blocks as they are;
 * the rest is wrapped at blanks to WIDTH columns (0: one line a
 * paragraph).  Return the number of entries printed, or -1 on a write
 * error.
 */
int faq_print(const struct doc *doc, const char *query, int limit,
    int width, FILE *out);

#endif
