/*
 * A query's related words from two sources of the document's kind: the
 * documentation thesaurus (related_words.txt, compiled into tables by
 * related_gen.py), of whose groups a term takes the members the document
 * has, as words or phrases; and the acronyms the document spells out
 * (acronym.c), which relate an acronym and its words both ways; the
 * other groups on the topic of a phrase of the thesaurus the query says,
 * when nothing else is found (faq_topics); and the shape of a block a
 * query asks for, a table or code (faq_shapes).
 */
#include <stdlib.h>
#include <string.h>

#include "quire/util.h"
#include "faq_index.h"
#include "related.h"
#include "words.h"

#define STEM_FORMS 16   /* members starting with a term's stem looked at */
#define QUERY_PHRASE 6  /* words of a query phrase, at most */
#define TOPIC_GROUPS 8  /* groups of a term whose topics are looked at */

/* The first of the sorted members not before the LEN bytes at P. */
static size_t
member_lower(const char *p, size_t len)
{
	size_t lo = 0, hi = related_nmembers, mid;
	const char *m;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		m = related_member[related_sorted[mid]];
		c = strncmp(m, p, len);
		if (c == 0 && m[len] != '\0')
			c = 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
faq_stem_form(const struct faq_index *ix, const struct stem *st)
{
	size_t lo = faq_vocab_from(ix, st->s, st->len), k;
	const struct vocab *v;

	for (k = lo; k < ix->nvocab && k < lo + STEM_FORMS; k++) {
		v = &ix->vocab[k];
		if (v->len < st->len || memcmp(ix->pool + v->off, st->s,
		    st->len) != 0)
			break;
		if (v->stem_len == st->len &&
		    memcmp(ix->pool + v->stem, st->s, st->len) == 0)
			return 1;
	}
	return 0;
}

/* Whether IX has the word of LEN bytes at W, or one of the same stem ST
 * that W begins ("scheme" for "schemes"), or that begins with the stem
 * ("track" or "tracked" for "tracking"). */
static int
has_word(const struct faq_index *ix, const char *w, size_t len,
    const struct stem *st)
{
	size_t lo = faq_vocab_from(ix, w, len), k;
	const struct vocab *v;

	if (st->len > 0 && st->len < len && memcmp(w, st->s, st->len) == 0 &&
	    faq_stem_form(ix, st))
		return 1;

	for (k = lo; k < ix->nvocab && k < lo + STEM_FORMS; k++) {
		v = &ix->vocab[k];
		if (v->len < len || memcmp(ix->pool + v->off, w, len) != 0)
			break;
		if (v->len == len || (st->len > 0 && v->stem_len == st->len &&
		    memcmp(ix->pool + v->stem, st->s, st->len) == 0))
			return 1;
	}
	return 0;
}

/* Whether IX has member M of the thesaurus: its word, or its phrase. */
static int
has_member(const struct faq_index *ix, const char *m)
{
	struct stem st;

	if (strchr(m, ' ') != NULL)
		return faq_phrase(ix, m) != NULL;
	word_stem(ix->stemmer, m, strlen(m), &st);
	return has_word(ix, m, strlen(m), &st);
}

/* Give term E the members IX has of group G but member SELF; PHRASE:
 * SELF is a phrase the query says, and the members that are phrases are
 * REL_PHRASE. */
static void
take_group(const struct faq_index *ix, struct term *e, size_t g, size_t self,
    int phrase, size_t *taken)
{
	size_t m;
	const char *w;

	for (m = related_group_first[g]; m < related_group_first[g + 1] &&
	    *taken < LISTED_MAX; m++) {
		w = related_member[m];
		if (m != self && has_member(ix, w))
			*taken += (size_t)term_relate(ix->stemmer, e, w,
			    phrase && strchr(w, ' ') != NULL ? REL_PHRASE :
			    REL_LISTED);
	}
}

/* Give term E the groups of its word, or of a one-word member of its
 * stem ("installing": "install"). */
static void
relate_word(const struct faq_index *ix, struct term *e, size_t *taken)
{
	size_t k, m, looked, pl;
	struct stem st;
	const char *w;

	for (k = member_lower(e->w, e->len); k < related_nmembers &&
	    strcmp(related_member[related_sorted[k]], e->w) == 0; k++) {
		m = related_sorted[k];
		take_group(ix, e, related_group_of[m], m, 0, taken);
	}
	if (e->stem.len == 0)
		return;
	/* the stem's last letter may be a member's other spelling of it
	 * ("companies", "compani": "company") */
	pl = e->stem.len > 3 ? e->stem.len - 1 : e->stem.len;
	for (k = member_lower(e->stem.s, pl), looked = 0;
	    k < related_nmembers && looked < STEM_FORMS; k++, looked++) {
		m = related_sorted[k];
		w = related_member[m];
		if (strncmp(w, e->stem.s, pl) != 0)
			break;
		if (strcmp(w, e->w) == 0 || strchr(w, ' ') != NULL)
			continue;
		word_stem(ix->stemmer, w, strlen(w), &st);
		if (st.len == e->stem.len && memcmp(st.s, e->stem.s,
		    st.len) == 0)
			take_group(ix, e, related_group_of[m], m, 0, taken);
	}
}

/* The term of T for folded word W, if it is one to relate. */
static struct term *
term_of(struct terms *t, const char *w)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->t[i].w, w) == 0)
			return t->t[i].implied ? NULL : &t->t[i];
	return NULL;
}

