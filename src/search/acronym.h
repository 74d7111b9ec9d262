/*
 * Private to FAQ search: the acronyms a document spells out itself
 * ("Long Term Support (LTS)", "LTS (Long Term Support)", or "TSC" in a
 * document that also writes "Technical Steering Committee"), so that a
 * query's acronym finds the words and the words the acronym.
 */
#ifndef QUIRE_SEARCH_ACRONYM_H
#define QUIRE_SEARCH_ACRONYM_H

#include <stddef.h>

#include "synonyms.h"

#define ACR_MIN 2      /* letters of an acronym, at least */
#define ACR_MAX 6      /* and at most */
#define ACR_BARE_MIN 3 /* letters of one spelled out away from it */
#define ACRONYMS_MAX 64 /* acronyms kept for a document */

/* An acronym and what it stands for, folded. */
struct acronym {
	char acr[ACR_MAX + 1];  /* "lts" */
	char exp[SYN_LEN];      /* its words joined by one space:
	                           "long term support" */
};

/*
 * Find the acronyms the LEN bytes of TEXT spell out: an upper-case word
 * of ACR_MIN to ACR_MAX ASCII letters in parentheses right after words
 * whose initials spell it, or followed by such words in parentheses; or
 * one of ACR_BARE_MIN letters or more whose letters begin a run of
 * capitalised words anywhere in TEXT.  Small words ("of", "for", "and")
 * may be left out of the letters.  Store up to MAX in OUT, each acronym
 * once (its first spelling), and return how many.
 */
size_t acronyms_find(const char *text, size_t len, struct acronym *out,
    size_t max);

#endif
