/*
 * The stemmer: libstemmer's English (Snowball) algorithm behind
 * quire's own interface (stem.h), so callers name no library.
 */
#include <stdlib.h>

#include <libstemmer.h>

#include "quire/exit.h"
#include "quire/stem.h"
#include "quire/util.h"

struct stemmer {
	struct sb_stemmer *sb;
};

struct stemmer *
stem_new(void)
{
	struct stemmer *s = xmalloc(sizeof(*s));

	s->sb = sb_stemmer_new("english", NULL);
	if (s->sb == NULL)
		fatal(EXIT_NOMEM, "out of memory (a stemmer)");
	return s;
}

void
stem_free(struct stemmer *s)
{
	if (s == NULL)
		return;
	sb_stemmer_delete(s->sb);
	free(s);
}

const char *
stem_word(struct stemmer *s, const char *w, size_t n, size_t *len)
{
	const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)w,
	    (int)n);

	if (r == NULL) { /* out of memory inside libstemmer */
		*len = n;
		return w;
	}
	*len = (size_t)sb_stemmer_length(s->sb);
	return (const char *)r;
}
