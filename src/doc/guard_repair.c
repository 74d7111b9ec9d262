/*
 * Undoing the guard's edits (guard.c) where a document shows its text as
 * written: in code and HTML blocks, an inserted backslash is taken out
 * again and dropped blank lines are put back, once cmark-gfm has built
 * its tree.  Each edit knows its line, as cmark counts them, so a block
 * finds its edits by its source lines.
 */
#include <stdlib.h>
#include <string.h>

#include "guard.h"

/*
 * Copy LIT from AT to the inserted backslash at I, and from each of the
 * next RUN - 1 '|' (each after a backslash inserted before it) to the
 * backslash before the next, leaving the backslashes out.  Return where
 * the copy stops: just past the last backslash left out.
 */
static size_t
unescape(struct buf *b, const char *lit, size_t len, size_t at, size_t i,
    uint32_t run)
{
	const char *q;

	buf_put(b, lit + at, i - at);
	at = i + 1;
	while (--run > 0 && at + 1 < len &&
	    (q = memchr(lit + at + 1, '|', len - at - 1)) != NULL &&
	    q[-1] == '\\') {
		i = (size_t)(q - lit) - 1;
		buf_put(b, lit + at, i - at);
		at = i + 1;
	}
	return at;
}

/* Undo the edits from K on in the literal of NODE, whose first line of
 * text is line FIRST. */
static void
repair_literal(cmark_node *node, const struct guard *g, size_t k,
    uint32_t first)
{
	const char *lit = cmark_node_get_literal(node), *eol;
	const struct guard_edit *e;
	struct buf b = { 0 };
	size_t len, at, i;
	uint32_t line;

	if (lit == NULL)
		return;
	for (line = first; *lit != '\0' && k < g->nedits; line++, lit = eol) {
		eol = strchr(lit, '\n');
		eol = eol ? eol + 1 : lit + strlen(lit);
		len = (size_t)(eol - lit) - (eol[-1] == '\n');
		at = 0;
		for (; k < g->nedits && (e = &g->edits[k])->line == line; k++) {
			if (e->kind == GUARD_ADDED && len == 0)
				at = (size_t)(eol - lit);
			i = len - 1 - e->n; /* wraps when out of range */
			if (e->kind == GUARD_ESCAPE && i < len && i >= at &&
			    lit[i] == '\\')
				at = unescape(&b, lit, len, at, i, e->run);
			if (e->kind != GUARD_BLANKS)
				continue;
			buf_put(&b, lit + at, (size_t)(eol - lit) - at);
			at = (size_t)(eol - lit);
			for (i = 0; i < e->n; i++)
				buf_putc(&b, '\n');
		}
		buf_put(&b, lit + at, (size_t)(eol - lit) - at);
	}
	buf_puts(&b, lit);
	cmark_node_set_literal(node, b.data ? b.data : "");
	buf_free(&b);
}

/* Undo the edits that fall inside code or HTML block NODE. */
static void
repair_block(cmark_node *node, const struct guard *g)
{
	uint32_t first = (uint32_t)cmark_node_get_start_line(node);
	uint32_t last = (uint32_t)cmark_node_get_end_line(node);
	size_t lo = 0, hi = g->nedits, mid;
	int flen, foff;
	char fchar;

	if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK &&
	    cmark_node_get_fenced(node, &flen, &foff, &fchar))
		first++;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (g->edits[mid].line < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->nedits && g->edits[lo].line <= last)
		repair_literal(node, g, lo, first);
}

void
guard_repair(cmark_node *root, const struct guard *g)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *node;

	if (g->nedits == 0)
		return;
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK ||
		    cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK))
			repair_block(node, g);
	}
	cmark_iter_free(it);
}

