/*
 * HTML tables to model tables.  An HTML table does not say how many
 * columns it has, so its cells are collected (each a range of runs, as a
 * pipe table's cell) and laid out row-major at its end: a cell that
 * spans columns (colspan) or rows (rowspan) takes its first row's first
 * column and leaves the others empty, as the later cells of those rows
 * move past them; short rows are padded, cells past HTML_MAX_COLS join
 * the row's last cell.  Padding is bounded: one wide row (or colspan)
 * over a million narrow ones would make the table a hundred times the
 * cells it has, so the columns are cut to keep the padded table within
 * HTML_PAD_CELLS of its own cells, and the cells past them join.  The first
 * row is the header, as in a pipe table.  A table inside a cell joins
 * its text to that cell.  Text or a Markdown paragraph outside any cell
 * opens a cell of its own, so no text is lost.
 */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "html_priv.h"

void
html_table_start(struct html *h, struct html_el *e)
{
	struct html_table *t = &h->t;

	e->fx |= E_TABLE;
	if (t->active) {
		t->nest++;
		e->gen = t->gen;
		h->space = 1;
		return;
	}
	html_end_leaf(h);
	t->active = 1;
	e->gen = ++t->gen;
	t->nest = 0;
	t->table = DOC_NONE;
	t->ncells = 0;
	t->rows = 0;
	t->row_open = t->in_cell = 0;
	t->row_cells = 0;
}

/* The open cell ends. */
static void
cell_close(struct html *h)
{
	struct html_table *t = &h->t;
	struct doc_builder *b = h->b;

	if (!t->in_cell)
		return;
	build_cell_trim(b);
	t->cells[t->ncells - 1].nruns = (uint32_t)b->d->nruns -
	    t->cells[t->ncells - 1].run;
	t->in_cell = 0;
	t->row_cells++;
	b->leaf = DOC_NONE;
}

/* The open row ends. */
static void
row_close(struct html *h)
{
	struct html_table *t = &h->t;

	cell_close(h);
	if (t->row_open && t->row_cells > 0)
		t->rows++;
	t->row_open = 0;
	t->row_cells = 0;
}

void
html_row_start(struct html *h, struct html_el *e)
{
	struct html_table *t = &h->t;

	if (t->nest > 0)
		return;
	row_close(h);
	t->row_open = 1;
	e->fx |= E_ROW;
	e->gen = t->gen;
}

/* The table's block and model entry, made at its first cell. */
static void
table_begin(struct html *h)
{
	struct doc_builder *b = h->b;
	struct doc *d = b->d;
	struct table *tab;
	uint32_t id = build_block_begin(b, BLOCK_TABLE);

	GROW(d->tables, b->cap_tables, d->ntables, 1);
	tab = &d->tables[d->ntables];
	memset(tab, 0, sizeof(*tab));
	tab->block = id;
	d->blocks[id].aux = (uint32_t)d->ntables;
	h->t.table = (uint32_t)d->ntables++;
	b->table = h->t.table;
}

/* A span attribute's value, 1 to MAX; 0 (HTML's "to the end") is MAX. */
static uint32_t
span(const char *v, uint32_t max)
{
	unsigned long n;
	char *end;

	if (v == NULL)
		return 1;
	while (*v == ' ' || *v == '\t' || *v == '\n')
		v++;
	if (*v < '0' || *v > '9')
		return 1;
	n = strtoul(v, &end, 10);
	return n == 0 || n > max ? max : (uint32_t)n;
}

void
html_cell_start(struct html *h, struct html_el *e, const char *colspan,
    const char *rowspan)
{
	struct html_table *t = &h->t;
	struct doc_builder *b = h->b;
	struct html_cell *c;

	if (t->nest > 0) {
		h->space = 1;
		return;
	}
	cell_close(h);
	if (!t->row_open) {
		t->row_open = 1;
		t->row_cells = 0;
	}
	if (t->table == DOC_NONE)
		table_begin(h);
	GROW(t->cells, t->cap, t->ncells, 1);
	c = &t->cells[t->ncells++];
	c->row = t->rows;
	c->run = (uint32_t)b->d->nruns;
	c->nruns = 0;
	c->colspan = (uint16_t)span(colspan, HTML_MAX_COLS);
	c->rowspan = span(rowspan, HTML_MAX_ROWSPAN);
	c->col = 0;
	t->in_cell = 1;
	b->leaf = b->d->tables[t->table].block;
	b->cell_run = (uint32_t)b->d->nruns;
	h->has_text = h->space = h->brk = 0;
	if (e != NULL) {
		e->fx |= E_CELL;
		e->gen = t->gen;
	}
}

void
html_table_undo(struct html *h, struct html_el *e)
{
	struct html_table *t = &h->t;

	if (!t->active || e->gen != t->gen)
		return; /* a table already ended */
	if (e->fx & E_TABLE) {
		if (t->nest > 0)
			t->nest--;
		else
			html_table_end(h);
	} else if (t->nest == 0 && (e->fx & E_ROW))
		row_close(h);
	else if (t->nest == 0 && (e->fx & E_CELL))
		cell_close(h);
}

