/*
 * The guard (src/doc/guard.c): what it leaves alone (ordinary documents,
 * long tables and lists, wide lines no table can read), what it changes
 * (table rows past 128 columns, delimiter-row look-alikes, extra blank
 * lines, open image openers and inline HTML, links after piles of
 * emphasis, lines of '@', footnote definitions nested in a line, uses
 * of a reference definition past the bytes they may copy), and that code
 * blocks come out as written; with a directory argument, that it
 * changes none of the Markdown files under it.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "guard.h"
#include "quire/doc.h"

/* S repeated N times, as a malloc'd string. */
static char *
rep(const char *s, size_t n)
{
	struct buf b = { 0 };

	buf_puts(&b, "");
	while (n-- > 0)
		buf_puts(&b, s);
	return b.data;
}

/* The concatenation of up to four strings, as a malloc'd string. */
static char *
cat(const char *a, const char *b, const char *c, const char *d)
{
	struct buf o = { 0 };

	buf_puts(&o, a);
	buf_puts(&o, b ? b : "");
	buf_puts(&o, c ? c : "");
	buf_puts(&o, d ? d : "");
	return o.data;
}

/* Run the guard on S; return the guarded text (or S's copy), malloc'd. */
static char *
guarded(const char *s, int *changed, int *no_autolink)
{
	struct guard g;
	char *out;

	*changed = guard_input(s, strlen(s), &g);
	out = xstrdup(*changed ? g.out.data : s);
	if (no_autolink != NULL)
		*no_autolink = g.no_autolink;
	guard_free(&g);
	return out;
}

/* The edits of the guard on S. */
static size_t
edits(const char *s)
{
	struct guard g;
	size_t n;

	guard_input(s, strlen(s), &g);
	n = g.nedits;
	guard_free(&g);
	return n;
}

/* Count the '|' of line N (from 0) of S not after a backslash. */
static size_t
separators(const char *s, int n)
{
	size_t count = 0;
	char prev = '\0';

	for (; n > 0 && s != NULL; n--)
		if ((s = strchr(s, '\n')) != NULL)
			s++;
	for (; s != NULL && *s != '\0' && *s != '\n'; prev = *s++)
		count += *s == '|' && prev != '\\';
	return count;
}

/* The text of the first code block of MD, loaded, as a malloc'd copy. */
static char *
code_text(const char *md)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	uint32_t i, off, len;
	char *t = NULL;

	for (i = 0; i < d->nblocks && t == NULL; i++)
		if (d->blocks[i].kind == BLOCK_CODE) {
			doc_block_text(d, i, &off, &len);
			t = xmalloc(len + 1);
			memcpy(t, d->text + off, len);
			t[len] = '\0';
		}
	doc_free(d);
	return t ? t : xstrdup("(no code block)");
}

/* What must come through untouched. */
static void
test_unchanged(void)
{
	char *s, *t, *u;
	int ch;

	free(guarded("# Title\n\nSome *text* with [a link](x) and `code`.\n\n"
	    "| a | b |\n|---|:-:|\n| 1 | 2 |\n", &ch, NULL));
	INT_EQ(ch, 0, "an ordinary document is not copied");
	s = rep("| **b** | [l](u) | *e* |\n", 5000);
	t = cat("| a | b | c |\n|---|---|---|\n", s, NULL, NULL);
	free(guarded(t, &ch, NULL));
	INT_EQ(ch, 0, "5,000 table rows of links and emphasis");
	free(s), free(t);
	s = rep("- **[name](http://x)** - *what* it is\n", 5000);
	free(guarded(s, &ch, NULL));
	INT_EQ(ch, 0, "a tight list of 5,000 links with emphasis");
	free(s);
	s = rep("|", 100000);
	t = cat("text\n", s, "\nmore text\n", NULL);
	free(guarded(t, &ch, NULL));
	INT_EQ(ch, 0, "a line of 100,000 '|' no table can read");
	free(s), free(t);
	s = rep("|c", 128);
	t = rep("|-", 128);
	u = cat(s, "|\n", t, "|\n");
	free(guarded(u, &ch, NULL));
	INT_EQ(ch, 0, "a table of 128 columns");
	free(s), free(t), free(u);
	free(guarded("```\n<![CDATA[\n```\n\n<?php\n\necho 1; ?>\n", &ch,
	    NULL));
	INT_EQ(ch, 0, "HTML blocks and a little inline HTML");
}

