/*
 * Indexing FAQ entries and sections: every word the document walk
 * (faq_units.c) hands over -- each entry's question, short answer and
 * other answer blocks, each other section's title and own blocks -- is
 * interned in a hash table (so the
 * work is linear in the text), then the distinct words are sorted,
 * stemmed (Snowball's English stemmer, libstemmer), and the occurrences
 * counting-sorted by word into postings.  A run of words that makes a
 * phrase a reader's word may stand for -- a member of the documentation
 * thesaurus (related.h), an acronym of the document spelled out
 * (acronym.c) -- is interned as well, its words joined by one space,
 * and its postings kept apart from the words' (ix->phrase); so is a
 * block's shape, a table or code (SHAPE_TABLE, SHAPE_CODE), once a
 * block.
 */
#include <stdlib.h>
#include <string.h>


#include "quire/faq.h"
#include "quire/util.h"
#include "quire/stem.h"
#include "faq_index.h"
#include "faq_units.h"
#include "related.h"
#include "words.h"

#define PHRASE_WORDS 6 /* words of a phrase, at most */

/* One word as found: its id in the intern table, where it was. */
struct occ {
	uint32_t word, faq;
	uint8_t field;
};

/* A distinct word while indexing. */
struct word {
	uint32_t off, len;      /* in the pool */
	uint32_t rank;          /* place in byte order */
	unsigned char starts, ends; /* it begins, ends a phrase looked for */
};

/* What indexing collects before sorting. */
struct collect {
	struct buf pool;
	struct word *words;
	size_t nwords, cap_words;
	uint32_t *slots;        /* hash table: word id + 1, or 0 */
	size_t nslots;          /* a power of two */
	struct occ *occ;
	size_t nocc, cap_occ;
	uint32_t *flen;
	const char **phr;       /* the phrases looked for, sorted */
	size_t nphr;
	const char **last;      /* their last words, sorted */
	size_t nlast;
	const char **first;     /* their first words, sorted */
	size_t nfirst;
	char *firsts;           /* the first words' bytes */
};

/* Order strings by their bytes. */
static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sort the N strings of S and drop repeats; return how many are left. */
static size_t
sort_unique(const char **s, size_t n)
{
	size_t i, k = 0;

	if (n > 1)
		qsort(s, n, sizeof(*s), str_cmp);
	for (i = 0; i < n; i++)
		if (k == 0 || strcmp(s[k - 1], s[i]) != 0)
			s[k++] = s[i];
	return k;
}

/* Whether string W is one of the N sorted strings of S. */
static int
str_in(const char *const *s, size_t n, const char *w)
{
	return n > 0 && bsearch(&w, s, n, sizeof(*s), str_cmp) != NULL;
}

/* The phrases C looks for: the documentation thesaurus's and the
 * acronyms of IX spelled out; and their last words. */
static void
phrase_set(struct collect *c, const struct faq_index *ix)
{
	size_t i, n = 0;
	const char *sp;

	struct buf b = { 0 };
	size_t *at;

	c->phr = xcalloc(related_nmembers + ix->nacr + 1, sizeof(*c->phr));
	c->last = xcalloc(related_nmembers + ix->nacr + 1, sizeof(*c->last));
	c->first = xcalloc(related_nmembers + ix->nacr + 1, sizeof(*c->first));
	for (i = 0; i < related_nmembers; i++)
		if (strchr(related_member[i], ' ') != NULL)
			c->phr[n++] = related_member[i];
	for (i = 0; i < ix->nacr; i++)
		c->phr[n++] = ix->acr[i].exp;
	c->nphr = sort_unique(c->phr, n);
	at = xcalloc(c->nphr + 1, sizeof(*at));
	for (i = 0; i < c->nphr; i++) {
		sp = strrchr(c->phr[i], ' ');
		c->last[i] = sp + 1;
		at[i] = b.len;
		buf_put(&b, c->phr[i], (size_t)(strchr(c->phr[i], ' ') -
		    c->phr[i]));
		buf_putc(&b, '\0');
	}
	c->nlast = sort_unique(c->last, c->nphr);
	c->firsts = b.data;
	for (i = 0; i < c->nphr; i++)
		c->first[i] = c->firsts + at[i];
	c->nfirst = sort_unique(c->first, c->nphr);
	free(at);
}

