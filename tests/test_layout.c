/*
 * Layout: wrapping at widths 1, 2, 20, 80 and 200 with wide and
 * combining characters, long words, tables and cards, every width from
 * 1 to 1000 on the bundled article, and line <-> block <-> section maps.
 */
#include <stdlib.h>

#include "harness.h"
#include "quire/layout.h"
#include "quire/text.h"

/* Line N's text. */
static char *
line_text(const struct layout *lay, size_t n)
{
	struct buf b = { 0 };

	buf_puts(&b, "");
	layout_line_text(lay, n, &b);
	return b.data;
}

/* The widest line of LAY, in columns. */
static size_t
widest(const struct layout *lay)
{
	size_t n, w, max = 0;
	char *t;

	for (n = 0; n < lay->nlines; n++) {
		t = line_text(lay, n);
		w = text_width(t, strlen(t));
		if (w > max)
			max = w;
		free(t);
	}
	return max;
}

/* All text of LAY with every space removed. */
static char *
squeeze(const struct layout *lay)
{
	struct buf b = { 0 };
	size_t n, i;
	char *t;

	buf_puts(&b, "");
	for (n = 0; n < lay->nlines; n++) {
		t = line_text(lay, n);
		for (i = 0; t[i]; i++)
			if (t[i] != ' ')
				buf_putc(&b, t[i]);
		free(t);
	}
	return b.data;
}

static char *
strip_spaces(const char *s)
{
	char *o = xmalloc(strlen(s) + 1), *p = o;

	for (; *s; s++)
		if (*s != ' ')
			*p++ = *s;
	*p = '\0';
	return o;
}

static void
test_wrap_widths(void)
{
	/* wide (CJK, emoji), combining (e + U+0301), a long word */
	const char *md = "Plain words then \xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97"
	    " and \xf0\x9f\x98\x80\xf0\x9f\x98\x80 caf\x65\xcc\x81 "
	    "supercalifragilisticexpialidocious end.";
	static const int widths[] = { 1, 2, 20, 80, 200 };
	struct doc *d = doc_load_buffer(md, strlen(md));
	char *want = strip_spaces(md), *got;
	/* at width 1 a two-column character cannot show: a mark stands in */
	const char *want1 = "Plainwordsthen\xe2\x80\xba\xe2\x80\xba\xe2\x80\xba"
	    "and\xe2\x80\xba\xe2\x80\xba" "caf\x65\xcc\x81"
	    "supercalifragilisticexpialidociousend.";
	size_t i;

	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		struct layout *lay = layout_build(d, widths[i], 0);

		OK(widest(lay) <= (size_t)widths[i], "width %d: no line wider",
		    widths[i]);
		got = squeeze(lay);
		STR_EQ(got, widths[i] == 1 ? want1 : want,
		    "width %d: every character, in order",
		    widths[i]);
		free(got);
		if (widths[i] == 200)
			INT_EQ(lay->nlines, 1, "width 200: one line");
		layout_free(lay);
	}
	free(want);
	doc_free(d);
}

