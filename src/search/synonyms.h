/*
 * Private to FAQ search: related words from WordNet, for matching a
 * reader's words with the text's ("difficult" finds "hard").
 */
#ifndef QUIRE_SEARCH_SYNONYMS_H
#define QUIRE_SEARCH_SYNONYMS_H

#include <stddef.h>

#define SYN_LEN 32 /* bytes of a word looked up or given, with its NUL */
#define SYN_CLOSE 8 /* close words given for one word, at most */
#define SYN_WIDE 4  /* wider words, at most */
#define SYN_MAX (SYN_CLOSE + SYN_WIDE) /* related words, at most */

/*
 * Store in OUT up to SYN_MAX words WordNet lists beside WORD in the most
 * common sense of each part of speech, and return how many: first the
 * close ones (synonyms, derived forms, an adjective's head), *NCLOSE of
 * them, then wider ones (a noun's or verb's more general words and, when
 * it has few, its kinds).  WORD must
 * be folded; words that are not 2 to SYN_LEN - 1 ASCII letters, and
 * everything when WordNet's database cannot be opened, give 0.  The
 * database is opened on the first call.  Safe from any thread.
 */
size_t synonyms_get(const char *word, char out[SYN_MAX][SYN_LEN],
    size_t *nclose);

/* Whether WordNet knows WORD (folded), in any part of speech and
 * inflection ("rebuilt": "rebuild"); 0 too when it cannot be opened.
 * As synonyms_get(). */
int synonyms_known(const char *word);

#define SYN_OPPOSITE 4 /* opposites given for one word, at most */

/*
 * Store in OUT up to SYN_OPPOSITE words WordNet gives as the opposites
 * of WORD in the most common sense of it as a verb and as an adjective
 * ("remember": "forget"; "visible": "invisible"), and return how many;
 * for a word the reader negates ("can't remember").  As synonyms_get().
 */
size_t synonyms_opposite(const char *word, char out[SYN_OPPOSITE][SYN_LEN]);

#endif
