/*
 * A table's cells as data, for --table N --format: CSV (RFC 4180),
 * TSV, JSON (an array of objects keyed by the header) or a Markdown pipe
 * table.  Inline markup is reduced to its text, links to their text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/dump.h"
#include "quire/util.h"

/* The text of cell (R, C) into B (emptied first). */
static void
cell_text(const struct doc *d, const struct table *t, uint32_t r,
    uint32_t c, struct buf *b)
{
	const struct cell *cl = doc_cell(d, t, r, c);
	uint32_t i;

	b->len = 0;
	for (i = cl->run; i < cl->run + cl->nruns; i++)
		buf_put(b, d->text + d->runs[i].off, d->runs[i].len);
	buf_putc(b, '\0');
	b->len--;
}

/* A CSV field: quoted when it holds a comma, a quote, a line break or
 * blanks at an end; quotes doubled. */
static void
put_csv(const struct buf *b, FILE *out)
{
	size_t i;
	int quote = b->len > 0 && (b->data[0] == ' ' ||
	    b->data[b->len - 1] == ' ');

	for (i = 0; i < b->len && !quote; i++)
		quote = strchr(",\"\r\n", b->data[i]) != NULL;
	if (!quote) {
		fwrite(b->data, 1, b->len, out);
		return;
	}
	putc('"', out);
	for (i = 0; i < b->len; i++) {
		if (b->data[i] == '"')
			putc('"', out);
		putc(b->data[i], out);
	}
	putc('"', out);
}

/* A TSV field: tabs and line breaks become spaces. */
static void
put_tsv(const struct buf *b, FILE *out)
{
	size_t i;

	for (i = 0; i < b->len; i++)
		putc(strchr("\t\r\n", b->data[i]) ? ' ' : b->data[i], out);
}

/* A JSON string, escaped. */
static void
put_json(const char *s, size_t len, FILE *out)
{
	size_t i;
	unsigned char ch;

	putc('"', out);
	for (i = 0; i < len; i++) {
		ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", out);
		else if (ch == '\t')
			fputs("\\t", out);
		else if (ch < 0x20 || ch == 0x7f)
			fprintf(out, "\\u%04x", ch);
		else
			putc(ch, out);
	}
	putc('"', out);
}

/* A Markdown cell: what Markdown would read as markup escaped (pipes,
 * backslashes, emphasis, code, links, HTML, entities), so the cell
 * reads back as the text it is; line breaks <br>. */
static void
put_md(const struct buf *b, FILE *out)
{
	size_t i;

	for (i = 0; i < b->len; i++) {
		if (b->data[i] == '\n') {
			fputs("<br>", out);
			continue;
		}
		if (b->data[i] != '\0' && strchr("|\\*_~`[]<&", b->data[i]))
			putc('\\', out);
		putc(b->data[i] == '\r' ? ' ' : b->data[i], out);
	}
}

/* The JSON keys: the header cells, "column N" when empty, "NAME (2)"
 * when an earlier column has the same name. */
static char **
json_keys(const struct doc *d, const struct table *t)
{
	char **keys = xcalloc(t->ncols + 1, sizeof(*keys));
	struct buf b = { 0 }, k = { 0 };
	uint32_t c, e;
	int n;

	for (c = 0; c < t->ncols; c++) {
		cell_text(d, t, 0, c, &b);
		k.len = 0;
		if (b.len == 0)
			buf_printf(&k, "column %u", (unsigned)c + 1);
		else
			buf_put(&k, b.data, b.len);
		buf_putc(&k, '\0');
		for (n = 2;; n++) {
			for (e = 0; e < c && strcmp(keys[e], k.data) != 0; e++)
				;
			if (e == c)
				break;
			k.len = 0;
			if (b.len == 0)
				buf_printf(&k, "column %u (%d)", (unsigned)c + 1, n);
			else
				buf_printf(&k, "%.*s (%d)", (int)b.len, b.data, n);
			buf_putc(&k, '\0');
		}
		keys[c] = xstrdup(k.data);
	}
	buf_free(&b);
	buf_free(&k);
	return keys;
}

static void
write_json(const struct doc *d, const struct table *t, FILE *out)
{
	char **keys = json_keys(d, t);
	struct buf b = { 0 };
	uint32_t r, c;

	fputs("[", out);
	for (r = 1; r < t->nrows; r++) {
		fputs(r > 1 ? ",\n  {" : "\n  {", out);
		for (c = 0; c < t->ncols; c++) {
			cell_text(d, t, r, c, &b);
			if (c > 0)
				fputs(", ", out);
			put_json(keys[c], strlen(keys[c]), out);
			fputs(": ", out);
			put_json(b.data, b.len, out);
		}
		fputs("}", out);
	}
	fputs(t->nrows > 1 ? "\n]\n" : "]\n", out);
	for (c = 0; c < t->ncols; c++)
		free(keys[c]);
	free(keys);
	buf_free(&b);
}

int
dump_table_data(const struct doc *d, uint32_t table, enum table_format f,
    FILE *out)
{
	const struct table *t = &d->tables[table];
	struct buf b = { 0 };
	uint32_t r, c;
	uint8_t a;

	if (f == TABLE_JSON)
		write_json(d, t, out);
	else
		for (r = 0; r < t->nrows; r++) {
			if (f == TABLE_MARKDOWN)
				fputs("|", out);
			for (c = 0; c < t->ncols; c++) {
				cell_text(d, t, r, c, &b);
				if (f == TABLE_CSV && c > 0)
					putc(',', out);
				else if (f == TABLE_TSV && c > 0)
					putc('\t', out);
				if (f == TABLE_CSV)
					put_csv(&b, out);
				else if (f == TABLE_TSV)
					put_tsv(&b, out);
				else {
					putc(' ', out);
					put_md(&b, out);
					fputs(" |", out);
				}
			}
			fputs(f == TABLE_CSV ? "\r\n" : "\n", out);
			if (f != TABLE_MARKDOWN || r > 0)
				continue;
			fputs("|", out);
			for (c = 0; c < t->ncols; c++) {
				a = d->aligns[t->align + c];
				fprintf(out, " %s |", a == ALIGN_LEFT ? ":--" :
				    a == ALIGN_RIGHT ? "--:" : a == ALIGN_CENTER ?
				    ":-:" : "---");
			}
			putc('\n', out);
		}
	buf_free(&b);
	return ferror(out) ? -1 : 0;
}
