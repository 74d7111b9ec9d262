/*
 * Front matter: the YAML block a document may open with, between a line
 * "---" and the next line "---" or "...".  It is not Markdown, so the
 * loader keeps it from cmark-gfm (meta_len) and the builder makes each
 * of its entries a BLOCK_META block (meta_build): a key run, then the
 * value -- quotes taken off, lists ("- a" lines, "[a, b]") joined with
 * commas, block scalars ("|", ">") and nested lines kept readable.  This
 * is a reader's view of YAML, not a YAML parser: whatever the lines say,
 * they are shown, cleaned like all text.
 */
#include <string.h>
#include <strings.h>

#include "quire/text.h"
#include "build_priv.h"
#include "meta.h"

/* Whether the line P (N bytes, without its end) is S then blanks. */
static int
line_is(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);

	if (n < k || memcmp(p, s, k) != 0)
		return 0;
	for (; k < n; k++)
		if (p[k] != ' ' && p[k] != '\t' && p[k] != '\r')
			return 0;
	return 1;
}

/* The end of the line at P (before END): its '\n', or END. */
static const char *
eol(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl ? nl : end;
}

/* Offset of the ':' that ends a key on line P, or -1: the first one
 * followed by a blank or the line end, the key not starting with a
 * blank, '-', '#' or ':'. */
static long
key_colon(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || p[0] == ' ' || p[0] == '\t' || p[0] == '-' ||
	    p[0] == '#' || p[0] == ':')
		return -1;
	for (i = 1; i < n; i++)
		if (p[i] == ':' && (i + 1 == n || p[i + 1] == ' ' ||
		    p[i + 1] == '\t' || p[i + 1] == '\r'))
			return (long)i;
	return -1;
}

size_t
meta_len(const char *md, size_t len)
{
	const char *p = md, *end = md + len, *e;
	int lines = 0, first = 1;

	e = eol(p, end);
	if (e == end || !line_is(p, (size_t)(e - p), "---"))
		return 0;
	for (p = e + 1; p < end && lines < META_MAX_LINES &&
	    (size_t)(p - md) < META_MAX_BYTES; p = e + 1, lines++) {
		size_t n;

		e = eol(p, end);
		n = (size_t)(e - p);
		if (line_is(p, n, "---") || line_is(p, n, "..."))
			return e == end ? len : (size_t)(e + 1 - md);
		/* the first entry must look like one: "key: value" */
		if (first && !line_is(p, n, "") && p[0] != '#') {
			if (key_colon(p, n) < 0)
				return 0;
			first = 0;
		}
		if (e == end)
			break;
	}
	return 0;
}

/* Trim blanks (and a CR) around *P, *N. */
static void
trim(const char **p, size_t *n)
{
	while (*n > 0 && (**p == ' ' || **p == '\t'))
		(*p)++, (*n)--;
	while (*n > 0 && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t' ||
	    (*p)[*n - 1] == '\r'))
		(*n)--;
}

/* Take the quotes off a scalar, or a plain one's " # comment". */
static void
unquote(const char **p, size_t *n)
{
	size_t i;

	if (*n >= 2 && (**p == '"' || **p == '\'') && (*p)[*n - 1] == **p) {
		(*p)++, *n -= 2;
		return;
	}
	for (i = 0; i + 1 < *n; i++)
		if (((*p)[i] == ' ' || (*p)[i] == '\t') && (*p)[i + 1] == '#') {
			*n = i;
			trim(p, n);
			return;
		}
}

/* The entry being read: its block, how its value goes on, and what
 * separates the next piece of it. */
struct entry {
	uint32_t block;   /* DOC_NONE before the first */
	char scalar;      /* '|' or '>' for a block scalar, else 0 */
	int pieces;       /* pieces of value so far */
};

/* A hard line break in the value of the open block. */
static void
meta_break(struct doc_builder *b)
{
	struct doc *d = b->d;
	struct run *r = d->nruns ? &d->runs[d->nruns - 1] : NULL;

	if (r == NULL || d->nruns <= d->blocks[b->leaf].run ||
	    r->off + r->len != b->text.len)
		return;
	buf_putc(&b->text, '\n');
	r->len++;
}

/* Append a piece of value, after SEP (' ', ',' or '\n'). */
static void
add_piece(struct doc_builder *b, struct entry *e, const char *p, size_t n,
    char sep)
{
	if (n == 0)
		return;
	if (e->pieces++ > 0) {
		if (sep == '\n')
			meta_break(b);
		else
			build_text(b, sep == ',' ? ", " : " ",
			    sep == ',' ? 2 : 1, 0);
	}
	build_text(b, p, n, 0);
}

