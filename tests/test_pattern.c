/*
 * Regular expressions in the full-text search (SEARCH_REGEX): anchors
 * at a text's start and end (a paragraph, a code line, a table cell),
 * classes, alternation, a match across a wrapped line and its columns,
 * smart case, queries without a metacharacter searched as text, bad
 * patterns, empty matches, and patterns that would backtrack for ever.
 */
#include <stdlib.h>
#include <time.h>

#include "harness.h"
#include "quire/layout.h"
#include "quire/search.h"

/* Lay out MD at WIDTH and count the matches of pattern Q. */
static size_t
count_re(const char *md, int width, const char *q)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, width, 0);
	struct search *s = search_new_opts(lay, q, SEARCH_REGEX);
	size_t n = search_count(s);

	OK(search_error(s) == NULL, "%s: no error", q);
	search_free(s);
	layout_free(lay);
	doc_free(d);
	return n;
}

static void
test_anchors(void)
{
	const char *md = "Rust is first. Then rust\n\nGo, then Rust\n\n"
	    "```\n  rust indented\nrust\n```\n\n| Rust | Go |\n|---|---|\n"
	    "| go | rust x |\n";

	INT_EQ(count_re(md, 80, "^Rust"), 2, "^: a paragraph's start, a cell's");
	INT_EQ(count_re(md, 80, "Rust$"), 2, "$: a paragraph's end, a cell's");
	INT_EQ(count_re(md, 80, "^rust"), 5, "lower case: case ignored; a code "
	    "line's leading blanks dropped");
	INT_EQ(count_re(md, 80, "rust$"), 4, "rust$: two paragraphs, a code "
	    "line, a cell");
	INT_EQ(count_re(md, 80, "^go$"), 2, "^go$: two cells");
	/* wrapped at 12 columns: "Rust is", "first. Then", "rust" */
	md = "Rust is first. Then rust\n";
	INT_EQ(count_re(md, 12, "^first"), 0, "^ is not a wrapped line's start");
	INT_EQ(count_re(md, 12, "is$"), 0, "$ is not a wrapped line's end");
	INT_EQ(count_re(md, 12, "^first|is$|Then$"), 0, "nor both");
	INT_EQ(count_re(md, 12, "^Rust"), 1, "^ is the paragraph's start");
	INT_EQ(count_re(md, 12, "Then rust$"), 1, "$ its end, past a wrap");
}

static void
test_syntax(void)
{
	const char *md = "In 2024 Go 1.22 and Rust 1.75 shipped; rust, go.\n\n"
	    "A colour, a color, a colouur.\n";

	INT_EQ(count_re(md, 80, "[0-9]+"), 5, "a class, repeated");
	INT_EQ(count_re(md, 80, "\\d+\\.\\d+"), 2, "escapes: \\d and \\.");
	INT_EQ(count_re(md, 80, "rust|go"), 4, "alternation, any case");
	INT_EQ(count_re(md, 80, "colou?r"), 2, "an optional letter");
	INT_EQ(count_re(md, 80, "colo(u|uu)r"), 2, "a group");
	INT_EQ(count_re(md, 80, "\\bgo\\b"), 2, "word boundaries");
	INT_EQ(count_re(md, 80, "\\Qgo.\\E"), 1, "\\Q...\\E: literal text");
	INT_EQ(count_re(md, 80, "go\\."), 1, "an escaped dot");
}

static void
test_wrap_columns(void)
{
	const char *md = "The runtime schedules thousands of goroutines.\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 24, 0);
	struct search *s = search_new_opts(lay, "sched\\w+ +thou", SEARCH_REGEX);
	const struct search_match *m;

	/* "The runtime schedules" / "thousands of goroutines." */
	if (INT_EQ(search_count(s), 1, "a match across a wrapped line")) {
		m = search_match(s, 0);
		OK(m->line == 0 && m->col == 12 && m->end_line == 1 &&
		    m->end_col == 4, "from 0:12 to 1:4 (%u:%u to %u:%u)",
		    m->line, m->col, m->end_line, m->end_col);
	}
	search_free(s);
	s = search_new_opts(lay, "\\br\\w+e", SEARCH_REGEX);
	if (INT_EQ(search_count(s), 1, "\\br\\w+e: runtime")) {
		m = search_match(s, 0);
		OK(m->line == 0 && m->col == 4 && m->end_col == 11,
		    "columns 4-11 (%u-%u)", m->col, m->end_col);
	}
	search_free(s);
	s = search_new_opts(lay, "\\sof", SEARCH_REGEX);
	if (INT_EQ(search_count(s), 1, "a match starting with a blank")) {
		m = search_match(s, 0);
		OK(m->line == 1 && m->col == 9 && m->end_col == 12,
		    "columns 9-12 (%u-%u)", m->col, m->end_col);
	}
	search_free(s);
	layout_free(lay);
	doc_free(d);
}

