/*
 * Plain-text output: the same lines the pager shows, with no escape
 * codes, and the section index.  Text is clean already (see text.h).
 */
#include <stdlib.h>
#include <string.h>

#include "quire/dump.h"
#include "quire/util.h"

#define DUMP_BUF 65536 /* lines are written this many bytes at a time */

int
dump_layout(const struct layout *lay, FILE *out)
{
	struct buf b = { 0 };
	size_t n, start;

	for (n = 0; n < lay->nlines; n++) {
		start = b.len;
		layout_line_text(lay, n, &b);
		while (b.len > start && b.data[b.len - 1] == ' ')
			b.len--;
		buf_putc(&b, '\n');
		if (b.len >= DUMP_BUF || n + 1 == lay->nlines) {
			fwrite(b.data, 1, b.len, out);
			b.len = 0;
		}
	}
	buf_free(&b);
	return ferror(out) ? -1 : 0;
}

/* Write LEN bytes of a title, hard breaks as spaces. */
static void
put_title(const char *s, size_t len, FILE *out)
{
	size_t i;

	for (i = 0; i < len; i++)
		fputc(s[i] == '\n' ? ' ' : s[i], out);
}

int
dump_toc(const struct doc *d, FILE *out)
{
	size_t i, k;
	const struct section *s;

	for (i = 0; i < d->nsections; i++) {
		s = &d->sections[i];
		if (i != d->title) {
			for (k = 0; k < s->depth; k++)
				fputs("  ", out);
			fwrite(d->aux + s->num, 1, s->num_len, out);
			fputc(' ', out);
		}
		put_title(d->text + s->title, s->title_len, out);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

int
dump_table_list(const struct doc *d, FILE *out)
{
	size_t i;
	const struct table *t;
	uint32_t sec;

	for (i = 0; i < d->ntables; i++) {
		t = &d->tables[i];
		sec = d->blocks[t->block].section;
		fprintf(out, "%zu\t%u rows x %u columns\t", i + 1,
		    (unsigned)(t->nrows ? t->nrows - 1 : 0), (unsigned)t->ncols);
		if (sec != DOC_NONE) {
			if (d->sections[sec].num_len) {
				fwrite(d->aux + d->sections[sec].num, 1,
				    d->sections[sec].num_len, out);
				fputc(' ', out);
			}
			put_title(d->text + d->sections[sec].title,
			    d->sections[sec].title_len, out);
		} else
			fputs("-", out);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

int
dump_table(const struct doc *d, uint32_t table, int width, int flags,
    FILE *out)
{
	const struct table *t = &d->tables[table];
	uint32_t *shown = xcalloc(t->ncols + 1, sizeof(*shown));
	int *widths = xcalloc(t->ncols + 1, sizeof(*widths));
	struct table_choice ch = { .first = 1, .width = width,
		.shown = shown, .widths = widths };
	struct table_spec spec;
	struct layout *lay;
	enum table_cols mode;
	size_t n;
	int r;

	mode = table_columns(d, t, &ch);
	n = ch.nshown;
	memset(&spec, 0, sizeof(spec));
	spec.cols = shown;
	spec.ncols = n;
	spec.widths = mode == TABLE_SCROLLS ? widths : NULL;
	spec.cards = mode == TABLE_CARDS;
	lay = layout_table_view(d, table, &spec, width, flags);
	r = dump_layout(lay, out);
	if (ch.right)
		fprintf(out, "(%u more columns to the right)\n",
		    (unsigned)(t->ncols - shown[n - 1] - 1));
	layout_free(lay);
	free(shown);
	free(widths);
	return r;
}
