/*
 * Raw HTML rendered into the model: inline styles, links, breaks,
 * images, hidden elements, entities, text that only looks like a tag,
 * blocks (paragraphs, headings, pre, lists, quotes, rules, details),
 * centring across Markdown, anchors from id= and name=, tables, and
 * fragments that would make the parser wait or go deep.
 */
#include <stdlib.h>

#include "harness.h"
#include "quire/layout.h"

static struct doc *
load(const char *s)
{
	return doc_load_buffer(s, strlen(s));
}

/* The style of the first run whose text is exactly S, or -1. */
static int
style_of(const struct doc *d, const char *s)
{
	size_t i;

	for (i = 0; i < d->nruns; i++)
		if (d->runs[i].len == strlen(s) &&
		    memcmp(d->text + d->runs[i].off, s, d->runs[i].len) == 0)
			return d->runs[i].style;
	return -1;
}

/* Whether the LEN bytes at P hold S. */
static int
has(const char *p, size_t len, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i + n <= len; i++)
		if (memcmp(p + i, s, n) == 0)
			return 1;
	return 0;
}

/* The link target of the first run holding S, or "". */
static char *
link_of(const struct doc *d, const char *s)
{
	size_t i;
	const struct link *l;

	for (i = 0; i < d->nruns; i++)
		if (has(d->text + d->runs[i].off, d->runs[i].len, s) &&
		    d->runs[i].link != DOC_NONE) {
			l = &d->links[d->runs[i].link];
			return strndup(d->aux + l->off, l->len);
		}
	return strdup("");
}

static void
test_inline(void)
{
	struct doc *d = load("Press <kbd>Ctrl</kbd>, x<sup>2</sup>, "
	    "H<sub>n</sub>, <u>under</u> <ins>ins</ins> <mark>hi</mark> "
	    "<b>b</b> <strong>st</strong> <i>i</i> <em>em</em> "
	    "<code>co</code> <tt>tt</tt> <s>s</s> <del>del</del> "
	    "<span>plain</span> <a href=\"https://x.org/\">site</a>.\n");
	char *t;

	INT_EQ(style_of(d, "[Ctrl]"), STY_KBD, "<kbd> is bracketed, STY_KBD");
	INT_EQ(style_of(d, "2"), STY_SUP, "<sup>");
	INT_EQ(style_of(d, "n"), STY_SUB, "<sub>");
	INT_EQ(style_of(d, "under"), STY_UNDER, "<u>");
	INT_EQ(style_of(d, "ins"), STY_UNDER, "<ins>");
	INT_EQ(style_of(d, "hi"), STY_MARK, "<mark>");
	INT_EQ(style_of(d, "b"), STY_STRONG, "<b>");
	INT_EQ(style_of(d, "st"), STY_STRONG, "<strong>");
	INT_EQ(style_of(d, "i"), STY_EMPH, "<i>");
	INT_EQ(style_of(d, "em"), STY_EMPH, "<em>");
	INT_EQ(style_of(d, "co"), STY_CODE, "<code>");
	INT_EQ(style_of(d, "tt"), STY_CODE, "<tt>");
	INT_EQ(style_of(d, "s"), STY_STRIKE, "<s>");
	INT_EQ(style_of(d, "del"), STY_STRIKE, "<del>");
	INT_EQ(style_of(d, "site"), STY_LINK, "<a href> is a link");
	t = link_of(d, "site");
	STR_EQ(t, "https://x.org/", "its target");
	free(t);
	t = block_text(d, 0);
	OK(strstr(t, "<") == NULL && strstr(t, "plain") != NULL,
	    "no tag shown, <span>'s text kept: %s", t);
	free(t);
	doc_free(d);

	d = load("a<br>b <!-- gone --> c &amp; <country_code> "
	    "</b> <foo-bar x=1>\n");
	t = block_text(d, 0);
	STR_EQ(t, "a\nb  c & <country_code>  <foo-bar x=1>",
	    "<br> breaks, comment hidden, no-element tags are text");
	free(t);
	OK(d->runs[0].style == 0, "an unmatched end tag leaves no style");
	doc_free(d);

	/* a style left open ends with its paragraph */
	d = load("open <b>bold\n\nnext\n");
	INT_EQ(style_of(d, "next"), 0, "unclosed <b> ends with its block");
	doc_free(d);
}

