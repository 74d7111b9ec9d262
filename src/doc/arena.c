/*
 * The memory of one cmark-gfm tree: blocks of 2 MiB taken from the
 * system, given out in order (a size word before each piece), and given
 * back all at once when the tree is done with.  A large document's parse
 * makes hundreds of thousands of nodes and strings; freed one by one they
 * cost a good part of the parse, and from blocks they lie in the order
 * the walks over the tree visit them: what cmark-gfm callocs (nodes,
 * mostly) and what it reallocs (strings that grow, a paragraph's text
 * line after line) come from blocks of their own, so the nodes lie close
 * together, as the walks want them.  A piece that grows while it is the
 * last one given out grows in place (a paragraph's text, line after
 * line), and a free of the last one takes it back; another piece freed
 * is given again for the next of its size (up to 512 bytes), or left to
 * the end.  Pieces of 64 KiB or more are malloc()ed on
 * their own and freed as they go, so a long literal that grows leaves no
 * old copies behind.  Each thread has its own arena (cmark-gfm's
 * allocator is three functions with no context), opened by arena_begin().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "quire/exit.h"
#include "quire/util.h"
#include "arena.h"

#define CHUNK ((size_t)1 << 21) /* bytes of a block from the system */
#define ALONE ((size_t)64 << 10) /* pieces this large are malloc()ed */
#define WORD sizeof(size_t)     /* the alignment, and the size word */
#define BIG ((size_t)1)         /* size word flag: a piece malloc()ed */

/* A block from the system: this header, then pieces. */
struct chunk {
	struct chunk *next;    /* the block filled before this one */
	size_t size;           /* bytes, with this header */
	size_t used;           /* bytes given out, from the start */
	size_t dirty;          /* bytes ever given out: past them, zeros */
};

/* A piece malloc()ed alone: its links, then its size word. */
struct alone {
	struct alone *prev, *next;
	size_t head;
};

#define BINS 64           /* pieces freed are kept by size up to... */
#define BIN_MAX (BINS * WORD) /* ...this many bytes, to be given again */

/* Blocks given out from in order: one for what cmark-gfm callocs (its
 * nodes, for the most part), one for what it reallocs (strings that
 * grow), so the nodes lie close together for the walks over them. */
enum { NODES, DATA, NREGIONS };

struct region {
	struct chunk *chunk;   /* the block given out from, or NULL */
	char *last;            /* the last piece given out of it, or NULL */
};

struct arena {
	struct region r[NREGIONS];
	void *bin[BINS];       /* pieces freed, by size / WORD: a list
	                          through their first word */
	struct alone *alone;   /* the pieces malloc()ed alone */
	struct arena *outer;   /* the arena open before this one */
	void (*count)(size_t); /* told of every byte taken and given back */
	size_t held;           /* bytes taken from the system */
};

/* Tell A's counter of N more bytes held (N wraps round for fewer). */
static void
held(struct arena *a, size_t n)
{
	a->held += n;
	a->count(n);
}

static _Thread_local struct arena *cur;

/* Out of memory for N bytes: the one clean exit. */
static void
oom(size_t n)
{
	fatal(EXIT_NOMEM, "out of memory allocating %zu bytes", n);
}

/* N bytes (a multiple of WORD, less than ALONE): a piece freed of that
 * size, or from region R's block, or a new one; zeroed if ZERO. */
static char *
take(struct arena *a, int r, size_t n, int zero)
{
	struct region *g = &a->r[r];
	struct chunk *c = g->chunk;
	size_t at;
	void *p;

	if (n >= WORD && n < BIN_MAX && (p = a->bin[n / WORD]) != NULL) {
		a->bin[n / WORD] = *(void **)p;
		if (zero)
			memset(p, 0, n);
		return p;
	}
	if (c == NULL || c->size - c->used < n + WORD) {
		c = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (c == MAP_FAILED)
			oom(CHUNK);
		held(a, CHUNK);
		c->next = g->chunk;
		c->size = CHUNK;
		c->used = c->dirty = sizeof(*c);
		g->chunk = c;
	}
	at = c->used + WORD;
	*(size_t *)((char *)c + c->used) = n;
	c->used = at + n;
	if (zero && c->dirty > at)
		memset((char *)c + at, 0, (c->dirty < c->used ? c->dirty :
		    c->used) - at);
	if (c->used > c->dirty)
		c->dirty = c->used;
	return g->last = (char *)c + at;
}

