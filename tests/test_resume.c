/*
 * The search that looks only as far as it is asked (search_begin): on
 * real documents (the GFM spec text, a book written by bench/book.py,
 * quire's README), over a layout built lazily, the first match from a
 * line, n and N from it before the count is done, and the count in
 * slices of several sizes all give what a one-shot search over the
 * whole layout gives, match for match, and the index of the current
 * match is moved along as the matches before it are found.
 */
#include <stdlib.h>

#include "harness.h"
#include "quire/layout.h"
#include "quire/search.h"

/* What a document is searched for: words common and rare, with a capital
 * (case-sensitive), a phrase (folded run by run), patterns, nothing. */
static const char *const queries[] = {
	"the", "example", "ownership", "borrow", "Markdown", "The",
	"list item", "code block", "\\bown\\w*", "^[0-9]+\\.", "li.k",
	"zyzzyva",
};

static size_t seeks; /* searches that ran out of time and went on */

/* Whether matches A and B are the same. */
static int
same(const struct search_match *a, const struct search_match *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

/* Whether S has found, all told, the matches of O, in order. */
static int
same_all(const struct search *s, const struct search *o, char *why,
    size_t len)
{
	size_t i;

	if (search_count(s) != search_count(o)) {
		snprintf(why, len, "%zu matches, not %zu", search_count(s),
		    search_count(o));
		return 0;
	}
	for (i = 0; i < search_count(o); i++)
		if (!same(search_match(s, i), search_match(o, i))) {
			snprintf(why, len, "match %zu differs", i);
			return 0;
		}
	return 1;
}

/* The index in O of S's match I (SEARCH_NONE stays). */
static size_t
in_one_shot(const struct search *s, size_t i, const struct search *o)
{
	size_t k;

	if (i == SEARCH_NONE)
		return SEARCH_NONE;
	for (k = 0; k < search_count(o); k++)
		if (same(search_match(s, i), search_match(o, k)))
			return k;
	return SEARCH_NONE - 1; /* not a match of the one-shot search */
}

/* The one-shot search's match after (DIR > 0) or before match I. */
static size_t
next_of(const struct search *o, size_t i, int dir)
{
	size_t n = search_count(o);

	return dir > 0 ? (i + 1) % n : (i + n - 1) % n;
}

/*
 * QUERY in D at WIDTH, from line AT: the first match forward and
 * backward, a few n and N interleaved with slices of SLICE runs, then
 * the rest counted; each against the one-shot search O.  Return 0, or
 * 1 with what went wrong in WHY.
 */
static int
check(const struct doc *d, int width, const char *query, size_t at,
    size_t slice, const struct search *o, char *why, size_t len)
{
	struct layout *lay = layout_start(d, width, 0);
	struct search *s = search_begin(lay, query, SEARCH_REGEX);
	size_t m, want, k, cur;
	int w, ow, dir = (at / 7) % 2 ? -1 : 1, bad = 0;

	if (slice == 7) { /* looked for a little at a time, as between keys */
		size_t line, tries = 0;
		int d;

		while ((m = search_find_for(s, at, dir, 1e-6, &w)) ==
		    SEARCH_MORE && ++tries)
			if (!search_seeking(s, &line, &d) || line != at ||
			    d != dir) {
				snprintf(why, len, "seeking something else");
				bad = 1;
				break;
			}
		seeks += tries > 0;
	} else
		m = search_find(s, at, dir, &w);
	want = dir > 0 ? search_first_at_or_after(o, at, &ow) :
	    search_last_before(o, at, &ow);
	if (in_one_shot(s, m, o) != want || (m != SEARCH_NONE && w != ow)) {
		snprintf(why, len, "first match %s line %zu: %zu, not %zu",
		    dir > 0 ? "from" : "before", at, in_one_shot(s, m, o), want);
		bad = 1;
	}
	cur = m;
	for (k = 0; !bad && cur != SEARCH_NONE && k < 12; k++) {
		dir = k % 5 == 4 ? -1 : 1;
		want = in_one_shot(s, cur, o);
		if (k % 3 == 1) { /* a slice of the count between keys */
			search_more_runs(s, slice, &cur);
			if (in_one_shot(s, cur, o) != want) {
				snprintf(why, len, "a slice lost the current "
				    "match");
				bad = 1;
			}
		}
		want = next_of(o, want, dir);
		cur = search_step(s, cur, dir, NULL);
		if (!bad && in_one_shot(s, cur, o) != want) {
			snprintf(why, len, "step %zu (%s): match %zu, not %zu", k,
			    dir > 0 ? "n" : "N", in_one_shot(s, cur, o), want);
			bad = 1;
		}
	}
	want = in_one_shot(s, cur, o);
	while (!bad && search_more_runs(s, slice, &cur))
		;
	if (!bad && (!search_done(s) || !same_all(s, o, why, len)))
		bad = 1;
	if (!bad && cur != want && !(cur == SEARCH_NONE && want == cur)) {
		snprintf(why, len, "the current match became %zu, not %zu",
		    cur, want);
		bad = 1;
	}
	if (!bad && search_count(o) > 0 &&
	    !search_index_known(s, search_count(o) - 1)) {
		snprintf(why, len, "an index is not known when all is found");
		bad = 1;
	}
	search_free(s);
	layout_free(lay);
	return bad;
}

/* Every query in the document at PATH, from lines across it, with
 * slices of 1, 7 and 500 runs. */
static void
test_document(const char *path)
{
	static const size_t slices[] = { 1, 7, 500 };
	static const int widths[] = { 80, 33 };
	size_t len, q, a, k, cases = 0, wrong = 0;
	char *md = t_slurp(path, &len), why[160] = "", first[300] = "";
	struct doc *d;
	int w;

	if (!OK(md != NULL, "read %s", path))
		return;
	d = doc_load_buffer(md, len);
	for (w = 0; w < 2; w++) {
		struct layout *whole = layout_build(d, widths[w], 0);
		size_t n = whole->nlines;

		for (q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
			struct search *o = search_new_opts(whole, queries[q],
			    SEARCH_REGEX);

			for (a = 0; a < 5; a++)
				for (k = 0; k < 3; k++) {
					size_t at = a == 4 ? n + 10 : n * a / 4 +
					    (a * 13) % 5;

					cases++;
					if (check(d, widths[w], queries[q], at,
					    slices[k], o, why, sizeof(why)) &&
					    wrong++ == 0)
						snprintf(first, sizeof(first),
						    ": \"%s\" at width %d from line "
						    "%zu, slices of %zu: %s",
						    queries[q], widths[w], at,
						    slices[k], why);
				}
			search_free(o);
		}
		layout_free(whole);
	}
	OK(wrong == 0, "%s: %zu of %zu searches differ from one-shot "
	    "ones%s", path, wrong, cases, first);
	OK(seeks > 0, "%s: %zu searches looked for their first match a "
	    "little at a time", path, seeks);
	seeks = 0;
	doc_free(d);
	free(md);
}

/* The index of a match found from the middle is known only once the
 * lines before it are searched; the count then gives it. */
static void
test_index(void)
{
	const char *md = "foo\n\nbar\n\nfoo bar\n\nbar\n\nfoo\n\nbar foo\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct layout *lay = layout_start(d, 80, 0);
	struct search *s = search_begin(lay, "foo", 0);
	size_t m = search_find(s, 6, 1, NULL);

	OK(m != SEARCH_NONE && search_match(s, m)->line == 8,
	    "the first match from line 6 is on line 8");
	OK(!search_index_known(s, m) && !search_done(s),
	    "its index is not known yet");
	while (search_more_runs(s, 1, &m))
		;
	OK(search_done(s) && search_count(s) == 4 && m == 2 &&
	    search_index_known(s, m), "counted: match 3 of 4 (%zu of %zu)",
	    m + 1, search_count(s));
	search_free(s);
	layout_free(lay);

	lay = layout_start(d, 80, 0);
	s = search_begin(lay, "foo", 0);
	search_find(s, 6, 1, NULL);
	search_pause(s);
	OK(search_paused(s) && !search_more(s, 0, NULL),
	    "paused: no more counting");
	m = search_find(s, 0, 1, NULL);
	OK(m == 0 && search_match(s, m)->line == 0,
	    "but a match is still found where asked");
	search_free(s);
	layout_free(lay);
	doc_free(d);
}

int
main(int argc, char **argv)
{
	test_index();
	for (int i = 1; i < argc; i++)
		test_document(argv[i]);
	return t_done();
}
