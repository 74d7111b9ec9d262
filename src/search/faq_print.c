/*
 * The quick answers as plain text (quire --faq): the entries that best
 * answer a query, each its question, answer blocks and short answer,
 * wrapped at blanks to a width.
 */
#include <stdio.h>
#include <stdlib.h>

#include "quire/faq.h"
#include "quire/text.h"
#include "quire/util.h"

/* Write LEN bytes of S, hard breaks as spaces when FLAT. */
static void
put_text(const char *s, size_t len, int flat, FILE *out)
{
	size_t i;

	while (len > 0 && s[len - 1] == '\n')
		len--;
	for (i = 0; i < len; i++)
		fputc(flat && s[i] == '\n' ? ' ' : s[i], out);
}

/*
 * Write LEN bytes of S wrapped at blanks to WIDTH columns (0: not
 * wrapped), the first line starting at column AT, the others indented
 * by INDENT; a word wider than a line is written whole.
 */
static void
put_wrapped(const char *s, size_t len, int width, int at, int indent,
    FILE *out)
{
	size_t i = 0, w;
	int col = at, ww;

	if (width <= 0) {
		put_text(s, len, 0, out);
		return;
	}
	while (len > 0 && s[len - 1] == '\n')
		len--;
	while (i < len) {
		if (s[i] == '\n') { /* a hard break */
			fputc('\n', out);
			fprintf(out, "%*s", indent, "");
			col = indent;
			i++;
			continue;
		}
		if (s[i] == ' ') {
			i++;
			continue;
		}
		for (w = i; w < len && s[w] != ' ' && s[w] != '\n'; w++)
			;
		ww = (int)text_width(s + i, w - i);
		if (col > indent && col + 1 + ww > width) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (col > at || (col > indent && col == at)) {
			fputc(' ', out);
			col++;
		}
		fwrite(s + i, 1, w - i, out);
		col += ww;
		i = w;
	}
}

/* Write the rows of table block B, cells between " | ". */
static void
put_table(const struct doc *d, const struct block *b, FILE *out)
{
	const struct table *t = &d->tables[b->aux];
	uint32_t r, c, k;

	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const struct cell *cl = doc_cell(d, t, r, c);

			if (c > 0)
				fputs(" | ", out);
			for (k = cl->run; k < cl->run + cl->nruns; k++)
				put_text(d->text + d->runs[k].off,
				    d->runs[k].len, 1, out);
		}
		fputc('\n', out);
	}
}

/* Write block B of an answer as plain text, ending in a newline. */
static void
put_block(const struct doc *d, uint32_t b, int width, FILE *out)
{
	const struct block *blk = &d->blocks[b];
	uint32_t off, len, i;
	int at = 0, n;

	for (i = 1; i < blk->list; i++, at += 2)
		fputs("  ", out);
	if (blk->kind == BLOCK_TABLE) {
		put_table(d, blk, out);
		return;
	}
	if (blk->kind == BLOCK_RULE) {
		fputs("---\n", out);
		return;
	}
	if (blk->kind == BLOCK_ITEM) {
		if (blk->flags & BF_TASK)
			fputs(blk->flags & BF_DONE ? "[x] " : "[ ] ", out);
		else if (blk->aux_len > 0 && d->aux[blk->aux] != '-')
			fprintf(out, "%.*s ", (int)blk->aux_len,
			    d->aux + blk->aux);
		else
			fputs("- ", out);
		at += blk->flags & BF_TASK ? 4 : blk->aux_len > 0 &&
		    d->aux[blk->aux] != '-' ? (int)blk->aux_len + 1 : 2;
	}
	doc_block_text(d, b, &off, &len);
	n = blk->kind == BLOCK_CODE ? 0 : width;
	put_wrapped(d->text + off, len, n, at, at, out);
	fputc('\n', out);
}

/* Write entry F: question, answer blocks, short answer. */
static void
put_entry(const struct doc *d, const struct faq *f, int width, FILE *out)
{
	const struct block *prev = NULL, *blk;
	uint32_t b, off, len;

	put_wrapped(d->text + f->q_off, f->q_len, width, 0, 0, out);
	fputc('\n', out);
	for (b = f->first; b < f->end; b++) {
		if (b == f->short_block)
			continue;
		blk = &d->blocks[b];
		if (!(prev && prev->list > 0 && blk->list > 0 &&
		    (prev->flags & blk->flags & BF_TIGHT)))
			fputc('\n', out);
		put_block(d, b, width, out);
		prev = blk;
	}
	if (f->short_block != DOC_NONE) {
		doc_block_text(d, f->short_block, &off, &len);
		fputs("\nIn short: ", out);
		put_wrapped(d->text + off, len, width, 10, 10, out);
		fputc('\n', out);
	}
}

int
faq_print(const struct doc *d, const char *query, int limit, int width,
    FILE *out)
{
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit *hits = xcalloc(d->nfaqs + 1, sizeof(*hits));
	size_t n = faq_query(ix, query, hits, d->nfaqs), i;

	if (limit > 0 && n > (size_t)limit)
		n = (size_t)limit;
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc('\n', out);
		put_entry(d, &d->faqs[hits[i].faq], width, out);
	}
	free(hits);
	faq_index_free(ix);
	return ferror(out) ? -1 : (int)n;
}
