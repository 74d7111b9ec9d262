/*
 * The comparison view: one table full screen in a compact grid, its
 * first column frozen on the left and the others side by side, a row
 * cursor and a column cursor, sorting by a column, a detail pane,
 * horizontal scrolling, a column picker and a row filter.  When no two
 * columns fit side by side, rows are cards.
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
	uint32_t col;            /* the column cursor (a table column) */
	uint32_t sort_col;       /* the column rows are sorted by */
	int sort_dir;            /* 1 rising, -1 falling, 0 as written */
	char note[120];          /* why the last key did nothing, or "" */
	uint32_t *line_rows;     /* per screen row, the table row drawn
	                            there (0 the header), or DOC_NONE */
	int *col_x;              /* screen column of each shown column */
	int drawn_rows, drawn_cols;  /* the screen size last drawn at */
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

/* A mouse press at screen ROW, COL (DBL: on the row already chosen
 * opens its detail); what the key would return. */
struct view_result table_view_click(struct table_view *v, int row, int col);

/* Whether cell text S (LEN bytes) starts with a number; its value in
 * *OUT, scaled by a unit after it (12 MB, 0.5 s, 300 ms). */
int table_cell_number(const char *s, size_t len, double *out);

/* Sort table rows ROWS[0..N) of T by column COL: DIR 1 rising, -1
 * falling; numbers before text, ties in document order. */
void table_sort_rows(const struct doc *doc, const struct table *t,
    uint32_t col, int dir, uint32_t *rows, size_t n);

/* The table row under the cursor (1-based), or 0. */
uint32_t table_view_row(const struct table_view *v);

/*
 * The table nearest to LINE of LAY (on it, after it, else before it),
 * with the row shown there in *ROW (or 1); DOC_NONE when there is none.
 */
uint32_t table_nearest(const struct layout *lay, size_t line, uint32_t *row);

#endif
