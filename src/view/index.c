/*
 * The section index: every heading as a tree, numbered, with the page it
 * starts on.  Opens on the reader's section; a list with a text entry
 * (listview_key): the arrows move, Enter jumps, whatever is typed
 * filters titles, digits filter numbers and Enter on a number jumps to
 * it.  Only visible rows are drawn, so
 * twenty thousand headings cost what twenty do.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/listview.h"
#include "quire/screen.h"
#include "quire/text.h"
#include "quire/view.h"
#include "quire/views.h"

/* Whether the filter is a section number being typed: digits and dots. */
static int
numeric(const struct index_view *v)
{
	size_t i;

	for (i = 0; i < v->filter.len; i++)
		if (!isdigit((unsigned char)v->filter.buf[i]) &&
		    v->filter.buf[i] != '.')
			return 0;
	return v->filter.len > 0;
}

/* The number section S shows: the document's own, at the start of its
 * title, when it numbers its headings itself (its length in *LEN), else
 * quire's. */
static const char *
shown_num(const struct doc *d, const struct section *sec, size_t *len)
{
	const char *t = d->text + sec->title;
	size_t n = 0;

	if (!d->own_numbers) {
		*len = sec->num_len;
		return d->aux + sec->num;
	}
	n = doc_title_label(t, sec->title_len);
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '.' ||
	    t[n - 1] == ')' || t[n - 1] == ':'))
		n--; /* "2.1. " is 2.1 */
	*len = n;
	return t;
}

/* Whether section S passes the filter. */
static int
matches(const struct index_view *v, uint32_t s)
{
	const struct section *sec = &v->doc->sections[s];
	size_t num_len;
	const char *num = shown_num(v->doc, sec, &num_len);

	if (numeric(v))
		return num_len >= v->filter.len &&
		    memcmp(num, v->filter.buf, v->filter.len) == 0 &&
		    (num_len == v->filter.len || num[v->filter.len] == '.');
	return listview_match(v->doc->text + sec->title, sec->title_len, v->filter.buf,
	    v->filter.len);
}

/* Rebuild the list after the filter changed, keeping the selection. */
static void
refilter(struct index_view *v)
{
	uint32_t keep = v->list.n ? v->items[v->list.sel] : v->current, s;
	size_t i;

	v->list.n = 0;
	v->list.sel = 0;
	for (s = 0; s < v->doc->nsections; s++)
		if (matches(v, s))
			v->items[v->list.n++] = s;
	for (i = 0; i < v->list.n; i++)
		if (v->items[i] == keep)
			v->list.sel = i;
	v->list.top = 0;
}

void
index_open(struct index_view *v, const struct pager *p)
{
	memset(v, 0, sizeof(*v));
	v->doc = p->doc;
	v->items = xcalloc(p->doc->nsections + 1, sizeof(*v->items));
	v->current = pager_section(p);
	refilter(v);
}

void
index_free(struct index_view *v)
{
	free(v->items);
	v->items = NULL;
}

/* Jump to the selected section (or the typed number); close. */
static int
select_item(struct index_view *v, struct pager *p)
{
	uint32_t s;
	size_t len;
	const char *num;

	if (numeric(v))
		for (s = 0; s < v->doc->nsections; s++)
			if ((num = shown_num(v->doc, &v->doc->sections[s],
			    &len)) != NULL && len == v->filter.len &&
			    memcmp(num, v->filter.buf, len) == 0) {
				nav_jump_section(p, s);
				return 1;
			}
	if (v->list.n == 0)
		return 0;
	nav_jump_section(p, v->items[v->list.sel]);
	return 1;
}

void
index_scroll(struct index_view *v, int n)
{
	listview_move(&v->list, n);
}

struct view_result
index_key(struct index_view *v, struct pager *p, int key)
{
	size_t page = v->rows > 1 ? (size_t)v->rows - 1 : 1;
	enum action a;

	switch (listview_key(&v->list, &v->filter, VIEW_INDEX, key, page, &a)) {
	case LIST_EDITED:
		refilter(v);
		break;
	case LIST_CHOSEN:
		return view_result(select_item(v, p) ? VR_CLOSE : VR_STAY);
	case LIST_CLOSED:
		return view_result(VR_CLOSE);
	case LIST_OTHER:
		if (a == ACT_HELP)
			return view_goto(VR_SWITCH, VIEW_HELP, view_no_arg());
		if (a == ACT_CLOSE)
			return view_result(VR_CLOSE);
		break;
	case LIST_MOVED:
		break;
	}
	return view_result(VR_STAY);
}

