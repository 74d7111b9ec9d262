/*
 * Layout: wrapping at widths 1, 2, 20, 80 and 200 with wide and
 * combining characters, long words, code spans kept whole, long code
 * lines going on below (or whole, with LAYOUT_CHOP), tables and cards,
 * every width from 1 to 1000 on the bundled article, and line <-> block
 * <-> section maps; structure shown without colour (gutters, quotes and
 * lists, the marks of plain layouts).
 */
#include <stdlib.h>

#include "harness.h"
#include "quire/layout.h"
#include "quire/search.h"
#include "quire/text.h"

#define QBAR "\xe2\x96\x8c" /* the quote bar */
#define CBAR "\xe2\x94\x82" /* the code gutter */

/* The widest line of LAY, in columns. */
static size_t
widest(const struct layout *lay)
{
	size_t n, w, max = 0;
	char *t;

	for (n = 0; n < lay->nlines; n++) {
		t = t_line_text(lay, n);
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
		t = t_line_text(lay, n);
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
	t = t_line_text(lay, 0);
	STR_EQ(t, "aaa bbb", "first line fills the width");
	free(t);
	t = t_line_text(lay, 1);
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
	t = t_line_text(lay, 0);
	STR_EQ(t, "e\xcc\x81", "e + U+0301 on one line");
	free(t);
	layout_free(lay);
	doc_free(d);

	/* KA + vowel sign I (Mc, a column of its own), three times */
	d = doc_load_buffer("\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\x95\xe0\xa4"
	    "\xbf\xe0\xa4\x95\xe0\xa4\xbf", 18);
	lay = layout_build(d, 3, 0);
	INT_EQ(lay->nlines, 3, "a spacing vowel sign takes a column");
	t = t_line_text(lay, 1);
	STR_EQ(t, "\xe0\xa4\x95\xe0\xa4\xbf", "and stays with its consonant");
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
	char *t = t_line_text(lay, 0);

	STR_EQ(t, "Text a    b code and x  y more.",
	    "spaces inside code kept, between words collapsed");
	free(t);
	layout_free(lay);
	lay = layout_build(d, 12, 0);
	t = t_line_text(lay, 0);
	STR_EQ(t, "Text a    b", "code's spaces count in the width");
	free(t);
	t = t_line_text(lay, 1);
	STR_EQ(t, "code and", "a line does not begin with spaces");
	free(t);
	t = t_line_text(lay, 2);
	STR_EQ(t, "x  y more.", "a code span that fits is not broken");
	free(t);
	layout_free(lay);
	doc_free(d);
	d = doc_load_buffer("\xe2\x80\x8d x", 5); /* ZWJ: zero width, kept */
	lay = layout_build(d, 20, 0);
	t = t_line_text(lay, 0);
	STR_EQ(t, "\xe2\x80\x8d x", "a space after zero-width text is kept");
	free(t);
	layout_free(lay);
	doc_free(d);
}

/* The spans of line N that are not generated text, joined. */
static char *
doc_text_of(const struct layout *lay, size_t n)
{
	const struct line *ln = &lay->lines[n];
	struct buf b = { 0 };
	uint32_t k;

	buf_puts(&b, "");
	for (k = ln->span; k < ln->span + ln->nspans; k++)
		if (!lay->spans[k].gen)
			buf_put(&b, layout_span_text(lay, &lay->spans[k]),
			    lay->spans[k].len);
	return b.data;
}

/* The kind of line N's first span, or -1. */
static int
first_kind(const struct layout *lay, size_t n)
{
	const struct line *ln = &lay->lines[n];

	return ln->nspans ? lay->spans[ln->span].kind : -1;
}

/* Long code lines go on below, marked in the bar; nothing is cut. */
static void
test_code_wrap(void)
{
	/* 150 columns of a shell command, a CJK line, trailing blanks */
	const char *md = "```sh\n"
	    "curl -fsSL https://example.org/install.sh | sh -s -- "
	    "--prefix=/usr/local --with-docs --enable-completion --verbose "
	    "--yes-really-install-everything-now END\n"
	    "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe4\xb8\xad\xe6\x96\x87"
	    "\xe5\xad\x97\xe4\xb8\xad\n"
	    "short line                                                  "
	    "                           \n```\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	static const int widths[] = { 5, 12, 40, 80, 200 };
	size_t i, n;
	int bad_col, bad_kind, trunc;

	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		struct layout *lay = layout_build(d, widths[i], 0);
		struct buf all = { 0 };
		uint32_t blk = lay->lines[0].block, off, len;
		char *t;

		bad_col = bad_kind = trunc = 0;
		buf_puts(&all, "");
		for (n = 0; n < lay->nlines; n++) {
			const struct line *ln = &lay->lines[n];
			uint32_t k;

			for (k = ln->span; k < ln->span + ln->nspans; k++) {
				const struct span *sp = &lay->spans[k];

				if (sp->col + sp->width > widths[i])
					bad_col++;
				trunc += sp->kind == SPAN_TRUNC;
			}
			if (n > 0 && (ln->flags & LINE_WRAP) !=
			    (first_kind(lay, n) == SPAN_CONT ? LINE_WRAP : 0))
				bad_kind++;
			if (n > 0 && !(ln->flags & LINE_WRAP))
				buf_putc(&all, '\n');
			t = doc_text_of(lay, n);
			buf_puts(&all, t);
			free(t);
		}
		INT_EQ(bad_col, 0, "width %d: no span past the edge", widths[i]);
		INT_EQ(bad_kind, 0, "width %d: the continuation mark on exactly "
		    "the LINE_WRAP lines", widths[i]);
		INT_EQ(trunc, 0, "width %d: nothing cut", widths[i]);
		doc_block_text(d, blk, &off, &len);
		OK(strncmp(all.data, d->text + off, strlen(all.data)) == 0 &&
		    strlen(all.data) == strlen("short line") + (size_t)(strstr(
		    d->text + off, "short line") - (d->text + off)),
		    "width %d: the whole text, in order (but trailing blanks)",
		    widths[i]);
		if (widths[i] == 80) {
			INT_EQ(lay->nlines, 4, "at 80 the long line takes two lines");
			t = t_line_text(lay, 1);
			OK(strncmp(t, "\xe2\x86\xaa ", 4) == 0 &&
			    strstr(t, "END") != NULL,
			    "its rest follows the mark: %s", t);
			free(t);
			INT_EQ(lay->lines[3].flags & LINE_WRAP, 0,
			    "trailing blanks do not make a line too long");
			OK(layout_find(lay, blk, lay->lines[1].off + 5) == 1,
			    "layout_find lands on the continuation");
		}
		if (widths[i] == 12) {
			/* 10 columns of text: the CJK line breaks after 5 */
			t = t_line_text(lay, lay->nlines - 3);
			STR_EQ(t, "\xe2\x94\x82 \xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97"
			    "\xe4\xb8\xad\xe6\x96\x87", "wide characters whole");
			free(t);
		}
		buf_free(&all);
		layout_free(lay);
	}
	doc_free(d);
	/* ASCII: a backslash in the bar */
	{
		struct layout *lay = layout_build(doc_load_buffer(md, strlen(md)),
		    80, LAYOUT_ASCII);
		char *t = t_line_text(lay, 1);

		OK(t[0] == '\\' && t[1] == ' ', "ASCII: the mark is a backslash");
		free(t);
		doc_free((struct doc *)lay->doc);
		layout_free(lay);
	}
}

