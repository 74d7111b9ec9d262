/*
 * What the model knows once the tree is walked: section numbers, the
 * document title, FAQ entries found by convention, and small accessors.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/doc.h"
#include "quire/util.h"
#include "build.h"

void
doc_block_text(const struct doc *d, uint32_t block, uint32_t *off,
    uint32_t *len)
{
	const struct block *b = &d->blocks[block];
	const struct run *first, *last;

	if (b->nruns == 0) {
		*off = b->run < d->nruns ? d->runs[b->run].off :
		    (uint32_t)d->text_len;
		*len = 0;
		return;
	}
	first = &d->runs[b->run];
	last = &d->runs[b->run + b->nruns - 1];
	*off = first->off;
	*len = last->off + last->len - first->off;
}

/*
 * Pick the title: the first heading, when no other heading is at its
 * level or above (a lone "# Title", or a lone "## Title" over "###"
 * sections).  The front matter's title yields to any H1.
 */
static void
find_title(struct doc *d)
{
	size_t i, at_top = 0;
	uint8_t top = BLOCK_LEVELS + 1;

	d->title = DOC_NONE;
	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].level < top)
			top = d->sections[i].level, at_top = 1;
		else if (d->sections[i].level == top)
			at_top++;
	if (at_top == 1 && d->sections[0].level == top)
		d->title = 0;
	if (top == 1)
		d->fm_title_len = 0;
}

/* Number sections like the article's structure: 1, 1.1, 1.2, 2, ... */
static void
number_sections(struct doc *d)
{
	uint32_t *kids = xcalloc(d->nsections + 1, sizeof(*kids));
	uint32_t top = 0, p;
	struct buf aux = { d->aux, d->aux_len, d->aux_len + 1 };
	size_t i, own = 0, n = 0;
	struct section *s;

	for (i = 0; i < d->nsections; i++) {
		s = &d->sections[i];
		doc_block_text(d, s->block, &s->title, &s->title_len);
		if (i == d->title) {
			s->num = (uint32_t)aux.len, s->num_len = 0;
			s->depth = 0;
			continue;
		}
		p = s->parent;
		if (p == DOC_NONE || p == d->title) { /* the top level's */
			n++;
			own += s->title_len > 0 &&
			    isdigit((unsigned char)d->text[s->title]) &&
			    doc_title_label(d->text + s->title,
			    s->title_len) > 0;
		}
		s->num = (uint32_t)aux.len;
		if (p == DOC_NONE || p == d->title) {
			s->depth = 0;
			buf_printf(&aux, "%u", (unsigned)++top);
		} else {
			s->depth = d->sections[p].depth + 1;
			/* the parent's number lives in this same buffer:
			 * make room first, so that it does not move */
			GROW(aux.data, aux.cap, aux.len, d->sections[p].num_len + 16);
			buf_put(&aux, aux.data + d->sections[p].num,
			    d->sections[p].num_len);
			buf_printf(&aux, ".%u", (unsigned)++kids[p]);
		}
		s->num_len = (uint32_t)(aux.len - s->num);
	}
	free(kids);
	/* "1. Introduction", "2. Setup": the top level numbered mostly */
	d->own_numbers = n > 0 && own * 2 >= n;
	if (aux.data == NULL)
		aux.data = xcalloc(1, 1);
	d->aux = aux.data;
	d->aux_len = aux.len;
}

