/*
 * The document model: the bundled article (sections in order, the
 * comparison table cell by cell against the seed text, the six FAQ
 * entries with their short answers), each block and inline kind, text
 * hygiene on what cmark-gfm hands back, BOM and CRLF, deep nesting.
 */
#include <stdlib.h>

#include "harness.h"
#include "quire/dump.h"
#include "quire/doc.h"
#include "quire/text.h"

/* The plain text of runs [RUN, RUN+N) as a malloc'd string. */
static char *
section_title(const struct doc *d, uint32_t s)
{
	char *t = xmalloc(d->sections[s].title_len + 1);

	memcpy(t, d->text + d->sections[s].title, d->sections[s].title_len);
	t[d->sections[s].title_len] = '\0';
	return t;
}

static struct doc *
load_str(const char *s)
{
	return doc_load_buffer(s, strlen(s));
}

static const char *h2[] = {
	"What are Rust and Go? A primer",
	"Design philosophies: safety, simplicity, and pragmatism",
	"Memory management and safety: ownership vs garbage collection",
	"Concurrency models: goroutines vs asynchronous patterns",
	"Performance characteristics and compilation times",
	"Tooling, libraries, and ecosystem maturity",
	"Learning curve and developer experience",
	"Use-case mapping: when to pick Rust vs Go",
	"Industry adoption and real-world patterns",
	"Interoperability and cross-language considerations",
	"Decision framework: practical steps to choose",
	"Common misconceptions and caveats",
	"The data we can rely on (no hype)",
	"Comparison",
	"The Good",
	"Cons",
	"Quick Answers",
	"Quick Summary",
};

static const char *questions[] = {
	"What is the main difference between Rust and Go?",
	"Is Rust harder to learn than Go?",
	"Which language is better for backend services?",
	"Do Rust and Go interoperate with C?",
	"Which language has better tooling?",
	"Is Go faster at runtime than Rust?",
};

/* Trim spaces at both ends of S in place. */
static char *
trim(char *s)
{
	char *e;

	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && e[-1] == ' ')
		*--e = '\0';
	return s;
}

static void
test_article_sections(const struct doc *d)
{
	size_t i, k = 0;
	char *t;

	OK(d->title == 0, "the H1 is the title");
	t = section_title(d, 0);
	STR_EQ(t, "Difference between Rust and Go", "title text");
	free(t);
	for (i = 1; i < d->nsections; i++) {
		if (d->sections[i].level != 2)
			continue;
		t = section_title(d, (uint32_t)i);
		if (k < sizeof(h2) / sizeof(h2[0]))
			STR_EQ(t, h2[k], "section %zu in order", k + 1);
		k++;
		free(t);
	}
	INT_EQ(k, sizeof(h2) / sizeof(h2[0]), "every H2 section");
}

/* Check the table cell by cell against the seed's pipe table. */
static void
test_article_table(const struct doc *d, const char *seed_path)
{
	char *seed = t_slurp(seed_path, NULL), *line, *save = NULL, *cell, *cs;
	const struct table *t;
	uint32_t row = 0, col;

	INT_EQ(d->ntables, 1, "one table");
	if (d->ntables != 1 || seed == NULL) {
		OK(seed != NULL, "seed file readable");
		free(seed);
		return;
	}
	t = &d->tables[0];
	INT_EQ(t->ncols, 3, "three columns");
	INT_EQ(t->nrows, 9, "a header and eight rows");
	for (line = strtok_r(seed, "\n", &save); line;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] != '|' || strncmp(line, "|---", 4) == 0)
			continue;
		col = 0;
		for (cell = strtok_r(line + 1, "|", &cs); cell && col < 3;
		    cell = strtok_r(NULL, "|", &cs), col++) {
			const struct cell *c = doc_cell(d, t, row, col);
			char *got = runs_text(d, c->run, c->nruns);

			STR_EQ(got, trim(cell), "cell %u,%u", row, col);
			free(got);
		}
		row++;
	}
	INT_EQ(row, 9, "seed table rows seen");
	INT_EQ(d->aligns[t->align], ALIGN_NONE, "no alignment given");
	free(seed);
}

