/*
 * Block layout: walks the model's blocks in order and turns each into
 * display lines -- prefixes for quotes and lists, wrapped paragraphs,
 * headings with their rules, unwrapped code, tables (table.c) -- with
 * one blank line between blocks except between items of a tight list.
 * One pass, linear in the document; nesting deeper than the width allows
 * is capped and its depth shown instead of indenting further.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "lay.h"

#define MAX_TRACKED_DEPTH 64 /* list depths whose content column is kept */

struct blockctx {
	struct lay *l;
	struct wrapped w;
	int width;
	int cc[MAX_TRACKED_DEPTH];   /* content column of items per depth */
	int meta_col;                /* front matter: where values start */
};

/* Columns the prefix of a block may take, leaving the text room. */
static int
indent_budget(int width)
{
	int min_text = width / 3;

	if (min_text < 10)
		min_text = width < 10 ? width : 10;
	return width - min_text;
}

/* Columns of the quote prefix for DEPTH: bars, or "│×N " when deep. */
static int
quote_cols(uint32_t depth, int budget)
{
	char s[16];
	int n;

	if (depth == 0)
		return 0;
	if ((uint64_t)depth * 2 <= (uint64_t)budget)
		return (int)depth * 2;
	n = snprintf(s, sizeof(s), "%u", (unsigned)depth) + 3;
	return n <= budget ? n : 0;
}

/* Draw block quote bars (or the depth, when too deep); return the width. */
static int
quote_prefix(struct lay *l, uint32_t depth, int budget)
{
	char s[32];
	uint32_t i;
	int n;

	if (depth == 0)
		return 0;
	if ((uint64_t)depth * 2 <= (uint64_t)budget) {
		for (i = 0; i < depth; i++)
			lay_glyph(l, G_QUOTE, (int)i * 2, SPAN_QUOTE);
		return (int)depth * 2;
	}
	n = snprintf(s, sizeof(s), "%s%u ", l->out->flags & LAYOUT_ASCII ?
	    "|x" : "\xE2\x94\x82\xC3\x97", (unsigned)depth);
	if (text_width(s, (size_t)n) > (size_t)budget)
		return 0;
	lay_gen_span(l, lay_gen(l, s, (size_t)n), (uint32_t)n, 0, SPAN_DEPTH);
	return (int)text_width(s, (size_t)n);
}

/* The prefix every line of a block starts with. */
struct prefix {
	int qcols;            /* columns of quote bars */
	int indent;           /* text column after quote and list indent */
	int marker_col;       /* ITEM: where the marker goes */
	uint32_t mark_off, mark_len;  /* ITEM: marker text in gen */
};

/* Work out the prefix of block B, and its list marker. */
static void
block_prefix(struct blockctx *c, const struct block *b, struct prefix *p)
{
	struct lay *l = c->l;
	int budget = indent_budget(c->width), room, base = 0, mw = 0, content;
	uint32_t depth = b->list;
	char m[48];
	int n = 0;

	memset(p, 0, sizeof(*p));
	p->qcols = quote_cols(b->quote, budget);
	if (b->kind == BLOCK_ITEM) {
		const char *mk = l->doc->aux + b->aux;

		if (b->flags & BF_TASK)
			n = snprintf(m, sizeof(m), "%s", b->flags & BF_DONE ?
			    "[x]" : "[ ]");
		else if (b->aux_len > 0 && mk[0] != '-')
			n = snprintf(m, sizeof(m), "%.*s", (int)b->aux_len, mk);
		else
			n = snprintf(m, sizeof(m), "%.*s",
			    (int)l->glyph_len[G_BULLET1 + (depth + 2) % 3],
			    l->out->gen + l->glyph[G_BULLET1 + (depth + 2) % 3]);
		mw = (int)text_width(m, (size_t)n);
		base = depth <= 1 ? 0 : depth - 1 < MAX_TRACKED_DEPTH &&
		    c->cc[depth - 1] ? c->cc[depth - 1] : 2 * ((int)depth - 1);
		content = base + mw + 1;
		if (depth < MAX_TRACKED_DEPTH)
			c->cc[depth] = content;
	} else if (depth > 0)
		content = depth < MAX_TRACKED_DEPTH && c->cc[depth] ?
		    c->cc[depth] : 2 * (int)depth;
	else
		content = 0;
	room = budget - p->qcols;
	if (room < 0)
		room = 0;
	if (content > room) {
		/* Too deep to indent: show the depth before the marker. */
		if (b->kind == BLOCK_ITEM) {
			char d[64];
			int k = snprintf(d, sizeof(d), "%u%s%.*s", (unsigned)depth,
			    l->out->flags & LAYOUT_ASCII ? ">" : "\xE2\x80\xBA",
			    n, m);

			memcpy(m, d, (size_t)k < sizeof(m) - 1 ? (size_t)k :
			    sizeof(m) - 1);
			n = k < (int)sizeof(m) - 1 ? k : (int)sizeof(m) - 1;
			mw = (int)text_width(m, (size_t)n);
		}
		content = room < mw + 1 ? mw + 1 : room;
		base = content - mw - 1;
		if (content > budget) /* no room for a marker at all */
			content = budget, base = 0, n = 0;
	}
	p->marker_col = base;
	p->indent = content;
	if (n > 0)
		p->mark_off = lay_gen(l, m, (size_t)n), p->mark_len = (uint32_t)n;
}