/* LAYOUT_CHOP: code lines whole, their width recorded; prose wraps. */
static void
test_code_chop(void)
{
	const char *md = "Some prose that is long enough to wrap at forty "
	    "columns, as prose does.\n\n```\n"
	    "0123456789012345678901234567890123456789012345678901234567890123456"
	    "789 end\n\xe4\xb8\xad\xe6\x96\x87\n```\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 40, LAYOUT_CHOP);
	size_t n;
	char *t;
	int prose = 0;

	for (n = 0; n < lay->nlines; n++)
		if (first_kind(lay, n) == SPAN_TEXT) {
			t = t_line_text(lay, n);
			prose += text_width(t, strlen(t)) <= 40;
			free(t);
		}
	INT_EQ(prose, 2, "prose still wraps at 40");
	t = t_line_text(lay, 3);
	OK(strstr(t, "789 end") != NULL, "the code line is whole: %s", t);
	INT_EQ(text_width(t, strlen(t)), 2 + 74, "its width");
	free(t);
	INT_EQ(lay->code_width, 2 + 74, "the widest code line is recorded");
	INT_EQ(lay->nlines, 5, "no continuation lines");
	layout_free(lay);
	doc_free(d);
}

/* Code spans are words: no break at their hyphens or blanks. */
static void
test_code_span_whole(void)
{
	const char *md = "Search hidden files with rg and `--no-ignore-vcs` "
	    "or with `git ls-files -z`.";
	struct doc *d = doc_load_buffer(md, strlen(md));
	int w, bad = 0;

	for (w = 20; w <= 60; w++) {
		struct layout *lay = layout_build(d, w, 0);
		size_t n;
		int whole1 = 0, whole2 = 0;

		for (n = 0; n < lay->nlines; n++) {
			char *t = t_line_text(lay, n);

			whole1 += strstr(t, "--no-ignore-vcs") != NULL;
			whole2 += strstr(t, "git ls-files -z") != NULL;
			free(t);
		}
		if ((!whole1 || !whole2) && bad++ == 0)
			OK(0, "width %d: a code span is broken", w);
		layout_free(lay);
	}
	INT_EQ(bad, 0, "code spans whole at every width from 20 to 60");
	{
		struct layout *lay = layout_build(d, 10, 0);

		OK(widest(lay) <= 10, "a code span wider than the line is broken");
		layout_free(lay);
	}
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
	t = t_line_text(lay, n);
	STR_EQ(t, "Comparison", "section -> line");
	free(t);
	INT_EQ(lay->lines[n].section, sec, "line -> section");
	t = t_line_text(lay, n + 3);
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
	char *t = t_line_text(lay, 3), *all;

	OK(strstr(t, "Memory") && strstr(t, "Ownership") &&
	    strstr(t, "Garbage"), "at 60 columns a row is side by side");
	free(t);
	layout_free(lay);
	lay = layout_build(d, 14, 0);
	OK(widest(lay) <= 14, "at 14 columns no line is wider");
	all = squeeze(lay);
	OK(strstr(all, "Feature") && strstr(all, "Memory"), "cards: header then cell");
	t = t_line_text(lay, 1);
	STR_EQ(t, "Feature", "cards start with the header");
	free(t);
	free(all);
	layout_free(lay);
	doc_free(d);
}


