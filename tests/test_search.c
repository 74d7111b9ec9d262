/*
 * Full-text search: smart case (ASCII and not), matches across a wrapped
 * line break (between words, inside a broken word, under quote bars,
 * inside a table cell), the columns of each match, the count of a word
 * in the bundled article against a naive count over its --dump text,
 * matches in the comparison table, n/N with wrap-around, the report for
 * scripts.
 */
#define _GNU_SOURCE /* open_memstream(), strcasestr() */

#include <stdlib.h>

#include "harness.h"
#include "quire/dump.h"
#include "quire/layout.h"
#include "quire/search.h"
#include "quire/text.h"

/* Columns [C0, C1) of line N of LAY. */
static char *
line_cols(const struct layout *lay, size_t n, int c0, int c1)
{
	char *t = t_line_text(lay, n), *o;
	size_t i = 0, len = strlen(t), start = 0, k;
	int col = 0;
	uint32_t cp;

	while (i < len && col < c0) {
		k = text_decode(t + i, len - i, &cp);
		col += text_cp_width(cp);
		i += k;
	}
	start = i;
	while (i < len && col < c1) {
		k = text_decode(t + i, len - i, &cp);
		col += text_cp_width(cp);
		i += k;
	}
	o = xmalloc(i - start + 1);
	memcpy(o, t + start, i - start);
	o[i - start] = '\0';
	free(t);
	return o;
}

/* Lay out MD at WIDTH and count the matches of QUERY. */
static size_t
count_in(const char *md, int width, const char *query)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, width, 0);
	struct search *s = search_new(lay, query);
	size_t n = search_count(s);

	search_free(s);
	layout_free(lay);
	doc_free(d);
	return n;
}

static void
test_smart_case(void)
{
	const char *md = "Rust rust RUST rUsT.\n\n"
	    "\xc3\x89" "COLE \xc3\xa9" "cole";

	INT_EQ(count_in(md, 80, "rust"), 4, "lower case query ignores case");
	INT_EQ(count_in(md, 80, "Rust"), 1, "an uppercase letter: case counts");
	INT_EQ(count_in(md, 80, "RUST"), 1, "all caps: case counts");
	INT_EQ(count_in(md, 80, "\xc3\xa9" "cole"), 2,
	    "\xc3\xa9" "cole finds \xc3\x89" "COLE too (Unicode lower case)");
	INT_EQ(count_in(md, 80, "\xc3\x89" "cole"), 0,
	    "\xc3\x89" "cole is case-sensitive");
	INT_EQ(count_in(md, 80, ""), 0, "empty query: nothing");
	INT_EQ(count_in(md, 80, "   "), 0, "blank query: nothing");
	INT_EQ(count_in(md, 80, "  rust  "), 4, "outer blanks dropped");
	INT_EQ(count_in("aaaa", 80, "aa"), 2, "matches do not overlap");
	INT_EQ(count_in("x", 80, "zzzz"), 0, "no match");
}

static void
test_columns(void)
{
	/* "café 中文 x Café x" with e + U+0301, then a code line */
	const char *md = "cafe\xcc\x81 \xe4\xb8\xad\xe6\x96\x87 x "
	    "Cafe\xcc\x81 x\n\n```\nx  \xc3\xa9t\xc3\xa9  y\n```\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 80, 0);
	struct search *s = search_new(lay, "\xe6\x96\x87 x");
	const struct search_match *m;

	if (INT_EQ(search_count(s), 1, "a wide character, then ASCII")) {
		m = search_match(s, 0);
		OK(m->col == 7 && m->end_col == 11, "columns 7-11 (%d-%d)",
		    m->col, m->end_col);
	}
	search_free(s);
	s = search_new(lay, "cafe\xcc\x81 \xe4\xb8\xad");
	if (INT_EQ(search_count(s), 1, "a combining accent, a wide character")) {
		m = search_match(s, 0);
		OK(m->col == 0 && m->end_col == 7, "columns 0-7 (%d-%d)",
		    m->col, m->end_col);
	}
	search_free(s);
	s = search_new(lay, "x");
	if (INT_EQ(search_count(s), 3, "three x")) {
		OK(search_match(s, 0)->col == 10, "after the wide characters");
		OK(search_match(s, 1)->col == 17, "after the second caf\xc3\xa9");
		OK(search_match(s, 2)->col == 2, "in code, after the bar");
	}
	search_free(s);
	s = search_new(lay, "\xc3\xa9t\xc3\xa9 y");
	if (INT_EQ(search_count(s), 1, "in code, two blanks match one")) {
		m = search_match(s, 0);
		OK(m->col == 5 && m->end_col == 11, "columns 5-11 (%d-%d)",
		    m->col, m->end_col);
	}
	search_free(s);
	layout_free(lay);
	doc_free(d);
}

