/*
 * The keymap: one table that dispatches keys, lists them on the help
 * screen and is checked against the man page, so the three cannot drift.
 */
#ifndef QUIRE_KEYMAP_H
#define QUIRE_KEYMAP_H

#include <stddef.h>

enum view_id {
	VIEW_PAGER,
	VIEW_INDEX,
	VIEW_SIDE,       /* the section index beside the text, with the keys */
	VIEW_LIBRARY,
	VIEW_FAQ,
	VIEW_ANSWER,
	VIEW_TABLE,
	VIEW_ROW,        /* a table row in detail */
	VIEW_COLUMNS,    /* the table view's column picker */
	VIEW_FILTER,     /* the table view's row filter, being typed */
	VIEW_PROMPT,
	VIEW_HELP,
	VIEW__MAX
};

enum action {
	ACT_NONE,
	ACT_QUIT,
	ACT_LINE_DOWN,
	ACT_LINE_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_REDRAW,
	ACT_NEXT_SECTION,
	ACT_PREV_SECTION,
	ACT_NEXT_TOP,
	ACT_PREV_TOP,
	ACT_COUNT,       /* a digit of a count */
	ACT_PERCENT,     /* N percent into the document */
	ACT_WINDOW_DOWN, /* z: a page down; a count sets the page */
	ACT_WINDOW_UP,   /* w: a page up; a count sets the page */
	ACT_BACK,
	ACT_FORWARD,
	ACT_MARK,
	ACT_GOTO_MARK,
	ACT_INDEX,
	ACT_HELP,
	ACT_SELECT,      /* Enter in a list */
	ACT_CLOSE,
	ACT_FILTER,      /* start typing a filter */
	ACT_ERASE,       /* Backspace in a filter */
	ACT_CLEAR,       /* Esc: clear the entry, else close */
	ACT_ERASE_ALL,   /* Ctrl-U in a list: erase the entry */
	ACT_TABLE,       /* the comparison view */
	ACT_COMMAND,     /* a ':' command */
	ACT_LEFT,
	ACT_RIGHT,
	ACT_NEXT_TABLE,
	ACT_PREV_TABLE,
	ACT_GO_SECTION,  /* the section a table row names */
	ACT_COLUMNS,
	ACT_TOGGLE,
	ACT_SEARCH,
	ACT_SEARCH_BACK,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_FAQ,
	ACT_RELOAD,
	ACT_WIDTH,
	ACT_LIBRARY,
	ACT_FOLLOW,      /* Enter: follow the selected link, else a line */
	ACT_NEXT_LINK,
	ACT_PREV_LINK,
	ACT_COPY,
	ACT_OPTION,      /* '-' then an option letter, as in less */
	ACT_INFO,        /* =: where the reader is */
	ACT_HIGHLIGHT,   /* Esc-u: search highlighting off or on */
	ACT_INTERRUPT,   /* Ctrl-C in the pager: drop a count or prefix */
	ACT_SIDE_INDEX,  /* I: the section index beside the text */
	ACT_SORT,        /* s in the table view: sort by a column */
	ACT__MAX
};

struct keybind {
	enum view_id view;
	int key;             /* a character, KEYALT|a character (Esc-x),
	                        or KEYCODE|KEY_* */
	enum action action;
	const char *name;    /* how help shows the key */
	const char *help;    /* what it does; NULL: listed with the one before */
};

extern const struct keybind keymap[];
extern const size_t keymap_len;

/* The action bound to KEY in VIEW, or ACT_NONE. */
enum action keymap_lookup(enum view_id view, int key);

/* The name of the first key bound to action A in VIEW ("]"), or NULL. */
const char *keymap_key_name(enum view_id view, enum action a);

/* The name of a view, for help headings. */
const char *keymap_view_name(enum view_id view);

#endif
