/*
 * Block layout: walks the model's blocks in order and turns each into
 * display lines -- prefixes for quotes and lists, wrapped paragraphs,
 * headings with their rules, code, tables (table.c) -- with
 * one blank line between blocks except between items of a tight list.
 * One pass, linear in the document; nesting deeper than the width allows
 * is capped and its depth shown instead of indenting further.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "lay.h"
#include "block.h"

/* Columns the prefix of a block may take, leaving the text room. */
static int
indent_budget(int width)
{
	int min_text = width / 3;

	/* ten columns of text at least, but from twelve on, four for a
	 * list's marker ("10. ") first: a number says which item it is */
	if (min_text < 10)
		min_text = width < 12 ? (width < 10 ? width : 10) :
		    width - 4 < 10 ? width - 4 : 10;
	return width - min_text;
}

/* Columns of the quote prefix for DEPTH: bars, or "▌×N " when deep. */
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

/* Draw quote bars FROM to TO, the first OUTER left, the rest after AT. */
static void
quote_bars(struct lay *l, uint32_t from, uint32_t to, uint32_t outer, int at)
{
	uint32_t i;

	for (i = from; i < to; i++)
		lay_glyph(l, G_QUOTE, (int)i * 2 + (i < outer ? 0 : at),
		    SPAN_QUOTE);
}

/*
 * Draw DEPTH block quote bars, the first OUTER at the left edge and the
 * others after the list indent AT (or the depth alone, when too deep);
 * return their width.
 */
static int
quote_prefix(struct lay *l, uint32_t depth, uint32_t outer, int at,
    int budget)
{
	char s[32];
	int n;

	if (depth == 0)
		return 0;
	if ((uint64_t)depth * 2 <= (uint64_t)budget) {
		quote_bars(l, 0, depth, outer, at);
		return (int)depth * 2;
	}
	n = snprintf(s, sizeof(s), "%.*s\xC3\x97%u ", (int)l->glyph_len[G_QUOTE],
	    l->out->gen + l->glyph[G_QUOTE], (unsigned)depth);
	if (text_width(s, (size_t)n) > (size_t)budget)
		return 0;
	lay_gen_span(l, lay_gen(l, s, (size_t)n), (uint32_t)n, 0, SPAN_DEPTH);
	return (int)text_width(s, (size_t)n);
}


/* The content column of list depth DEPTH. */
static int
list_col(const struct blockctx *c, uint32_t depth)
{
	if (depth == 0)
		return 0;
	return depth < MAX_TRACKED_DEPTH && c->cc[depth] ? c->cc[depth] :
	    2 * (int)depth;
}

/* Whether item B's marker is a number ("9.", "10)"), not a bullet or a
 * task box. */
static int
numbered(const struct doc *d, const struct block *b)
{
	return !(b->flags & BF_TASK) && b->aux_len > 0 &&
	    d->aux[b->aux] != '-';
}

/*
 * The width of the widest number marker among the items of depth DEPTH
 * from block B on, to the end of B's list (a block of a lesser depth, or
 * one opening another list at DEPTH), so that "9." and "10." end in
 * one column and their texts start in one.
 * Remembered until that block, so each list is looked at once.
 */
static int
number_width(struct blockctx *c, const struct block *b, uint32_t depth)
{
	const struct doc *d = c->l->doc;
	uint32_t i = (uint32_t)(b - d->blocks), j;
	int w, most = 0;

	if (depth >= MAX_TRACKED_DEPTH)
		return 0;
	if (i < c->numend[depth] && c->numend[depth] > 0)
		return c->numw[depth];
	for (j = i; j < d->nblocks && d->blocks[j].list >= depth &&
	    (j == i || d->blocks[j].list - d->blocks[j].lnew >= depth); j++)
		if (d->blocks[j].list == depth && d->blocks[j].kind ==
		    BLOCK_ITEM && numbered(d, &d->blocks[j])) {
			w = (int)text_width(d->aux + d->blocks[j].aux,
			    d->blocks[j].aux_len);
			if (w > most)
				most = w;
		}
	c->numend[depth] = j;
	c->numw[depth] = most;
	return most;
}

