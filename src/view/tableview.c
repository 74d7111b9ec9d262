/*
 * The comparison view's state and keys: the rows that pass the filter,
 * in the order sorted, the row and column cursors, which columns are
 * shown, the mode (grid, a row in detail, the column picker), the
 * section the current row names, and why a key did nothing.  Drawing is
 * in tabledraw.c, sorting in tablesort.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/screen.h"
#include "quire/search.h"
#include "quire/tableview.h"
#include "quire/util.h"
#include "quire/view.h"

/* The text of cell (ROW, COL) as a range of doc->text. */
static void
cell_text(const struct doc *d, const struct table *t, uint32_t row,
    uint32_t col, const char **s, size_t *len)
{
	const struct cell *c = doc_cell(d, t, row, col);

	if (c->nruns == 0) {
		*s = "";
		*len = 0;
		return;
	}
	*s = d->text + d->runs[c->run].off;
	*len = d->runs[c->run + c->nruns - 1].off +
	    d->runs[c->run + c->nruns - 1].len - d->runs[c->run].off;
}

/* Case-insensitive (ASCII) search of NEEDLE in S. */
static int
has_text(const char *s, size_t len, const char *needle, size_t n)
{
	size_t i, j;

	for (i = 0; i + n <= len; i++) {
		for (j = 0; j < n; j++)
			if (tolower((unsigned char)s[i + j]) !=
			    tolower((unsigned char)needle[j]))
				break;
		if (j == n)
			return 1;
	}
	return n == 0;
}

/* Whether table row R has the filter's text in a shown column. */
static int
row_passes(const struct table_view *v, uint32_t r)
{
	const struct table *t = &v->doc->tables[v->table];
	const char *s;
	size_t len;
	uint32_t c;

	if (v->filter.len == 0)
		return 1;
	for (c = 0; c < t->ncols; c++) {
		if (v->hidden[c])
			continue;
		cell_text(v->doc, t, r, c, &s, &len);
		if (has_text(s, len, v->filter.buf, v->filter.len))
			return 1;
	}
	return 0;
}

/* Find the section the current row names. */
static void
find_section(struct table_view *v)
{
	const struct table *t = &v->doc->tables[v->table];
	const char *s;
	size_t len;
	uint32_t r = table_view_row(v);

	v->section = DOC_NONE;
	if (r == 0)
		return;
	cell_text(v->doc, t, r, 0, &s, &len);
	v->section = nav_section_named(v->doc, s, len,
	    v->doc->blocks[t->block].section);
}

/* Say why a key did nothing, on the status line until the next key. */
static void
note(struct table_view *v, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->note, sizeof(v->note), fmt, ap);
	va_end(ap);
}

/* Rebuild the row list after the filter or the order changed; keep the
 * cursor's row. */
static void
refilter(struct table_view *v)
{
	const struct table *t = &v->doc->tables[v->table];
	uint32_t keep = table_view_row(v), r;
	size_t i;

	v->list.n = 0;
	v->list.sel = v->list.top = 0;
	for (r = 1; r < t->nrows; r++)
		if (row_passes(v, r))
			v->rows[v->list.n++] = r;
	if (v->sort_dir != 0)
		table_sort_rows(v->doc, t, v->sort_col, v->sort_dir, v->rows,
		    v->list.n);
	for (i = 0; i < v->list.n; i++)
		if (v->rows[i] == keep)
			v->list.sel = i;
	find_section(v);
}

/* s: sort by the cursor's column, rising; again falling; again as
 * written. */
static void
sort_by(struct table_view *v, uint32_t col)
{
	if (v->sort_dir == 0 || v->sort_col != col) {
		v->sort_col = col;
		v->sort_dir = 1;
	} else if (v->sort_dir > 0)
		v->sort_dir = -1;
	else
		v->sort_dir = 0;
	refilter(v);
}

