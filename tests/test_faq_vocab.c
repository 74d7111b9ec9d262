/*
 * Quick answers: how a reader's word finds the document's -- the
 * documentation thesaurus by a plural's stem, or by its topic when
 * nothing else is found, its member by a shorter word of the member's
 * stem, a thesaurus phrase of common words alone ("what can it do"),
 * WordNet's related words for the parts of speech a word commonly is, a
 * common word the query repeats -- each on a small document.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "quire/faq.h"
#include "quire/util.h"

#define MAX_HITS 16

/* A FAQ document with questions Q1 and Q2 and their answers A1, A2. */
static struct doc *
faq_doc(const char *q1, const char *a1, const char *q2, const char *a2)
{
	struct buf b = { 0 };
	struct doc *d;

	buf_printf(&b, "# T\n\n## FAQ\n\n### %s\n\n%s\n\n### %s\n\n%s\n",
	    q1, a1, q2, a2);
	d = doc_load_buffer(b.data, b.len);
	buf_free(&b);
	return d;
}

/* How many words of TEXT the query Q highlights. */
static size_t
lit(const struct faq_index *ix, const char *q, const char *text)
{
	struct faq_range r[8];

	return faq_word_matches(ix, q, text, strlen(text), r, 8);
}

/* A plural whose stem is no beginning of the thesaurus's member
 * ("companies", "compani": "company") finds the member's group. */
static void
test_plural_group(void)
{
	struct doc *d = faq_doc("Which industry uses it?", "Many do.",
	    "How do I build it?", "Run make.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (INT_EQ(faq_query(ix, "companies", h, MAX_HITS), 1,
	    "companies finds one entry"))
		INT_EQ(h[0].faq, 0, "... industry, of company's group");
	if (INT_EQ(faq_query(ix, "company", h, MAX_HITS), 1,
	    "company finds it as well"))
		INT_EQ(h[0].faq, 0, "... the same");
	faq_index_free(ix);
	doc_free(d);
}

/* A member of the thesaurus is found by a shorter word of its stem in
 * the document ("tracking": "track", "tracked"). */
static void
test_member_stem(void)
{
	struct doc *d = faq_doc("Does it track me?", "No.",
	    "How do I build it?", "Run make.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (INT_EQ(faq_query(ix, "telemetry", h, MAX_HITS), 1,
	    "telemetry finds one entry"))
		INT_EQ(h[0].faq, 0, "... track, of tracking's group");
	faq_index_free(ix);
	doc_free(d);
}

/* A query of common words alone says a phrase of the thesaurus ("what
 * can it do"), and finds its group ("features"). */
static void
test_common_phrase(void)
{
	static const char md[] = "# T\n\n## Features\n\n- Fast search\n"
	    "- Tags on every note\n\n## Installation\n\n"
	    "It can be built with make, and then installed.\n";
	struct doc *d = doc_load_buffer(md, sizeof(md) - 1);
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (OK(faq_rank(ix, "what can it do", 1, h, MAX_HITS) > 0,
	    "what can it do finds answers"))
		OK(h[0].faq == DOC_NONE && h[0].section != DOC_NONE &&
		    strncmp(d->text + d->sections[h[0].section].title,
		    "Features", 8) == 0, "... the features first");
	faq_index_free(ix);
	doc_free(d);
}

/* WordNet's words for the parts of speech a word commonly is. */
static void
test_common_senses(void)
{
	struct doc *e = doc_load_buffer("", 0);
	struct faq_index *none = faq_index_new(e);

	if (access("/usr/share/wordnet/index.adj", R_OK) == 0) {
		INT_EQ(lit(none, "behind", "Sit on the buttocks."), 0,
		    "behind is seldom a noun: not buttocks");
		INT_EQ(lit(none, "pipe", "Do not shriek."), 0,
		    "pipe is seldom a verb: not shriek");
		INT_EQ(lit(none, "pipe", "A steel tube."), 1,
		    "... but often a noun: its wider word tube");
		INT_EQ(lit(none, "difficult", "Is it hard?"), 1,
		    "a word of one part of speech keeps its synonyms");
	} else
		OK(1, "# SKIP WordNet's database is not installed");
	faq_index_free(none);
	doc_free(e);
}

/* A common word the query says twice is a common word still: it weighs
 * in questions alone, and not against the words that count. */
static void
test_repeated_common(void)
{
	struct doc *d = faq_doc("How do I copy notes?", "Use the copy command.",
	    "What is a note?", "A note is a text: a title, a date, a tag, a "
	    "body and a link to a file in a folder.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (OK(faq_query(ix, "a copy of a note", h, MAX_HITS) >= 1,
	    "a copy of a note finds something"))
		INT_EQ(h[0].faq, 0, "... copying notes, not the entry full "
		    "of \"a\"");
	faq_index_free(ix);
	doc_free(d);
}

