/*
 * The arena a document's tree is parsed into (src/doc/arena.c): what it
 * gives is zeroed when asked, kept apart from every other piece, grown
 * in place when last, taken back when freed; strings grow apart from
 * nodes; pieces of 64 KiB and more live on their own; arenas nest; and
 * a document parsed into one is the document parsed with malloc().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "arena.h"
#include "build.h"
#include "parse.h"
#include "quire/doc.h"

/* The bytes the arenas say they hold, as the parse's budget counts. */
static size_t counted;

static void
tally(size_t n)
{
	counted += n;
}

/* Whether the N bytes at P are all C. */
static int
all(const void *p, int c, size_t n)
{
	const unsigned char *u = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (u[i] != (unsigned char)c)
			return 0;
	return 1;
}

/* Pieces given, freed, given again: zeroed each time calloc asks. */
static void
test_reuse(void)
{
	cmark_mem *m = &arena_mem;
	char *a, *b, *c;

	arena_begin(tally);
	a = m->calloc(1, 40);
	OK(all(a, 0, 40), "calloc gives zeros");
	memset(a, 0xAA, 40);
	b = m->calloc(1, 24);
	OK(b >= a + 40 || b + 24 <= a, "a second piece lies apart");
	memset(b, 0xBB, 24);
	m->free(a); /* not the last: kept for a piece of its size */
	c = m->calloc(1, 40);
	OK(c == a, "a freed piece is given again for its size");
	OK(all(c, 0, 40), "and zeroed for calloc");
	OK(all(b, 0xBB, 24), "the piece after it untouched");
	m->free(b); /* the last: taken back */
	c = m->calloc(3, 8);
	OK(c == b, "the last piece freed is the next given");
	OK(all(c, 0, 24), "zeroed again");
	arena_end();
}

/* realloc: in place while last, moved with its bytes otherwise. */
static void
test_grow(void)
{
	cmark_mem *m = &arena_mem;
	char *p, *q, *x;
	size_t i;

	arena_begin(tally);
	p = m->realloc(NULL, 16);
	memcpy(p, "0123456789abcdef", 16);
	q = m->realloc(p, 1000);
	OK(q == p, "the last piece grows in place");
	OK(memcmp(q, "0123456789abcdef", 16) == 0, "keeping its bytes");
	x = m->realloc(NULL, 8); /* a string after it */
	memset(x, 'x', 8);
	p = m->realloc(q, 4000);
	OK(p != q && memcmp(p, "0123456789abcdef", 16) == 0,
	    "a piece not last moves, with its bytes");
	OK(all(x, 'x', 8), "the piece after the old place is left alone");
	q = m->calloc(1, 64); /* a node: apart from the strings */
	x = m->realloc(p, 8000);
	OK(x == p, "a string grows in place past a node given since");
	OK(all(q, 0, 64), "and the node is left alone");
	p = x;
	/* grown past 64 KiB: a piece of its own, then larger */
	for (i = 0; i < 4000; i++)
		p[i] = (char)i;
	q = m->realloc(p, 100000);
	for (i = 0; i < 4000 && q[i] == (char)i; i++)
		;
	INT_EQ(i, 4000, "a piece grown past 64 KiB keeps its bytes");
	p = m->realloc(q, 1 << 20);
	for (i = 0; i < 4000 && p[i] == (char)i; i++)
		;
	INT_EQ(i, 4000, "and again, at 1 MiB");
	q = m->calloc(1, 200000);
	OK(all(q, 0, 200000), "a large calloc gives zeros");
	m->free(q); /* a large piece freed at once; the other at the end */
	arena_end();
}

