/*
 * Tests of the acronyms a document spells out (src/search/acronym.c):
 * the three ways a text defines one, prose whose capitals define nothing
 * ("I/O", "API (the word)", "the US"), and what they do to quick answers
 * (an acronym finds its words, the words the acronym).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "quire/faq.h"
#include "quire/util.h"
#include "acronym.h"

/* The expansion TEXT gives acronym ACR (folded), or "" for none. */
static const char *
expansion(const char *text, const char *acr)
{
	static struct acronym a[ACRONYMS_MAX];
	size_t n = acronyms_find(text, strlen(text), a, ACRONYMS_MAX), i;

	for (i = 0; i < n; i++)
		if (strcmp(a[i].acr, acr) == 0)
			return a[i].exp;
	return "";
}

/* How many acronyms TEXT defines. */
static size_t
count(const char *text)
{
	struct acronym a[ACRONYMS_MAX];

	return acronyms_find(text, strlen(text), a, ACRONYMS_MAX);
}

/* A text that ends with a word of one letter, held in exactly its
 * bytes (for the address sanitizer to see): no byte past it is read. */
static void
test_text_end(void)
{
	const char *text = "The Technical Steering Committee, or TSC, has a "
	    "vote.  So do I";
	size_t len = strlen(text);
	struct acronym a[ACRONYMS_MAX];
	char *copy = xmalloc(len);

	memcpy(copy, text, len);
	OK(acronyms_find(copy, len, a, ACRONYMS_MAX) == 1 &&
	    strcmp(a[0].exp, "technical steering committee") == 0,
	    "a text ending in a one-letter word, not NUL-terminated");
	free(copy);
}

static void
test_defined(void)
{
	STR_EQ(expansion("Each release line gets Long Term Support (LTS) for "
	    "thirty months.", "lts"), "long term support",
	    "words, then the acronym in parentheses");
	STR_EQ(expansion("An LTS (Long Term Support) line is maintained.",
	    "lts"), "long term support", "the acronym, then its words");
	STR_EQ(expansion("The Technical Steering Committee meets weekly.\n\n"
	    "Ask the TSC before a change of policy.", "tsc"),
	    "technical steering committee",
	    "capitalised words elsewhere whose initials are its letters");
	STR_EQ(expansion("See the Request for Comments (RFC) process.",
	    "rfc"), "request for comments", "a small word gives a letter");
	STR_EQ(expansion("The Node.js Code of Conduct applies; the NCC says "
	    "so.", "ncc"), "", "a run broken by a full stop spells nothing");
	STR_EQ(expansion("Builds run under continuous integration (CI).",
	    "ci"), "continuous integration", "lower-case words before it");
	STR_EQ(expansion("The Department of Defense (DOD) wrote it.", "dod"),
	    "department of defense", "a small word in the middle, a letter");
	STR_EQ(expansion("The Free Software Foundation publishes it.  Ask "
	    "the FSF.  The FSF (Free Software Foundation) agrees.", "fsf"),
	    "free software foundation", "defined twice: once");
	STR_EQ(expansion("Release Candidate builds.  An RC is not final.",
	    "rc"), "", "two letters need parentheses");
}

static void
test_nonsense(void)
{
	OK(count("Disk I/O is slow; the I/O scheduler (IO) waits.") == 0,
	    "I/O defines nothing");
	OK(count("Call the API (the word is used loosely here).") == 0,
	    "API (the word ...) is no expansion");
	OK(count("Most users in the US use it; the US Standard applies.  "
	    "Users Stay.") == 0, "US in prose defines nothing");
	OK(count("NOTE: Never Open That door.  WARNING (read this).") == 0,
	    "capitals of a warning and a parenthesis define nothing");
	OK(count("The Technical Steering Committee meets.  tsc is a "
	    "command.") == 0, "a lower-case word is no acronym");
	OK(count("The TSC meets; Technical Writing Committee members "
	    "attend.") == 0, "initials that differ");
	STR_EQ(expansion("The Big Red Dog.  BRD (Big Red Dog) again.", "brd"),
	    "big red dog", "a defined one is still found");
}

/* The question MD's FAQ ranks first for QUERY, or -1; the number of
 * questions found in *N. */
static long
ranked(const char *md, const char *query, size_t *n)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[8];
	long r;

	*n = faq_query(ix, query, h, 8);
	r = *n > 0 ? (long)h[0].faq : -1;
	faq_index_free(ix);
	doc_free(d);
	return r;
}

/* Whether MD's FAQ question E is among those QUERY finds. */
static int
found(const char *md, const char *query, uint32_t e)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[8];
	size_t n = faq_query(ix, query, h, 8), i;

	for (i = 0; i < n && h[i].faq != e; i++)
		continue;
	faq_index_free(ix);
	doc_free(d);
	return i < n;
}

/* The question MD's FAQ ranks first for QUERY, or -1. */
static long
first(const char *md, const char *query)
{
	size_t n;

	return ranked(md, query, &n);
}

static void
test_ranking(void)
{
	static const char md[] =
	    "# Project\n\n"
	    "Each even release line gets Long Term Support (LTS).  The "
	    "Technical Steering Committee decides on policy.\n\n"
	    "## FAQ\n\n"
	    "### Where do I ask?\n\n"
	    "Ask the TSC in the tracker.\n\n"
	    "### Which line should I run?\n\n"
	    "Run an LTS line.\n\n"
	    "### How do I build it?\n\n"
	    "Run make in the top directory, then the tests.\n\n"
	    "### Who votes on a change of policy?\n\n"
	    "The Technical Steering Committee.\n";
	size_t n;

	INT_EQ(ranked(md, "tsc", &n), 0, "the acronym itself first");
	OK(found(md, "tsc", 3), "... and the words it stands for");
	INT_EQ(ranked(md, "technical steering committee", &n), 3,
	    "the words spelled out first");
	OK(found(md, "technical steering committee", 0), "... and the acronym");
	INT_EQ(first(md, "long term support"), 1,
	    "words spelled out before the acronym in parentheses");
	INT_EQ(first(md, "support"), -1,
	    "one word of them finds nothing: the phrase does");
}

int
main(void)
{
	test_defined();
	test_nonsense();
	test_ranking();
	test_text_end();
	return t_done();
}