/* All lines of MD laid out at WIDTH with FLAGS, joined by '\n'. */
static char *
lay_text(const char *md, int width, int flags)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, width, flags);
	struct buf b = { 0 };
	size_t n;

	buf_puts(&b, "");
	for (n = 0; n < lay->nlines; n++) {
		if (n)
			buf_putc(&b, '\n');
		layout_line_text(lay, n, &b);
	}
	if (widest(lay) > (size_t)width)
		buf_puts(&b, "\n(too wide)");
	layout_free(lay);
	doc_free(d);
	return b.data;
}

/* Check that MD lays out as WANT. */
static void
lays_out(const char *md, int width, int flags, const char *want,
    const char *what)
{
	char *got = lay_text(md, width, flags);

	STR_EQ(got, want, "%s", what);
	free(got);
}

/* Wide text longer than a line goes on where the line has room. */
static void
test_cjk_fill(void)
{
	lays_out("\xe3\x81\x82\xe3\x81\x82 "
	    "\xe3\x81\x84\xe3\x81\x84\xe3\x81\x84\xe3\x81\x84"
	    "\xe3\x81\x84\xe3\x81\x84\xe3\x81\x84\xe3\x81\x84", 12, 0,
	    "\xe3\x81\x82\xe3\x81\x82 "
	    "\xe3\x81\x84\xe3\x81\x84\xe3\x81\x84\n"
	    "\xe3\x81\x84\xe3\x81\x84\xe3\x81\x84\xe3\x81\x84"
	    "\xe3\x81\x84",
	    "a CJK run longer than the line fills the line it starts on");
	lays_out("aa bbbbbbbbbbbbbbbb", 12, 0, "aa\nbbbbbbbbbbbb\nbbbb",
	    "a long Latin word still starts a line of its own");
}

