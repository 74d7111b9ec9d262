/*
 * The pager as the key loop's bottom view: its keys (those that open
 * other views, the ':' command line (:n, :p and :x at once), the '/' and
 * '?' search prompts, copying a link, R to reload; the rest are
 * pager_act's), the mouse
 * wheel, and drawing it with the prompt open over its status line.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "quire/keymap.h"
#include "quire/library.h"
#include "quire/pager.h"
#include "quire/prompt.h"
#include "quire/screen.h"
#include "quire/view.h"
#include "ui_priv.h"


/* c: the selected link's address to the clipboard, if the terminal
 * takes OSC 52; else say so and show it. */
static void
copy_link(struct pager *p)
{
	const struct link *l;

	if (!pager_link_shown(p)) {
		pager_note(p, "no link selected (Tab)");
		return;
	}
	l = &p->doc->links[p->link];
	if (terminal_copy(p->doc->aux + l->off, l->len) == 0)
		pager_note(p, "copied: %.*s",
		    (int)(l->len > 200 ? 200 : l->len), p->doc->aux + l->off);
	else
		pager_note(p, "this terminal cannot take a "
		    "copy; the address: %.*s", (int)(l->len > 160 ? 160 : l->len),
		    p->doc->aux + l->off);
}

/* Run the search typed at the '/' or '?' prompt.  An empty line repeats
 * the last search; after '?', it shows the help. */
static struct view_result
find(struct ui *u)
{
	int back = u->find.label[0] == '?';

	if (u->find.len == 0) {
		if (back)
			return view_goto(VR_OPEN, VIEW_HELP, view_no_arg());
		if (u->pager.query[0]) {
			u->pager.unlit = 0;
			pager_search_next(&u->pager, 0);
			ui_search_part(u); /* past a part: its bytes */
		}
		return view_result(VR_STAY);
	}
	u->pager.unlit = 0; /* a search shows its matches again */
	pager_search(&u->pager, u->find.buf, back);
	ui_search_part(u);
	return view_result(VR_STAY);
}

/* Run a ':' command. */
static struct view_result
command(struct ui *u, const char *cmd)
{
	struct view_arg arg = view_no_arg();

	while (*cmd == ' ')
		cmd++;
	if (strcmp(cmd, "n") == 0 || strcmp(cmd, "p") == 0) {
		size_t i = u->lib->cur;

		if (cmd[0] == 'n' ? i + 1 >= u->lib->n : i == 0)
			pager_note(&u->pager,
			    "no %s document", cmd[0] == 'n' ? "next" : "previous");
		else {
			arg.doc = cmd[0] == 'n' ? i + 1 : i - 1;
			return view_goto(VR_OPEN, VIEW_PAGER, arg);
		}
	} else if (strcmp(cmd, "x") == 0) {
		if (u->lib->cur == 0)
			pager_note(&u->pager, "this is the first document");
		else {
			arg.doc = 0;
			return view_goto(VR_OPEN, VIEW_PAGER, arg);
		}
	} else if (strcmp(cmd, "table") == 0 || strcmp(cmd, "t") == 0)
		return view_goto(VR_OPEN, VIEW_TABLE, arg);
	else if (strcmp(cmd, "faq") == 0 || strcmp(cmd, "a") == 0)
		return view_goto(VR_OPEN, VIEW_FAQ, arg);
	else if (strcmp(cmd, "index") == 0 || strcmp(cmd, "i") == 0)
		return view_goto(VR_OPEN, VIEW_INDEX, arg);
	else if (strcmp(cmd, "help") == 0 || strcmp(cmd, "h") == 0)
		return view_goto(VR_OPEN, VIEW_HELP, arg);
	else if (strcmp(cmd, "quit") == 0 || strcmp(cmd, "q") == 0)
		return view_result(VR_QUIT);
	else if (*cmd != '\0')
		pager_note(&u->pager,
		    "unknown command: %.60s (try :n, :p, :x, :table, :faq, :index, "
		    ":help)",
		    cmd);
	return view_result(VR_STAY);
}

/* The keys that leave the pager's text: views, prompts, copying.  Sets
 * *DONE when A was one of them. */
static struct view_result
pager_view_act(struct ui *u, enum action a, int *done)
{
	struct view_arg none = view_no_arg();

	*done = 1;
	switch (a) {
	case ACT_INDEX:
		return view_goto(VR_OPEN, VIEW_INDEX, none);
	case ACT_SIDE_INDEX:
		/* I on the index shown gives it the keys; else it shows */
		if (u->pager.side_w == 0) {
			*done = 0;
			break;
		}
		return view_goto(VR_OPEN, VIEW_SIDE, none);
	case ACT_HELP:
		return view_goto(VR_OPEN, VIEW_HELP, none);
	case ACT_TABLE:
		return view_goto(VR_OPEN, VIEW_TABLE, none);
	case ACT_FAQ:
		return view_goto(VR_OPEN, VIEW_FAQ, none);
	case ACT_LIBRARY:
		return view_goto(VR_OPEN, VIEW_LIBRARY, none);
	case ACT_COMMAND:
		prompt_open(&u->command, ":");
		break;
	case ACT_SEARCH:
	case ACT_SEARCH_BACK:
		prompt_open(&u->find, a == ACT_SEARCH ? "/" : "?");
		break;
	case ACT_NEXT_LINK:
		/* Tab with no link on screen opens the index, as before */
		if (!pager_link_step(&u->pager, 1) &&
		    !pager_link_shown(&u->pager))
			return view_goto(VR_OPEN, VIEW_INDEX, none);
		if (pager_link_shown(&u->pager))
			pager_link_note(&u->pager);
		break;
	case ACT_COPY:
		copy_link(&u->pager);
		break;
	default:
		*done = 0;
		break;
	}
	return view_result(VR_STAY);
}

