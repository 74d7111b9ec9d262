/*
 * Drawing the quick-answers view: the search box; the ranked answers,
 * two rows each with the words that matched highlighted -- a question
 * over its short answer (or its answer's first sentence), a section's
 * sentence that fits best over the section's name -- never cut inside a
 * word but with an ellipsis; an answer in the reading column with its
 * short answer set apart ("In short: ...").
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/answers.h"
#include "quire/listview.h"
#include "quire/text.h"

#define MAX_RANGES 64
#define MAX_SHORT 64  /* rows of a short answer shown */

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
 * UI_MATCH, cut after a word (between characters only when one word
 * fills the width) with an ellipsis when too wide; return the columns
 * used. */
static int
draw_marked(const struct answers_view *v, int row, int col, const char *s,
    size_t len, int maxw, int style)
{
	size_t cut = draw_cut(s, len, maxw), blank;
	int used;

	if (cut < len && cut > 0 && s[cut] != ' ') { /* never inside a word */
		for (blank = cut; blank > 0 && s[blank - 1] != ' '; blank--)
			;
		while (blank > 0 && s[blank - 1] == ' ')
			blank--;
		if (blank > 0)
			cut = blank;
	}
	used = draw_marked_all(v, row, col, s, cut, maxw, style);

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
		m = faq_word_matches(v->ix, v->query.buf, t, sp->len, r,
		    MAX_RANGES);
		for (i = 0; i < m && i < MAX_RANGES; i++) {
			int c0 = sp->col + (int)text_width(t, r[i].off);
			int c1 = c0 + (int)text_width(t + r[i].off, r[i].len);

			draw_range(lay, n, row, left, cols - left, c0, c1, UI_MATCH);
		}
	}
}

/* Bytes of S (LEN) that fit MAXW columns, ended before a blank when a
 * word would be cut (between characters only when one word is wider). */
static size_t
line_fit(const char *s, size_t len, int maxw)
{
	size_t i = 0, n, blank = 0;
	int used = 0, w;
	uint32_t cp;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		if (cp == '\n')
			return i;
		w = text_cp_width(cp);
		if (used + w > maxw)
			return blank > 0 ? blank : i;
		if (cp == ' ')
			blank = i;
		used += w;
		i += n;
	}
	return len;
}

/* Draw S (LEN) from ROW, COL wrapped at words in MAXW columns, on at
 * most ROWS rows, the last ending in an ellipsis if the text goes on;
 * return the rows used. */
static int
draw_wrapped(const struct answers_view *v, int row, int col, const char *s,
    size_t len, int maxw, int rows, int style)
{
	int r = 0;
	size_t n;

	while (len > 0 && r < rows) {
		while (len > 0 && (*s == ' ' || *s == '\n'))
			s++, len--;
		if (len == 0)
			break;
		if (r == rows - 1) {
			draw_marked(v, row + r, col, s, len, maxw, style);
			return r + 1;
		}
		n = line_fit(s, len, maxw);
		if (n == 0)
			n = 1;
		draw_marked_all(v, row + r, col, s, n, maxw, style);
		s += n, len -= n, r++;
	}
	return r;
}

/* The end of the sentence of S (LEN) that starts at FROM. */
static size_t
sentence_end(const char *s, size_t len, size_t from)
{
	size_t i;

	for (i = from; i + 1 < len; i++)
		if ((s[i] == '.' || s[i] == '?' || s[i] == '!' || s[i] == '\n') &&
		    (s[i + 1] == ' ' || s[i + 1] == '\n'))
			return i + 1;
	return len;
}

/* The sentence of S (LEN) holding the most words that match the query,
 * the first of them on a tie: its start in *OFF, its length in *N. */
static void
best_sentence(const struct answers_view *v, const char *s, size_t len,
    size_t *off, size_t *n)
{
	struct faq_range r[MAX_RANGES];
	size_t m = faq_word_matches(v->ix, v->query.buf, s, len, r, MAX_RANGES);
	size_t at = 0, end, k = 0, count, best = 0;

	*off = 0;
	*n = sentence_end(s, len, 0);
	if (m > MAX_RANGES)
		m = MAX_RANGES;
	while (at < len) {
		end = sentence_end(s, len, at);
		for (count = 0; k < m && r[k].off < end; k++)
			count++;
		if (count > best) {
			best = count;
			*off = at;
			*n = end - at;
		}
		at = end;
		while (at < len && (s[at] == ' ' || s[at] == '\n'))
			at++;
	}
}