static void
test_gutters(void)
{
	const char *md = "> quote\n\n```\ncode\n```\n";

	lays_out(md, 40, 0, QBAR " quote\n\n" CBAR " code",
	    "quotes and code blocks have different gutters");
	lays_out(md, 40, LAYOUT_ASCII, "> quote\n\n| code",
	    "in ASCII too: > and |");
	lays_out("> ```\n> code\n> ```\n", 40, 0, QBAR " " CBAR " code",
	    "a code block in a quote: both gutters");
}

static void
test_quotes_apart(void)
{
	lays_out("> one\n\n> two\n", 40, 0, QBAR " one\n\n" QBAR " two",
	    "two quotes in a row: a blank line without a bar between");
	lays_out("> one\n>\n> two\n", 40, 0,
	    QBAR " one\n" QBAR "\n" QBAR " two",
	    "one quote of two paragraphs: the bar goes on");
	lays_out("> > one\n\n> > two\n", 40, 0,
	    QBAR " " QBAR " one\n\n" QBAR " " QBAR " two",
	    "two nested quotes in a row: nothing shared");
	lays_out("> one\n>\n> > two\n", 40, 0,
	    QBAR " one\n" QBAR "\n" QBAR " " QBAR " two",
	    "a quote opening inside another: the outer bar goes on");
}

/* Numbers too deep to indent, shown after their depth ("13>9."): a
 * space still parts each from its text. */
static void
deep_numbers(void)
{
	struct buf md = { 0 };
	char *got;
	int i;

	for (i = 0; i < 12; i++)
		buf_printf(&md, "%*s1. level %d\n\n", 3 * i, "", i + 1);
	buf_printf(&md, "%*s9. nine\n\n%*s10. ten\n", 36, "", 36, "");
	got = lay_text(md.data, 30, 0);
	OK(strstr(got, "\xe2\x80\xba" "9. nine") != NULL &&
	    strstr(got, "\xe2\x80\xba" "10. ten") != NULL,
	    "too deep to indent: each number then a space\n%s", got);
	free(got);
	buf_free(&md);
}

/* A web address that fits on a line is not broken at its hyphens; one
 * longer than a line is; other words are. */
static void
test_address_hyphens(void)
{
	lays_out("See it at https://example.org/procps-ng/x now.", 40, 0,
	    "See it at\nhttps://example.org/procps-ng/x now.",
	    "an address that fits moves down whole");
	lays_out("See it at www.long-name.example.org now.", 30, 0,
	    "See it at\nwww.long-name.example.org now.",
	    "www. too");
	lays_out("See it at https://example.org/procps-ng/x now.", 28, 0,
	    "See it at\nhttps://example.org/procps-\nng/x now.",
	    "longer than a line: at its hyphen");
	lays_out("We use a well-known long-winded phrase.", 30, 0,
	    "We use a well-known long-\nwinded phrase.",
	    "a hyphenated word still breaks");
}

/* Japanese line breaking: "。" and "、" never start a line, "「" never
 * ends one; the character before (after) goes along. */
static void
test_kinsoku(void)
{
	/* ten wide characters to a line of 20 columns */
	lays_out("\xe3\x81\x82\xe3\x81\x84\xe3\x81\x86\xe3\x81\x88"
	    "\xe3\x81\x8a\xe3\x81\x8b\xe3\x81\x8d\xe3\x81\x8f"
	    "\xe3\x81\x91\xe3\x81\x93\xe3\x80\x82\xe3\x81\x95\n", 20, 0,
	    "\xe3\x81\x82\xe3\x81\x84\xe3\x81\x86\xe3\x81\x88"
	    "\xe3\x81\x8a\xe3\x81\x8b\xe3\x81\x8d\xe3\x81\x8f"
	    "\xe3\x81\x91\n\xe3\x81\x93\xe3\x80\x82\xe3\x81\x95",
	    "a full stop does not start a line: the character before goes "
	    "down with it");
	lays_out("\xe3\x81\x82\xe3\x81\x84\xe3\x81\x86\xe3\x81\x88"
	    "\xe3\x81\x8a\xe3\x81\x8b\xe3\x81\x8d\xe3\x81\x8f"
	    "\xe3\x81\x91\xe3\x80\x8c\xe3\x81\x93\xe3\x80\x8d\n", 20, 0,
	    "\xe3\x81\x82\xe3\x81\x84\xe3\x81\x86\xe3\x81\x88"
	    "\xe3\x81\x8a\xe3\x81\x8b\xe3\x81\x8d\xe3\x81\x8f"
	    "\xe3\x81\x91\n\xe3\x80\x8c\xe3\x81\x93\xe3\x80\x8d",
	    "an opening bracket does not end a line");
}