/* A piece of N bytes malloc()ed alone, zeroed if ZERO. */
static void *
alone_new(struct arena *a, size_t n, int zero)
{
	struct alone *p;

	if (n > SIZE_MAX - sizeof(*p))
		oom(n);
	p = zero ? xcalloc(1, sizeof(*p) + n) : xmalloc(sizeof(*p) + n);
	held(a, sizeof(*p) + n);
	p->prev = NULL;
	p->next = a->alone;
	if (a->alone != NULL)
		a->alone->prev = p;
	a->alone = p;
	p->head = n | BIG;
	return p + 1;
}

/* Link P, moved by realloc(), where it was. */
static void
alone_moved(struct arena *a, struct alone *p)
{
	if (p->prev != NULL)
		p->prev->next = p;
	else
		a->alone = p;
	if (p->next != NULL)
		p->next->prev = p;
}

/* N bytes rounded up to the alignment, or oom(). */
static size_t
round_up(size_t n)
{
	if (n > SIZE_MAX - ALONE)
		oom(n);
	return (n + WORD - 1) & ~(WORD - 1);
}

static void *
arena_calloc(size_t n, size_t size)
{
	size_t len;

	if (size != 0 && n > SIZE_MAX / size)
		oom(SIZE_MAX);
	len = round_up(n * size);
	if (len >= ALONE)
		return alone_new(cur, len, 1);
	return take(cur, NODES, len, 1);
}

static void
arena_free(void *ptr)
{
	struct arena *a = cur;
	struct alone *p;
	size_t n;
	int r;

	if (ptr == NULL)
		return;
	if (((size_t *)ptr)[-1] & BIG) {
		p = (struct alone *)ptr - 1;
		if (p->prev != NULL)
			p->prev->next = p->next;
		else
			a->alone = p->next;
		if (p->next != NULL)
			p->next->prev = p->prev;
		held(a, -(sizeof(*p) + (p->head & ~BIG)));
		free(p);
		return;
	}
	for (r = 0; r < NREGIONS; r++)
		if (ptr == a->r[r].last) { /* the last piece: taken back */
			a->r[r].chunk->used = (size_t)((char *)ptr -
			    (char *)a->r[r].chunk) - WORD;
			a->r[r].last = NULL;
			return;
		}
	if ((n = ((size_t *)ptr)[-1]) >= WORD && n < BIN_MAX) {
		*(void **)ptr = a->bin[n / WORD];
		a->bin[n / WORD] = ptr;
	}
}

static void *
arena_realloc(void *ptr, size_t size)
{
	struct arena *a = cur;
	struct chunk *c;
	size_t len, old, at;
	struct alone *p;
	char *q;
	int r;

	len = round_up(size);
	if (ptr == NULL)
		return len >= ALONE ? alone_new(a, len, 0) : take(a, DATA, len, 0);
	old = ((size_t *)ptr)[-1];
	if (old & BIG) {
		held(a, len - (old & ~BIG));
		p = xrealloc((struct alone *)ptr - 1, sizeof(*p) + len);
		p->head = len | BIG;
		alone_moved(a, p);
		return p + 1;
	}
	if (len <= old)
		return ptr;
	for (r = 0; r < NREGIONS && len < ALONE; r++) {
		if (ptr != a->r[r].last)
			continue;
		c = a->r[r].chunk;
		at = (size_t)((char *)ptr - (char *)c);
		if (c->size - at < len)
			break;
		((size_t *)ptr)[-1] = len; /* the last piece grows in place */
		c->used = at + len;
		if (c->used > c->dirty)
			c->dirty = c->used;
		return ptr;
	}
	q = len >= ALONE ? alone_new(a, len, 0) : take(a, DATA, len, 0);
	memcpy(q, ptr, old);
	arena_free(ptr);
	return q;
}

cmark_mem arena_mem = { arena_calloc, arena_realloc, arena_free };

void
arena_begin(void (*count)(size_t))
{
	struct arena *a = xcalloc(1, sizeof(*a));

	a->count = count;
	a->outer = cur;
	cur = a;
}

void
arena_end(void)
{
	struct arena *a = cur;
	struct chunk *c;
	struct alone *p;
	int r;

	if (a == NULL)
		return;
	for (r = 0; r < NREGIONS; r++)
		while ((c = a->r[r].chunk) != NULL) {
			a->r[r].chunk = c->next;
			munmap(c, c->size);
		}
	while ((p = a->alone) != NULL) {
		a->alone = p->next;
		free(p);
	}
	a->count(-a->held);
	cur = a->outer;
	free(a);
}
