/*
 * Drawing the comparison view: the columns that fit in a compact grid
 * over the whole width (all of them side by side when they can, else the
 * frozen first column and as many scrolled columns as fit, widened to
 * the edge), the rows from the first shown down, laid out by the same
 * table layout as the pager but only for what is on screen; the cursor
 * row and the cursor column's header highlighted; a row in detail; the
 * column picker.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/listview.h"
#include "quire/tableview.h"

/* Choose the columns shown at COLS and their widths (cached). */
static void
fit(struct table_view *v, int cols)
{
	const struct table *t = &v->doc->tables[v->table];
	struct table_choice ch;
	enum table_cols mode;

	size_t i, x;

	if (v->fit_cols == cols)
		return;
	v->fit_cols = cols;
	if (v->col > 0 && v->col < v->hscroll)
		v->hscroll = v->col;
	for (;;) {
		ch = (struct table_choice){ .hidden = v->hidden,
			.first = (uint32_t)v->hscroll, .width = cols,
			.nat = v->nat, .minw = v->minw, .shown = v->shown,
			.widths = v->widths, .compact_only = 1 };
		mode = table_columns(v->doc, t, &ch);
		v->hscroll = ch.first;
		for (i = 0; i < ch.nshown && v->shown[i] != v->col; i++)
			;
		/* scroll until the column cursor is in view */
		if (v->col == 0 || i < ch.nshown || mode != TABLE_SCROLLS ||
		    !ch.right || v->hscroll >= v->col)
			break;
		v->hscroll++;
	}
	v->col_x = xrealloc(v->col_x, (t->ncols + 1) * sizeof(*v->col_x));
	for (i = 0, x = 0; i < ch.nshown; i++) {
		v->col_x[i] = (int)x;
		x += (size_t)v->widths[i] + 1;
	}
	v->nshown = ch.nshown;
	v->more_left = ch.left;
	v->more_right = ch.right;
	v->cards = mode == TABLE_CARDS;
	v->fitted = mode == TABLE_FITS;
}

/* Lay out the rows from the first shown, enough to fill HEIGHT lines. */
static struct layout *
lay_rows(struct table_view *v, int cols, int height)
{
	struct table_spec spec;
	size_t n = v->list.n - v->list.top;

	if (n > (size_t)height)
		n = (size_t)height;
	memset(&spec, 0, sizeof(spec));
	spec.rows = v->rows + v->list.top;
	spec.nrows = n;
	spec.cols = v->shown;
	spec.ncols = v->nshown;
	spec.widths = v->cards ? NULL : v->widths;
	spec.cards = v->cards;
	spec.compact = 1;
	spec.no_rule = 1;
	return layout_table_view(v->doc, v->table, &spec, cols,
	    v->ascii ? LAYOUT_ASCII : 0);
}

/* The last line showing table row R in LAY, or -1 when R is not in it
 * (lay_rows lays out no more rows than the screen has lines). */
static long
last_line_of(const struct layout *lay, uint32_t r)
{
	long n, last = -1;

	for (n = 0; n < (long)lay->nlines; n++)
		if (lay->lines[n].row == r)
			last = n;
	return last;
}

/* Lay out rows so that the cursor row is wholly on screen; after a
 * resize, with as few rows above it scrolled off as that allows. */
static struct layout *
lay_visible(struct table_view *v, int cols, int height, int resized)
{
	struct layout *lay;
	uint32_t r = v->list.sel < v->list.n ? v->rows[v->list.sel] : 0;

	listview_scroll(&v->list, (size_t)height);
	while (resized && v->list.top > 0) {
		long last;

		v->list.top--;
		lay = lay_rows(v, cols, height);
		last = last_line_of(lay, r);
		if (last < 0 || last >= height - 1) {
			v->list.top++;
			layout_free(lay);
			break;
		}
		layout_free(lay);
	}
	for (;;) {
		long last;

		lay = lay_rows(v, cols, height);
		last = last_line_of(lay, r);
		if (v->list.n == 0 || v->list.top >= v->list.sel ||
		    (last >= 0 && last < height - 1))
			return lay;
		layout_free(lay);
		v->list.top++;
	}
}

