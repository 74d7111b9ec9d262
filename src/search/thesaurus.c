/*
 * Loosely related words from a thesaurus: Aiksaurus, a C++ library, in
 * the loadable module quire-thesaurus (src/thesaurus/, thmodule.h),
 * opened with dlopen() on the first word looked up, so a start of quire
 * loads neither it nor the C++ runtime.  The module is looked for in
 * $QUIRE_LIBDIR, else the build tree when this binary runs from it, else
 * the installed QUIRE_LIBDIR; its data in $QUIRE_AIKSAURUS_DIR, else the
 * directory libaiksaurus-1.2-data installs.  Without either, no word is
 * related and nothing is reported.
 *
 * The library's thesaurus is one object the module keeps, so every call
 * is made under one lock.  A word is looked up as typed and as its
 * WordNet base forms (the thesaurus lists "company", not "companies");
 * the words of a small meaning count more than those of a large one; a
 * small cache keeps the words looked up last, since the view asks again
 * at every key.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "quire/buildtree.h"
#include "quire/util.h"
#include "src/thesaurus/thmodule.h"
#include "thesaurus.h"

#define CACHE 64   /* words remembered */
#define SEEN 512   /* distinct words of one lookup counted, at most */
#define MEANING_MAX 256 /* words of one meaning looked at */
#define MEANING_SIZE_MAX 20 /* words of a meaning whose words are taken:
                               a larger one is a loose cluster ("theme":
                               "plot", "mood", "twist", ...) */

/* A word looked up and what the thesaurus gave. */
struct cached {
	char word[SYN_LEN];
	char out[THES_MAX][SYN_LEN];
	size_t n;
};

/* A word of a lookup and how closely it is related. */
struct seen {
	char w[SYN_LEN];
	double score;           /* the meanings it is in, each 1 / size */
	unsigned order;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int state;               /* 0 not opened, 1 open, -1 unusable */
static const struct th_module *mod; /* the module's entry points */
static void *th;                /* its thesaurus */
static struct cached cache[CACHE];
static size_t cache_next;

/* Whether W is a word of 2 to SYN_LEN - 1 ASCII letters; fold it into
 * LOW. */
static int
fold_word(const char *w, char low[SYN_LEN])
{
	size_t i;

	for (i = 0; w[i]; i++) {
		if (i + 1 >= SYN_LEN)
			return 0;
		if (w[i] >= 'A' && w[i] <= 'Z')
			low[i] = (char)(w[i] + 32);
		else if (w[i] >= 'a' && w[i] <= 'z')
			low[i] = w[i];
		else
			return 0; /* a phrase, a hyphen, a digit */
	}
	low[i] = '\0';
	return i >= 2;
}

/* Add word W, met in a meaning of SIZE words, to S (N words so far);
 * return N.  A small meaning is a close one: its words count more. */
static size_t
count_word(struct seen *s, size_t n, const char *w, size_t size)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s[i].w, w) == 0) {
			s[i].score += 1.0 / (double)size;
			return n;
		}
	if (n == SEEN)
		return n;
	memcpy(s[n].w, w, SYN_LEN);
	s[n].score = 1.0 / (double)size;
	s[n].order = (unsigned)n;
	return n + 1;
}

/* Order words by their score, most first, then as met. */
static int
seen_cmp(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* Add to S (N words) the words of the meaning M (NM words, SIZE listed)
 * but SELF, none when it lists more than MEANING_SIZE_MAX; return the
 * new N. */
static size_t
add_meaning(struct seen *s, size_t n, char (*m)[SYN_LEN], size_t nm,
    size_t size)
{
	size_t i, k;

	if (size > MEANING_SIZE_MAX)
		return n;
	for (i = 0; i < nm; i++) {
		for (k = 0; k < i && strcmp(m[k], m[i]) != 0; k++)
			;
		if (k == i) /* a meaning lists its head words twice */
			n = count_word(s, n, m[i], size);
	}
	return n;
}

/* Add to S (N words) the words the thesaurus lists with BASE but SELF;
 * return the new N.  Called with the lock held. */
static size_t
look_up(struct seen *s, size_t n, const char *base, const char *self)
{
	char (*m)[SYN_LEN];
	const char *w;
	int meaning, last = -1;
	size_t nm = 0, size = 0;

	if (!mod->find(th, base))
		return n;
	m = xcalloc(MEANING_MAX, sizeof(*m));
	while ((w = mod->next(th, &meaning)) != NULL) {
		char low[SYN_LEN];

		if (meaning != last) {
			n = add_meaning(s, n, m, nm, size);
			nm = size = 0;
			last = meaning;
		}
		size++;
		if (fold_word(w, low) && strcmp(low, self) != 0 &&
		    nm < MEANING_MAX)
			memcpy(m[nm++], low, SYN_LEN);
	}
	n = add_meaning(s, n, m, nm, size);
	free(m);
	return n;
}

/* Open the module and its thesaurus; whether both are there.  A module
 * opened is kept for the life of the process, as WordNet's files are. */
static int
open_module(void)
{
	const char *data = getenv("QUIRE_AIKSAURUS_DIR");
	char *path = buildtree_path("QUIRE_LIBDIR", QUIRE_BUILD_ROOT,
	    QUIRE_LIBDIR, QUIRE_TH_MODULE);
	void *dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	const struct th_module *m;

	free(path);
	if (dl == NULL)
		return 0;
	m = (const struct th_module *)dlsym(dl, TH_MODULE_SYMBOL_NAME);
	if (m != NULL && m->abi == TH_MODULE_ABI)
		th = m->create(data != NULL && data[0] != '\0' ? data :
		    QUIRE_AIKSAURUS_DATA);
	if (th == NULL) {
		dlclose(dl);
		return 0;
	}
	mod = m;
	return 1;
}

/* Fill C from the thesaurus. */
static void
fill(struct cached *c)
{
	char bases[SYN_BASES][SYN_LEN];
	struct seen *s = xcalloc(SEEN, sizeof(*s));
	size_t nb, i, n = 0;

	nb = synonyms_bases(c->word, bases);
	for (i = 0; i < nb; i++)
		n = look_up(s, n, bases[i], c->word);
	qsort(s, n, sizeof(*s), seen_cmp);
	for (i = 0; i < n && c->n < THES_MAX; i++)
		memcpy(c->out[c->n++], s[i].w, SYN_LEN);
	free(s);
}

size_t
thesaurus_get(const char *word, char out[THES_MAX][SYN_LEN])
{
	char low[SYN_LEN];
	struct cached *c = NULL;
	size_t i, n = 0;

	if (!fold_word(word, low) || strcmp(low, word) != 0)
		return 0;
	pthread_mutex_lock(&lock);
	if (state == 0)
		state = open_module() ? 1 : -1;
	for (i = 0; i < CACHE && state == 1; i++)
		if (strcmp(cache[i].word, word) == 0) {
			c = &cache[i];
			break;
		}
	if (c == NULL && state == 1) {
		c = &cache[cache_next];
		cache_next = (cache_next + 1) % CACHE;
		memset(c, 0, sizeof(*c));
		memcpy(c->word, word, strlen(word) + 1);
		fill(c);
	}
	if (c != NULL) {
		n = c->n;
		memcpy(out, c->out, n * sizeof(c->out[0]));
	}
	pthread_mutex_unlock(&lock);
	return n;
}