static void
test_hidden_and_clean(void)
{
	struct doc *d = load("<script>alert('x')</script>\n\n"
	    "<style>p { color: red }</style>\n\n<!--\nsecret\n-->\n\n"
	    "<p>shown &copy; &#x41;&#27;[31m</p>\n\n"
	    "<template>\n<p>tmpl</p>\n</template>\n");
	char *t = t_dump(d, 60);

	OK(strstr(t, "alert") == NULL && strstr(t, "color") == NULL &&
	    strstr(t, "secret") == NULL && strstr(t, "tmpl") == NULL,
	    "script, style, comments, template hidden");
	OK(strstr(t, "shown \xC2\xA9 A") != NULL, "entities decoded: %s", t);
	OK(memchr(d->text, 0x1b, d->text_len) == NULL,
	    "an escape from an entity is not stored raw");
	free(t);
	doc_free(d);
}

static void
test_blocks(void)
{
	struct doc *d = load("<h2 align=\"center\">  Hello &amp;\n <b>you</b> "
	    "</h2>\n\n<pre>\n  a  b\n\tc\n</pre>\n\n"
	    "<ul><li>one</li><li>two<ol start=\"3\"><li>three</li></ol></li>"
	    "</ul>\n\n<blockquote><p>quoted</p></blockquote>\n\n<hr>\n\n"
	    "<p>par one</p><p>par\n   two</p>\n");
	char *t;
	uint32_t i;

	INT_EQ(d->blocks[0].kind, BLOCK_HEADING, "<h2> is a heading");
	INT_EQ(d->blocks[0].level, 2, "of level 2");
	OK(d->blocks[0].flags & BF_CENTER, "align=center centres it");
	INT_EQ(d->nsections, 1, "with a section");
	t = strndup(d->text + d->sections[0].title, d->sections[0].title_len);
	STR_EQ(t, "Hello & you", "title decoded, tags dropped, blanks trimmed");
	free(t);
	INT_EQ(d->blocks[1].kind, BLOCK_CODE, "<pre> is a code block");
	t = block_text(d, 1);
	STR_EQ(t, "  a  b\n    c", "its lines kept exactly (tab expanded)");
	free(t);
	INT_EQ(d->blocks[2].kind, BLOCK_ITEM, "<li> an item");
	OK(d->blocks[2].aux_len == 1 && d->aux[d->blocks[2].aux] == '-',
	    "bullet marker");
	INT_EQ(d->blocks[3].kind, BLOCK_ITEM, "second item");
	INT_EQ(d->blocks[4].list, 2, "nested <ol> is depth 2");
	OK(d->blocks[4].aux_len == 2 && memcmp(d->aux + d->blocks[4].aux, "3.",
	    2) == 0, "<ol start=3> numbers from 3");
	INT_EQ(d->blocks[5].quote, 1, "<blockquote> is a quote");
	t = block_text(d, 5);
	STR_EQ(t, "quoted", "with its text");
	free(t);
	INT_EQ(d->blocks[6].kind, BLOCK_RULE, "<hr> is a rule");
	t = block_text(d, 8);
	STR_EQ(t, "par two", "blanks collapse in HTML paragraphs");
	free(t);
	for (i = 0; i < d->nblocks; i++)
		OK(d->blocks[i].kind != BLOCK_HTML, "block %u is not raw", i);
	doc_free(d);
}

static void
test_across_fragments(void)
{
	struct doc *d = load("<div align=\"center\">\n\n# Title\n\nSome "
	    "*text*.\n\n</div>\n\nAfter.\n\n<details>\n<summary>More "
	    "<b>here</b></summary>\n\nBody **md**.\n\n</details>\n\nEnd.\n");
	char *t;

	OK(d->blocks[0].kind == BLOCK_HEADING &&
	    (d->blocks[0].flags & BF_CENTER), "Markdown heading in <div "
	    "align=center> is centred");
	OK(d->blocks[1].flags & BF_CENTER, "so is the paragraph");
	OK(!(d->blocks[2].flags & BF_CENTER), "</div> ends the centring");
	OK(d->blocks[3].flags & BF_SUMMARY, "<summary> is a summary line");
	t = block_text(d, 3);
	STR_EQ(t, "More here", "with its text");
	free(t);
	t = block_text(d, 4);
	STR_EQ(t, "Body md.", "the body follows as it is");
	free(t);
	t = t_dump(d, 40);
	OK(strstr(t, "\xE2\x96\xB8 More here") != NULL, "summary marked: %s", t);
	OK(strstr(t, "\n              Title") != NULL ||
	    strstr(t, "                 Title") != NULL, "title centred: %s", t);
	free(t);
	doc_free(d);
}

