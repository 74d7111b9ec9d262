/*
 * The highlighted code blocks of one document: token kinds over the
 * document's text, made when the screen first draws a block's lines
 * (the blocks on screen first, and of a long block only the lines shown
 * and a little more), and kept until the document is closed.  The owner
 * (the pager) asks from the main thread only.
 */
#ifndef QUIRE_HLCACHE_H
#define QUIRE_HLCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "quire/doc.h"
#include "quire/highlight.h"

struct hlcache;

/* A cache for DOC (which must outlive it) asking H (not owned).  Free
 * with hlcache_free(). */
struct hlcache *hlcache_new(struct highlighter *h, const struct doc *doc);

/* Free the cache and its tokens; NULL does nothing. */
void hlcache_free(struct hlcache *c);

/*
 * The tokens of code block BLOCK, in order, offsets in doc->text, with
 * those of its text from FROM to UPTO among them (highlighted now if
 * they were not: reading on from what was, or, far from it, afresh a
 * little before FROM, so a comment opened far above a jump may read as
 * code).  Their number in *N; NULL when the block is not code or is not
 * highlighted.  The array moves when more of the block is highlighted.
 */
const struct hl_token *hlcache_tokens(struct hlcache *c, uint32_t block,
    uint32_t from, uint32_t upto, size_t *n);

/* The first of the N tokens T that ends after text offset OFF (N when
 * none does). */
static inline size_t
hlcache_find(const struct hl_token *t, size_t n, uint32_t off)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t[mid].off + t[mid].len <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#endif