/* Whether folded word W is a term of T marked common (a query with other
 * words); a query of common words alone has them as its terms. */
static int
term_of_stop(struct terms *t, const char *w)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->t[i].w, w) == 0)
			return t->t[i].stop;
	return 1;
}

/* The N words at W joined by one space into P; its length, 0 when it
 * does not fit. */
static size_t
phrase_of(char w[][SYN_LEN], size_t n, char p[SYN_LEN])
{
	size_t k, pl = 0, len;

	for (k = 0; k < n; k++) {
		len = strlen(w[k]);
		if (pl + len + 1 >= SYN_LEN)
			return 0;
		if (k > 0)
			p[pl++] = ' ';
		memcpy(p + pl, w[k], len + 1);
		pl += len;
	}
	return pl;
}

/* The phrase of the N query words at W (folded, N >= 2): a member of
 * the thesaurus gives its group to every term of the phrase that is not
 * a common word (the phrase found stands for all its words), its phrases
 * as REL_PHRASE; an acronym's words give the acronym to the first; TAKEN
 * counts per term. */
static void
relate_phrase(const struct faq_index *ix, struct terms *t,
    char w[][SYN_LEN], size_t n, size_t *taken)
{
	char p[SYN_LEN];
	struct term *e = NULL;
	size_t k, i, pl;

	for (i = 0; i < n && e == NULL; i++)
		if (!word_is_stop(w[i]) || !term_of_stop(t, w[i]))
			e = term_of(t, w[i]);
	if (e == NULL || (pl = phrase_of(w, n, p)) == 0)
		return;
	for (i = 0; i < ix->nacr; i++)
		if (strcmp(ix->acr[i].exp, p) == 0)
			term_relate(ix->stemmer, e, ix->acr[i].acr, REL_CLOSE);
	for (i = member_lower(p, pl); i < related_nmembers &&
	    strcmp(related_member[related_sorted[i]], p) == 0; i++)
		for (k = 0; k < n; k++)
			if ((!word_is_stop(w[k]) || !term_of_stop(t, w[k])) &&
			    (e = term_of(t, w[k])) != NULL)
				take_group(ix, e, related_group_of[related_sorted[i]],
				    related_sorted[i], 1, &taken[e - t->t]);
}

