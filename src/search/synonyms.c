/*
 * Related words from WordNet (wordnet-dev's libwordnet, the database in
 * wordnet-base).  The library keeps global state -- open files, static
 * buffers, a message hook -- so this file is its only user: one lock
 * around every call, the database opened once on the first lookup, its
 * messages silenced (it must never write to a terminal curses owns), and
 * only short ASCII lowercase words handed to it.  A small cache keeps the
 * words looked up last, since the view asks again at every key.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wn.h>

#include "synonyms.h"

#define CACHE 64 /* words remembered */
#define DERIVED_MAX 2 /* derived words taken from one sense */
#define SIMILAR_MAX 2 /* words taken from an adjective's head */
#define WIDE_LINKS 4  /* more general words or kinds taken, at most */
#define FORMS_MAX 2   /* irregular forms of one adjective taken */

/* A word looked up and what WordNet gave: close words, then wider. */
struct cached {
	char word[SYN_LEN];
	char syn[SYN_MAX][SYN_LEN];
	size_t n, nclose;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int state;               /* 0 not opened, 1 open, -1 unusable */
static struct cached cache[CACHE];
static size_t cache_next;

/* WordNet's messages go nowhere. */
static int
quiet(char *msg)
{
	(void)msg;
	return -1;
}

/* Whether W is 2 to SYN_LEN - 1 ASCII lowercase letters. */
static int
plain_word(const char *w)
{
	size_t n = 0;

	for (; w[n]; n++)
		if (w[n] < 'a' || w[n] > 'z' || n + 1 >= SYN_LEN)
			return 0;
	return n >= 2;
}

/* Add WordNet word W to C unless it is W's own word, a phrase or there,
 * or C has MAX words. */
static void
add_up_to(struct cached *c, const char *w, size_t max)
{
	char low[SYN_LEN];
	size_t i;

	for (i = 0; w[i] && i + 1 < SYN_LEN; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	if (w[i] != '\0')
		return;
	low[i] = '\0';
	if (!plain_word(low) || strcmp(low, c->word) == 0 || c->n >= max)
		return;
	for (i = 0; i < c->n; i++)
		if (strcmp(c->syn[i], low) == 0)
			return;
	memcpy(c->syn[c->n++], low, strlen(low) + 1);
}

/* Add close word W to C. */
static void
add_word(struct cached *c, const char *w)
{
	add_up_to(c, w, SYN_CLOSE);
}

/*
 * Add to C the first word of each synset S points to by TYPE (hypernyms,
 * hyponyms), none when it points to more than MAX of them (a general
 * word's kinds are too many to be what was meant).
 */
static void
add_linked(struct cached *c, SynsetPtr s, int type, int max)
{
	SynsetPtr t;
	int i, n = 0;

	for (i = 0; i < s->ptrcount; i++)
		n += s->ptrtyp[i] == type;
	if (n > max)
		return;
	for (i = 0; i < s->ptrcount; i++) {
		if (s->ptrtyp[i] != type)
			continue;
		t = read_synset(s->ppos[i], s->ptroff[i], "");
		if (t == NULL)
			continue;
		if (t->wcount > 0)
			add_up_to(c, t->words[0], SYN_MAX);
		free_synset(t);
	}
}

/*
 * Add to C the words derived from the word S is found for, in S's sense
 * (WordNet's derivational links: "approval" -> "approve", "safe" ->
 * "safeness"), at most DERIVED_MAX from one sense.
 */
static void
add_derived(struct cached *c, SynsetPtr s)
{
	SynsetPtr t;
	int i, n = 0;

	for (i = 0; i < s->ptrcount && n < DERIVED_MAX; i++) {
		if (s->ptrtyp[i] != DERIVATION || (s->pfrm[i] != 0 &&
		    s->pfrm[i] != s->whichword) || s->pto[i] <= 0)
			continue;
		t = read_synset(s->ppos[i], s->ptroff[i], "");
		if (t == NULL)
			continue;
		if (s->pto[i] <= t->wcount) {
			add_word(c, t->words[s->pto[i] - 1]);
			n++;
		}
		free_synset(t);
	}
}

/*
 * Add to C the head of the cluster adjective synset S belongs to when S
 * is one of its satellites (WordNet's similar-to link, which a
 * satellite has once: "initial" -> "first", "quick" -> "fast"); a head
 * has many, too loosely related to take.
 */
static void
add_similar(struct cached *c, SynsetPtr s)
{
	SynsetPtr t;
	int i, k = -1, n = 0;

	for (i = 0; i < s->ptrcount; i++)
		if (s->ptrtyp[i] == SIMPTR)
			k = i, n++;
	if (n != 1)
		return;
	t = read_synset(s->ppos[k], s->ptroff[k], "");
	if (t == NULL)
		return;
	for (i = 0; i < t->wcount && i < SIMILAR_MAX; i++)
		add_word(c, t->words[i]);
	free_synset(t);
}

/*
 * Add to C, when adjective BASE has irregular forms, BASE and up to
 * FORMS_MAX of those forms, from WordNet's list of exceptions to its
 * rules of inflection (adj.exc, lines "form base..."): "best" and
 * "better" are both "good", and a reader asking for the best matches a
 * text saying better.  The list is only read for an adjective found.
 */
static void
add_forms(struct cached *c, const char *base)
{
	char path[4096], line[256], *form, *b, *save;
	const char *dir = SetSearchdir();
	FILE *f;
	int n = 0;

	if (dir == NULL || (size_t)snprintf(path, sizeof(path), "%s/adj.exc",
	    dir) >= sizeof(path) || (f = fopen(path, "r")) == NULL)
		return;
	while (n < FORMS_MAX && fgets(line, sizeof(line), f) != NULL) {
		form = strtok_r(line, " \n", &save);
		while (form != NULL && (b = strtok_r(NULL, " \n", &save)) != NULL)
			if (strcmp(b, base) == 0) {
				if (n == 0)
					add_word(c, base);
				add_word(c, form);
				n++;
				break;
			}
	}
	fclose(f);
}

/* Fill C from WordNet: the first sense of each part of speech, its
 * synonyms, then the words derived from it, and an adjective's head. */
static void
look_up(struct cached *c)
{
	char w[SYN_LEN], *base;
	char adj[SYN_LEN] = "";
	SynsetPtr s, found[NUMPARTS + 1] = { NULL };
	int pos, i;

	for (pos = 1; pos <= NUMPARTS; pos++) {
		memcpy(w, c->word, sizeof(w));
		base = morphstr(w, pos);
		if (base == NULL || strlen(base) >= SYN_LEN)
			base = w;
		else
			base = strcpy(w, base);
		s = findtheinfo_ds(base, pos, SYNS, 1);
		if (s == NULL)
			continue;
		for (i = 0; i < s->wcount; i++)
			add_word(c, s->words[i]);
		found[pos] = s;
		if (pos == ADJ)
			memcpy(adj, base, strlen(base) + 1);
	}
	for (pos = 1; pos <= NUMPARTS; pos++)
		if (found[pos] != NULL) {
			add_derived(c, found[pos]);
			if (pos == ADJ) {
				add_similar(c, found[pos]);
				add_forms(c, adj);
			}
		}
	c->nclose = c->n;
	for (pos = 1; pos <= NUMPARTS; pos++)
		if (found[pos] != NULL && (pos == NOUN || pos == VERB)) {
			add_linked(c, found[pos], HYPERPTR, WIDE_LINKS);
			add_linked(c, found[pos], HYPOPTR, WIDE_LINKS);
		}
	for (pos = 1; pos <= NUMPARTS; pos++)
		if (found[pos] != NULL)
			free_syns(found[pos]);
}

size_t
synonyms_get(const char *word, char out[SYN_MAX][SYN_LEN], size_t *nclose)
{
	struct cached *c = NULL;
	size_t i, n = 0;

	*nclose = 0;
	if (!plain_word(word))
		return 0;
	pthread_mutex_lock(&lock);
	if (state == 0) {
		display_message = quiet;
		state = wninit() == 0 ? 1 : -1;
	}
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
		look_up(c);
	}
	if (c != NULL) {
		n = c->n;
		*nclose = c->nclose;
		memcpy(out, c->syn, n * sizeof(c->syn[0]));
	}
	pthread_mutex_unlock(&lock);
	return n;
}
