/*
 * The key loop: a stack of views with the pager at its bottom (the
 * index, the table view, quick answers, the documents, the help over
 * them); draw the one on top, read a key or a mouse event, hand it to
 * that view through its operations (view.h) and do what it returns,
 * until the reader quits or a signal asks to; between keys, finish
 * laying out.  Documents and their reading positions are session.c's;
 * the pager's own keys are pager_view.c's.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/exit.h"
#include "quire/faq.h"
#include "quire/hyperlink.h"
#include "quire/highlight.h"
#include "quire/pager.h"
#include "quire/screen.h"
#include "quire/prompt.h"
#include "quire/ui.h"
#include "quire/view.h"
#include "ui_priv.h"

#define LOAD_POLL_MS 10 /* look this often for a background load's end */

/* The views, by id; NULL for the keymap's modes that are not views. */
static const struct view_ops *const views[VIEW__MAX] = {
	[VIEW_PAGER] = &pager_view_ops,
	[VIEW_INDEX] = &index_view_ops,
	[VIEW_SIDE] = &side_view_ops,
	[VIEW_LIBRARY] = &libview_ops,
	[VIEW_FAQ] = &answers_view_ops,
	[VIEW_TABLE] = &table_view_ops,
	[VIEW_HELP] = &help_view_ops,
};

/* The view on top. */
static struct ui_view *
top(struct ui *u)
{
	return &u->stack[u->depth - 1];
}

void
ui_view_close(struct ui *u)
{
	struct ui_view *v;

	if (u->depth <= 1)
		return;
	v = top(u);
	v->ops->close(v->st);
	v->ops = NULL;
	v->st = NULL;
	u->depth--;
}

void
ui_views_close(struct ui *u)
{
	while (u->depth > 1)
		ui_view_close(u);
}

int
ui_view_open(struct ui *u, enum view_id id, struct view_arg arg)
{
	const struct view_ops *ops = views[id];
	void *st;

	if (ops == NULL)
		return 0;
	if (ops == &pager_view_ops) { /* the bottom of the stack */
		ui_views_close(u);
		ops->open(&u->c, arg);
		return 1;
	}
	if (u->depth == UI_MAX_VIEWS)
		return 0;
	pager_need_all(&u->pager); /* views look at all of it */
	if ((st = ops->open(&u->c, arg)) == NULL)
		return 0;
	u->stack[u->depth].ops = ops;
	u->stack[u->depth].st = st;
	u->depth++;
	return 1;
}

/* Do what a view's key handler returned; 1 to quit. */
static int
apply(struct ui *u, struct view_result r)
{
	switch (r.what) {
	case VR_STAY:
		return 0;
	case VR_CLOSE:
		ui_view_close(u);
		return 0;
	case VR_SWITCH:
		ui_view_close(u);
		ui_view_open(u, r.to, r.arg);
		return 0;
	case VR_OPEN:
		ui_view_open(u, r.to, r.arg);
		return 0;
	case VR_QUIT:
		return 1;
	}
	return 0;
}

/* Read the mouse event of a KEY_MOUSE into U->mouse; 0 if there is
 * none.  Once: a second call before mouse() gives the same. */
static int
mouse_read(struct ui *u)
{
	struct view_mouse *m = &u->mouse;
	MEVENT ev;

	if (u->mouse_read)
		return 1;
	if (getmouse(&ev) != OK)
		return 0;
	m->wheel = ev.bstate & BUTTON4_PRESSED ? -1 :
	    ev.bstate & BUTTON5_PRESSED ? 1 : 0;
	m->click = (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
	    BUTTON1_RELEASED)) != 0;
	m->press = (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0;
	m->row = ev.y;
	m->col = ev.x;
	u->mouse_read = 1;
	return 1;
}

/* A mouse event, to the view on top. */
static int
mouse(struct ui *u)
{
	struct ui_view *v = top(u);
	int have = mouse_read(u);

	u->mouse_read = 0;
	if (!have || v->ops->mouse == NULL)
		return 0;
	return apply(u, v->ops->mouse(v->st, &u->c, &u->mouse));
}

/* The screen changed size: every open view, the pager first. */
static void
resize(struct ui *u)
{
	int i;

	screen_size(&u->scr);
	screen_hyperlinks_reset(); /* the screen is drawn afresh */
	u->c.rows = u->scr.rows;
	u->c.cols = u->scr.cols;
	for (i = 0; i < u->depth; i++) {
		if (i == 1) /* views look at all of it */
			pager_need_all(&u->pager);
		if (u->stack[i].ops->resize != NULL)
			u->stack[i].ops->resize(u->stack[i].st, &u->c);
	}
}

/* The next key.  Meanwhile show the whole document once its background
 * load is done (any key waits for it first, but those that jump far,
 * which show a part there, and those that move within the part shown:
 * early()), and lay the document out and count a search's matches
 * between keys until all is done. */
static void draw(struct ui *u);

