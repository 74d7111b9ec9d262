/*
 * The highlighted code blocks of one document (hlcache.h): per code
 * block, the run highlighting it, how far it has got, and its tokens
 * in document offsets.  A block is highlighted a few kilobytes at a
 * time past what the screen asks for.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/hlcache.h"
#include "quire/util.h"

#define CHUNK 8192 /* bytes highlighted past what is asked for */

/* One code block's highlighting. */
struct entry {
	struct hl_run *run;   /* NULL once done, or never started */
	uint32_t begin;       /* the block's text starts here */
	uint32_t done;        /* doc->text offset highlighted up to */
	uint32_t end;         /* the block's text ends here */
	int plain;            /* no highlighting for this block */
	struct hl_token *toks;
	size_t ntoks, cap;
};

struct hlcache {
	struct highlighter *h;
	const struct doc *doc;
	uint32_t *slot;       /* per block: 1 + its entry, or 0 */
	struct entry *e;
	size_t ne, cap_e;
};

struct hlcache *
hlcache_new(struct highlighter *h, const struct doc *doc)
{
	struct hlcache *c = xcalloc(1, sizeof(*c));

	c->h = h;
	c->doc = doc;
	return c;
}

void
hlcache_free(struct hlcache *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->ne; i++) {
		hl_run_free(c->e[i].run);
		free(c->e[i].toks);
	}
	free(c->e);
	free(c->slot);
	free(c);
}

/* Set up the entry of code block BLOCK: its language and its run. */
static struct entry *
entry_new(struct hlcache *c, uint32_t block)
{
	const struct doc *d = c->doc;
	const struct block *b = &d->blocks[block];
	struct entry *e;
	uint32_t off, len;
	const char *lang;

	if (c->slot == NULL)
		c->slot = xcalloc(d->nblocks, sizeof(*c->slot));
	GROW(c->e, c->cap_e, c->ne, 1);
	e = &c->e[c->ne++];
	memset(e, 0, sizeof(*e));
	c->slot[block] = (uint32_t)c->ne;
	doc_block_text(d, block, &off, &len);
	e->begin = e->done = off;
	e->end = off + len;
	lang = hl_lang(d->aux + b->aux, b->aux_len, d->text + off, len);
	e->run = lang != NULL ? hl_run_new(c->h, lang) : NULL;
	e->plain = e->run == NULL;
	return e;
}

/* Highlight E's lines from where it stands until past UPTO (and CHUNK
 * bytes more), or to its end. */
static void
entry_more(struct hlcache *c, struct entry *e, uint32_t upto)
{
	const char *t = c->doc->text;
	uint32_t stop;
	const char *nl;
	size_t n, k;

	stop = upto > UINT32_MAX - CHUNK ? UINT32_MAX : upto + CHUNK;
	while (e->done < e->end && e->done <= stop) {
		nl = memchr(t + e->done, '\n', e->end - e->done);
		n = nl ? (size_t)(nl - (t + e->done)) : e->end - e->done;
		GROW(e->toks, e->cap, e->ntoks, n + 1);
		k = hl_run_line(e->run, t + e->done, n, e->toks + e->ntoks);
		for (; k > 0; k--, e->ntoks++)
			e->toks[e->ntoks].off += e->done;
		e->done += (uint32_t)n + (nl != NULL);
		if (e->done - e->begin > HLCACHE_BLOCK_MAX)
			break;
	}
	if (e->done >= e->end || e->done - e->begin > HLCACHE_BLOCK_MAX) {
		hl_run_free(e->run);
		e->run = NULL;
	}
}

const struct hl_token *
hlcache_tokens(struct hlcache *c, uint32_t block, uint32_t upto, size_t *n)
{
	const struct doc *d = c->doc;
	struct entry *e;

	*n = 0;
	if (block >= d->nblocks || block_kind(&d->blocks[block]) != BLOCK_CODE)
		return NULL;
	e = c->slot != NULL && c->slot[block] ? &c->e[c->slot[block] - 1] :
	    entry_new(c, block);
	if (e->plain)
		return NULL;
	if (e->run != NULL && e->done <= upto)
		entry_more(c, e, upto);
	*n = e->ntoks;
	return e->toks;
}
