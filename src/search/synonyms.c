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
#define ANTONYMS 2    /* antonyms of a compared adjective taken */
#define RARE_POS 2    /* a part of speech met this many times less
                         often than the word's most common one is left
                         out */

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

/* Whether byte C is a vowel. */
static int
vowel(char c)
{
	return strchr("aeiou", c) != NULL;
}

/*
 * Write adjective W compared by SUFFIX ("er", "est") into OUT by the
 * rules of English spelling: "large" "larger", "easy" "easier", "big"
 * "bigger", "fast" "faster".  Irregular forms are not made: the document
 * decides, and one it lacks matches nothing.
 */
static void
compared(const char *w, const char *suffix, char out[SYN_LEN])
{
	size_t n = strlen(w), keep = n, sl = strlen(suffix);
	char last = n > 0 ? w[n - 1] : '\0', mid[2] = "";

	out[0] = '\0';
	if (n < 2 || n + sl + 2 >= SYN_LEN)
		return;
	if (last == 'e') {
		suffix++, sl--;
	} else if (last == 'y' && !vowel(w[n - 2])) {
		keep = n - 1;
		mid[0] = 'i';
	} else if (n <= 4 && !vowel(last) && strchr("wxy", last) == NULL &&
	    vowel(w[n - 2]) && (n < 3 || !vowel(w[n - 3]))) {
		mid[0] = last;
	}
	memcpy(out, w, keep);
	memcpy(out + keep, mid, strlen(mid));
	memcpy(out + keep + strlen(mid), suffix, sl + 1);
}

/* The antonyms of word number K of adjective synset S (K 0: of any of
 * its words) by its own pointers: the word pointed to, then a synonym of
 * it (the antonym of "easy" is "difficult", and "hard" with it), into
 * OUT; return how many (0 to ANTONYMS). */
static size_t
antonyms_of(SynsetPtr s, int k, char out[ANTONYMS][SYN_LEN])
{
	SynsetPtr t;
	size_t n = 0;
	int i, j, to;

	for (i = 0; i < s->ptrcount && n == 0; i++) {
		if (s->ptrtyp[i] != ANTPTR || (k > 0 && s->pfrm[i] != 0 &&
		    s->pfrm[i] != k) || s->pto[i] <= 0)
			continue;
		t = read_synset(s->ppos[i], s->ptroff[i], "");
		if (t == NULL)
			continue;
		to = s->pto[i] - 1;
		for (j = -1; j < t->wcount && n < ANTONYMS; j++) {
			const char *w = t->words[j < 0 ? to : j];

			if ((j < 0 && to >= t->wcount) || j == to ||
			    strlen(w) >= SYN_LEN)
				continue;
			strcpy(out[n++], w);
		}
		free_synset(t);
	}
	return n;
}

/*
 * Add to C, when WORD is adjective BASE compared ("slower", "hardest"),
 * BASE's antonyms compared alike ("faster", "easiest") and the antonyms
 * themselves (WordNet's antonym pointers: the word's own, else its
 * synonym's -- "hard" is "difficult", whose antonym is "easy" -- else,
 * for a satellite, its head's: "quick" has none, "fast" has "slow"):
 * asking whether one is slower asks whether the other is faster.  Wider
 * words, weighed low.
 */
static void
add_opposite(struct cached *c, SynsetPtr s, const char *base)
{
	char ant[ANTONYMS][SYN_LEN], form[SYN_LEN];
	const char *suffix;
	size_t n = strlen(c->word), bl = strlen(base), na, k;
	SynsetPtr t;
	int i;

	if (strcmp(c->word, base) == 0)
		return;
	if (n > 3 && strcmp(c->word + n - 3, "est") == 0)
		suffix = "est";
	else if (n > 2 && strcmp(c->word + n - 2, "er") == 0)
		suffix = "er";
	else
		return;
	if (bl + 1 > n)
		return; /* an irregular form ("worse"): left alone */
	na = antonyms_of(s, s->whichword, ant);
	if (na == 0)
		na = antonyms_of(s, 0, ant);
	for (i = 0; i < s->ptrcount && na == 0; i++)
		if (s->ptrtyp[i] == SIMPTR) {
			t = read_synset(s->ppos[i], s->ptroff[i], "");
			if (t == NULL)
				continue;
			na = antonyms_of(t, 0, ant);
			free_synset(t);
		}
	for (k = 0; k < na; k++) {
		compared(ant[k], suffix, form);
		if (form[0] != '\0')
			add_up_to(c, form, SYN_MAX);
	}
	for (k = 0; k < na; k++)
		add_up_to(c, ant[k], SYN_MAX);
}

