/*
 * The line builder every layout uses: the layout's own text buffer
 * (bullets, borders, rules, numbers), lines and spans appended with the
 * invariants layout promises (no span past the right edge, none over
 * another), the glyphs in UTF-8 or ASCII, and the accessors views use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/text.h"
#include "lay.h"

/* The quote bar is a half block, apart from the code gutter's line. */
static const char *const glyph_utf8[] = {
	"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\x8C",
	"\xE2\x94\x82", "\xE2\x80\xA6", "\xE2\x80\xBA", "[ ]", "[x]", " ",
	"~~", "`", "^", "######",
	"\xE2\x94\x8C", "\xE2\x94\xAC", "\xE2\x94\x90",
	"\xE2\x94\x9C", "\xE2\x94\xBC", "\xE2\x94\xA4",
	"\xE2\x94\x94", "\xE2\x94\xB4", "\xE2\x94\x98", "\xE2\x94\x82",
	"\xE2\x86\xAA",
};
static const char *const glyph_ascii[] = {
	"*", "-", "+", ">", "|", "...", ">", "[ ]", "[x]", " ",
	"~~", "`", "^", "######",
	"+", "+", "+", "+", "+", "+", "+", "+", "+", "|",
	"\\", /* as Emacs marks a continued line on a text terminal */
};
static const char *const rule_utf8[] = { "\xE2\x94\x80", "\xE2\x94\x81",
	"\xE2\x95\x90" };
static const char *const rule_ascii[] = { "-", "=", "=" };

_Static_assert(NELEM(glyph_utf8) == G__MAX, "every glyph in UTF-8");
_Static_assert(NELEM(glyph_ascii) == G__MAX, "every glyph in ASCII");
_Static_assert(NELEM(rule_utf8) == R__MAX, "every rule in UTF-8");
_Static_assert(NELEM(rule_ascii) == R__MAX, "every rule in ASCII");

uint32_t
lay_gen(struct lay *l, const char *s, size_t len)
{
	struct layout *o = l->out;
	uint32_t off = (uint32_t)o->gen_len;

	GROW(o->gen, o->cap_gen, o->gen_len, len + 1);
	memcpy(o->gen + o->gen_len, s, len);
	o->gen_len += len;
	o->gen[o->gen_len] = '\0';
	return off;
}

void
lay_line(struct lay *l, uint16_t flags)
{
	struct layout *o = l->out;
	struct line *ln;

	GROW(o->lines, o->cap_lines, o->nlines, 1);
	ln = &o->lines[o->nlines++];
	ln->span = (uint32_t)o->nspans;
	ln->nspans = 0;
	ln->block = l->block;
	ln->section = l->section;
	ln->off = l->off;
	ln->row = l->row;
	ln->flags = flags;
	if (l->prefix != NULL)
		l->prefix(l, l->prefix_arg);
}

void
lay_span(struct lay *l, const struct span *sp)
{
	struct layout *o = l->out;

	if (o->nlines == 0 || sp->len == 0)
		return;
	/* never past the right edge (but for whole code lines, to scroll) */
	if (sp->col + sp->width > o->width && !((o->flags & LAYOUT_CHOP) &&
	    sp->kind == SPAN_CODE && sp->col + sp->width <= LAYOUT_MAX_WIDTH +
	    LAYOUT_CHOP_MAX))
		return;
	if (o->lines[o->nlines - 1].nspans > 0) { /* nor over another span */
		const struct span *last = &o->spans[o->nspans - 1];

		if (sp->col < last->col + last->width)
			return;
	}
	GROW(o->spans, o->cap_spans, o->nspans, 1);
	o->spans[o->nspans++] = *sp;
	o->lines[o->nlines - 1].nspans++;
}

/* A span of generated text at COL, WIDTH columns wide. */
static void
gen_span(struct lay *l, uint32_t off, uint32_t len, int col, uint8_t kind,
    size_t width)
{
	struct span sp;

	memset(&sp, 0, sizeof(sp));
	sp.off = off;
	sp.len = len;
	sp.link = DOC_NONE;
	sp.col = (uint16_t)col;
	sp.width = (uint16_t)width;
	sp.kind = kind;
	sp.gen = 1;
	lay_span(l, &sp);
}

