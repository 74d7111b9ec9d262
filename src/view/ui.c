/*
 * The key loop: draw the view on top (the pager, the section index or
 * the help), read a key or a mouse event, look it up in the keymap, act,
 * until the reader quits or a signal asks to.  The reading position is
 * restored at the start and saved at the end.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "quire/cli.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/screen.h"
#include "quire/state.h"
#include "quire/ui.h"
#include "quire/views.h"

#define WHEEL_LINES 3

struct ui {
	struct screen scr;
	struct pager pager;
	enum view_id view;
	struct index_view index;
	struct help_view help;
};

/* Put the reader back where they were last time, with a note. */
static void
resume(struct ui *u, const char *key)
{
	struct state_pos sp;
	struct pos pos;
	char warn[sizeof(u->pager.note)];
	uint32_t sec;
	const struct doc *d = u->pager.doc;

	if (!state_get(key, &sp, warn, sizeof(warn))) {
		if (warn[0])
			snprintf(u->pager.note, sizeof(u->pager.note), "%s", warn);
		return;
	}
	if (sp.block >= d->nblocks || sp.off > d->text_len ||
	    (sp.block == 0 && sp.off == 0))
		return;
	pos.block = sp.block;
	pos.off = sp.off;
	pager_show_pos(&u->pager, pos);
	sec = pager_section(&u->pager);
	snprintf(u->pager.note, sizeof(u->pager.note),
	    "resumed at %.*s \xE2\x80\x94 g for the start",
	    sec == DOC_NONE ? 4 : (int)d->sections[sec].title_len,
	    sec == DOC_NONE ? "line" : d->text + d->sections[sec].title);
}

/* Save the reading position; failures are reported after the screen ends. */
static void
save(struct ui *u, const char *key, char *err, size_t errlen)
{
	struct pos pos = pager_pos(&u->pager);
	struct state_pos sp = { pos.block, pos.off };

	state_put(key, &sp, err, errlen);
}

/* Open VIEW over the pager. */
static void
open_view(struct ui *u, enum view_id view)
{
	if (view == VIEW_INDEX)
		index_open(&u->index, &u->pager);
	else if (view == VIEW_HELP)
		help_open(&u->help);
	u->view = view;
}

/* Close the view on top, back to the pager. */
static void
close_view(struct ui *u)
{
	if (u->view == VIEW_INDEX)
		index_free(&u->index);
	else if (u->view == VIEW_HELP)
		help_free(&u->help);
	u->view = VIEW_PAGER;
}

/* A mouse event: the wheel scrolls, a click in the index jumps. */
static void
mouse(struct ui *u)
{
	MEVENT ev;
	int dir;

	if (getmouse(&ev) != OK)
		return;
	dir = ev.bstate & BUTTON4_PRESSED ? -1 :
	    ev.bstate & BUTTON5_PRESSED ? 1 : 0;
	if (u->view == VIEW_INDEX) {
		if (dir)
			index_scroll(&u->index, dir);
		else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
		    BUTTON1_RELEASED) && index_click(&u->index, &u->pager, ev.y))
			close_view(u);
	} else if (u->view == VIEW_PAGER && dir) {
		int i;

		for (i = 0; i < WHEEL_LINES; i++)
			pager_act(&u->pager, dir < 0 ? ACT_LINE_UP : ACT_LINE_DOWN, 0);
	} else if (u->view == VIEW_HELP && dir)
		help_key(&u->help, dir < 0 ? 'k' : 'j', u->scr.rows);
}

/* Dispatch KEY to the view on top; return 1 to quit. */
static int
key(struct ui *u, int k)
{
	enum action a;

	switch (u->view) {
	case VIEW_INDEX:
		if (keymap_lookup(VIEW_INDEX, k) == ACT_HELP) {
			close_view(u);
			open_view(u, VIEW_HELP);
		} else if (index_key(&u->index, &u->pager, k))
			close_view(u);
		return 0;
	case VIEW_HELP:
		if (help_key(&u->help, k, u->scr.rows))
			close_view(u);
		return 0;
	default:
		break;
	}
	a = keymap_lookup(VIEW_PAGER, k);
	if (u->pager.pending == 0 && (a == ACT_INDEX || a == ACT_HELP)) {
		open_view(u, a == ACT_INDEX ? VIEW_INDEX : VIEW_HELP);
		return 0;
	}
	return pager_act(&u->pager, a, k);
}

/* Draw the view on top. */
static void
draw(struct ui *u)
{
	struct pager *p = &u->pager;

	if (u->view == VIEW_PAGER || p->cols < PAGER_MIN_COLS ||
	    p->rows < PAGER_MIN_ROWS)
		pager_draw(p);
	else if (u->view == VIEW_INDEX)
		index_draw(&u->index, p);
	else
		help_draw(&u->help, p->rows, p->cols);
	refresh();
}

int
ui_run(const struct doc *doc, const struct ui_opts *o)
{
	struct ui u;
	int k, status = EXIT_OK;
	char err[512] = "";

	memset(&u, 0, sizeof(u));
	if (screen_start(&u.scr, o->mouse) < 0)
		return EXIT_FILE;
	pager_init(&u.pager, doc, o->name, u.scr.utf8 ? 0 : LAYOUT_ASCII);
	pager_resize(&u.pager, u.scr.rows, u.scr.cols);
	if (o->state_key)
		resume(&u, o->state_key);
	for (;;) {
		draw(&u);
		k = screen_key();
		if (screen_quit_requested()) {
			status = 128 + screen_quit_requested();
			break;
		}
		if (k == KEY_GONE)
			break;
		if (k == KEY_NONE)
			continue;
		u.pager.hint = 0;
		if (k == (KEYCODE | KEY_RESIZE)) {
			screen_size(&u.scr);
			pager_resize(&u.pager, u.scr.rows, u.scr.cols);
			continue;
		}
		if (k == (KEYCODE | KEY_MOUSE)) {
			mouse(&u);
			continue;
		}
		if (u.view == VIEW_PAGER)
			u.pager.note[0] = '\0';
		if (key(&u, k))
			break;
	}
	if (o->state_key)
		save(&u, o->state_key, err, sizeof(err));
	close_view(&u);
	pager_free(&u.pager);
	screen_stop();
	if (err[0])
		fprintf(stderr, "quire: %s\n", err);
	return status;
}
