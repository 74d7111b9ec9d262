/*
 * A list on screen: its selection and the first item shown, moved by
 * the list keys and kept on screen, and the bars above and below it.
 * The section index, the documents, quick answers and the table view's
 * rows are lists; the text typed to filter one is a struct prompt
 * (prompt_insert, prompt_erase), so every list edits text the same way.
 */
#ifndef QUIRE_LISTVIEW_H
#define QUIRE_LISTVIEW_H

#include <stddef.h>

#include "quire/keymap.h"
#include "quire/prompt.h"

struct listview {
	size_t n;               /* items */
	size_t sel;             /* the selected item (0 when there is none) */
	size_t top;             /* the first item on screen */
};

/* Move the selection by N items, staying in the list; nothing when it
 * is empty. */
void listview_move(struct listview *l, long n);

/*
 * Do action A if it moves the selection (a line, a PAGE of items, the
 * first or last item); return 1 if it did, 0 for any other action.
 */
int listview_act(struct listview *l, enum action a, size_t page);

/* What a key did to a list with a text entry (listview_key). */
enum list_event {
	LIST_OTHER,     /* not a list key: the view's own action */
	LIST_MOVED,     /* the selection moved, or nothing changed */
	LIST_EDITED,    /* the entry changed: filter the list again */
	LIST_CHOSEN,    /* Enter: the selected item */
	LIST_CLOSED,    /* Esc on an empty entry, or Ctrl-C */
};

/*
 * The one key handler of every list with a text entry (the section
 * index, the documents, quick answers, the table view's filter): the
 * moving keys of VIEW's rows in the keymap (arrows, PgUp, PgDn, Home,
 * End, Ctrl-N, Ctrl-P) move the selection by one, a PAGE or to an end;
 * Backspace erases, Ctrl-U erases all; Esc clears ENTRY, or closes
 * when it is empty; Enter chooses; any other printable key is typed
 * into ENTRY.  A key bound to another action is the view's: LIST_OTHER,
 * with the action in *A.
 */
enum list_event listview_key(struct listview *l, struct prompt *entry,
    enum view_id view, int key, size_t page, enum action *a);

/* Scroll, if need be, so that the selection is among the FIT items
 * shown from the top. */
void listview_scroll(struct listview *l, size_t fit);

/* A bar (a list's header or footer): ROW filled across COLS in the
 * status style, with S (LEN bytes) from column COL, cut to WIDTH. */
void listview_bar(int row, int cols, int col, int width, const char *s,
    size_t len);

/* Whether S (LEN bytes) holds F (FLEN bytes), ASCII letters folded:
 * what a list's filter matches.  An empty F matches everything. */
int listview_match(const char *s, size_t len, const char *f, size_t flen);

#endif
