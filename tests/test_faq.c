/*
 * FAQ search: the top question for each query of issue 5 on the bundled
 * article, an empty query, no match, accents, prefixes, the typo rule
 * (five letters or more), stop words, the highlighting ranges, and the
 * plain-text report.
 */
#define _GNU_SOURCE /* open_memstream() */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "quire/faq.h"
#include "quire/util.h"

#define MAX_HITS 64

/* The question of entry F, as a malloc'd string. */
static char *
question(const struct doc *d, uint32_t f)
{
	const struct section *s = &d->sections[d->faqs[f].section];
	char *t = xmalloc(s->title_len + 1);

	memcpy(t, d->text + s->title, s->title_len);
	t[s->title_len] = '\0';
	return t;
}

/* The best question for QUERY, or "" when nothing matches. */
static char *
top(const struct doc *d, const struct faq_index *ix, const char *query)
{
	struct faq_hit h[MAX_HITS];

	if (faq_query(ix, query, h, MAX_HITS) == 0)
		return xstrdup("");
	return question(d, h[0].faq);
}

/* How many entries match QUERY. */
static size_t
hits(const struct faq_index *ix, const char *query)
{
	struct faq_hit h[MAX_HITS];

	return faq_query(ix, query, h, MAX_HITS);
}

static void
test_article(const char *path)
{
	static const char *cases[][2] = {
		{ "learn", "Is Rust harder to learn than Go?" },
		{ "backend", "Which language is better for backend services?" },
		{ "C interop", "Do Rust and Go interoperate with C?" },
		{ "cgo", "Do Rust and Go interoperate with C?" },
		{ "faster runtime", "Is Go faster at runtime than Rust?" },
		{ "tooling", "Which language has better tooling?" },
		{ "LEARN", "Is Rust harder to learn than Go?" },
		{ "lerrn", "Is Rust harder to learn than Go?" },
		{ "do rust and go interoperate?",
		    "Do Rust and Go interoperate with C?" },
		{ "main difference", "What is the main difference between Rust "
		    "and Go?" },
	};
	enum doc_error err;
	struct doc *d = doc_load_file(path, 0, &err);
	struct faq_index *ix;
	struct faq_hit h[MAX_HITS];
	size_t i, n;
	char *t;
	int ordered = 1;

	if (!OK(d != NULL, "article loads"))
		return;
	ix = faq_index_new(d);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t = top(d, ix, cases[i][0]);
		STR_EQ(t, cases[i][1], "\"%s\" -> the right question first",
		    cases[i][0]);
		free(t);
	}
	OK(hits(ix, "concurency") > 0, "\"concurency\" finds \"concurrency\"");
	INT_EQ(hits(ix, "zzzz"), 0, "\"zzzz\" finds nothing");
	INT_EQ(hits(ix, "lern"), 0, "four letters: no typo allowed");
	n = faq_query(ix, "", h, MAX_HITS);
	INT_EQ(n, d->nfaqs, "empty query: every question");
	for (i = 0; i < n; i++)
		ordered &= h[i].faq == i && h[i].score == 0;
	OK(ordered, "... in article order");
	INT_EQ(faq_query(ix, " ?! ", h, MAX_HITS), d->nfaqs,
	    "a query without words is empty");
	INT_EQ(faq_query(ix, "", h, 2), 2, "at most MAX hits");
	n = faq_query(ix, "rust go", h, MAX_HITS);
	for (i = 1; i < n; i++)
		ordered &= h[i - 1].score > h[i].score ||
		    (h[i - 1].score == h[i].score && h[i - 1].faq < h[i].faq);
	OK(n > 1 && ordered, "hits by score, ties in article order");
	faq_index_free(ix);
	doc_free(d);
}

/* A FAQ document with questions Q1 and Q2 and their answers A1, A2. */
static struct doc *
faq_doc(const char *q1, const char *a1, const char *q2, const char *a2)
{
	struct buf b = { 0 };
	struct doc *d;

	buf_printf(&b, "# T\n\n## FAQ\n\n### %s\n\n%s\n\n> short one\n\n"
	    "### %s\n\n%s\n", q1, a1, q2, a2);
	d = doc_load_buffer(b.data, b.len);
	buf_free(&b);
	return d;
}