int
index_click(struct index_view *v, struct pager *p, int row)
{
	size_t n;

	if (row < 1 || row > v->rows)
		return 0;
	n = v->list.top + (size_t)row - 1;
	if (n >= v->list.n)
		return 0;
	v->list.sel = n;
	return select_item(v, p);
}

/* One entry: indent, number, title cut to fit, page on the right. */
static void
draw_item(const struct index_view *v, const struct pager *p, int row,
    uint32_t s, int selected)
{
	const struct doc *d = v->doc;
	const struct section *sec = &d->sections[s];
	int cols = p->cols, col, pw, style = selected ? UI_SELECT : UI_PLAIN;
	size_t line = layout_line_of_section(p->lay, s);
	char page[32];
	uint32_t depth = s == d->title ? 0 : sec->depth;

	pw = snprintf(page, sizeof(page), " p.%zu ",
	    pager_page_at(p, line));
	draw_fill(row, 0, cols, style);
	col = draw_text(row, 0, s == v->current ? "> " : "  ", 2, cols, style);
	if (depth * 2 < (uint32_t)cols / 2)
		col += (int)depth * 2;
	else
		col += cols / 2;
	if (doc_shown_num(d, sec) > 0 && col < cols - pw) {
		col += draw_text(row, col, d->aux + sec->num, sec->num_len,
		    cols - pw - col, style);
		col += draw_text(row, col, " ", 1, cols - pw - col, style);
	}
	if (col < cols - pw)
		draw_text_cut(row, col, d->text + sec->title, sec->title_len,
		    cols - pw - col, s == v->current && !selected ? UI_TITLE :
		    style);
	if (pw < cols)
		draw_text(row, cols - pw, page, (size_t)pw, pw, selected ?
		    UI_SELECT : UI_DIM);
}

void
index_draw(struct index_view *v, const struct pager *p)
{
	char head[PROMPT_MAX + 64];
	int rows = p->rows, cols = p->cols, r, n;

	erase();
	v->rows = rows > 2 ? rows - 2 : 1;
	listview_scroll(&v->list, (size_t)v->rows);
	if (v->filter.len > 0)
		n = snprintf(head, sizeof(head), "Sections matching: %s_",
		    v->filter.buf);
	else
		n = snprintf(head, sizeof(head), "Sections (%zu) - type to "
		    "filter, Enter to jump, Esc to close", v->doc->nsections);
	listview_bar(0, cols, 1, cols - 2, head, (size_t)n);
	for (r = 0; r < v->rows && v->list.top + (size_t)r < v->list.n; r++)
		draw_item(v, p, r + 1, v->items[v->list.top + (size_t)r],
		    v->list.top + (size_t)r == v->list.sel);
	if (v->list.n == 0) {
		const char *msg = v->doc->nsections ? "no section matches" :
		    "this document has no headings";

		draw_text_cut(1, 2, msg, strlen(msg), cols - 2, UI_DIM);
	}
	draw_fill(rows - 1, 0, cols, UI_STATUS);
	n = snprintf(head, sizeof(head), " %zu/%zu  Esc clears or closes",
	    v->list.n ? v->list.sel + 1 : 0, v->list.n);
	draw_text_cut(rows - 1, 0, head, (size_t)n, cols, UI_STATUS);
}

static void *
index_view_open(struct view_ctx *c, struct view_arg arg)
{
	struct index_view *v = xmalloc(sizeof(*v));

	(void)arg;
	index_open(v, c->pager);
	return v;
}

static struct view_result
index_view_key(void *st, struct view_ctx *c, int key)
{
	return index_key(st, c->pager, key);
}

/* The wheel moves the selection; a click jumps. */
static struct view_result
index_view_mouse(void *st, struct view_ctx *c, const struct view_mouse *m)
{
	if (m->wheel)
		index_scroll(st, m->wheel);
	else if (m->click && index_click(st, c->pager, m->row))
		return view_result(VR_CLOSE);
	return view_result(VR_STAY);
}

static void
index_view_draw(void *st, struct view_ctx *c)
{
	index_draw(st, c->pager);
}

static void
index_view_close(void *st)
{
	index_free(st);
	free(st);
}

const struct view_ops index_view_ops = {
	index_view_open, index_view_key, index_view_mouse, NULL,
	index_view_draw, index_view_close,
};