/* Point the view at table TABLE, cursor on ROW. */
static void
load_table(struct table_view *v, uint32_t table, uint32_t row)
{
	const struct table *t = &v->doc->tables[table];
	uint32_t r;

	free(v->rows);
	free(v->hidden);
	free(v->nat);
	free(v->minw);
	free(v->shown);
	free(v->widths);
	v->table = table;
	v->col = 0;
	v->sort_dir = 0;
	v->rows = xcalloc(t->nrows + 1, sizeof(*v->rows));
	v->hidden = xcalloc(t->ncols + 1, 1);
	v->nat = xcalloc(t->ncols + 1, sizeof(*v->nat));
	v->minw = xcalloc(t->ncols + 1, sizeof(*v->minw));
	v->shown = xcalloc(t->ncols + 1, sizeof(*v->shown));
	v->widths = xcalloc(t->ncols + 1, sizeof(*v->widths));
	v->fit_cols = -1;
	for (r = 0; r < t->ncols; r++)
		table_measure(v->doc, t, r, 0, &v->nat[r], &v->minw[r]);
	v->hscroll = 1;
	v->mode = TV_GRID;
	v->list.n = 0;
	v->list.sel = v->list.top = 0;
	for (r = 1; r < t->nrows; r++) {
		if (r == row)
			v->list.sel = v->list.n;
		v->rows[v->list.n++] = r;
	}
	find_section(v);
}

void
table_view_open(struct table_view *v, const struct doc *doc, uint32_t table,
    uint32_t row, int ascii)
{
	memset(v, 0, sizeof(*v));
	v->doc = doc;
	v->ascii = ascii;
	v->filter.label = "filter rows: ";
	load_table(v, table, row);
}

void
table_view_free(struct table_view *v)
{
	free(v->rows);
	free(v->hidden);
	free(v->nat);
	free(v->minw);
	free(v->shown);
	free(v->widths);
	free(v->line_rows);
	free(v->col_x);
	prompt_free(&v->filter);
	memset(v, 0, sizeof(*v));
}

uint32_t
table_view_row(const struct table_view *v)
{
	return v->list.sel < v->list.n ? v->rows[v->list.sel] : 0;
}

/* Move the cursor by N rows, within bounds. */
static void
move_cursor(struct table_view *v, long n)
{
	if (v->list.n == 0)
		return;
	listview_move(&v->list, n);
	find_section(v);
}

/* Keys of the column picker. */
static void
columns_key(struct table_view *v, int key)
{
	const struct table *t = &v->doc->tables[v->table];
	uint32_t c, shown = 0;

	switch (keymap_lookup(VIEW_COLUMNS, key)) {
	case ACT_LINE_DOWN:
		if (v->pick + 1 < t->ncols)
			v->pick++;
		break;
	case ACT_LINE_UP:
		if (v->pick > 0)
			v->pick--;
		break;
	case ACT_TOGGLE:
		for (c = 1; c < t->ncols; c++)
			shown += !v->hidden[c];
		/* The first column is frozen; keep at least one other. */
		if (v->pick == 0) {
			note(v, "the first column is always shown");
			break;
		}
		if (!v->hidden[v->pick] && shown <= 1) {
			note(v, "one column beside the first stays shown");
			break;
		}
		v->hidden[v->pick] = !v->hidden[v->pick];
		if (v->hidden[v->col])
			v->col = 0;
		v->hscroll = 1;
		v->fit_cols = -1;
		refilter(v);
		break;
	case ACT_CLOSE:
		v->mode = TV_GRID;
		break;
	default:
		break;
	}
}

/* Close the view on the pager at the section the current row names;
 * going back returns to the row. */
static struct view_result
go_section(struct table_view *v, struct pager *p)
{
	struct pos from = pager_pos(p);

	from.table = v->table;
	from.row = table_view_row(v);
	pager_need_all(p);
	nav_jump_from(p, layout_line_of_section(p->lay, v->section), from);
	return view_result(VR_CLOSE);
}

/* Keys of the row detail pane. */
static struct view_result
detail_key(struct table_view *v, struct pager *p, int key)
{
	switch (keymap_lookup(VIEW_ROW, key)) {
	case ACT_LINE_DOWN:
		v->detail_top++;
		break;
	case ACT_LINE_UP:
		if (v->detail_top > 0)
			v->detail_top--;
		break;
	case ACT_NEXT_TABLE:
		if (v->list.sel + 1 >= v->list.n)
			note(v, "this is the last row");
		move_cursor(v, 1);
		v->detail_top = 0;
		break;
	case ACT_PREV_TABLE:
		if (v->list.sel == 0)
			note(v, "this is the first row");
		move_cursor(v, -1);
		v->detail_top = 0;
		break;
	case ACT_GO_SECTION:
		if (v->section != DOC_NONE)
			return go_section(v, p);
		note(v, "no section of the article matches this row");
		break;
	case ACT_CLOSE:
		v->mode = TV_GRID;
		break;
	default:
		break;
	}
	return view_result(VR_STAY);
}