/* A long code line goes on below its bar: a word broken there is found
 * whole, by either way of searching; with LAYOUT_CHOP, past the edge. */
static void
test_code_wrap(void)
{
	/* at 20 columns (18 after the bar) "configure" breaks after "confi" */
	const char *md = "```\n./run --with-con" "figure --prefix=/usr\n```\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 20, 0);
	const struct search_match *m;
	int f;

	INT_EQ(lay->nlines, 2, "the code line takes two lines at 20");
	OK(lay->lines[1].flags & LINE_WRAP, "the second continues the first");
	for (f = 0; f < 2; f++) {
		struct search *s = search_new_opts(lay, "configure",
		    f ? SEARCH_EVERY_LINE : 0);

		if (INT_EQ(search_count(s), 1, "\"configure\" across the "
		    "break (%s)", f ? "every line" : "first pass")) {
			m = search_match(s, 0);
			OK(m->line == 0 && m->col == 15 && m->end_line == 1 &&
			    m->end_col == 6, "from (0, 15) to (1, 6): %u %u %u %u",
			    m->line, m->col, m->end_line, m->end_col);
		}
		search_free(s);
	}
	layout_free(lay);
	lay = layout_build(d, 20, LAYOUT_CHOP);
	{
		struct search *s = search_new(lay, "usr");

		if (INT_EQ(search_count(s), 1, "with LAYOUT_CHOP, found past "
		    "the edge"))
			INT_EQ(search_match(s, 0)->col, 2 + 33, "at its column");
		search_free(s);
	}
	layout_free(lay);
	doc_free(d);
}

static void
test_wrap(void)
{
	const char *md = "alpha beta gamma delta";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 11, 0);
	struct search *s = search_new(lay, "beta   gamma");
	const struct search_match *m;
	struct search_cols c[4];

	INT_EQ(lay->nlines, 2, "two lines at width 11");
	if (INT_EQ(search_count(s), 1, "\"beta gamma\" across the wrap")) {
		m = search_match(s, 0);
		OK(m->line == 0 && m->col == 6 && m->end_line == 1 &&
		    m->end_col == 5, "from (0, 6) to (1, 5)");
		INT_EQ(search_on_line(s, 0, c, 4), 1, "on line 0");
		OK(c[0].col == 6 && c[0].end == 10, "line 0: columns 6-10");
		INT_EQ(search_on_line(s, 1, c, 4), 1, "on line 1");
		OK(c[0].col == 0 && c[0].end == 5, "line 1: columns 0-5");
	}
	search_free(s);
	s = search_new(lay, "betagamma");
	INT_EQ(search_count(s), 0, "a wrap between words is a blank");
	search_free(s);
	layout_free(lay);
	doc_free(d);

	INT_EQ(count_in("abcdefghij", 4, "cdefg"), 1,
	    "a word broken across lines is still one word");
	INT_EQ(count_in("abcdefghij", 4, "cd ef"), 0,
	    "... with no blank inside");
	INT_EQ(count_in("> memory safety matters\n", 12, "memory safety"), 1,
	    "across a wrap under quote bars");
	INT_EQ(count_in("- one two three four five\n", 10, "three four"), 1,
	    "across a wrap in a list item");
	INT_EQ(count_in("line one  \nline two\n", 80, "one line"), 1,
	    "across a hard break");
	INT_EQ(count_in("```\nfoo bar\nbaz\n```\n", 80, "foo bar"), 1,
	    "inside a code block");
	INT_EQ(count_in("```\nfoo bar\nbaz\n```\n", 80, "bar baz"), 0,
	    "not across code lines");
	test_code_wrap();
}

static void
test_table_cell(void)
{
	const char *md = "| Feature | Go |\n|---|---|\n"
	    "| Memory | Garbage-collected with automatic memory management |\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 30, 0);
	struct search *s = search_new(lay, "automatic memory management");
	const struct search_match *m;
	struct search_cols c[4];
	char *t;

	if (INT_EQ(search_count(s), 1, "a phrase wrapped inside a cell")) {
		m = search_match(s, 0);
		OK(m->end_line > m->line, "spans lines");
		t = line_cols(lay, m->line, m->col, 99);
		OK(strncmp(t, "automatic", 9) == 0, "starts at \"automatic\"");
		free(t);
		INT_EQ(search_on_line(s, m->end_line, c, 4), 1,
		    "on the last line");
		t = line_cols(lay, m->end_line, c[0].col, c[0].end);
		STR_EQ(t, "management", "the last line's part is the word only");
		free(t);
	}
	search_free(s);
	s = search_new(lay, "memory");
	INT_EQ(search_count(s), 2, "\"memory\" in both cells");
	search_free(s);
	layout_free(lay);
	doc_free(d);

	md = "| a | b |\n|---|---|\n"
	    "| x | supercalifragilisticexpialidocious |\n";
	INT_EQ(count_in(md, 30, "supercalifragilisticexpialidocious"), 1,
	    "a long word broken inside a cell");
	INT_EQ(count_in("| h |\n|---|\n| x |\n", 4, "hx"), 0,
	    "cards: a header and its cell are two words");
	INT_EQ(count_in("| h |\n|---|\n| x |\n", 4, "h x"), 1,
	    "... found as such");
}