static void
test_anchors(void)
{
	struct doc *d = load("Go to [Q](#q1).\n\n<a name=\"top\"></a>\n\n"
	    "## Start\n\nSee <span id=\"here\">this</span> spot.\n\n"
	    "<h3 name=\"q1\">Why?</h3>\n\nBecause.\n");
	uint32_t a;

	a = doc_anchor(d, "top", 3);
	OK(a != DOC_NONE && d->blocks[d->anchors[a].block].kind ==
	    BLOCK_HEADING, "<a name> before a heading points at it");
	a = doc_anchor(d, "q1", 2);
	OK(a != DOC_NONE, "<h3 name> is an anchor");
	if (a != DOC_NONE) {
		uint32_t blk = d->anchors[a].block;

		OK(d->blocks[blk].kind == BLOCK_HEADING &&
		    d->blocks[blk].level == 3, "at the <h3>");
	}
	a = doc_anchor(d, "here", 4);
	OK(a != DOC_NONE && d->anchors[a].off < d->text_len &&
	    memcmp(d->text + d->anchors[a].off, "this", 4) == 0,
	    "<span id> inline: at its text");
	INT_EQ(doc_anchor(d, "nope", 4), DOC_NONE, "no such anchor");
	doc_free(d);
}

static char *
cell_text(const struct doc *d, const struct table *t, uint32_t r,
    uint32_t c)
{
	const struct cell *cl = doc_cell(d, t, r, c);

	return runs_text(d, cl->run, cl->nruns);
}

static void
test_tables(void)
{
	struct doc *d = load("<table>\n<thead><tr><th>Name</th><th>Value"
	    "</th></tr></thead>\n<tr><td>one</td></tr>\n<tr><td>two<td><b>2"
	    "</b> <table><tr><td>in</td><td>ner</td></tr></table></td></tr>"
	    "\n</table>\n\n<table><tr><td>\n\n**md** cell\n\n</td></tr>"
	    "</table>\n\n<table><tr><td>cut\n\n# Heading\n\n</td></tr>"
	    "</table>\n");
	const struct table *t;
	char *s;

	INT_EQ(d->ntables, 3, "three HTML tables");
	t = &d->tables[0];
	INT_EQ(t->ncols, 2, "two columns");
	INT_EQ(t->nrows, 3, "three rows, the first the header");
	s = cell_text(d, t, 0, 1);
	STR_EQ(s, "Value", "header cell");
	free(s);
	s = cell_text(d, t, 1, 1);
	STR_EQ(s, "", "short row padded");
	free(s);
	s = cell_text(d, t, 2, 1);
	STR_EQ(s, "2 in ner", "nested table joins its cell");
	free(s);
	s = cell_text(d, &d->tables[1], 0, 0);
	STR_EQ(s, "md cell", "Markdown between cells goes in the cell");
	free(s);
	OK(style_of(d, "md") == STY_STRONG, "with its styles");
	s = cell_text(d, &d->tables[2], 0, 0);
	STR_EQ(s, "cut", "a heading inside ends the table");
	free(s);
	INT_EQ(d->blocks[d->tables[2].block + 1].kind, BLOCK_HEADING,
	    "the heading follows it");
	s = t_dump(d, 60);
	OK(strstr(s, "Name") && strstr(s, "\xE2\x94\x82") && !strstr(s, "<t"),
	    "laid out with borders: %s", s);
	free(s);
	doc_free(d);
}

/* Cells that span columns or rows: the later cells of those rows move
 * past the columns spanned, which stay empty. */