/* Draw sentence S (LEN) at ROW, COL in MAXW columns so that its first
 * matching word shows: when it would be past the edge, from a word
 * before it, after an ellipsis. */
static void
draw_sentence(const struct answers_view *v, int row, int col, const char *s,
    size_t len, int maxw, int style)
{
	struct faq_range r[1];
	size_t start = 0, i;
	int e;

	if (faq_word_matches(v->ix, v->query.buf, s, len, r, 1) > 0 &&
	    (int)text_width(s, r[0].off + r[0].len) > maxw - 2) {
		/* start a third of the width before the match, at a word */
		for (i = r[0].off; i > 0; i--)
			if (s[i - 1] == ' ' && (int)text_width(s + i, r[0].off - i) >=
			    maxw / 3)
				break;
		start = i;
	}
	if (start > 0) {
		e = draw_ellipsis(row, col, maxw, style);
		col += e, maxw -= e;
	}
	draw_marked(v, row, col, s + start, len - start, maxw, style);
}

/* The line beneath a question: its short answer, or its answer's first
 * sentence. */
static void
draw_gist(const struct answers_view *v, const struct faq *f, int row,
    int cols)
{
	const struct doc *d = v->doc;
	const char *s;
	size_t len, end;
	uint32_t b;

	if (f->short_block != DOC_NONE) {
		block_text(d, f->short_block, &s, &len);
		draw_marked(v, row, 4, s, len, cols - 5, UI_DIM);
		return;
	}
	for (b = f->first; b < f->end; b++) {
		if (d->blocks[b].kind == BLOCK_TABLE)
			continue;
		block_text(d, b, &s, &len);
		if (len == 0)
			continue;
		for (end = sentence_end(s, len, 0); end < 40 && end < len;)
			end = sentence_end(s, len, end + 1); /* not "Yes." */
		draw_marked(v, row, 4, s, end, cols - 5, UI_DIM);
		return;
	}
}

/* Hit H, a section: its sentence that fits best, over its name. */
static void
draw_section_hit(const struct answers_view *v, const struct faq_hit *h,
    int row, int cols, int style)
{
	const struct doc *d = v->doc;
	const struct section *sec = &d->sections[h->section];
	const char *s, *title = d->text + sec->title;
	size_t len, off, n;
	int used;

	if (h->block != DOC_NONE) {
		block_text(d, h->block, &s, &len);
		best_sentence(v, s, len, &off, &n);
		draw_sentence(v, row, 2, s + off, n, cols - 3, style);
	} else
		draw_marked(v, row, 2, title, sec->title_len, cols - 3,
		    style == UI_SELECT ? UI_SELECT : UI_TITLE);
	used = draw_text(row + 1, 4, "in ", 3, cols - 5, UI_DIM);
	draw_marked(v, row + 1, 4 + used, title, sec->title_len,
	    cols - 5 - used, UI_DIM);
}

/* The answers, best first, two rows each. */
static void
draw_list(struct answers_view *v, int top, int rows, int cols)
{
	const struct doc *d = v->doc;
	int per = 2, fit = (rows - 1 - top) / per, row, style;
	size_t i;

	if (fit < 1)
		fit = 1;
	listview_scroll(&v->list, (size_t)fit);
	for (i = v->list.top, row = top; i < v->nhits && row + 1 < rows - 1;
	    i++, row += per) {
		const struct faq_hit *h = &v->hits[i];

		style = i == v->list.sel ? UI_SELECT : UI_PLAIN;
		draw_fill(row, 0, cols, style);
		draw_text(row, 0, i == v->list.sel ? "> " : "  ", 2, cols, style);
		if (h->faq == DOC_NONE) {
			draw_section_hit(v, h, row, cols, style);
			continue;
		}
		draw_marked(v, row, 2, d->text + d->faqs[h->faq].q_off,
		    d->faqs[h->faq].q_len, cols - 3,
		    style == UI_SELECT ? UI_SELECT : UI_TITLE);
		draw_gist(v, &d->faqs[h->faq], row + 1, cols);
	}
}

/* The answer: the question, its blocks, then "In short:" and the short
 * answer, in the reading column. */
