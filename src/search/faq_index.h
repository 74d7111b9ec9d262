/*
 * Private to FAQ search: the index faq_index_new() builds.  A sorted
 * vocabulary of the folded words of every entry, each word with its
 * postings: in which field of which entry it occurs, how often.
 */
#ifndef QUIRE_SEARCH_FAQ_INDEX_H
#define QUIRE_SEARCH_FAQ_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "quire/doc.h"

/* The fields of an entry, each weighted in the ranking. */
enum field { F_QUESTION, F_SHORT, F_ANSWER, F__MAX };

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
};

struct faq_index {
	const struct doc *doc;
	size_t n;               /* entries */
	char *pool;             /* vocabulary words */
	struct vocab *vocab;    /* sorted by bytes */
	size_t nvocab;
	struct posting *post;
	size_t npost;
	uint32_t *flen;         /* words per entry and field: n * F__MAX */
	double avg[F__MAX];     /* mean words per field */
};

#endif