/* Double the hash table and put every word back. */
static void
rehash(struct collect *c)
{
	size_t i, k, mask;

	free(c->slots);
	c->nslots = c->nslots ? c->nslots * 2 : 1024;
	c->slots = xcalloc(c->nslots, sizeof(*c->slots));
	mask = c->nslots - 1;
	for (i = 0; i < c->nwords; i++) {
		k = fnv1a32(c->pool.data + c->words[i].off, c->words[i].len) & mask;
		while (c->slots[k])
			k = (k + 1) & mask;
		c->slots[k] = (uint32_t)i + 1;
	}
}

/* The id of word W (LEN bytes), added if new. */
static uint32_t
intern(struct collect *c, const char *w, size_t len)
{
	size_t k, mask = c->nslots - 1;
	struct word *e;

	for (k = fnv1a32(w, len) & mask; c->slots[k]; k = (k + 1) & mask) {
		e = &c->words[c->slots[k] - 1];
		if (e->len == len && memcmp(c->pool.data + e->off, w, len) == 0)
			return c->slots[k] - 1;
	}
	GROW(c->words, c->cap_words, c->nwords, 1);
	e = &c->words[c->nwords];
	e->off = (uint32_t)c->pool.len;
	e->len = (uint32_t)len;
	e->starts = e->ends = 0;
	if (memchr(w, ' ', len) == NULL) {
		e->starts = (unsigned char)str_in(c->first, c->nfirst, w);
		e->ends = (unsigned char)str_in(c->last, c->nlast, w);
	}
	buf_put(&c->pool, w, len);
	c->slots[k] = (uint32_t)++c->nwords;
	if (c->nwords * 2 > c->nslots)
		rehash(c);
	return (uint32_t)c->nwords - 1;
}

/* Add an occurrence of word ID in FIELD of entry FAQ; a word of the
 * text (not a phrase) counts in the field's length. */
static void
add_occ(struct collect *c, uint32_t id, uint32_t faq, enum field f, int word)
{
	struct occ *o;

	GROW(c->occ, c->cap_occ, c->nocc, 1);
	o = &c->occ[c->nocc++];
	o->word = id;
	o->faq = faq;
	o->field = (uint8_t)f;
	c->flen[faq * F__MAX + f] += word != 0;
}

/* The last words of a text, a ring of PHRASE_WORDS: their ids and
 * places. */
struct recent {
	uint32_t id[PHRASE_WORDS];
	size_t off[PHRASE_WORDS], len[PHRASE_WORDS];
	size_t n;               /* words seen */
};

/* The index in R of the word K words before its last (K 0: the last). */
static size_t
back(const struct recent *r, size_t k)
{
	return (r->n - 1 - k) % PHRASE_WORDS;
}

/* Add the phrases looked for that end at R's last word of S, in FIELD of
 * entry FAQ. */
static void
add_phrases(struct collect *c, uint32_t faq, enum field f, const char *s,
    const struct recent *r)
{
	char p[SYN_LEN];
	size_t k, j, pl, a, b, most = r->n < PHRASE_WORDS ? r->n :
	    PHRASE_WORDS;
	const struct word *w;

	for (k = 1; k < most; k++) {
		a = back(r, k), b = back(r, k - 1);
		if (!words_joined(s, r->off[a] + r->len[a], r->off[b]))
			return;
		if (!c->words[r->id[a]].starts)
			continue;
		for (pl = 0, j = k + 1; j-- > 0;) {
			w = &c->words[r->id[back(r, j)]];
			if (pl + w->len + 1 >= sizeof(p))
				return;
			if (pl > 0)
				p[pl++] = ' ';
			memcpy(p + pl, c->pool.data + w->off, w->len);
			pl += w->len;
		}
		p[pl] = '\0';
		if (str_in(c->phr, c->nphr, p))
			add_occ(c, intern(c, p, pl), faq, f, 0);
	}
}

/* Collect the words of LEN bytes at S as FIELD of entry FAQ, and the
 * phrases looked for among them. */
static void
collect_text(struct collect *c, uint32_t faq, enum field f, const char *s,
    size_t len)
{
	struct recent r;
	struct words it;
	size_t i;

	r.n = 0;
	words_init(&it, s, len);
	while (words_next(&it)) {
		i = r.n++ % PHRASE_WORDS;
		r.id[i] = intern(c, it.w.data, it.w.len);
		r.off[i] = it.off;
		r.len[i] = it.n;
		add_occ(c, r.id[i], faq, f, 1);
		if (r.n >= 2 && c->words[r.id[i]].ends)
			add_phrases(c, faq, f, s, &r);
	}
	words_free(&it);
}

