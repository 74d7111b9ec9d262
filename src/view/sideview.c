/*
 * The section index beside the text with the keys: the view I opens
 * over the pager when the index is shown.  It draws the pager beneath
 * (the text where it was, the index with a cursor apart from the
 * reader's mark) and its own status line; the moving keys move the
 * cursor, Enter jumps there and gives the keys back to the text, Esc
 * gives them back without jumping, I hides the index.  The cursor is
 * the pager's (sideindex.c): this file is the keys and the status line.
 */
#include <stdio.h>
#include <string.h>

#include "quire/draw.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/view.h"
#include "ui_priv.h"

/* The view's state is the pager itself. */
static void *
side_view_open(struct view_ctx *c, struct view_arg arg)
{
	(void)arg;
	if (!sideindex_enter(c->pager))
		return NULL;
	return c->pager;
}

static struct view_result
side_view_key(void *st, struct view_ctx *c, int key)
{
	struct pager *p = st;
	enum action a = keymap_lookup(VIEW_SIDE, key);

	if (p->side_w == 0) { /* the screen narrowed, or a new document */
		pager_note(p, "the section index has no room beside the text "
		    "now");
		return view_result(VR_CLOSE);
	}
	if (!p->side_keys) /* the pager was opened afresh under it */
		sideindex_enter(p);
	if (sideindex_move(p, a))
		return view_result(VR_STAY);
	switch (a) {
	case ACT_SELECT:
		sideindex_choose(p);
		return view_result(VR_CLOSE);
	case ACT_CLOSE:
		return view_result(VR_CLOSE);
	case ACT_SIDE_INDEX:
		pager_toggle_side(p);
		c->ui->side = p->side; /* I holds for every document */
		return view_result(VR_CLOSE);
	case ACT_HELP:
		return view_goto(VR_OPEN, VIEW_HELP, view_no_arg());
	default:
		return view_result(VR_STAY);
	}
}

/* The wheel moves the cursor; a click on an entry jumps there, and any
 * click gives the keys back to the text. */
static struct view_result
side_view_mouse(void *st, struct view_ctx *c, const struct view_mouse *m)
{
	struct pager *p = st;

	(void)c;
	if (m->wheel) {
		sideindex_move(p, m->wheel < 0 ? ACT_LINE_UP : ACT_LINE_DOWN);
		return view_result(VR_STAY);
	}
	if (!m->press)
		return view_result(VR_STAY);
	sideindex_leave(p);
	sideindex_click(p, m->row, m->col);
	return view_result(VR_CLOSE);
}

/* The name of the side view's first key for action A, from the keymap. */
static const char *
key(enum action a)
{
	const char *name = keymap_key_name(VIEW_SIDE, a);

	return name != NULL ? name : "?";
}

/* The status line: the index has the keys, which, and where the cursor
 * is among the entries. */
static void
draw_status(const struct pager *p)
{
	char left[160], right[48];
	int row = p->rows - 1, rw;

	snprintf(left, sizeof(left), "The index beside the text has the keys: "
	    "%s/%s choose, %s jumps, %s back to the text, %s hides",
	    key(ACT_LINE_DOWN), key(ACT_LINE_UP), key(ACT_SELECT),
	    key(ACT_CLOSE), key(ACT_SIDE_INDEX));
	rw = snprintf(right, sizeof(right), " %u/%zu ", p->side_cur + 1,
	    p->doc->nsections);
	draw_fill(row, 0, p->cols, UI_STATUS);
	if (rw >= p->cols - 2)
		rw = 0;
	draw_text_cut(row, 1, left, strlen(left), p->cols - rw - 2, UI_NOTE);
	if (rw > 0)
		draw_text(row, p->cols - rw, right, (size_t)rw, rw, UI_STATUS);
}

static void
side_view_draw(void *st, struct view_ctx *c)
{
	struct pager *p = st;

	(void)c;
	pager_draw(p);
	if (p->side_w > 0 && p->side_keys && p->rows > 0)
		draw_status(p);
}

/* The keys go back to the text. */
static void
side_view_close(void *st)
{
	sideindex_leave(st);
}

const struct view_ops side_view_ops = {
	side_view_open, side_view_key, side_view_mouse, NULL,
	side_view_draw, side_view_close,
};