/* Start a line of block B with its quote bars; return the text column. */
static int
start_line(struct blockctx *c, const struct block *b, const struct prefix *p,
    uint16_t flags, uint32_t off)
{
	int q;

	c->l->off = off;
	lay_line(c->l, flags);
	q = quote_prefix(c->l, b->quote, indent_budget(c->width));
	return q + p->indent;
}

/* Copy wrapped line J of C->w to the current line, shifted by COL. */
static void
put_wrapped(struct blockctx *c, size_t j, int col)
{
	uint32_t k;
	struct span sp;

	for (k = c->w.starts[j]; k < c->w.starts[j + 1]; k++) {
		sp = c->w.spans[k];
		if (sp.gen)  /* the wrapper's stand-in for a too-wide char */
			sp.off = c->l->glyph[G_TRUNC], sp.len = c->l->glyph_len[G_TRUNC];
		sp.col = (uint16_t)(sp.col + col);
		lay_span(c->l, &sp);
	}
}

/* Paragraphs, items, headings and HTML: wrapped inline text. */
static void
text_block(struct blockctx *c, const struct block *b, uint8_t kind)
{
	struct lay *l = c->l;
	const struct doc *d = l->doc;
	struct prefix p;
	size_t j, nl;
	int col, avail, numw = 0, maxw = 0;
	uint32_t num_off = 0, num_len = 0;

	block_prefix(c, b, &p);
	if (kind == SPAN_HEADING && (l->out->flags & LAYOUT_NUMBERS) &&
	    b->section != DOC_NONE && d->sections[b->section].num_len > 0) {
		const struct section *s = &d->sections[b->section];

		num_off = lay_gen(l, d->aux + s->num, s->num_len);
		num_len = s->num_len;
		lay_gen(l, " ", 1);
		numw = (int)s->num_len + 1;
	}
	avail = c->width - p.indent - p.qcols - numw;
	if (avail < 1)
		avail = 1;
	wrap_runs(&c->w, d, &d->runs[b->run], b->nruns, avail, kind,
	    l->glyph[G_TRUNC], l->glyph_len[G_TRUNC]);
	nl = c->w.nlines ? c->w.nlines : 1;
	for (j = 0; j < nl; j++) {
		uint32_t off = c->w.nlines ? c->w.offs[j] :
		    (b->nruns ? d->runs[b->run].off : l->off);

		col = start_line(c, b, &p, j ? LINE_WRAP : 0, off);
		if (j == 0 && p.mark_len)
			lay_gen_span(l, p.mark_off, p.mark_len,
			    col - p.indent + p.marker_col, SPAN_MARKER);
		if (j == 0 && num_len)
			lay_gen_span(l, num_off, num_len, col, SPAN_NUMBER);
		if (c->w.nlines)
			put_wrapped(c, j, col + numw);
		if (c->w.nlines && c->w.starts[j + 1] > c->w.starts[j]) {
			const struct span *e = &c->w.spans[c->w.starts[j + 1] - 1];

			if (e->col + e->width + numw > maxw)
				maxw = e->col + e->width + numw;
		}
	}
	if (kind == SPAN_HEADING && b->level <= 2) {
		col = start_line(c, b, &p, LINE_WRAP, l->off);
		lay_rule(l, b->level == 1 ? R_DOUBLE : R_THIN, col,
		    maxw > 0 ? maxw : 1, SPAN_HEADING_RULE);
	}
}

