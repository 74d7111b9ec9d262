/*
 * libFuzzer target: load -> layout at a fuzzer-chosen width -> search
 * for a fuzzer-chosen string (both ways: with the first pass over the
 * document's text and folding every line, which must agree) -> table
 * view layouts -> FAQ ranking -> the document's first part, cut where
 * the fuzzer says, as in cmark's fuzz/cmark-fuzz.c: the first bytes
 * choose the width, flags, query and cut, the rest is the document.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quire/doc.h"
#include "quire/faq.h"
#include "quire/layout.h"
#include "quire/search.h"

#define HEADER 6

/* Lay out each table as the table view would, a few rows at a time. */
static void
tables(const struct doc *d, int width, int flags)
{
	uint32_t t, shown[8], rows[4];
	int widths[8];
	size_t n, i;
	struct table_spec spec;
	struct layout *lay;

	for (t = 0; t < d->ntables && t < 4; t++) {
		const struct table *tb = &d->tables[t];
		uint32_t *sh = calloc(tb->ncols + 1, sizeof(*sh));
		int *wd = calloc(tb->ncols + 1, sizeof(*wd));
		struct table_choice ch = { .first = 1 + t % 3, .width = width,
			.shown = sh, .widths = wd };
		enum table_cols mode = table_columns(d, tb, &ch);

		n = ch.nshown;
		memset(&spec, 0, sizeof(spec));
		for (i = 0; i < 4; i++)
			rows[i] = tb->nrows > 1 ? 1 + (uint32_t)i % (tb->nrows - 1) : 1;
		spec.rows = tb->nrows > 1 ? rows : NULL;
		spec.nrows = tb->nrows > 1 ? 4 : 0;
		spec.cols = sh;
		spec.ncols = n;
		spec.widths = mode == TABLE_SCROLLS ? wd : NULL;
		spec.cards = mode == TABLE_CARDS;
		lay = layout_table_view(d, t, &spec, width, flags);
		layout_free(lay);
		free(sh);
		free(wd);
	}
	(void)shown;
	(void)widths;
}

/* A part from further on, as a jump before the whole is in makes one:
 * from the middle cut of MD to its end, with the outline's scan. */
static void
fuzz_beside(const char *md, size_t len, int width, int flags)
{
	struct doc_outline *heads;
	struct doc_notes *notes;
	size_t n, nheads, *cuts = doc_prefix_cuts(md, len, 64, &n, &heads,
	    &nheads, &notes);
	struct layout *lay;
	struct doc *d;

	if (n > 0 && notes != NULL && cuts[n - 1] > 0) { /* G's part */
		d = doc_load_notes(md + cuts[n - 1], len - cuts[n - 1],
		    cuts[n - 1], notes);
		lay = layout_build(d, width, flags);
		layout_free(lay);
		doc_free(d);
	}
	doc_notes_free(notes);
	if (n > 0) {
		d = doc_load_beside(md + cuts[n / 2], len - cuts[n / 2]);
		lay = layout_build(d, width, flags);
		layout_free(lay);
		doc_free(d);
	}
	free(cuts);
	free(heads);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char query[32];
	size_t qlen, line, k;
	int width, flags;
	struct doc *d;
	struct layout *lay;
	struct search *s, *every;
	struct faq_index *ix;
	size_t cut;
	struct faq_hit hits[8];
	struct search_cols cols[8];

	if (size < HEADER)
		return 0;
	width = 1 + ((data[0] << 8 | data[1]) % LAYOUT_MAX_WIDTH);
	flags = data[2] & 3;
	qlen = data[3] % sizeof(query);
	if (qlen > size - HEADER)
		qlen = size - HEADER;
	memcpy(query, data + HEADER, qlen);
	query[qlen] = '\0';
	d = doc_load_buffer((const char *)data + HEADER, size - HEADER);
	lay = layout_build(d, width, flags);
	s = search_new(lay, query);
	every = search_new_opts(lay, query, SEARCH_EVERY_LINE);
	if (search_count(s) != search_count(every))
		abort();
	for (k = 0; k < search_count(s); k++)
		if (memcmp(search_match(s, k), search_match(every, k),
		    sizeof(struct search_match)) != 0)
			abort();
	search_free(every);
	/* From the middle over a lazy layout, counted a run at a time: the
	 * same matches. */
	{
		struct layout *lz = layout_start(d, width, flags);
		struct search *r = search_begin(lz, query, 0);

		k = search_find(r, lay->nlines / 2, 1, NULL);
		while (search_more_runs(r, 1, &k))
			;
		if (search_count(r) != search_count(s) ||
		    k != search_first_at_or_after(s, lay->nlines / 2, NULL))
			abort();
		for (k = 0; k < search_count(s); k++)
			if (memcmp(search_match(s, k), search_match(r, k),
			    sizeof(struct search_match)) != 0)
				abort();
		search_free(r);
		layout_free(lz);
	}
	for (line = 0; line < lay->nlines && line < 64; line++)
		search_on_line(s, line, cols, 8);
	k = search_first_at_or_after(s, lay->nlines / 2, NULL);
	(void)k;
	search_free(s);
	tables(d, width, flags);
	ix = faq_index_new(d);
	faq_query(ix, query, hits, 8);
	faq_rank(ix, query, 1, hits, 8); /* the sections too */
	if (d->nfaqs > 0) {
		struct layout *a = layout_build_blocks(d, d->faqs[0].first,
		    d->faqs[0].end, width, flags);

		layout_free(a);
	}
	faq_index_free(ix);
	layout_free(lay);
	doc_free(d);
	cut = doc_prefix_cut((const char *)data + HEADER, size - HEADER,
	    (size_t)data[4] * 8);
	if (cut > 0) {
		d = doc_load_prefix((const char *)data + HEADER, size - HEADER,
		    cut);
		if (d != NULL) {
			lay = layout_build(d, width, flags);
			layout_free(lay);
			doc_free(d);
		}
	}
	fuzz_beside((const char *)data + HEADER, size - HEADER, width, flags);
	return 0;
}
