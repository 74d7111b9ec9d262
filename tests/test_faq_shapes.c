/*
 * Quick answers on the shapes documents give their questions: raw-HTML
 * <h3> questions under a FAQ heading, <details> summaries, bold
 * questions among heading ones, a README with sections alone, a user
 * guide with numbered sections, questions led by labels ("Q1:"), a
 * glossary, a FAQ as a list of bold questions.  The
 * fixtures are the Markdown files of tests/faq_shapes; each test asserts which entries
 * are found and which answer a reader's question ranks first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "quire/faq.h"
#include "quire/util.h"

#define MAX_HITS 16

static const char *dir; /* the fixtures' directory */

/* Fixture NAME, loaded; NULL (and a failed test) when it cannot be. */
static struct doc *
fixture(const char *name)
{
	char path[4096];
	enum doc_error err;
	struct doc *d;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	d = doc_load_file(path, 0, &err);
	OK(d != NULL, "%s loads", name);
	return d;
}

/* Whether the LEN bytes at S are WANT. */
static int
same(const char *s, size_t len, const char *want)
{
	return strlen(want) == len && memcmp(s, want, len) == 0;
}

/* Whether entry I of D asks question Q, as written. */
static int
asks(const struct doc *d, size_t i, const char *q)
{
	return i < d->nfaqs && same(d->text + d->faqs[i].q_off,
	    d->faqs[i].q_len, q);
}

/* The title of the answer H of D: an entry's question, a section's
 * heading, in BUF (SIZE bytes). */
static const char *
hit_title(const struct doc *d, const struct faq_hit *h, char *buf,
    size_t size)
{
	const char *s;
	size_t len;

	if (h->faq != DOC_NONE) {
		s = d->text + d->faqs[h->faq].q_off;
		len = d->faqs[h->faq].q_len;
	} else {
		s = d->text + d->sections[h->section].title;
		len = d->sections[h->section].title_len;
	}
	snprintf(buf, size, "%.*s", (int)len, s);
	return buf;
}

/* Check that query Q of IX ranks WANT first, entries and sections
 * together. */
static void
first_is(const struct doc *d, const struct faq_index *ix, const char *q,
    const char *want)
{
	struct faq_hit h[MAX_HITS];
	char buf[256];

	if (OK(faq_rank(ix, q, 1, h, MAX_HITS) > 0, "\"%s\" finds answers", q))
		STR_EQ(hit_title(d, &h[0], buf, sizeof(buf)), want,
		    "\"%s\" first", q);
}

/* Check that query Q of IX finds something, and never AVOID. */
static void
never(const struct doc *d, const struct faq_index *ix, const char *q,
    const char *avoid)
{
	struct faq_hit h[MAX_HITS];
	char buf[256];
	size_t i, n = faq_rank(ix, q, 1, h, MAX_HITS);

	OK(n > 0, "\"%s\" finds answers", q);
	for (i = 0; i < n; i++)
		if (strcmp(hit_title(d, &h[i], buf, sizeof(buf)), avoid) == 0)
			break;
	OK(i == n, "\"%s\" never finds %s", q, avoid);
}

/* Check that query Q of IX ranks first a section under the heading
 * PARENT (two sections share its title). */
static void
under_first(const struct doc *d, const struct faq_index *ix, const char *q,
    const char *parent)
{
	struct faq_hit h[MAX_HITS];
	const struct section *p;
	char buf[256];

	if (!OK(faq_rank(ix, q, 1, h, MAX_HITS) > 0, "\"%s\" finds answers",
	    q))
		return;
	if (!OK(h[0].faq == DOC_NONE &&
	    d->sections[h[0].section].parent != DOC_NONE,
	    "\"%s\" first a subsection", q))
		return;
	p = &d->sections[d->sections[h[0].section].parent];
	snprintf(buf, sizeof(buf), "%.*s", (int)p->title_len,
	    d->text + p->title);
	STR_EQ(buf, parent, "\"%s\" first under it", q);
}

/* Raw-HTML <h3> questions under "## FAQ": each an entry, its title
 * trimmed of the blanks inside the tags; the list of links to them is
 * no answer. */
