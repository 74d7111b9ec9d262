/*
 * HTML tables to model tables.  An HTML table does not say how many
 * columns it has, so its cells are collected (each a range of runs, as a
 * pipe table's cell) and laid out row-major at its end: short rows are
 * padded, cells past HTML_MAX_COLS join the row's last cell.  The first
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

void
html_cell_start(struct html *h, struct html_el *e)
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

/* Columns of the collected table: its widest row, capped. */
static uint32_t
count_cols(const struct html_table *t)
{
	uint32_t ncols = 1, n = 0;
	size_t k;

	for (k = 0; k < t->ncells; k++) {
		n = k > 0 && t->cells[k].row == t->cells[k - 1].row ? n + 1 : 1;
		if (n > ncols)
			ncols = n;
	}
	return ncols < HTML_MAX_COLS ? ncols : HTML_MAX_COLS;
}

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
	uint32_t ncols, n = 0, i;
	size_t k;

	row_close(h);
	t->active = 0;
	if (t->table == DOC_NONE)
		return;
	tab = &d->tables[t->table];
	ncols = count_cols(t);
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
		if (n == ncols) { /* past the last column: join the last cell */
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
