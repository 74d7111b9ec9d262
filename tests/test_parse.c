/*
 * One parse at a time: every parse goes through src/doc/parse.c, which
 * lets a second parse (another thread's) wait for the first instead of
 * both changing cmark-gfm's global table of special characters.  Two
 * threads load documents at once and get what one thread gets; a parse
 * begun while another runs waits for it to finish.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "parse.h"
#include "quire/doc.h"

#define ROUNDS 6

/* Markdown that leans on the extensions' special characters. */
static char *
sample(size_t *len)
{
	static const char para[] =
	    "Some ~~struck~~ text, *emphasis*, `code`, a [link](http://x)"
	    " and www.example.com~ with a footnote[^n].\n\n"
	    "| a | ~~b~~ |\n|---|---|\n| ~x~ | *y* |\n\n"
	    "- [x] done ~~not~~\n- [ ] to do\n\n";
	struct buf b = { 0 };
	int i;

	for (i = 0; i < 400; i++)
		buf_puts(&b, para);
	buf_puts(&b, "[^n]: The note, ~~struck~~.\n");
	*len = b.len;
	return b.data;
}

/* Whether A and B are the same model: text, blocks and runs. */
static int
same_doc(const struct doc *a, const struct doc *b)
{
	size_t i;

	if (a->text_len != b->text_len || a->nblocks != b->nblocks ||
	    a->nruns != b->nruns || a->nlinks != b->nlinks ||
	    memcmp(a->text, b->text, a->text_len) != 0)
		return 0;
	for (i = 0; i < a->nruns; i++)
		if (a->runs[i].off != b->runs[i].off ||
		    a->runs[i].len != b->runs[i].len ||
		    a->runs[i].style != b->runs[i].style)
			return 0;
	for (i = 0; i < a->nblocks; i++)
		if (a->blocks[i].kind != b->blocks[i].kind)
			return 0;
	return 1;
}

struct loader {
	const char *md;
	size_t len;
	const struct doc *want;
	int same;               /* loads that gave WANT */
};

static void *
load_rounds(void *arg)
{
	struct loader *l = arg;
	struct doc *d;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		d = doc_load_buffer(l->md, l->len);
		l->same += same_doc(d, l->want);
		doc_free(d);
	}
	return NULL;
}

struct waiter {
	const char *md;
	size_t len;
	atomic_int done;
	int blocks;             /* top-level nodes of its tree */
};

static void *
parse_waiting(void *arg)
{
	struct waiter *w = arg;
	cmark_node *root = parse_markdown(w->md, w->len, PARSE_GFM), *n;

	for (n = cmark_node_first_child(root); n; n = cmark_node_next(n))
		w->blocks++;
	cmark_node_free(root);
	atomic_store(&w->done, 1);
	return NULL;
}

int
main(void)
{
	struct timespec pause = { 0, 200 * 1000 * 1000 };
	struct loader l[2];
	struct waiter w = { "# one\n\ntwo ~~three~~\n", 21, 0, 0 };
	pthread_t th[2];
	cmark_parser *p;
	cmark_node *root;
	struct doc *want;
	size_t len;
	char *md = sample(&len);
	int i;

	/* Two threads loading at once get what one thread gets. */
	want = doc_load_buffer(md, len);
	OK(want->nblocks > 1000 && want->nlinks > 800,
	    "the sample has blocks and links (%zu, %zu)", want->nblocks,
	    want->nlinks);
	for (i = 0; i < 2; i++) {
		l[i] = (struct loader){ md, len, want, 0 };
		OK(pthread_create(&th[i], NULL, load_rounds, &l[i]) == 0,
		    "thread %d starts", i);
	}
	for (i = 0; i < 2; i++) {
		pthread_join(th[i], NULL);
		INT_EQ(l[i].same, ROUNDS, "thread %d: every load as alone", i);
	}

	/* A parse begun while another runs waits for it. */
	atomic_init(&w.done, 0);
	p = parse_begin(PARSE_GFM | PARSE_NOTES, len);
	OK(pthread_create(&th[0], NULL, parse_waiting, &w) == 0,
	    "the second parse's thread starts");
	nanosleep(&pause, NULL);
	INT_EQ(atomic_load(&w.done), 0,
	    "a second parse waits while the first runs");
	cmark_parser_feed(p, md, len);
	root = parse_finish(p);
	pthread_join(th[0], NULL);
	INT_EQ(atomic_load(&w.done), 1, "it runs once the first is done");
	INT_EQ(w.blocks, 2, "and parses its text (a heading, a paragraph)");
	OK(cmark_node_first_child(root) != NULL, "the first parse has a tree");
	cmark_node_free(root);

	doc_free(want);
	free(md);
	return t_done();
}
