/*
 * The quick answers measured: reads tests/faq_eval/questions.txt, asks
 * each question of its document and finds where the expected answer
 * ranks.  Prints top-1 (the right answer first) and the mean reciprocal
 * rank for the tuning questions and the held-out ones; with --min-tune N
 * and --min-held M it is a TAP test failing when fewer than N or M
 * questions have the right answer first.  -v lists every miss and
 * the figures per document, -vv the misses with the first three answers
 * and their scores; --ranks prints every question's rank (to compare two
 * rankings question by question).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/doc.h"
#include "quire/faq.h"
#include "quire/util.h"

#define RANKS 10 /* answers looked at per question */

/* Figures for one set of questions. */
struct tally {
	int n, top1;
	double rr;
};

#define DOCS 32 /* documents given figures of their own */

/* The figures of one document's questions. */
struct per_doc {
	char path[1024];
	struct tally t;
};

/* The tally of document PATH in DOCS (N of them), added if new; NULL
 * when there is no room. */
static struct tally *
doc_tally(struct per_doc *docs, int *n, const char *path)
{
	int i;

	for (i = 0; i < *n; i++)
		if (strcmp(docs[i].path, path) == 0)
			return &docs[i].t;
	if (*n == DOCS)
		return NULL;
	snprintf(docs[*n].path, sizeof(docs[*n].path), "%s", path);
	return &docs[(*n)++].t;
}

/* Whether TITLE (LEN bytes) starts with WANT, ignoring case and blanks. */
static int
title_starts(const char *title, size_t len, const char *want, size_t wlen)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < len && isspace((unsigned char)title[i]))
			i++;
		while (j < wlen && isspace((unsigned char)want[j]))
			j++;
		if (j == wlen)
			return 1;
		if (i == len || tolower((unsigned char)title[i]) !=
		    tolower((unsigned char)want[j]))
			return 0;
		i++, j++;
	}
}

/* Whether TITLE is one of the answers in EXPECT ("a || b"). */
static int
is_expected(const char *title, size_t len, const char *expect)
{
	const char *p = expect, *q;

	for (;;) {
		q = strstr(p, " || ");
		if (title_starts(title, len, p, q ? (size_t)(q - p) : strlen(p)))
			return 1;
		if (q == NULL)
			return 0;
		p = q + 4;
	}
}

/* The rank (1-based) of the expected answer to Q in D, 0 if not found;
 * the first answer's title in FIRST. */
static int
rank_of(const struct doc *d, const struct faq_index *ix, const char *q,
    const char *expect, struct buf *first, struct buf *top)
{
	struct faq_hit h[RANKS];
	size_t n = faq_rank(ix, q, 1, h, RANKS), i;
	const char *t;
	size_t len;

	first->len = 0;
	top->len = 0;
	for (i = 0; i < n; i++) {
		if (h[i].faq != DOC_NONE) {
			t = d->text + d->faqs[h[i].faq].q_off;
			len = d->faqs[h[i].faq].q_len;
		} else {
			t = d->text + d->sections[h[i].section].title;
			len = d->sections[h[i].section].title_len;
		}
		if (i == 0)
			buf_put(first, t, len);
		if (i < 3) {
			char sc[32];

			snprintf(sc, sizeof(sc), "#   %6.2f ", h[i].score);
			buf_put(top, sc, strlen(sc));
			buf_put(top, t, len);
			buf_put(top, "\n", 1);
		}
		if (is_expected(t, len, expect))
			return (int)i + 1;
	}
	return 0;
}

/* Cut S at the first " | " and trim it; return the rest, or NULL. */
static char *
field(char *s)
{
	char *bar = strstr(s, " | "), *end;

	if (bar != NULL)
		*bar = '\0';
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return bar ? bar + 3 : NULL;
}

/* Open the document at PATH (relative to SRC unless absolute). */
static struct doc *
open_doc(const char *src, const char *path)
{
	char full[4096];
	enum doc_error err;

	snprintf(full, sizeof(full), "%s%s%s", path[0] == '/' ? "" : src,
	    path[0] == '/' ? "" : "/", path);
	return doc_load_file(full, 0, &err);
}

