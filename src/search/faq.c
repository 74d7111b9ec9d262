/*
 * FAQ search: BM25F ranking of the entries for a query (the words of a
 * text to highlight are faq_marks.c, the plain-text report faq_print.c).  A query
 * term is checked against each vocabulary word of the index
 * (faq_index.c) once -- exact, prefix or typo, see words.h -- and the
 * postings of the words it matches give its weighted frequency in each
 * field of each entry.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/faq.h"
#include "quire/util.h"
#include "faq_index.h"
#include "words.h"

/* How much a word found in each field counts: an entry's question, short
 * answer, answer and context, a section's title, text, table cells
 * and list items that are no sentences (terse, a summary of what prose
 * says more fully), and context. */
static const double field_weight[] = {
	3.0, 2.0, 1.0, 0.5, 2.0, 0.8, 0.5, 0.5
};
_Static_assert(NELEM(field_weight) == F__MAX, "every field has a weight");
/* How much a match of each kind counts: the reader's own word most, a
 * word of the documentation thesaurus between WordNet's close and wider
 * words; a phrase of it that a phrase of the query gives, near the
 * reader's own (rel_match), though neither counts as the reader's word
 * found. */
static const double match_weight[] = {
	0.0, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9, 1.0
};
_Static_assert(NELEM(match_weight) == MATCH__MAX,
    "every match kind has a weight");

#define BM25_K1 1.2      /* term frequency saturation */
#define BM25_B 0.75      /* length normalisation */
#define BM25_B_LONG 0.5  /* the same for long texts, whose lengths vary
                            most: an answer, a section's text */
#define QUESTION_BONUS 0.5  /* times idf, for a term found in the question */
#define ALL_BONUS 0.35   /* times the terms' idf, for a unit with them all */
#define NEAR_BONUS 0.4   /* times idf, for two terms close together */
#define COVER_BONUS 0.5 /* times the idf found, for a title all matched */
#define NEAR 3           /* words apart, at most, to be close */
#define ENTITY_WEIGHT 0.5 /* a word of the document's title, with others */
#define STOP_WEIGHT 0.25 /* a common word's weight, in questions alone */
#define STOP_SHARE 0.25   /* common words' score, at most, times the rest */
#define RESCORE 48       /* best units looked at word by word */
#define SECTION_FACTOR 0.85 /* a section's score, so questions lead when
                               they fit about as well */
#define SCAN_MAX 512     /* words of a block looked at for nearness */

/* Per-query scratch, one slot per unit. */
struct scratch {
	double *score;
	double *stop;           /* the part of it from stop words */
	double *tf;             /* n * F__MAX: weighted matches of a term */
	double *qbest;          /* best match of a term in the question */
	double *wbest;          /* best match of a term in the unit */
	uint32_t *matched;      /* terms matched, of the reader's (not a
	                           word a comparison implies) */
	unsigned char *own;     /* a term matched by more than the
	                           documentation thesaurus's words: those
	                           add to a unit's score, but never count as
	                           the reader's word found */
	double *idf;            /* per term */
};

/* The match of T with vocabulary word VC of IX. */
static enum match
vocab_match(const struct faq_index *ix, const struct term *t,
    const struct vocab *vc)
{
	return term_match(t, ix->pool + vc->off, vc->len, ix->pool + vc->stem,
	    vc->stem_len);
}

/* Add the postings of VC, each occurrence weighing W, into X; OWN: as
 * the term found (not a word of the documentation thesaurus). */
static void
add_postings(const struct faq_index *ix, const struct vocab *vc, double w,
    int own, struct scratch *x)
{
	size_t k;

	for (k = vc->post; k < vc->post + vc->npost; k++) {
		const struct posting *p = &ix->post[k];

		if (own)
			x->own[p->faq] = 1;
		if (w > x->wbest[p->faq])
			x->wbest[p->faq] = w;
		x->tf[p->faq * F__MAX + p->field] += w * p->count;
		if ((p->field == F_QUESTION || p->field == F_TITLE) &&
		    w > x->qbest[p->faq])
			x->qbest[p->faq] = w;
	}
}

/* Whether T is a word of IX's vocabulary, whole. */
static int
term_whole(const struct faq_index *ix, const struct term *t)
{
	size_t k = faq_vocab_from(ix, t->w, t->len);

	return k < ix->nvocab && ix->vocab[k].len == t->len &&
	    memcmp(ix->pool + ix->vocab[k].off, t->w, t->len) == 0;
}

/* Add up the matches of term T per unit and field into X: the words it
 * matches, and its related phrases.  A prefix is for a word not typed
 * whole: when the document has T whole, a longer word it begins is most
 * often another word ("cons": "consider") or one derived ("safe":
 * "safety"), and counts as a wider word does. */
