/*
 * The stemmer: libstemmer's English (Snowball) algorithm behind
 * quire's own interface (stem.h), so callers name no library.
 *
 * libstemmer is opened with dlopen() by the first stemmer made (quick
 * answers' first `a`, a table row's links): its tables of every
 * language are ten thousand relocations, a quarter of a millisecond of
 * every start otherwise.  If it cannot be opened, words stand for
 * their own stems.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

#include <libstemmer.h>

#include "quire/exit.h"
#include "quire/stem.h"
#include "quire/util.h"

/* libstemmer's names: Debian's, then upstream's */
static const char *const sonames[] = { "libstemmer.so.0d", "libstemmer.so.0" };

/* libstemmer's entry points, with its own prototypes. */
static struct {
	__typeof__(sb_stemmer_new) *new_;
	__typeof__(sb_stemmer_delete) *delete_;
	__typeof__(sb_stemmer_stem) *stem;
	__typeof__(sb_stemmer_length) *length;
} lib;
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;
static int lib_ok;

struct stemmer {
	struct sb_stemmer *sb; /* NULL: no libstemmer, words are stems */
};

/* Open libstemmer, once per process; it stays open to the end. */
static void
lib_open(void)
{
	void *dl = NULL;
	size_t i;

	for (i = 0; dl == NULL && i < sizeof(sonames) / sizeof(sonames[0]); i++)
		dl = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
	if (dl == NULL)
		return;
	if (!util_dlsym(dl, "sb_stemmer_new", &lib.new_) ||
	    !util_dlsym(dl, "sb_stemmer_delete", &lib.delete_) ||
	    !util_dlsym(dl, "sb_stemmer_stem", &lib.stem) ||
	    !util_dlsym(dl, "sb_stemmer_length", &lib.length)) {
		dlclose(dl);
		return;
	}
	lib_ok = 1;
}

struct stemmer *
stem_new(void)
{
	struct stemmer *s = xmalloc(sizeof(*s));

	pthread_once(&lib_once, lib_open);
	s->sb = NULL;
	if (lib_ok && (s->sb = lib.new_("english", NULL)) == NULL)
		fatal(EXIT_NOMEM, "out of memory (a stemmer)");
	return s;
}

void
stem_free(struct stemmer *s)
{
	if (s == NULL)
		return;
	if (s->sb != NULL)
		lib.delete_(s->sb);
	free(s);
}

const char *
stem_word(struct stemmer *s, const char *w, size_t n, size_t *len)
{
	const sb_symbol *r;

	if (s->sb == NULL ||
	    (r = lib.stem(s->sb, (const sb_symbol *)w, (int)n)) == NULL) {
		*len = n; /* no libstemmer, or out of memory inside it */
		return w;
	}
	*len = (size_t)lib.length(s->sb);
	return (const char *)r;
}
