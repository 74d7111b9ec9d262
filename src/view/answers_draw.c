/*
 * Drawing the quick-answers view: the search box, the ranked questions
 * with the words that matched highlighted and each short answer beneath,
 * an answer with its short answer set apart ("In short: ..."), and the
 * full-text hits offered when no question matches.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/answers.h"
#include "quire/listview.h"
#include "quire/search.h"
#include "quire/text.h"

#define MAX_RANGES 64

/* Draw S at ROW, COL in STYLE with the words matching the query in
 * UI_MATCH; return the columns used. */
static int
draw_marked_all(const struct answers_view *v, int row, int col,
    const char *s, size_t len, int maxw, int style)
{
	struct faq_range r[MAX_RANGES];
	size_t n = faq_word_matches(v->ix, v->query.buf, s, len, r, MAX_RANGES), i,
	    at = 0;
	int used = 0;

	if (n > MAX_RANGES)
		n = MAX_RANGES;
	for (i = 0; i <= n && used < maxw; i++) {
		size_t stop = i < n ? r[i].off : len;

		if (stop > at)
			used += draw_text(row, col + used, s + at, stop - at,
			    maxw - used, style);
		if (i < n && used < maxw) {
			used += draw_text(row, col + used, s + r[i].off, r[i].len,
			    maxw - used, style == UI_SELECT ? UI_CURRENT : UI_MATCH);
			at = r[i].off + r[i].len;
		}
	}
	return used;
}

/* Draw S at ROW, COL in STYLE with the words matching the query in
 * UI_MATCH, cut with an ellipsis when too wide; return the columns
 * used. */
static int
draw_marked(const struct answers_view *v, int row, int col, const char *s,
    size_t len, int maxw, int style)
{
	size_t cut = draw_cut(s, len, maxw);
	int used = draw_marked_all(v, row, col, s, cut, maxw, style);

	if (cut < len)
		used += draw_ellipsis(row, col + used, maxw - used, style);
	return used;
}

/* The text of block B as a range. */
static void
block_text(const struct doc *d, uint32_t b, const char **s, size_t *len)
{
	uint32_t off, n;

	doc_block_text(d, b, &off, &n);
	*s = d->text + off;
	*len = n;
}

/* Highlight the query's words on line N of LAY, drawn at ROW, LEFT. */
static void
mark_line(const struct answers_view *v, const struct layout *lay, size_t n,
    int row, int left, int cols)
{
	const struct line *ln = &lay->lines[n];
	struct faq_range r[MAX_RANGES];
	uint32_t k;
	size_t m, i;

	for (k = 0; k < ln->nspans; k++) {
		const struct span *sp = &lay->spans[ln->span + k];
		const char *t = layout_span_text(lay, sp);

		if (sp->gen)
			continue;
		m = faq_word_matches(v->ix, v->query.buf, t, sp->len, r, MAX_RANGES);
		for (i = 0; i < m && i < MAX_RANGES; i++) {
			int c0 = sp->col + (int)text_width(t, r[i].off);
			int c1 = c0 + (int)text_width(t + r[i].off, r[i].len);

			draw_range(lay, n, row, left, cols - left, c0, c1, UI_MATCH);
		}
	}
}

/* The list of questions, best first, two rows each. */
static void
draw_list(struct answers_view *v, int rows, int cols)
{
	const struct doc *d = v->doc;
	int per = 2, fit = (rows - 4) / per, row, style;
	size_t i;
	const char *s;
	size_t len;

	if (fit < 1)
		fit = 1;
	listview_scroll(&v->list, (size_t)fit);
	for (i = v->list.top, row = 3; i < v->nhits && row + 1 < rows - 1; i++) {
		const struct faq *f = &d->faqs[v->hits[i].faq];

		style = i == v->list.sel ? UI_SELECT : UI_PLAIN;
		draw_fill(row, 0, cols, style);
		draw_text(row, 0, i == v->list.sel ? "> " : "  ", 2, cols, style);
		draw_marked(v, row, 2, d->text + f->q_off, f->q_len, cols - 3,
		    style == UI_SELECT ? UI_SELECT : UI_TITLE);
		row++;
		if (f->short_block != DOC_NONE) {
			block_text(d, f->short_block, &s, &len);
			draw_text(row, 4, "", 0, 0, UI_DIM);
			draw_marked(v, row, 4, s, len, cols - 5, UI_DIM);
		}
		row++;
	}
}