static void
test_html_h3(void)
{
	struct doc *d = fixture("html-h3.md");
	struct faq_index *ix;

	if (d == NULL)
		return;
	INT_EQ(d->nfaqs, 4, "four <h3> questions");
	OK(asks(d, 0, "How do I install tidewatch?"), "the first, trimmed");
	OK(asks(d, 3, "Why does it use so much memory?"), "the last");
	ix = faq_index_new(d);
	first_is(d, ix, "install", "How do I install tidewatch?");
	first_is(d, ix, "email notifications", "Can I get alerts by e-mail?");
	first_is(d, ix, "config file location",
	    "Where does tidewatch read its configuration from?");
	first_is(d, ix, "high ram usage", "Why does it use so much memory?");
	never(d, ix, "memory and configuration", "FAQ");
	faq_index_free(ix);
	doc_free(d);
}

/* <details> summaries ending in '?' are questions, the blocks up to the
 * next one their answer; a bold summary too, and in a document whose
 * summaries ask, one that does not ("Winter storage"). */
static void
test_details(void)
{
	struct doc *d = fixture("details.md");
	struct faq_index *ix;

	if (d == NULL)
		return;
	INT_EQ(d->nfaqs, 5, "four summaries ask, and one that does not");
	OK(asks(d, 0, "How do I cancel a booking?"), "a plain summary");
	OK(asks(d, 1, "Can guests pay at the harbour office?"),
	    "a bold summary");
	if (d->nfaqs >= 2)
		OK(d->faqs[0].end <= d->faqs[1].q_block,
		    "an answer ends at the next summary");
	ix = faq_index_new(d);
	first_is(d, ix, "refund", "How do I cancel a booking?");
	first_is(d, ix, "pay cash", "Can guests pay at the harbour office?");
	first_is(d, ix, "overstay extra nights",
	    "What happens when a boat stays longer than booked?");
	first_is(d, ix, "mobile app", "Is there an app for phones?");
	first_is(d, ix, "keep my boat ashore in the winter", "Winter storage");
	if (d->nfaqs == 5)
		OK(d->faqs[3].end <= d->faqs[4].q_block,
		    "the app's answer ends at the summary that asks nothing");
	faq_index_free(ix);
	doc_free(d);
}

/* <details> under HTML category headings in a FAQ section: every
 * summary is a question, '?' or not, and the categories are none. */
static void
test_details_groups(void)
{
	struct doc *d = fixture("details-groups.md");
	struct faq_index *ix;

	if (d == NULL)
		return;
	INT_EQ(d->nfaqs, 4, "four summaries, no category");
	OK(asks(d, 0, "Installing on macOS"), "a summary that asks nothing");
	OK(asks(d, 2, "Can I host the gallery on GitHub Pages?"),
	    "the first of the second category");
	ix = faq_index_new(d);
	first_is(d, ix, "install with homebrew", "Installing on macOS");
	first_is(d, ix, "does it support heic photos",
	    "Which image formats are read?");
	first_is(d, ix, "hidden album", "How do I keep some albums private?");
	first_is(d, ix, "publish to github",
	    "Can I host the gallery on GitHub Pages?");
	faq_index_free(ix);
	doc_free(d);
}

/* Questions under category headings of a FAQ section ("## FAQ",
 * "### Installing", "#### How ...?"): the questions are the entries. */
static void
test_categories(void)
{
	static const char md[] = "# Tool\n\n## FAQ\n\n### Installing\n\n"
	    "#### How do I install on Windows?\n\nUse the installer.\n\n"
	    "#### Can I install without root?\n\nYes, into your home.\n\n"
	    "### Using\n\n#### Why is it slow?\n\nLarge files.\n";
	struct doc *d = doc_load_buffer(md, sizeof(md) - 1);
	struct faq_index *ix = faq_index_new(d);

	INT_EQ(d->nfaqs, 3, "three questions, no category");
	OK(asks(d, 2, "Why is it slow?"), "the last");
	first_is(d, ix, "sudo", "Can I install without root?");
	faq_index_free(ix);
	doc_free(d);
}

/* Bold questions among heading questions answer themselves: the
 * heading's answer ends where the bold question starts. */
