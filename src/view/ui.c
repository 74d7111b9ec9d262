/*
 * The key loop: draw the view on top (the pager, the index, the table
 * view, quick answers, the documents, the help), read a key or a mouse
 * event, look it up in the keymap, act, until the reader quits or a
 * signal asks to; between keys, finish laying out.  Documents and their
 * reading positions are session.c's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/answers.h"
#include "quire/exit.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/screen.h"
#include "quire/prompt.h"
#include "quire/state.h"
#include "quire/tableview.h"
#include "quire/ui.h"
#include "quire/views.h"
#include "ui_priv.h"

#define WHEEL_LINES 3
#define LOAD_POLL_MS 10 /* look this often for a background load's end */

/* Close the view on top, back to the pager (or, from help, to the view
 * help was opened over). */
void
close_view(struct ui *u)
{
	if (u->view == VIEW_INDEX)
		index_free(&u->index);
	else if (u->view == VIEW_TABLE)
		table_view_free(&u->table);
	else if (u->view == VIEW_FAQ)
		faq_view_free(&u->faq);
	else if (u->view == VIEW_HELP) {
		help_free(&u->help);
		u->view = u->under_help;
		u->under_help = VIEW_PAGER;
		return;
	}
	u->view = VIEW_PAGER;
}

/* Open the table view on table T, row ROW; 0 if there is no table. */
static int
open_table(struct ui *u, uint32_t t, uint32_t row)
{
	if (t >= u->pager.doc->ntables) {
		snprintf(u->pager.note, sizeof(u->pager.note),
		    "this document has no table");
		return 0;
	}
	table_view_open(&u->table, u->pager.doc, t, row,
	    u->pager.lay_flags & LAYOUT_ASCII);
	u->view = VIEW_TABLE;
	return 1;
}

/* Open VIEW over the pager (help goes over any view). */
void
open_view(struct ui *u, enum view_id view)
{
	uint32_t t, row;

	pager_need_all(&u->pager);
	if (view == VIEW_INDEX)
		index_open(&u->index, &u->pager);
	else if (view == VIEW_HELP) {
		help_open(&u->help);
		u->under_help = u->view;
	} else if (view == VIEW_TABLE) {
		t = table_nearest(u->pager.lay, u->pager.top, &row);
		open_table(u, t, row);
		return;
	} else if (view == VIEW_LIBRARY) {
		size_t i;

		for (i = 0; i < u->lib->n && i < 1000; i++) /* for the titles */
			library_doc(u->lib, i);
		u->lib_sel = u->lib->cur;
	} else if (view == VIEW_FAQ) {
		if (u->faq_index == NULL)
			u->faq_index = faq_index_new(u->pager.doc);
		faq_view_open(&u->faq, u->pager.doc, u->faq_index, u->pager.lay,
		    u->pager.lay_flags);
	}
	u->view = view;
}

/* From the table view, go to the section its row names. */
static void
table_to_section(struct ui *u)
{
	struct pos from = pager_pos(&u->pager);
	uint32_t sec = u->table.section;

	from.table = u->table.table;
	from.row = table_view_row(&u->table);
	close_view(u);
	pager_need_all(&u->pager);
	pager_jump_from(&u->pager, layout_line_of_section(u->pager.lay, sec),
	    from);
}

/* c: the selected link's address to the clipboard, if the terminal
 * takes OSC 52; else say so and show it. */
static void
copy_link(struct ui *u)
{
	struct pager *p = &u->pager;
	const struct link *l;

	if (!pager_link_shown(p)) {
		snprintf(p->note, sizeof(p->note), "no link selected (Tab)");
		return;
	}
	l = &p->doc->links[p->link];
	if (terminal_copy(p->doc->aux + l->off, l->len) == 0)
		snprintf(p->note, sizeof(p->note), "copied: %.*s",
		    (int)(l->len > 200 ? 200 : l->len), p->doc->aux + l->off);
	else
		snprintf(p->note, sizeof(p->note), "this terminal cannot take a "
		    "copy; the address: %.*s", (int)(l->len > 160 ? 160 : l->len),
		    p->doc->aux + l->off);
}

/* Run the search typed at the '/' or '?' prompt.  An empty line repeats
 * the last search; after '?', it shows the help. */
static void
find(struct ui *u)
{
	int back = u->find.label[0] == '?';

	pager_need_all(&u->pager);
	if (u->find.len == 0) {
		if (back)
			open_view(u, VIEW_HELP);
		else if (u->pager.query[0])
			pager_search_next(&u->pager, 0);
		return;
	}
	pager_search(&u->pager, u->find.buf, back);
}

