/*
 * Private to FAQ search: words and the rule for when a query word
 * matches a word of the text.  A word is a run of letters, digits and
 * marks, folded: case-folded, decomposed, marks stripped ("Café" ->
 * "cafe").  A query term matches a word exactly, as a prefix of it (terms
 * of PREFIX_MIN or more code points), by its stem (Snowball's English
 * stemmer: "compiles" finds "compilation"), with one typo (terms of
 * TYPO_MIN or more: one substitution, insertion, deletion or swap of two
 * neighbours, against the word or a prefix of it; two such for terms of
 * TYPO2_MIN or more, against the whole word; for a term of SWAP_MIN,
 * two neighbours swapped but the first: "sycn"), or as a word related
 * to it (WordNet's synonyms, derived forms and an adjective's head,
 * synonyms.c; its opposites, when the query negates it: "can't
 * remember" finds "forget"; for a comparison, the words of comparing:
 * "vs" finds "difference"; the word after a prefix, for a word the
 * document lacks: "autofill" finds "fills", compound.c), or, weakest,
 * as a wider word (WordNet's more general words and kinds: "delete"
 * finds "remove"; a compound of the document its stem begins,
 * compound.c).
 */
#ifndef QUIRE_SEARCH_WORDS_H
#define QUIRE_SEARCH_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "quire/util.h"
#include "synonyms.h"

struct stemmer;

#define PREFIX_MIN 3 /* code points a term needs to match as a prefix */
#define SWAP_MIN 4   /* code points of a term that matches with two
                        neighbours swapped, not fewer */
#define TYPO_MIN 5   /* code points a term needs to match with a typo */
#define TYPO2_MIN 9  /* code points a term needs to match with two */
#define WORD_MAX 64  /* code points of a term compared for typos */
#define STEM_MAX 64  /* bytes of a word stemmed */
#define LISTED_MAX 6 /* related words a term takes from related.c's list */
#define REL_MAX (SYN_MAX + 8 + LISTED_MAX + 2) /* related words of a term */

/* An iterator over the words of a text. */
struct words {
	const char *s;
	size_t len, pos;
	struct buf w;       /* the current word, folded, NUL-terminated */
	size_t off, n;      /* its bytes in S */
};

/* How well a term matches a word, worst to best. */
enum match {
	MATCH_NONE, MATCH_WIDE, MATCH_LISTED, MATCH_TYPO, MATCH_RELATED,
	MATCH_PREFIX, MATCH_STEM, MATCH_EXACT, MATCH__MAX
};

/* How a related word is related: as WordNet's close words (and an
 * acronym the document spells out), as a word of the documentation
 * thesaurus (related.c), or as WordNet's wider words; REL_PHRASE is a
 * phrase of the thesaurus that a phrase of the query gives ("code
 * coloring": "syntax highlighting"), precise, so weighed near the
 * reader's own words.  A related word may be a phrase, its words joined
 * by one space: it matches the phrase in the document (faq_index.h), no
 * word on its own. */
enum rel_kind { REL_CLOSE, REL_LISTED, REL_WIDE, REL_PHRASE };

/* The match a related word of kind K gives. */
enum match rel_match(enum rel_kind k);

/* A stem: bytes and length. */
struct stem {
	char s[STEM_MAX];
	size_t len;         /* 0: none */
};

/* One query word. */
struct term {
	char *w;            /* folded */
	size_t len;         /* bytes */
	uint32_t cp[WORD_MAX];
	size_t ncp;         /* code points (more than WORD_MAX: no typos) */
	struct stem stem;
	char rel[REL_MAX][SYN_LEN]; /* related words */
	struct stem rel_stem[REL_MAX];
	unsigned char rel_kind[REL_MAX]; /* enum rel_kind */
	size_t nrel;
	int implied;        /* added for a comparison, not typed */
	int stop;           /* a common word, weighed in questions alone */
	int entity;         /* a word of the document's title: its subject */
};

/* The words of a query that count. */
struct terms {
	struct term *t;
	size_t n;
};

/* Start iterating over the LEN bytes of S. */
void words_init(struct words *it, const char *s, size_t len);

/* Move to the next word; 0 when there is none. */
int words_next(struct words *it);

/* Free the iterator's buffer. */
void words_free(struct words *it);

/* Whether the bytes [FROM, TO) of S between two words join them into a
 * phrase: one to three blanks, hyphens, slashes or apostrophes. */
int words_joined(const char *s, size_t from, size_t to);

/* Whether folded word W is a common word a query leaves out. */
int word_is_stop(const char *w);

/* The stem of folded word W (LEN bytes) by stemmer ST into OUT. */
void word_stem(struct stemmer *st, const char *w, size_t len,
    struct stem *out);

/*
 * The terms of QUERY: its words, each once, stop words left out unless
 * the query has nothing else, with their stems (by ST) and related
 * words; a query comparing things ("rust vs go", "compare") gets the
 * implied term "difference"; the stop words of a query that has other
 * words come last, marked stop.  Free with terms_free().
 */
void terms_parse(struct stemmer *st, const char *query,
    struct terms *out);

/* Free what terms_parse() made. */
void terms_free(struct terms *t);

/* Give term E the related word W of kind KIND (its stem by ST), unless
 * it has it, or it is a common word; whether it was added. */
int term_relate(struct stemmer *st, struct term *e, const char *w,
    enum rel_kind kind);

/* How term T matches the folded word W of LEN bytes, whose stem is the
 * WSLEN bytes at WS (WSLEN 0: match without stems). */
enum match term_match(const struct term *t, const char *w, size_t len,
    const char *ws, size_t wslen);

#endif