/* Whether phrase P holds the words of W at word boundaries. */
static int
holds(const char *p, const char *w)
{
	size_t pl = strlen(p), wl = strlen(w);
	const char *at;

	for (at = p; wl < pl && (at = strstr(at, w)) != NULL; at++)
		if ((at == p || at[-1] == ' ') && (at[wl] == ' ' ||
		    at[wl] == '\0'))
			return 1;
	return 0;
}

/* The last QUERY_PHRASE words of a query, read word by word: the
 * phrases that end at the word read last. */
struct window {
	char w[QUERY_PHRASE][SYN_LEN];
	size_t n;
};

/* Add the word IT read to WIN: 0 if it is too long for any phrase (the
 * window then starts afresh after it). */
static int
window_push(struct window *win, const struct words *it)
{
	if (win->n == QUERY_PHRASE) {
		memmove(win->w, win->w + 1, sizeof(win->w[0]) * (win->n - 1));
		win->n--;
	}
	if (it->w.len >= SYN_LEN) {
		win->n = 0;
		return 0;
	}
	memcpy(win->w[win->n++], it->w.data, it->w.len + 1);
	return 1;
}

/* Drop the related words of E that a longer one holds ("committee" and
 * "steering committee" beside "technical steering committee"): the
 * document's words would count twice. */
static void
drop_nested(struct term *e)
{
	size_t i, j, n = 0;

	for (i = 0; i < e->nrel; i++) {
		for (j = 0; j < e->nrel; j++)
			if (j != i && holds(e->rel[j], e->rel[i]))
				break;
		if (j < e->nrel)
			continue;
		if (n != i) {
			memcpy(e->rel[n], e->rel[i], sizeof(e->rel[n]));
			e->rel_stem[n] = e->rel_stem[i];
			e->rel_kind[n] = e->rel_kind[i];
		}
		n++;
	}
	e->nrel = n;
}

void
faq_related(const struct faq_index *ix, const char *query, struct terms *t)
{
	struct window win = { .n = 0 };
	size_t *taken, i, k;
	struct words it;
	struct term *e;

	if (t->n == 0)
		return;
	taken = xcalloc(t->n, sizeof(*taken));
	for (i = 0; i < t->n; i++) {
		e = &t->t[i];
		if (e->stop || e->implied)
			continue;
		for (k = 0; k < ix->nacr; k++)
			if (strcmp(ix->acr[k].acr, e->w) == 0 &&
			    faq_phrase(ix, ix->acr[k].exp) != NULL)
				term_relate(ix->stemmer, e, ix->acr[k].exp,
				    REL_CLOSE);
		relate_word(ix, e, &taken[i]);
	}
	/* every phrase of the query: the runs of words ending at each */
	words_init(&it, query, strlen(query));
	while (words_next(&it)) {
		if (!window_push(&win, &it))
			continue;
		for (k = 0; k + 1 < win.n; k++)
			relate_phrase(ix, t, win.w + k, win.n - k, taken);
	}
	words_free(&it);
	free(taken);
	for (i = 0; i < t->n; i++)
		drop_nested(&t->t[i]);
}

/* The words that ask for a block's shape, folded, and the shape. */
static const struct {
	const char *w, *shape;
} shape_words[] = {
	{ "chart", SHAPE_TABLE }, { "charts", SHAPE_TABLE },
	{ "example", SHAPE_CODE }, { "examples", SHAPE_CODE },
	{ "grid", SHAPE_TABLE }, { "matrices", SHAPE_TABLE },
	{ "matrix", SHAPE_TABLE }, { "sample", SHAPE_CODE },
	{ "samples", SHAPE_CODE }, { "snippet", SHAPE_CODE },
	{ "snippets", SHAPE_CODE }, { "table", SHAPE_TABLE },
	{ "tables", SHAPE_TABLE }, { "tabular", SHAPE_TABLE },
};

/* Give term E shape SHAPE, if IX has it. */
static void
give_shape(const struct faq_index *ix, struct term *e, const char *shape)
{
	if (faq_phrase(ix, shape) != NULL)
		term_relate(ix->stemmer, e, shape, REL_WIDE);
}

