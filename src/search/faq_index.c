/*
 * Indexing FAQ entries and sections: every word of each entry's
 * question, short answer and other answer blocks, and of each other
 * section's title and own blocks, is interned in a hash table (so the
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

/* Whether the LEN bytes at S end as a sentence does, with a full stop,
 * a question or exclamation mark (a quote or bracket after it aside). */
static int
is_sentence(const char *s, size_t len)
{
	while (len > 0 && strchr(" \t\n\"')*_", s[len - 1]) != NULL)
		len--;
	return len > 0 && strchr(".!?", s[len - 1]) != NULL;
}

/* Collect the words of block B as FIELD of entry FAQ: a table's cells,
 * and a section's list items that are no sentences (a summary's lines:
 * "Fast compile times"), as its terse field, F_TABLE. */
static void
collect_block(struct collect *c, const struct doc *d, uint32_t faq,
    enum field f, uint32_t b)
{
	const struct block *blk = &d->blocks[b];
	const struct table *t;
	uint32_t off, len, i, r;

	if (blk->kind == BLOCK_CODE)
		add_occ(c, intern(c, SHAPE_CODE, strlen(SHAPE_CODE)), faq, f, 0);
	if (blk->kind != BLOCK_TABLE) {
		doc_block_text(d, b, &off, &len);
		if (f == F_TEXT && blk->kind == BLOCK_ITEM &&
		    !is_sentence(d->text + off, len))
			f = F_TABLE;
		collect_text(c, faq, f, d->text + off, len);
		return;
	}
	add_occ(c, intern(c, SHAPE_TABLE, strlen(SHAPE_TABLE)), faq,
	    f == F_TEXT ? F_TABLE : f, 0);
	t = &d->tables[blk->aux];
	if (f == F_TEXT)
		f = F_TABLE;
	for (i = 0; i < t->nrows * t->ncols; i++) {
		const struct cell *cl = &d->cells[t->cell + i];

		for (r = cl->run; r < cl->run + cl->nruns; r++)
			collect_text(c, faq, f, d->text + d->runs[r].off,
			    d->runs[r].len);
	}
}

/* Collect the title of section S of D, not its number ("2.1"), as
 * FIELD of unit U. */
static void
collect_title(struct collect *c, const struct doc *d, uint32_t u,
    enum field f, uint32_t s)
{
	const struct section *sec = &d->sections[s];
	size_t label = doc_title_label(d->text + sec->title, sec->title_len);

	collect_text(c, u, f, d->text + sec->title + label,
	    sec->title_len - label);
}

/* Collect entry E's words field by field: question, short, the rest,
 * the heading of the section it is under (not the document's title). */
static void
collect_entry(struct collect *c, const struct doc *d, uint32_t e)
{
	const struct faq *q = &d->faqs[e];
	uint32_t b, p;

	collect_text(c, e, F_QUESTION, d->text + q->q_off, q->q_len);
	if (q->short_block != DOC_NONE)
		collect_block(c, d, e, F_SHORT, q->short_block);
	for (b = q->first; b < q->end; b++)
		if (b != q->short_block)
			collect_block(c, d, e, F_ANSWER, b);
	p = q->section < d->nsections ? d->sections[q->section].parent :
	    DOC_NONE;
	if (p != DOC_NONE && p != d->title)
		collect_title(c, d, e, F_CONTEXT, p);
}

/* Whether byte C may be part of a word: an ASCII letter or digit, or
 * a byte of a character beyond ASCII. */
static int
word_byte(unsigned char c)
{
	return c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u ||
	    (unsigned)(c - '0') < 10u;
}