/* The short answer of each question is the seed line after its answer. */
static void
test_article_faq(const struct doc *d, const char *seed_path)
{
	char *seed = t_slurp(seed_path, NULL), *q, *a, *s, *e, *got;
	size_t i;

	INT_EQ(d->nfaqs, 6, "six FAQ entries");
	for (i = 0; i < d->nfaqs && i < 6; i++) {
		const struct faq *f = &d->faqs[i];

		got = section_title(d, f->section);
		STR_EQ(got, questions[i], "question %zu", i + 1);
		free(got);
		OK(f->short_block != DOC_NONE, "question %zu has a short answer",
		    i + 1);
		if (f->short_block == DOC_NONE || seed == NULL)
			continue;
		/* seed: question line, answer line, short answer line */
		q = strstr(seed, questions[i]);
		a = q ? strchr(q, '\n') : NULL;
		s = a ? strchr(a + 1, '\n') : NULL;
		e = s ? strchr(s + 1, '\n') : NULL;
		if (e == NULL) {
			OK(0, "question %zu found in the seed", i + 1);
			continue;
		}
		*e = '\0';
		got = block_text(d, f->short_block);
		STR_EQ(got, s + 1, "short answer %zu", i + 1);
		free(got);
		*e = '\n';
		OK(f->end > f->first, "question %zu has answer blocks", i + 1);
	}
	free(seed);
}

static void
test_blocks(void)
{
	struct doc *d = load_str("# T\n\n- a\n  - b\n\n1. c\n2) no\n\n> > q\n\n"
	    "```c\nint x;\n```\n\n<div>\nraw\n</div>\n\n---\n\n- [x] done\n");
	char *t;

	INT_EQ(d->blocks[1].kind, BLOCK_ITEM, "list item");
	INT_EQ(d->blocks[1].list, 1, "item depth 1");
	INT_EQ(d->blocks[2].list, 2, "nested item depth 2");
	INT_EQ(d->blocks[3].kind, BLOCK_ITEM, "ordered item");
	OK(d->blocks[3].aux_len == 2 && memcmp(d->aux + d->blocks[3].aux, "1.", 2)
	    == 0, "ordered marker 1.");
	INT_EQ(d->blocks[5].quote, 2, "nested quote depth 2");
	INT_EQ(d->blocks[6].kind, BLOCK_CODE, "code block");
	t = block_text(d, 6);
	STR_EQ(t, "int x;", "code text");
	free(t);
	OK(d->blocks[6].aux_len == 1 && d->aux[d->blocks[6].aux] == 'c',
	    "code info string");
	INT_EQ(d->blocks[7].kind, BLOCK_PARAGRAPH, "HTML block: a paragraph");
	t = block_text(d, 7);
	STR_EQ(t, "raw", "HTML block rendered: its text, no tags");
	free(t);
	INT_EQ(d->blocks[8].kind, BLOCK_RULE, "thematic break");
	OK(d->blocks[9].flags & BF_DONE, "checked task item");
	doc_free(d);
}

static void
test_inlines(void)
{
	struct doc *d = load_str("*e* **s** `c` [l](http://x/) ~~d~~ a  \nb");
	const struct run *r = d->runs;
	size_t i;
	int seen = 0;

	for (i = 0; i < d->nruns; i++) {
		if (r[i].style == STY_EMPH && r[i].len == 1)
			seen |= 1;
		if (r[i].style == STY_STRONG)
			seen |= 2;
		if (r[i].style == STY_CODE)
			seen |= 4;
		if ((r[i].style & STY_LINK) && r[i].link != DOC_NONE &&
		    d->links[r[i].link].len == 9 &&
		    memcmp(d->aux + d->links[r[i].link].off, "http://x/", 9) == 0)
			seen |= 8;
		if (r[i].style == STY_STRIKE)
			seen |= 16;
	}
	INT_EQ(seen, 31, "emphasis, strong, code, link target, strikethrough");
	OK(memchr(d->text, '\n', d->text_len) != NULL, "hard break kept as newline");
	doc_free(d);

	/* a bidirectional override in a link target never reaches the
	 * note or a copy raw */
	d = load_str("[a](http://x/\xe2\x80\xae" "fdp.exe)");
	for (i = 0, seen = 0; i < d->nlinks; i++)
		seen |= d->links[i].len == 24 && memcmp(d->aux +
		    d->links[i].off, "http://x/<U+202E>fdp.exe", 24) == 0;
	OK(seen, "a link target's U+202E is stored as <U+202E>");
	doc_free(d);
	d = load_str("see \xe2\x80\xae" "fdp and <U+202E>");
	for (i = 0, seen = 0; i < d->nruns; i++)
		seen += (d->runs[i].style & STY_CTRL) != 0 && d->runs[i].len == 8 &&
		    memcmp(d->text + d->runs[i].off, "<U+202E>", 8) == 0;
	INT_EQ(seen, 1, "the code shown for U+202E is a run of its own "
	    "(STY_CTRL, drawn dim); the same text typed is not");
	doc_free(d);
}