static void
draw_answer(struct answers_view *v, int rows, int cols)
{
	const struct doc *d = v->doc;
	const struct faq *f = &d->faqs[v->hits[v->list.sel].faq];
	uint32_t end = f->end;
	int width = cols - 2, row;
	size_t n, total, slines = 0, len = 0, at, k, shown;
	size_t sline[MAX_SHORT], sline_end[MAX_SHORT];
	const char *s = NULL;

	if (v->column > 0 && v->column < width)
		width = v->column;
	if (v->awidth != cols) {
		/* laid out again (a resize): the same text stays on top */
		uint32_t kb = DOC_NONE, ko = 0;

		if (v->alay != NULL && v->atop > 0 &&
		    v->atop < v->alay->nlines) {
			kb = v->alay->lines[v->atop].block;
			ko = v->alay->lines[v->atop].off;
		}
		layout_free(v->alay);
		if (f->short_block != DOC_NONE && f->short_block + 1 == end)
			end = f->short_block;
		v->alay = layout_build_blocks(d, f->first, end, width,
		    v->lay_flags);
		if (kb != DOC_NONE)
			v->atop = layout_find(v->alay, kb, ko);
		v->awidth = cols;
	}
	draw_fill(1, 0, cols, UI_TITLE);
	draw_wrapped(v, 1, 1, d->text + f->q_off, f->q_len, cols - 2, 1,
	    UI_TITLE);
	/* The short answer apart when it ends the answer (else it is shown
	 * where it stands): its rows, wrapped at words. */
	if (f->short_block != DOC_NONE && f->short_block + 1 == f->end)
		block_text(d, f->short_block, &s, &len);
	for (at = 0; s != NULL && at < len && slines < MAX_SHORT; slines++) {
		while (at < len && (s[at] == ' ' || s[at] == '\n'))
			at++;
		if (at >= len)
			break;
		sline[slines] = at;
		k = line_fit(s + at, len - at, width - 10);
		at += k ? k : 1;
		sline_end[slines] = at;
	}
	total = v->alay->nlines + (slines ? slines + 1 : 0);
	/* scrolled no further than the last line at the bottom, as the
	 * pager (rows 3 to rows - 2 show the answer) */
	shown = rows > 4 ? (size_t)rows - 4 : 1;
	if (v->atop + shown > total)
		v->atop = total > shown ? total - shown : 0;
	for (row = 3, n = v->atop; row < rows - 1 && n < total; row++, n++) {
		if (n < v->alay->nlines) {
			draw_line(v->alay, n, row, 1, width + 1, 0);
			mark_line(v, v->alay, n, row, 1, width + 1);
		} else if (n > v->alay->nlines) {
			k = n - v->alay->nlines - 1;
			if (k == 0)
				draw_text(row, 1, "In short: ", 10, width, UI_TITLE);
			draw_marked_all(v, row, 11, s + sline[k],
			    sline_end[k] - sline[k], width - 10, UI_PLAIN);
		}
	}
}

void
answers_draw(struct answers_view *v, int rows, int cols)
{
	char s[160];
	const char *note;
	int n, top = 3;
	int section = v->list.sel < v->nhits &&
	    v->hits[v->list.sel].faq == DOC_NONE;

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
		note = NULL;
		if (v->doc->nfaqs == 0)
			note = "This document has no questions: type to search "
			    "its sections.";
		else if (v->query.len > 0 && v->nhits == 0)
			note = "Nothing matches.";
		if (note) {
			draw_text_cut(3, 1, note, strlen(note), cols - 2, UI_DIM);
			top = 5;
		}
		if (v->query.len > 0 && v->nhits == 0 && v->doc->nfaqs == 0) {
			note = "Nothing matches.";
			draw_text_cut(4, 1, note, strlen(note), cols - 2, UI_DIM);
		}
		draw_list(v, top, rows, cols);
		if (v->nhits == 0)
			n = snprintf(s, sizeof(s), " type to search  Esc: %s",
			    v->query.len ? "clear" : "leave");
		else
			n = snprintf(s, sizeof(s), " type to search  Up/Down "
			    "choose  Enter: %s  Esc: %s", section ? "go there" :
			    "answer", v->query.len ? "clear" : "leave");
	}
	listview_bar(rows - 1, cols, 0, cols, s, (size_t)n);
}
