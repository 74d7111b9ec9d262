/*
 * The thesaurus behind quick answers' loose words (thesaurus.c, the
 * quire-thesaurus module): words it must relate ("faster": "speedy",
 * through WordNet's base form; "verify": "audit"), words
 * it must not (a large meaning's loose cluster, an unrelated word),
 * refused words, and the ranking using only the words a document has.
 * Run as "test_thesaurus absent" with the module or its data missing
 * ($QUIRE_LIBDIR or $QUIRE_AIKSAURUS_DIR pointing nowhere): no word is
 * related and the ranking still answers by the reader's own words.
 */
#include <string.h>

#include "harness.h"
#include "quire/faq.h"
#include "thesaurus.h"

#define MAX_HITS 16

static const char faq_doc[] =
    "# Widget\n\n"
    "## FAQ\n\n"
    "### How do I audit a backup?\n\n"
    "Read it all back.\n\n"
    "### How do I install Widget?\n\n"
    "Run the installer.\n\n"
    "### Can I raise an objection to a change?\n\n"
    "Yes, in the review.\n";

/* Whether WORD is among the words the thesaurus gives for W. */
static int
relates(const char *w, const char *word)
{
	char out[THES_MAX][SYN_LEN];
	size_t n = thesaurus_get(w, out), i;

	for (i = 0; i < n; i++)
		if (strcmp(out[i], word) == 0)
			return 1;
	return 0;
}

/* The question of the best hit for QUERY in IX of D, or "". */
static const char *
best(const struct doc *d, const struct faq_index *ix, const char *query,
    size_t *n)
{
	struct faq_hit h[MAX_HITS];
	static char q[256];
	const struct faq *f;

	*n = faq_query(ix, query, h, MAX_HITS);
	if (*n == 0)
		return "";
	f = &d->faqs[h[0].faq];
	snprintf(q, sizeof(q), "%.*s", (int)f->q_len, d->text + f->q_off);
	return q;
}

/* With the thesaurus: what it relates and what it does not. */
static void
test_present(void)
{
	char out[THES_MAX][SYN_LEN];

	OK(relates("faster", "speedy"),
	    "faster: speedy (the base form fast looked up)");
	OK(relates("verify", "audit"), "verify: audit");
	OK(relates("block", "objection"), "block: objection");
	OK(!relates("theme", "plot"),
	    "theme: not plot (a meaning of forty words is left out)");
	OK(!relates("theme", "memory"), "theme: not memory");
	OK(!relates("verify", "verify"), "a word is not its own");
	INT_EQ(thesaurus_get("Theme", out), 0, "a word not folded: none");
	INT_EQ(thesaurus_get("c++", out), 0, "not a word: none");
	INT_EQ(thesaurus_get("qzxv", out), 0, "a word it lacks: none");
}

/* The ranking over a small FAQ: a loose word counts only where the
 * document has it; ABSENT: without the thesaurus. */
static void
test_ranking(int absent)
{
	struct doc *d = doc_load_buffer(faq_doc, sizeof(faq_doc) - 1);
	struct faq_index *ix = faq_index_new(d);
	size_t n;

	STR_EQ(best(d, ix, "install", &n), "How do I install Widget?",
	    "the reader's own word");
	STR_EQ(best(d, ix, "weather", &n), "", "a word whose related words "
	    "the document lacks finds nothing");
	if (absent) {
		STR_EQ(best(d, ix, "verify", &n), "",
		    "without the thesaurus: verify finds nothing");
		INT_EQ(n, 0, "no hit");
	} else {
		STR_EQ(best(d, ix, "verify", &n),
		    "How do I audit a backup?",
		    "verify finds audit, a word of the document");
		INT_EQ(n, 1, "and nothing else");
		STR_EQ(best(d, ix, "block a change", &n),
		    "Can I raise an objection to a change?",
		    "block finds objection");
		STR_EQ(best(d, ix, "disagree", &n),
		    "Can I raise an objection to a change?",
		    "a loose word alone finds its question");
	}
	faq_index_free(ix);
	doc_free(d);
}

int
main(int argc, char **argv)
{
	char out[THES_MAX][SYN_LEN];
	int absent = argc > 1 && strcmp(argv[1], "absent") == 0;

	if (absent) {
		INT_EQ(thesaurus_get("verify", out), 0,
		    "no module or no data: no word related");
		INT_EQ(thesaurus_get("verify", out), 0, "nor the second time");
	} else {
		test_present();
	}
	test_ranking(absent);
	return t_done();
}
