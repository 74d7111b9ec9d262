/*
 * The quick-answers view: state and keys.  Every key typed ranks the
 * questions and the sections again (faq_rank); the list shows the best
 * first; Enter opens an answer, or goes to the paragraph of a section
 * found, its words highlighted as a search n and N go on with; g goes
 * to a question in the article, and Backspace there comes back to its
 * answer.  Drawing is in answers_draw.c.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/answers.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/search.h"
#include "quire/util.h"
#include "quire/view.h"

#define MAX_WORDS 16 /* words of a paragraph searched for after a jump */

/* Rank again after the query changed. */
static void
rerank(struct answers_view *v)
{
	v->nhits = faq_rank(v->ix, v->query.buf, 1, v->hits,
	    v->doc->nfaqs + v->doc->nsections);
	v->list.sel = v->list.top = 0;
	v->list.n = v->nhits;
}

void
answers_open(struct answers_view *v, const struct doc *doc,
    const struct faq_index *ix, const struct layout *lay, int lay_flags,
    uint32_t faq)
{
	memset(v, 0, sizeof(*v));
	v->doc = doc;
	v->ix = ix;
	v->lay = lay;
	v->lay_flags = lay_flags;
	v->hits = xcalloc(doc->nfaqs + doc->nsections + 1, sizeof(*v->hits));
	prompt_open(&v->query, "Ask: ");
	rerank(v);
	if (faq < doc->nfaqs && faq < v->nhits) { /* back to an answer */
		v->list.sel = faq;
		v->answer = 1;
	}
}

void
answers_relayout(struct answers_view *v, const struct layout *lay)
{
	v->lay = lay;
	v->awidth = 0;
}

/* Drop the answer's layouts. */
static void
close_answer(struct answers_view *v)
{
	layout_free(v->alay);
	v->alay = NULL;
	v->answer = 0;
}

void
answers_free(struct answers_view *v)
{
	close_answer(v);
	free(v->hits);
	prompt_free(&v->query);
	memset(v, 0, sizeof(*v));
}

/* Close the view on the pager at the question of the selected hit;
 * from an answer, Backspace in the pager comes back to it. */
static struct view_result
go_question(struct answers_view *v, struct pager *p)
{
	uint32_t f = v->hits[v->list.sel].faq;
	struct pos from;

	pager_need_all(p);
	from = pager_pos(p);
	if (v->answer) {
		from.table = POS_ANSWER;
		from.row = f;
	}
	nav_jump_from(p, layout_line_of_block(p->lay,
	    v->doc->faqs[f].q_block), from);
	return view_result(VR_CLOSE);
}

/* Add to PAT the spellings of the words of T (LEN bytes) that match the
 * query, each once, as alternatives. */
static void
add_words(const struct answers_view *v, struct buf *pat, const char *t,
    size_t len)
{
	struct faq_range r[MAX_WORDS];
	size_t n = faq_word_matches(v->ix, v->query.buf, t, len, r, MAX_WORDS),
	    i;
	char *w;

	for (i = 0; i < n && i < MAX_WORDS; i++) {
		if (pat->len + r[i].len + 2 >= PROMPT_MAX)
			return;
		w = xmalloc(r[i].len + 3);
		w[0] = '|';
		memcpy(w + 1, t + r[i].off, r[i].len);
		w[r[i].len + 1] = '|';
		w[r[i].len + 2] = '\0';
		buf_putc(pat, '\0'); /* NUL-terminated to search it */
		pat->len--;
		if (strstr(pat->data, w) == NULL) /* each spelling once */
			buf_put(pat, w + 1, r[i].len + 1);
		free(w);
	}
}

/* Add to PAT the words of block B that match the query. */
static void
add_block_words(const struct answers_view *v, struct buf *pat, uint32_t b)
{
	const struct doc *d = v->doc;
	const struct block *blk = &d->blocks[b];
	uint32_t off, len, i, r;

	if (blk->kind != BLOCK_TABLE) {
		doc_block_text(d, b, &off, &len);
		add_words(v, pat, d->text + off, len);
		return;
	}
	for (i = 0; i < d->tables[blk->aux].nrows * d->tables[blk->aux].ncols;
	    i++) {
		const struct cell *cl = &d->cells[d->tables[blk->aux].cell + i];

		for (r = cl->run; r < cl->run + cl->nruns; r++)
			add_words(v, pat, d->text + d->runs[r].off,
			    d->runs[r].len);
	}
}