/* Tables: rows capped, look-alike delimiter rows defused. */
static void
test_tables(void)
{
	char *s, *t, *g, *c;
	int ch;

	s = rep("|", 3000);
	t = cat("a|b\n-|-\n", s, "\n", NULL);
	g = guarded(t, &ch, NULL);
	OK(ch && separators(g, 2) == GUARD_WIDE_COLUMNS + 1,
	    "a row of 3,000 '|' keeps %d (%zu)", GUARD_WIDE_COLUMNS + 1,
	    separators(g, 2));
	free(s), free(t), free(g);
	s = rep("|", 3000);
	t = cat("> a|b\n> -|-\n> ", s, "\n", NULL);
	g = guarded(t, &ch, NULL);
	OK(ch && separators(g, 2) == GUARD_WIDE_COLUMNS + 1,
	    "so does one in a block quote");
	free(s), free(t), free(g);
	s = rep("|", 600);
	t = cat(s, "\n-|-\n", NULL, NULL);
	g = guarded(t, &ch, NULL);
	OK(ch && strstr(g, "\\-|-") == NULL && strstr(g, "-|\\-") != NULL,
	    "a delimiter row under a wide line is defused: %s", g + 601);
	free(s), free(t), free(g);
	/* Once wide rows have cost their budget, the cap falls to 128. */
	s = rep("|", 3000);
	t = cat("a|b\n-|-\n", s, "\n", NULL);
	{
		struct buf many = { 0 };
		int k;

		for (k = 0; k < 40; k++)
			buf_puts(&many, t);
		g = guarded(many.data, &ch, NULL);
		c = strrchr(g, '\n');
		while (c > g && c[-1] != '\n')
			c--;
		OK(ch && c > g && separators(c, 0) <= GUARD_MAX_COLUMNS + 1,
		    "after 40 rows of 3,000 '|', the cap is %d or less (%zu)",
		    GUARD_MAX_COLUMNS + 1, c > g ? separators(c, 0) : 0);
		buf_free(&many);
		free(g);
		g = NULL;
	}
	free(s), free(t), free(g);
	s = rep("x\n", 10000);
	t = cat("|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n", s, NULL, NULL);
	g = guarded(t, &ch, NULL);
	OK(!ch, "10,000 short rows of 8 columns are padded, within the limit");
	free(s), free(t), free(g);
	s = rep("x\n", 100000);
	t = cat("|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n", s, NULL, NULL);
	g = guarded(t, &ch, NULL);
	c = strstr(g, "\nx\n\nx\n");
	OK(ch && c != NULL && (size_t)(c - g) / 2 > 70000 &&
	    (size_t)(c - g) / 2 < 80000, "100,000 are cut where the padding "
	    "passes %u cells", GUARD_MAX_PADDING);
	free(s), free(t), free(g);
	s = rep("|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|\n", 100000);
	t = cat("|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|\n"
	    "|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|\n", s, NULL, NULL);
	g = guarded(t, &ch, NULL);
	c = strstr(g, "|\n\n|");
	OK(ch && c != NULL && (size_t)(c - g) / 34 == GUARD_MAX_CELLS / 16 + 1,
	    "100,000 rows of 16 cells end where the cells pass %u (row %zu)",
	    GUARD_MAX_CELLS, c ? (size_t)(c - g) / 34 : 0);
	free(s), free(t), free(g);
	s = rep("|-|\n|-|-|\n", 1000);
	t = cat("a|b\n", s, NULL, NULL);
	g = guarded(t, &ch, NULL);
	OK(ch && strncmp(g, "a|b\n|-|\n|-|-|\n|-|\n|-|-|\n|\\-|\n|-|\\-|\n",
	    36) == 0, "delimiter-row look-alikes past the fourth are defused");
	free(s), free(t), free(g);
}

/* Inline rules: images, HTML, links after emphasis, '@'. */
static void
test_inlines(void)
{
	char *s, *g;
	int ch, noauto;

	s = rep("![[]()", 1000);
	g = guarded(s, &ch, NULL);
	OK(ch && strstr(g, "!\\[") != NULL && strncmp(g, s, 6 * 32) == 0,
	    "image openers left open: the first 32 kept, then escaped");
	free(s), free(g);
	s = rep("a <?", 1000);
	g = guarded(s, &ch, NULL);
	OK(ch && strstr(g, "a \\<?") != NULL && strncmp(g, s, 4 * 8) == 0,
	    "open \"<?\": the first 8 kept, then escaped");
	free(s), free(g);
	s = rep("a <?x?> ", 1000);
	free(guarded(s, &ch, NULL));
	INT_EQ(ch, 0, "closed \"<?...?>\" are left alone");
	free(s);
	s = rep("**[a](b) ", 5000);
	g = guarded(s, &ch, NULL);
	OK(ch && strstr(g, "[a\\](b)") != NULL && strncmp(g, s, 9 * 300) == 0,
	    "links after a pile of emphasis openers are escaped, late");
	free(s), free(g);
	s = rep("a@", 65);
	free(guarded(s, &ch, &noauto));
	OK(!ch && noauto, "65 '@' on a line turn autolinks off, text as is");
	free(s);
	s = rep("a@b.c\n", 1000);
	free(guarded(s, &ch, &noauto));
	OK(!ch && !noauto, "1,000 emails on their own lines keep autolinks");
	free(s);
}