/* Run a ':' command. */
static int
command(struct ui *u, const char *cmd)
{
	while (*cmd == ' ')
		cmd++;
	if (strcmp(cmd, "n") == 0 || strcmp(cmd, "p") == 0) {
		size_t i = u->lib->cur;

		if (cmd[0] == 'n' ? i + 1 >= u->lib->n : i == 0)
			snprintf(u->pager.note, sizeof(u->pager.note),
			    "no %s document", cmd[0] == 'n' ? "next" : "previous");
		else
			ui_switch_doc(u, cmd[0] == 'n' ? i + 1 : i - 1);
	} else if (strcmp(cmd, "table") == 0 || strcmp(cmd, "t") == 0)
		open_view(u, VIEW_TABLE);
	else if (strcmp(cmd, "faq") == 0 || strcmp(cmd, "a") == 0)
		open_view(u, VIEW_FAQ);
	else if (strcmp(cmd, "index") == 0 || strcmp(cmd, "i") == 0)
		open_view(u, VIEW_INDEX);
	else if (strcmp(cmd, "help") == 0 || strcmp(cmd, "h") == 0)
		open_view(u, VIEW_HELP);
	else if (strcmp(cmd, "quit") == 0 || strcmp(cmd, "q") == 0)
		return 1;
	else if (*cmd != '\0')
		snprintf(u->pager.note, sizeof(u->pager.note),
		    "unknown command: %.60s (try :n, :p, :table, :faq, :index, :help)",
		    cmd);
	return 0;
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
	else if (u->view == VIEW_TABLE && dir)
		table_view_key(&u->table, dir < 0 ? 'k' : 'j', u->scr.rows,
		    u->scr.cols);
}