static void
test_case(void)
{
	/* "Rust rust RUST. École école" */
	const char *md = "Rust rust RUST. \xc3\x89" "cole \xc3\xa9" "cole\n";

	INT_EQ(count_re(md, 80, "r.st"), 3, "lower case: any case");
	INT_EQ(count_re(md, 80, "R.st"), 1, "an uppercase letter: case counts");
	INT_EQ(count_re(md, 80, "\\Sust"), 3, "\\S is no uppercase letter");
	INT_EQ(count_re(md, 80, "\\bRUST\\W"), 1, "\\W neither, RUST counts");
	INT_EQ(count_re(md, 80, "\xc3\xa9" "c.le"), 2, "\xc3\xa9: \xc3\x89 too");
	INT_EQ(count_re(md, 80, "\xc3\x89" "c.le"), 1, "\xc3\x89: itself only");
	INT_EQ(count_re(md, 80, "(?i)R.ST"), 3, "(?i) asks for any case");
}

/* A query without a metacharacter finds what it found as text. */
static void
test_literal(const char *path)
{
	static const char *const q[] = { "goroutine", "rust", "Rust",
	    "memory safety", "  garbage   collector ", "caf\xc3\xa9" };
	size_t len, i, k;
	char *md = t_slurp(path, &len);
	struct doc *d;
	struct layout *lay;
	struct search *a, *b;
	int same;

	if (!OK(md != NULL, "read %s", path))
		return;
	d = doc_load_buffer(md, len);
	lay = layout_build(d, 80, 0);
	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		a = search_new(lay, q[i]);
		b = search_new_opts(lay, q[i], SEARCH_REGEX);
		same = search_count(a) == search_count(b);
		for (k = 0; same && k < search_count(a); k++)
			same = !memcmp(search_match(a, k), search_match(b, k),
			    sizeof(struct search_match));
		OK(same, "'%s' as text: the same %zu matches", q[i],
		    search_count(a));
		search_free(a);
		search_free(b);
	}
	layout_free(lay);
	doc_free(d);
	free(md);
}

static void
test_errors(void)
{
	static const char *const bad[] = { "a(", "[", "*a", "a{2,1}", "(?<",
	    "\\C" };
	const char *md = "a( [ *a\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_build(d, 80, 0);
	struct search *s;
	const char *e;
	char *big;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		s = search_new_opts(lay, bad[i], SEARCH_REGEX);
		e = search_error(s);
		OK(e != NULL && strncmp(e, "bad pattern: ", 13) == 0 &&
		    search_count(s) == 0, "'%s': %s", bad[i], e ? e : "no error");
		search_free(s);
	}
	s = search_new_opts(lay, "a(", SEARCH_REGEX);
	e = search_error(s);
	OK(e && strstr(e, "missing closing parenthesis") &&
	    strstr(e, "at character 3"), "the problem and where: %s", e);
	search_free(s);
	s = search_new(lay, "a(");
	OK(search_count(s) == 1 && search_error(s) == NULL,
	    "without SEARCH_REGEX, a( is text");
	search_free(s);
	big = xmalloc(2001);
	memset(big, 'a', 2000);
	big[0] = '(';
	big[1999] = ')';
	big[2000] = '\0';
	s = search_new_opts(lay, big, SEARCH_REGEX);
	e = search_error(s);
	OK(e && strstr(e, "longer than"), "a 2000-byte pattern: %s", e);
	search_free(s);
	free(big);
	layout_free(lay);
	doc_free(d);
}

static void
test_empty(void)
{
	const char *md = "axxb x y\n\n```\nxx\n```\n";

	INT_EQ(count_re(md, 80, "x*"), 3, "x*: the non-empty matches only");
	INT_EQ(count_re(md, 80, "^"), 0, "^ alone: nothing, and it ends");
	INT_EQ(count_re(md, 80, "(?=x)"), 0, "a lookahead alone: nothing");
	INT_EQ(count_re(md, 80, "a\\K"), 0, "\\K at the end: nothing");
	INT_EQ(count_re(md, 80, "x?"), 5, "x?: each x");
}

static void
test_hostile(void)
{
	struct buf md = { 0 };
	struct doc *d;
	struct layout *lay;
	struct search *s;
	struct timespec t0, t1;
	double secs;
	const char *e;
	int i;

	for (i = 0; i < 200; i++) /* paragraphs of 40 a and a ! */
		buf_puts(&md, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n\n");
	buf_puts(&md, "aab\n");
	d = doc_load_buffer(md.data, md.len);
	lay = layout_build(d, 80, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	s = search_new_opts(lay, "(a+)+$", SEARCH_REGEX);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	e = search_error(s);
	OK(e != NULL && strstr(e, "too complex"), "(a+)+$: stopped: %s",
	    e ? e : "no error");
	OK(secs < 2, "within 2 s (%.3f s)", secs);
	search_free(s);
	s = search_new_opts(lay, "(a|aa)+b", SEARCH_REGEX);
	OK(search_count(s) == 1 || search_error(s) != NULL,
	    "(a|aa)+b: found, or stopped with a note");
	search_free(s);
	layout_free(lay);
	doc_free(d);
	buf_free(&md);
}

int
main(int argc, char **argv)
{
	test_anchors();
	test_syntax();
	test_wrap_columns();
	test_case();
	if (argc > 1)
		test_literal(argv[1]);
	test_errors();
	test_empty();
	test_hostile();
	return t_done();
}