int
main(int argc, char **argv)
{
	const char *src = ".", *file = NULL;
	int min[2] = { -1, -1 }, skipped[2] = { 0, 0 }, verbose = 0, i;
	int ranks = 0;
	struct tally t[2] = { { 0, 0, 0 }, { 0, 0, 0 } }, *per = NULL;
	struct per_doc docs[DOCS];
	int ndocs = 0;
	struct doc *d = NULL;
	struct faq_index *ix = NULL;
	struct buf first = { 0 }, top = { 0 };
	char line[1024];
	FILE *f;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "-vv") == 0)
			verbose = 2;
		else if (strcmp(argv[i], "--ranks") == 0)
			ranks = 1;
		else if (strcmp(argv[i], "--min-tune") == 0 && i + 1 < argc)
			min[0] = atoi(argv[++i]);
		else if (strcmp(argv[i], "--min-held") == 0 && i + 1 < argc)
			min[1] = atoi(argv[++i]);
		else if (strcmp(argv[i], "--src") == 0 && i + 1 < argc)
			src = argv[++i];
		else
			file = argv[i];
	}
	if (file == NULL || (f = fopen(file, "r")) == NULL) {
		fprintf(stderr, "usage: faq-eval [-v|-vv] [--ranks] [--src DIR] "
		    "[--min-tune N] [--min-held M] QUESTIONS\n");
		return 2;
	}
	while (fgets(line, sizeof(line), f)) {
		char *q, *want, *nl = strchr(line, '\n');
		int held, r;

		if (nl)
			*nl = '\0';
		if (strncmp(line, "@doc ", 5) == 0) {
			per = doc_tally(docs, &ndocs, line + 5);
			faq_index_free(ix);
			doc_free(d);
			ix = NULL;
			d = open_doc(src, line + 5);
			if (d == NULL)
				printf("# skipped, cannot read: %s\n", line + 5);
			else
				ix = faq_index_new(d);
			continue;
		}
		if ((line[0] != 'T' && line[0] != 'H') || line[1] != ' ')
			continue;
		held = line[0] == 'H';
		if (d == NULL) {
			skipped[held]++;
			continue;
		}
		q = line + 4;
		want = field(q);
		if (want == NULL)
			continue;
		field(want);
		r = rank_of(d, ix, q, want, &first, &top);
		t[held].n++;
		t[held].top1 += r == 1;
		t[held].rr += r ? 1.0 / r : 0;
		if (per != NULL) {
			per->n++;
			per->top1 += r == 1;
			per->rr += r ? 1.0 / r : 0;
		}
		if (ranks)
			printf("%d\t%s\n", r, q);
		if (verbose && r != 1)
			printf("# miss%s (rank %d): \"%s\" -> \"%.*s\", want \"%s\"\n",
			    held ? " HELD" : "", r, q, (int)first.len,
			    first.data ? first.data : "", want);
		if (verbose > 1 && r != 1)
			printf("%.*s", (int)top.len, top.data ? top.data : "");
	}
	fclose(f);
	faq_index_free(ix);
	doc_free(d);
	buf_free(&first);
	buf_free(&top);
	for (i = 0; verbose && i < ndocs; i++)
		if (docs[i].t.n > 0)
			printf("# %s: %d, %d first, MRR %.3f\n", docs[i].path,
			    docs[i].t.n, docs[i].t.top1,
			    docs[i].t.rr / docs[i].t.n);
	printf("# %-8s %3s %5s %6s\n", "set", "n", "top-1", "MRR");
	for (i = 0; i < 2; i++)
		printf("# %-8s %3d %5d %6.3f\n", i ? "held-out" : "tuning",
		    t[i].n, t[i].top1, t[i].n ? t[i].rr / t[i].n : 0);
	if (skipped[0] + skipped[1])
		printf("# skipped (document absent): %d tuning, %d held-out\n",
		    skipped[0], skipped[1]);
	if (min[0] < 0 && min[1] < 0)
		return 0;
	/* A question whose document is absent is not held against the
	 * ranking: the floors are figures measured with every document. */
	printf("1..2\n");
	for (i = 0; i < 2; i++)
		printf("%sok %d - %s questions: %d first (and %d skipped), "
		    "at least %d\n", t[i].top1 + skipped[i] >= min[i] ? "" :
		    "not ", i + 1, i ? "held-out" : "tuning", t[i].top1,
		    skipped[i], min[i]);
	return t[0].top1 + skipped[0] >= min[0] &&
	    t[1].top1 + skipped[1] >= min[1] ? 0 : 1;
}
