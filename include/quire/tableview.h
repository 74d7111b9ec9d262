/*
 * The comparison view: one table full screen, its first column frozen
 * on the left and the others side by side, a row cursor, a detail pane,
 * horizontal scrolling, a column picker and a row filter.  Below
 * TABLE_MIN_SIDE columns, or when no two columns fit, rows are cards.
 */
#ifndef QUIRE_TABLEVIEW_H
#define QUIRE_TABLEVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "quire/doc.h"
#include "quire/layout.h"
#include "quire/listview.h"
#include "quire/prompt.h"
#include "quire/view.h"

struct pager;

enum tv_mode { TV_GRID, TV_DETAIL, TV_COLUMNS };

struct table_view {
	const struct doc *doc;
	int ascii;               /* lay out with ASCII glyphs */
	uint32_t table;          /* index in doc->tables */
	uint32_t *rows;          /* body rows passing the filter */
	struct listview list;    /* over rows: n, the cursor (sel), the
	                            first row shown (top) */
	uint8_t *hidden;         /* per table column, by the picker */
	size_t hscroll;          /* first scrolled column (a table column) */
	int more_left, more_right;   /* columns off screen, last drawn */
	int cards;               /* drawn as cards, last drawn */
	enum tv_mode mode;
	size_t detail_top, pick;
	struct prompt filter;    /* '/' */
	uint32_t section;        /* the section the current row names */
	int screen_rows;         /* rows of table shown, last drawn */
	int *nat, *minw;         /* natural and minimum width per column */
	uint32_t *shown;         /* columns drawn, col 0 first */
	int *widths;             /* their widths */
	size_t nshown;
	int fit_cols;            /* screen width the columns were fitted to */
	int fitted;              /* all shown columns fit side by side */
};

/* Open table TABLE of DOC with the cursor on ROW (a table row, 1-based). */
void table_view_open(struct table_view *v, const struct doc *doc,
    uint32_t table, uint32_t row, int ascii);

/* Free the view. */
void table_view_free(struct table_view *v);

/* Handle KEY.  g jumps the pager P to the section the row names and
 * returns VR_CLOSE; ? returns VR_OPEN of the help. */
struct view_result table_view_key(struct table_view *v, struct pager *p,
    int key);

/* Draw the view over the whole screen. */
void table_view_draw(struct table_view *v, int rows, int cols);

/* The table row under the cursor (1-based), or 0. */
uint32_t table_view_row(const struct table_view *v);

/*
 * The table nearest to LINE of LAY (on it, after it, else before it),
 * with the row shown there in *ROW (or 1); DOC_NONE when there is none.
 */
uint32_t table_nearest(const struct layout *lay, size_t line, uint32_t *row);

#endif