/* A query that finds nothing looks for the other groups on its
 * thesaurus topic; one that finds something does not. */
static void
test_topic(void)
{
	struct doc *d = faq_doc("What license is it under?", "The MIT "
	    "license.", "How do I build it?", "Run make.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (OK(faq_query(ix, "is it open source", h, MAX_HITS) >= 1,
	    "open source, which the document lacks, finds something"))
		INT_EQ(h[0].faq, 0, "... the licence, its topic's, first");
	INT_EQ(faq_query(ix, "open source build", h, MAX_HITS), 1,
	    "with a word found, no topic: the build entry alone");
	faq_index_free(ix);
	doc_free(d);
}

/* A four-letter word typed with two neighbours swapped finds the word
 * ("sycn": "sync"); one with another letter wrong does not ("synk"), nor
 * one whose first letter moved ("ysnc"). */
static void
test_swapped(void)
{
	struct doc *d = faq_doc("How do I sync two machines?", "Use the sync "
	    "command.", "How do I build it?", "Run make from the top.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (INT_EQ(faq_query(ix, "sycn", h, MAX_HITS), 1, "sycn finds one"))
		INT_EQ(h[0].faq, 0, "... the sync entry");
	INT_EQ(faq_query(ix, "synk", h, MAX_HITS), 0, "synk finds none");
	INT_EQ(faq_query(ix, "ysnc", h, MAX_HITS), 0, "ysnc finds none");
	INT_EQ(faq_query(ix, "form", h, MAX_HITS), 0,
	    "form is no from: a common word is not a typo's");
	faq_index_free(ix);
	doc_free(d);
}

/* A word the reader negates finds its opposite ("can't remember":
 * "forget"); the same word not negated does not. */
static void
test_negated(void)
{
	struct doc *d = faq_doc("What if I forget the passphrase?", "It is "
	    "gone.", "How do I build it?", "Run make, never as root.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (INT_EQ(faq_query(ix, "can't remember", h, MAX_HITS), 1,
	    "can't remember finds one entry"))
		INT_EQ(h[0].faq, 0, "... forgetting the passphrase");
	if (INT_EQ(faq_query(ix, "i dont remember it", h, MAX_HITS), 1,
	    "dont remember, too"))
		INT_EQ(h[0].faq, 0, "... the same");
	INT_EQ(faq_query(ix, "remember", h, MAX_HITS), 0,
	    "remember alone finds nothing");
	if (INT_EQ(faq_query(ix, "never", h, MAX_HITS), 1,
	    "never, a negation, is still a word to find"))
		INT_EQ(h[0].faq, 1, "... where the text says it");
	faq_index_free(ix);
	doc_free(d);
}

/* A word the document lacks and WordNet does not know, a prefix and a
 * word of the document, finds that word by its stem ("autofill":
 * "fills", "prebuild": "build"); not a prefix and a word of three
 * letters ("autorun"), nor a word of its own that begins like one
 * ("update" is no "date"). */
static void
test_prefixed(void)
{
	struct doc *d = faq_doc("Is there a browser extension?", "It fills "
	    "login forms.", "How do I build it?", "Run make; dates are kept.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (INT_EQ(faq_query(ix, "autofill", h, MAX_HITS), 1,
	    "autofill finds one entry"))
		INT_EQ(h[0].faq, 0, "... the one that fills forms");
	if (INT_EQ(faq_query(ix, "prebuild", h, MAX_HITS), 1,
	    "prebuild finds one entry"))
		INT_EQ(h[0].faq, 1, "... the build entry");
	INT_EQ(faq_query(ix, "autorun", h, MAX_HITS), 0,
	    "autorun: run is in an answer, but too short a rest");
	INT_EQ(faq_query(ix, "update", h, MAX_HITS), 0,
	    "update, a word of its own, does not find dates");
	faq_index_free(ix);
	doc_free(d);
}

/* A phrase of the thesaurus is found where the document has its words
 * in another form ("get started", of setup's group: the heading
 * "Getting started"). */
static void
test_phrase_stems(void)
{
	struct doc *d = faq_doc("Getting started with it", "Run init.",
	    "How do I build it?", "Run make.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (OK(faq_query(ix, "setup", h, MAX_HITS) >= 1,
	    "setup finds something"))
		INT_EQ(h[0].faq, 0, "... getting started");
	faq_index_free(ix);
	doc_free(d);
}

int
main(void)
{
	test_swapped();
	test_negated();
	test_prefixed();
	test_phrase_stems();
	test_plural_group();
	test_member_stem();
	test_common_phrase();
	test_common_senses();
	test_repeated_common();
	test_topic();
	return t_done();
}
