/*
 * Private to FAQ search: the index faq_index_new() builds.  Its units
 * are the FAQ entries, then the sections of the document outside them;
 * a sorted vocabulary of the folded words of every unit, each word with
 * its stem and its postings: in which field of which unit it occurs,
 * how often.
 */
#ifndef QUIRE_SEARCH_FAQ_INDEX_H
#define QUIRE_SEARCH_FAQ_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "quire/doc.h"
#include "acronym.h"

struct stemmer;
struct stem;

/* The fields of a unit, each weighted in the ranking: an entry's
 * question, short answer, answer and context (the heading it is under),
 * a section's title, text, terse text (table cells and list items that
 * are no sentences) and context (its parent's heading: "Windows" under
 * "Building without Intl").  An entry's come first. */
enum field {
	F_QUESTION, F_SHORT, F_ANSWER, F_CONTEXT, F_TITLE, F_TEXT, F_TABLE,
	F_SCONTEXT, F__MAX
};

/* A word's occurrences in one field of one entry. */
struct posting {
	uint32_t faq;
	uint32_t count;
	uint8_t field;
};

/* A distinct folded word and its postings. */
struct vocab {
	uint32_t off, len;      /* in ix->pool */
	uint32_t post, npost;   /* in ix->post, by entry then field */
	uint32_t stem, stem_len; /* in ix->pool; stem_len 0: none */
};

/* A section as a unit: its heading and its own blocks [first, end). */
struct unit_sec {
	uint32_t section;
	uint32_t first, end;
};

struct faq_index {
	const struct doc *doc;
	size_t n;               /* units: entries, then sections */
	size_t nfaq;            /* entries */
	struct unit_sec *secs;  /* units n - nfaq ... */
	struct stemmer *stemmer;
	char *pool;             /* vocabulary words */
	struct vocab *vocab;    /* sorted by bytes */
	size_t nvocab;
	struct posting *post;
	size_t npost;
	uint32_t *flen;         /* words per entry and field: n * F__MAX */
	double avg[F__MAX];     /* mean words per field, over the units
	                           of its kind */
	struct vocab *phrase;   /* phrases the document has, of those a
	                           reader's word may stand for (the
	                           documentation thesaurus's, its acronyms
	                           spelled out), sorted, their postings in
	                           post; not words: no field length counts
	                           them */
	size_t nphrase;
	char **phrase_stems;    /* each phrase's words' stems, joined by
	                           one space */
	struct acronym *acr;    /* the acronyms the document spells out */
	size_t nacr;
};

/* The phrases that stand for a block's shape, a table or code, among the
 * phrases of the index: posted once a block, in its field.  No phrase of
 * words begins with a blank. */
#define SHAPE_TABLE " table"
#define SHAPE_CODE " code"

/* Whether block B of D is a line of a table of contents: a list item or
 * paragraph whose words are mostly a link to a place in the document
 * ("- [Installing](#installing)"), which names a section without
 * answering anything: no unit's text. */
int faq_toc_line(const struct doc *d, uint32_t b);
/* Whether IX has a word of stem ST that begins with ST's bytes
 * ("fill", "fills" for "fill"; related.c). */
int faq_stem_form(const struct faq_index *ix, const struct stem *st);

/* Phrase P of IX (folded words joined by one space), or else one whose
 * words have the same stems ("get started": "getting started"), or
 * NULL. */
const struct vocab *faq_phrase(const struct faq_index *ix, const char *p);

/*
 * QUERY with its words folded, each compound word IX lacks split into two
 * of its words ("colorscheme": "color scheme"), and two neighbours joined
 * when one is missing from IX and together they are a word of it ("file
 * system": "filesystem"); NULL when nothing changes.  The caller frees
 * it (compound.c).
 */
char *faq_compounds(const struct faq_index *ix, const char *query);

/* The first word of IX's vocabulary (sorted) not less than the LEN
 * bytes at W: where W, or the words W begins, are (compound.c). */
size_t faq_vocab_from(const struct faq_index *ix, const char *w, size_t len);

struct terms;

/*
 * Give each term of T the words of IX its stem begins and that end in
 * another word of IX, compounds ("running": "runtime", run + time), as
 * related words (compound.c).
 */
void faq_pieces(const struct faq_index *ix, struct terms *t);

/*
 * Give each term of T the words and phrases of IX that the documentation
 * thesaurus lists with it, or with a phrase of QUERY it is in, as
 * listed related words (at most LISTED_MAX a term; a phrase given for a
 * phrase, REL_PHRASE); and an acronym IX
 * spells out its words as a phrase, the words of QUERY that spell one
 * out the acronym, as close related words (related.c).
 */
void faq_related(const struct faq_index *ix, const char *query,
    struct terms *t);

/*
 * For a query that finds nothing: give each term of T in a phrase of
 * QUERY that is a member of the thesaurus the words and phrases IX has
 * of the other groups on that group's topic (the groups under one
 * heading of related_words.txt: "open source" is about licensing), as
 * wider related words (related.c).
 */
void faq_topics(const struct faq_index *ix, const char *query,
    struct terms *t);

/*
 * Give the terms of T that ask for a shape of block -- "table", "chart",
 * "grid", "matrix", the phrase "side by side" for a table; "example",
 * "sample", "snippet" for code -- that shape as a wider related word,
 * where IX has it (related.c).
 */
void faq_shapes(const struct faq_index *ix, const char *query,
    struct terms *t);

#endif