int
faq_toc_line(const struct doc *d, uint32_t b)
{
	const struct block *blk = &d->blocks[b];
	uint32_t i, inside = 0, all = 0, k;

	if (blk->kind != BLOCK_ITEM && blk->kind != BLOCK_PARAGRAPH)
		return 0;
	for (i = blk->run; i < blk->run + blk->nruns; i++) {
		const struct run *r = &d->runs[i];
		int local = r->link != DOC_NONE && r->link < d->nlinks &&
		    d->links[r->link].len > 0 &&
		    d->aux[d->links[r->link].off] == '#';

		for (k = 0; k < r->len; k++)
			if (word_byte((unsigned char)d->text[r->off + k])) {
				all++;
				inside += local;
			}
	}
	return all > 0 && inside * 10 >= all * 7;
}

/* Collect section unit U's words: its title (not its number: "2.1"),
 * its own blocks (but a table of contents' lines), the heading it is
 * under (not the document's title). */
static void
collect_section(struct collect *c, const struct doc *d, uint32_t u,
    const struct unit_sec *us)
{
	const struct section *s = &d->sections[us->section];
	uint32_t b;

	collect_title(c, d, u, F_TITLE, us->section);
	for (b = us->first; b < us->end; b++)
		if (!faq_toc_line(d, b))
			collect_block(c, d, u, F_TEXT, b);
	if (s->parent != DOC_NONE && s->parent != d->title)
		collect_title(c, d, u, F_SCONTEXT, s->parent);
}

/*
 * The sections that are units: every one not a FAQ entry's, each with
 * its blocks before its first subsection that are no entry's.  Return
 * how many, the array in *OUT.
 */
static size_t
find_sections(const struct doc *d, struct unit_sec **out)
{
	unsigned char *taken = xcalloc(d->nblocks + 1, 1);
	struct unit_sec *u = xcalloc(d->nsections + 1, sizeof(*u));
	size_t n = 0, i;
	uint32_t b, end;

	for (i = 0; i < d->nfaqs; i++) {
		const struct faq *f = &d->faqs[i];

		taken[f->q_block] = 1;
		for (b = f->first; b < f->end && b < d->nblocks; b++)
			taken[b] = 1;
	}
	for (i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];

		if (taken[s->block])
			continue;
		end = s->end;
		if (i + 1 < d->nsections && d->sections[i + 1].block < end)
			end = d->sections[i + 1].block;
		u[n].section = (uint32_t)i;
		u[n].first = s->block + 1;
		u[n].end = end;
		while (u[n].first < u[n].end && taken[u[n].first])
			u[n].first++;
		while (u[n].end > u[n].first && taken[u[n].end - 1])
			u[n].end--;
		n++;
	}
	free(taken);
	*out = u;
	return n;
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

const struct vocab *
faq_phrase(const struct faq_index *ix, const char *p)
{
	size_t lo = 0, hi = ix->nphrase, mid;
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
	return NULL;
}

struct faq_index *
faq_index_new(const struct doc *d)
{
	struct faq_index *ix = xcalloc(1, sizeof(*ix));
	struct collect c;
	uint32_t e;
	size_t nsec;
	int f;

	memset(&c, 0, sizeof(c));
	ix->doc = d;
	ix->nfaq = d->nfaqs;
	nsec = find_sections(d, &ix->secs);
	ix->n = ix->nfaq + nsec;
	ix->stemmer = stem_new();
	c.flen = xcalloc(ix->n * F__MAX + 1, sizeof(*c.flen));
	ix->acr = xcalloc(ACRONYMS_MAX, sizeof(*ix->acr));
	ix->nacr = acronyms_find(d->text, d->text_len, ix->acr, ACRONYMS_MAX);
	phrase_set(&c, ix);
	rehash(&c);
	for (e = 0; e < ix->nfaq; e++)
		collect_entry(&c, d, e);
	for (e = 0; e < nsec; e++)
		collect_section(&c, d, (uint32_t)ix->nfaq + e, &ix->secs[e]);
	sort_words(ix, &c);
	build_postings(ix, &c);
	split_phrases(ix);
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
	if (ix == NULL)
		return;
	free(ix->pool);
	free(ix->vocab);
	free(ix->post);
	free(ix->flen);
	free(ix->secs);
	free(ix->phrase);
	free(ix->acr);
	stem_free(ix->stemmer);
	free(ix);
}