/* Close the view on the pager at section hit H's paragraph (or its
 * heading), the words there that match the query the pager's search,
 * highlighted, so that n and N go on. */
static struct view_result
go_section(struct answers_view *v, struct pager *p, const struct faq_hit *h)
{
	const struct doc *d = v->doc;
	const struct section *sec = &d->sections[h->section];
	struct buf pat = { 0 };
	uint32_t b = h->block != DOC_NONE ? h->block : sec->block;

	pager_need_all(p);
	nav_jump_context(p, layout_line_of_block(p->lay, b), 2);
	buf_putc(&pat, '|');
	if (h->block != DOC_NONE)
		add_block_words(v, &pat, h->block);
	for (b = sec->block; b < sec->end && pat.len <= 1; b++)
		add_block_words(v, &pat, b);
	if (pat.len > 1) {
		pat.data[pat.len - 1] = '\0'; /* the last bar */
		pager_search(p, pat.data + 1, 0);
	}
	buf_free(&pat);
	return view_result(VR_CLOSE);
}

/* Keys while an answer is shown. */
static struct view_result
answer_key(struct answers_view *v, struct pager *p, int key, int rows)
{
	size_t page = rows > 6 ? (size_t)rows - 6 : 1;

	switch (keymap_lookup(VIEW_ANSWER, key)) {
	case ACT_LINE_DOWN:
		v->atop++;
		break;
	case ACT_LINE_UP:
		if (v->atop > 0)
			v->atop--;
		break;
	case ACT_PAGE_DOWN:
		v->atop += page;
		break;
	case ACT_PAGE_UP:
		v->atop = v->atop > page ? v->atop - page : 0;
		break;
	case ACT_GO_SECTION:
		return go_question(v, p);
	case ACT_CLOSE:
		close_answer(v);
		break;
	default:
		break;
	}
	return view_result(VR_STAY);
}

struct view_result
answers_key(struct answers_view *v, struct pager *p, int key, int rows)
{
	struct view_result stay = view_result(VR_STAY);
	enum action a;

	if (v->answer)
		return answer_key(v, p, key, rows);
	switch (listview_key(&v->list, &v->query, VIEW_FAQ, key,
	    rows > 3 ? (size_t)rows / 2 : 1, &a)) {
	case LIST_EDITED:
		rerank(v);
		break;
	case LIST_CHOSEN:
		if (v->list.sel >= v->nhits)
			break;
		if (v->hits[v->list.sel].faq == DOC_NONE)
			return go_section(v, p, &v->hits[v->list.sel]);
		v->answer = 1;
		v->atop = 0;
		v->awidth = 0;
		break;
	case LIST_CLOSED:
		return view_result(VR_CLOSE);
	case LIST_OTHER:
		if (a != ACT_GO_SECTION || v->list.sel >= v->nhits)
			break;
		if (v->hits[v->list.sel].faq == DOC_NONE)
			return go_section(v, p, &v->hits[v->list.sel]);
		return go_question(v, p);
		break;
	case LIST_MOVED:
		break;
	}
	return stay;
}

static void *
answers_view_open(struct view_ctx *c, struct view_arg arg)
{
	struct answers_view *v = xmalloc(sizeof(*v));
	struct pager *p = c->pager;

	if (c->faq_index == NULL)
		c->faq_index = faq_index_new(p->doc);
	answers_open(v, p->doc, c->faq_index, p->lay, p->lay_flags,
	    arg.table == POS_ANSWER ? arg.row : DOC_NONE);
	return v;
}

static struct view_result
answers_view_key(void *st, struct view_ctx *c, int key)
{
	return answers_key(st, c->pager, key, c->rows);
}

/* The pager was laid out again: full-text hits are lines of its layout. */
static void
answers_view_resize(void *st, struct view_ctx *c)
{
	answers_relayout(st, c->pager->lay);
}

static void
answers_view_draw(void *st, struct view_ctx *c)
{
	struct answers_view *v = st;

	int column = c->pager->full ? 0 : c->pager->column;

	if (v->column != column)
		v->awidth = 0; /* the answer is laid out again */
	v->column = column;
	answers_draw(v, c->pager->rows, c->pager->cols);
}

static void
answers_view_close(void *st)
{
	answers_free(st);
	free(st);
}

const struct view_ops answers_view_ops = {
	answers_view_open, answers_view_key, NULL, answers_view_resize,
	answers_view_draw, answers_view_close,
};
