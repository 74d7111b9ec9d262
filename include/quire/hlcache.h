/*
 * The highlighted code blocks of one document: token kinds over the
 * document's text, made when the screen first draws a block's lines
 * (the blocks on screen first, and of a long block only the part shown
 * so far), and kept until the document is closed.  The owner (the
 * pager) asks from the main thread only.
 */
#ifndef QUIRE_HLCACHE_H
#define QUIRE_HLCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "quire/doc.h"
#include "quire/highlight.h"

/* Past this many bytes into a block, code is not highlighted. */
#define HLCACHE_BLOCK_MAX (1u << 20)

struct hlcache;

/* A cache for DOC (which must outlive it) asking H (not owned).  Free
 * with hlcache_free(). */
struct hlcache *hlcache_new(struct highlighter *h, const struct doc *doc);

/* Free the cache and its tokens; NULL does nothing. */
void hlcache_free(struct hlcache *c);

/*
 * The tokens of code block BLOCK, in order, offsets in doc->text: at
 * least those of its lines up to text offset UPTO (the block's lines
 * are highlighted that far now if they were not).  Their number in *N;
 * NULL when the block is not code or is not highlighted.  The array
 * moves when more of the block is highlighted.
 */
const struct hl_token *hlcache_tokens(struct hlcache *c, uint32_t block,
    uint32_t upto, size_t *n);

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