/* Count QUERY in TEXT, ignoring ASCII case, as a reader would. */
static size_t
naive_count(const char *text, const char *query)
{
	size_t n = 0;
	const char *p = text;

	while ((p = strcasestr(p, query)) != NULL) {
		n++;
		p += strlen(query);
	}
	return n;
}

/* Check every match of S reads QUERY, ignoring ASCII case. */
static int
matches_read(const struct layout *lay, const struct search *s,
    const char *query)
{
	size_t i;
	int ok = 1;
	char *t;

	for (i = 0; i < search_count(s); i++) {
		const struct search_match *m = search_match(s, i);

		if (m->end_line != m->line)
			continue;
		t = line_cols(lay, m->line, m->col, m->end_col);
		if (strcasecmp(t, query) != 0)
			ok = 0;
		free(t);
	}
	return ok;
}

static void
test_article(const char *path)
{
	enum doc_error err;
	struct doc *d = doc_load_file(path, 0, &err);
	struct layout *lay;
	struct search *s;
	char *dump = NULL, *t;
	size_t dlen = 0, i, in_table = 0;
	FILE *f;

	if (!OK(d != NULL, "article loads"))
		return;
	lay = layout_build(d, 80, 0);
	f = open_memstream(&dump, &dlen);
	dump_layout(lay, f);
	fclose(f);
	s = search_new(lay, "goroutine");
	INT_EQ(search_count(s), naive_count(dump, "goroutine"),
	    "\"goroutine\": as many matches as in the --dump text");
	OK(search_count(s) >= 5, "\"goroutine\" found often (%zu)",
	    search_count(s));
	OK(matches_read(lay, s, "goroutine"), "each match's columns read it");
	search_free(s);
	s = search_new(lay, "rust");
	INT_EQ(search_count(s), naive_count(dump, "rust"),
	    "\"rust\": as many matches as in the --dump text");
	OK(matches_read(lay, s, "rust"), "each match's columns read it");
	search_free(s);
	s = search_new(lay, "Tokio");
	for (i = 0; i < search_count(s); i++) {
		t = t_line_text(lay, search_match(s, i)->line);
		in_table += strncmp(t, "\xe2\x94\x82", 3) == 0;
		free(t);
	}
	OK(in_table == 1, "\"Tokio\" found in the comparison table");
	search_free(s);
	s = search_new(lay, "with optional runtime");
	in_table = 0;
	for (i = 0; i < search_count(s); i++) {
		const struct search_match *m = search_match(s, i);

		t = t_line_text(lay, m->line);
		in_table += strncmp(t, "\xe2\x94\x82", 3) == 0 &&
		    m->end_line > m->line;
		free(t);
	}
	OK(in_table == 1, "a phrase wrapped in a table cell");
	search_free(s);
	free(dump);
	layout_free(lay);
	doc_free(d);
}

/* Whether the two searches found the same matches; the first
 * difference is described in WHY. */
static int
same_matches(const struct search *a, const struct search *b, char *why,
    size_t whylen)
{
	size_t i, n = search_count(a);

	if (n != search_count(b)) {
		snprintf(why, whylen, "%zu matches, not %zu", n,
		    search_count(b));
		return 0;
	}
	for (i = 0; i < n; i++) {
		const struct search_match *x = search_match(a, i),
		    *y = search_match(b, i);

		if (memcmp(x, y, sizeof(*x)) != 0) {
			snprintf(why, whylen, "match %zu at %u:%u-%u:%u, not "
			    "%u:%u-%u:%u", i, x->line, x->col, x->end_line,
			    x->end_col, y->line, y->col, y->end_line, y->end_col);
			return 0;
		}
	}
	return 1;
}

/*
 * The first pass over the document's text finds what folding every line
 * finds: every word of MD and its pieces, in lower and upper case, at
 * several widths, with and without numbered headings.
 */