/* A key while the ':' line is open: n, p and x on an empty line act at
 * once, as in less; other commands wait for Enter. */
static struct view_result
command_key(struct ui *u, int k)
{
	if (u->command.len == 0 && (k == 'n' || k == 'p' || k == 'x')) {
		u->command.active = 0;
		return command(u, k == 'n' ? "n" : k == 'p' ? "p" : "x");
	}
	if (prompt_key(&u->command, k) == PROMPT_ACCEPT)
		return command(u, u->command.buf);
	return view_result(VR_STAY);
}

static struct view_result
pager_view_key(void *st, struct view_ctx *c, int k)
{
	struct ui *u = c->ui;
	struct pager *p = st;
	struct view_result r;
	struct view_arg arg = view_no_arg();
	struct pos back;
	enum action a;
	size_t n;
	int done;

	if (u->command.active)
		return command_key(u, k);
	if (u->find.active) {
		if (prompt_key(&u->find, k) == PROMPT_ACCEPT)
			return find(u);
		return view_result(VR_STAY);
	}
	if ((k = pager_key_begin(p, k)) == KEY_NONE)
		return view_result(VR_STAY);
	a = keymap_lookup(VIEW_PAGER, k);
	if (k == KEY_OTHER || (k & KEYALT && a == ACT_NONE)) {
		pager_note(p, "no such key");
		return view_result(VR_STAY);
	}
	/* less's keys quire has not (F, v, !, |, s, ...): say so */
	if (a == ACT_NONE && p->pending == 0 && k > ' ' && k < 127) {
		p->count = 0;
		pager_note(p, "%c: no such key in quire (h: help)", k);
		return view_result(VR_STAY);
	}
	if (p->pending == 0) {
		if (a == ACT_RELOAD) {
			p->count = 0;
			ui_reload(u);
			return view_result(VR_STAY);
		}
		n = p->count;
		switch (ui_jump_part(u, a, n)) { /* before the whole is here */
		case 1:
			p->count = 0;
			return view_result(VR_STAY);
		case -1: /* it is here now: the key acts on it */
			p->count = n;
			break;
		}
		r = pager_view_act(u, a, &done);
		if (done) {
			p->count = 0;
			return r;
		}
	}
	if (pager_act(p, a, k))
		return view_result(VR_QUIT);
	if (a == ACT_NEXT_MATCH || a == ACT_PREV_MATCH)
		ui_search_part(u); /* past a part: its bytes */
	u->chop = p->chop; /* -S holds for every document */
	u->side = p->side; /* and I */
	if (pager_take_reopen(p, &back)) { /* back into a table view */
		arg.table = back.table;
		arg.row = back.row;
		return view_goto(VR_OPEN, back.table == POS_ANSWER ? VIEW_FAQ :
		    VIEW_TABLE, arg);
	}
	return view_result(VR_STAY);
}

/* The pager is always open: opening it reads library entry ARG.doc, if
 * that is another document. */
static void *
pager_view_open(struct view_ctx *c, struct view_arg arg)
{
	if (arg.doc != VIEW_NO_DOC && arg.doc != c->lib->cur)
		ui_switch_doc(c->ui, arg.doc);
	return c->pager;
}

static struct view_result
pager_view_mouse(void *st, struct view_ctx *c, const struct view_mouse *m)
{
	int i;

	(void)c;
	if (m->click && sideindex_click(st, m->row, m->col))
		return view_result(VR_STAY);
	for (i = 0; m->wheel && i < PAGER_WHEEL_LINES; i++)
		pager_act(st, m->wheel < 0 ? ACT_LINE_UP : ACT_LINE_DOWN, 0);
	return view_result(VR_STAY);
}

static void
pager_view_resize(void *st, struct view_ctx *c)
{
	pager_resize(st, c->rows, c->cols);
}

static void
pager_view_draw(void *st, struct view_ctx *c)
{
	struct pager *p = st;
	struct ui *u = c->ui;

	pager_draw(p);
	if (u->command.active && p->rows > 0)
		prompt_draw(&u->command, p->rows - 1, p->cols);
	if (u->find.active && p->rows > 0)
		prompt_draw(&u->find, p->rows - 1, p->cols);
}

/* The pager outlives the views: the session frees it. */
static void
pager_view_close(void *st)
{
	(void)st;
}

const struct view_ops pager_view_ops = {
	pager_view_open, pager_view_key, pager_view_mouse, pager_view_resize,
	pager_view_draw, pager_view_close,
};