/* Whether action A moves the pager within the part shown, its screen
 * after the move still short of the part's end (which is not the
 * document's) and, in a part from further on, not above its start:
 * j, k, Space, b, d, u, z, w and their other keys, a count only on j and
 * k; LINES, when not 0, the lines j or k moves (the wheel's). */
static int
moves_in_part(struct ui *u, enum action a, size_t lines)
{
	struct pager *p = &u->pager;
	size_t rows = (size_t)pager_text_rows(p), by, need;
	int up = a == ACT_LINE_UP || a == ACT_PAGE_UP || a == ACT_HALF_UP ||
	    a == ACT_WINDOW_UP;

	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_LINE_UP:
		by = lines ? lines : p->count ? p->count : 1;
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
	case ACT_WINDOW_DOWN:
	case ACT_WINDOW_UP:
		by = p->window ? p->window : rows;
		break;
	case ACT_HALF_DOWN:
	case ACT_HALF_UP:
		by = p->half ? p->half : rows;
		break;
	default:
		return 0;
	}
	if (p->count != 0 && a != ACT_LINE_DOWN && a != ACT_LINE_UP)
		return 0; /* a count sets a page's size: the whole's */
	if (up)
		return !p->unknown || p->top >= by;
	if (by > SIZE_MAX / 2 - p->top - rows)
		return 0;
	need = p->top + by + rows; /* the line after the screen moved to */
	pager_need(p, need);
	return p->lay->nlines > need;
}

/* Whether key K, read while the document loads, acts on a part of it
 * rather than wait, in the pager: a count's digits, G, g, %, ] and },
 * / and ? and what is typed at their prompt, n and N, Ctrl-C (which
 * gives up a search waiting for the whole), q (or ZZ), which quits
 * without the whole (its parse is given up), and the keys and the wheel
 * that move within the part (moves_in_part). */
static int
early(struct ui *u, int k)
{
	enum action a;

	if (u->depth != 1 || u->command.active)
		return 0;
	if (u->find.active || (k == KEY_INTR && u->pager.pending == 0))
		return 1;
	if (u->pager.pending != 0) /* ZZ quits as q does */
		return u->pager.pending == 'Z' && k == 'Z';
	if (k == (KEYCODE | KEY_MOUSE)) /* the wheel moves as j and k do */
		return mouse_read(u) && u->mouse.wheel != 0 &&
		    moves_in_part(u, u->mouse.wheel < 0 ? ACT_LINE_UP :
		    ACT_LINE_DOWN, PAGER_WHEEL_LINES - 1 +
		    (u->pager.count ? u->pager.count : 1));
	a = keymap_lookup(VIEW_PAGER, k);
	if (moves_in_part(u, a, 0))
		return 1;
	return a == ACT_COUNT || a == ACT_PERCENT || a == ACT_NEXT_TOP ||
	    a == ACT_QUIT ||
	    a == ACT_SEARCH || a == ACT_SEARCH_BACK || a == ACT_NEXT_MATCH ||
	    a == ACT_PREV_MATCH || (u->pager.count == 0 &&
	    (a == ACT_BOTTOM || a == ACT_TOP || a == ACT_NEXT_SECTION));
}

static int
next_key(struct ui *u)
{
	char keep[256];
	int k;

	if (library_loading(u->lib, u->lib->cur)) {
		/* A search in the part counts its matches meanwhile. */
		k = screen_key_wait(pager_search_busy(&u->pager) ||
		    u->pager.hl_later || ui_seek_busy(u) ? 0 : LOAD_POLL_MS);
		/* And a search past the part looks on in the file's bytes. */
		if (k == KEY_NONE && ui_seek_busy(u) && !u->pager.hl_later &&
		    !library_ready(u->lib, u->lib->cur)) {
			ui_seek_more(u);
			return k;
		}
		if (k == KEY_NONE && (pager_search_busy(&u->pager) ||
		    u->pager.hl_later) &&
		    !library_ready(u->lib, u->lib->cur)) {
			pager_idle(&u->pager);
			return k;
		}
		if (screen_quit_requested())
			return k;
		if (k != KEY_NONE && !library_ready(u->lib, u->lib->cur) &&
		    early(u, k))
			return k;
		if (k != KEY_NONE && !library_ready(u->lib, u->lib->cur)) {
			/* Say why the key waits. */
			snprintf(keep, sizeof(keep), "%s",
			    pager_note_text(&u->pager));
			pager_note(&u->pager,
			    "reading the rest of the file\xE2\x80\xA6");
			draw(u);
			pager_note(&u->pager, "%s", keep);
		}
		if (k != KEY_NONE || library_ready(u->lib, u->lib->cur))
			ui_finish_load(u);
		return k;
	}
	if (pager_busy(&u->pager)) {
		k = screen_key_now();
		if (k == KEY_NONE && !screen_quit_requested())
			pager_idle(&u->pager);
		return k;
	}
	return screen_key();
}

/* After a refresh: the links on the pager's screen as terminal
 * hyperlinks (none when PAGER, the pager is on top, is 0). */