/* Work out the prefix of block B, and its list marker. */
void
blk_block_prefix(struct blockctx *c, const struct block *b, struct prefix *p)
{
	struct lay *l = c->l;
	int budget = indent_budget(c->width), room, base = 0, mw = 0, content;
	uint32_t depth = b->list;
	char m[48];
	int n = 0, wide, pad = 0;

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
		if (numbered(l->doc, b) && (wide = number_width(c, b,
		    depth)) > mw) {
			pad = wide - mw; /* " 9." under "10." */
			mw = wide;
		}
		content = base + mw + 1;
		if (depth < MAX_TRACKED_DEPTH)
			c->cc[depth] = content;
	} else
		content = list_col(c, depth);
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
			pad = 0; /* the marker is rewritten: no room to align */
		}
		content = room < mw + 1 ? mw + 1 : room;
		base = content - mw - 1;
		if (content > budget) /* no room for a marker at all, */
			content = 0, base = 0, n = 0; /* nor its indent */
	}
	p->marker_col = base + pad;
	p->indent = content;
	if (n > 0)
		p->mark_off = lay_gen(l, m, (size_t)n), p->mark_len = (uint32_t)n;
	/* Quotes opened inside a list item go after its indent. */
	p->quote = b->quote;
	p->outer = b->quote - b->qin;
	if (b->qin > 0 && (uint64_t)b->quote * 2 <= (uint64_t)budget) {
		p->qat = list_col(c, b->qlist);
		if (p->qat > content)
			p->qat = content;
	} else
		p->outer = b->quote;
	c->last = *p;
}

/*
 * Start a line of block B with its quote bars, and on its first line
 * its list marker; return the text column.
 */
int
blk_start_line(struct blockctx *c, const struct block *b, const struct prefix *p,
    uint16_t flags, uint32_t off)
{
	struct lay *l = c->l;
	int q, budget = indent_budget(c->width), mark = p->mark_len &&
	    !(flags & (LINE_WRAP | LINE_BLANK));

	(void)b; /* the prefix says it all */
	l->off = off;
	lay_line(l, flags);
	if (mark && p->marker_col < p->qat) { /* "- > text": marker, bar */
		quote_bars(l, 0, p->outer, p->outer, 0);
		lay_gen_span(l, p->mark_off, p->mark_len,
		    (int)p->outer * 2 + p->marker_col, SPAN_MARKER);
		quote_bars(l, p->outer, p->quote, p->outer, p->qat);
		return p->qcols + p->indent;
	}
	q = quote_prefix(l, p->quote, p->outer, p->qat, budget);
	if (mark)
		lay_gen_span(l, p->mark_off, p->mark_len, q + p->marker_col,
		    SPAN_MARKER);
	return q + p->indent;
}

/* Copy wrapped line J of C->w to the current line, shifted by COL. */
void
blk_put_wrapped(struct blockctx *c, size_t j, int col)
{
	uint32_t k;
	struct span sp;

	for (k = c->w.starts[j]; k < c->w.starts[j + 1]; k++) {
		sp = c->w.spans[k];
		sp.col = (uint16_t)(sp.col + col);
		lay_span(c->l, &sp);
	}
}

/* Columns wrapped line J of W takes. */
static int
line_width(const struct wrapped *w, size_t j)
{
	const struct span *e;

	if (w->starts[j + 1] == w->starts[j])
		return 0;
	e = &w->spans[w->starts[j + 1] - 1];
	return e->col + e->width;
}

/* Paragraphs, items and headings: wrapped inline text, centred when the
 * block asks; a <details> summary after its marker. */
static void
text_block(struct blockctx *c, const struct block *b, uint8_t kind)
{
	struct lay *l = c->l;
	const struct doc *d = l->doc;
	struct prefix p;
	size_t j, nl;
	int col, avail, numw = 0, levw = 0, maxw = 0;
	uint32_t num_off = 0, num_len = 0;

	blk_block_prefix(c, b, &p);
	if (kind == SPAN_HEADING && (l->out->flags & LAYOUT_PLAIN) &&
	    b->level >= 3 && b->level <= BLOCK_LEVELS)
		levw = b->level + 1; /* "### ": the level, told without colour */
	if (kind == SPAN_HEADING && (l->out->flags & LAYOUT_NUMBERS) &&
	    b->section != DOC_NONE &&
	    doc_shown_num(d, &d->sections[b->section]) > 0) {
		const struct section *s = &d->sections[b->section];

		num_off = lay_gen(l, d->aux + s->num, s->num_len);
		num_len = s->num_len;
		lay_gen(l, " ", 1);
		numw = (int)s->num_len + 1;
	} else if (b->flags & BF_SUMMARY) {
		num_off = lay_gen(l, l->out->flags & LAYOUT_ASCII ? "> " :
		    "\xE2\x96\xB8 ", l->out->flags & LAYOUT_ASCII ? 2 : 4);
		num_len = l->out->flags & LAYOUT_ASCII ? 2 : 4;
		numw = 2;
	}
	numw += levw;
	avail = c->width - p.indent - p.qcols - numw;
	if (avail < 1)
		avail = 1;
	wrap_runs(&c->w, l, &d->runs[b->run], b->nruns, avail, kind);
	nl = c->w.nlines ? c->w.nlines : 1;
	for (j = 0; j < nl; j++) {
		uint32_t off = c->w.nlines ? c->w.offs[j] :
		    (b->nruns ? d->runs[b->run].off : l->off);
		int shift = (b->flags & BF_CENTER) && c->w.nlines ?
		    (avail - line_width(&c->w, j)) / 2 : 0;

		col = blk_start_line(c, b, &p, j ? LINE_WRAP : 0, off);
		if (j == 0 && levw)
			lay_gen_span(l, l->glyph[G_HASHES], b->level, col + shift,
			    SPAN_HEADING);
		if (j == 0 && num_len)
			lay_gen_span(l, num_off, num_len, col + levw + shift,
			    b->flags & BF_SUMMARY ? SPAN_MARKER : SPAN_NUMBER);
		if (c->w.nlines)
			blk_put_wrapped(c, j, col + numw + shift);
		if (c->w.nlines && line_width(&c->w, j) + numw > maxw)
			maxw = line_width(&c->w, j) + numw;
	}
	if (kind == SPAN_HEADING && b->level <= 2) {
		col = blk_start_line(c, b, &p, LINE_WRAP, l->off);
		if ((b->flags & BF_CENTER) && maxw < avail + numw)
			col += (avail + numw - maxw) / 2;
		lay_rule(l, b->level == 1 ? R_DOUBLE : R_THIN, col,
		    maxw > 0 ? maxw : 1, SPAN_HEADING_RULE);
	}
}