static void
test_first_pass(const char *name, const char *md, size_t len)
{
	static const int widths[] = { 12, 33, 80 };
	struct doc *d = doc_load_buffer(md, len);
	struct buf q = { 0 };
	char why[256] = "";
	size_t i, j, w, f, queries = 0, wrong = 0;
	const char *t = d->text;

	for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
		for (f = 0; f < 1 + (w == 1); f++) {
			struct layout *lay = layout_build(d, widths[w],
			    f ? LAYOUT_NUMBERS : 0);

			for (i = 0; i < d->text_len; i = j + 1) {
				for (j = i; j < d->text_len && t[j] != ' ' &&
				    t[j] != '\n'; j++)
					;
				if (j == i || j - i > 40 ||
				    (d->text_len > 8000 &&
				    (i * 7919) % (d->text_len / 1500) != 0))
					continue;
				q.len = 0;
				/* the word; its middle; two words together */
				buf_put(&q, t + i, j - i);
				buf_putc(&q, '\0');
				for (int v = 0; v < 3; v++) {
					const char *query = q.data;
					char piece[48];
					struct search *a, *b;

					if (v == 1) {
						size_t l = (j - i) / 2 + 1;

						memcpy(piece, t + i + (j - i) / 4, l);
						piece[l] = '\0';
						query = piece;
					} else if (v == 2) {
						snprintf(piece, sizeof(piece), "%s",
						    q.data);
						for (char *c = piece; *c; c++)
							if (*c >= 'a' && *c <= 'z')
								*c -= 32;
						query = piece;
					}
					a = search_new(lay, query);
					b = search_new_opts(lay, query,
					    SEARCH_EVERY_LINE);
					queries++;
					if (!same_matches(a, b, why + 0, 0) &&
					    wrong++ == 0) {
						char m[120];

						same_matches(a, b, m, sizeof(m));
						snprintf(why, sizeof(why), ": \"%.30s\" "
						    "at width %d: %.120s", query,
						    widths[w], m);
					}
					search_free(a);
					search_free(b);
				}
			}
			layout_free(lay);
		}
	OK(queries > 50 && wrong == 0, "%s: %zu of %zu queries find other "
	    "matches than folding every line does%s", name, wrong, queries,
	    why);
	buf_free(&q);
	doc_free(d);
}

static void
test_navigation(void)
{
	const char *md = "foo\n\nbar\n\nfoo foo\n\nbar\n\nfoo";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 80, 0);
	struct search *s = search_new(lay, "foo");
	int wrapped = -1;
	size_t i;

	/* lines: 0 foo, 2 bar, 4 foo foo, 6 bar, 8 foo */
	INT_EQ(search_count(s), 4, "four matches");
	i = search_first_at_or_after(s, 1, &wrapped);
	OK(i == 1 && wrapped == 0, "n from line 1: the first on line 4");
	OK(search_match(s, 2)->line == 4 && search_match(s, 2)->col == 4,
	    "the second match on line 4 is next, at column 4");
	i = search_first_at_or_after(s, 9, &wrapped);
	OK(i == 0 && wrapped == 1, "n past the last match wraps to the first");
	i = search_last_before(s, 8, &wrapped);
	OK(i == 2 && wrapped == 0, "N from line 8: the last on line 4");
	i = search_last_before(s, 0, &wrapped);
	OK(i == 3 && wrapped == 1, "N before the first wraps to the last");
	OK(search_first_at_or_after(s, 0, NULL) == 0, "WRAPPED may be NULL");
	search_free(s);
	s = search_new(lay, "zzz");
	OK(search_first_at_or_after(s, 0, &wrapped) == SEARCH_NONE &&
	    search_last_before(s, 0, &wrapped) == SEARCH_NONE,
	    "no matches: SEARCH_NONE");
	INT_EQ(search_on_line(s, 0, NULL, 0), 0, "nothing on a line");
	search_free(s);
	layout_free(lay);
	doc_free(d);
}

static void
test_print(void)
{
	const char *md = "# Title\n\nfoo here\n\n## Part: one\n\nsome foo\n"
	    "and foo again\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 80, 0);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	char err[192];
	int n = search_print(d, lay, "foo", f, err, sizeof(err));

	fclose(f);
	STR_EQ(err, "", "no error");
	INT_EQ(n, 3, "three matches");
	STR_EQ(out, "Title:4: foo here\n1 Part: one:9: some foo and foo again\n",
	    "one line per matching line: section, line number, text");
	free(out);
	layout_free(lay);
	doc_free(d);
}

int
main(int argc, char **argv)
{
	test_smart_case();
	test_columns();
	test_wrap();
	test_table_cell();
	if (argc > 1)
		test_article(argv[1]);
	for (int i = 1; i < argc; i++) {
		size_t n;
		char *md = t_slurp(argv[i], &n);

		if (!OK(md != NULL, "read %s", argv[i]))
			continue;
		test_first_pass(argv[i], md, n);
		free(md);
	}
	{
		static const char odd[] = "# Kelvin\n\n\xE2\x84\xAA" "elvin is "
		    "kelvin and \xC4\xB0stanbul is istanbul\n\n| a | b |\n"
		    "|---|---|\n| link | kink kelvin |\n";

		test_first_pass("KELVIN SIGN and dotted I", odd, sizeof(odd) - 1);
	}
	test_navigation();
	test_print();
	return t_done();
}
