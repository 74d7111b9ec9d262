/*
 * Private to FAQ search: the documentation thesaurus, groups of words
 * and phrases a reader may use for one another (related_words.txt,
 * compiled by related_gen.py into the tables below), and the query's
 * related words taken from it and from the document's acronyms
 * (related.c).
 */
#ifndef QUIRE_SEARCH_RELATED_H
#define QUIRE_SEARCH_RELATED_H

#include <stddef.h>
#include <stdint.h>

/* The members, folded, their words joined by one space, each group's
 * together: group G is members [related_group_first[G],
 * related_group_first[G + 1]). */
extern const size_t related_nmembers, related_ngroups;
extern const char *const related_member[];
extern const uint16_t related_group_of[];   /* per member */
extern const uint16_t related_group_first[]; /* per group, and the end */
extern const uint16_t related_group_topic[]; /* per group: the same for
                                               the groups under one
                                               heading of the file */
extern const uint16_t related_sorted[];     /* members in byte order */

#endif