static void
hyperlinks(struct ui *u, int pager)
{
	struct hyperlink_cells cells[HYPERLINK_CELLS];
	struct buf urls = { 0 };
	size_t n = 0;

	if (pager)
		n = pager_hyperlinks(&u->pager, cells, HYPERLINK_CELLS, &urls);
	screen_hyperlinks(cells, n);
	buf_free(&urls);
}

/* Draw the view on top (the pager, below the smallest screen). */
static void
draw(struct ui *u)
{
	struct ui_view *v = top(u);
	struct pager *p = &u->pager;

	if (p->cols < PAGER_MIN_COLS || p->rows < PAGER_MIN_ROWS)
		v = &u->stack[0];
	v->ops->draw(v->st, &u->c);
	refresh();
	library_go(u->lib); /* the rest loads once the screen is drawn */
	if (u->links)
		hyperlinks(u, v == &u->stack[0]);
}

/* Put the warnings printed before the screen opened, and the SKIPPED
 * first files that cannot be read, in the status line: the first, and
 * how many there are. */
static void
show_warnings(struct ui *u, size_t skipped)
{
	const struct lib_entry *e = &u->lib->e[0];
	int n = u->o->nwarnings + (int)skipped;
	char first[300];

	if (n == 0)
		return;
	if (u->o->warning != NULL)
		snprintf(first, sizeof(first), "%s", u->o->warning);
	else
		snprintf(first, sizeof(first), "%s: %s; skipped", e->name,
		    doc_strerror(e->err, e->errnum));
	if (n == 1)
		pager_note(&u->pager, "%s", first);
	else
		pager_note(&u->pager, "1 of %d warnings: %s", n, first);
}

int
ui_run(struct library *lib, const struct ui_opts *o)
{
	struct ui u;
	int k, status = EXIT_OK;
	char err[512] = "";
	struct doc *first;
	size_t skipped;

	memset(&u, 0, sizeof(u));
	u.lib = lib;
	u.o = o;
	u.chop = o->chop;
	u.side = o->side;
	u.links = o->hyperlinks == HYPERLINKS_ALWAYS ||
	    (o->hyperlinks == HYPERLINKS_AUTO && hyperlink_terminal(getenv));
	if ((k = screen_start(&u.scr, o->mouse, o->theme)) < 0)
		return k == SCREEN_UNUSABLE ? UI_NO_SCREEN : EXIT_FILE;
	/* A directory opens on its list: the titles, before any load in
	 * the background can hold the parser. */
	if (lib->from_dir && lib->n > 1)
		library_scan_titles(lib);
	for (lib->cur = 0; lib->cur < lib->n; lib->cur++)
		if ((first = library_start(lib, lib->cur)) != NULL)
			break;
	skipped = lib->cur;
	if (lib->cur == lib->n) {
		screen_stop();
		fprintf(stderr, "quire: none of the files can be read\n");
		return EXIT_FILE;
	}
	u.hl = o->highlight ? hl_new(NULL) : NULL;
	u.c.pager = &u.pager;
	u.c.lib = lib;
	u.c.rows = u.scr.rows;
	u.c.cols = u.scr.cols;
	u.c.ui = &u;
	u.stack[0].ops = &pager_view_ops;
	u.stack[0].st = &u.pager;
	u.depth = 1;
	ui_show_doc(&u, lib->cur, first);
	/* The first screen's code is drawn plain, coloured once no key
	 * waits: opening the highlighting module (Source-highlight and the
	 * C++ libraries it links) and its language is 3 ms of a start. */
	pager_highlight_later(&u.pager);
	show_warnings(&u, skipped);
	if (lib->from_dir && lib->n > 1)
		ui_view_open(&u, VIEW_LIBRARY, view_no_arg());
	for (;;) {
		draw(&u);
		k = next_key(&u);
		if (screen_quit_requested()) {
			status = 128 + screen_quit_requested();
			break;
		}
		if (k == KEY_GONE)
			break;
		if (k == KEY_NONE)
			continue;
		pager_hide_hint(&u.pager);
		if (k == (KEYCODE | KEY_RESIZE)) {
			resize(&u);
			continue;
		}
		if (k == (KEYCODE | KEY_MOUSE)) {
			if (mouse(&u))
				break;
			continue;
		}
		if (u.depth == 1) /* a key takes the pager's note away */
			pager_note_clear(&u.pager);
		if (apply(&u, top(&u)->ops->key(top(&u)->st, &u.c, k)))
			break;
	}
	if (u.state_key && ui_save(&u, err, sizeof(err)) < 0 &&
	    status == EXIT_OK)
		status = EXIT_FILE; /* the position is lost: say so */
	free(u.state_key);
	free(u.places);
	ui_views_close(&u);
	prompt_free(&u.command);
	prompt_free(&u.find);
	faq_index_free(u.c.faq_index);
	pager_free(&u.pager);
	nav_kept_free(&u.first);
	ui_part_places_free(&u);
	ui_seek_stop(&u);
	hl_free(u.hl);
	screen_stop();
	if (err[0])
		fprintf(stderr, "quire: %s\n", err);
	return status;
}