/* No stored byte may be a control character (but code newlines). */
static int
clean_doc(const struct doc *d)
{
	size_t i;
	uint32_t cp;

	for (i = 0; i < d->text_len;) {
		i += text_decode(d->text + i, d->text_len - i, &cp);
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F))
			return 0;
	}
	for (i = 0; i < d->aux_len;) {
		i += text_decode(d->aux + i, d->aux_len - i, &cp);
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			return 0;
	}
	return 1;
}

static void
test_hygiene(void)
{
	const char *md = "# T&#27;[31m\n\nA &#x1b;]0;x&#7; &#155;2J \x1b[1m"
	    " \xc2\x9b \x9b\x7f\x01 [x&#27;](http://a/&#27;[0m)\n\n"
	    "| a&#27; | b |\n|---|---|\n| \x1b[2J | &#x9b; |\n\n"
	    "```\n\x1b]52;c;AAAA\x07\n```\n";
	struct doc *d = load_str(md);
	char *t;

	OK(clean_doc(d), "entities and raw bytes: no control stored");
	t = section_title(d, 0);
	STR_EQ(t, "T^[[31m", "ESC from an entity shown as ^[");
	free(t);
	doc_free(d);
	d = load_str("\xEF\xBB\xBF# Title\r\n\r\nText\r\nmore\r\n");
	t = section_title(d, 0);
	STR_EQ(t, "Title", "BOM skipped, CRLF accepted");
	free(t);
	t = block_text(d, 1);
	STR_EQ(t, "Text more", "CRLF soft break is a space");
	free(t);
	doc_free(d);
}

static void
test_faq_fallback(void)
{
	struct doc *d = load_str("# Doc\n\n## Why?\n\nBecause.\n\n> Short.\n\n"
	    "## Install\n\nx\n\n## How does it work ?\n\nWell.\n");

	INT_EQ(d->nfaqs, 2, "headings ending in '?' are questions");
	if (d->nfaqs == 2) {
		OK(d->faqs[0].short_block != DOC_NONE, "short answer by quote");
		OK(d->faqs[1].short_block == DOC_NONE, "no quote, no short answer");
	}
	doc_free(d);
	d = load_str("## FAQ\n\n### One\n\nA.\n\n### Two?\n\nB.\n\n## Other?\n");
	INT_EQ(d->nfaqs, 2, "a FAQ section's subsections, not other '?'");
	doc_free(d);
}

/* The outline of D as "T" for the title, then "NUM/DEPTH" per section. */
static char *
outline(const struct doc *d)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < d->nsections; i++) {
		if (i > 0)
			buf_putc(&b, ' ');
		if (i == d->title)
			buf_putc(&b, 'T');
		else
			buf_printf(&b, "%.*s/%u", (int)d->sections[i].num_len,
			    d->aux + d->sections[i].num,
			    (unsigned)d->sections[i].depth);
	}
	buf_putc(&b, '\0');
	return b.data;
}

/* Check MD's outline and its title's text. */
static void
outline_is(const char *md, const char *want, const char *title,
    const char *what)
{
	struct doc *d = load_str(md);
	char *got = outline(d);
	size_t len;
	const char *t = doc_title(d, &len);

	STR_EQ(got, want, "outline: %s", what);
	OK(strlen(title) == len && strncmp(t, title, len) == 0,
	    "title: %s", what);
	free(got);
	doc_free(d);
}