/* Bytes of S..END that fit in AVAIL columns; their width in *W. */
static uint32_t
fit(const char *t, uint32_t s, uint32_t end, int avail, uint32_t *w)
{
	uint32_t k = s, kw = 0, cp;

	while (k < end) {
		size_t n = text_decode(t + k, end - k, &cp);
		int cw = text_cp_width(cp);

		if ((int)(kw + (uint32_t)cw) > avail)
			break;
		kw += (uint32_t)cw;
		k += (uint32_t)n;
	}
	*w = kw;
	return k - s;
}

/* A code block: a bar, then each source line unwrapped, cut at the edge. */
static void
code_block(struct blockctx *c, const struct block *b)
{
	struct lay *l = c->l;
	const struct doc *d = l->doc;
	struct prefix p;
	uint32_t off, len, end, start, eol, w;
	struct span sp;
	int col, avail;

	block_prefix(c, b, &p);
	doc_block_text(d, (uint32_t)(b - d->blocks), &off, &len);
	end = off + len;
	for (start = off;; start = eol + 1) {
		const char *nl = memchr(d->text + start, '\n', end - start);

		eol = nl ? (uint32_t)(nl - d->text) : end;
		col = start_line(c, b, &p, 0, start);
		lay_glyph(l, G_CODE_BAR, col, SPAN_CODE_BAR);
		avail = c->width - col - 2;
		memset(&sp, 0, sizeof(sp));
		sp.link = DOC_NONE;
		sp.kind = SPAN_CODE;
		sp.off = start;
		sp.col = (uint16_t)(col + 2);
		if (avail > 0) {
			int cut;

			sp.len = fit(d->text, start, eol, avail, &w);
			cut = start + sp.len < eol;
			if (cut) /* too long: leave the last column for a mark */
				sp.len = fit(d->text, start, eol, avail - 1, &w);
			sp.width = (uint16_t)w;
			lay_span(l, &sp);
			if (cut)
				lay_glyph(l, G_TRUNC, col + 1 + avail, SPAN_TRUNC);
		}
		if (eol >= end)
			break;
	}
}

/* A thematic break: a thin rule across the text column. */
static void
rule_block(struct blockctx *c, const struct block *b)
{
	struct prefix p;
	int col;

	block_prefix(c, b, &p);
	col = start_line(c, b, &p, 0, c->l->off);
	lay_rule(c->l, R_THIN, col, c->width - col, SPAN_RULE);
}

/* The column front matter values start at: past the widest key of the
 * entries from block I on, at most a third of the width. */
static int
meta_column(struct blockctx *c, uint32_t i)
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
static void
meta_block(struct blockctx *c, const struct block *b)
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
		wrap_runs(&kw, d, &d->runs[b->run], 1, col > 1 ? col - 1 : 1,
		    SPAN_TH, l->glyph[G_TRUNC], l->glyph_len[G_TRUNC]);
		kl = kw.nlines;
	}
	wrap_runs(&c->w, d, &d->runs[b->run + nk], b->nruns - nk, avail,
	    SPAN_TEXT, l->glyph[G_TRUNC], l->glyph_len[G_TRUNC]);
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
			put_wrapped(c, j, 0);
			c->w = save;
		}
		if (j < c->w.nlines)
			put_wrapped(c, j, col);
	}
	wrap_free(&kw);
}

/* Whether a blank line separates block B from the one before it. */
static int
needs_gap(const struct block *prev, const struct block *b)
{
	if (prev == NULL)
		return 0;
	if (prev->kind == BLOCK_META && b->kind == BLOCK_META)
		return 0;
	if (prev->list > 0 && b->list > 0 && (b->flags & BF_TIGHT) &&
	    (prev->flags & BF_TIGHT) && prev->kind != BLOCK_HEADING)
		return 0;
	return 1;
}

/* Lay out one block. */
static void
lay_block(struct blockctx *c, uint32_t i)
{
	const struct block *b = &c->l->doc->blocks[i];
	struct prefix p;

	switch (b->kind) {
	case BLOCK_HEADING:
		text_block(c, b, SPAN_HEADING);
		break;
	case BLOCK_PARAGRAPH:
	case BLOCK_ITEM:
		text_block(c, b, SPAN_TEXT);
		break;
	case BLOCK_HTML:
		text_block(c, b, SPAN_HTML);
		break;
	case BLOCK_CODE:
		code_block(c, b);
		break;
	case BLOCK_RULE:
		rule_block(c, b);
		break;
	case BLOCK_META:
		if (c->meta_col == 0)
			c->meta_col = meta_column(c, i);
		meta_block(c, b);
		break;
	case BLOCK_TABLE:
		block_prefix(c, b, &p);
		layout_table(c->l, b, p.qcols + p.indent, c->width);
		break;
	}
}

