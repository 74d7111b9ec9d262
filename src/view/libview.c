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
libview_key(struct library *lib, size_t *sel, int key)
{
	struct view_arg arg;

	switch (keymap_lookup(VIEW_LIBRARY, key)) {
	case ACT_LINE_DOWN:
		if (*sel + 1 < lib->n)
			(*sel)++;
		break;
	case ACT_LINE_UP:
		if (*sel > 0)
			(*sel)--;
		break;
	case ACT_SELECT:
		arg = view_no_arg();
		arg.doc = *sel;
		return view_goto(VR_SWITCH, VIEW_PAGER, arg);
	case ACT_CLOSE:
		return view_result(VR_CLOSE);
	default:
		break;
	}
	return view_result(VR_STAY);
}

void
libview_draw(struct library *lib, size_t sel, int rows, int cols)
{
	size_t i, top = 0, tlen;
	int row, style, n;
	char head[128], size[32];
	const char *title;

	erase();
	n = snprintf(head, sizeof(head), " Documents (%zu) - Enter reads, q "
	    "goes back", lib->n);
	draw_fill(0, 0, cols, UI_STATUS);
	draw_text_cut(0, 0, head, (size_t)n, cols, UI_STATUS);
	if (rows > 3 && sel >= (size_t)(rows - 2))
		top = sel - (size_t)(rows - 2) + 1;
	for (i = top, row = 1; i < lib->n && row < rows - 1; i++, row++) {
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

/* The view's state: the selected document. */
static void *
libview_open(struct view_ctx *c, struct view_arg arg)
{
	size_t *sel = xmalloc(sizeof(*sel)), i;

	(void)arg;
	for (i = 0; i < c->lib->n && i < 1000; i++) /* for the titles */
		library_doc(c->lib, i);
	*sel = c->lib->cur;
	return sel;
}

static struct view_result
libview_op_key(void *st, struct view_ctx *c, int key)
{
	return libview_key(c->lib, st, key);
}

static void
libview_op_draw(void *st, struct view_ctx *c)
{
	libview_draw(c->lib, *(size_t *)st, c->pager->rows, c->pager->cols);
}

const struct view_ops libview_ops = {
	libview_open, libview_op_key, NULL, NULL, libview_op_draw, free,
};