static void
term_freqs(const struct faq_index *ix, const struct term *t,
    struct scratch *x)
{
	const struct vocab *vc;
	size_t v;
	enum match m;
	int whole = term_whole(ix, t);

	memset(x->tf, 0, ix->n * F__MAX * sizeof(*x->tf));
	memset(x->qbest, 0, ix->n * sizeof(*x->qbest));
	memset(x->wbest, 0, ix->n * sizeof(*x->wbest));
	memset(x->own, 0, ix->n);
	for (v = 0; v < ix->nvocab; v++) {
		vc = &ix->vocab[v];
		m = vocab_match(ix, t, vc);
		if (m == MATCH_PREFIX && whole)
			m = MATCH_WIDE;
		if (m != MATCH_NONE)
			add_postings(ix, vc, match_weight[m], m != MATCH_LISTED,
			    x);
	}
	for (v = 0; v < t->nrel; v++)
		if (strchr(t->rel[v], ' ') != NULL &&
		    (vc = faq_phrase(ix, t->rel[v])) != NULL)
			add_postings(ix, vc,
			    match_weight[rel_match(t->rel_kind[v])],
			    t->rel_kind[v] == REL_CLOSE ||
			    t->rel_kind[v] == REL_WIDE, x);
}

/* The natural logarithm of X > 0 (the core library does not link libm). */
static double
natural_log(double x)
{
	double k = 0, y, y2, term, sum = 0;
	int i;

	while (x > 2)
		x /= 2, k++;
	while (x < 1)
		x *= 2, k--;
	/* ln x = 2 atanh y, y = (x - 1) / (x + 1), |y| <= 1/3 */
	y = (x - 1) / (x + 1);
	y2 = y * y;
	term = y;
	for (i = 1; i < 40; i += 2) {
		sum += term / i;
		term *= y2;
	}
	return 2 * sum + k * 0.69314718055994530942;
}

/* Score term T into X->score over units [0, N); return its idf (0 if it
 * matches nothing).  The units it is found in count as much as its best
 * match in each: one found by a wider word or the thesaurus's alone
 * counts a fifth or so of one, so a weak word of many units does not
 * make the term common ("compilation", "build"). */
static double
score_term(const struct faq_index *ix, size_t n, const struct term *t,
    struct scratch *x)
{
	size_t e;
	double idf, tf, norm, b, nq = 0;
	int f;

	term_freqs(ix, t, x);
	if (t->stop)
		for (e = 0; e < n; e++)
			for (f = 0; f < F__MAX; f++)
				x->tf[e * F__MAX + f] *= f == F_QUESTION ||
				    f == F_TITLE ? STOP_WEIGHT : 0;
	for (e = 0; e < n; e++)
		for (f = 0; f < F__MAX; f++)
			if (x->tf[e * F__MAX + f] > 0) {
				nq += x->wbest[e];
				break;
			}
	if (nq == 0)
		return 0;
	idf = natural_log(1 + ((double)n - nq + 0.5) / (nq + 0.5));
	for (e = 0; e < n; e++) {
		tf = 0;
		for (f = 0; f < F__MAX; f++) {
			b = f == F_TEXT || f == F_ANSWER || f == F_TABLE ?
			    BM25_B_LONG : BM25_B;
			norm = ix->avg[f] > 0 ? 1 - b + b *
			    ix->flen[e * F__MAX + f] / ix->avg[f] : 1;
			tf += field_weight[f] * x->tf[e * F__MAX + f] / norm;
		}
		if (tf == 0)
			continue;
		if (t->stop) {
			x->stop[e] += idf * tf * (BM25_K1 + 1) / (tf + BM25_K1);
			continue;
		}
		x->score[e] += (t->entity ? ENTITY_WEIGHT : 1) * (idf * tf *
		    (BM25_K1 + 1) / (tf + BM25_K1) + QUESTION_BONUS * idf *
		    x->qbest[e]);
		if (!t->implied)
			x->matched[e] += x->own[e];
	}
	return t->stop ? 0 : idf;
}

/* Order hits by score, best first, then by article order. */
static int
hit_cmp(const void *a, const void *b)
{
	const struct faq_hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->section != y->section)
		return (x->section > y->section) - (x->section < y->section);
	return (x->faq > y->faq) - (x->faq < y->faq);
}

/* What a text holds of a query's terms. */
struct fit {
	double sum;     /* the weighted idf of the terms found, each once */
	double near;    /* a bonus for two terms found close together */
	size_t words;   /* its words that are not stop words */
	size_t hit;     /* those a term of the query matches */
};

