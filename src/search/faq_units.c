/*
 * The units of quick answers in a document, and what text each gives the
 * index in which field: a FAQ entry's question, short answer, answer
 * blocks and the heading it is under; a section's title (without its
 * number), its own blocks but a table of contents' lines, and its
 * parent's heading.  Table cells and list items that are no sentences
 * go in the terse field, and a block's shape (a table, code) as a word.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/util.h"
#include "faq_index.h"
#include "faq_units.h"

/* Whether the LEN bytes at S end as a sentence does, with a full stop,
 * a question or exclamation mark (a quote or bracket after it aside). */
static int
is_sentence(const char *s, size_t len)
{
	while (len > 0 && strchr(" \t\n\"')*_", s[len - 1]) != NULL)
		len--;
	return len > 0 && strchr(".!?", s[len - 1]) != NULL;
}

/* Hand K the words of block B as FIELD of entry FAQ: a table's cells,
 * and a section's list items that are no sentences (a summary's lines:
 * "Fast compile times"), as its terse field, F_TABLE. */
static void
walk_block(const struct faq_sink *k, const struct doc *d, uint32_t faq,
    enum field f, uint32_t b)
{
	const struct block *blk = &d->blocks[b];
	const struct table *t;
	uint32_t off, len, i, r;

	if (blk->kind == BLOCK_CODE)
		k->shape(k->ctx, faq, f, SHAPE_CODE);
	if (blk->kind != BLOCK_TABLE) {
		doc_block_text(d, b, &off, &len);
		if (f == F_TEXT && blk->kind == BLOCK_ITEM &&
		    !is_sentence(d->text + off, len))
			f = F_TABLE;
		k->text(k->ctx, faq, f, d->text + off, len);
		return;
	}
	k->shape(k->ctx, faq, f == F_TEXT ? F_TABLE : f, SHAPE_TABLE);
	t = &d->tables[blk->aux];
	if (f == F_TEXT)
		f = F_TABLE;
	for (i = 0; i < t->nrows * t->ncols; i++) {
		const struct cell *cl = &d->cells[t->cell + i];

		for (r = cl->run; r < cl->run + cl->nruns; r++)
			k->text(k->ctx, faq, f, d->text + d->runs[r].off,
			    d->runs[r].len);
	}
}

/* Hand K the title of section S of D, not its number ("2.1"), as
 * FIELD of unit U. */
static void
walk_title(const struct faq_sink *k, const struct doc *d, uint32_t u,
    enum field f, uint32_t s)
{
	const struct section *sec = &d->sections[s];
	size_t label = doc_title_label(d->text + sec->title, sec->title_len);

	k->text(k->ctx, u, f, d->text + sec->title + label,
	    sec->title_len - label);
}

/* Hand K entry E's words field by field: question, short, the rest,
 * the heading of the section it is under (not the document's title). */
static void
walk_entry(const struct faq_sink *k, const struct doc *d, uint32_t e)
{
	const struct faq *q = &d->faqs[e];
	uint32_t b, p;

	k->text(k->ctx, e, F_QUESTION, d->text + q->q_off, q->q_len);
	if (q->short_block != DOC_NONE)
		walk_block(k, d, e, F_SHORT, q->short_block);
	for (b = q->first; b < q->end; b++)
		if (b != q->short_block)
			walk_block(k, d, e, F_ANSWER, b);
	p = q->section < d->nsections ? d->sections[q->section].parent :
	    DOC_NONE;
	if (p != DOC_NONE && p != d->title)
		walk_title(k, d, e, F_CONTEXT, p);
}

/* Whether byte C may be part of a word: an ASCII letter or digit, or
 * a byte of a character beyond ASCII. */
static int
word_byte(unsigned char c)
{
	return c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u ||
	    (unsigned)(c - '0') < 10u;
}

int
faq_toc_line(const struct doc *d, uint32_t b)
{
	const struct block *blk = &d->blocks[b];
	uint32_t i, inside = 0, all = 0, k;

	if (blk->kind != BLOCK_ITEM && blk->kind != BLOCK_PARAGRAPH)
		return 0;
	for (i = blk->run; i < blk->run + blk->nruns; i++) {
		const struct run *r = &d->runs[i];
		int local = r->link != DOC_NONE && r->link < d->nlinks &&
		    d->links[r->link].len > 0 &&
		    d->aux[d->links[r->link].off] == '#';

		for (k = 0; k < r->len; k++)
			if (word_byte((unsigned char)d->text[r->off + k])) {
				all++;
				inside += local;
			}
	}
	return all > 0 && inside * 10 >= all * 7;
}

/* Hand K section unit U's words: its title (not its number: "2.1"),
 * its own blocks (but a table of contents' lines), the heading it is
 * under (not the document's title). */
static void
walk_section(const struct faq_sink *k, const struct doc *d, uint32_t u,
    const struct unit_sec *us)
{
	const struct section *s = &d->sections[us->section];
	uint32_t b;

	walk_title(k, d, u, F_TITLE, us->section);
	for (b = us->first; b < us->end; b++)
		if (!faq_toc_line(d, b))
			walk_block(k, d, u, F_TEXT, b);
	if (s->parent != DOC_NONE && s->parent != d->title)
		walk_title(k, d, u, F_SCONTEXT, s->parent);
}

size_t
faq_units_find(const struct doc *d, struct unit_sec **out)
{
	unsigned char *taken = xcalloc(d->nblocks + 1, 1);
	struct unit_sec *u = xcalloc(d->nsections + 1, sizeof(*u));
	size_t n = 0, i;
	uint32_t b, end;

	for (i = 0; i < d->nfaqs; i++) {
		const struct faq *f = &d->faqs[i];

		taken[f->q_block] = 1;
		for (b = f->first; b < f->end && b < d->nblocks; b++)
			taken[b] = 1;
	}
	for (i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];

		if (taken[s->block])
			continue;
		end = s->end;
		if (i + 1 < d->nsections && d->sections[i + 1].block < end)
			end = d->sections[i + 1].block;
		u[n].section = (uint32_t)i;
		u[n].first = s->block + 1;
		u[n].end = end;
		while (u[n].first < u[n].end && taken[u[n].first])
			u[n].first++;
		while (u[n].end > u[n].first && taken[u[n].end - 1])
			u[n].end--;
		n++;
	}
	free(taken);
	*out = u;
	return n;
}

void
faq_units_walk(const struct doc *d, const struct unit_sec *secs,
    size_t nsec, const struct faq_sink *k)
{
	size_t e;

	for (e = 0; e < d->nfaqs; e++)
		walk_entry(k, d, (uint32_t)e);
	for (e = 0; e < nsec; e++)
		walk_section(k, d, (uint32_t)(d->nfaqs + e), &secs[e]);
}