void
faq_shapes(const struct faq_index *ix, const char *query, struct terms *t)
{
	char prev[2][SYN_LEN];
	struct words it;
	struct term *e;
	size_t i, k, n = 0;

	for (i = 0; i < t->n; i++)
		for (k = 0; k < NELEM(shape_words) && !t->t[i].stop &&
		    !t->t[i].implied; k++)
			if (strcmp(t->t[i].w, shape_words[k].w) == 0)
				give_shape(ix, &t->t[i], shape_words[k].shape);
	/* "side by side": a table */
	words_init(&it, query, strlen(query));
	while (words_next(&it)) {
		if (n >= 2 && strcmp(prev[(n - 2) % 2], "side") == 0 &&
		    strcmp(prev[(n - 1) % 2], "by") == 0 &&
		    strcmp(it.w.data, "side") == 0 &&
		    (e = term_of(t, "side")) != NULL)
			give_shape(ix, e, SHAPE_TABLE);
		if (it.w.len >= SYN_LEN)
			it.w.data[0] = '\0', it.w.len = 0;
		memcpy(prev[n++ % 2], it.w.data, it.w.len + 1);
	}
	words_free(&it);
}

/* Whether group G is one of the N groups at GS. */
static int
in_groups(const uint16_t *gs, size_t n, size_t g)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (gs[i] == g)
			return 1;
	return 0;
}

/* Add group G to the N groups at GS (at most TOPIC_GROUPS), once. */
static void
add_group(uint16_t *gs, size_t *n, size_t g)
{
	if (!in_groups(gs, *n, g) && *n < TOPIC_GROUPS)
		gs[(*n)++] = (uint16_t)g;
}

/* Give term E the members IX has of the other groups on the topics of
 * its groups GS (N of them), as wider words. */
static void
take_topics(const struct faq_index *ix, struct term *e, const uint16_t *gs,
    size_t n)
{
	size_t i, g, m, taken = 0;

	for (i = 0; i < n; i++)
		for (g = 0; g < related_ngroups && taken < LISTED_MAX; g++) {
			if (related_group_topic[g] !=
			    related_group_topic[gs[i]] || in_groups(gs, n, g))
				continue;
			for (m = related_group_first[g]; taken < LISTED_MAX &&
			    m < related_group_first[g + 1]; m++)
				if (has_member(ix, related_member[m]))
					taken += (size_t)term_relate(
					    ix->stemmer, e, related_member[m],
					    REL_WIDE);
		}
}

void
faq_topics(const struct faq_index *ix, const char *query, struct terms *t)
{
	struct window win = { .n = 0 };
	char p[SYN_LEN];
	uint16_t *gs;
	size_t *ng, i, k, j, m, g, pl;
	struct words it;
	struct term *e;

	if (t->n == 0)
		return;
	gs = xcalloc(t->n * TOPIC_GROUPS, sizeof(*gs));
	ng = xcalloc(t->n, sizeof(*ng));
	words_init(&it, query, strlen(query));
	while (words_next(&it)) {
		if (!window_push(&win, &it))
			continue;
		for (k = 0; k + 1 < win.n; k++) {
			if ((pl = phrase_of(win.w + k, win.n - k, p)) == 0)
				continue;
			for (m = member_lower(p, pl); m < related_nmembers &&
			    strcmp(related_member[related_sorted[m]], p) == 0;
			    m++) {
				g = related_group_of[related_sorted[m]];
				for (j = k; j < win.n; j++) {
					if (word_is_stop(win.w[j]) ||
					    (e = term_of(t, win.w[j])) == NULL)
						continue;
					i = (size_t)(e - t->t);
					add_group(gs + i * TOPIC_GROUPS, &ng[i],
					    g);
				}
			}
		}
	}
	words_free(&it);
	for (i = 0; i < t->n; i++)
		take_topics(ix, &t->t[i], gs + i * TOPIC_GROUPS, ng[i]);
	free(gs);
	free(ng);
}
