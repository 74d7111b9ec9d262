/*
 * The word wrapper (src/layout/wrap.c) on plain words: the lines it makes
 * at every width from 1 to 100 against greedy wrapping done here, and
 * the spans of those lines (a stretch of one run's text, one span).
 */
#include <stdlib.h>

#include "harness.h"
#include "quire/layout.h"

/* The lines greedy wrapping makes of the words of TEXT (split at runs of
 * spaces) at WIDTH, a word longer than a line broken between characters
 * and its end going on as a word: joined by newlines, into B. */
static void
greedy(const char *text, int width, struct buf *b)
{
	const char *p = text, *q;
	int col = 0, len;

	b->len = 0;
	buf_puts(b, "");
	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (q = p; *q != '\0' && *q != ' '; q++)
			;
		len = (int)(q - p);
		if (col > 0 && col + 1 + len <= width) {
			buf_putc(b, ' ');
			col++;
		} else if (col > 0) {
			buf_putc(b, '\n');
			col = 0;
		}
		for (; len > width; len -= width, p += width) {
			buf_put(b, p, (size_t)width);
			buf_putc(b, '\n');
		}
		buf_put(b, p, (size_t)len);
		col += len;
		p = q;
	}
}

/* Plain words (a space or more apart, some longer than a line) wrap as
 * greedy wrapping places them, at every width, and a line whose text
 * stands so in the document is one span. */
static void
test_wrap_plain(void)
{
	static const char md[] = "Some plain words of a paragraph, then two  "
	    "spaces, a notwithstanding longish one, and more words after "
	    "it to fill a few lines; supercalifragilisticexpialidocious and "
	    "the end.";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct buf want = { 0 }, got = { 0 };
	struct layout *lay;
	size_t n;
	int w, bad = 0, spans = 0;
	char *t;

	for (w = 1; w <= 100; w++) {
		greedy(md, w, &want);
		lay = layout_build(d, w, 0);
		got.len = 0;
		buf_puts(&got, "");
		for (n = 0; n < lay->nlines; n++) {
			t = t_line_text(lay, n);
			if (n > 0)
				buf_putc(&got, '\n');
			buf_puts(&got, t);
			if (strstr(md, t) != NULL)
				spans += lay->lines[n].nspans != 1;
			free(t);
		}
		if (strcmp(got.data, want.data) != 0 && bad++ == 0)
			printf("# width %d:\n# got  %s\n# want %s\n", w, got.data,
			    want.data);
		layout_free(lay);
	}
	INT_EQ(bad, 0, "plain words wrap greedily at widths 1 to 100");
	INT_EQ(spans, 0, "each line of words a space apart is one span");
	free(want.data);
	free(got.data);
	doc_free(d);
}

int
main(void)
{
	test_wrap_plain();
	return t_done();
}
