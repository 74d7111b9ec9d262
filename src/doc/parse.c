/*
 * The cmark-gfm parser, set up one way and run one at a time.  The lock
 * is the core's one piece of process-wide state, and it stands for one
 * cmark-gfm keeps itself: the table of characters the inline parser
 * stops at, which extensions (strikethrough's '~') add to and take back
 * around each parse.  Two parses at once, a background load and any
 * other, would read and write it together.
 */
#include <pthread.h>
#include <stdlib.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "quire/util.h"
#include "parse.h"

/* cmark's allocator: quire's, so running out of memory is one clean exit
 * (status 3) rather than cmark's abort(). */
static cmark_mem quire_mem = { xcalloc, xrealloc, free };

static pthread_mutex_t one_parse = PTHREAD_MUTEX_INITIALIZER;

/* Attach the GFM extension NAME to parser P, if it exists. */
static void
attach(cmark_parser *p, const char *name)
{
	cmark_syntax_extension *ext = cmark_find_syntax_extension(name);

	if (ext != NULL)
		cmark_parser_attach_syntax_extension(p, ext);
}

cmark_parser *
parse_begin(int flags)
{
	cmark_parser *p;
	int opts = CMARK_OPT_DEFAULT;

	if (flags & PARSE_NOTES)
		opts |= CMARK_OPT_FOOTNOTES;
	if (!(flags & PARSE_BESIDE))
		pthread_mutex_lock(&one_parse);
	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new_with_mem(opts, &quire_mem);
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
	cmark_parser *p = parse_begin(flags);

	cmark_parser_feed(p, md, len);
	return parse_finish(p);
}