static void
test_spans(void)
{
	static const char *want[4][3] = {
		{ "Name", "Contact", "" },
		{ "Ada", "mail", "ada@example.org" },
		{ "", "phone", "555" },
		{ "Bob", "mail", "bob@example.org" },
	};
	struct doc *d = load("<table>\n<tr><th>Name</th><th colspan=\"2\">"
	    "Contact</th></tr>\n<tr><td rowspan=\"2\">Ada</td><td>mail</td>"
	    "<td>ada@example.org</td></tr>\n<tr><td>phone</td><td>555</td>"
	    "</tr>\n<tr><td>Bob</td><td>mail</td><td>bob@example.org</td>"
	    "</tr>\n</table>\n\n<table><tr><td rowspan=0>a</td><td>b</td>"
	    "</tr><tr><td>c</td></tr><tr><td colspan=99999>d</td><td>e</td>"
	    "</tr></table>\n");
	const struct table *t = &d->tables[0];
	size_t r, c;
	char *s;

	INT_EQ(d->ntables, 2, "two tables");
	INT_EQ(t->ncols, 3, "three columns, one header cell spanning two");
	INT_EQ(t->nrows, 4, "four rows");
	for (r = 0; r < 4; r++)
		for (c = 0; c < 3; c++) {
			s = cell_text(d, t, r, c);
			STR_EQ(s, want[r][c], "row %zu column %zu", r, c);
			free(s);
		}
	t = &d->tables[1];
	s = cell_text(d, t, 1, 1);
	STR_EQ(s, "c", "rowspan=0 spans to the end");
	free(s);
	INT_EQ(t->ncols, 128, "a colspan past the cap: the cap's columns");
	s = cell_text(d, t, 2, 1);
	STR_EQ(s, "d", "a cell spanning to the cap");
	free(s);
	s = cell_text(d, t, 2, 127);
	STR_EQ(s, "e", "a cell with no column left goes in the last");
	free(s);
	doc_free(d);
	/* Every column taken from above: the row's cells go in its last
	 * column, never into the row before (which they once overran). */
	d = load("<table>\n<tr><td rowspan=\"2\" colspan=\"128\">X</td></tr>"
	    "\n<tr><td>Y</td></tr>\n<tr><td>Z</td><td>W</td></tr>\n"
	    "</table>\n");
	t = &d->tables[0];
	INT_EQ(t->nrows, 3, "three rows");
	s = cell_text(d, t, 1, 127);
	STR_EQ(s, "Y", "a cell with every column taken: the row's last");
	free(s);
	s = cell_text(d, t, 0, 0);
	STR_EQ(s, "X", "the spanning cell keeps its own text");
	free(s);
	s = t_dump(d, 80);
	OK(strstr(s, "Y") != NULL && strstr(s, "W") != NULL, "laid out");
	free(s);
	doc_free(d);
}

/* A definition list: each term as a paragraph, its definition indented
 * beneath it, as a list item's text without a marker. */
static void
test_definitions(void)
{
	struct doc *d = load("Options:\n\n<dl>\n<dt>--width</dt>\n<dd>the "
	    "reading column's width, in columns of the terminal</dd>\n"
	    "<dt>--toc</dt><dd>the section index</dd>\n</dl>\n\nAfter.\n");
	char *s = t_dump(d, 40);

	STR_EQ(s, "Options:\n\n--width\n\n  the reading column's width, "
	    "in columns\n  of the terminal\n\n--toc\n\n  the section "
	    "index\n\nAfter.\n", "definitions indented under their terms");
	free(s);
	doc_free(d);
}

static void
test_images(void)
{
	struct doc *d = load("![alt text](a/b.png) ![](dir/pic.png?raw=1#x) "
	    "<img src=\"img/logo.svg\" alt=\"\"> <img alt=\"Logo\" src=\"l.png\">"
	    " [![build](badge.svg)](https://ci.example/)\n");
	char *t = block_text(d, 0), *l;

	STR_EQ(t, "[image: alt text] [image: pic.png] [image: logo.svg] "
	    "[image: Logo] [image: build]", "images by alt, else file name");
	free(t);
	OK(style_of(d, "[image: alt text]") & STY_IMAGE, "styled as images");
	l = link_of(d, "alt text");
	STR_EQ(l, "a/b.png", "an image links to its source");
	free(l);
	l = link_of(d, "logo.svg");
	STR_EQ(l, "img/logo.svg", "<img> too");
	free(l);
	l = link_of(d, "build");
	STR_EQ(l, "https://ci.example/", "a badge keeps its link's target");
	free(l);
	doc_free(d);
}

static void
test_hostile(void)
{
	struct buf b = { 0 };
	struct doc *d;
	char *t;
	int i;

	/* an unclosed comment or tag does not swallow later HTML */
	d = load("<div><!-- never closed\n\n<p>later</p>\n\n<div title=\"x\n\n"
	    "<p>last</p>\n");
	t = t_dump(d, 60);
	OK(strstr(t, "later") && strstr(t, "last"), "later HTML shown: %s", t);
	free(t);
	doc_free(d);
	/* deep nesting: the parser starts afresh, later text is kept */
	for (i = 0; i < 5000; i++)
		buf_puts(&b, "<div><b>");
	buf_puts(&b, "deep\n\n<p>after <i>it</i></p>\n\nplain\n");
	d = doc_load_buffer(b.data, b.len);
	t = t_dump(d, 60);
	OK(strstr(t, "deep") && strstr(t, "after it") && strstr(t, "plain"),
	    "text after deep nesting kept");
	INT_EQ(style_of(d, "plain"), 0, "and unstyled after its block");
	free(t);
	doc_free(d);
	buf_free(&b);
}

/* Past 16 MiB of HTML (HTML_BUDGET) in a document, blocks show as code
 * and inline tags as text, as written. */