static void
test_wrap_exact(void)
{
	struct doc *d = doc_load_buffer("aaa bbb cc", 10);
	struct layout *lay = layout_build(d, 7, 0);
	char *t;

	INT_EQ(lay->nlines, 2, "aaa bbb cc at 7: two lines");
	t = line_text(lay, 0);
	STR_EQ(t, "aaa bbb", "first line fills the width");
	free(t);
	t = line_text(lay, 1);
	STR_EQ(t, "cc", "second line");
	free(t);
	layout_free(lay);
	doc_free(d);

	d = doc_load_buffer("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 9);
	lay = layout_build(d, 3, 0);
	INT_EQ(lay->nlines, 3, "three CJK characters at width 3: one per line");
	layout_free(lay);
	doc_free(d);

	d = doc_load_buffer("e\xcc\x81" "e\xcc\x81", 6);
	lay = layout_build(d, 1, 0);
	INT_EQ(lay->nlines, 2, "combining marks stay with their base");
	t = line_text(lay, 0);
	STR_EQ(t, "e\xcc\x81", "e + U+0301 on one line");
	free(t);
	layout_free(lay);
	doc_free(d);
}

/* Inline code keeps its runs of spaces; other text shows one. */
static void
test_code_spaces(void)
{
	static const char md[] = "Text `a    b` code  and   `x  y` more.";
	struct doc *d = doc_load_buffer(md, sizeof(md) - 1);
	struct layout *lay = layout_build(d, 80, 0);
	char *t = line_text(lay, 0);

	STR_EQ(t, "Text a    b code and x  y more.",
	    "spaces inside code kept, between words collapsed");
	free(t);
	layout_free(lay);
	lay = layout_build(d, 12, 0);
	t = line_text(lay, 0);
	STR_EQ(t, "Text a    b", "code's spaces count in the width");
	free(t);
	t = line_text(lay, 1);
	STR_EQ(t, "code and", "a line does not begin with spaces");
	free(t);
	t = line_text(lay, 2);
	STR_EQ(t, "x  y more.", "a code span that fits is not broken");
	free(t);
	layout_free(lay);
	doc_free(d);
	d = doc_load_buffer("\xe2\x80\x8b x", 5);
	lay = layout_build(d, 20, 0);
	t = line_text(lay, 0);
	STR_EQ(t, "\xe2\x80\x8b x", "a space after zero-width text is kept");
	free(t);
	layout_free(lay);
	doc_free(d);
}

static void
test_article(const char *path)
{
	enum doc_error err;
	struct doc *d = doc_load_file(path, 0, &err);
	struct layout *lay;
	int w, bad = 0;
	size_t n, sec = DOC_NONE, i;
	char *t;

	if (!OK(d != NULL, "article loads"))
		return;
	for (w = 1; w <= 1000; w += w < 120 ? 1 : 97) {
		lay = layout_build(d, w, 0);
		if (widest(lay) > (size_t)w && bad++ == 0)
			OK(0, "article at width %d fits", w);
		layout_free(lay);
	}
	OK(bad == 0, "article fits every width from 1 to 120, and up to 1000");
	lay = layout_build(d, 80, 0);
	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].title_len == 10 &&
		    memcmp(d->text + d->sections[i].title, "Comparison", 10) == 0)
			sec = i;
	n = layout_line_of_section(lay, (uint32_t)sec);
	t = line_text(lay, n);
	STR_EQ(t, "Comparison", "section -> line");
	free(t);
	INT_EQ(lay->lines[n].section, sec, "line -> section");
	t = line_text(lay, n + 3);
	OK(strncmp(t, "\xe2\x94\x8c", 3) == 0, "table drawn with box borders");
	free(t);
	/* a relayout finds the same text */
	{
		size_t mid = lay->nlines / 2;
		uint32_t blk = lay->lines[mid].block, off = lay->lines[mid].off;
		struct layout *wide = layout_build(d, 120, 0);
		size_t m = layout_find(wide, blk, off);

		OK(wide->lines[m].block == blk && wide->lines[m].off <= off,
		    "layout_find keeps the place across widths");
		layout_free(wide);
	}
	layout_free(lay);
	doc_free(d);
}

static void
test_table_fallback(void)
{
	const char *md = "| Feature | Rust | Go |\n|:--|:-:|--:|\n"
	    "| Memory | Ownership-based borrow checking | Garbage-collected |\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 60, 0);
	char *t = line_text(lay, 3), *all;

	OK(strstr(t, "Memory") && strstr(t, "Ownership") &&
	    strstr(t, "Garbage"), "at 60 columns a row is side by side");
	free(t);
	layout_free(lay);
	lay = layout_build(d, 14, 0);
	OK(widest(lay) <= 14, "at 14 columns no line is wider");
	all = squeeze(lay);
	OK(strstr(all, "Feature") && strstr(all, "Memory"), "cards: header then cell");
	t = line_text(lay, 1);
	STR_EQ(t, "Feature", "cards start with the header");
	free(t);
	free(all);
	layout_free(lay);
	doc_free(d);
}

int
main(int argc, char **argv)
{
	test_wrap_widths();
	test_wrap_exact();
	test_code_spaces();
	if (argc > 1)
		test_article(argv[1]);
	test_table_fallback();
	return t_done();
}
