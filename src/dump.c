/*
 * Printed output: the same lines the pager shows, as plain text or with
 * the pager's styles as SGR sequences (--color), and the section index.
 * Text is clean already (see text.h); the only escape sequences written
 * are the SGR ones style_sgr() makes.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/dump.h"
#include "quire/hlcache.h"
#include "quire/util.h"

/* Where a styled line stands: the bytes written, the room left, the
 * look set. */
struct pen {
	FILE *out;
	size_t left;               /* bytes of the line still to write */
	char cur[STYLE_SGR_MAX];   /* the SGR set, "" for none */
};

/* Write LEN bytes of S (within the line's room) in the look SGR ("" the
 * terminal's own). */
static void
pen_put(struct pen *p, const char *sgr, const char *s, size_t len)
{
	static const char plain[] = "\033[0m";

	if (len > p->left)
		len = p->left;
	if (len == 0)
		return;
	if (strcmp(sgr, plain) == 0)
		sgr = "";
	if (strcmp(sgr, p->cur) != 0) {
		fputs(sgr[0] != '\0' ? sgr : plain, p->out);
		memcpy(p->cur, sgr, strlen(sgr) + 1);
	}
	fwrite(s, 1, len, p->out);
	p->left -= len;
}

/* Write code span SP of line N (text T), parts its tokens cover in their
 * kind's look. */
static void
put_code(struct pen *p, const struct layout *lay, size_t n,
    const struct span *sp, const char *t, const struct dump_style *st)
{
	const struct hl_token *tk;
	char sgr[STYLE_SGR_MAX], tsgr[STYLE_SGR_MAX];
	size_t nt = 0, k;
	uint32_t i = 0, to;

	style_sgr(st->theme, st->colors, sp->kind, sp->style, sgr);
	tk = st->tokens(st->arg, lay->lines[n].block, sp->off,
	    sp->off + sp->len, &nt);
	k = nt > 0 ? hlcache_find(tk, nt, sp->off) : 0;
	while (i < sp->len) {
		to = sp->len;
		if (k < nt && tk[k].off <= sp->off + i) {
			if (tk[k].off + tk[k].len - sp->off < to)
				to = tk[k].off + tk[k].len - sp->off;
			style_sgr(st->theme, st->colors, UI_TOKEN + tk[k].kind,
			    sp->style, tsgr);
			pen_put(p, tsgr, t + i, to - i);
			k++;
		} else {
			if (k < nt && tk[k].off - sp->off < to)
				to = tk[k].off - sp->off;
			pen_put(p, sgr, t + i, to - i);
		}
		i = to;
	}
}

/* Write line N of LAY styled as ST says, LEN bytes of it (its trailing
 * blanks left out). */
static void
put_line(const struct layout *lay, size_t n, size_t len,
    const struct dump_style *st, FILE *out)
{
	const struct line *ln = &lay->lines[n];
	const struct span *sp;
	struct pen p = { out, len, "" };
	char sgr[STYLE_SGR_MAX];
	int col = 0;
	uint32_t k;

	for (k = 0; k < ln->nspans && p.left > 0; k++) {
		sp = &lay->spans[ln->span + k];
		for (; col < sp->col; col++)
			pen_put(&p, "", " ", 1);
		if (sp->kind == SPAN_CODE && !sp->gen && st->tokens != NULL)
			put_code(&p, lay, n, sp, layout_span_text(lay, sp), st);
		else {
			style_sgr(st->theme, st->colors, sp->kind, sp->style, sgr);
			pen_put(&p, sgr, layout_span_text(lay, sp), sp->len);
		}
		col += sp->width;
	}
	if (p.cur[0] != '\0')
		fputs("\033[0m", out);
}

#define DUMP_BUF 65536 /* lines are written this many bytes at a time */

int
dump_layout(const struct layout *lay, FILE *out)
{
	return dump_layout_styled(lay, NULL, out);
}

int
dump_layout_styled(const struct layout *lay, const struct dump_style *st,
    FILE *out)
{
	struct buf b = { 0 };
	size_t n, start;

	for (n = 0; n < lay->nlines; n++) {
		start = b.len;
		layout_line_text(lay, n, &b);
		while (b.len > start && b.data[b.len - 1] == ' ')
			b.len--;
		if (st != NULL) { /* styled: each line as it comes */
			if (b.len > 0)
				put_line(lay, n, b.len, st, out);
			fputc('\n', out);
			b.len = 0;
			continue;
		}
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
dump_toc(const struct doc *d, const struct dump_style *st, FILE *out)
{
	size_t i, k;
	const struct section *s;
	char sgr[STYLE_SGR_MAX];

	for (i = 0; i < d->nsections; i++) {
		s = &d->sections[i];
		if (i != d->title) {
			for (k = 0; k < s->depth; k++)
				fputs("  ", out);
			if (doc_shown_num(d, s) > 0) { /* not the document's */
				if (st != NULL) {
					style_sgr(st->theme, st->colors,
					    SPAN_NUMBER, 0, sgr);
					fputs(sgr, out);
				}
				fwrite(d->aux + s->num, 1, s->num_len, out);
				if (st != NULL)
					fputs("\033[0m", out);
				fputc(' ', out);
			}
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
			if (doc_shown_num(d, &d->sections[sec]) > 0) {
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
    const struct dump_style *st, FILE *out)
{
	const struct table *t = &d->tables[table];
	uint32_t *shown = xcalloc(t->ncols + 1, sizeof(*shown));
	int *widths = xcalloc(t->ncols + 1, sizeof(*widths));
	struct table_choice ch = { .first = 1, .width = width,
		.shown = shown, .widths = widths, .compact_only = 1,
		.plain = (flags & LAYOUT_PLAIN) != 0 };
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
	spec.widths = mode == TABLE_CARDS ? NULL : widths;
	spec.cards = mode == TABLE_CARDS;
	spec.compact = ch.compact;
	spec.no_rule = 1;
	lay = layout_table_view(d, table, &spec, width, flags);
	r = dump_layout_styled(lay, st, out);
	if (ch.right)
		fprintf(out, "(%u more column%s to the right)\n",
		    (unsigned)(t->ncols - shown[n - 1] - 1),
		    t->ncols - shown[n - 1] - 1 == 1 ? "" : "s");
	layout_free(lay);
	free(shown);
	free(widths);
	return r;
}