/* WORD's base form as part of speech POS ("rebuilt": "rebuild"), by
 * WordNet's rules and exceptions, into W; WORD itself when it has none
 * or it is too long.  The lock is held. */
static char *
base_form(const char *word, int pos, char w[SYN_LEN])
{
	char *base;

	memcpy(w, word, strlen(word) + 1);
	base = morphstr(w, pos);
	if (base == NULL || strlen(base) >= SYN_LEN)
		return w;
	return strcpy(w, base);
}

/* How often the first sense of WORD as part of speech POS is met in
 * the texts WordNet counted its senses in (its tag count), 0 when WORD is
 * no such part of speech or none was counted. */
static int
first_sense_tags(const char *word, int pos)
{
	char w[SYN_LEN];
	IndexPtr ip;
	int n;

	if ((ip = index_lookup(base_form(word, pos, w), pos)) == NULL)
		return 0;
	n = GetTagcnt(ip, 1);
	free_index(ip);
	return n;
}

/* Fill C from WordNet: the first sense of each part of speech the word
 * is commonly (at least 1 / RARE_POS times as often as its most common
 * one, by WordNet's counts of senses met in texts: "behind" is seldom a
 * noun, "pipe" a verb), its synonyms, then the words derived from it,
 * and an adjective's head. */
static void
look_up(struct cached *c)
{
	char w[SYN_LEN], *base;
	char adj[SYN_LEN] = "";
	SynsetPtr s, found[NUMPARTS + 1] = { NULL };
	int pos, i;

	int tags[NUMPARTS + 1] = { 0 }, most = 0;

	for (pos = 1; pos <= NUMPARTS; pos++) {
		tags[pos] = first_sense_tags(c->word, pos);
		if (tags[pos] > most)
			most = tags[pos];
	}
	for (pos = 1; pos <= NUMPARTS; pos++) {
		if (tags[pos] * RARE_POS < most)
			continue; /* a rare use of the word: "behind", "pipe" */
		base = base_form(c->word, pos, w);
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
	if (found[ADJ] != NULL)
		add_opposite(c, found[ADJ], adj);
	for (pos = 1; pos <= NUMPARTS; pos++)
		if (found[pos] != NULL && (pos == NOUN || pos == VERB)) {
			add_linked(c, found[pos], HYPERPTR, WIDE_LINKS);
			add_linked(c, found[pos], HYPOPTR, WIDE_LINKS);
		}
	for (pos = 1; pos <= NUMPARTS; pos++)
		if (found[pos] != NULL)
			free_syns(found[pos]);
}

/* Open the database on the first call; whether it is usable.  The
 * lock is held. */
static int
opened(void)
{
	if (state == 0) {
		display_message = quiet;
		state = wninit() == 0 ? 1 : -1;
	}
	return state == 1;
}

int
synonyms_known(const char *word)
{
	char w[SYN_LEN];
	int pos, known = 0;

	if (!plain_word(word))
		return 0;
	pthread_mutex_lock(&lock);
	for (pos = 1; pos <= NUMPARTS && !known && opened(); pos++)
		known = in_wn(base_form(word, pos, w), pos) != 0;
	pthread_mutex_unlock(&lock);
	return known;
}

size_t
synonyms_opposite(const char *word, char out[SYN_OPPOSITE][SYN_LEN])
{
	char w[SYN_LEN], ant[ANTONYMS][SYN_LEN];
	static const int pos[] = { VERB, ADJ };
	size_t n = 0, na, k, i;
	SynsetPtr s;

	if (!plain_word(word))
		return 0;
	pthread_mutex_lock(&lock);
	for (i = 0; i < 2 && opened(); i++) {
		s = findtheinfo_ds(base_form(word, pos[i], w), pos[i], SYNS, 1);
		if (s == NULL)
			continue;
		na = antonyms_of(s, s->whichword, ant);
		for (k = 0; k < na && n < SYN_OPPOSITE; k++)
			if (plain_word(ant[k]))
				memcpy(out[n++], ant[k], strlen(ant[k]) + 1);
		free_syns(s);
	}
	pthread_mutex_unlock(&lock);
	return n;
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
	for (i = 0; i < CACHE && opened(); i++)
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