/* Dispatch KEY to the view on top; return 1 to quit. */
static int
key(struct ui *u, int k)
{
	enum action a;
	int r;

	if (u->command.active) {
		if (prompt_key(&u->command, k) == PROMPT_ACCEPT)
			return command(u, u->command.buf);
		return 0;
	}
	if (u->find.active) {
		if (prompt_key(&u->find, k) == PROMPT_ACCEPT)
			find(u);
		return 0;
	}
	switch (u->view) {
	case VIEW_LIBRARY:
		switch (library_view_key(u->lib, &u->lib_sel, k)) {
		case 1:
			close_view(u);
			break;
		case 2:
			close_view(u);
			if (u->lib_sel != u->lib->cur)
				ui_switch_doc(u, u->lib_sel);
			break;
		}
		return 0;
	case VIEW_FAQ:
		switch (faq_view_key(&u->faq, k, u->scr.rows)) {
		case FV_CLOSE:
			close_view(u);
			break;
		case FV_GOTO_BLOCK: {
			uint32_t b = u->faq.goto_block;

			close_view(u);
			pager_need_all(&u->pager);
			pager_jump(&u->pager, layout_line_of_block(u->pager.lay, b));
			break;
		}
		case FV_GOTO_LINE: {
			size_t line = u->faq.goto_line;

			close_view(u);
			pager_jump(&u->pager, line > 2 ? line - 2 : 0);
			break;
		}
		case FV_STAY:
			break;
		}
		return 0;
	case VIEW_TABLE:
		switch (table_view_key(&u->table, k, u->scr.rows, u->scr.cols)) {
		case TV_CLOSE:
			close_view(u);
			break;
		case TV_GO_SECTION:
			table_to_section(u);
			break;
		case TV_HELP:
			open_view(u, VIEW_HELP);
			break;
		case TV_STAY:
			break;
		}
		return 0;
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
	if (u->pager.pending == 0) {
		switch (a) {
		case ACT_INDEX:
			open_view(u, VIEW_INDEX);
			return 0;
		case ACT_HELP:
			open_view(u, VIEW_HELP);
			return 0;
		case ACT_TABLE:
			open_view(u, VIEW_TABLE);
			return 0;
		case ACT_COMMAND:
			prompt_open(&u->command, ":");
			return 0;
		case ACT_SEARCH:
		case ACT_SEARCH_BACK:
			prompt_open(&u->find, a == ACT_SEARCH ? "/" : "?");
			return 0;
		case ACT_FAQ:
			open_view(u, VIEW_FAQ);
			return 0;
		case ACT_LIBRARY:
			open_view(u, VIEW_LIBRARY);
			return 0;
		case ACT_NEXT_LINK:
			/* Tab with no link on screen opens the index, as before */
			if (!pager_link_step(&u->pager, 1) &&
			    !pager_link_shown(&u->pager)) {
				open_view(u, VIEW_INDEX);
				return 0;
			}
			if (pager_link_shown(&u->pager))
				pager_link_note(&u->pager);
			return 0;
		case ACT_COPY:
			copy_link(u);
			return 0;
		default:
			break;
		}
	}
	r = pager_act(&u->pager, a, k);
	u->chop = u->pager.chop; /* -S holds for every document */
	if (u->pager.reopen.table != DOC_NONE) { /* back into a table view */
		open_table(u, u->pager.reopen.table, u->pager.reopen.row);
		u->pager.reopen.table = DOC_NONE;
	}
	return r;
}

/* The next key.  Meanwhile show the whole document once its background
 * load is done (any key waits for it first), and lay the document out
 * between keys until it is all laid out. */
static void draw(struct ui *u);

static int
next_key(struct ui *u)
{
	char keep[sizeof(u->pager.note)];
	int k;

	if (library_loading(u->lib, u->lib->cur)) {
		k = screen_key_wait(LOAD_POLL_MS);
		if (screen_quit_requested())
			return k;
		if (k != KEY_NONE && !library_ready(u->lib, u->lib->cur)) {
			/* Say why the key waits. */
			memcpy(keep, u->pager.note, sizeof(keep));
			snprintf(u->pager.note, sizeof(u->pager.note),
			    "reading the rest of the file\xE2\x80\xA6");
			draw(u);
			memcpy(u->pager.note, keep, sizeof(keep));
		}
		if (k != KEY_NONE || library_ready(u->lib, u->lib->cur))
			ui_finish_load(u);
		return k;
	}
	if (!layout_done(u->pager.lay)) {
		k = screen_key_now();
		if (k == KEY_NONE && !screen_quit_requested())
			pager_idle(&u->pager);
		return k;
	}
	return screen_key();
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
	else if (u->view == VIEW_TABLE)
		table_view_draw(&u->table, p->rows, p->cols);
	else if (u->view == VIEW_FAQ)
		faq_view_draw(&u->faq, p->rows, p->cols);
	else if (u->view == VIEW_LIBRARY)
		library_view_draw(u->lib, u->lib_sel, p->rows, p->cols);
	else
		help_draw(&u->help, p->rows, p->cols);
	if (u->command.active && p->rows > 0)
		prompt_draw(&u->command, p->rows - 1, p->cols);
	if (u->find.active && p->rows > 0)
		prompt_draw(&u->find, p->rows - 1, p->cols);
	refresh();
}

int
ui_run(struct library *lib, const struct ui_opts *o)
{
	struct ui u;
	int k, status = EXIT_OK;
	char err[512] = "";
	struct doc *first;

	memset(&u, 0, sizeof(u));
	u.lib = lib;
	u.o = o;
	u.chop = o->chop;
	if ((k = screen_start(&u.scr, o->mouse, o->theme)) < 0)
		return k == SCREEN_UNUSABLE ? UI_NO_SCREEN : EXIT_FILE;
	for (lib->cur = 0; lib->cur < lib->n; lib->cur++)
		if ((first = library_start(lib, lib->cur)) != NULL)
			break;
	if (lib->cur == lib->n) {
		screen_stop();
		fprintf(stderr, "quire: none of the files can be read\n");
		return EXIT_FILE;
	}
	ui_show_doc(&u, lib->cur, first);
	if (lib->from_dir && lib->n > 1)
		open_view(&u, VIEW_LIBRARY);
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
		u.pager.hint = 0;
		if (k == (KEYCODE | KEY_RESIZE)) {
			screen_size(&u.scr);
			pager_resize(&u.pager, u.scr.rows, u.scr.cols);
			if (u.view != VIEW_PAGER) /* views look at all of it */
				pager_need_all(&u.pager);
			if (u.view == VIEW_FAQ)
				faq_view_relayout(&u.faq, u.pager.lay);
			continue;
		}
		if (k == (KEYCODE | KEY_MOUSE)) {
			mouse(&u);
			continue;
		}
		if (u.view == VIEW_PAGER)
			u.pager.note[0] = '\0';
		if (u.pager.pending == 27 && k != '(' && k != ')')
			u.pager.pending = 0; /* Esc, then any other key: the key */
		if (u.view == VIEW_PAGER && !u.command.active && !u.find.active &&
		    !u.pager.pending &&
		    keymap_lookup(VIEW_PAGER, k) == ACT_RELOAD) {
			ui_reload(&u);
			continue;
		}
		if (key(&u, k))
			break;
	}
	if (u.state_key)
		ui_save(&u, err, sizeof(err));
	free(u.state_key);
	while (u.view != VIEW_PAGER)
		close_view(&u);
	prompt_free(&u.command);
	prompt_free(&u.find);
	faq_index_free(u.faq_index);
	pager_free(&u.pager);
	screen_stop();
	if (err[0])
		fprintf(stderr, "quire: %s\n", err);
	return status;
}