size_t
doc_title_label(const char *s, size_t len)
{
	size_t i = 0, marks = 0;
	int version = 0;        /* a number after a dot is 0: "2.0" */

	if (len > 0 && (s[0] | 0x20) == 'q') {
		i = len >= 8 && strncasecmp(s, "question", 8) == 0 ? 8 : 1;
		if (i == 8 && i < len && s[i] == ' ')
			i++;
		while (i < len && isdigit((unsigned char)s[i]))
			i++;
		if (i >= len || (s[i] != ':' && s[i] != '.' && s[i] != ')'))
			return 0;
		i++, marks++;
	} else {
		while (i < len && isdigit((unsigned char)s[i])) {
			while (i < len && isdigit((unsigned char)s[i]))
				i++;
			if (i >= len || s[i] != '.')
				break;
			i++, marks++;
			version |= i < len && s[i] == '0';
		}
		if (i == 0)
			return 0;
		if (i < len && (s[i] == ')' || s[i] == ':'))
			i++, marks++;
	}
	if (marks == 0 || version || i >= len || s[i] != ' ')
		return 0;
	while (i < len && s[i] == ' ')
		i++;
	/* a word follows, not a date or a bracket ("1.2.3 (2024-05-01)") */
	if (i >= len || !((unsigned char)s[i] >= 0x80 ||
	    isalpha((unsigned char)s[i])))
		return 0;
	return i;
}

/* Whether TITLE names a FAQ section (after its number: "7. FAQ"). */
static int
is_faq_title(const char *s, size_t len)
{
	static const char *names[] = { "quick answers", "faq", "faqs",
		"frequently asked questions", "f.a.q." };
	size_t i, label = doc_title_label(s, len);

	s += label, len -= label;
	while (len > 0 && (s[len - 1] == ':' || isspace((unsigned char)s[len - 1])))
		len--;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == len && strncasecmp(s, names[i], len) == 0)
			return 1;
	return 0;
}

/* Set entry F's short answer: the last block quote paragraph of its
 * answer, or none. */
static void
find_short(const struct doc *d, struct faq *f)
{
	uint32_t i, quote = d->blocks[f->q_block].quote;

	f->short_block = DOC_NONE;
	for (i = f->end; i > f->first; i--)
		if (d->blocks[i - 1].quote > quote &&
		    d->blocks[i - 1].kind == BLOCK_PARAGRAPH) {
			f->short_block = i - 1;
			break;
		}
}

/* Start a FAQ entry for question block Q (text OFF, LEN) in SECTION,
 * answered by the blocks up to END. */
static void
add_entry(struct doc *d, size_t *cap, uint32_t q, uint32_t off, uint32_t len,
    uint32_t section, uint32_t end)
{
	struct faq *f;

	GROW(d->faqs, *cap, d->nfaqs, 1);
	f = &d->faqs[d->nfaqs++];
	f->section = section;
	f->q_block = q;
	f->q_off = off;
	f->q_len = len;
	f->first = q + 1;
	f->end = end;
	find_short(d, f);
}

/* Whether section S's title ends in '?'. */
static int
asks_title(const struct doc *d, uint32_t s)
{
	const char *t = d->text + d->sections[s].title;
	size_t n = d->sections[s].title_len;

	while (n > 0 && isspace((unsigned char)t[n - 1]))
		n--;
	return n > 0 && t[n - 1] == '?';
}

/* Whether section S is a category of questions: asking nothing, with
 * subsections that do. */
static int
is_category(const struct doc *d, uint32_t s)
{
	uint32_t j;

	if (asks_title(d, s))
		return 0;
	for (j = s + 1; j < d->nsections &&
	    d->sections[j].block < d->sections[s].end; j++)
		if (d->sections[j].parent == s && asks_title(d, j))
			return 1;
	return 0;
}

/* Add section S as a FAQ entry: its blocks up to the next heading. */
static void
add_faq(struct doc *d, size_t *cap, uint32_t s)
{
	const struct section *sec = &d->sections[s];
	uint32_t end = sec->end, label;

	if (s + 1 < d->nsections && d->sections[s + 1].block < end)
		end = d->sections[s + 1].block;
	label = (uint32_t)doc_title_label(d->text + sec->title,
	    sec->title_len);
	add_entry(d, cap, sec->block, sec->title + label,
	    sec->title_len - label, s, end);
}

/* Whether the LEN bytes at S are all spaces (strspn would read on past
 * them, through the rest of the document's text). */
static int
all_spaces(const char *s, uint32_t len)
{
	while (len > 0 && *s == ' ')
		s++, len--;
	return len == 0;
}

