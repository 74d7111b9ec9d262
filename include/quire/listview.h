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

/* Scroll, if need be, so that the selection is among the FIT items
 * shown from the top. */
void listview_scroll(struct listview *l, size_t fit);

/* A bar (a list's header or footer): ROW filled across COLS in the
 * status style, with S (LEN bytes) from column COL, cut to WIDTH. */
void listview_bar(int row, int cols, int col, int width, const char *s,
    size_t len);

#endif