/* Keys while the filter is typed: a list with a text entry. */
static void
filter_key(struct table_view *v, int key, size_t page)
{
	enum action a;

	switch (listview_key(&v->list, &v->filter, VIEW_FILTER, key, page,
	    &a)) {
	case LIST_EDITED:
		refilter(v);
		break;
	case LIST_MOVED:
		find_section(v);
		break;
	case LIST_CLOSED:
		if (a == ACT_CLOSE) { /* Ctrl-C cancels */
			v->filter.len = 0;
			v->filter.buf[0] = '\0';
			refilter(v);
		}
		/* FALLTHROUGH */
	case LIST_CHOSEN:
		v->filter.active = 0;
		break;
	case LIST_OTHER:
		break;
	}
}

struct view_result
table_view_key(struct table_view *v, struct pager *p, int key)
{
	const struct table *t = &v->doc->tables[v->table];
	long page = v->screen_rows > 1 ? v->screen_rows : 1;
	uint32_t c;

	v->note[0] = '\0';
	if (v->filter.active) {
		filter_key(v, key, (size_t)page);
		return view_result(VR_STAY);
	}
	if (v->mode == TV_COLUMNS) {
		columns_key(v, key);
		return view_result(VR_STAY);
	}
	if (v->mode == TV_DETAIL)
		return detail_key(v, p, key);
	switch (keymap_lookup(VIEW_TABLE, key)) {
	case ACT_LINE_DOWN:
		move_cursor(v, 1);
		break;
	case ACT_LINE_UP:
		move_cursor(v, -1);
		break;
	case ACT_PAGE_DOWN:
		move_cursor(v, page);
		break;
	case ACT_PAGE_UP:
		move_cursor(v, -page);
		break;
	case ACT_TOP:
		move_cursor(v, -(long)v->list.n);
		break;
	case ACT_BOTTOM:
		move_cursor(v, (long)v->list.n);
		break;
	case ACT_LEFT:
		for (c = v->col; c > 0 && v->hidden[--c];)
			;
		if (c == v->col) {
			note(v, "the first column: none to the left");
			break;
		}
		v->col = c;
		v->fit_cols = -1;
		break;
	case ACT_RIGHT:
		for (c = v->col + 1; c < t->ncols && v->hidden[c]; c++)
			;
		if (c >= t->ncols) {
			note(v, "the last column: none to the right");
			break;
		}
		v->col = c;
		v->fit_cols = -1;
		break;
	case ACT_SORT:
		if (v->cards)
			note(v, "cards: no column to sort by; widen the screen");
		else
			sort_by(v, v->col);
		break;
	case ACT_SELECT:
		if (v->list.n > 0) {
			v->mode = TV_DETAIL;
			v->detail_top = 0;
		} else
			note(v, "no row passes the filter");
		break;
	case ACT_GO_SECTION:
		if (v->section != DOC_NONE)
			return go_section(v, p);
		note(v, v->list.n ? "no section of the article matches this row"
		    : "no row");
		break;
	case ACT_COLUMNS:
		v->mode = TV_COLUMNS;
		v->pick = 1 < t->ncols ? 1 : 0;
		break;
	case ACT_FILTER:
		prompt_open(&v->filter, "filter rows: ");
		break;
	case ACT_NEXT_TABLE:
		if (v->table + 1 < v->doc->ntables)
			load_table(v, v->table + 1, 1);
		else
			note(v, "this is the last table");
		break;
	case ACT_PREV_TABLE:
		if (v->table > 0)
			load_table(v, v->table - 1, 1);
		else
			note(v, "this is the first table");
		break;
	case ACT_HELP:
		return view_goto(VR_OPEN, VIEW_HELP, view_no_arg());
	case ACT_CLOSE:
		if (v->filter.len > 0 && key == 27) { /* Esc clears first */
			v->filter.len = 0;
			v->filter.buf[0] = '\0';
			refilter(v);
			break;
		}
		return view_result(VR_CLOSE);
	default:
		break;
	}
	return view_result(VR_STAY);
}

