/*
 * The link reference definitions of a file, kept by the footnotes scan
 * (notes_scan.c) for the part cut from the file's end: the notes it
 * shows were written anywhere in the file, and their links by reference
 * ("see [the manual][man]") read as links only with the definitions
 * they name, which stand anywhere too.  A line at the top level that
 * opens a paragraph (or follows a definition) with "[label]: dest" is
 * taken for one, as cmark-gfm would take it; the first of a label wins.
 * What the line scan cannot see (a definition over two lines, in a quote
 * or a list) is missed: such a link reads as written until the whole
 * replaces the part.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quire/doc.h"
#include "quire/util.h"
#include "notes.h"

#define LINKS_MAX_BYTES (8u << 20)  /* definitions copied, at most */

struct def {
	uint64_t hash;      /* of its folded label */
	size_t key;         /* its folded label, in keys */
	size_t klen;
	size_t at, len;     /* its line, in md */
	size_t off;         /* where it is in the file */
};

struct doc_note_links {
	struct buf keys, md;
	struct def *v;
	size_t n, cap;
};

/* The label at P (N bytes) as cmark-gfm matches it, near enough, in B:
 * blanks made one space, none at the ends, ASCII case folded.  0 if
 * empty. */
static size_t
fold(struct buf *b, const char *p, size_t n)
{
	size_t i, k;
	char *o;
	int sp = 0;

	GROW(b->data, b->cap, b->len, n + 1);
	o = b->data + b->len;
	for (i = k = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = k > 0;
			continue;
		}
		if (sp)
			o[k++] = ' ';
		sp = 0;
		o[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	b->len += k;
	return k;
}

/* Whether definitions A and B of L have the same label. */
static int
same(const struct doc_note_links *l, const struct def *a,
    const struct def *b)
{
	return a->hash == b->hash && a->klen == b->klen &&
	    memcmp(l->keys.data + a->key, l->keys.data + b->key, a->klen) == 0;
}

/* The end of the label that opens P (at '['), before E: its ']'; NULL
 * if there is none (a bracket inside, or too long). */
static const char *
label_end(const char *p, const char *e)
{
	const char *q;

	for (q = p + 1; q < e && q - p <= NOTES_LABEL_MAX; q++) {
		if (*q == '\\') {
			q++;
			continue;
		}
		if (*q == '[')
			return NULL;
		if (*q == ']')
			return q;
	}
	return NULL;
}

int
notes_link_line(struct doc_note_links **lp, const char *md, const char *p,
    const char *nl)
{
	struct doc_note_links *l = *lp;
	const char *q = label_end(p, nl), *d;
	struct def *v;

	if (q == NULL || q + 1 >= nl || q[1] != ':' || q == p + 1)
		return 0;
	for (d = q + 2; d < nl && (*d == ' ' || *d == '\t'); d++)
		;
	if (d == nl || *d == '\r')
		return 0; /* its destination on the next line: not read */
	if (l == NULL)
		l = *lp = xcalloc(1, sizeof(*l));
	if (l->md.len > LINKS_MAX_BYTES)
		return 1;
	GROW(l->v, l->cap, l->n, 1);
	v = &l->v[l->n];
	v->key = l->keys.len;
	if ((v->klen = fold(&l->keys, p + 1, (size_t)(q - p - 1))) == 0)
		return 0;
	v->hash = fnv1a64(l->keys.data + v->key, v->klen);
	v->at = l->md.len;
	v->len = (size_t)(nl - p);
	v->off = (size_t)(p - md);
	buf_put(&l->md, p, v->len);
	l->n++;
	return 1;
}

/* By hash, then in the file's order. */
static int
by_hash(const void *a, const void *b)
{
	const struct def *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->off > y->off) - (x->off < y->off);
}

void
notes_links_finish(struct doc_note_links *l)
{
	size_t i, j, k;

	if (l == NULL || l->n == 0)
		return;
	qsort(l->v, l->n, sizeof(*l->v), by_hash);
	for (i = k = 0; i < l->n; i++) { /* the first of a label wins */
		for (j = k; j > 0 && l->v[j - 1].hash == l->v[i].hash; j--)
			if (same(l, &l->v[j - 1], &l->v[i]))
				break;
		if (j == 0 || l->v[j - 1].hash != l->v[i].hash)
			l->v[k++] = l->v[i];
	}
	l->n = k;
}

/* The definition of the label D names (hash and key in KEY), or NULL. */
static const struct def *
find(const struct doc_note_links *l, const struct def *d, const char *key)
{
	size_t lo = 0, hi = l->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (l->v[mid].hash < d->hash)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < l->n && l->v[lo].hash == d->hash; lo++)
		if (l->v[lo].klen == d->klen && memcmp(l->keys.data +
		    l->v[lo].key, key, d->klen) == 0)
			return &l->v[lo];
	return NULL;
}

void
doc_notes_links(const struct doc_notes *notes, const char *text,
    size_t len, size_t from, size_t to, struct buf *out)
{
	const struct doc_note_links *l = notes->links;
	const char *p = text, *end = text + len, *q;
	const struct def *d;
	struct def want;
	struct buf key = { 0 };
	unsigned char *put;

	if (l == NULL || l->n == 0)
		return;
	put = xcalloc(l->n, 1);
	while ((p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		if ((q = label_end(p, end)) == NULL) {
			p++;
			continue;
		}
		key.len = 0;
		want.klen = fold(&key, p + 1, (size_t)(q - p - 1));
		want.hash = fnv1a64(key.data, want.klen);
		if (want.klen > 0 && (d = find(l, &want, key.data)) != NULL &&
		    !put[d - l->v] && (d->off < from || d->off >= to)) {
			put[d - l->v] = 1;
			buf_put(out, l->md.data + d->at, d->len);
			buf_puts(out, "\n\n");
		}
		p = q;
	}
	free(put);
	buf_free(&key);
}

void
notes_links_free(struct doc_note_links *l)
{
	if (l == NULL)
		return;
	buf_free(&l->keys);
	buf_free(&l->md);
	free(l->v);
	free(l);
}