/* What the words of LEN bytes at S hold of the terms T (idf IDF). */
static struct fit
text_fit(const struct faq_index *ix, const struct terms *t, const double *idf,
    const char *s, size_t len)
{
	struct fit r = { 0, 0, 0, 0 };
	double best[64] = { 0 };
	long last[64];
	struct words it;
	struct stem st;
	size_t i, k, nw = 0;
	unsigned char pair[64][64];
	enum match m, bm;
	size_t bi;
	int stop;

	if (t->n > 64)
		return r;
	memset(pair, 0, sizeof(pair));
	for (i = 0; i < t->n; i++)
		last[i] = -1000;
	words_init(&it, s, len);
	while (words_next(&it) && nw < SCAN_MAX) {
		word_stem(ix->stemmer, it.w.data, it.w.len, &st);
		stop = word_is_stop(it.w.data);
		r.words += !stop;
		bm = MATCH_NONE, bi = 0;
		for (i = 0; i < t->n; i++) {
			m = term_match(&t->t[i], it.w.data, it.w.len, st.s, st.len);
			if (m > bm)
				bm = m, bi = i;
		}
		if (bm != MATCH_NONE) {
			r.hit += !stop && !t->t[bi].stop;
			if (match_weight[bm] * idf[bi] > best[bi])
				best[bi] = match_weight[bm] * idf[bi];
			for (k = 0; k < t->n; k++)
				if (k != bi && !pair[bi][k] &&
				    (long)nw - last[k] <= NEAR) {
					pair[bi][k] = pair[k][bi] = 1;
					r.near += NEAR_BONUS * (idf[bi] < idf[k] ?
					    idf[bi] : idf[k]);
				}
			last[bi] = (long)nw;
		}
		nw++;
	}
	words_free(&it);
	for (i = 0; i < t->n; i++)
		r.sum += best[i];
	return r;
}

/* A bonus for a question or title F whose words the query all has, and
 * that has the query's: what was asked, said the reader's way ("breaking
 * changes" is the title "Breaking changes" more than "Unintended breaking
 * changes"; "is go good for cli tools" is not "The Good").  ALL is the
 * idf of the query's terms. */
static double
cover_bonus(const struct fit *f, double all)
{
	double c;

	if (f->words == 0 || f->hit == 0 || all <= 0)
		return 0;
	c = (double)(f->hit < f->words ? f->hit : f->words) / (double)f->words;
	return COVER_BONUS * f->sum * c * c * (f->sum < all ? f->sum / all : 1);
}

/* The text of block B of D, tables aside (their cells are not one run). */
static int
block_span(const struct doc *d, uint32_t b, const char **s, size_t *len)
{
	uint32_t off, n;

	if (d->blocks[b].kind == BLOCK_TABLE)
		return 0;
	doc_block_text(d, b, &off, &n);
	*s = d->text + off;
	*len = n;
	return 1;
}

/* Look at hit H word by word: add the nearness of its words to its
 * score, and for a section choose its best block. */
static void
rescore(const struct faq_index *ix, const struct terms *t, const double *idf,
    double all, struct faq_hit *h)
{
	const struct doc *d = ix->doc;
	const struct unit_sec *us;
	const struct section *sec;
	const char *s;
	size_t len, label;
	struct fit tf, bf;
	double best, best_near, cover;
	uint32_t b;

	if (h->faq != DOC_NONE) {
		const struct faq *f = &d->faqs[h->faq];

		tf = text_fit(ix, t, idf, d->text + f->q_off, f->q_len);
		h->score += tf.near + cover_bonus(&tf, all);
		return;
	}
	us = &ix->secs[h->unit - ix->nfaq];
	sec = &d->sections[us->section];
	label = doc_title_label(d->text + sec->title, sec->title_len);
	tf = text_fit(ix, t, idf, d->text + sec->title + label,
	    sec->title_len - label);
	best = tf.sum + tf.near;
	best_near = tf.near;
	cover = cover_bonus(&tf, all) * SECTION_FACTOR;
	for (b = us->first; b < us->end; b++) {
		if (!block_span(d, b, &s, &len) || faq_toc_line(d, b))
			continue;
		bf = text_fit(ix, t, idf, s, len);
		/* a paragraph as good as the title: it says more */
		if (bf.sum > 0 && bf.sum + bf.near >= best) {
			best = bf.sum + bf.near;
			best_near = bf.near;
			h->block = b;
		}
	}
	h->score += best_near + cover;
}

/*
 * Mark the terms that name what the document is about -- words of its
 * title ("rust", "go" in "Difference between Rust and Go") -- when the
 * query has other words: those say what is asked about them.
 */