/* The document walk's text and shapes (faq_units.c), into C. */
static void
sink_text(void *c, uint32_t unit, enum field f, const char *s, size_t len)
{
	collect_text(c, unit, f, s, len);
}

static void
sink_shape(void *ctx, uint32_t unit, enum field f, const char *shape)
{
	struct collect *c = ctx;

	add_occ(c, intern(c, shape, strlen(shape)), unit, f, 0);
}

/* A word to sort: its bytes and its id. */
struct sortword {
	const char *w;
	uint32_t len, id;
};

/* Order words by their bytes. */
static int
word_cmp(const void *a, const void *b)
{
	const struct sortword *x = a, *y = b;
	int c = memcmp(x->w, y->w, x->len < y->len ? x->len : y->len);

	if (c != 0)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

/* Sort the distinct words into IX's vocabulary, setting each one's rank. */
static void
sort_words(struct faq_index *ix, struct collect *c)
{
	struct sortword *sw = xcalloc(c->nwords + 1, sizeof(*sw));
	struct buf pool = { 0 };
	size_t i;

	for (i = 0; i < c->nwords; i++) {
		sw[i].w = c->pool.data + c->words[i].off;
		sw[i].len = c->words[i].len;
		sw[i].id = (uint32_t)i;
	}
	if (c->nwords > 1)
		qsort(sw, c->nwords, sizeof(*sw), word_cmp);
	ix->vocab = xcalloc(c->nwords + 1, sizeof(*ix->vocab));
	ix->nvocab = c->nwords;
	buf_put(&pool, "", 0);
	for (i = 0; i < c->nwords; i++) {
		struct stem st;

		ix->vocab[i].off = (uint32_t)pool.len;
		ix->vocab[i].len = sw[i].len;
		buf_put(&pool, sw[i].w, sw[i].len);
		c->words[sw[i].id].rank = (uint32_t)i;
		word_stem(ix->stemmer, sw[i].w, sw[i].len, &st);
		ix->vocab[i].stem = (uint32_t)pool.len;
		ix->vocab[i].stem_len = (uint32_t)st.len;
		buf_put(&pool, st.s, st.len);
	}
	ix->pool = pool.data;
	free(sw);
}

/*
 * Counting-sort the occurrences by word rank (stable, so each word's
 * stay in entry and field order) and merge them into postings.
 */
static void
build_postings(struct faq_index *ix, struct collect *c)
{
	uint32_t *start = xcalloc(ix->nvocab + 1, sizeof(*start));
	struct occ *sorted = xcalloc(c->nocc + 1, sizeof(*sorted));
	struct posting *p = NULL;
	size_t i, cap = 0;
	uint32_t r;

	for (i = 0; i < c->nocc; i++)
		start[c->words[c->occ[i].word].rank + 1]++;
	for (r = 0; r < ix->nvocab; r++)
		start[r + 1] += start[r];
	for (i = 0; i < c->nocc; i++)
		sorted[start[c->words[c->occ[i].word].rank]++] = c->occ[i];
	for (i = 0; i < c->nocc; i++) {
		struct vocab *v = &ix->vocab[c->words[sorted[i].word].rank];

		if (v->npost == 0 || p->faq != sorted[i].faq ||
		    p->field != sorted[i].field) {
			if (v->npost == 0)
				v->post = (uint32_t)ix->npost;
			GROW(ix->post, cap, ix->npost, 1);
			p = &ix->post[ix->npost++];
			p->faq = sorted[i].faq;
			p->field = sorted[i].field;
			p->count = 0;
			v->npost++;
		}
		p->count++;
	}
	free(sorted);
	free(start);
}

/* Move the phrases of IX's vocabulary (their words joined by a space)
 * to IX's phrases, in the same order. */
static void
split_phrases(struct faq_index *ix)
{
	size_t i, n = 0;

	ix->phrase = xcalloc(ix->nvocab + 1, sizeof(*ix->phrase));
	for (i = 0; i < ix->nvocab; i++) {
		const struct vocab *v = &ix->vocab[i];

		if (memchr(ix->pool + v->off, ' ', v->len) != NULL)
			ix->phrase[ix->nphrase++] = *v;
		else
			ix->vocab[n++] = *v;
	}
	ix->nvocab = n;
}

/* Order a phrase (a NUL-terminated key) against a vocabulary entry. */
static int
phrase_cmp(const void *key, const void *elt, const char *pool)
{
	const char *k = key;
	const struct vocab *v = elt;
	size_t kl = strlen(k);
	int c = memcmp(k, pool + v->off, kl < v->len ? kl : v->len);

	return c != 0 ? c : (kl > v->len) - (kl < v->len);
}

/* The stems of the words of the LEN bytes at P, joined by one space,
 * by stemmer ST; the caller frees it. */
static char *
stems_of(struct stemmer *st, const char *p, size_t len)
{
	struct buf b = { 0 };
	struct words it;
	struct stem s;

	words_init(&it, p, len);
	while (words_next(&it)) {
		word_stem(st, it.w.data, it.w.len, &s);
		if (b.len > 0)
			buf_putc(&b, ' ');
		if (s.len > 0)
			buf_put(&b, s.s, s.len);
		else
			buf_put(&b, it.w.data, it.w.len);
	}
	words_free(&it);
	buf_putc(&b, '\0');
	return b.data;
}

/* Each phrase's stems, for faq_phrase(). */
static void
stem_phrases(struct faq_index *ix)
{
	size_t i;

	ix->phrase_stems = xcalloc(ix->nphrase + 1, sizeof(*ix->phrase_stems));
	for (i = 0; i < ix->nphrase; i++)
		ix->phrase_stems[i] = stems_of(ix->stemmer, ix->pool +
		    ix->phrase[i].off, ix->phrase[i].len);
}

const struct vocab *
faq_phrase(const struct faq_index *ix, const char *p)
{
	size_t lo = 0, hi = ix->nphrase, mid;
	char *key;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = phrase_cmp(p, &ix->phrase[mid], ix->pool);
		if (c == 0)
			return &ix->phrase[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (ix->nphrase == 0 || p[0] == ' ')
		return NULL; /* a shape is no words */
	key = stems_of(ix->stemmer, p, strlen(p));
	for (mid = 0; mid < ix->nphrase; mid++)
		if (strcmp(key, ix->phrase_stems[mid]) == 0)
			break;
	free(key);
	return mid < ix->nphrase ? &ix->phrase[mid] : NULL;
}

struct faq_index *
faq_index_new(const struct doc *d)
{
	struct faq_index *ix = xcalloc(1, sizeof(*ix));
	struct collect c;
	const struct faq_sink sink = { sink_text, sink_shape, &c };
	uint32_t e;
	size_t nsec;
	int f;

	memset(&c, 0, sizeof(c));
	ix->doc = d;
	ix->nfaq = d->nfaqs;
	nsec = faq_units_find(d, &ix->secs);
	ix->n = ix->nfaq + nsec;
	ix->stemmer = stem_new();
	c.flen = xcalloc(ix->n * F__MAX + 1, sizeof(*c.flen));
	ix->acr = xcalloc(ACRONYMS_MAX, sizeof(*ix->acr));
	ix->nacr = acronyms_find(d->text, d->text_len, ix->acr, ACRONYMS_MAX);
	phrase_set(&c, ix);
	rehash(&c);
	faq_units_walk(d, ix->secs, nsec, &sink);
	sort_words(ix, &c);
	build_postings(ix, &c);
	split_phrases(ix);
	stem_phrases(ix);
	for (f = 0; f < F__MAX; f++) {
		double sum = 0;
		size_t from = f < F_TITLE ? 0 : ix->nfaq;
		size_t to = f < F_TITLE ? ix->nfaq : ix->n, have = 0;

		for (e = (uint32_t)from; e < to; e++) {
			sum += c.flen[e * F__MAX + f];
			have += c.flen[e * F__MAX + f] > 0;
		}
		ix->avg[f] = have > 0 ? sum / (double)have : 0;
	}
	ix->flen = c.flen;
	free(c.occ);
	free(c.words);
	free(c.slots);
	free(c.phr);
	free(c.last);
	free(c.first);
	free(c.firsts);
	buf_free(&c.pool);
	return ix;
}

void
faq_index_free(struct faq_index *ix)
{
	size_t e;

	if (ix == NULL)
		return;
	free(ix->pool);
	free(ix->vocab);
	free(ix->post);
	free(ix->flen);
	free(ix->secs);
	for (e = 0; e < ix->nphrase; e++)
		free(ix->phrase_stems[e]);
	free(ix->phrase_stems);
	free(ix->phrase);
	free(ix->acr);
	stem_free(ix->stemmer);
	free(ix);
}
