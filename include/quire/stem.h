/*
 * English stems of words, through libstemmer (Snowball): "models" and
 * "model", "compilation" and "compile" share a stem.  One stemmer is
 * not thread-safe; make one per user.
 */
#ifndef QUIRE_STEM_H
#define QUIRE_STEM_H

#include <stddef.h>

struct stemmer;

/* A new English stemmer (never NULL: out of memory exits). */
struct stemmer *stem_new(void);

/* Free it; NULL is fine. */
void stem_free(struct stemmer *s);

/*
 * The stem of W (N bytes of case-folded UTF-8), its length in *LEN.  The
 * result stays valid until the next call on S.
 */
const char *stem_word(struct stemmer *s, const char *w, size_t n,
    size_t *len);

#endif