/* Whether block B is a question written as a paragraph or list item:
 * all strong text ("**Q: Why?**"), or led by a question's label ("Q:
 * Why?", "**Question:** Why?"), or a <details> element's summary line, ending
 * in '?'; with SUMMARIES (in a FAQ section, or a document whose
 * summaries ask) a summary line needs no '?'. */
static int
bold_question(const struct doc *d, uint32_t b, int summaries)
{
	const struct block *blk = &d->blocks[b];
	uint32_t i, off, len;
	int labelled;

	if ((blk->kind != BLOCK_PARAGRAPH && blk->kind != BLOCK_ITEM) ||
	    blk->nruns == 0 || blk->quote > 0)
		return 0;
	doc_block_text(d, b, &off, &len);
	while (len > 0 && d->text[off] == ' ')
		off++, len--;
	labelled = len > 0 && (d->text[off] | 0x20) == 'q' &&
	    doc_title_label(d->text + off, len) > 0;
	if (!(blk->flags & BF_SUMMARY) && !labelled)
		for (i = blk->run; i < blk->run + blk->nruns; i++)
			if (!(d->runs[i].style & STY_STRONG) &&
			    !all_spaces(d->text + d->runs[i].off,
			    d->runs[i].len))
				return 0;
	while (len > 0 && d->text[off + len - 1] == ' ')
		len--;
	if (summaries && (blk->flags & BF_SUMMARY) &&
	    !all_spaces(d->text + off, len))
		return 1;
	return len > 0 && d->text[off + len - 1] == '?';
}

/* Whether D asks a question in a <details> summary: then all its
 * summaries are questions, as in a FAQ section. */
static int
summary_asks(const struct doc *d)
{
	uint32_t b, off, len;

	for (b = 0; b < d->nblocks; b++) {
		if (!(d->blocks[b].flags & BF_SUMMARY))
			continue;
		doc_block_text(d, (uint32_t)b, &off, &len);
		while (len > 0 && d->text[off + len - 1] == ' ')
			len--;
		if (len > 0 && d->text[off + len - 1] == '?')
			return 1;
	}
	return 0;
}

/* Questions as bold paragraphs or <details> summaries between FIRST
 * and END, in SECTION (a FAQ section's, or DOC_NONE). */
static void
bold_faqs(struct doc *d, size_t *cap, uint32_t first, uint32_t end,
    uint32_t section)
{
	int summaries = section != DOC_NONE || summary_asks(d);
	uint32_t b, next, off, len, skip;

	for (b = first; b < end; b++) {
		if (!bold_question(d, b, summaries))
			continue;
		for (next = b + 1; next < end &&
		    !bold_question(d, next, summaries) &&
		    d->blocks[next].kind != BLOCK_HEADING; next++)
			;
		doc_block_text(d, b, &off, &len);
		while (len > 0 && d->text[off] == ' ')
			off++, len--;
		while (len > 0 && d->text[off + len - 1] == ' ')
			len--;
		skip = (uint32_t)doc_title_label(d->text + off, len);
		off += skip, len -= skip;
		add_entry(d, cap, b, off, len, d->blocks[b].section == DOC_NONE ?
		    section : d->blocks[b].section, next);
	}
}

/* Order FAQ entries by their question's block. */
static int
faq_cmp(const void *a, const void *b)
{
	const struct faq *x = a, *y = b;

	return (x->q_block > y->q_block) - (x->q_block < y->q_block);
}

/* Put D's entries in document order, each answer ending where the next
 * question starts: a bold question among heading ones ("### Why?" then
 * "**Q: How?**" under it) answers itself, not as part of the heading's
 * answer; a heading that asks nothing, left with no answer of its own,
 * is no entry ("### Installing" over <details> questions).  An entry
 * found twice is kept once. */