/* The columns in view, "  < 3-4 of 6 >", into S; its length. */
static int
columns_in_view(const struct table_view *v, char *s, size_t size)
{
	const struct table *t = &v->doc->tables[v->table];
	uint32_t lo = v->nshown > 1 ? v->shown[1] : 0,
	    hi = v->nshown ? v->shown[v->nshown - 1] : 0, c, hidden = 0;

	for (c = 0; c < t->ncols; c++)
		hidden += v->hidden[c] != 0;
	if (hidden == 0)
		return snprintf(s, size, "  %scolumns %u-%u of %u%s",
		    v->more_left ? "< " : "", (unsigned)lo + 1,
		    (unsigned)hi + 1, (unsigned)t->ncols,
		    v->more_right ? " >" : "");
	return snprintf(s, size, "  %scolumns %u-%u of %u%s (%u hidden)",
	    v->more_left ? "< " : "", (unsigned)lo + 1, (unsigned)hi + 1,
	    (unsigned)t->ncols, v->more_right ? " >" : "", (unsigned)hidden);
}

/* The order, "  by Time, falling", into S; its length. */
static int
sort_note(const struct table_view *v, char *s, size_t size)
{
	const struct table *t = &v->doc->tables[v->table];
	const struct cell *cl = doc_cell(v->doc, t, 0, v->sort_col);
	const char *h = cl->nruns ? v->doc->text + v->doc->runs[cl->run].off :
	    "";
	size_t len = cl->nruns ? v->doc->runs[cl->run + cl->nruns - 1].off +
	    v->doc->runs[cl->run + cl->nruns - 1].len -
	    v->doc->runs[cl->run].off : 0;

	if (len > 30)
		len = 30;
	return snprintf(s, size, "  sorted by %.*s, %s", (int)len, h,
	    v->sort_dir > 0 ? "rising" : "falling");
}

/* The status line: position, what Enter and g do, mode notes. */
static void
status(struct table_view *v, int row, int cols)
{
	char s[512];
	const struct doc *d = v->doc;
	int n;

	n = snprintf(s, sizeof(s), " row %zu/%zu", v->list.n ? v->list.sel + 1 : 0,
	    v->list.n);
	if (v->filter.len > 0)
		n += snprintf(s + n, sizeof(s) - (size_t)n, " (filter: %s)",
		    v->filter.buf);
	if (v->note[0] != '\0') {
		n += snprintf(s + n, sizeof(s) - (size_t)n, "  %s", v->note);
		listview_bar(row, cols, 0, cols, s, (size_t)n);
		return;
	}
	if (v->cards)
		n += snprintf(s + n, sizeof(s) - (size_t)n,
		    "  cards: too narrow for side by side");
	else if (v->more_left || v->more_right)
		n += columns_in_view(v, s + n, sizeof(s) - (size_t)n);
	if (v->sort_dir != 0 && n < (int)sizeof(s) - 80)
		n += sort_note(v, s + n, sizeof(s) - (size_t)n);
	if (v->section != DOC_NONE && n < (int)sizeof(s) - 40)
		n += snprintf(s + n, sizeof(s) - (size_t)n, "  g: %.*s",
		    (int)d->sections[v->section].title_len,
		    d->text + d->sections[v->section].title);
	listview_bar(row, cols, 0, cols, s, (size_t)n);
}

/* The title line: which table, where it is. */
static void
title(struct table_view *v, int cols)
{
	const struct doc *d = v->doc;
	const struct table *t = &d->tables[v->table];
	uint32_t sec = d->blocks[t->block].section;
	char s[512];
	int n;

	n = snprintf(s, sizeof(s), " Table %u of %zu, %u x %u",
	    (unsigned)v->table + 1, d->ntables, (unsigned)t->nrows - 1,
	    (unsigned)t->ncols);
	if (sec != DOC_NONE)
		n += snprintf(s + n, sizeof(s) - (size_t)n, " - %.*s",
		    (int)d->sections[sec].title_len,
		    d->text + d->sections[sec].title);
	listview_bar(0, cols, 0, cols, s, (size_t)n);
}

