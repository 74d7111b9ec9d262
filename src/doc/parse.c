/*
 * The cmark-gfm parser, set up one way and run one at a time.  The lock
 * is the core's one piece of process-wide state, and it stands for one
 * cmark-gfm keeps itself: the table of characters the inline parser
 * stops at, which extensions (strikethrough's '~') add to and take back
 * around each parse.  Two parses at once, a background load and any
 * other, would read and write it together.
 */
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "quire/exit.h"
#include "quire/util.h"
#include "arena.h"
#include "parse.h"

/* The bytes cmark-gfm holds now for this thread (its parsers and
 * trees), and what the parse it runs may make it hold.  A thread frees
 * the trees it parses (load.c), so no count is shared. */
static _Thread_local size_t held;
static _Thread_local size_t budget = PARSE_MEM_MAX;

/* Count N more bytes held (N may wrap round to less); end quire when
 * the parse has spent its budget. */
static void
count(size_t n)
{
	held += n;
	if (held > budget && n < SIZE_MAX / 2)
		fatal(EXIT_LIMIT, "a document needs more than %zu MiB to parse; "
		    "quire stops there", budget >> 20);
}

static void *
count_calloc(size_t n, size_t size)
{
	void *p = xcalloc(n, size);

	count(malloc_usable_size(p));
	return p;
}

static void *
count_realloc(void *p, size_t size)
{
	size_t was = p != NULL ? malloc_usable_size(p) : 0;
	void *q = xrealloc(p, size);

	count(malloc_usable_size(q) - was);
	return q;
}

static void
count_free(void *p)
{
	if (p != NULL) {
		held -= malloc_usable_size(p);
		free(p);
	}
}

/* cmark's allocator: quire's, so running out of memory is one clean exit
 * (status 3) rather than cmark's abort(), and counted, so a document
 * whose tree would outgrow the budget is one too (status 4). */
static cmark_mem quire_mem = { count_calloc, count_realloc, count_free };

static pthread_mutex_t one_parse = PTHREAD_MUTEX_INITIALIZER;

/* Attach the GFM extension NAME to parser P, if it exists. */
static void
attach(cmark_parser *p, const char *name)
{
	cmark_syntax_extension *ext = cmark_find_syntax_extension(name);

	if (ext != NULL)
		cmark_parser_attach_syntax_extension(p, ext);
}

size_t
parse_budget(size_t len)
{
	size_t b = len > PARSE_MEM_MAX / PARSE_MEM_PER_BYTE ? PARSE_MEM_MAX :
	    len * PARSE_MEM_PER_BYTE;

	return b < PARSE_MEM_MIN ? PARSE_MEM_MIN : b;
}

/* Ten milliseconds from now, in TS. */
static const struct timespec *
deadline(struct timespec *ts)
{
	clock_gettime(CLOCK_REALTIME, ts);
	ts->tv_nsec += 10000000;
	if (ts->tv_nsec >= 1000000000)
		ts->tv_sec++, ts->tv_nsec -= 1000000000;
	return ts;
}

cmark_parser *
parse_begin(int flags, size_t len)
{
	struct timespec ts;
	cmark_parser *p;
	int opts = CMARK_OPT_DEFAULT;

	if (flags & PARSE_NOTES)
		opts |= CMARK_OPT_FOOTNOTES;
	if (!(flags & PARSE_BESIDE)) {
		/* A background parse that ended quire holds the lock for
		 * ever. */
		while (pthread_mutex_timedlock(&one_parse,
		    deadline(&ts)) != 0)
			util_fatal_check();
	}
	/* What other trees hold (a first part being built) counts too. */
	budget = held + parse_budget(len);
	cmark_gfm_core_extensions_ensure_registered();
	if (flags & PARSE_ARENA)
		arena_begin(count);
	p = cmark_parser_new_with_mem(opts, flags & PARSE_ARENA ? &arena_mem :
	    &quire_mem);
	if (flags & PARSE_GFM) {
		attach(p, "table");
		if (!(flags & PARSE_BESIDE))
			attach(p, "strikethrough");
		attach(p, "tasklist");
	}
	return p;
}

/* Finish P, begun with FLAGS. */
static cmark_node *
finish(cmark_parser *p, int flags)
{
	cmark_node *root = cmark_parser_finish(p);

	cmark_parser_free(p);
	if (!(flags & PARSE_BESIDE))
		pthread_mutex_unlock(&one_parse);
	return root;
}

cmark_node *
parse_finish(cmark_parser *p)
{
	return finish(p, 0);
}

cmark_node *
parse_finish_beside(cmark_parser *p)
{
	return finish(p, PARSE_BESIDE);
}

cmark_node *
parse_markdown(const char *md, size_t len, int flags)
{
	cmark_parser *p = parse_begin(flags, len);

	cmark_parser_feed(p, md, len);
	return parse_finish(p);
}

void
parse_free(cmark_node *root, int flags)
{
	if (flags & PARSE_ARENA)
		arena_end();
	else
		cmark_node_free(root);
}