static void
test_mixed(void)
{
	static const char md[] = "# Notes\n\n## Use\n\n### How do I start it?\n\n"
	    "Run `go`.\n\n**Q: Can two people edit at once?**\n\n"
	    "Yes, edits merge live.\n\n### How do I stop it?\n\nPress q.\n";
	struct doc *d = doc_load_buffer(md, sizeof(md) - 1);
	struct faq_index *ix = faq_index_new(d);

	INT_EQ(d->nfaqs, 3, "two heading questions and a bold one");
	OK(asks(d, 1, "Can two people edit at once?"),
	    "the bold one in order, its Q: dropped");
	if (d->nfaqs == 3)
		INT_EQ(d->faqs[0].end, d->faqs[1].q_block,
		    "the heading's answer ends at it");
	first_is(d, ix, "several people editing", "Can two people edit at once?");
	first_is(d, ix, "start", "How do I start it?");
	faq_index_free(ix);
	doc_free(d);
}

/* A README with sections and no question: no entries, and a reader's
 * question finds the section that answers it, a subsection by its
 * parent's heading too ("Windows" under "Building from source"), never
 * the table of contents that lists its title. */
static void
test_readme(void)
{
	struct doc *d = fixture("readme.md");
	struct faq_index *ix;

	if (d == NULL)
		return;
	INT_EQ(d->nfaqs, 0, "no questions");
	ix = faq_index_new(d);
	first_is(d, ix, "how do I install it on linux", "Linux and macOS");
	under_first(d, ix, "install on windows", "Installation");
	under_first(d, ix, "build from source on windows",
	    "Building from source");
	under_first(d, ix, "compile it on windows", "Building from source");
	first_is(d, ix, "where are temp files written", "Memory and temporary files");
	first_is(d, ix, "sorting speed", "Performance");
	first_is(d, ix, "what licence", "License");
	first_is(d, ix, "sort in reverse order", "Usage");
	first_is(d, ix, "usage", "Usage");
	first_is(d, ix, "building", "Building from source");
	first_is(d, ix, "contents", "Contents");
	never(d, ix, "memory and performance", "Contents");
	never(d, ix, "temporary files and performance", "Contents");
	faq_index_free(ix);
	doc_free(d);
}

/* A user guide numbered as books are: its numbered FAQ chapter ("4.
 * Frequently asked questions") is found, its questions are asked without
 * their numbers, and no section's number is a word of its title. */
static void
test_numbered(void)
{
	struct doc *d = fixture("numbered.md");
	struct faq_index *ix;
	struct faq_hit h[MAX_HITS];

	if (d == NULL)
		return;
	if (INT_EQ(d->nfaqs, 2, "the FAQ chapter's two questions")) {
		OK(asks(d, 0, "Why does a window float instead of tiling?"),
		    "the first asked without its number");
		OK(asks(d, 1, "How do I move a window to another workspace?"),
		    "the second too");
	}
	ix = faq_index_new(d);
	INT_EQ(faq_rank(ix, "3", 1, h, MAX_HITS), 0,
	    "a section's number finds nothing");
	first_is(d, ix, "install with the package manager", "2.1 Packages");
	first_is(d, ix, "compile from source", "2.2 From source");
	first_is(d, ix, "border around windows", "3.1 Gaps and borders");
	first_is(d, ix, "dialog window floats",
	    "Why does a window float instead of tiling?");
	faq_index_free(ix);
	doc_free(d);
}

/* Questions led by a label, bold or plain ("**Q1: ...?**", "Q: ...?",
 * "**Question:** ...?"): each is a question, asked without its label. */
static void
test_labelled(void)
{
	struct doc *d = fixture("labelled.md");
	struct faq_index *ix;

	if (d == NULL)
		return;
	if (INT_EQ(d->nfaqs, 4, "four questions")) {
		OK(asks(d, 0, "Can I export my notes?"), "Q1: dropped");
		OK(asks(d, 1, "Does Quillpad run on a phone?"), "Q2. dropped");
		OK(asks(d, 2, "Is there a dark theme?"),
		    "a plain Q: paragraph asks");
		OK(asks(d, 3, "How large can a note grow?"),
		    "a bold Question: label asks");
	}
	ix = faq_index_new(d);
	first_is(d, ix, "dark mode", "Is there a dark theme?");
	first_is(d, ix, "maximum note size", "How large can a note grow?");
	first_is(d, ix, "export to html", "Can I export my notes?");
	faq_index_free(ix);
	doc_free(d);
}