/* A row in detail: its first cell, then each column under its header. */
static void
draw_detail(struct table_view *v, int rows, int cols)
{
	const struct table *t = &v->doc->tables[v->table];
	struct table_spec spec;
	struct layout *lay;
	uint32_t r = v->rows[v->list.sel];
	uint32_t *others = xcalloc(t->ncols + 1, sizeof(*others));
	size_t n = 0, i, shown;
	uint32_t c;
	int row;

	for (c = 1; c < t->ncols; c++)
		if (!v->hidden[c])
			others[n++] = c;
	memset(&spec, 0, sizeof(spec));
	spec.rows = &r;
	spec.nrows = 1;
	spec.cols = others;
	spec.ncols = n;
	lay = layout_table_view(v->doc, v->table, &spec, cols,
	    v->ascii ? LAYOUT_ASCII : 0);
	{
		const struct cell *cl = doc_cell(v->doc, t, r, 0);
		const char *s = cl->nruns ? v->doc->text +
		    v->doc->runs[cl->run].off : "";
		size_t len = cl->nruns ? v->doc->runs[cl->run + cl->nruns - 1].off +
		    v->doc->runs[cl->run + cl->nruns - 1].len -
		    v->doc->runs[cl->run].off : 0;

		draw_fill(1, 0, cols, UI_TITLE);
		draw_text_cut(1, 1, s, len, cols - 2, UI_TITLE);
	}
	/* scrolled no further than the last line at the bottom (rows 3 to
	 * rows - 2 show the row) */
	shown = rows > 4 ? (size_t)rows - 4 : 1;
	if (v->detail_top + shown > lay->nlines)
		v->detail_top = lay->nlines > shown ? lay->nlines - shown : 0;
	for (row = 3, i = v->detail_top; row < rows - 1 && i < lay->nlines;
	    row++, i++)
		draw_line(lay, i, row, 0, cols, 0);
	layout_free(lay);
	free(others);
}

/* The column picker: every column with its check box. */
static void
draw_columns(struct table_view *v, int rows, int cols)
{
	const struct table *t = &v->doc->tables[v->table];
	size_t top = 0, i;
	int row, style;
	const char *s;
	size_t len;

	draw_fill(1, 0, cols, UI_TITLE);
	draw_text_cut(1, 1,
	    "Columns to compare (Space shows or hides, Enter done)", 53,
	    cols - 2, UI_TITLE);
	if (rows > 4 && v->pick >= (size_t)(rows - 4))
		top = v->pick - (size_t)(rows - 4) + 1;
	for (row = 2, i = top; row < rows - 1 && i < t->ncols; row++, i++) {
		const struct cell *cl = doc_cell(v->doc, t, 0, (uint32_t)i);

		style = i == v->pick ? UI_SELECT : UI_PLAIN;
		draw_fill(row, 0, cols, style);
		draw_text(row, 1, i == 0 ? "[=] " : v->hidden[i] ? "[ ] " : "[x] ",
		    4, cols - 1, style);
		s = cl->nruns ? v->doc->text + v->doc->runs[cl->run].off : "";
		len = cl->nruns ? v->doc->runs[cl->run + cl->nruns - 1].off +
		    v->doc->runs[cl->run + cl->nruns - 1].len -
		    v->doc->runs[cl->run].off : 0;
		draw_text_cut(row, 5, s, len, cols - 6, style);
	}
}

void
table_view_draw(struct table_view *v, int rows, int cols)
{
	struct layout *lay;
	int height = rows - 2, row, resized;
	uint32_t r;
	size_t n, i;

	erase();
	resized = v->drawn_rows != rows || v->drawn_cols != cols;
	v->line_rows = xrealloc(v->line_rows, ((size_t)rows + 1) *
	    sizeof(*v->line_rows));
	for (row = 0; row < rows; row++)
		v->line_rows[row] = DOC_NONE;
	v->drawn_rows = rows;
	v->drawn_cols = cols;
	if (rows < 3 || cols < 10) {
		draw_text(0, 0, "too small", 9, cols, UI_NOTE);
		return;
	}
	fit(v, cols);
	title(v, cols);
	if (v->mode == TV_DETAIL && v->list.n > 0) {
		draw_detail(v, rows, cols);
	} else if (v->mode == TV_COLUMNS) {
		draw_columns(v, rows, cols);
	} else {
		lay = lay_visible(v, cols, height, resized);
		r = v->list.sel < v->list.n ? v->rows[v->list.sel] : 0;
		for (row = 1, n = 0; row <= height && n < lay->nlines; row++, n++) {
			draw_line(lay, n, row, 0, cols, lay->lines[n].row == r &&
			    r > 0 ? draw_attr(UI_SELECT) : 0);
			v->line_rows[row] = lay->lines[n].row;
			if (lay->lines[n].row != 0 || v->cards)
				continue;
			for (i = 0; i < v->nshown; i++) /* the column cursor */
				if (v->shown[i] == v->col)
					draw_range(lay, n, row, 0, cols, v->col_x[i],
					    v->col_x[i] + v->widths[i], UI_SELECT);
		}
		if (v->list.n == 0)
			draw_text_cut(height / 2, 2,
			    "no row matches the filter", 25, cols - 2, UI_DIM);
		v->screen_rows = height / 2 > 1 ? height / 2 : 1;
		layout_free(lay);
	}
	if (v->filter.active)
		prompt_draw(&v->filter, rows - 1, cols);
	else
		status(v, rows - 1, cols);
}
