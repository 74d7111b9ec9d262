/*
 * The highlighted code blocks of one document (hlcache.h): per code
 * block, its language, the byte ranges highlighted so far (whole lines)
 * and their tokens in document offsets, in order.  Reading on from a
 * range goes on with the run that made it, so what a line leaves open
 * (a comment, a string) carries over; a request far from any range
 * starts a new run a little before it, so no key highlights more than
 * a few kilobytes however long the block.  Only the last block's run
 * is kept (each holds Source-highlight's formatters).
 */
#include <stdlib.h>
#include <string.h>

#include "quire/hlcache.h"
#include "quire/util.h"

#define CHUNK 2048  /* bytes highlighted past what is asked for */
#define REACH 4096  /* a range this close is read on to, not jumped over */
#define BEFORE 1024 /* a fresh run starts this much before the request */

/* Bytes A to B of a block's text, highlighted. */
struct range {
	uint32_t a, b;
};

/* One code block's highlighting. */
struct entry {
	const char *lang;     /* NULL: not highlighted */
	struct hl_run *run;   /* its last run (the cache's last block), or NULL */
	uint32_t run_at;      /* where it stands (what it read ends there) */
	uint32_t begin, end;  /* the block's text */
	struct range *r;      /* in order, apart */
	size_t nr, cap_r;
	struct hl_token *toks;
	size_t ntoks, cap;
};

struct hlcache {
	struct highlighter *h;
	const struct doc *doc;
	uint32_t *slot;       /* per block: 1 + its entry, or 0 */
	struct entry *e;
	size_t ne, cap_e;
	size_t last;          /* 1 + the entry whose run is kept, or 0 */
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
		free(c->e[i].r);
		free(c->e[i].toks);
	}
	free(c->e);
	free(c->slot);
	free(c);
}

/* The entry of code block BLOCK, set up on first use. */
static struct entry *
entry_of(struct hlcache *c, uint32_t block)
{
	const struct doc *d = c->doc;
	const struct block *b = &d->blocks[block];
	struct entry *e;
	uint32_t off, len;

	if (c->slot == NULL)
		c->slot = xcalloc(d->nblocks, sizeof(*c->slot));
	if (c->slot[block] != 0)
		return &c->e[c->slot[block] - 1];
	GROW(c->e, c->cap_e, c->ne, 1);
	e = &c->e[c->ne++];
	memset(e, 0, sizeof(*e));
	c->slot[block] = (uint32_t)c->ne;
	doc_block_text(d, block, &off, &len);
	e->begin = off;
	e->end = off + len;
	e->lang = hl_lang(d->aux + b->aux, b->aux_len, d->text + off, len);
	return e;
}

/* The start of the line holding text offset OFF, not before LO. */
static uint32_t
line_start(const char *t, uint32_t lo, uint32_t off)
{
	while (off > lo && t[off - 1] != '\n')
		off--;
	return off;
}

/*
 * Highlight E's lines from FROM (a line's start) until past TO, or up to
 * STOP (the next range, or the block's end), with a run that stands at
 * FROM; add a range and the tokens, in order, before range K.
 */
static void
highlight(struct hlcache *c, struct entry *e, size_t k, uint32_t from,
    uint32_t to, uint32_t stop)
{
	const char *t = c->doc->text;
	struct hl_token *line;
	uint32_t at = from;
	size_t n, m, i, pos;
	const char *nl;

	if (c->last != 0 && &c->e[c->last - 1] != e) { /* one run kept */
		hl_run_free(c->e[c->last - 1].run);
		c->e[c->last - 1].run = NULL;
	}
	c->last = (size_t)(e - c->e) + 1;
	if (e->run == NULL || e->run_at != from) {
		hl_run_free(e->run);
		e->run = NULL;
		if ((e->run = hl_run_new(c->h, e->lang)) == NULL) {
			e->lang = NULL; /* its definition cannot be read */
			return;
		}
	}
	pos = hlcache_find(e->toks, e->ntoks, from);
	while (at < stop && at <= to) {
		nl = memchr(t + at, '\n', stop - at);
		n = nl ? (size_t)(nl - (t + at)) : stop - at;
		GROW(e->toks, e->cap, e->ntoks, n + 1);
		line = e->toks + e->ntoks; /* room past the end, for now */
		m = hl_run_line(e->run, t + at, n, line);
		for (i = 0; i < m; i++)
			line[i].off += at;
		if (m > 0 && pos < e->ntoks) { /* before tokens already there */
			struct hl_token *tmp = xmalloc(m * sizeof(*tmp));

			memcpy(tmp, line, m * sizeof(*tmp));
			memmove(e->toks + pos + m, e->toks + pos,
			    (e->ntoks - pos) * sizeof(*tmp));
			memcpy(e->toks + pos, tmp, m * sizeof(*tmp));
			free(tmp);
		}
		e->ntoks += m;
		pos += m;
		at += (uint32_t)n + (nl != NULL);
	}
	e->run_at = at;
	if (k > 0 && e->r[k - 1].b == from) { /* joins the range before */
		e->r[k - 1].b = at;
		k--;
	} else {
		GROW(e->r, e->cap_r, e->nr, 1);
		memmove(e->r + k + 1, e->r + k, (e->nr - k) * sizeof(*e->r));
		e->r[k].a = from;
		e->r[k].b = at;
		e->nr++;
	}
	if (k + 1 < e->nr && e->r[k].b == e->r[k + 1].a) { /* and the next */
		e->r[k].b = e->r[k + 1].b;
		memmove(e->r + k + 1, e->r + k + 2,
		    (e->nr - k - 2) * sizeof(*e->r));
		e->nr--;
	}
}

/* Highlight what of E's text from FROM to TO is not yet. */
static void
cover(struct hlcache *c, struct entry *e, uint32_t from, uint32_t to)
{
	const char *t = c->doc->text;
	uint32_t prev, next, start;
	size_t k;

	if (from < e->begin)
		from = e->begin;
	if (to > e->end)
		to = e->end;
	while (from <= to && from < e->end && e->lang != NULL) {
		for (k = 0; k < e->nr && e->r[k].b <= from; k++)
			;
		if (k < e->nr && e->r[k].a <= from) { /* in range K */
			from = e->r[k].b;
			continue;
		}
		prev = k > 0 ? e->r[k - 1].b : e->begin;
		next = k < e->nr ? e->r[k].a : e->end;
		if (from - prev <= REACH && (k > 0 || prev == e->begin))
			start = prev; /* read on to it */
		else
			start = line_start(t, prev, from > prev + BEFORE ?
			    from - BEFORE : prev);
		highlight(c, e, k, start, to + CHUNK < to ? UINT32_MAX :
		    to + CHUNK, next);
		if (e->nr == 0)
			return;
	}
}

const struct hl_token *
hlcache_tokens(struct hlcache *c, uint32_t block, uint32_t from,
    uint32_t upto, size_t *n)
{
	const struct doc *d = c->doc;
	struct entry *e;

	*n = 0;
	if (block >= d->nblocks || block_kind(&d->blocks[block]) != BLOCK_CODE)
		return NULL;
	e = entry_of(c, block);
	if (e->lang == NULL)
		return NULL;
	cover(c, e, from, upto);
	*n = e->ntoks;
	return e->ntoks > 0 ? e->toks : NULL;
}