/* Check that query Q of IX ranks first a section whose chosen block,
 * the one shown and gone to, begins with START. */
static void
block_first(const struct doc *d, const struct faq_index *ix, const char *q,
    const char *start)
{
	struct faq_hit h[MAX_HITS];
	uint32_t off, len;

	if (!OK(faq_rank(ix, q, 1, h, MAX_HITS) > 0, "\"%s\" finds answers",
	    q) || !OK(h[0].faq == DOC_NONE && h[0].block != DOC_NONE,
	    "\"%s\" first a section's block", q))
		return;
	doc_block_text(d, h[0].block, &off, &len);
	OK(len >= strlen(start) && memcmp(d->text + off, start,
	    strlen(start)) == 0, "\"%s\" shows the block of %s", q, start);
}

/* A glossary, its terms as bold leads of paragraphs or list items: no
 * questions; a reader's question finds the term's section and shows the
 * term's own definition. */
static void
test_glossary(void)
{
	struct doc *d = fixture("glossary.md");
	struct faq_index *ix;

	if (d == NULL)
		return;
	INT_EQ(d->nfaqs, 0, "no questions");
	ix = faq_index_new(d);
	first_is(d, ix, "what is a notebook", "Notes and notebooks");
	block_first(d, ix, "what is a scratchpad", "Scratchpad");
	block_first(d, ix, "who can delete a notebook", "Owner");
	first_is(d, ix, "share link", "Sharing");
	block_first(d, ix, "invite someone to edit", "Collaborator");
	faq_index_free(ix);
	doc_free(d);
}

/* A FAQ written as a numbered list of bold questions, each answered by
 * the paragraph under it in its item. */
static void
test_list_questions(void)
{
	struct doc *d = fixture("list-faq.md");
	struct faq_index *ix;

	if (d == NULL)
		return;
	if (INT_EQ(d->nfaqs, 3, "three questions")) {
		OK(asks(d, 0, "How do I install Ferrule?"), "the first item");
		OK(asks(d, 2, "Can several machines share one cache?"),
		    "the last item");
	}
	ix = faq_index_new(d);
	first_is(d, ix, "cache directory location",
	    "Where does it keep cached objects?");
	first_is(d, ix, "shared cache on a network drive",
	    "Can several machines share one cache?");
	faq_index_free(ix);
	doc_free(d);
}

/* The labels that open a title, and what is no label. */
static void
test_title_labels(void)
{
	static const struct {
		const char *title;
		size_t label;
	} c[] = {
		{ "2. Installation", 3 }, { "2.1 Packages", 4 },
		{ "3.2.1) Gaps", 7 }, { "4: Backups", 3 },
		{ "Q: Why?", 3 }, { "Q1. Why?", 4 }, { "q2) Why?", 4 },
		{ "Question: Why?", 10 }, { "Question 3: Why?", 12 },
		{ "2024 roadmap", 0 }, { "1.5x faster builds", 0 },
		{ "2.0 Release notes", 0 }, { "1.2.3 (2024-05-01)", 0 },
		{ "3.", 0 }, { "Q&A", 0 }, { "Qt support", 0 },
		{ "Questions?", 0 }, { "Q3 results", 0 },
	};
	size_t i;

	for (i = 0; i < NELEM(c); i++)
		INT_EQ(doc_title_label(c[i].title, strlen(c[i].title)),
		    c[i].label, "the label of \"%s\"", c[i].title);
}

int
main(int argc, char **argv)
{
	dir = argc > 1 ? argv[1] : "tests/faq_shapes";
	test_html_h3();
	test_details();
	test_details_groups();
	test_categories();
	test_mixed();
	test_readme();
	test_numbered();
	test_labelled();
	test_glossary();
	test_list_questions();
	test_title_labels();
	return t_done();
}
