/*
 * The table view's state without a terminal: the cursor, the row
 * filter, hidden columns, sideways scrolling, and going to the section
 * a row names (and back).  Nothing is drawn.
 */
#include "harness.h"
#include "quire/keymap.h"
#include "quire/tableview.h"
#include "views_doc.h"

/* A key to the view; the result's kind. */
static int
key(struct table_view *v, struct pager *p, int k)
{
	return (int)table_view_key(v, p, k).what;
}

static void
test_cursor(struct table_view *v, struct pager *p)
{
	INT_EQ(v->list.n, 3, "three body rows");
	INT_EQ(table_view_row(v), 2, "opens on the row asked for");
	key(v, p, 'j');
	INT_EQ(table_view_row(v), 3, "j: the next row");
	key(v, p, 'j');
	INT_EQ(table_view_row(v), 3, "not past the last");
	key(v, p, '<');
	INT_EQ(table_view_row(v), 1, "<: the first");
	key(v, p, 'k');
	INT_EQ(table_view_row(v), 1, "not before it");
	key(v, p, 'G');
	INT_EQ(table_view_row(v), 3, "G: the last");
}

static void
test_filter(struct table_view *v, struct pager *p)
{
	key(v, p, '/');
	OK(v->filter.active, "/ opens the filter");
	key(v, p, 'e');
	key(v, p, 'v');
	INT_EQ(v->list.n, 1, "\"ev\" leaves one row");
	INT_EQ(table_view_row(v), 2, "the row with \"even\"");
	key(v, p, '\r');
	OK(!v->filter.active, "Enter closes the filter");
	INT_EQ(v->list.n, 1, "and keeps it");
	INT_EQ(key(v, p, 27), VR_STAY, "Esc clears the filter first");
	INT_EQ(v->list.n, 3, "every row again");
	INT_EQ(table_view_row(v), 2, "the cursor stays on its row");
}

static void
test_columns(struct table_view *v, struct pager *p)
{
	key(v, p, 'c');
	INT_EQ(v->mode, TV_COLUMNS, "c: the column picker");
	key(v, p, 'j');
	key(v, p, 'x');
	OK(v->hidden[2], "x hides the Note column");
	key(v, p, 'k');
	key(v, p, 'x');
	OK(!v->hidden[1], "the last column shown stays");
	key(v, p, 'q');
	INT_EQ(v->mode, TV_GRID, "q: back to the grid");
	key(v, p, '/');
	key(v, p, 'x');
	key(v, p, 'y');
	INT_EQ(v->list.n, 0, "a hidden column's text does not pass the filter");
	key(v, p, 14); /* Ctrl-N */
	INT_EQ(v->list.n, 0, "Ctrl-N in the filter moves, not types");
	key(v, p, 27);
	INT_EQ(v->list.n, 3, "Esc in the filter clears it");
	OK(v->filter.active, "and the filter is still typed");
	key(v, p, 'j');
	INT_EQ(v->list.n, 0, "j is typed into the filter");
	key(v, p, 127);
	key(v, p, 27);
	OK(!v->filter.active, "Esc on an empty filter leaves it");
	key(v, p, 'c');
	key(v, p, 'j');
	key(v, p, 'x');
	key(v, p, '\r');
	OK(!v->hidden[2], "x again shows it");
}

static void
test_scroll(struct table_view *v, struct pager *p)
{
	key(v, p, 'h');
	INT_EQ(v->hscroll, 1, "h at the first scrolled column stays");
	key(v, p, 'l');
	INT_EQ(v->hscroll, 1, "l with nothing off screen stays");
	v->more_right = 1; /* as the drawing finds at a narrow width */
	key(v, p, 'l');
	INT_EQ(v->hscroll, 2, "l with columns off screen scrolls");
	key(v, p, 'h');
	INT_EQ(v->hscroll, 1, "h scrolls back");
}

static void
test_go_section(struct table_view *v, struct pager *p)
{
	struct pos to;
	char s[64];

	key(v, p, '<');
	key(v, p, 'j');
	OK(v->section != DOC_NONE, "row Two names a section");
	INT_EQ(key(v, p, '?'), VR_OPEN, "? opens the help");
	INT_EQ(key(v, p, 'g'), VR_CLOSE, "g closes the view");
	STR_EQ(views_section(p, s, sizeof(s)), "Two", "on the section Two");
	nav_history(p, -1);
	OK(pager_take_reopen(p, &to), "going back returns to the table");
	INT_EQ(to.row, 2, "on row Two");
}

int
main(void)
{
	struct pager p;
	struct doc *d = views_open(&p, 8, 60);
	struct table_view v;

	pager_need_all(&p);
	table_view_open(&v, d, 0, 2, 0);
	test_cursor(&v, &p);
	test_filter(&v, &p);
	test_columns(&v, &p);
	test_scroll(&v, &p);
	test_go_section(&v, &p);
	INT_EQ(key(&v, &p, 'q'), VR_CLOSE, "q closes");
	table_view_free(&v);
	pager_free(&p);
	doc_free(d);
	return t_done();
}