static void
mark_entities(const struct faq_index *ix, struct terms *t)
{
	const struct doc *d = ix->doc;
	const struct section *s;
	struct words it;
	struct stem st;
	size_t i, other = 0;

	if (d->title == DOC_NONE)
		return;
	s = &d->sections[d->title];
	words_init(&it, d->text + s->title, s->title_len);
	while (words_next(&it)) {
		word_stem(ix->stemmer, it.w.data, it.w.len, &st);
		for (i = 0; i < t->n; i++)
			if (!t->t[i].stop && !t->t[i].implied &&
			    term_match(&t->t[i], it.w.data, it.w.len, st.s,
			    st.len) >= MATCH_STEM)
				t->t[i].entity = 1;
	}
	words_free(&it);
	for (i = 0; i < t->n; i++)
		other += !t->t[i].stop && !t->t[i].entity;
	if (other == 0)
		for (i = 0; i < t->n; i++)
			t->t[i].entity = 0;
}

size_t
faq_rank(const struct faq_index *ix, const char *query, int sections,
    struct faq_hit *hits, size_t max)
{
	struct terms t;
	struct scratch x;
	struct faq_hit *all;
	size_t i, n = 0, units = sections ? ix->n : ix->nfaq, real = 0;
	double idf_sum = 0;
	char *whole;

	whole = faq_compounds(ix, query);
	terms_parse(ix->stemmer, whole != NULL ? whole : query, &t);
	free(whole);
	mark_entities(ix, &t);
	faq_pieces(ix, &t);
	faq_related(ix, query, &t);
	faq_shapes(ix, query, &t);
	if (t.n == 0) {
		for (i = 0; i < ix->nfaq && i < max; i++) {
			hits[i].faq = hits[i].unit = (uint32_t)i;
			hits[i].section = ix->doc->faqs[i].section;
			hits[i].block = DOC_NONE;
			hits[i].score = 0;
		}
		terms_free(&t);
		return i;
	}
	x.score = xcalloc(ix->n + 1, sizeof(*x.score));
	x.stop = xcalloc(ix->n + 1, sizeof(*x.stop));
	x.tf = xcalloc(ix->n * F__MAX + 1, sizeof(*x.tf));
	x.qbest = xcalloc(ix->n + 1, sizeof(*x.qbest));
	x.wbest = xcalloc(ix->n + 1, sizeof(*x.wbest));
	x.matched = xcalloc(ix->n + 1, sizeof(*x.matched));
	x.own = xcalloc(ix->n + 1, 1);
	x.idf = xcalloc(t.n + 1, sizeof(*x.idf));
	for (i = 0; i < t.n; i++) {
		x.idf[i] = score_term(ix, units, &t.t[i], &x);
		idf_sum += x.idf[i];
		real += !t.t[i].stop && !t.t[i].implied;
	}
	if (idf_sum == 0 && real > 0) {
		/* nothing found: the other groups on the topic of a
		 * thesaurus phrase it says ("open source": licensing) */
		memset(x.stop, 0, units * sizeof(*x.stop));
		faq_topics(ix, query, &t);
		for (i = 0; i < t.n; i++)
			idf_sum += x.idf[i] = score_term(ix, units, &t.t[i], &x);
	}
	all = xcalloc(units + 1, sizeof(*all));
	for (i = 0; i < units; i++) {
		if (x.matched[i] == 0 && x.score[i] <= 0)
			continue; /* found by listed words alone: kept */
		/* the common words tell the kind of question among those
		 * with the others, they do not outweigh them */
		x.score[i] += x.stop[i] < STOP_SHARE * x.score[i] ? x.stop[i] :
		    STOP_SHARE * x.score[i];
		if (real > 1 && x.matched[i] == real)
			x.score[i] += ALL_BONUS * idf_sum;
		all[n].unit = (uint32_t)i;
		if (i < ix->nfaq) {
			all[n].faq = (uint32_t)i;
			all[n].section = ix->doc->faqs[i].section;
		} else {
			all[n].faq = DOC_NONE;
			all[n].section = ix->secs[i - ix->nfaq].section;
			x.score[i] *= SECTION_FACTOR;
		}
		all[n].block = DOC_NONE;
		all[n++].score = x.score[i];
	}
	if (n > 1)
		qsort(all, n, sizeof(*all), hit_cmp);
	for (i = 0; i < n && i < RESCORE; i++)
		rescore(ix, &t, x.idf, idf_sum, &all[i]);
	if (n > 1)
		qsort(all, n < RESCORE ? n : RESCORE, sizeof(*all), hit_cmp);
	if (n > max)
		n = max;
	if (n > 0)
		memcpy(hits, all, n * sizeof(*hits));
	free(all);
	free(x.score);
	free(x.stop);
	free(x.tf);
	free(x.qbest);
	free(x.wbest);
	free(x.matched);
	free(x.own);
	free(x.idf);
	terms_free(&t);
	return n;
}

size_t
faq_query(const struct faq_index *ix, const char *query,
    struct faq_hit *hits, size_t max)
{
	return faq_rank(ix, query, 0, hits, max);
}