static void
test_number_markers(void)
{
	lays_out("9. nine\n10. ten and long enough to wrap\n", 24, 0,
	    " 9. nine\n10. ten and long enough\n    to wrap",
	    "numbers end in one column, texts start in one");
	lays_out("1. one\n2. two\n\n- a\n\n9. nine\n10. ten\n", 40, 0,
	    "1. one\n2. two\n\n\xe2\x80\xa2 a\n\n 9. nine\n10. ten",
	    "each list by its own widest number");
	lays_out("- a\n\n  9. x\n  10. y\n- b\n", 40, 0,
	    "\xe2\x80\xa2 a\n\n   9. x\n  10. y\n\n\xe2\x80\xa2 b",
	    "a nested list aligns its numbers under its item");
	lays_out("> 9. q\n> 10. r\n", 40, 0,
	    QBAR "  9. q\n" QBAR " 10. r", "in a quote too");
	deep_numbers();
}

static void
test_quote_in_list(void)
{
	lays_out("- item\n\n  > quoted\n", 40, 0,
	    "\xe2\x80\xa2 item\n\n  " QBAR " quoted",
	    "a quote in a list item is indented with the item");
	lays_out("- > quoted and long enough to wrap\n", 20, 0,
	    "\xe2\x80\xa2 " QBAR " quoted and long\n  " QBAR " enough to wrap",
	    "an item that starts with a quote: marker, then bar");
	lays_out("> - item\n>\n>   > quoted\n", 40, 0,
	    QBAR " \xe2\x80\xa2 item\n" QBAR "\n" QBAR "   " QBAR " quoted",
	    "quote, list, quote: each bar where its quote opened");
	lays_out("- item\n\n  > > deep\n", 40, 0,
	    "\xe2\x80\xa2 item\n\n  " QBAR " " QBAR " deep",
	    "two quotes in an item: both after its indent");
	lays_out("> - item\n", 11, 0, "item",
	    "no room for the bar nor the marker: no blank indent either");
	lays_out("> - item\n", 12, 0, QBAR " \xe2\x80\xa2 item",
	    "from twelve columns on, room for it");
	lays_out("1. Use the governor.\n2. Disable it.\n", 12, 0,
	    "1. Use the\n   governor.\n2. Disable\n   it.",
	    "twelve columns: the numbers kept, the text in eight");
	lays_out("> - a\n>\n>   b\n", 40, 0,
	    QBAR " \xe2\x80\xa2 a\n" QBAR "\n" QBAR "   b",
	    "a list in a quote: bar, then indent");
}

static void
test_table_in_quote(void)
{
	const char *md = "> | a | b |\n> |---|---|\n> | 1 | 2 |\n";
	char *got = lay_text(md, 40, 0), *line = got;
	int lines = 0, barred = 0;

	for (; line != NULL; line = strchr(line, '\n')) {
		line += *line == '\n';
		lines++;
		barred += strncmp(line, QBAR " ", 4) == 0;
	}
	INT_EQ(lines, 5, "a table in a quote: five lines");
	INT_EQ(barred, lines, "every line of it keeps the quote's bar");
	free(got);
	got = lay_text("> | aaaaaaaaaaaa | bbbbbbbbbbbb |\n> |---|---|\n"
	    "> | 1 | 2 |\n", 20, 0);
	OK(strncmp(got, QBAR " \xe2\x94\x80", 7) == 0 &&
	    strstr(got, "\n" QBAR " aaaaaaaaaaaa\n") != NULL &&
	    strstr(got, "(too wide)") == NULL, "as cards too");
	free(got);
}