/* Where a layout that is not finished stands: the builder and its
 * block context, the next block, the one before it. */
struct lay_state {
	struct lay l;
	struct blockctx c;
	uint32_t next, end;
	const struct block *prev;
};

/* Lay out blocks from S->next until S->end, or until there are more
 * than LINES lines and block BLOCK is done.  Return whether it is all
 * laid out. */
static int
lay_more(struct lay_state *st, size_t lines, uint32_t block)
{
	struct lay *l = &st->l;
	const struct doc *d = l->doc;
	struct layout *o = l->out;
	const struct block *b;
	uint32_t i;

	for (i = st->next; i < st->end; i++) {
		if (o->nlines > lines && i > block)
			break;
		b = &d->blocks[i];
		if (needs_gap(st->prev, b)) {
			struct prefix p;
			uint32_t q = st->prev->quote < b->quote ? st->prev->quote :
			    b->quote;
			struct block gap = *b;

			gap.quote = q;
			memset(&p, 0, sizeof(p));
			start_line(&st->c, &gap, &p, LINE_BLANK, l->off);
		}
		l->block = i;
		l->section = b->section;
		if (b->nruns)
			l->off = d->runs[b->run].off;
		o->block_line[i] = (uint32_t)o->nlines;
		lay_block(&st->c, i);
		st->prev = b;
	}
	st->next = i;
	if (i < st->end)
		return 0;
	for (i = st->end; i <= d->nblocks; i++)
		o->block_line[i] = (uint32_t)o->nlines;
	return 1;
}

/* Start laying out blocks FIRST to END; nothing is laid out yet. */
static struct layout *
lay_start(const struct doc *d, uint32_t first, uint32_t end, int width,
    int flags)
{
	struct lay_state *st = xcalloc(1, sizeof(*st));
	struct layout *o = lay_begin(&st->l, d, width, flags);

	st->c.l = &st->l;
	st->c.width = o->width;
	st->next = first;
	st->end = end > d->nblocks ? (uint32_t)d->nblocks : end;
	o->pending = st;
	return o;
}

struct layout *
layout_start(const struct doc *d, int width, int flags)
{
	return lay_start(d, 0, (uint32_t)d->nblocks, width, flags);
}

int
layout_more(struct layout *o, size_t lines, uint32_t block)
{
	struct lay_state *st = o->pending;

	if (st == NULL)
		return 1;
	if (!lay_more(st, lines, block))
		return 0;
	wrap_free(&st->c.w);
	free(st);
	o->pending = NULL;
	return 1;
}

void
layout_finish(struct layout *o)
{
	layout_more(o, SIZE_MAX, UINT32_MAX);
}

int
layout_done(const struct layout *o)
{
	return o->pending == NULL;
}

struct layout *
layout_build(const struct doc *d, int width, int flags)
{
	struct layout *o = layout_start(d, width, flags);

	layout_finish(o);
	return o;
}

struct layout *
layout_build_blocks(const struct doc *d, uint32_t first, uint32_t end,
    int width, int flags)
{
	struct layout *o = lay_start(d, first, end, width, flags);

	layout_finish(o);
	return o;
}

struct layout *
layout_table_view(const struct doc *d, uint32_t table,
    const struct table_spec *spec, int width, int flags)
{
	struct lay l;
	struct layout *o = lay_begin(&l, d, width, flags);

	if (table < d->ntables) {
		l.block = d->tables[table].block;
		l.section = d->blocks[l.block].section;
		layout_table_spec(&l, &d->tables[table], spec, 0, o->width);
	}
	return o;
}

void
layout_free(struct layout *o)
{
	if (o == NULL)
		return;
	if (o->pending != NULL) {
		struct lay_state *st = o->pending;

		wrap_free(&st->c.w);
		free(st);
	}
	free(o->lines);
	free(o->spans);
	free(o->gen);
	free(o->block_line);
	free(o);
}