/* Deep nesting stays, but cannot be continued lazily for free. */
static void
test_nesting(void)
{
	char *s, *t, *g;
	struct doc *d;
	int ch;

	s = rep("> ", 50000);
	t = cat(s, "x\n", NULL, NULL);
	free(guarded(t, &ch, NULL));
	INT_EQ(ch, 0, "50,000 nested quotes are left as they are");
	free(t);
	t = cat(s, "x\n", "y\nz\n", NULL);
	g = guarded(t, &ch, NULL);
	OK(ch && strcmp(g + strlen(s), "x\n\ny\nz\n") == 0,
	    "a lazy line under them is set apart by a blank line");
	d = doc_load_buffer(t, strlen(t));
	OK(d->nblocks == 2 && d->blocks[0].quote == 50000 &&
	    d->blocks[1].quote == 0, "the quotes keep their depth, the lazy "
	    "lines their text");
	doc_free(d);
	free(s), free(t), free(g);
	s = rep("- a\n", 100);
	free(guarded(s, &ch, NULL));
	INT_EQ(ch, 0, "a long flat list is left alone");
	free(s);
	t = xstrdup("");
	for (ch = 0; ch < 30; ch++) {
		s = t;
		g = rep("  ", (size_t)ch);
		t = cat(s, g, "- item\n", NULL);
		free(s), free(g);
	}
	s = cat(t, "lazy\n", NULL, NULL);
	free(guarded(s, &ch, NULL));
	INT_EQ(ch, 0, "lists nested 30 deep, lazy line and all");
	free(s), free(t);
	g = guarded("[^a]: > [^b]: - [^c]: [^d]: 1. [^e]: [^f]: [^g]: [^h]: "
	    "x [^i]: y\n", &ch, NULL);
	INT_EQ(ch, 0, "8 footnote definitions opened on a line are left alone");
	free(g);
	g = guarded("x\n\n[^a]: > [^b]: - [^c]: [^d]: 1. [^e]: [^f]: [^g]: "
	    "[^h]: [^i]: [^j]: y\n", &ch, NULL);
	STR_EQ(g, "x\n\n[^a]: > [^b]: - [^c]: [^d]: 1. [^e]: [^f]: [^g]: "
	    "[^h]: \\[^i]: [^j]: y\n", "the ninth's '[' is escaped");
	free(g);
}

/* Blank lines, and code blocks coming back as written. */
static void
test_code(void)
{
	char *s, *t, *g, *c;
	int ch;

	s = rep("\n", 10);
	t = cat("a\n", s, "b\n", NULL);
	g = guarded(t, &ch, NULL);
	OK(ch && strcmp(g, "a\n\n\n\n\nb\n") == 0, "10 blank lines become 4");
	free(t), free(g);
	t = cat("```\nx\n", s, "y\n```\n", NULL);
	c = code_text(t);
	STR_EQ(c, "x\n\n\n\n\n\n\n\n\n\n\ny", "blank lines in code come back");
	free(s), free(t), free(c);
	s = rep("|", 300);
	t = cat("a|b\n-|-\n1|2\n```\n", s, "\n```\n", NULL);
	c = code_text(t);
	OK(c != NULL && strcmp(c, s) == 0, "a wide line of code after a table "
	    "comes back as written");
	free(t), free(c);
	t = cat("a|b\r\n-|-\r\n1|2\r\n    \t", s, "\r\n", NULL);
	c = code_text(t);
	OK(separators(c, 0) == 300 && strchr(c, '\\') == NULL,
	    "so does indented code, with CRLF");
	free(t), free(c);
	t = cat("a|b\r-|-\r1|2\r> ```\r> \xEF\xBF\xBD", s, "x\r", NULL);
	c = code_text(t);
	OK(strchr(c, '\\') == NULL, "and fenced code in a quote, lone CR");
	free(s), free(t), free(c);
	s = rep("|", 100000);
	t = cat("a|b\n-|-\n", s, "\n", NULL);
	INT_EQ(edits(t), 1, "a row of 100,000 '|' escaped: one edit");
	free(t), free(s);
	s = rep("|x", 600);
	t = cat(s, "|\\|x\\\\|é|[|", s, "|\\|");
	free(s);
	s = cat("a|b\n-|-\n1|2\n```\n", t, "\n```\n", NULL);
	c = code_text(s);
	STR_EQ(c, t, "escaped pipes around written ones in code "
	    "come back as written");
	free(s), free(t), free(c);
	s = rep("x <![CDATA[ y\n", 20);
	t = cat("```xml\n", s, "```\n", NULL);
	c = code_text(t);
	OK(strcmp(c, "") != 0 && strncmp(c, s, strlen(s) - 1) == 0,
	    "twenty open CDATA lines of code come back as written");
	free(s), free(t), free(c);
}

