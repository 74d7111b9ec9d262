/*
 * Plain-text output: the same lines the pager shows, with no escape
 * codes, and the section index.  Text is clean already (see text.h).
 */
#include <string.h>

#include "quire/dump.h"
#include "quire/util.h"

int
dump_layout(const struct layout *lay, FILE *out)
{
	struct buf b = { 0 };
	size_t n;

	for (n = 0; n < lay->nlines; n++) {
		b.len = 0;
		layout_line_text(lay, n, &b);
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.len--;
		if (b.len)
			fwrite(b.data, 1, b.len, out);
		fputc('\n', out);
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
