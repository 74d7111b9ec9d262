/*
 * Lists on screen: the selection, kept within the list and on screen,
 * the keys every list with a text entry shares, what its filter matches,
 * and the status-style bars above and below.  The lists' own state
 * (what the items are, how one is drawn) stays with each view.
 */
#include <ctype.h>

#include "quire/draw.h"
#include "quire/listview.h"

void
listview_move(struct listview *l, long n)
{
	long s = (long)l->sel + n;

	if (l->n == 0)
		return;
	if (s < 0)
		s = 0;
	if (s >= (long)l->n)
		s = (long)l->n - 1;
	l->sel = (size_t)s;
}

int
listview_act(struct listview *l, enum action a, size_t page)
{
	switch (a) {
	case ACT_LINE_DOWN:
		listview_move(l, 1);
		return 1;
	case ACT_LINE_UP:
		listview_move(l, -1);
		return 1;
	case ACT_PAGE_DOWN:
		listview_move(l, (long)page);
		return 1;
	case ACT_PAGE_UP:
		listview_move(l, -(long)page);
		return 1;
	case ACT_TOP:
		l->sel = 0;
		return 1;
	case ACT_BOTTOM:
		l->sel = l->n ? l->n - 1 : 0;
		return 1;
	default:
		return 0;
	}
}

/* Empty ENTRY. */
static void
entry_clear(struct prompt *entry)
{
	entry->len = 0;
	entry->buf[0] = '\0';
}

enum list_event
listview_key(struct listview *l, struct prompt *entry, enum view_id view,
    int key, size_t page, enum action *a)
{
	*a = keymap_lookup(view, key);
	if (listview_act(l, *a, page))
		return LIST_MOVED;
	switch (*a) {
	case ACT_SELECT:
		return LIST_CHOSEN;
	case ACT_ERASE:
		if (entry->len == 0)
			return LIST_MOVED; /* nothing to erase: nothing done */
		prompt_erase(entry);
		return LIST_EDITED;
	case ACT_ERASE_ALL:
		entry_clear(entry);
		return LIST_EDITED;
	case ACT_CLEAR:
		if (entry->len == 0)
			return LIST_CLOSED;
		entry_clear(entry);
		return LIST_EDITED;
	case ACT_CLOSE:
		return LIST_CLOSED;
	case ACT_NONE:
		return prompt_insert(entry, key) ? LIST_EDITED : LIST_MOVED;
	default:
		return LIST_OTHER;
	}
}

void
listview_scroll(struct listview *l, size_t fit)
{
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + fit)
		l->top = l->sel - fit + 1;
}

void
listview_bar(int row, int cols, int col, int width, const char *s,
    size_t len)
{
	draw_fill(row, 0, cols, UI_STATUS);
	draw_text_cut(row, col, s, len, width, UI_STATUS);
}

int
listview_match(const char *s, size_t len, const char *f, size_t flen)
{
	size_t i, j;

	for (i = 0; i + flen <= len; i++) {
		for (j = 0; j < flen; j++)
			if (tolower((unsigned char)s[i + j]) !=
			    tolower((unsigned char)f[j]))
				break;
		if (j == flen)
			return 1;
	}
	return flen == 0;
}