/* Many pieces over several blocks: none overlaps another. */
static void
test_blocks(void)
{
	cmark_mem *m = &arena_mem;
	enum { N = 5000, SZ = 1000 };
	unsigned char **p = calloc(N, sizeof(*p));
	int i, bad = 0;

	arena_begin(tally);
	for (i = 0; i < N; i++) {
		p[i] = m->calloc(1, SZ);
		bad += !all(p[i], 0, SZ);
		memset(p[i], i & 0xFF, SZ);
	}
	INT_EQ(bad, 0, "5 MB of pieces, each zeroed");
	for (i = 0; i < N; i++)
		bad += !all(p[i], i & 0xFF, SZ);
	INT_EQ(bad, 0, "each keeps its bytes: no two overlap");
	OK(counted >= (size_t)N * SZ && counted < (size_t)N * SZ * 2,
	    "the budget is told of the blocks taken");
	arena_end();
	OK(counted == 0, "and of every byte given back");
	free(p);
}

/* Pieces of 64 KiB and more, which live on their own, counted too. */
static void
test_count_alone(void)
{
	cmark_mem *m = &arena_mem;
	char *p;

	arena_begin(tally);
	p = m->realloc(NULL, 100000);
	OK(counted >= 100000 && counted < 110000,
	    "a piece of 100 KB counts its bytes");
	p = m->realloc(p, 300000);
	OK(counted >= 300000 && counted < 310000, "grown, its new size");
	m->free(p);
	OK(counted == 0, "freed, nothing");
	arena_end();
	OK(counted == 0, "and nothing when the arena ends");
}

/* An arena opened inside another: the outer one gives again after. */
static void
test_nest(void)
{
	cmark_mem *m = &arena_mem;
	char *outer, *inner, *after;

	arena_begin(tally);
	outer = m->calloc(1, 64);
	memset(outer, 'o', 64);
	arena_begin(tally);
	inner = m->calloc(1, 64);
	memset(inner, 'i', 64);
	arena_end();
	after = m->calloc(1, 64);
	OK(all(outer, 'o', 64), "the outer arena's piece outlives the inner");
	OK(all(after, 0, 64) && after != outer,
	    "and the outer arena gives again");
	arena_end();
}

/* Whether A and B are the same model: text, blocks, runs and links. */
static int
same_doc(const struct doc *a, const struct doc *b)
{
	size_t i;

	if (a->text_len != b->text_len || a->nblocks != b->nblocks ||
	    a->nruns != b->nruns || a->nlinks != b->nlinks ||
	    a->aux_len != b->aux_len ||
	    memcmp(a->text, b->text, a->text_len) != 0 ||
	    memcmp(a->aux, b->aux, a->aux_len) != 0)
		return 0;
	for (i = 0; i < a->nruns; i++)
		if (a->runs[i].off != b->runs[i].off ||
		    a->runs[i].len != b->runs[i].len ||
		    a->runs[i].style != b->runs[i].style ||
		    a->runs[i].link != b->runs[i].link)
			return 0;
	for (i = 0; i < a->nblocks; i++)
		if (memcmp(&a->blocks[i], &b->blocks[i], sizeof(a->blocks[i])))
			return 0;
	return 1;
}

/* The file at PATH parsed into an arena and with malloc(): one model. */
static void
test_same(const char *path)
{
	size_t len;
	char *md = t_slurp(path, &len);
	cmark_node *root;
	struct doc *a, *b;

	if (!OK(md != NULL, "%s can be read", path))
		return;
	root = parse_markdown(md, len, PARSE_GFM | PARSE_NOTES | PARSE_ARENA);
	a = build_doc(root, 1);
	parse_free(root, PARSE_ARENA);
	root = parse_markdown(md, len, PARSE_GFM | PARSE_NOTES);
	b = build_doc(root, 1);
	parse_free(root, 0);
	OK(a->nblocks > 50, "%s has blocks (%zu)", path, a->nblocks);
	OK(same_doc(a, b), "%s: in an arena as with malloc()", path);
	doc_free(a);
	doc_free(b);
	free(md);
}

int
main(int argc, char **argv)
{
	int i;

	test_reuse();
	test_grow();
	test_blocks();
	test_count_alone();
	test_nest();
	for (i = 1; i < argc; i++)
		test_same(argv[i]);
	return t_done();
}
