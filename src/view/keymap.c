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
#define ALT(c) (KEYALT | (c))
#define ESC 27

/*
 * The rows every list with a text entry shares (listview_key), in view
 * V: what moving, choosing, clearing and leaving do there.
 */
#define LIST_ROWS(v, next, prev, first, last, choose, clear, cancel) \
	{ v, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", next }, \
	{ v, CTRL('n'), ACT_LINE_DOWN, "Ctrl-N", NULL }, \
	{ v, FN(KEY_UP), ACT_LINE_UP, "Up", prev }, \
	{ v, CTRL('p'), ACT_LINE_UP, "Ctrl-P", NULL }, \
	{ v, FN(KEY_NPAGE), ACT_PAGE_DOWN, "PgDn", "a page down" }, \
	{ v, FN(KEY_PPAGE), ACT_PAGE_UP, "PgUp", "a page up" }, \
	{ v, FN(KEY_HOME), ACT_TOP, "Home", first }, \
	{ v, FN(KEY_END), ACT_BOTTOM, "End", last }, \
	{ v, '\r', ACT_SELECT, "Enter", choose }, \
	{ v, '\n', ACT_SELECT, "Ctrl-J", NULL }, \
	{ v, FN(KEY_ENTER), ACT_SELECT, "KP-Enter", NULL }, \
	{ v, FN(KEY_BACKSPACE), ACT_ERASE, "Backspace", \
	  "erase the last character typed" }, \
	{ v, 127, ACT_ERASE, "DEL", NULL }, \
	{ v, CTRL('h'), ACT_ERASE, "Ctrl-H", NULL }, \
	{ v, CTRL('u'), ACT_ERASE_ALL, "Ctrl-U", "erase all that was typed" }, \
	{ v, ESC, ACT_CLEAR, "Esc", clear }, \
	{ v, CTRL('c'), ACT_CLOSE, "Ctrl-C", cancel }

const struct keybind keymap[] = {
	/* The pager: less's keys, and quire's own where less leaves a key
	 * free */
	{ VIEW_PAGER, '0', ACT_COUNT, "0",
	  "digits: a count N for the next key (10j, 5G, 50%, 3})" },
	{ VIEW_PAGER, '1', ACT_COUNT, "1", NULL },
	{ VIEW_PAGER, '2', ACT_COUNT, "2", NULL },
	{ VIEW_PAGER, '3', ACT_COUNT, "3", NULL },
	{ VIEW_PAGER, '4', ACT_COUNT, "4", NULL },
	{ VIEW_PAGER, '5', ACT_COUNT, "5", NULL },
	{ VIEW_PAGER, '6', ACT_COUNT, "6", NULL },
	{ VIEW_PAGER, '7', ACT_COUNT, "7", NULL },
	{ VIEW_PAGER, '8', ACT_COUNT, "8", NULL },
	{ VIEW_PAGER, '9', ACT_COUNT, "9", NULL },
	{ VIEW_PAGER, ' ', ACT_PAGE_DOWN, "Space", "next page (N: N lines)" },
	{ VIEW_PAGER, 'f', ACT_PAGE_DOWN, "f", NULL },
	{ VIEW_PAGER, FN(KEY_NPAGE), ACT_PAGE_DOWN, "PgDn", NULL },
	{ VIEW_PAGER, CTRL('f'), ACT_PAGE_DOWN, "Ctrl-F", NULL },
	{ VIEW_PAGER, CTRL('v'), ACT_PAGE_DOWN, "Ctrl-V", NULL },
	{ VIEW_PAGER, ALT(' '), ACT_PAGE_DOWN, "Esc-Space", NULL },
	{ VIEW_PAGER, 'z', ACT_WINDOW_DOWN, "z",
	  "next page (N: N lines, and a page is N lines from now on)" },
	{ VIEW_PAGER, 'b', ACT_PAGE_UP, "b", "previous page (N: N lines)" },
	{ VIEW_PAGER, FN(KEY_PPAGE), ACT_PAGE_UP, "PgUp", NULL },
	{ VIEW_PAGER, CTRL('b'), ACT_PAGE_UP, "Ctrl-B", NULL },
	{ VIEW_PAGER, ALT('v'), ACT_PAGE_UP, "Esc-v", NULL },
	{ VIEW_PAGER, 'w', ACT_WINDOW_UP, "w",
	  "previous page (N: N lines, and a page is N lines from now on)" },
	{ VIEW_PAGER, 'j', ACT_LINE_DOWN, "j", "next line (N: N lines)" },
	{ VIEW_PAGER, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", NULL },
	{ VIEW_PAGER, 'e', ACT_LINE_DOWN, "e", NULL },
	{ VIEW_PAGER, CTRL('e'), ACT_LINE_DOWN, "Ctrl-E", NULL },
	{ VIEW_PAGER, CTRL('n'), ACT_LINE_DOWN, "Ctrl-N", NULL },
	{ VIEW_PAGER, '\r', ACT_FOLLOW, "Enter",
	  "follow the selected link; else next line" },
	{ VIEW_PAGER, '\n', ACT_FOLLOW, "Ctrl-J", NULL },
	{ VIEW_PAGER, FN(KEY_ENTER), ACT_FOLLOW, "KP-Enter", NULL },
	{ VIEW_PAGER, '\t', ACT_NEXT_LINK, "Tab",
	  "select the next link on screen (none: the section index)" },
	{ VIEW_PAGER, FN(KEY_BTAB), ACT_PREV_LINK, "Shift-Tab",
	  "select the previous link on screen" },
	{ VIEW_PAGER, 'c', ACT_COPY, "c",
	  "copy the selected link's address (OSC 52, if the terminal takes it)" },
	{ VIEW_PAGER, 'k', ACT_LINE_UP, "k", "previous line (N: N lines)" },
	{ VIEW_PAGER, FN(KEY_UP), ACT_LINE_UP, "Up", NULL },
	{ VIEW_PAGER, 'y', ACT_LINE_UP, "y", NULL },
	{ VIEW_PAGER, CTRL('y'), ACT_LINE_UP, "Ctrl-Y", NULL },
	{ VIEW_PAGER, CTRL('p'), ACT_LINE_UP, "Ctrl-P", NULL },
	{ VIEW_PAGER, CTRL('k'), ACT_LINE_UP, "Ctrl-K", NULL },
	{ VIEW_PAGER, 'd', ACT_HALF_DOWN, "d",
	  "half a page down (N: N lines, for d and u from now on)" },
	{ VIEW_PAGER, CTRL('d'), ACT_HALF_DOWN, "Ctrl-D", NULL },
	{ VIEW_PAGER, 'u', ACT_HALF_UP, "u",
	  "half a page up (N: N lines, for d and u from now on)" },
	{ VIEW_PAGER, CTRL('u'), ACT_HALF_UP, "Ctrl-U", NULL },
	{ VIEW_PAGER, 'g', ACT_TOP, "g", "start of the document (N: line N)" },
	{ VIEW_PAGER, '<', ACT_TOP, "<", NULL },
	{ VIEW_PAGER, FN(KEY_HOME), ACT_TOP, "Home", NULL },
	{ VIEW_PAGER, ALT('<'), ACT_TOP, "Esc-<", NULL },
	{ VIEW_PAGER, 'G', ACT_BOTTOM, "G", "end of the document (N: line N)" },
	{ VIEW_PAGER, '>', ACT_BOTTOM, ">", NULL },
	{ VIEW_PAGER, FN(KEY_END), ACT_BOTTOM, "End", NULL },
	{ VIEW_PAGER, ALT('>'), ACT_BOTTOM, "Esc->", NULL },
	{ VIEW_PAGER, 'p', ACT_PERCENT, "p",
	  "N p: N percent into the document (no N: the start)" },
	{ VIEW_PAGER, '%', ACT_PERCENT, "%", NULL },
	{ VIEW_PAGER, ']', ACT_NEXT_SECTION, "]",
	  "next section at the same or a higher level (N: N sections on)" },
	{ VIEW_PAGER, '[', ACT_PREV_SECTION, "[",
	  "start of this section, then the previous one (N: N back)" },
	{ VIEW_PAGER, '}', ACT_NEXT_TOP, "}",
	  "next top-level section (N }: top-level section N)" },
	{ VIEW_PAGER, '{', ACT_PREV_TOP, "{",
	  "previous top-level section (N: N back)" },
	{ VIEW_PAGER, FN(KEY_BACKSPACE), ACT_BACK, "Backspace",
	  "back to where you were before the last jump" },
	{ VIEW_PAGER, 127, ACT_BACK, "DEL", NULL },
	{ VIEW_PAGER, CTRL('h'), ACT_BACK, "Ctrl-H", NULL },
	{ VIEW_PAGER, 'B', ACT_BACK, "B", NULL },
	{ VIEW_PAGER, 'U', ACT_FORWARD, "U", "forward again after going back" },
	{ VIEW_PAGER, 'm', ACT_MARK, "m", "m then a letter: set a mark" },
	{ VIEW_PAGER, '\'', ACT_GOTO_MARK, "'",
	  "' then a letter: go to the mark; '' back to before the last jump, "
	  "twice to here (less)" },
	{ VIEW_PAGER, 'i', ACT_INDEX, "i", "section index" },
	{ VIEW_PAGER, 'I', ACT_SIDE_INDEX, "I",
	  "the section index beside the text: show it, move into it, hide it" },
	{ VIEW_PAGER, '/', ACT_SEARCH, "/",
	  "search forward (Enter alone: the last search again)" },
	{ VIEW_PAGER, '?', ACT_SEARCH_BACK, "?",
	  "search backward (Enter alone: this help)" },
	{ VIEW_PAGER, 'n', ACT_NEXT_MATCH, "n", "next match (N: the Nth)" },
	{ VIEW_PAGER, 'N', ACT_PREV_MATCH, "N", "previous match (N: the Nth)" },
	{ VIEW_PAGER, ALT('u'), ACT_HIGHLIGHT, "Esc-u",
	  "matches highlighted or not (a new search shows them again)" },
	{ VIEW_PAGER, 'a', ACT_FAQ, "a", "quick answers: search the FAQ (also :faq)" },
	{ VIEW_PAGER, 't', ACT_TABLE, "t",
	  "compare the nearest table side by side (also :table)" },
	{ VIEW_PAGER, ':', ACT_COMMAND, ":",
	  "a command: n, p, x at once; table, faq, index, help, quit "
	  "then Enter" },
	{ VIEW_PAGER, '=', ACT_INFO, "=",
	  "the document, section, page, lines and percent" },
	{ VIEW_PAGER, CTRL('g'), ACT_INFO, "Ctrl-G", NULL },
	{ VIEW_PAGER, 'h', ACT_HELP, "h", "this help" },
	{ VIEW_PAGER, 'H', ACT_HELP, "H", NULL },
	{ VIEW_PAGER, FN(KEY_F(1)), ACT_HELP, "F1", NULL },
	{ VIEW_PAGER, 'R', ACT_RELOAD, "R", "load the file again (it changed)" },
	{ VIEW_PAGER, 'W', ACT_WIDTH, "W",
	  "the reading column, or the whole width" },
	{ VIEW_PAGER, '-', ACT_OPTION, "-S",
	  "long code lines: wrapped (marked in the bar), or whole and "
	  "scrolled sideways" },
	{ VIEW_PAGER, FN(KEY_RIGHT), ACT_RIGHT, "Right",
	  "after -S: code lines half a screen to the right" },
	{ VIEW_PAGER, ALT(')'), ACT_RIGHT, "Esc-)", NULL },
	{ VIEW_PAGER, FN(KEY_LEFT), ACT_LEFT, "Left",
	  "after -S: code lines back to the left" },
	{ VIEW_PAGER, ALT('('), ACT_LEFT, "Esc-(", NULL },
	{ VIEW_PAGER, 'o', ACT_LIBRARY, "o",
	  "the documents open (also :n, :p and :x for the next, previous "
	  "and first)" },
	{ VIEW_PAGER, 'r', ACT_REDRAW, "r", "redraw the screen" },
	{ VIEW_PAGER, CTRL('r'), ACT_REDRAW, "Ctrl-R", NULL },
	{ VIEW_PAGER, CTRL('l'), ACT_REDRAW, "Ctrl-L", NULL },
	{ VIEW_PAGER, CTRL('c'), ACT_INTERRUPT, "Ctrl-C",
	  "stop counting matches, drop a count or a key waiting for the next "
	  "(q quits)" },
	{ VIEW_PAGER, 'q', ACT_QUIT, "q", "quit" },
	{ VIEW_PAGER, 'Q', ACT_QUIT, "Q", NULL },
	{ VIEW_PAGER, 'Z', ACT_QUIT, "ZZ", NULL },

	/*
	 * Lists with a text entry: the index, the documents, quick answers
	 * and the table view's filter share these rows; any other printable
	 * key is typed into the entry (listview_key).
	 */

	/* The section index */
	LIST_ROWS(VIEW_INDEX, "next section", "previous section",
	    "first section", "last section",
	    "jump to the section (or to the number typed)",
	    "clear the filter, or close the index",
	    "close the index without moving"),
	{ VIEW_INDEX, '\t', ACT_CLOSE, "Tab", NULL },
	{ VIEW_INDEX, FN(KEY_F(1)), ACT_HELP, "F1", "help" },

	/* The section index beside the text, once I moves into it: a
	 * cursor over its entries; letters are keys, not a filter */
	{ VIEW_SIDE, 'j', ACT_LINE_DOWN, "j", "next section" },
	{ VIEW_SIDE, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", NULL },
	{ VIEW_SIDE, CTRL('n'), ACT_LINE_DOWN, "Ctrl-N", NULL },
	{ VIEW_SIDE, 'k', ACT_LINE_UP, "k", "previous section" },
	{ VIEW_SIDE, FN(KEY_UP), ACT_LINE_UP, "Up", NULL },
	{ VIEW_SIDE, CTRL('p'), ACT_LINE_UP, "Ctrl-P", NULL },
	{ VIEW_SIDE, ' ', ACT_PAGE_DOWN, "Space", "a page of sections down" },
	{ VIEW_SIDE, FN(KEY_NPAGE), ACT_PAGE_DOWN, "PgDn", NULL },
	{ VIEW_SIDE, CTRL('f'), ACT_PAGE_DOWN, "Ctrl-F", NULL },
	{ VIEW_SIDE, 'b', ACT_PAGE_UP, "b", "a page of sections up" },
	{ VIEW_SIDE, FN(KEY_PPAGE), ACT_PAGE_UP, "PgUp", NULL },
	{ VIEW_SIDE, CTRL('b'), ACT_PAGE_UP, "Ctrl-B", NULL },
	{ VIEW_SIDE, 'g', ACT_TOP, "g", "first section" },
	{ VIEW_SIDE, '<', ACT_TOP, "<", NULL },
	{ VIEW_SIDE, FN(KEY_HOME), ACT_TOP, "Home", NULL },
	{ VIEW_SIDE, 'G', ACT_BOTTOM, "G", "last section" },
	{ VIEW_SIDE, '>', ACT_BOTTOM, ">", NULL },
	{ VIEW_SIDE, FN(KEY_END), ACT_BOTTOM, "End", NULL },
	{ VIEW_SIDE, '\r', ACT_SELECT, "Enter",
	  "jump to the section, back in the text (Backspace there returns)" },
	{ VIEW_SIDE, '\n', ACT_SELECT, "Ctrl-J", NULL },
	{ VIEW_SIDE, FN(KEY_ENTER), ACT_SELECT, "KP-Enter", NULL },
	{ VIEW_SIDE, ESC, ACT_CLOSE, "Esc",
	  "back to the text without jumping, the index still shown" },
	{ VIEW_SIDE, 'q', ACT_CLOSE, "q", NULL },
	{ VIEW_SIDE, CTRL('c'), ACT_CLOSE, "Ctrl-C", NULL },
	{ VIEW_SIDE, 'I', ACT_SIDE_INDEX, "I",
	  "hide the index and go back to the text" },
	{ VIEW_SIDE, 'h', ACT_HELP, "h", "help" },
	{ VIEW_SIDE, FN(KEY_F(1)), ACT_HELP, "F1", NULL },

	/* The documents open */
	LIST_ROWS(VIEW_LIBRARY, "next document", "previous document",
	    "first document", "last document", "read it",
	    "clear the filter, or go back to the pager", "back to the pager"),

	/* Quick answers: typing goes to the question box */
	LIST_ROWS(VIEW_FAQ, "next question", "previous question",
	    "first question", "last question",
	    "the answer (or, with no question, go to the hit)",
	    "clear the question, then leave", "leave"),
	{ VIEW_FAQ, CTRL('g'), ACT_GO_SECTION, "Ctrl-G",
	  "go to the question in the article" },

	/* An answer */
	{ VIEW_ANSWER, 'j', ACT_LINE_DOWN, "j", "scroll down" },
	{ VIEW_ANSWER, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", NULL },
	{ VIEW_ANSWER, 'k', ACT_LINE_UP, "k", "scroll up" },
	{ VIEW_ANSWER, FN(KEY_UP), ACT_LINE_UP, "Up", NULL },
	{ VIEW_ANSWER, ' ', ACT_PAGE_DOWN, "Space", "a page down" },
	{ VIEW_ANSWER, FN(KEY_NPAGE), ACT_PAGE_DOWN, "PgDn", NULL },
	{ VIEW_ANSWER, 'b', ACT_PAGE_UP, "b", "a page up" },
	{ VIEW_ANSWER, FN(KEY_PPAGE), ACT_PAGE_UP, "PgUp", NULL },
	{ VIEW_ANSWER, 'g', ACT_GO_SECTION, "g",
	  "go to the question in the article" },
	{ VIEW_ANSWER, '\r', ACT_GO_SECTION, "Enter", NULL },
	{ VIEW_ANSWER, 'q', ACT_CLOSE, "q", "back to the questions" },
	{ VIEW_ANSWER, ESC, ACT_CLOSE, "Esc", NULL },
	{ VIEW_ANSWER, FN(KEY_BACKSPACE), ACT_CLOSE, "Backspace", NULL },
	{ VIEW_ANSWER, 127, ACT_CLOSE, "DEL", NULL },
	{ VIEW_ANSWER, CTRL('c'), ACT_CLOSE, "Ctrl-C", NULL },

	/* The comparison (table) view */
	{ VIEW_TABLE, 'j', ACT_LINE_DOWN, "j", "next row" },
	{ VIEW_TABLE, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", NULL },
	{ VIEW_TABLE, 'k', ACT_LINE_UP, "k", "previous row" },
	{ VIEW_TABLE, FN(KEY_UP), ACT_LINE_UP, "Up", NULL },
	{ VIEW_TABLE, ' ', ACT_PAGE_DOWN, "Space", "a screen of rows down" },
	{ VIEW_TABLE, FN(KEY_NPAGE), ACT_PAGE_DOWN, "PgDn", NULL },
	{ VIEW_TABLE, 'b', ACT_PAGE_UP, "b", "a screen of rows up" },
	{ VIEW_TABLE, FN(KEY_PPAGE), ACT_PAGE_UP, "PgUp", NULL },
	{ VIEW_TABLE, FN(KEY_HOME), ACT_TOP, "Home", "first row" },
	{ VIEW_TABLE, '<', ACT_TOP, "<", NULL },
	{ VIEW_TABLE, 'G', ACT_BOTTOM, "G", "last row" },
	{ VIEW_TABLE, FN(KEY_END), ACT_BOTTOM, "End", NULL },
	{ VIEW_TABLE, '>', ACT_BOTTOM, ">", NULL },
	{ VIEW_TABLE, 'h', ACT_LEFT, "h",
	  "column cursor left, scrolling (the first column stays)" },
	{ VIEW_TABLE, FN(KEY_LEFT), ACT_LEFT, "Left", NULL },
	{ VIEW_TABLE, 'l', ACT_RIGHT, "l", "column cursor right, scrolling" },
	{ VIEW_TABLE, FN(KEY_RIGHT), ACT_RIGHT, "Right", NULL },
	{ VIEW_TABLE, 's', ACT_SORT, "s",
	  "sort by the cursor's column; again: reversed; again: as written" },
	{ VIEW_TABLE, '\r', ACT_SELECT, "Enter", "the row in detail" },
	{ VIEW_TABLE, '\n', ACT_SELECT, "Ctrl-J", NULL },
	{ VIEW_TABLE, FN(KEY_ENTER), ACT_SELECT, "KP-Enter", NULL },
	{ VIEW_TABLE, 'g', ACT_GO_SECTION, "g",
	  "go to the article section the row names" },
	{ VIEW_TABLE, 'c', ACT_COLUMNS, "c", "choose the columns to compare" },
	{ VIEW_TABLE, '/', ACT_FILTER, "/", "filter rows by text" },
	{ VIEW_TABLE, 'n', ACT_NEXT_TABLE, "n", "next table" },
	{ VIEW_TABLE, 'p', ACT_PREV_TABLE, "p", "previous table" },
	{ VIEW_TABLE, 'q', ACT_CLOSE, "q", "back to the pager" },
	{ VIEW_TABLE, ESC, ACT_CLOSE, "Esc", NULL },
	{ VIEW_TABLE, 't', ACT_CLOSE, "t", NULL },
	{ VIEW_TABLE, CTRL('c'), ACT_CLOSE, "Ctrl-C", NULL },
	{ VIEW_TABLE, '?', ACT_HELP, "?", "help" },
	{ VIEW_TABLE, FN(KEY_F(1)), ACT_HELP, "F1", NULL },

	/* A table row in detail */
	{ VIEW_ROW, 'j', ACT_LINE_DOWN, "j", "scroll down" },
	{ VIEW_ROW, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", NULL },
	{ VIEW_ROW, 'k', ACT_LINE_UP, "k", "scroll up" },
	{ VIEW_ROW, FN(KEY_UP), ACT_LINE_UP, "Up", NULL },
	{ VIEW_ROW, 'n', ACT_NEXT_TABLE, "n", "next row" },
	{ VIEW_ROW, 'p', ACT_PREV_TABLE, "p", "previous row" },
	{ VIEW_ROW, 'g', ACT_GO_SECTION, "g",
	  "go to the article section the row names" },
	{ VIEW_ROW, 'q', ACT_CLOSE, "q", "back to the table" },
	{ VIEW_ROW, ESC, ACT_CLOSE, "Esc", NULL },
	{ VIEW_ROW, '\r', ACT_CLOSE, "Enter", NULL },
	{ VIEW_ROW, FN(KEY_BACKSPACE), ACT_CLOSE, "Backspace", NULL },
	{ VIEW_ROW, CTRL('c'), ACT_CLOSE, "Ctrl-C", NULL },

	/* Choosing columns */
	{ VIEW_COLUMNS, 'j', ACT_LINE_DOWN, "j", "next column" },
	{ VIEW_COLUMNS, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", NULL },
	{ VIEW_COLUMNS, 'k', ACT_LINE_UP, "k", "previous column" },
	{ VIEW_COLUMNS, FN(KEY_UP), ACT_LINE_UP, "Up", NULL },
	{ VIEW_COLUMNS, ' ', ACT_TOGGLE, "Space", "show or hide the column" },
	{ VIEW_COLUMNS, 'x', ACT_TOGGLE, "x", NULL },
	{ VIEW_COLUMNS, '\r', ACT_CLOSE, "Enter", "done" },
	{ VIEW_COLUMNS, 'c', ACT_CLOSE, "c", NULL },
	{ VIEW_COLUMNS, 'q', ACT_CLOSE, "q", NULL },
	{ VIEW_COLUMNS, ESC, ACT_CLOSE, "Esc", NULL },
	{ VIEW_COLUMNS, CTRL('c'), ACT_CLOSE, "Ctrl-C", NULL },

	/* The table view's filter, after / */
	LIST_ROWS(VIEW_FILTER, "next row", "previous row", "first row",
	    "last row", "keep the filter and leave it",
	    "clear the filter, or leave it", "clear the filter and leave it"),

	/* Prompts (:, filters, searches) */
	{ VIEW_PROMPT, '\r', ACT_SELECT, "Enter", "accept" },
	{ VIEW_PROMPT, '\n', ACT_SELECT, "Ctrl-J", NULL },
	{ VIEW_PROMPT, FN(KEY_ENTER), ACT_SELECT, "KP-Enter", NULL },
	{ VIEW_PROMPT, ESC, ACT_CLOSE, "Esc", "cancel" },
	{ VIEW_PROMPT, CTRL('c'), ACT_CLOSE, "Ctrl-C", NULL },
	{ VIEW_PROMPT, FN(KEY_BACKSPACE), ACT_ERASE, "Backspace",
	  "erase a character (on an empty line: cancel)" },
	{ VIEW_PROMPT, 127, ACT_ERASE, "DEL", NULL },
	{ VIEW_PROMPT, CTRL('h'), ACT_ERASE, "Ctrl-H", NULL },
	{ VIEW_PROMPT, CTRL('u'), ACT_CLEAR, "Ctrl-U", "erase the line" },
	{ VIEW_PROMPT, FN(KEY_UP), ACT_LINE_UP, "Up",
	  "earlier entry in the history" },
	{ VIEW_PROMPT, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", "later entry" },

	/* The help screen */
	{ VIEW_HELP, FN(KEY_DOWN), ACT_LINE_DOWN, "Down", "scroll down" },
	{ VIEW_HELP, 'j', ACT_LINE_DOWN, "j", NULL },
	{ VIEW_HELP, FN(KEY_UP), ACT_LINE_UP, "Up", "scroll up" },
	{ VIEW_HELP, 'k', ACT_LINE_UP, "k", NULL },
	{ VIEW_HELP, ' ', ACT_PAGE_DOWN, "Space", "a page down" },
	{ VIEW_HELP, FN(KEY_NPAGE), ACT_PAGE_DOWN, "PgDn", NULL },
	{ VIEW_HELP, 'b', ACT_PAGE_UP, "b", "a page up" },
	{ VIEW_HELP, FN(KEY_PPAGE), ACT_PAGE_UP, "PgUp", NULL },
	{ VIEW_HELP, 'g', ACT_TOP, "g", "top" },
	{ VIEW_HELP, 'G', ACT_BOTTOM, "G", "bottom" },
	{ VIEW_HELP, 'q', ACT_CLOSE, "q", "close the help" },
	{ VIEW_HELP, ESC, ACT_CLOSE, "Esc", NULL },
	{ VIEW_HELP, 'h', ACT_CLOSE, "h", NULL },
	{ VIEW_HELP, '?', ACT_CLOSE, "?", NULL },
	{ VIEW_HELP, FN(KEY_F(1)), ACT_CLOSE, "F1", NULL },
	{ VIEW_HELP, CTRL('c'), ACT_CLOSE, "Ctrl-C", NULL },
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
keymap_key_name(enum view_id view, enum action a)
{
	size_t i;

	for (i = 0; i < keymap_len; i++)
		if (keymap[i].view == view && keymap[i].action == a)
			return keymap[i].name;
	return NULL;
}

const char *
keymap_view_name(enum view_id view)
{
	switch (view) {
	case VIEW_PAGER:
		return "Reading (the pager)";
	case VIEW_INDEX:
		return "Section index";
	case VIEW_SIDE:
		return "The index beside the text";
	case VIEW_LIBRARY:
		return "Documents";
	case VIEW_FAQ:
		return "Quick answers (FAQ)";
	case VIEW_ANSWER:
		return "An answer";
	case VIEW_TABLE:
		return "Comparison (table) view";
	case VIEW_ROW:
		return "A table row in detail";
	case VIEW_COLUMNS:
		return "Choosing columns";
	case VIEW_FILTER:
		return "The table view's filter";
	case VIEW_PROMPT:
		return "Prompts";
	case VIEW_HELP:
		return "This help";
	case VIEW__MAX:
		break;
	}
	return "";
}