static void
test_plain_marks(void)
{
	const char *md = "~~gone~~ x `code` **bold**";
	struct doc *d;
	struct layout *lay;
	struct search *s;

	lays_out(md, 40, 0, "gone x code bold", "with colour: no marks");
	lays_out(md, 40, LAYOUT_PLAIN, "~~gone~~ x `code` bold",
	    "plain: strikethrough and code spans are marked, bold is not");
	lays_out("aaaa ~~bbbb~~", 8, LAYOUT_PLAIN, "aaaa\n~~bbbb~~",
	    "marks count in the width");
	lays_out("aaaa ~~bbbb~~", 7, LAYOUT_PLAIN, "aaaa\n~~bbbb\n~~",
	    "a marked word wider than the line breaks, marks and all");
	lays_out("aaaa ~~bbbb~~ c", 9, LAYOUT_PLAIN, "aaaa\n~~bbbb~~\nc",
	    "marks wrap with their word");
	lays_out("~~a `b` c~~", 40, LAYOUT_PLAIN, "~~a `b` c~~",
	    "nested: each mark where its style begins and ends");
	lays_out("a`b`c", 40, LAYOUT_PLAIN, "a`b`c", "inside a word");
	lays_out("2<sup>32</sup> x", 40, LAYOUT_PLAIN, "2^32 x",
	    "plain: a superscript is marked before");
	lays_out("2<sup>32</sup> x", 40, 0, "232 x", "with colour: no mark");
	d = doc_load_buffer(md, strlen(md));
	lay = layout_build(d, 40, LAYOUT_PLAIN);
	s = search_new(lay, "gone x code");
	INT_EQ(search_count(s), 1, "search reads through the marks");
	search_free(s);
	layout_free(lay);
	doc_free(d);
	d = doc_load_buffer("aaaa ~~bbbb~~ c", 15);
	lay = layout_build(d, 9, LAYOUT_PLAIN);
	OK(lay->nlines == 3 && lay->lines[1].off < d->text_len &&
	    d->text[lay->lines[1].off] == 'b',
	    "a wrapped line starting at a mark keeps its text offset");
	layout_free(lay);
	doc_free(d);
}

/* A table's columns leave room for the marks of plain layouts. */
static void
test_table_marks(void)
{
	const char *md = "| a | b |\n|---|---|\n| `EPROTONOSUPPORT` | "
	    "~~gone~~ |\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 80, LAYOUT_PLAIN);
	size_t n;
	int whole = 0, struck = 0;
	char *t;

	for (n = 0; n < lay->nlines; n++) {
		t = t_line_text(lay, n);
		whole |= strstr(t, "`EPROTONOSUPPORT`") != NULL;
		struck |= strstr(t, "~~gone~~") != NULL;
		free(t);
	}
	OK(whole && struck, "marked cells fit their columns when there is room");
	layout_free(lay);
	doc_free(d);
}

static void
test_heading_levels(void)
{
	const char *md = "### c\n\n#### d\n\n##### e\n\n###### f\n\n# a\n\n## b\n";

	lays_out(md, 40, LAYOUT_PLAIN,
	    "### c\n\n#### d\n\n##### e\n\n###### f\n\na\n"
	    "\xe2\x95\x90\n\nb\n\xe2\x94\x80",
	    "plain: heading levels 3-6 marked, 1 and 2 underlined");
	lays_out("### c", 40, 0, "c", "with colour: no level mark");
	lays_out("# T\n\n## a\n\n### b\n", 40, LAYOUT_PLAIN | LAYOUT_NUMBERS,
	    "T\n\xe2\x95\x90\n\n1 a\n\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\n\n### 1.1 b",
	    "the level mark goes before the number");
}

int
main(int argc, char **argv)
{
	test_wrap_widths();
	test_wrap_exact();
	test_code_spaces();
	test_code_wrap();
	test_code_chop();
	test_code_span_whole();
	if (argc > 1)
		test_article(argv[1]);
	test_table_fallback();
	test_cjk_fill();
	test_gutters();
	test_quotes_apart();
	test_quote_in_list();
	test_number_markers();
	test_kinsoku();
	test_address_hyphens();
	test_table_in_quote();
	test_plain_marks();
	test_heading_levels();
	test_table_marks();
	return t_done();
}
