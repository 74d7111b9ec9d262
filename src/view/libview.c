/*
 * The documents view (o): the files quire was given, or a directory's
 * Markdown files, each with its title, its name (the base name, or as
 * much of the path as tells two apart) and its size; a list with a text
 * entry (listview_key) that filters titles and names; Enter reads one.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/keymap.h"
#include "quire/listview.h"
#include "quire/text.h"
#include "quire/util.h"
#include "quire/view.h"
#include "quire/views.h"

/* Size in human units. */
static void
human(long long n, char *out, size_t len)
{
	if (n < 0)
		snprintf(out, len, "-");
	else if (n < 10000)
		snprintf(out, len, "%lld B", n);
	else if (n < 10000000)
		snprintf(out, len, "%lld KB", (n + 512) / 1024);
	else
		snprintf(out, len, "%lld MB", (n + 524288) / 1048576);
}

/* Rebuild the list after the filter changed, keeping the selection. */
static void
refilter(struct lib_view *v, const struct library *lib)
{
	size_t keep = v->list.n ? v->items[v->list.sel] : lib->cur, i, tlen;
	const char *t;

	v->list.n = v->list.sel = v->list.top = 0;
	for (i = 0; i < lib->n; i++) {
		t = library_title(lib, i, &tlen);
		if (listview_match(v->names[i], strlen(v->names[i]), v->filter.buf,
		    v->filter.len) || listview_match(t, tlen, v->filter.buf,
		    v->filter.len))
			v->items[v->list.n++] = i;
	}
	for (i = 0; i < v->list.n; i++)
		if (v->items[i] == keep)
			v->list.sel = i;
}

void
libview_open(struct lib_view *v, struct library *lib)
{
	size_t i;

	memset(v, 0, sizeof(*v));
	library_scan_titles(lib); /* from each file's first lines */
	v->names = xcalloc(lib->n + 1, sizeof(*v->names));
	v->items = xcalloc(lib->n + 1, sizeof(*v->items));
	for (i = 0; i < lib->n; i++)
		v->names[i] = library_short_name(lib, i);
	refilter(v, lib);
}

void
libview_free(struct lib_view *v)
{
	free(v->names);
	free(v->items);
	v->names = NULL;
	v->items = NULL;
}

struct view_result
libview_key(struct lib_view *v, struct library *lib, int key, int rows)
{
	size_t page = rows > 3 ? (size_t)rows - 3 : 1;
	struct view_arg arg;
	enum action a;

	switch (listview_key(&v->list, &v->filter, VIEW_LIBRARY, key, page,
	    &a)) {
	case LIST_EDITED:
		refilter(v, lib);
		break;
	case LIST_CHOSEN:
		if (v->list.n == 0)
			break;
		arg = view_no_arg();
		arg.doc = v->items[v->list.sel];
		return view_goto(VR_SWITCH, VIEW_PAGER, arg);
	case LIST_CLOSED:
		return view_result(VR_CLOSE);
	case LIST_OTHER:
	case LIST_MOVED:
		break;
	}
	return view_result(VR_STAY);
}

/* One document on ROW: the title (else the name), the name, the size. */
static void
draw_item(const struct lib_view *v, const struct library *lib, size_t i,
    int row, int cols, int style)
{
	const char *title, *name = v->names[i];
	size_t tlen, nlen = strlen(name);
	char size[32];
	int col, room = cols - 11, nw;

	human(lib->e[i].size, size, sizeof(size));
	title = library_title(lib, i, &tlen);
	draw_fill(row, 0, cols, style);
	col = draw_text(row, 0, i == lib->cur ? "> " : "  ", 2, cols, style);
	if (tlen == 0) {
		draw_text_cut(row, col, name, nlen, room - col, style);
	} else {
		/* The name keeps at least a third of the room, the title the
		 * rest. */
		nw = (int)text_width(name, nlen);
		if (nw > (room - col) / 3 && nw + 20 > room - col)
			nw = (room - col) / 3;
		col += draw_text_cut(row, col, title, tlen, room - col - nw - 2,
		    style) + 2;
		draw_text_cut(row, col, name, nlen, room - col, style ==
		    UI_SELECT ? UI_SELECT : UI_DIM);
	}
	if (cols > 10)
		draw_text(row, cols - 9, size, strlen(size), 9,
		    style == UI_SELECT ? UI_SELECT : UI_DIM);
}

void
libview_draw(struct lib_view *v, struct library *lib, int rows, int cols)
{
	char head[PROMPT_MAX + 64];
	int row, n;
	size_t k;

	/* Titles a background load kept from being read, once it is done. */
	if (library_scan_titles(lib) > 0)
		refilter(v, lib);
	erase();
	if (v->filter.len > 0)
		n = snprintf(head, sizeof(head), " Documents matching: %s_",
		    v->filter.buf);
	else
		n = snprintf(head, sizeof(head), " Documents (%zu) - type to "
		    "filter, Enter reads, Esc goes back", lib->n);
	listview_bar(0, cols, 0, cols, head, (size_t)n);
	if (rows > 3)
		listview_scroll(&v->list, (size_t)(rows - 2));
	for (k = v->list.top, row = 1; k < v->list.n && row < rows - 1;
	    k++, row++)
		draw_item(v, lib, v->items[k], row, cols,
		    k == v->list.sel ? UI_SELECT : UI_PLAIN);
	if (v->list.n == 0)
		draw_text_cut(1, 2, "no document matches", 19, cols - 2,
		    UI_DIM);
	draw_fill(rows - 1, 0, cols, UI_STATUS);
	n = snprintf(head, sizeof(head), " %zu/%zu", v->list.n ?
	    v->list.sel + 1 : 0, v->list.n);
	draw_text_cut(rows - 1, 0, head, (size_t)n, cols, UI_STATUS);
}

/* The view's state: the list of documents. */
static void *
libview_op_open(struct view_ctx *c, struct view_arg arg)
{
	struct lib_view *v = xmalloc(sizeof(*v));

	(void)arg;
	libview_open(v, c->lib);
	return v;
}

static struct view_result
libview_op_key(void *st, struct view_ctx *c, int key)
{
	return libview_key(st, c->lib, key, c->rows);
}

static void
libview_op_draw(void *st, struct view_ctx *c)
{
	libview_draw(st, c->lib, c->pager->rows, c->pager->cols);
}

static void
libview_op_close(void *st)
{
	libview_free(st);
	free(st);
}

const struct view_ops libview_ops = {
	libview_op_open, libview_op_key, NULL, NULL, libview_op_draw,
	libview_op_close,
};
