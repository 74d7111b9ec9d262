/*
 * The quick answers' speed: for each document given (the bundled article
 * when none is), the CPU time to build the index on the first `a`, and
 * for every key of a few questions typed one letter at a time, the time
 * from the key to the results: ranking the questions and sections
 * (faq_rank) and finding the words to highlight in the first screen of
 * hits (faq_word_matches), as the view does.  Prints the median and the
 * worst key per document, and the first key's time: for the first
 * document, that includes opening WordNet.
 *
 *   build/bench/faq-bench [FILE...]
 *   bench/book.py > book.md && build/bench/faq-bench content/rust-vs-go.md book.md
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quire/doc.h"
#include "quire/faq.h"
#include "quire/util.h"

#define SHOWN 10   /* hits on a first screen */
#define KEYS 512   /* keys timed per document, at most */

static const char *const questions[] = {
	"is rust difficult", "rust vs go", "when should I use rust",
	"gorutines", "how do I change the colors", "package manager",
	"what is the borrow checker", "lifetimes and references",
};

/* CPU time in milliseconds. */
static double
cpu_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One key: rank for QUERY and find the words of the first hits. */
static void
one_key(const struct doc *d, const struct faq_index *ix, const char *query,
    struct faq_hit *hits, size_t cap)
{
	struct faq_range r[64];
	size_t n = faq_rank(ix, query, 1, hits, cap), i;
	uint32_t off, len;

	for (i = 0; i < n && i < SHOWN; i++) {
		if (hits[i].faq != DOC_NONE) {
			const struct faq *f = &d->faqs[hits[i].faq];

			faq_word_matches(ix, query, d->text + f->q_off, f->q_len,
			    r, 64);
			continue;
		}
		if (hits[i].block == DOC_NONE)
			continue;
		doc_block_text(d, hits[i].block, &off, &len);
		faq_word_matches(ix, query, d->text + off, len, r, 64);
	}
}

/* Measure the document at PATH. */
static int
measure(const char *path)
{
	enum doc_error err;
	struct doc *d = doc_load_file(path, 0, &err);
	struct faq_index *ix;
	struct faq_hit *hits;
	double t[KEYS], a, build, first;
	char q[128];
	size_t i, k, n = 0, cap;

	if (d == NULL) {
		fprintf(stderr, "faq-bench: cannot read %s\n", path);
		return 1;
	}
	a = cpu_ms();
	ix = faq_index_new(d);
	build = cpu_ms() - a;
	cap = d->nfaqs + d->nsections + 1;
	hits = xcalloc(cap, sizeof(*hits));
	for (i = 0; i < NELEM(questions); i++)
		for (k = 1; k <= strlen(questions[i]) && n < KEYS; k++) {
			memcpy(q, questions[i], k);
			q[k] = '\0';
			a = cpu_ms();
			one_key(d, ix, q, hits, cap);
			t[n++] = cpu_ms() - a;
		}
	first = t[0];
	qsort(t, n, sizeof(*t), dbl_cmp);
	printf("%-28.28s %9zu %8zu %9.2f %8.3f %8.3f %8.3f\n", path,
	    d->text_len, d->nsections, build, t[n / 2], t[n - 1], first);
	free(hits);
	faq_index_free(ix);
	doc_free(d);
	return 0;
}

int
main(int argc, char **argv)
{
	int i, status = 0;

	printf("%-28s %9s %8s %9s %8s %8s %8s\n", "document", "text",
	    "sections", "index ms", "key med", "key max", "first");
	if (argc < 2)
		return measure(QUIRE_ARTICLE);
	for (i = 1; i < argc; i++)
		status |= measure(argv[i]);
	return status;
}