/* Start an entry: a block of its own, with its key run if it has one. */
static void
new_entry(struct doc_builder *b, struct entry *e, const char *key, size_t n)
{
	struct doc *d = b->d;
	struct block *blk;

	if (b->leaf != DOC_NONE)
		d->blocks[b->leaf].nruns = (uint32_t)d->nruns -
		    d->blocks[b->leaf].run;
	GROW(d->blocks, b->cap_blocks, d->nblocks, 1);
	blk = &d->blocks[d->nblocks];
	memset(blk, 0, sizeof(*blk));
	blk->kind = BLOCK_META;
	blk->run = (uint32_t)d->nruns;
	blk->section = DOC_NONE;
	b->leaf = (uint32_t)d->nblocks++;
	e->block = b->leaf;
	e->scalar = 0;
	e->pieces = 0;
	if (key != NULL) {
		size_t start = d->nruns;

		build_text(b, key, n, STY_STRONG);
		build_text(b, ":", 1, STY_STRONG);
		blk->level = d->nruns > start;
	}
}

/* The value on a key's line: a flow list, a block scalar's start, or a
 * scalar.  Return whether it may be the title. */
static int
first_value(struct doc_builder *b, struct entry *e, const char *p, size_t n)
{
	trim(&p, &n);
	if (n >= 1 && n <= 3 && (p[0] == '|' || p[0] == '>')) {
		size_t i = 1;

		while (i < n && (p[i] == '+' || p[i] == '-' ||
		    (p[i] >= '0' && p[i] <= '9')))
			i++;
		if (i == n) {
			e->scalar = p[0];
			return 0;
		}
	}
	if (n >= 2 && p[0] == '[' && p[n - 1] == ']') {
		const char *s = p + 1, *stop = p + n - 1, *q, *t;
		size_t m;

		for (; s < stop; s = q + 1) {
			if ((q = memchr(s, ',', (size_t)(stop - s))) == NULL)
				q = stop;
			t = s;
			m = (size_t)(q - s);
			trim(&t, &m);
			unquote(&t, &m);
			add_piece(b, e, t, m, ',');
		}
		return 0;
	}
	unquote(&p, &n);
	add_piece(b, e, p, n, ' ');
	return n > 0;
}

/* A line under an entry: a list item, a line of a block scalar, a
 * nested entry, or more of a plain scalar. */
static void
more_value(struct doc_builder *b, struct entry *e, const char *p, size_t n)
{
	trim(&p, &n);
	if (e->scalar) {
		add_piece(b, e, p, n, e->scalar == '|' ? '\n' : ' ');
		return;
	}
	if (n >= 1 && p[0] == '-' && (n == 1 || p[1] == ' ' || p[1] == '\t')) {
		p++, n--;
		trim(&p, &n);
		unquote(&p, &n);
		add_piece(b, e, p, n, ',');
		return;
	}
	add_piece(b, e, p, n, key_colon(p, n) >= 0 ? '\n' : ' ');
}

void
meta_build(struct doc_builder *b, const char *fm, size_t len)
{
	struct doc *d = b->d;
	const char *p, *end, *e;
	struct entry ent = { DOC_NONE, 0, 0 };
	uint32_t title = DOC_NONE;
	long c;
	size_t n;

	if (fm == NULL || len == 0)
		return;
	end = fm + len;
	for (p = eol(fm, end) + 1; p < end; p = e + 1) {
		e = eol(p, end);
		n = (size_t)(e - p);
		if (line_is(p, n, "---") || line_is(p, n, "..."))
			break;
		if (line_is(p, n, "") || (p[0] == '#' && !ent.scalar))
			continue;
		if ((c = key_colon(p, n)) >= 0) {
			const char *k = p;
			size_t kn = (size_t)c;

			trim(&k, &kn);
			unquote(&k, &kn);
			new_entry(b, &ent, k, kn);
			if (first_value(b, &ent, p + c + 1, n - (size_t)c - 1) &&
			    title == DOC_NONE && kn == 5 &&
			    strncasecmp(k, "title", 5) == 0)
				title = ent.block;
		} else {
			if (ent.block == DOC_NONE)
				new_entry(b, &ent, NULL, 0);
			more_value(b, &ent, p, n);
		}
		if (e == end)
			break;
	}
	if (b->leaf != DOC_NONE)
		d->blocks[b->leaf].nruns = (uint32_t)d->nruns -
		    d->blocks[b->leaf].run;
	b->leaf = DOC_NONE;
	/* the title: the value of a one-line "title:", if nothing follows */
	if (title != DOC_NONE && d->blocks[title].nruns == 2) {
		const struct run *r = &d->runs[d->blocks[title].run + 1];

		if (memchr(b->text.data + r->off, '\n', r->len) == NULL) {
			d->fm_title = r->off;
			d->fm_title_len = r->len;
		}
	}
}
