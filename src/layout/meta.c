/*
 * Front matter (BLOCK_META): one entry a block, the key in a column of
 * its own and the value wrapped under itself.
 */
#include "quire/text.h"
#include "block.h"

/* The column front matter values start at: past the widest key of the
 * entries from block I on, at most a third of the width. */
int
blk_meta_column(struct blockctx *c, uint32_t i)
{
	const struct doc *d = c->l->doc;
	const struct block *b;
	const struct run *r;
	int w = 0, k;

	for (; i < d->nblocks && (b = &d->blocks[i])->kind == BLOCK_META; i++) {
		if (!b->level || b->nruns == 0)
			continue;
		r = &d->runs[b->run];
		k = (int)text_width(d->text + r->off, r->len);
		if (k > w)
			w = k;
	}
	if (w > c->width / 3)
		w = c->width / 3;
	return w < 1 ? 1 : w + 1;
}

/* A front matter entry: the key, then its value wrapped under itself. */
void
blk_meta(struct blockctx *c, const struct block *b)
{
	struct lay *l = c->l;
	const struct doc *d = l->doc;
	struct wrapped kw = { 0 };
	uint32_t nk = b->level && b->nruns ? 1 : 0, off;
	size_t j, nl, kl = 0;
	int col = c->meta_col, avail = c->width - col;

	if (avail < 1)
		col = 0, avail = c->width;
	if (nk) {
		wrap_runs(&kw, l, &d->runs[b->run], 1, col > 1 ? col - 1 : 1,
		    SPAN_TH);
		kl = kw.nlines;
	}
	wrap_runs(&c->w, l, &d->runs[b->run + nk], b->nruns - nk, avail,
	    SPAN_TEXT);
	nl = c->w.nlines > kl ? c->w.nlines : kl;
	for (j = 0; j < nl || j == 0; j++) {
		off = j < c->w.nlines ? c->w.offs[j] : j < kl ? kw.offs[j] :
		    l->off;
		if (j == 0 && kl)
			off = kw.offs[0];
		l->off = off;
		lay_line(l, j ? LINE_WRAP : 0);
		if (j < kl) {
			struct wrapped save = c->w;

			c->w = kw;
			blk_put_wrapped(c, j, 0);
			c->w = save;
		}
		if (j < c->w.nlines)
			blk_put_wrapped(c, j, col);
	}
	wrap_free(&kw);
}