/* No question matched: say so, and list full-text hits. */
static void
draw_fallback(struct answers_view *v, int rows, int cols)
{
	const char *msg = "No question matches.  In the article:";
	struct buf b = { 0 };
	int row = 4, style, fit = rows - 6;
	size_t i;

	draw_text_cut(3, 1, msg, strlen(msg), cols - 2, UI_NOTE);
	if (v->nlines == 0) {
		draw_text_cut(row, 3, "nothing either", 14, cols - 4, UI_DIM);
		return;
	}
	if (fit < 1)
		fit = 1;
	listview_scroll(&v->list, (size_t)fit);
	for (i = v->list.top; i < v->nlines && row < rows - 1; i++, row++) {
		uint32_t sec = v->lay->lines[v->lines[i]].section;

		style = i == v->list.sel ? UI_SELECT : UI_PLAIN;
		b.len = 0;
		if (sec != DOC_NONE)
			buf_put(&b, v->doc->text + v->doc->sections[sec].title,
			    v->doc->sections[sec].title_len);
		buf_puts(&b, ": ");
		layout_line_text(v->lay, v->lines[i], &b);
		draw_fill(row, 0, cols, style);
		draw_text_cut(row, 2, b.data, b.len, cols - 3, style);
	}
	buf_free(&b);
}

/* The answer: the question, its blocks, then "In short:". */
static void
draw_answer(struct answers_view *v, int rows, int cols)
{
	const struct doc *d = v->doc;
	const struct faq *f = &d->faqs[v->hits[v->list.sel].faq];
	uint32_t end = f->end;
	size_t n, total;
	int row;

	if (v->awidth != cols) {
		layout_free(v->alay);
		layout_free(v->slay);
		if (f->short_block != DOC_NONE && f->short_block + 1 == end)
			end = f->short_block;
		v->alay = layout_build_blocks(d, f->first, end, cols - 2,
		    v->lay_flags);
		v->slay = f->short_block == DOC_NONE ? NULL :
		    layout_build_blocks(d, f->short_block, f->short_block + 1,
		    cols - 12 > 1 ? cols - 12 : 1, v->lay_flags);
		v->awidth = cols;
	}
	draw_fill(1, 0, cols, UI_TITLE);
	draw_marked(v, 1, 1, d->text + f->q_off, f->q_len, cols - 2, UI_TITLE);
	total = v->alay->nlines + (v->slay ? v->slay->nlines + 1 : 0);
	if (v->atop >= total)
		v->atop = total ? total - 1 : 0;
	for (row = 3, n = v->atop; row < rows - 1 && n < total; row++, n++) {
		if (n < v->alay->nlines) {
			draw_line(v->alay, n, row, 1, cols - 1, 0);
			mark_line(v, v->alay, n, row, 1, cols);
		} else if (n > v->alay->nlines) {
			size_t k = n - v->alay->nlines - 1;

			if (k == 0)
				draw_text(row, 1, "In short:", 9, cols - 1, UI_TITLE);
			draw_line(v->slay, k, row, 11, cols - 11, A_BOLD);
			mark_line(v, v->slay, k, row, 11, cols);
		}
	}
}

void
answers_draw(struct answers_view *v, int rows, int cols)
{
	char s[160];
	int n;

	erase();
	if (rows < 5 || cols < 20) {
		draw_text(0, 0, "too small", 9, cols, UI_NOTE);
		return;
	}
	n = snprintf(s, sizeof(s), " Quick answers - %zu question%s",
	    v->doc->nfaqs, v->doc->nfaqs == 1 ? "" : "s");
	listview_bar(0, cols, 0, cols, s, (size_t)n);
	if (v->answer) {
		draw_answer(v, rows, cols);
		n = snprintf(s, sizeof(s), " j/k scroll  g: go to it in the "
		    "article  q: back to the questions");
	} else {
		prompt_draw(&v->query, 1, cols);
		if (v->doc->nfaqs == 0)
			draw_text_cut(3, 1, "This document has no questions.",
			    31, cols - 2, UI_DIM);
		if (v->nhits > 0)
			draw_list(v, rows, cols);
		else if (v->query.len > 0 || v->doc->nfaqs == 0)
			draw_fallback(v, rows, cols);
		n = snprintf(s, sizeof(s), " %s  Up/Down choose  Enter: %s  "
		    "Esc: %s", v->nhits ? "type to search" : "",
		    v->nhits ? "answer" : "go there",
		    v->query.len ? "clear" : "leave");
	}
	listview_bar(rows - 1, cols, 0, cols, s, (size_t)n);
}
