/*
 * Private to quick answers' index: the document walk (faq_units.c) that
 * finds the units and hands their text, field by field, to the index
 * (faq_index.c), which keeps the words.
 */
#ifndef QUIRE_SEARCH_FAQ_UNITS_H
#define QUIRE_SEARCH_FAQ_UNITS_H

#include <stddef.h>
#include <stdint.h>

#include "faq_index.h"

/* Where the walk's text goes: the words of LEN bytes at S, or a shape
 * (SHAPE_TABLE, SHAPE_CODE) posted once, as FIELD of UNIT. */
struct faq_sink {
	void (*text)(void *ctx, uint32_t unit, enum field f, const char *s,
	    size_t len);
	void (*shape)(void *ctx, uint32_t unit, enum field f,
	    const char *shape);
	void *ctx;
};

/* The sections of D that are units: every one not a FAQ entry's, each
 * with its blocks before its first subsection that are no entry's.
 * Return how many, the array (the caller frees it) in *OUT. */
size_t faq_units_find(const struct doc *d, struct unit_sec **out);

/* Hand K every unit's text: D's entries (units 0 ...), then its NSEC
 * section units SECS (units nfaqs ...). */
void faq_units_walk(const struct doc *d, const struct unit_sec *secs,
    size_t nsec, const struct faq_sink *k);

#endif
