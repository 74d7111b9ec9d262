/*
 * The key table.  Every binding of every view is a row here: dispatch
 * looks keys up in it, the help screen prints it, a test checks the man
 * page against it.  Rows for one action sit together; the first row of
 * an action carries its help text.
 */
#include <curses.h>

#include "quire/keymap.h"
#include "quire/screen.h"

#define CTRL(c) ((c) & 0x1f)
#define FN(k) (KEYCODE | (k))

const struct keybind keymap[] = {
	{ VIEW_PAGER, ' ', ACT_PAGE_DOWN, "Space", "next page" },
	{ VIEW_PAGER, 'f', ACT_PAGE_DOWN, "f", NULL },
	{ VIEW_PAGER, FN(KEY_NPAGE), ACT_PAGE_DOWN, "PgDn", NULL },
	{ VIEW_PAGER, CTRL('f'), ACT_PAGE_DOWN, "Ctrl-F", NULL },
	{ VIEW_PAGER, 'b', ACT_PAGE_UP, "b", "previous page" },
	{ VIEW_PAGER, FN(KEY_PPAGE), ACT_PAGE_UP, "PgUp", NULL },
	{ VIEW_PAGER, CTRL('b'), ACT_PAGE_UP, "Ctrl-B", NULL },
	{ VIEW_PAGER, 'j', ACT_LINE_DOWN, "j", "next line" },
	{ VIEW_PAGER, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", NULL },
	{ VIEW_PAGER, '\r', ACT_LINE_DOWN, "Enter", NULL },
	{ VIEW_PAGER, '\n', ACT_LINE_DOWN, "Ctrl-J", NULL },
	{ VIEW_PAGER, FN(KEY_ENTER), ACT_LINE_DOWN, "KP-Enter", NULL },
	{ VIEW_PAGER, 'e', ACT_LINE_DOWN, "e", NULL },
	{ VIEW_PAGER, 'k', ACT_LINE_UP, "k", "previous line" },
	{ VIEW_PAGER, FN(KEY_UP), ACT_LINE_UP, "Up", NULL },
	{ VIEW_PAGER, 'y', ACT_LINE_UP, "y", NULL },
	{ VIEW_PAGER, 'd', ACT_HALF_DOWN, "d", "half a page down" },
	{ VIEW_PAGER, CTRL('d'), ACT_HALF_DOWN, "Ctrl-D", NULL },
	{ VIEW_PAGER, CTRL('u'), ACT_HALF_UP, "Ctrl-U", "half a page up" },
	{ VIEW_PAGER, 'g', ACT_TOP, "g", "start of the document" },
	{ VIEW_PAGER, '<', ACT_TOP, "<", NULL },
	{ VIEW_PAGER, FN(KEY_HOME), ACT_TOP, "Home", NULL },
	{ VIEW_PAGER, 'G', ACT_BOTTOM, "G", "end of the document" },
	{ VIEW_PAGER, '>', ACT_BOTTOM, ">", NULL },
	{ VIEW_PAGER, FN(KEY_END), ACT_BOTTOM, "End", NULL },
	{ VIEW_PAGER, CTRL('l'), ACT_REDRAW, "Ctrl-L", "redraw the screen" },
	{ VIEW_PAGER, 'q', ACT_QUIT, "q", "quit" },
	{ VIEW_PAGER, 'Q', ACT_QUIT, "Q", NULL },
};

const size_t keymap_len = sizeof(keymap) / sizeof(keymap[0]);

enum action
keymap_lookup(enum view_id view, int key)
{
	size_t i;

	for (i = 0; i < keymap_len; i++)
		if (keymap[i].view == view && keymap[i].key == key)
			return keymap[i].action;
	return ACT_NONE;
}

const char *
keymap_view_name(enum view_id view)
{
	switch (view) {
	case VIEW_PAGER:
		return "Pager";
	case VIEW__MAX:
		break;
	}
	return "";
}
