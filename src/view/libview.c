/*
 * The documents view (o): the files quire was given, or a directory's
 * Markdown files, each with its title and size; Enter reads one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/keymap.h"
#include "quire/listview.h"
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

struct view_result
libview_key(struct listview *l, int key)
{
	enum action a = keymap_lookup(VIEW_LIBRARY, key);
	struct view_arg arg;

	if (listview_act(l, a, 1))
		return view_result(VR_STAY);
	switch (a) {
	case ACT_SELECT:
		arg = view_no_arg();
		arg.doc = l->sel;
		return view_goto(VR_SWITCH, VIEW_PAGER, arg);
	case ACT_CLOSE:
		return view_result(VR_CLOSE);
	default:
		break;
	}
	return view_result(VR_STAY);
}

void
libview_draw(struct library *lib, struct listview *l, int rows, int cols)
{
	size_t i, tlen, sel = l->sel;
	int row, style, n;
	char head[128], size[32];
	const char *title;

	erase();
	n = snprintf(head, sizeof(head), " Documents (%zu) - Enter reads, q "
	    "goes back", lib->n);
	listview_bar(0, cols, 0, cols, head, (size_t)n);
	l->top = 0; /* as low as the selection allows */
	if (rows > 3)
		listview_scroll(l, (size_t)(rows - 2));
	for (i = l->top, row = 1; i < lib->n && row < rows - 1; i++, row++) {
		const struct lib_entry *e = &lib->e[i];

		style = i == sel ? UI_SELECT : UI_PLAIN;
		draw_fill(row, 0, cols, style);
		draw_text(row, 0, i == lib->cur ? "> " : "  ", 2, cols, style);
		human(e->size, size, sizeof(size));
		title = e->doc ? doc_title(e->doc, &tlen) : "";
		if (e->doc == NULL)
			tlen = 0;
		n = draw_text_cut(row, 2, e->name, strlen(e->name),
		    cols / 2 - 3, style);
		if (tlen > 0 && cols / 2 + 1 < cols - 10)
			draw_text_cut(row, cols / 2, title, tlen, cols / 2 - 10,
			    style);
		draw_text(row, cols - 9, size, strlen(size), 9, style == UI_SELECT ?
		    UI_SELECT : UI_DIM);
		(void)n;
	}
	draw_fill(rows - 1, 0, cols, UI_STATUS);
}

/* The view's state: the list of documents. */
static void *
libview_open(struct view_ctx *c, struct view_arg arg)
{
	struct listview *l = xcalloc(1, sizeof(*l));
	size_t i;

	(void)arg;
	for (i = 0; i < c->lib->n && i < 1000; i++) /* for the titles */
		library_doc(c->lib, i);
	l->n = c->lib->n;
	l->sel = c->lib->cur;
	return l;
}

static struct view_result
libview_op_key(void *st, struct view_ctx *c, int key)
{
	(void)c;
	return libview_key(st, key);
}

static void
libview_op_draw(void *st, struct view_ctx *c)
{
	libview_draw(c->lib, st, c->pager->rows, c->pager->cols);
}

const struct view_ops libview_ops = {
	libview_open, libview_op_key, NULL, NULL, libview_op_draw, free,
};
