/*
 * The quick-answers view: state and keys.  Every key typed re-ranks the
 * questions (faq_query); the list shows the best first; Enter opens the
 * answer, g goes to the question in the article.  When no question
 * matches, full-text hits of the article are offered instead, and Enter
 * goes to one.  Drawing is in answers_draw.c.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/answers.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/search.h"
#include "quire/util.h"
#include "quire/view.h"

/* The fallback: lines of the article holding the query, or its words. */
static void
fallback(struct answers_view *v)
{
	char word[PROMPT_MAX] = "";
	const char *p, *q;
	size_t i, n, best = 0;

	search_free(v->text);
	v->text = NULL;
	v->nlines = 0;
	v->list.n = v->nhits;
	if (v->query.len == 0 || v->nhits > 0)
		return;
	v->text = search_new(v->lay, v->query.buf);
	if (search_count(v->text) == 0) {
		/* The whole query is not there: try its longest word. */
		for (p = v->query.buf; *p; p = q) {
			while (*p == ' ')
				p++;
			for (q = p; *q && *q != ' '; q++)
				;
			if ((size_t)(q - p) > best && (size_t)(q - p) >= 3) {
				best = (size_t)(q - p);
				memcpy(word, p, best);
				word[best] = '\0';
			}
		}
		if (best > 0 && best < v->query.len) {
			search_free(v->text);
			v->text = search_new(v->lay, word);
		}
	}
	n = search_count(v->text);
	for (i = 0; i < n && v->nlines < FAQ_FALLBACK; i++) {
		size_t line = search_match(v->text, i)->line;

		if (v->nlines == 0 || v->lines[v->nlines - 1] != line)
			v->lines[v->nlines++] = line;
	}
	v->list.n = v->nlines;
}

/* Rank again after the query changed. */
static void
rerank(struct answers_view *v)
{
	v->nhits = faq_query(v->ix, v->query.buf, v->hits, v->doc->nfaqs);
	v->list.sel = v->list.top = 0;
	fallback(v);
}

void
answers_open(struct answers_view *v, const struct doc *doc,
    const struct faq_index *ix, const struct layout *lay, int lay_flags)
{
	memset(v, 0, sizeof(*v));
	v->doc = doc;
	v->ix = ix;
	v->lay = lay;
	v->lay_flags = lay_flags;
	v->hits = xcalloc(doc->nfaqs + 1, sizeof(*v->hits));
	v->lines = xcalloc(FAQ_FALLBACK, sizeof(*v->lines));
	prompt_open(&v->query, "Ask: ");
	rerank(v);
}

void
answers_relayout(struct answers_view *v, const struct layout *lay)
{
	v->lay = lay;
	v->awidth = 0;
	fallback(v);
	if (v->list.sel >= v->nlines && v->nhits == 0)
		v->list.sel = 0;
}

/* Drop the answer's layouts. */
static void
close_answer(struct answers_view *v)
{
	layout_free(v->alay);
	layout_free(v->slay);
	v->alay = v->slay = NULL;
	v->answer = 0;
}

void
answers_free(struct answers_view *v)
{
	close_answer(v);
	search_free(v->text);
	free(v->hits);
	free(v->lines);
	prompt_free(&v->query);
	memset(v, 0, sizeof(*v));
}

/* Close the view on the pager at the question of the selected hit. */
static struct view_result
go_question(struct answers_view *v, struct pager *p)
{
	uint32_t b = v->doc->faqs[v->hits[v->list.sel].faq].q_block;

	pager_need_all(p);
	nav_jump(p, layout_line_of_block(p->lay, b));
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
	size_t line;
	enum action a;

	if (v->answer)
		return answer_key(v, p, key, rows);
	a = keymap_lookup(VIEW_FAQ, key);
	switch (a) {
	case ACT_LINE_DOWN:
		listview_move(&v->list, 1);
		return stay;
	case ACT_LINE_UP:
		listview_move(&v->list, -1);
		return stay;
	case ACT_PAGE_DOWN:
		listview_move(&v->list, rows / 2);
		return stay;
	case ACT_PAGE_UP:
		listview_move(&v->list, -rows / 2);
		return stay;
	case ACT_SELECT:
		if (v->nhits > 0) {
			v->answer = 1;
			v->atop = 0;
			v->awidth = 0;
		} else if (v->nlines > 0) {
			line = v->lines[v->list.sel];
			nav_jump(p, line > 2 ? line - 2 : 0);
			return view_result(VR_CLOSE);
		}
		return stay;
	case ACT_GO_SECTION:
		if (v->nhits > 0)
			return go_question(v, p);
		return stay;
	case ACT_CLOSE: /* Ctrl-C */
		return view_result(VR_CLOSE);
	case ACT_CLEAR:
		if (v->query.len == 0)
			return view_result(VR_CLOSE);
		v->query.len = 0;
		v->query.buf[0] = '\0';
		rerank(v);
		return stay;
	default:
		break;
	}
	/* Everything else edits the question. */
	if (prompt_key(&v->query, key) == PROMPT_CANCEL && v->query.len == 0 &&
	    keymap_lookup(VIEW_PROMPT, key) == ACT_CLOSE)
		return view_result(VR_CLOSE);
	v->query.active = 1;
	rerank(v);
	return stay;
}

static void *
answers_view_open(struct view_ctx *c, struct view_arg arg)
{
	struct answers_view *v = xmalloc(sizeof(*v));
	struct pager *p = c->pager;

	(void)arg;
	if (c->faq_index == NULL)
		c->faq_index = faq_index_new(p->doc);
	answers_open(v, p->doc, c->faq_index, p->lay, p->lay_flags);
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
	answers_draw(st, c->pager->rows, c->pager->cols);
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
