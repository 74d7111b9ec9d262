/*
 * Tests of the documentation thesaurus (src/search/related_words.txt,
 * compiled by related_gen.py, used by related.c): its table is folded
 * and sorted as the search needs, and in quick answers its words and
 * phrases find the document's, as phrases, below the reader's own.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "quire/faq.h"
#include "related.h"
#include "words.h"

/* Every member is folded as a query's words are, in the table's order. */
static void
test_table(void)
{
	size_t i, bad = 0, unsorted = 0, groups = 0;
	struct words it;
	struct buf f = { 0 };
	const char *m;

	OK(related_nmembers > 1000 && related_ngroups > 300,
	    "%zu members in %zu groups", related_nmembers, related_ngroups);
	for (i = 0; i < related_nmembers; i++) {
		m = related_member[i];
		f.len = 0;
		words_init(&it, m, strlen(m));
		while (words_next(&it)) {
			if (f.len > 0)
				buf_putc(&f, ' ');
			buf_put(&f, it.w.data, it.w.len);
		}
		words_free(&it);
		if (f.len != strlen(m) || memcmp(f.data, m, f.len) != 0) {
			if (bad++ == 0)
				printf("# not folded: \"%s\"\n", m);
		}
		if (i > 0 && strcmp(related_member[related_sorted[i - 1]],
		    related_member[related_sorted[i]]) > 0)
			unsorted++;
	}
	for (i = 0; i < related_ngroups; i++)
		groups += related_group_first[i + 1] - related_group_first[i] >= 2;
	buf_free(&f);
	INT_EQ(bad, 0, "every member folded as words.c folds a query");
	INT_EQ(unsorted, 0, "the sorted index is in byte order");
	INT_EQ(groups, related_ngroups, "every group has two members or more");
	INT_EQ(related_group_first[related_ngroups], related_nmembers,
	    "the groups cover the members");
}

/* The FAQ question of MD that QUERY ranks first, or -1. */
static long
first(const char *md, const char *query)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[8];
	long r = faq_query(ix, query, h, 8) > 0 ? (long)h[0].faq : -1;

	faq_index_free(ix);
	doc_free(d);
	return r;
}

static void
test_ranking(void)
{
	static const char md[] =
	    "# Editor\n\n## FAQ\n\n"
	    "### How do I change the color scheme?\n\n"
	    "Use the colors command.\n\n"
	    "### Where do my settings live?\n\n"
	    "In the configuration file in your home directory.\n\n"
	    "### Can I pick a theme for the status line?\n\n"
	    "Yes.\n\n"
	    "### Which scheme does each type use?\n\n"
	    "A color is given to each file by its type.\n";
	static const char plain[] =
	    "# Editor\n\n## FAQ\n\n"
	    "### How do I change the color scheme?\n\n"
	    "Use the colors command.\n\n"
	    "### How do I quit?\n\n"
	    "Press q.\n";
	static const char words[] =
	    "# Editor\n\n## FAQ\n\n"
	    "### Which scheme do files use?\n\n"
	    "A color is given to each file by its type.\n\n"
	    "### How do I quit?\n\n"
	    "Press q; the file is saved.\n\n"
	    "### Can I pick a theme?\n\n"
	    "Yes.\n";

	INT_EQ(first(plain, "switch theme"), 0,
	    "a word finds a phrase of its group (theme: color scheme)");
	INT_EQ(first(md, "theme"), 2, "the reader's own word before it");
	INT_EQ(first(md, "dotfile"), 1,
	    "a word finds a phrase of its group (configuration file)");
	INT_EQ(first(md, "where is my rc file"), 1,
	    "a query's phrase finds its group's phrase");
	INT_EQ(first(words, "skin"), 2,
	    "a word finds a word of its group (skin: theme) ...");
	INT_EQ(first(words, "palette"), 2, "... and not the words of a phrase "
	    "of its group apart (color scheme)");
}

/* The words of TEXT that QUERY highlights, over MD's index, joined by
 * "|". */
static const char *
shown(const char *md, const char *query, const char *text)
{
	static char out[256];
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct faq_index *ix = faq_index_new(d);
	struct faq_range r[8];
	size_t n = faq_word_matches(ix, query, text, strlen(text), r, 8), i;

	out[0] = '\0';
	for (i = 0; i < n && i < 8; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%.*s",
		    i ? "|" : "", (int)r[i].len, text + r[i].off);
	faq_index_free(ix);
	doc_free(d);
	return out;
}

/* How many words of TEXT QUERY highlights over MD's index, none
 * stored. */
static size_t
counted(const char *md, const char *query, const char *text)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct faq_index *ix = faq_index_new(d);
	struct faq_range r[1];
	size_t n = faq_word_matches(ix, query, text, strlen(text), r, 0);

	faq_index_free(ix);
	doc_free(d);
	return n;
}

static void
test_highlight(void)
{
	static const char md[] =
	    "# Editor\n\n## FAQ\n\n"
	    "### How do I change the color scheme?\n\n"
	    "Use the colors command.\n\n"
	    "### Can I pick a theme?\n\nYes.\n";

	STR_EQ(shown(md, "switch theme", "How do I change the color scheme?"),
	    "color|scheme", "a related phrase is highlighted, its words");
	STR_EQ(shown(md, "theme", "A color for the scheme."), "",
	    "... not its words apart");
	STR_EQ(shown(md, "scheme theme", "Pick a color scheme or a theme."),
	    "color|scheme|theme", "... in order, each word once");
	INT_EQ(counted(md, "switch theme", "How do I change the color "
	    "scheme?"), 2, "counted with no room to store them");
}

int
main(void)
{
	test_table();
	test_ranking();
	test_highlight();
	return t_done();
}