/* A thematic break: a thin rule across the text column. */
static void
rule_block(struct blockctx *c, const struct block *b)
{
	struct prefix p;
	int col;

	blk_block_prefix(c, b, &p);
	col = blk_start_line(c, b, &p, 0, c->l->off);
	lay_rule(c->l, R_THIN, col, c->width - col, SPAN_RULE);
}

/* Whether a blank line separates block B from the one before it. */
static int
needs_gap(const struct block *prev, const struct block *b)
{
	if (prev == NULL)
		return 0;
	if (prev->kind == BLOCK_META && b->kind == BLOCK_META)
		return 0;
	/* items of tight lists, unless a list began since PREV at its
	 * depth or above: two lists in a row are two */
	if (prev->list > 0 && b->list > 0 && (b->flags & BF_TIGHT) &&
	    (prev->flags & BF_TIGHT) && prev->kind != BLOCK_HEADING &&
	    (b->lnew == 0 || b->list - b->lnew >= prev->list))
		return 0;
	return 1;
}

/* Start a line of a table with the quote bars of the prefix at ARG. */
static void
table_prefix(struct lay *l, const void *arg)
{
	const struct prefix *p = arg;

	quote_prefix(l, p->quote, p->outer, p->qat,
	    indent_budget(l->out->width));
}

/*
 * The blank line before block B, after PREV: the bars of the quotes
 * they share, drawn where PREV drew them.  Quotes that open at B are
 * not shared, so two quotes in a row stay two.
 */
static void
gap_line(struct blockctx *c, const struct block *prev, const struct block *b)
{
	const struct prefix *p = &c->last;
	uint32_t q = prev->quote < b->quote - b->qnew ? prev->quote :
	    b->quote - b->qnew;

	lay_line(c->l, LINE_BLANK);
	quote_prefix(c->l, q, p->outer < q ? p->outer : q, p->qat,
	    indent_budget(c->width));
}

/* Lay out one block. */
static void
lay_block(struct blockctx *c, uint32_t i)
{
	const struct block *b = &c->l->doc->blocks[i];
	struct prefix p;

	switch (block_kind(b)) {
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
		blk_code(c, b);
		break;
	case BLOCK_RULE:
		rule_block(c, b);
		break;
	case BLOCK_META:
		if (c->meta_col == 0)
			c->meta_col = blk_meta_column(c, i);
		blk_meta(c, b);
		break;
	case BLOCK_TABLE:
		blk_block_prefix(c, b, &p);
		c->l->prefix = table_prefix;
		c->l->prefix_arg = &p;
		layout_table(c->l, b, p.qcols + p.indent, c->width);
		c->l->prefix = NULL;
		break;
	case BLOCK__MAX: /* not a kind */
		break;
	}
}

/* Where a layout that is not finished stands: the line builder and its
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
		if (needs_gap(st->prev, b))
			gap_line(&st->c, st->prev, b);
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
	if (first == 0 && st->end == d->nblocks) {
		/* room for about what a whole document takes (lines of
		 * text, a blank between blocks; two or three spans a line),
		 * rather than arrays grown by doubling, and copied */
		size_t lines = d->text_len / (size_t)o->width * 5 / 4 +
		    3 * d->nblocks + 64;

		GROW(o->lines, o->cap_lines, 0, lines);
		GROW(o->spans, o->cap_spans, 0, 3 * lines);
	}
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

