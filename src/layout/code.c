/*
 * Code blocks: each source line after the code bar; a line too long for
 * the column goes on below, marked in place of the bar, or (with
 * LAYOUT_CHOP) stays whole past the right edge, to scroll sideways.
 */
#include <string.h>

#include "quire/text.h"
#include "block.h"

/*
 * Bytes of T from S to END that fit in AVAIL columns, whole grapheme
 * clusters (a wide character, or a character and its marks, is never
 * split); their width in *W.  When the first cluster alone is wider
 * than AVAIL it is taken all the same, and *W says so.
 */
static uint32_t
fit(const char *t, uint32_t s, uint32_t end, int avail, uint32_t *w)
{
	uint32_t k = s, kw = 0;
	size_t n;
	int cw;

	while (k < end) {
		n = text_cluster(t + k, end - k, &cw);
		if ((int)(kw + (uint32_t)cw) > avail && k > s)
			break;
		kw += (uint32_t)cw;
		k += (uint32_t)n;
		if ((int)kw > avail)
			break;
	}
	*w = kw;
	return k - s;
}

/*
 * Source line START..END of code block B (trailing blanks left out: they
 * never make a line too long): the bar, then the text; what does not
 * fit in the column (or, with LAYOUT_CHOP, in LAYOUT_CHOP_MAX columns)
 * goes on in LINE_WRAP lines marked G_CONT in place of the bar.
 */
static void
code_line(struct blockctx *c, const struct block *b, const struct prefix *p,
    uint32_t start, uint32_t end)
{
	struct lay *l = c->l;
	struct layout *o = l->out;
	struct span sp;
	uint32_t w;
	int col, avail, more = 0;

	do {
		col = blk_start_line(c, b, p, more ? LINE_WRAP : 0, start);
		lay_glyph(l, more ? G_CONT : G_CODE_BAR, col, more ? SPAN_CONT :
		    SPAN_CODE_BAR);
		avail = o->flags & LAYOUT_CHOP ? LAYOUT_CHOP_MAX :
		    c->width - col - 2;
		if (avail < 1)
			return;
		memset(&sp, 0, sizeof(sp));
		sp.link = DOC_NONE;
		sp.kind = SPAN_CODE;
		sp.off = start;
		sp.col = (uint16_t)(col + 2);
		sp.len = fit(l->doc->text, start, end, avail, &w);
		sp.width = (uint16_t)w;
		if ((int)w > avail) { /* a character wider than the room */
			lay_glyph(l, G_TRUNC, col + 2, SPAN_TRUNC);
		} else {
			lay_span(l, &sp);
			if (sp.col + (int)w > o->code_width)
				o->code_width = sp.col + (int)w;
		}
		start += sp.len;
		more = 1;
	} while (start < end);
}

/* A code block: each source line after a bar, long ones going on below
 * (or, with LAYOUT_CHOP, whole, past the right edge). */
void
blk_code(struct blockctx *c, const struct block *b)
{
	const struct doc *d = c->l->doc;
	struct prefix p;
	uint32_t off, len, end, start, eol, vis;

	blk_block_prefix(c, b, &p);
	doc_block_text(d, (uint32_t)(b - d->blocks), &off, &len);
	end = off + len;
	for (start = off;; start = eol + 1) {
		const char *nl = memchr(d->text + start, '\n', end - start);

		eol = nl ? (uint32_t)(nl - d->text) : end;
		for (vis = eol; vis > start && d->text[vis - 1] == ' '; vis--)
			;
		code_line(c, b, &p, start, vis);
		if (eol >= end)
			break;
	}
}