static void
test_budget(void)
{
	struct buf b = { 0 };
	struct doc *d;
	size_t i, mib = 1 << 20;
	int code = 0, text = 0;

	for (i = 0; i < 17; i++) {
		buf_puts(&b, "<div>");
		while (b.len < (i + 1) * mib)
			buf_puts(&b, "x ");
		buf_puts(&b, "</div>\n\n");
	}
	buf_puts(&b, "<p>block</p>\n\nsome <b>tag</b>\n");
	d = doc_load_buffer(b.data, b.len);
	for (i = 0; i < d->nblocks; i++)
		code += d->blocks[i].kind == BLOCK_CODE;
	for (i = 0; i < d->nruns; i++)
		text += d->runs[i].style == 0 &&
		    has(d->text + d->runs[i].off, d->runs[i].len, "<b>tag</b>");
	OK(code == 2 && d->blocks[0].kind != BLOCK_CODE,
	    "17 MiB of HTML: 16 parsed, the 17th block and the last shown as "
	    "code (%d)", code);
	OK(text == 1, "an inline tag past the budget is text");
	doc_free(d);
	buf_free(&b);
}

/* A blank before an inline element in an HTML block is outside it. */
static void
test_blank_before_element(void)
{
	struct doc *d = load("<p>Checks <code>#x</code> and <b>y</b></p>\n");

	INT_EQ(style_of(d, " and "), 0, "the blank between is plain");
	INT_EQ(style_of(d, "#x"), STY_CODE, "the code is code");
	OK(style_of(d, "Checks ") == 0, "the blank before <code> is plain");
	doc_free(d);
}

/* Block elements in a paragraph's inline HTML part the words around
 * them. */
static void
test_blocks_in_paragraph(void)
{
	struct doc *d = load("<a href=\"x\"><div>block</div><p>para</p></a> "
	    "and <details><summary>s</summary>inside</details>end\n");
	char *t = block_text(d, 0);

	STR_EQ(t, "block para and s inside end",
	    "no two words run together");
	free(t);
	OK(d->runs[0].link != DOC_NONE && style_of(d, "para") < 0,
	    "the link holds both");
	doc_free(d);
}

/* A numeric reference to no character (NUL, a C0 control) in an
 * attribute or in text: libxml2 reads it as NUL, which ended the value. */
static void
test_bad_char_refs(void)
{
	struct doc *d = load("<img src=\"a&#0;b.png\" alt=\"one&#7;two\">"
	    " <img alt=\"x&#;y\" src=\"s.png\">\n\n<p>bell&#x07;after</p>\n");
	char *t = block_text(d, 0), *l;

	STR_EQ(t, "[image: one\xEF\xBF\xBDtwo] [image: x&#;y]",
	    "the alt text is whole");
	free(t);
	l = link_of(d, "one");
	STR_EQ(l, "a\xEF\xBF\xBD" "b.png", "and the source");
	free(l);
	t = block_text(d, 1);
	STR_EQ(t, "bell\xEF\xBF\xBD" "after", "in text, U+FFFD marks it");
	free(t);
	doc_free(d);
}

/* <ol type>: letters and roman numerals, from its start, the numbers'
 * column right-aligned as decimal ones are. */
static void
test_list_types(void)
{
	struct doc *d = load("<ol type=\"a\"><li>alpha</li><li>beta</li></ol>"
	    "\n\n<ol type=\"I\" start=\"3\"><li>three</li><li>four</li>"
	    "</ol>\n\n<ol type=\"A\" start=\"26\"><li>z</li><li>next</li>"
	    "</ol>\n\n<ol type=\"x\"><li>plain</li></ol>\n");
	char *t = t_dump(d, 60);

	OK(strstr(t, "a. alpha\nb. beta") != NULL, "type a: a., b.\n%s", t);
	OK(strstr(t, "III. three\n IV. four") != NULL,
	    "type I from 3: III., IV., aligned");
	OK(strstr(t, " Z. z\nAA. next") != NULL, "type A after Z: AA.");
	OK(strstr(t, "1. plain") != NULL, "an unknown type: numbers");
	free(t);
	doc_free(d);
}

int
main(void)
{
	test_list_types();
	test_inline();
	test_hidden_and_clean();
	test_blocks();
	test_across_fragments();
	test_anchors();
	test_tables();
	test_spans();
	test_definitions();
	test_images();
	test_hostile();
	test_budget();
	test_blank_before_element();
	test_blocks_in_paragraph();
	test_bad_char_refs();
	return t_done();
}