/* Place each collected cell in its column, past the columns that cells
 * of the rows above span into it (or of its row, to its left): the
 * table's columns, its widest row, capped at HTML_MAX_COLS. */
static uint32_t
place_cells(struct html_table *t)
{
	uint32_t below[HTML_MAX_COLS] = { 0 }; /* rows a column stays taken */
	uint32_t taken[HTML_MAX_COLS] = { 0 };  /* taken in the row */
	uint32_t ncols = 1, col = 0, j, end;
	size_t k;

	for (k = 0; k < t->ncells; k++) {
		struct html_cell *c = &t->cells[k];

		if (k == 0 || c->row != t->cells[k - 1].row) {
			/* A new row: the spans from above take their columns,
			 * one row less; a skipped row (none of its cells
			 * collected) counts too. */
			uint32_t gap = k == 0 ? 1 : c->row - t->cells[k - 1].row;

			for (j = 0; j < ncols; j++) {
				below[j] = below[j] > gap - 1 ?
				    below[j] - (gap - 1) : 0;
				taken[j] = below[j] > 0;
				if (taken[j]) {
					below[j]--;
					if (j + 1 > ncols)
						ncols = j + 1;
				}
			}
			col = 0;
		}
		while (col < HTML_MAX_COLS && taken[col])
			col++;
		if (col >= HTML_MAX_COLS) { /* no room: joins the last cell */
			c->col = HTML_MAX_COLS;
			continue;
		}
		c->col = (uint16_t)col;
		end = col + c->colspan < HTML_MAX_COLS ? col + c->colspan :
		    HTML_MAX_COLS;
		for (j = col; j < end; j++) {
			taken[j] = 1;
			below[j] = c->rowspan - 1;
		}
		col = end;
		if (col > ncols)
			ncols = col;
	}
	return ncols;
}

#define HTML_PAD_CELLS 65536 /* empty cells a table may have past 4 per cell */

/* Pad the row that ends with COUNT of NCOLS cells. */
static void
pad_row(struct doc_builder *b, uint32_t count, uint32_t ncols)
{
	struct doc *d = b->d;

	for (; count < ncols; count++) {
		GROW(d->cells, b->cap_cells, d->ncells, 1);
		d->cells[d->ncells].run = (uint32_t)d->nruns;
		d->cells[d->ncells++].nruns = 0;
	}
}

void
html_table_end(struct html *h)
{
	struct html_table *t = &h->t;
	struct doc_builder *b = h->b;
	struct doc *d = b->d;
	struct table *tab;
	uint32_t ncols, n = 0, i, col;
	size_t k;

	row_close(h);
	t->active = 0;
	if (t->table == DOC_NONE)
		return;
	tab = &d->tables[t->table];
	ncols = place_cells(t);
	if (t->rows > 0 && (uint64_t)ncols * t->rows > 4 * (uint64_t)t->ncells +
	    HTML_PAD_CELLS) /* and >= 1, as ncells >= rows */
		ncols = (uint32_t)((4 * (uint64_t)t->ncells + HTML_PAD_CELLS) /
		    t->rows);
	tab->ncols = ncols;
	tab->nrows = t->rows;
	tab->cell = (uint32_t)d->ncells;
	tab->align = (uint32_t)d->naligns;
	GROW(d->aligns, b->cap_aligns, d->naligns, ncols);
	for (i = 0; i < ncols; i++)
		d->aligns[d->naligns++] = ALIGN_NONE;
	for (k = 0; k < t->ncells; k++) {
		const struct html_cell *c = &t->cells[k];

		if (k > 0 && c->row != t->cells[k - 1].row) {
			pad_row(b, n, ncols);
			n = 0;
		}
		/* A cell placed past the last column (the spans above took
		 * them all, or the padding's bound cut them) goes in the last:
		 * a cell of its own row, never of the row before. */
		col = c->col < ncols ? c->col : ncols - 1;
		if (col > n) {
			pad_row(b, n, col); /* columns spanned into */
			n = col;
		}
		if (n >= ncols) {
			/* past the last column: join the row's last cell */
			struct cell *last = &d->cells[d->ncells - 1];

			last->nruns = c->run + c->nruns - last->run;
			continue;
		}
		GROW(d->cells, b->cap_cells, d->ncells, 1);
		d->cells[d->ncells].run = c->run;
		d->cells[d->ncells++].nruns = c->nruns;
		n++;
	}
	pad_row(b, n, ncols);
	d->blocks[tab->block].nruns = (uint32_t)d->nruns -
	    d->blocks[tab->block].run;
	b->table = DOC_NONE;
	b->leaf = DOC_NONE;
	t->table = DOC_NONE;
	t->ncells = 0;
}

void
html_table_free(struct html *h)
{
	free(h->t.cells);
	h->t.cells = NULL;
	h->t.cap = h->t.ncells = 0;
}