/* The title and the depths below it, for each shape of headings. */
static void
test_outline(void)
{
	outline_is("# T\n\n### a\n\n### b\n", "T 1/0 2/0", "T",
	    "a lone H1 over H3");
	outline_is("Project\n-------\n\nx\n\n### Install\n\n### Usage\n\n"
	    "#### Flags\n\n### License\n", "T 1/0 2/0 2.1/1 3/0", "Project",
	    "a lone setext H2 over H3");
	outline_is("Intro.\n\n## A\n\n## B\n\n### B1\n\n## C\n",
	    "1/0 2/0 2.1/1 3/0", "", "no title, several H2");
	outline_is("# Book\n\n#### One\n\n#### Two\n\n###### Deep\n\n"
	    "#### Three\n", "T 1/0 2/0 2.1/1 3/0", "Book",
	    "skipped levels: H1 then H4 and H6");
	outline_is("## FAQ\n\nx\n\n<h3>Why?</h3>\n\nA.\n\n<h3>How?</h3>\n\n"
	    "B.\n", "T 1/0 2/0", "FAQ", "an H2 FAQ over HTML H3 questions");
	outline_is("### Only\n\ntext\n", "T", "Only", "one H3 alone");
	outline_is("## A\n\n# B\n\n## C\n", "1/0 2/0 2.1/1", "",
	    "a first H2 before a lone H1: no title");
	outline_is("## A\n\n### a\n\n## B\n", "1/0 1.1/1 2/0", "",
	    "two H2: no title");
	outline_is("---\ntitle: Front\n---\n\n## Top\n\n### a\n", "T 1/0",
	    "Front", "the front matter names a document titled by an H2");
}

/* A first part titled by a lone H2 is refused when the rest has another. */
static void
test_prefix_title(void)
{
	const char *md = "## A\n\n### a\n\ntext\n\n## B\n\nmore\n";
	const char *md3 = "## A\n\n### a\n\ntext\n\n### b\n\nmore\n";
	size_t cut = (size_t)(strstr(md, "text") - md);
	struct doc *d;

	d = doc_load_prefix(md, strlen(md), cut);
	OK(d == NULL, "a part whose lone H2 is not the whole's title");
	doc_free(d);
	d = doc_load_prefix(md3, strlen(md3), cut);
	OK(d != NULL && d->title == 0, "a part whose lone H2 stays the title");
	doc_free(d);
}

static void
test_deep_nesting(void)
{
	size_t n = 50000, i;
	char *md = xmalloc(n * 2 + 2);
	struct doc *d;

	for (i = 0; i < n; i++)
		md[2 * i] = '>', md[2 * i + 1] = ' ';
	md[2 * n] = 'x';
	md[2 * n + 1] = '\0';
	d = load_str(md);
	OK(d->nblocks == 1 && d->blocks[0].quote == n, "50,000 nested quotes");
	doc_free(d);
	free(md);
}

/* A load given up: NULL and nothing kept; not given up: the same model
 * as a load in one go, the text fed a megabyte at a time. */
static void
test_load_until(void)
{
	struct buf md = { 0 };
	struct doc *whole, *d;
	atomic_int stop;
	char *copy;
	int i;

	for (i = 0; md.len < (3u << 20); i++) {
		char line[160];

		snprintf(line, sizeof(line), "## Part %d\n\nSome *text* with "
		    "a [link](https://example.com/%d) and `code`.\r\n\n"
		    "| a | b |\n|---|---|\n| %d | x |\n\n", i, i, i);
		buf_puts(&md, line);
	}
	whole = doc_load_buffer(md.data, md.len);
	atomic_init(&stop, 0);
	copy = xmalloc(md.len + 1);
	memcpy(copy, md.data, md.len);
	d = doc_load_take_until(copy, md.len, &stop);
	OK(d != NULL && d->nblocks == whole->nblocks &&
	    d->text_len == whole->text_len &&
	    memcmp(d->text, whole->text, whole->text_len) == 0 &&
	    d->nsections == whole->nsections,
	    "fed a megabyte at a time, the model is the same (%zu blocks)",
	    whole->nblocks);
	doc_free(d);
	atomic_store(&stop, 1);
	copy = xmalloc(md.len + 1);
	memcpy(copy, md.data, md.len);
	OK(doc_load_take_until(copy, md.len, &stop) == NULL,
	    "a load told to stop gives up (and frees what it took)");
	doc_free(whole);
	buf_free(&md);
}

