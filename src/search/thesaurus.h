/*
 * Private to FAQ search: words a thesaurus lists with a word, loosely
 * related ("theme": "color", "scheme"; "company": "industry"), for the
 * ranking to keep the few a document has.
 */
#ifndef QUIRE_SEARCH_THESAURUS_H
#define QUIRE_SEARCH_THESAURUS_H

#include <stddef.h>

#include "synonyms.h"

#define THES_MAX 48 /* words given for one word, at most */

/*
 * Store in OUT up to THES_MAX single words the thesaurus lists with
 * folded word WORD (2 to SYN_LEN - 1 ASCII letters) or its base forms
 * (WordNet's: "companies" is "company"), from its meanings of at most 20
 * words, those of the smallest first, and return how many; 0 when it lists none or its data cannot
 * be read.  The data is opened on the first call.  Safe from any thread.
 */
size_t thesaurus_get(const char *word, char out[THES_MAX][SYN_LEN]);

#endif
