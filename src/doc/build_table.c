/*
 * GFM tables to the document model: a table's block, its columns'
 * alignments, and each row's cells as runs (the builder's walk hands
 * their nodes here).
 */
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "quire/util.h"
#include "build.h"
#include "build_priv.h"

/* Table nodes: a table, its rows and their cells. */
void
build_table_event(struct doc_builder *b, cmark_node *node, enum ext kind, int enter)
{
	struct doc *d = b->d;
	struct table *t;
	uint32_t i, id;

	if (kind == EXT_TABLE && enter) {
		uint16_t n = cmark_gfm_extensions_get_table_columns(node);
		uint8_t *al = cmark_gfm_extensions_get_table_alignments(node);

		id = build_block_begin(b, BLOCK_TABLE);
		GROW(d->tables, b->cap_tables, d->ntables, 1);
		t = &d->tables[d->ntables];
		memset(t, 0, sizeof(*t));
		t->block = id;
		t->ncols = n ? n : 1;
		t->cell = (uint32_t)d->ncells;
		t->align = (uint32_t)d->naligns;
		GROW(d->aligns, b->cap_aligns, d->naligns, t->ncols);
		for (i = 0; i < t->ncols; i++) {
			uint8_t a = al && i < n ? al[i] : 0;

			d->aligns[d->naligns++] = a == 'l' ? ALIGN_LEFT :
			    a == 'c' ? ALIGN_CENTER : a == 'r' ? ALIGN_RIGHT :
			    ALIGN_NONE;
		}
		d->blocks[id].aux = (uint32_t)d->ntables;
		b->table = (uint32_t)d->ntables++;
		return;
	}
	if (b->table == DOC_NONE)
		return;
	t = &d->tables[b->table];
	if (kind == EXT_TABLE) {
		d->blocks[t->block].nruns = (uint32_t)d->nruns -
		    d->blocks[t->block].run;
		b->table = DOC_NONE;
	} else if (kind == EXT_ROW && enter) {
		b->row_cells = 0;
	} else if (kind == EXT_ROW) {
		for (; b->row_cells < t->ncols; b->row_cells++) {
			GROW(d->cells, b->cap_cells, d->ncells, 1);
			d->cells[d->ncells].run = (uint32_t)d->nruns;
			d->cells[d->ncells++].nruns = 0;
		}
		t->nrows++;
	} else if (kind == EXT_CELL && enter) {
		b->cell_run = (uint32_t)d->nruns;
		b->leaf = t->block;
	} else if (kind == EXT_CELL) {
		build_cell_trim(b);
		b->leaf = DOC_NONE;
		if (b->row_cells >= t->ncols) /* extra cells are dropped */
			return;
		GROW(d->cells, b->cap_cells, d->ncells, 1);
		d->cells[d->ncells].run = b->cell_run;
		d->cells[d->ncells++].nruns = (uint32_t)d->nruns - b->cell_run;
		b->row_cells++;
	}
}