static void
merge_faqs(struct doc *d)
{
	size_t i, n = 0;

	if (d->nfaqs > 1)
		qsort(d->faqs, d->nfaqs, sizeof(*d->faqs), faq_cmp);
	for (i = 0; i < d->nfaqs; i++) {
		if (n > 0 && d->faqs[n - 1].q_block == d->faqs[i].q_block)
			continue;
		d->faqs[n++] = d->faqs[i];
	}
	for (i = 0; i + 1 < n; i++)
		if (d->faqs[i].end > d->faqs[i + 1].q_block) {
			d->faqs[i].end = d->faqs[i + 1].q_block;
			find_short(d, &d->faqs[i]);
		}
	d->nfaqs = 0;
	for (i = 0; i < n; i++) {
		const struct faq *f = &d->faqs[i];

		if (f->first >= f->end && d->blocks[f->q_block].kind ==
		    BLOCK_HEADING && !asks_title(d, d->blocks[f->q_block].section))
			continue; /* a heading over bold questions asks nothing */
		d->faqs[d->nfaqs++] = *f;
	}
}

/* Find FAQ entries: children of a FAQ section (headings), else every
 * heading that ends in '?'; and bold questions, in the FAQ section or
 * anywhere, with them. */
static void
find_faqs(struct doc *d)
{
	size_t cap = 0, i, j, k;
	const struct section *s;

	for (i = 0; i < d->nsections && d->nfaqs == 0; i++) {
		s = &d->sections[i];
		if (!is_faq_title(d->text + s->title, s->title_len))
			continue;
		for (j = i + 1; j < d->nsections &&
		    d->sections[j].block < s->end; j++) {
			if (d->sections[j].parent != i)
				continue;
			if (!is_category(d, (uint32_t)j)) {
				add_faq(d, &cap, (uint32_t)j);
				continue;
			}
			for (k = j + 1; k < d->nsections &&
			    d->sections[k].block < d->sections[j].end; k++)
				if (d->sections[k].parent == j)
					add_faq(d, &cap, (uint32_t)k);
		}
		bold_faqs(d, &cap, s->block + 1, s->end, (uint32_t)i);
	}
	if (d->nfaqs == 0) {
		for (i = 0; i < d->nsections; i++)
			if (asks_title(d, (uint32_t)i))
				add_faq(d, &cap, (uint32_t)i);
		bold_faqs(d, &cap, 0, (uint32_t)d->nblocks, DOC_NONE);
	}
	merge_faqs(d);
}

void
doc_finish(struct doc *d)
{
	find_title(d);
	number_sections(d);
	find_faqs(d);
}

const char *
doc_title(const struct doc *d, size_t *len)
{
	if (d->title == DOC_NONE ||
	    (d->sections[d->title].level > 1 && d->fm_title_len > 0)) {
		*len = d->fm_title_len;
		return d->fm_title_len ? d->text + d->fm_title : "";
	}
	*len = d->sections[d->title].title_len;
	return d->text + d->sections[d->title].title;
}

uint32_t
doc_section_of(const struct doc *d, uint32_t block)
{
	return block < d->nblocks ? d->blocks[block].section : DOC_NONE;
}

const struct cell *
doc_cell(const struct doc *d, const struct table *t, uint32_t row,
    uint32_t col)
{
	static const struct cell empty = { 0, 0 };

	if (row >= t->nrows || col >= t->ncols)
		return &empty;
	return &d->cells[t->cell + row * t->ncols + col];
}

uint32_t
doc_anchor(const struct doc *d, const char *name, size_t len)
{
	size_t i;

	if (len > 0 && name[0] == '#')
		name++, len--;
	if (len == 0)
		return DOC_NONE;
	for (i = 0; i < d->nanchors; i++)
		if (d->anchors[i].name_len == len &&
		    memcmp(d->aux + d->anchors[i].name, name, len) == 0)
			return (uint32_t)i;
	return DOC_NONE;
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	free(d->text);
	free(d->aux);
	free(d->blocks);
	free(d->runs);
	free(d->links);
	free(d->sections);
	free(d->tables);
	free(d->cells);
	free(d->aligns);
	free(d->faqs);
	free(d->anchors);
	free(d);
}