/* Count the occurrences of W in S. */
static size_t
count(const char *s, const char *w)
{
	size_t n = 0;

	while ((s = strstr(s, w)) != NULL)
		n++, s += strlen(w);
	return n;
}

/* Reference definitions: what their uses copy is bounded. */
static void
test_refs(void)
{
	char *u, *uses, *t, *g, *c;
	size_t len, size, budget;
	int ch;

	u = rep("u", 50000);
	uses = rep("[a] ", 25000);
	t = cat("[a]: /", u, "\n\n", uses);
	len = strlen(t);
	g = guarded(t, &ch, NULL);
	size = strlen(u) + 2; /* " /" and the destination */
	budget = GUARD_REF_TIMES * len + GUARD_REF_SLACK;
	/* The definition's own label counts as one use. */
	INT_EQ(ch ? 25000 - count(g, "\\[a]") : 0, budget / size - 1,
	    "a 50 KB definition used 25,000 times: as many uses as the budget "
	    "allows stay links, the rest are escaped");
	OK(strncmp(g, "[a]: /u", 7) == 0 && strstr(g, "\n\n[a] [a] ") != NULL,
	    "the definition and the first uses are left alone");
	free(t), free(g);
	c = rep("[label\n\xC3\xA4] ", 1000);
	t = cat("[Label \xC3\x84]:\n/", u, "\n'title\ntitle'\n\n", c);
	g = guarded(t, &ch, NULL);
	OK(ch && count(g, "\\[label") > 900, "labels in other case, "
	    "non-ASCII and across lines count as uses of the definition");
	free(g), free(t), free(c);
	t = cat("[a]: /", u, "\n\n", uses);
	g = cat(t, "\n\n```\n[a]\n```\n", NULL, NULL);
	c = code_text(g);
	STR_EQ(c, "[a]", "a use in code past the budget comes back as written");
	free(g), free(c), free(t);
	free(guarded("[x]: /long/enough/destination \"and a title\"\n\n"
	    "[x] [X] [ x ] [y] [x][] [text][x]\n", &ch, NULL));
	INT_EQ(ch, 0, "a few uses of a definition are left alone");
	free(u), free(uses);
}

/* NUL bytes: cmark makes them U+FFFD, three bytes, in code too. */
static void
test_nul(void)
{
	static const char md[] = "a|b\n-|-\n```\n\0\0|||||||||||||||||||||||"
	    "|||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||"
	    "|||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||"
	    "|||||||||||\0x\n```\n";
	struct doc *d = doc_load_buffer(md, sizeof(md) - 1);
	uint32_t i, off, len = 0;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == BLOCK_CODE)
			doc_block_text(d, i, &off, &len);
	OK(len > 0 && memchr(d->text + off, '\\', len) == NULL,
	    "NULs in a code line do not throw the repair off");
	doc_free(d);
}

/* Files the guard changed, and files read, under the directory. */
static size_t real_changed, real_read;

/* One file of the walk: guard it if it is Markdown. */
static int
real_file(const char *path, const struct stat *st, int type, struct FTW *f)
{
	size_t n = strlen(path), len;
	struct guard g;
	char *md;
	FILE *fp;

	(void)f;
	if (type != FTW_F || st->st_size > (64 << 20) ||
	    !(n > 3 && strcmp(path + n - 3, ".md") == 0) ||
	    (fp = fopen(path, "rb")) == NULL)
		return 0;
	md = xmalloc((size_t)st->st_size + 1);
	len = fread(md, 1, (size_t)st->st_size, fp);
	fclose(fp);
	md[len] = '\0';
	real_read++;
	if (guard_input(md, len, &g)) {
		real_changed++;
		printf("# the guard changed %s\n", path);
	}
	guard_free(&g);
	free(md);
	return 0;
}

/* Real documents: the guard leaves every one alone. */
static void
test_real(const char *dir)
{
	nftw(dir, real_file, 16, FTW_PHYS);
	OK(real_read > 0 && real_changed == 0, "the guard changes none of "
	    "the %zu Markdown files under %s", real_read, dir);
}

int
main(int argc, char **argv)
{
	test_unchanged();
	test_tables();
	test_inlines();
	test_nesting();
	test_code();
	test_refs();
	test_nul();
	if (argc > 1)
		test_real(argv[1]);
	return t_done();
}