/* A document that numbers its own headings ("1. Introduction", "2.1
 * Setup") shows none of quire's numbers beside them; one that numbers a
 * few keeps quire's. */
static void
test_own_numbers(void)
{
	struct doc *d = load_str("# Handbook\n\n## 1. Introduction\n\nx\n\n"
	    "## 2. Installation\n\n### 2.1 On a Raspberry Pi\n\nx\n\n"
	    "### 2.2 In a container\n\nx\n\n## Appendix\n\nx\n");
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	OK(d->own_numbers, "two of three top-level headings numbered: the "
	    "document's");
	INT_EQ(doc_shown_num(d, &d->sections[2]), 0, "quire's not shown");
	INT_EQ(d->sections[2].num_len, 1, "but kept, for a number typed");
	f = open_memstream(&out, &len);
	dump_toc(d, NULL, f);
	fclose(f);
	STR_EQ(out, "Handbook\n1. Introduction\n2. Installation\n"
	    "  2.1 On a Raspberry Pi\n  2.2 In a container\nAppendix\n",
	    "--toc: the document's numbers alone");
	free(out);
	doc_free(d);
	d = load_str("# Notes\n\n## Intro\n\n## 2024 in review\n\n"
	    "## Plans\n\n## 3. Next\n\n");
	OK(!d->own_numbers, "one numbered heading of four: quire's numbers");
	INT_EQ(doc_shown_num(d, &d->sections[1]), 1, "shown");
	doc_free(d);
	d = load_str("# Build\n\n## Files\n\n## Steps\n\n### 1. Fetch\n\n"
	    "### 2. Build\n\n### 3. Test\n\n## Status\n\n");
	OK(!d->own_numbers, "numbered steps under unnumbered sections: "
	    "quire's numbers");
	doc_free(d);
}

/* A line break in the source between two Chinese or Japanese characters
 * joins them with no space; between other words, and in Korean, it is a
 * space. */
static void
test_wide_breaks(void)
{
	struct doc *d = load_str("\xe3\x81\x84\xe3\x82\x8b\n"
	    "\xe5\xbf\x85\xe8\xa6\x81\n\n"
	    "\xe6\x96\x87\xef\xbc\x8c\n*\xe4\xb8\x8d*\n\n"
	    "end \xe6\x97\xa5\nword\n\n"
	    "\xed\x95\x9c\n\xea\xb5\xad\n");

	OK(strstr(d->text, "\xe3\x82\x8b\xe5\xbf\x85") != NULL,
	    "Japanese: no space where the line broke");
	OK(strstr(d->text, "\xef\xbc\x8c\xe4\xb8\x8d") != NULL,
	    "a fullwidth comma, then emphasis: no space either");
	OK(strstr(d->text, "\xe6\x97\xa5 word") != NULL,
	    "a wide character then a Latin word: a space");
	OK(strstr(d->text, "\xed\x95\x9c \xea\xb5\xad") != NULL,
	    "Korean, which spaces its words: a space");
	doc_free(d);
}

int
main(int argc, char **argv)
{
	enum doc_error err;
	struct doc *d;

	if (argc < 3) {
		fprintf(stderr, "usage: test_doc ARTICLE SEED\n");
		return 2;
	}
	d = doc_load_file(argv[1], 0, &err);
	OK(d != NULL, "bundled article loads");
	if (d != NULL) {
		test_article_sections(d);
		test_article_table(d, argv[2]);
		test_article_faq(d, argv[2]);
		OK(clean_doc(d), "article text is clean");
		doc_free(d);
	}
	test_blocks();
	test_inlines();
	test_hygiene();
	test_faq_fallback();
	test_deep_nesting();
	test_outline();
	test_prefix_title();
	test_load_until();
	test_own_numbers();
	test_wide_breaks();
	return t_done();
}