uint32_t
table_nearest(const struct layout *lay, size_t line, uint32_t *row)
{
	const struct doc *d = lay->doc;
	uint32_t t, block;
	size_t n;

	*row = 1;
	if (d->ntables == 0)
		return DOC_NONE;
	if (lay->nlines == 0)
		return 0;
	/* A table on screen from LINE: its row there. */
	for (n = line; n < lay->nlines && n < line + 200; n++)
		if (d->blocks[lay->lines[n].block].kind == BLOCK_TABLE) {
			block = lay->lines[n].block;
			if (lay->lines[n].row != DOC_NONE && lay->lines[n].row > 0)
				*row = lay->lines[n].row;
			return d->blocks[block].aux;
		}
	block = lay->lines[line < lay->nlines ? line : lay->nlines - 1].block;
	for (t = 0; t < d->ntables; t++)
		if (d->tables[t].block >= block)
			return t;
	return (uint32_t)d->ntables - 1;
}

/* The line the reader is at: the search's match when it is on screen,
 * highlighted, in a table (so t after /item16 opens on item16's row);
 * else the top line. */
static size_t
reader_line(const struct pager *p)
{
	const struct search_match *sm;

	if (p->search == NULL || p->match == SEARCH_NONE || p->unlit)
		return p->top;
	sm = search_match(p->search, p->match);
	if (sm->line < p->top || sm->line >= p->top +
	    (size_t)pager_text_rows(p) || sm->line >= p->lay->nlines ||
	    p->doc->blocks[p->lay->lines[sm->line].block].kind != BLOCK_TABLE)
		return p->top;
	return sm->line;
}

/* Open on ARG's table and row, or on the table nearest the reader's
 * line. */
static void *
table_view_op_open(struct view_ctx *c, struct view_arg arg)
{
	struct pager *p = c->pager;
	struct table_view *v;
	uint32_t t = arg.table, row = arg.row;

	if (t == DOC_NONE)
		t = table_nearest(p->lay, reader_line(p), &row);
	if (t >= p->doc->ntables) {
		pager_note(p, "this document has no table");
		return NULL;
	}
	v = xmalloc(sizeof(*v));
	table_view_open(v, p->doc, t, row, p->lay_flags & LAYOUT_ASCII);
	return v;
}

static struct view_result
table_view_op_key(void *st, struct view_ctx *c, int key)
{
	return table_view_key(st, c->pager, key);
}

struct view_result
table_view_click(struct table_view *v, int row, int col)
{
	uint32_t r;
	size_t i;

	v->note[0] = '\0';
	if (v->mode != TV_GRID || v->filter.active || v->line_rows == NULL ||
	    row < 0 || row >= v->drawn_rows ||
	    (r = v->line_rows[row]) == DOC_NONE)
		return view_result(VR_STAY);
	if (r == 0) { /* a header: sort by its column */
		if (v->cards || v->col_x == NULL)
			return view_result(VR_STAY);
		for (i = v->nshown; i-- > 0;)
			if (col >= v->col_x[i]) {
				v->col = v->shown[i];
				sort_by(v, v->col);
				break;
			}
		return view_result(VR_STAY);
	}
	for (i = 0; i < v->list.n; i++)
		if (v->rows[i] == r) {
			if (i == v->list.sel) { /* the second press: its detail */
				v->mode = TV_DETAIL;
				v->detail_top = 0;
			}
			v->list.sel = i;
			find_section(v);
			break;
		}
	return view_result(VR_STAY);
}

/* The wheel moves the cursor; a press chooses a row, a second one
 * opens it; a press on a header sorts by its column. */
static struct view_result
table_view_op_mouse(void *st, struct view_ctx *c, const struct view_mouse *m)
{
	if (m->wheel)
		return table_view_key(st, c->pager, m->wheel < 0 ? 'k' : 'j');
	if (m->press)
		return table_view_click(st, m->row, m->col);
	return view_result(VR_STAY);
}

static void
table_view_op_draw(void *st, struct view_ctx *c)
{
	table_view_draw(st, c->pager->rows, c->pager->cols);
}

static void
table_view_op_close(void *st)
{
	table_view_free(st);
	free(st);
}

const struct view_ops table_view_ops = {
	table_view_op_open, table_view_op_key, table_view_op_mouse, NULL,
	table_view_op_draw, table_view_op_close,
};