static void
test_rules(void)
{
	struct doc *d = faq_doc("Is the caf\xc3\xa9 open?", "Yes, daily.",
	    "Where is the cafe?", "Learning the way is easy.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	INT_EQ(d->nfaqs, 2, "two entries");
	INT_EQ(hits(ix, "cafe"), 2, "\"cafe\" finds caf\xc3\xa9 and cafe");
	INT_EQ(hits(ix, "CAF\xc3\x89"), 2, "\"CAF\xc3\x89\" finds both");
	INT_EQ(hits(ix, "cafe\xcc\x81"), 2, "a combining accent is ignored");
	INT_EQ(hits(ix, "learn"), 1, "\"learn\" is a prefix of \"learning\"");
	INT_EQ(hits(ix, "le"), 0, "two letters are no prefix");
	INT_EQ(hits(ix, "the"), 2, "a query of stop words alone is kept");
	INT_EQ(hits(ix, "the daily"), 1, "stop words left out otherwise");
	faq_index_free(ix);
	doc_free(d);

	d = faq_doc("About concurrence?", "Text.", "About concurrency?",
	    "Text.");
	ix = faq_index_new(d);
	if (INT_EQ(faq_query(ix, "concurrency", h, MAX_HITS), 2,
	    "an exact match and a typo")) {
		INT_EQ(h[0].faq, 1, "the exact match first");
		OK(h[0].score > h[1].score, "the typo scores lower");
	}
	INT_EQ(hits(ix, "concurrenxxy"), 1,
	    "eleven letters: two wrong letters");
	faq_index_free(ix);
	doc_free(d);

	d = faq_doc("Is it fast?", "Yes.", "Is a human being kind?", "Yes.");
	ix = faq_index_new(d);
	INT_EQ(hits(ix, "being fast"), 1, "being, doing, having: the "
	    "auxiliaries' forms are stop words too");
	faq_index_free(ix);
	doc_free(d);

	d = faq_doc("About ordering?", "Text.", "About ordinary?", "Text.");
	ix = faq_index_new(d);
	/* one edit from "ordering", more from "ordinary" */
	INT_EQ(hits(ix, "odrering"), 1, "a swap of two letters");
	INT_EQ(hits(ix, "orderinng"), 1, "an extra letter");
	INT_EQ(hits(ix, "ordring"), 1, "a missing letter");
	INT_EQ(hits(ix, "ordxring"), 1, "a wrong letter");
	INT_EQ(hits(ix, "ordxxing"), 0, "eight letters: two wrong letters");
	faq_index_free(ix);
	doc_free(d);

	d = doc_load_buffer("# No questions here\n\nText.\n", 27);
	ix = faq_index_new(d);
	INT_EQ(faq_query(ix, "text", h, MAX_HITS), 0, "no entries: no hits");
	INT_EQ(faq_query(ix, "", h, MAX_HITS), 0, "no entries: none at all");
	faq_index_free(ix);
	doc_free(d);
}

static void
test_word_matches(void)
{
	const char *t = "Is Rust harder to learn? Learning takes time.";
	const char *c = "Le Caf\xc3\xa9 est ouvert";
	struct doc *d = doc_load_buffer("", 0);
	struct faq_index *ix = faq_index_new(d);
	struct faq_range r[4];

	if (INT_EQ(faq_word_matches(ix, "learn rust", t, strlen(t), r, 4), 3,
	    "three words match")) {
		OK(r[0].off == 3 && r[0].len == 4, "\"Rust\"");
		OK(r[1].off == 18 && r[1].len == 5, "\"learn\"");
		OK(r[2].off == 25 && r[2].len == 8, "\"Learning\", whole");
	}
	INT_EQ(faq_word_matches(ix, "learn rust", t, strlen(t), r, 1), 3,
	    "more than MAX: the count still");
	if (INT_EQ(faq_word_matches(ix, "cafe", c, strlen(c), r, 4), 1,
	    "accented word matches"))
		OK(r[0].off == 3 && r[0].len == 5, "its bytes, accent included");
	INT_EQ(faq_word_matches(ix, "is to", t, strlen(t), r, 4), 2,
	    "stop words alone highlight");
	INT_EQ(faq_word_matches(ix, "", t, strlen(t), r, 4), 0, "empty query");
	faq_index_free(ix);
	doc_free(d);
}

static void
test_print(const char *path)
{
	enum doc_error err;
	struct doc *d = doc_load_file(path, 0, &err);
	char *out = NULL;
	size_t len = 0;
	FILE *f;
	int n;

	if (!OK(d != NULL, "article loads"))
		return;
	f = open_memstream(&out, &len);
	n = faq_print(d, "cgo", 1, 0, f);
	fclose(f);
	INT_EQ(n, 1, "one entry printed");
	STR_EQ(out, "Do Rust and Go interoperate with C?\n\nYes, both languages "
	    "offer C interoperability, but Rust has more mature and flexible "
	    "FFI options, while Go's cgo path can introduce portability "
	    "considerations.\n\nIn short: Both can talk to C, but Rust has "
	    "broader FFI support.\n", "question, answer, short answer");
	free(out);
	out = NULL;
	f = open_memstream(&out, &len);
	n = faq_print(d, "zzzz", 0, 0, f);
	fclose(f);
	INT_EQ(n, 0, "no match: nothing printed");
	INT_EQ(len, 0, "... at all");
	free(out);
	out = NULL;
	f = open_memstream(&out, &len);
	n = faq_print(d, "", 0, 0, f);
	fclose(f);
	INT_EQ(n, d->nfaqs, "empty query: every entry");
	OK(strstr(out, "?\n\nIn short") == NULL, "each has its answer");
	free(out);
	doc_free(d);
}

/* How many words of TEXT the query Q highlights (its first in *FIRST). */
static size_t
lit(const struct faq_index *ix, const char *q, const char *text,
    struct faq_range *first)
{
	struct faq_range r[8];
	size_t n = faq_word_matches(ix, q, text, strlen(text), r, 8);

	if (n > 0 && first)
		*first = r[0];
	return n;
}

/* Stems, WordNet's related words, comparisons, sections as answers. */
static void
test_understanding(const char *path)
{
	struct doc *e = doc_load_buffer("", 0);
	struct faq_index *none = faq_index_new(e), *ix;
	struct faq_hit h[MAX_HITS];
	struct faq_range r;
	enum doc_error err;
	struct doc *d;
	uint32_t off, len;
	size_t n;
	char *t;

	INT_EQ(lit(none, "compiles", "Fast compilation matters.", &r), 1,
	    "compiles: its stem finds compilation");
	INT_EQ(lit(none, "services", "a service mesh", NULL), 1,
	    "a plural finds the singular");
	INT_EQ(lit(none, "zzzz", "a service mesh", NULL), 0, "nothing else");
	if (access("/usr/share/wordnet/index.adj", R_OK) == 0) {
		INT_EQ(lit(none, "difficult", "Is Rust harder to learn?", &r), 1,
		    "difficult: WordNet's hard finds harder");
		OK(r.off == 8 && r.len == 6, "the word harder");
		INT_EQ(lit(none, "difficult", "Is Rust soft?", NULL), 0,
		    "and nothing unrelated");
	} else
		OK(1, "# SKIP WordNet's database is not installed");
	INT_EQ(lit(none, "rust vs go", "The main difference is...", NULL), 1,
	    "a comparison finds difference");
	faq_index_free(none);
	doc_free(e);

	d = doc_load_file(path, 0, &err);
	if (!OK(d != NULL, "article loads"))
		return;
	ix = faq_index_new(d);
	n = faq_rank(ix, "rust vs go", 1, h, MAX_HITS);
	if (OK(n > 0 && h[0].faq != DOC_NONE, "rust vs go: a question first")) {
		t = question(d, h[0].faq);
		STR_EQ(t, "What is the main difference between Rust and Go?",
		    "the main difference");
		free(t);
	}
	n = faq_rank(ix, "cargo vs go tools", 1, h, MAX_HITS);
	if (OK(n > 0 && h[0].faq != DOC_NONE, "cargo vs go tools: a "
	    "question first")) {
		t = question(d, h[0].faq);
		STR_EQ(t, "Which language has better tooling?", "the words "
		    "typed, not the section Comparison holding them with the "
		    "difference the comparison implies");
		free(t);
	}
	n = faq_rank(ix, "gorutines", 1, h, MAX_HITS);
	if (OK(n > 0 && h[0].faq == DOC_NONE && h[0].block != DOC_NONE,
	    "gorutines: a section's paragraph first")) {
		doc_block_text(d, h[0].block, &off, &len);
		OK(lit(ix, "gorutines", d->text + off, NULL) > 0 &&
		    memmem(d->text + off, len, "goroutines", 10) != NULL,
		    "the paragraph holds goroutines");
	}
	INT_EQ(faq_query(ix, "gorutines", h, MAX_HITS), 0,
	    "faq_query: questions alone");
	n = faq_rank(ix, "", 1, h, MAX_HITS);
	INT_EQ(n, d->nfaqs, "an empty query: the questions alone");
	faq_index_free(ix);
	doc_free(d);
}

/* The title of the section of QUERY's first answer in D, or "". */
static char *
first_section(const struct doc *d, const struct faq_index *ix,
    const char *query)
{
	struct faq_hit h[MAX_HITS];
	const struct section *s;
	char *t;

	if (faq_rank(ix, query, 1, h, MAX_HITS) == 0)
		return xstrdup("");
	s = &d->sections[h[0].section];
	t = xmalloc(s->title_len + 1);
	memcpy(t, d->text + s->title, s->title_len);
	t[s->title_len] = '\0';
	return t;
}

/* Typos in long words, derived words, tables, titles said whole, the
 * heading an entry is under. */
static void
test_kinds(void)
{
	static const char text[] =
	    "# Notes\n\n## Summary\n\n| Topic | Notes |\n|---|---|\n"
	    "| Threads | tokio, channels |\n| Memory | arenas |\n\n"
	    "## Concurrency\n\nTasks run on an executor such as tokio. They "
	    "talk over channels and share little, so locks are rare, and the "
	    "scheduler keeps every core busy while the program waits for the "
	    "network or the disk.\n\n"
	    "## Unintended breaking changes\n\nA change that breaks users by "
	    "accident is reverted.\n\n"
	    "## Breaking changes\n\nThey wait for the next major release.\n";
	static const char setup[] = "# Setup\n\n## Windows\n\n### How do I "
	    "install it?\n\nRun the installer.\n\n## Linux\n\n### How do I "
	    "install it?\n\nUse the package.\n";
	struct doc *e = doc_load_buffer("", 0), *d;
	struct faq_index *none = faq_index_new(e), *ix;
	struct faq_hit h[MAX_HITS];
	char *t;

	INT_EQ(lit(none, "intreoperabilty", "Interoperability matters", NULL),
	    1, "two typos in a word of nine letters or more");
	INT_EQ(lit(none, "lnagauge", "Language matters", NULL), 0,
	    "and not in one of eight");
	INT_EQ(lit(none, "companies", "A comparison", NULL), 0,
	    "two typos against a whole word, not a prefix (compar-)");
	if (access("/usr/share/wordnet/index.adj", R_OK) == 0) {
		INT_EQ(lit(none, "objections", "You may object to it.", NULL), 1,
		    "objections: WordNet's derived object");
		INT_EQ(lit(none, "makes", "Do it now.", NULL), 0,
		    "makes: no related word that is a common one (do)");
		INT_EQ(lit(none, "initial", "The first run is slow.", NULL), 1,
		    "initial: the head of its adjectives, first");
		INT_EQ(lit(none, "delete", "Remove old ones.", NULL), 1,
		    "delete: a wider word, remove");
		INT_EQ(lit(none, "best", "Which one is better?", NULL), 1,
		    "best: the same adjective, better (WordNet's exceptions)");
		INT_EQ(lit(none, "slower", "Is it faster?", NULL), 1,
		    "slower: the antonym compared alike, faster");
		INT_EQ(lit(none, "harder", "Which is easier?", NULL), 1,
		    "harder: easier (easy, y to i)");
		INT_EQ(lit(none, "smallest", "The largest one.", NULL), 1,
		    "smallest: largest (large, e)");
		INT_EQ(lit(none, "slow", "Is it faster?", NULL), 0,
		    "slow, not compared: no antonym");
		d = faq_doc("How do I remove it?", "Text.", "How do I cancel it?",
		    "Text.");
		ix = faq_index_new(d);
		if (INT_EQ(faq_query(ix, "delete", h, MAX_HITS), 2,
		    "delete finds remove and cancel"))
			INT_EQ(h[0].faq, 1, "the synonym (cancel) first");
		faq_index_free(ix);
		doc_free(d);
	} else
		OK(1, "# SKIP WordNet's database is not installed");
	faq_index_free(none);
	doc_free(e);
	d = doc_load_buffer(text, sizeof(text) - 1);
	ix = faq_index_new(d);
	t = first_section(d, ix, "tokio");
	STR_EQ(t, "Concurrency", "prose before a table saying it in brief");
	free(t);
	t = first_section(d, ix, "breaking changes");
	STR_EQ(t, "Breaking changes", "the title the query says whole");
	free(t);
	faq_index_free(ix);
	doc_free(d);
	d = doc_load_buffer(setup, sizeof(setup) - 1);
	ix = faq_index_new(d);
	if (INT_EQ(faq_query(ix, "install on linux", h, MAX_HITS), 2,
	    "two entries alike"))
		INT_EQ(h[0].faq, 1, "the one under the heading asked of first");
	if (INT_EQ(faq_query(ix, "install on windows", h, MAX_HITS), 2,
	    "two entries alike"))
		INT_EQ(h[0].faq, 0, "... either way");
	faq_index_free(ix);
	doc_free(d);
	d = faq_doc("How do I change the color scheme?", "Text.",
	    "How do I see the system log?", "Text.");
	ix = faq_index_new(d);
	if (INT_EQ(faq_query(ix, "colorscheme", h, MAX_HITS), 1,
	    "a compound the text lacks, split into two of its words"))
		INT_EQ(h[0].faq, 0, "... color scheme");
	faq_index_free(ix);
	doc_free(d);
	d = faq_doc("How do I see the filesystem?", "Text.",
	    "How do I see the system log?", "Text.");
	ix = faq_index_new(d);
	if (INT_EQ(faq_query(ix, "file system", h, MAX_HITS), 1,
	    "two words, one of them missing, joined into a word of the text"))
		INT_EQ(h[0].faq, 0, "... filesystem");
	faq_index_free(ix);
	doc_free(d);
	d = faq_doc("What is the runtime overhead?", "Some time.",
	    "Is the rundown long?", "Text.");
	ix = faq_index_new(d);
	if (INT_EQ(faq_query(ix, "running", h, MAX_HITS), 1,
	    "a stem that begins a compound of two words of the text"))
		INT_EQ(h[0].faq, 0, "... runtime (run, time), not rundown "
		    "(down is no word of the text)");
	faq_index_free(ix);
	doc_free(d);
}

/* A summary's list of lines, terse as a table's cells, against the
 * prose it sums up. */
static void
test_summary_list(void)
{
	static const char text[] =
	    "# Builds\n\n## Objects\n\nEvery object compiled is kept in "
	    "a cache under the build directory, so a change recompiles "
	    "only what it touches.\n\n"
	    "## Packaging\n\nA release is one archive with the binary and "
	    "its manual, signed.\n\n"
	    "## Highlights\n\n- Fast incremental build with a cache\n"
	    "- Small binaries without dependencies\n- Signed archives "
	    "for every release\n";
	struct doc *d = doc_load_buffer(text, sizeof(text) - 1);
	struct faq_index *ix = faq_index_new(d);
	char *t;

	t = first_section(d, ix, "build cache");
	STR_EQ(t, "Objects", "prose before the list's line saying it in "
	    "brief");
	free(t);
	faq_index_free(ix);
	doc_free(d);
}

/* A word the document has whole, against the longer words it begins. */
static void
test_whole_word(void)
{
	struct doc *d = faq_doc("Should I consider the console's constraints?",
	    "Yes.", "What are the cons of the tool on old disks?", "Few.");
	struct faq_index *ix = faq_index_new(d);
	char *t;

	t = top(d, ix, "cons");
	STR_EQ(t, "What are the cons of the tool on old disks?", "cons: the "
	    "word, before consider, console and constraints");
	free(t);
	t = top(d, ix, "consid");
	STR_EQ(t, "Should I consider the console's constraints?",
	    "a word not typed whole: the words it begins");
	free(t);
	faq_index_free(ix);
	doc_free(d);
}

/* Forms a reader writes otherwise than the document: letters and
 * digits together or apart. */
static void
test_forms(void)
{
	struct doc *d;
	struct faq_index *ix;
	struct faq_hit h[MAX_HITS];

	d = faq_doc("Can it read UTF-16 and UTF-8?", "Yes, both.",
	    "Can it read 16 files at once?", "Yes.");
	ix = faq_index_new(d);
	if (OK(faq_query(ix, "utf16", h, MAX_HITS) >= 1,
	    "utf16 splits where letters and digits meet"))
		INT_EQ(h[0].faq, 0, "... and finds UTF-16");
	faq_index_free(ix);
	doc_free(d);
	d = faq_doc("Does it speak http2?", "Yes.",
	    "Does it speak HTTP over 2 sockets?", "Yes.");
	ix = faq_index_new(d);
	if (OK(faq_query(ix, "http 2", h, MAX_HITS) >= 1,
	    "http 2 finds something"))
		INT_EQ(h[0].faq, 0, "... http2, joined, though the text has "
		    "http and 2 apart too");
	faq_index_free(ix);
	doc_free(d);
}

/* A phrase of the reader's that the documentation thesaurus gives a
 * phrase of the document. */
static void
test_phrases(void)
{
	struct doc *d = faq_doc("Does it support syntax highlighting?", "Yes.",
	    "How do I change the color scheme?", "Text.");
	struct faq_index *ix = faq_index_new(d);
	struct faq_hit h[MAX_HITS];

	if (OK(faq_query(ix, "code coloring for python files", h, MAX_HITS) >=
	    1, "code coloring finds something"))
		INT_EQ(h[0].faq, 0, "... syntax highlighting, the phrase for "
		    "the phrase, before color (coloring's stem) alone");
	faq_index_free(ix);
	doc_free(d);
}

/* The shape of a block as words: a table, code. */
static void
test_shapes(void)
{
	static const char text[] =
	    "# Tools\n\n## Speed\n\nThe first tool starts fast and the "
	    "second one slowly, though both run fast once started.\n\n"
	    "## Summary\n\n| Tool | Speed |\n|---|---|\n| first | fast |\n"
	    "| second | slow |\n\n"
	    "## Installing\n\nInstall either tool with the package manager "
	    "of your system.\n\n## From source\n\nTo install from "
	    "source:\n\n```\nmake install\n```\n";
	struct doc *d = doc_load_buffer(text, sizeof(text) - 1);
	struct faq_index *ix = faq_index_new(d);
	char *t;

	t = first_section(d, ix, "speed table");
	STR_EQ(t, "Summary", "\"table\" finds the section holding one");
	free(t);
	t = first_section(d, ix, "speed side by side");
	STR_EQ(t, "Summary", "... as \"side by side\" does");
	free(t);
	t = first_section(d, ix, "speed");
	STR_EQ(t, "Speed", "prose first without");
	free(t);
	t = first_section(d, ix, "install example");
	STR_EQ(t, "From source", "\"example\" finds the section with code");
	free(t);
	faq_index_free(ix);
	doc_free(d);
}

/* A word's rarity: the entries a weak related word finds count a little
 * toward how common it is, not as the word itself. */
static void
test_rarity(void)
{
	static const char text[] =
	    "# T\n\n## FAQ\n\n### How do I pick a theme?\n\nText.\n\n"
	    "### How do I edit the palette?\n\nText.\n\n"
	    "### How do I load a palette?\n\nText.\n\n"
	    "### How do I resize the font?\n\nText.\n\n"
	    "### How do I bold the font?\n\nText.\n\n"
	    "### How do I quit?\n\nText.\n\n"
	    "### How do I print?\n\nText.\n\n"
	    "### How do I save?\n\nText.\n";
	struct doc *d = doc_load_buffer(text, sizeof(text) - 1);
	struct faq_index *ix = faq_index_new(d);
	char *t;

	t = top(d, ix, "theme font");
	STR_EQ(t, "How do I pick a theme?", "theme, found once as itself, "
	    "rarer than font, twice, though the thesaurus's palette is in "
	    "two more");
	free(t);
	faq_index_free(ix);
	doc_free(d);
}

/* --faq at a width: no line wider. */
static void
test_print_width(const char *path)
{
	enum doc_error err;
	struct doc *d = doc_load_file(path, 0, &err);
	char *buf = NULL, *line, *save = NULL;
	size_t sz = 0;
	int wide = 0, lines = 0;
	FILE *f;

	if (!OK(d != NULL, "article loads"))
		return;
	f = open_memstream(&buf, &sz);
	INT_EQ(faq_print(d, "learn", 1, 40, f), 1, "one answer at 40");
	fclose(f);
	for (line = strtok_r(buf, "\n", &save); line;
	    line = strtok_r(NULL, "\n", &save), lines++)
		wide += strlen(line) > 40;
	OK(wide == 0 && lines > 6, "%d lines, %d wider than 40", lines, wide);
	free(buf);
	doc_free(d);
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		test_article(argv[1]);
	test_rules();
	test_word_matches();
	test_kinds();
	test_forms();
	test_summary_list();
	test_whole_word();
	test_shapes();
	test_phrases();
	test_rarity();
	if (argc > 1) {
		test_print(argv[1]);
		test_understanding(argv[1]);
		test_print_width(argv[1]);
	}
	return t_done();
}
