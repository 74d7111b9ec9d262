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
#include "quire/search.h"
#include "quire/util.h"

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
}

/* Rank again after the query changed. */
static void
rerank(struct answers_view *v)
{
	v->nhits = faq_query(v->ix, v->query.buf, v->hits, v->doc->nfaqs);
	v->sel = v->top = 0;
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
	if (v->sel >= v->nlines && v->nhits == 0)
		v->sel = 0;
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

/* Keys while an answer is shown. */
static enum fv_result
answer_key(struct answers_view *v, int key, int rows)
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
		v->goto_block = v->doc->faqs[v->hits[v->sel].faq].q_block;
		return FV_GOTO_BLOCK;
	case ACT_CLOSE:
		close_answer(v);
		break;
	default:
		break;
	}
	return FV_STAY;
}

/* Move the selection by N. */
static void
select_move(struct answers_view *v, long n)
{
	long count = (long)(v->nhits ? v->nhits : v->nlines), s;

	if (count == 0)
		return;
	s = (long)v->sel + n;
	v->sel = (size_t)(s < 0 ? 0 : s >= count ? count - 1 : s);
}

enum fv_result
answers_key(struct answers_view *v, int key, int rows)
{
	enum action a;

	if (v->answer)
		return answer_key(v, key, rows);
	a = keymap_lookup(VIEW_FAQ, key);
	switch (a) {
	case ACT_LINE_DOWN:
		select_move(v, 1);
		return FV_STAY;
	case ACT_LINE_UP:
		select_move(v, -1);
		return FV_STAY;
	case ACT_PAGE_DOWN:
		select_move(v, rows / 2);
		return FV_STAY;
	case ACT_PAGE_UP:
		select_move(v, -rows / 2);
		return FV_STAY;
	case ACT_SELECT:
		if (v->nhits > 0) {
			v->answer = 1;
			v->atop = 0;
			v->awidth = 0;
		} else if (v->nlines > 0) {
			v->goto_line = v->lines[v->sel];
			return FV_GOTO_LINE;
		}
		return FV_STAY;
	case ACT_GO_SECTION:
		if (v->nhits > 0) {
			v->goto_block = v->doc->faqs[v->hits[v->sel].faq].q_block;
			return FV_GOTO_BLOCK;
		}
		return FV_STAY;
	case ACT_CLEAR:
		if (v->query.len == 0)
			return FV_CLOSE;
		v->query.len = 0;
		v->query.buf[0] = '\0';
		rerank(v);
		return FV_STAY;
	default:
		break;
	}
	/* Everything else edits the question. */
	if (prompt_key(&v->query, key) == PROMPT_CANCEL && v->query.len == 0 &&
	    keymap_lookup(VIEW_PROMPT, key) == ACT_CLOSE)
		return FV_CLOSE;
	v->query.active = 1;
	rerank(v);
	return FV_STAY;
}
