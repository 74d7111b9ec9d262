/*
 * What link reference definitions can expand to.  cmark-gfm copies a
 * definition's destination and title into every link that uses its
 * label, so one long definition used thousands of times makes a tree
 * thousands of times the file.  A first pass keeps each label that
 * begins a line like a definition ("[label]:") with the bytes of its
 * definition; the guard's line scan then asks, at every '[', whether it
 * opens such a label and what that use costs, and past the document's
 * budget (guard.h) escapes it, so the use stays text as written.
 *
 * Labels are compared loosely -- ASCII case folded, runs of blanks one
 * space, every byte past ASCII alike -- so two labels cmark tells apart
 * may count as one, never the other way round; a definition is counted
 * up to the next blank line or line opening with '[', which covers its
 * title.  Both err towards counting more.
 */
#include <stdlib.h>
#include <string.h>

#include "guard.h"

#define LABEL_MAX 999 /* bytes in a label, as CommonMark allows */

struct ref {
	uint32_t hash;
	uint32_t len;    /* of the folded label */
	size_t at;       /* in the labels buffer */
	size_t size;     /* bytes of its definition */
};

/* Fold the label at P (up to LABEL_MAX bytes, N available) ending at
 * the first ']' into OUT; return its length in the input (to the ']')
 * or -1 if it is no label: too long, empty, or holding a '['. */
static long
fold_label(const char *p, size_t n, struct buf *out)
{
	size_t i;
	int blank = 0;
	unsigned char c;

	out->len = 0;
	for (i = 0; i < n && i <= LABEL_MAX; i++) {
		c = (unsigned char)p[i];
		if (c == ']')
			break;
		if (c == '[')
			return -1;
		if (c == '\\' && i + 1 < n) { /* an escaped bracket is text */
			buf_putc(out, '\\');
			c = (unsigned char)p[++i];
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			blank = out->len > 0;
			continue;
		}
		if (blank)
			buf_putc(out, ' ');
		blank = 0;
		buf_putc(out, (char)(c >= 0x80 ? 0x80 : c >= 'A' && c <= 'Z' ?
		    c - 'A' + 'a' : c));
	}
	if (i >= n || i > LABEL_MAX || p[i] != ']' || out->len == 0)
		return -1;
	return (long)i;
}

/* The slot of label L (N bytes, hash H) in R's table: its own, or the
 * empty one where it would go. */
static struct ref *
slot(const struct guard_refs *r, const char *l, size_t n, uint32_t h)
{
	size_t i = h & (r->cap - 1);
	struct ref *e;

	for (;; i = (i + 1) & (r->cap - 1)) {
		e = &r->table[i];
		if (e->len == 0 || (e->hash == h && e->len == n &&
		    memcmp(r->labels.data + e->at, l, n) == 0))
			return e;
	}
}

/* Double R's table. */
static void
rehash(struct guard_refs *r)
{
	struct ref *old = r->table;
	size_t i, n = r->cap;

	r->cap = n ? 2 * n : 64;
	r->table = xcalloc(r->cap, sizeof(*r->table));
	for (i = 0; i < n; i++)
		if (old[i].len != 0)
			*slot(r, r->labels.data + old[i].at, old[i].len,
			    old[i].hash) = old[i];
	free(old);
}

/* Keep the folded label in R->fold with a definition of SIZE bytes. */
static void
add(struct guard_refs *r, size_t size)
{
	uint32_t h = fnv1a32(r->fold.data, r->fold.len);
	struct ref *e;

	if (2 * (r->n + 1) > r->cap)
		rehash(r);
	e = slot(r, r->fold.data, r->fold.len, h);
	if (e->len == 0) {
		e->hash = h;
		e->len = (uint32_t)r->fold.len;
		e->at = r->labels.len;
		buf_put(&r->labels, r->fold.data, r->fold.len);
		r->n++;
	}
	if (size > e->size)
		e->size = size;
}

/* Where the line at P (N bytes) may open a definition: past blanks and
 * block-quote and list markers, at a '['; else -1. */
static long
def_start(const char *p, size_t n)
{
	size_t i = 0;

	for (;;) {
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i < n && p[i] == '>') {
			i++;
			continue;
		}
		if (i + 1 < n && (p[i] == '-' || p[i] == '*' || p[i] == '+') &&
		    (p[i + 1] == ' ' || p[i + 1] == '\t')) {
			i++;
			continue;
		}
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++;
		if (i + 1 < n && i > 0 && (p[i] == '.' || p[i] == ')') &&
		    p[i - 1] >= '0' && p[i - 1] <= '9' &&
		    (p[i + 1] == ' ' || p[i + 1] == '\t')) {
			i++;
			continue;
		}
		return i < n && p[i] == '[' ? (long)i : -1;
	}
}

/* The end of a definition whose text starts at AT: the next blank line,
 * or line opening with '[', or the end. */
static size_t
def_end(const char *md, size_t len, size_t at)
{
	size_t i = at, j;

	for (;;) {
		while (i < len && md[i] != '\n' && md[i] != '\r')
			i++;
		if (i >= len)
			return len;
		j = i + 1;
		while (j < len && (md[j] == ' ' || md[j] == '\t'))
			j++;
		if (j >= len || md[j] == '\n' || md[j] == '\r' || md[j] == '[')
			return i;
		i = j;
	}
}

void
guard_refs_scan(struct guard_refs *r, const char *md, size_t len)
{
	size_t ls = 0, le, end;
	long at, n;

	memset(r, 0, sizeof(*r));
	r->budget = GUARD_REF_TIMES * (uint64_t)len + GUARD_REF_SLACK;
	while (ls < len) {
		for (le = ls; le < len && md[le] != '\n' && md[le] != '\r'; le++)
			;
		at = def_start(md + ls, le - ls);
		if (at >= 0 && (n = fold_label(md + ls + at + 1,
		    len - ls - (size_t)at - 1, &r->fold)) >= 0) {
			end = ls + (size_t)at + 1 + (size_t)n + 1; /* past ']' */
			if (end < len && md[end] == ':') {
				le = def_end(md, len, end);
				add(r, le - end);
			}
		}
		ls = le < len ? le + 1 : len;
	}
}

int
guard_refs_over(struct guard_refs *r, const char *md, size_t len, size_t i)
{
	struct ref *e;

	if (r->n == 0 || fold_label(md + i + 1, len - i - 1, &r->fold) < 0)
		return 0;
	e = slot(r, r->fold.data, r->fold.len, fnv1a32(r->fold.data,
	    r->fold.len));
	if (e->len == 0)
		return 0;
	if (r->spent + e->size > r->budget)
		return 1;
	r->spent += e->size;
	return 0;
}

void
guard_refs_free(struct guard_refs *r)
{
	free(r->table);
	buf_free(&r->labels);
	buf_free(&r->fold);
	memset(r, 0, sizeof(*r));
}