void
lay_gen_span(struct lay *l, uint32_t off, uint32_t len, int col, uint8_t kind)
{
	gen_span(l, off, len, col, kind, text_width(l->out->gen + off, len));
}

void
lay_glyph(struct lay *l, enum glyph g, int col, uint8_t kind)
{
	gen_span(l, l->glyph[g], l->glyph_len[g], col, kind, l->glyph_w[g]);
}

void
lay_rule(struct lay *l, enum rule r, int col, int n, uint8_t kind)
{
	if (n > 0)
		gen_span(l, l->rule[r], (uint32_t)n * l->rule_char[r], col, kind,
		    (size_t)n * l->rule_w[r]);
}

/* Intern the glyphs and rules for this layout's character set. */
static void
intern_glyphs(struct lay *l, int ascii)
{
	const char *const *g = ascii ? glyph_ascii : glyph_utf8;
	const char *const *r = ascii ? rule_ascii : rule_utf8;
	int i, k;

	for (i = 0; i < G__MAX; i++) {
		l->glyph_len[i] = (uint32_t)strlen(g[i]);
		l->glyph[i] = lay_gen(l, g[i], l->glyph_len[i]);
		l->glyph_w[i] = (uint16_t)text_width(g[i], l->glyph_len[i]);
	}
	for (i = 0; i < R__MAX; i++) {
		l->rule_char[i] = (uint32_t)strlen(r[i]);
		l->rule_w[i] = (uint16_t)text_width(r[i], l->rule_char[i]);
		l->rule[i] = (uint32_t)l->out->gen_len;
		for (k = 0; k < LAYOUT_MAX_WIDTH; k++)
			lay_gen(l, r[i], l->rule_char[i]);
	}
}

struct layout *
lay_begin(struct lay *l, const struct doc *d, int width, int flags)
{
	struct layout *o = xcalloc(1, sizeof(*o));

	if (width < 1)
		width = 1;
	if (width > LAYOUT_MAX_WIDTH)
		width = LAYOUT_MAX_WIDTH;
	o->doc = d;
	o->width = width;
	o->flags = flags;
	o->block_line = xcalloc(d->nblocks + 1, sizeof(*o->block_line));
	memset(l, 0, sizeof(*l));
	l->out = o;
	l->doc = d;
	l->row = DOC_NONE;
	intern_glyphs(l, flags & LAYOUT_ASCII);
	return o;
}

const char *
layout_span_text(const struct layout *o, const struct span *sp)
{
	return (sp->gen ? o->gen : o->doc->text) + sp->off;
}

size_t
layout_line_of_block(const struct layout *o, uint32_t block)
{
	size_t n;

	if (o->nlines == 0)
		return 0;
	n = block < o->doc->nblocks ? o->block_line[block] : o->nlines - 1;
	return n < o->nlines ? n : o->nlines - 1;
}

size_t
layout_line_of_section(const struct layout *o, uint32_t sec)
{
	if (sec >= o->doc->nsections)
		return 0;
	return layout_line_of_block(o, o->doc->sections[sec].block);
}

size_t
layout_find(const struct layout *o, uint32_t block, uint32_t off)
{
	size_t n = layout_line_of_block(o, block), best = n;

	/* the first line of those starting furthest on, not past OFF */
	while (n < o->nlines && o->lines[n].block == block &&
	    !(o->lines[n].flags & LINE_BLANK)) {
		if (o->lines[n].off > off)
			break;
		if (o->lines[n].off > o->lines[best].off)
			best = n;
		n++;
	}
	return best;
}

void
layout_line_text(const struct layout *o, size_t n, struct buf *out)
{
	const struct line *ln = &o->lines[n];
	const struct span *sp;
	int col = 0;
	uint32_t k;

	for (k = 0; k < ln->nspans; k++) {
		sp = &o->spans[ln->span + k];
		while (col < sp->col) {
			buf_putc(out, ' ');
			col++;
		}
		buf_put(out, layout_span_text(o, sp), sp->len);
		col += sp->width;
	}
}
