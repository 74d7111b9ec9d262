/*
 * Full-text search of a layout.  Each run of lines (a line and the
 * LINE_WRAP lines after it) is folded into one reusable haystack buffer,
 * one table cell at a time: lower case unless the search is
 * case-sensitive, every run of blanks collapsed to one space, a space
 * where a line wraps between words (none where a long word was broken),
 * and a NUL where quire's own text interrupts the document's.  The
 * folded query is then found with memmem().  Each span's bytes in the
 * haystack are recorded as a piece, so a match maps back to a line and
 * a display column by walking one span.  Matches are kept sorted by
 * line and column; drawing a line costs a binary search.
 */
#define _GNU_SOURCE /* memmem() */

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "quire/search.h"
#include "quire/text.h"
#include "quire/util.h"
#include "scan.h"

/* A match, and the table cell it was found in. */
struct hit {
	struct search_match m;
	uint16_t slot;      /* 0, or 1 + the table column */
};

struct search {
	const struct layout *lay;
	struct hit *hits;
	size_t nhits, cap;
	uint32_t reach;     /* most lines after its first a match covers */
	int sensitive;      /* case-sensitive */
	char *needle;       /* the folded query */
	size_t nlen;
};

/* One span's bytes in the haystack. */
struct piece {
	uint32_t start;        /* first haystack byte */
	uint32_t span;         /* index in lay->spans */
	uint32_t line;
	uint8_t blank;         /* the haystack ended in a blank before it */
	uint8_t simple;        /* plain ASCII: its byte k is column k */
};

/* Where a walk through a haystack's pieces has got to. */
struct cursor {
	size_t piece;
	uint32_t pos;          /* haystack byte reached */
	uint32_t i;            /* byte of the piece's span reached */
	int col;               /* column of span byte I */
	int blank;             /* the haystack ends in a blank at POS */
};

/* Folded text, and the pieces it came from. */
struct hay {
	char *data;
	size_t len, cap;
	struct piece *pieces;
	size_t npieces, cap_pieces;
	int blank;             /* last byte is a blank, or nothing yet */
	int sensitive;
	int simple;            /* what hay_put() last put was simple */
};

/* Whether CP counts as a blank: the space, tab, newline, or a Zs. */
static int
is_blank(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\n' || cp == '\t';
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

/* CP as the haystack holds it: lowered unless SENSITIVE, into OUT. */
static size_t
fold_cp(uint32_t cp, int sensitive, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)(!sensitive && cp - 'A' < 26u ? cp + 32 : cp);
		return 1;
	}
	if (!sensitive)
		cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
	return text_encode(cp, out);
}

/* Append LEN bytes of S to H, folded, blanks collapsed. */
static void
hay_put(struct hay *h, const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;
	char *o;
	int simple = 1, blank = h->blank, lower = !h->sensitive;

	GROW(h->data, h->cap, h->len, 3 * len + 1); /* U+FFFD for a bad byte */
	o = h->data + h->len;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c > ' ' && c < 0x80) { /* the fast path: ASCII, not blank */
			if (lower && (unsigned)(c - 'A') < 26u)
				c += 32;
			*o++ = (char)c;
			blank = 0;
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		i += n;
		if (is_blank(cp)) {
			if (!blank)
				*o++ = ' ';
			else
				simple = 0;
			simple &= cp == ' ';
			blank = 1;
		} else {
			o += fold_cp(cp, h->sensitive, o);
			blank = 0;
			simple = 0;
		}
	}
	h->len = (size_t)(o - h->data);
	h->blank = blank;
	h->simple = simple;
}

/* Append one byte C (a joining space or a NUL break) to H. */
static void
hay_sep(struct hay *h, char c)
{
	if (c == ' ' && h->blank)
		return;
	GROW(h->data, h->cap, h->len, 1);
	h->data[h->len++] = c;
	h->blank = c == ' ';
}

/* Append span K of line N to H as a piece. */
static void
hay_span(struct hay *h, const struct layout *lay, uint32_t k, size_t n)
{
	const struct span *sp = &lay->spans[k];
	struct piece *p;

	GROW(h->pieces, h->cap_pieces, h->npieces, 1);
	p = &h->pieces[h->npieces++];
	p->start = (uint32_t)h->len;
	p->span = k;
	p->line = (uint32_t)n;
	p->blank = (uint8_t)h->blank;
	hay_put(h, layout_span_text(lay, sp), sp->len);
	p->simple = (uint8_t)h->simple;
}

/*
 * Fold the text of cell SLOT (0 outside tables) of lines A..B into H.
 * Return the highest slot seen.
 */
static unsigned
hay_fill(struct hay *h, const struct layout *lay, size_t a, size_t b,
    unsigned slot)
{
	const struct span *sp;
	uint32_t k, end = 0;
	uint8_t kind = 0;
	unsigned cell, max = 0;
	int seen = 0, on_line, brk;
	size_t n;

	h->len = 0;
	h->npieces = 0;
	h->blank = 1;
	for (n = a; n < b; n++) {
		const struct line *ln = &lay->lines[n];

		cell = 0;
		on_line = brk = 0;
		for (k = ln->span; k < ln->span + ln->nspans; k++) {
			sp = &lay->spans[k];
			if (sp->gen) {
				if (sp->kind == SPAN_BORDER)
					cell++;
				else if (cell == slot && on_line)
					brk = 1;
				continue;
			}
			if (cell != slot)
				continue;
			/* a word broken at the edge goes on in the same kind */
			if (seen && !on_line &&
			    (end != sp->off || kind != sp->kind))
				hay_sep(h, ' '); /* wrapped between words */
			else if (brk)
				hay_sep(h, '\0');
			brk = 0;
			hay_span(h, lay, k, n);
			seen = on_line = 1;
			end = sp->off + sp->len;
			kind = sp->kind;
		}
		if (cell > max)
			max = cell;
	}
	return max;
}

/* Start CUR at piece K of H. */
static void
cursor_enter(struct cursor *cur, const struct hay *h,
    const struct layout *lay, size_t k)
{
	const struct piece *p = &h->pieces[k];

	cur->piece = k;
	cur->pos = p->start;
	cur->i = 0;
	cur->col = lay->spans[p->span].col;
	cur->blank = p->blank;
}

/*
 * Move CUR forward to haystack byte X and return the column of the
 * character starting there, or with END, the column just past the
 * character ending there.  X never goes back between calls.
 */
static int
cursor_seek(struct cursor *cur, const struct hay *h,
    const struct layout *lay, uint32_t x, int end)
{
	size_t k = cur->piece, n;
	const struct piece *p;
	const struct span *sp;
	const char *t;
	uint32_t cp;
	int w;
	char tmp[4];

	while (k + 1 < h->npieces && (h->pieces[k + 1].start < x ||
	    (!end && h->pieces[k + 1].start == x)))
		k++;
	if (k != cur->piece)
		cursor_enter(cur, h, lay, k);
	p = &h->pieces[k];
	sp = &lay->spans[p->span];
	if (p->simple)
		return sp->col + (int)(x - p->start);
	t = layout_span_text(lay, sp);
	while (cur->i < sp->len) {
		n = text_decode(t + cur->i, sp->len - cur->i, &cp);
		w = text_cp_width(cp);
		if (is_blank(cp)) {
			cur->pos += !cur->blank;
			cur->blank = 1;
		} else {
			if (!end && cur->pos == x)
				return cur->col;
			cur->pos += (uint32_t)fold_cp(cp, h->sensitive, tmp);
			cur->blank = 0;
		}
		cur->i += (uint32_t)n;
		cur->col += w;
		if (end && !cur->blank && cur->pos == x)
			return cur->col;
	}
	return cur->col;
}

/* Record the match at haystack bytes X..Y of H, in cell SLOT. */
static void
add_hit(struct search *s, const struct hay *h, struct cursor cur[2],
    uint32_t x, uint32_t y, unsigned slot)
{
	struct hit *ht;

	GROW(s->hits, s->cap, s->nhits, 1);
	ht = &s->hits[s->nhits++];
	ht->m.col = (uint16_t)cursor_seek(&cur[0], h, s->lay, x, 0);
	ht->m.line = h->pieces[cur[0].piece].line;
	ht->m.end_col = (uint16_t)cursor_seek(&cur[1], h, s->lay, y, 1);
	ht->m.end_line = h->pieces[cur[1].piece].line;
	ht->slot = (uint16_t)slot;
	if (ht->m.end_line - ht->m.line > s->reach)
		s->reach = ht->m.end_line - ht->m.line;
}

/* Find the needle in H, in cell SLOT. */
static void
find_in(struct search *s, const struct hay *h, unsigned slot)
{
	const char *p = h->data, *end = h->data + h->len, *m;
	struct cursor cur[2]; /* for the start and the end of matches */

	cursor_enter(&cur[0], h, s->lay, 0);
	cursor_enter(&cur[1], h, s->lay, 0);
	while ((size_t)(end - p) >= s->nlen &&
	    (m = memmem(p, (size_t)(end - p), s->needle, s->nlen)) != NULL) {
		uint32_t x = (uint32_t)(m - h->data);

		add_hit(s, h, cur, x, x + (uint32_t)s->nlen, slot);
		p = m + s->nlen;
	}
}

/* Order matches by line, then column. */
static int
hit_cmp(const void *a, const void *b)
{
	const struct search_match *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* Search lines A..B, one run of lines, a cell at a time. */
static void
search_run(struct search *s, struct hay *h, size_t a, size_t b)
{
	size_t first = s->nhits;
	unsigned slot = 0, max;

	do {
		max = hay_fill(h, s->lay, a, b, slot);
		if (h->len >= s->nlen)
			find_in(s, h, slot);
	} while (++slot <= max);
	if (max > 0 && s->nhits - first > 1) /* cells interleave by line */
		qsort(s->hits + first, s->nhits - first, sizeof(*s->hits),
		    hit_cmp);
}

/* Whether QUERY holds an uppercase letter. */
static int
has_upper(const char *q)
{
	size_t i = 0, len = strlen(q);
	uint32_t cp;

	while (i < len) {
		i += text_decode(q + i, len - i, &cp);
		if (utf8proc_isupper((utf8proc_int32_t)cp))
			return 1;
	}
	return 0;
}

/* Columns of the LEN bytes at T, as the cursor counts them. */
static int
cols_of(const char *t, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	int w = 0;

	while (i < len) {
		if ((unsigned char)t[i] >= ' ' && (unsigned char)t[i] < 0x7F) {
			i++, w++;
			continue;
		}
		i += text_decode(t + i, len - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

/* Set *I to the first of the offsets AT (N of them) at or past OFF,
 * going on from *I unless OFF lies behind the last span seen. */
static void
seek_at(const uint32_t *at, size_t n, size_t *i, uint32_t off, int back)
{
	size_t lo, hi, mid;

	if (back) {
		for (lo = 0, hi = n; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (at[mid] < off)
				lo = mid + 1;
			else
				hi = mid;
		}
		*i = lo;
	}
	while (*i < n && at[*i] < off)
		(*i)++;
}

/*
 * Search lines A..B, a run, knowing the offsets AT (N of them) where a
 * match may start.  Where each span's text follows the one before it on
 * its line, each match is one of those offsets, inside one span: its
 * place is worked out from the span, and going through the lines and
 * spans in order puts the matches in order, table cells included.
 * Otherwise (text out of its order on a line, a match running over a
 * span's end) the run is folded and searched.
 */
static void
search_known(struct search *s, struct hay *h, size_t a, size_t b,
    const uint32_t *at, size_t n, size_t *pi, uint32_t *plast)
{
	const struct layout *lay = s->lay;
	const char *text = lay->doc->text;
	const struct span *sp, *prev;
	size_t line, i = *pi, j;
	uint32_t k, last = *plast, end, done;
	unsigned cell;
	int hit = 0, plain = 1;
	struct hit *ht;

	for (line = a; line < b; line++) {
		const struct line *ln = &lay->lines[line];

		prev = NULL;
		for (k = ln->span; k < ln->span + ln->nspans; k++) {
			sp = &lay->spans[k];
			if (sp->gen) {
				prev = NULL;
				continue;
			}
			if (sp->len == 0)
				continue;
			seek_at(at, n, &i, sp->off, sp->off < last);
			if (prev && prev->off + prev->len != sp->off)
				plain = 0;
			last = sp->off;
			end = sp->off + sp->len;
			prev = sp;
			for (j = i; j < n && at[j] < end; j++) {
				hit = 1;
				if (at[j] + s->nlen > end)
					plain = 0;
			}
		}
	}
	*plast = last;
	*pi = i;
	if (!hit)
		return;
	if (!plain) {
		search_run(s, h, a, b);
		return;
	}
	for (line = a, i = 0, last = UINT32_MAX; line < b; line++) {
		const struct line *ln = &lay->lines[line];

		cell = 0;
		for (k = ln->span; k < ln->span + ln->nspans; k++) {
			sp = &lay->spans[k];
			cell += sp->gen && sp->kind == SPAN_BORDER;
			if (sp->gen || sp->len == 0)
				continue;
			seek_at(at, n, &i, sp->off, sp->off < last);
			last = sp->off;
			for (done = 0; i < n && at[i] < sp->off + sp->len; i++) {
				if (at[i] < done) /* matches do not overlap */
					continue;
				GROW(s->hits, s->cap, s->nhits, 1);
				ht = &s->hits[s->nhits++];
				ht->m.line = ht->m.end_line = (uint32_t)line;
				ht->m.col = (uint16_t)(sp->col + cols_of(text + sp->off,
				    at[i] - sp->off));
				ht->m.end_col = (uint16_t)(ht->m.col + s->nlen);
				ht->slot = (uint16_t)cell;
				done = at[i] + (uint32_t)s->nlen;
			}
		}
	}
}

/* Search the runs of lines with a span holding one of the offsets AT
 * (N of them, in order) where a match may start. */
static void
search_at(struct search *s, struct hay *h, const uint32_t *at, size_t n)
{
	const struct layout *lay = s->lay;
	size_t a, b, i = 0;
	uint32_t last = 0;

	if (n == 0)
		return;
	for (a = 0; a < lay->nlines; a = b) {
		for (b = a + 1; b < lay->nlines &&
		    (lay->lines[b].flags & LINE_WRAP); b++)
			;
		search_known(s, h, a, b, at, n, &i, &last);
	}
}

struct search *
search_new(const struct layout *lay, const char *query)
{
	return search_new_opts(lay, query, 0);
}

struct search *
search_new_opts(const struct layout *lay, const char *query, int flags)
{
	struct search *s = xcalloc(1, sizeof(*s));
	struct hay h;
	uint32_t *at;
	size_t a, b, nat;

	memset(&h, 0, sizeof(h));
	s->lay = lay;
	s->sensitive = has_upper(query);
	h.sensitive = s->sensitive;
	h.blank = 1;
	hay_put(&h, query, strlen(query));
	if (h.len > 0 && h.data[h.len - 1] == ' ')
		h.len--;
	s->needle = h.data;
	s->nlen = h.len;
	memset(&h, 0, sizeof(h));
	h.sensitive = s->sensitive;
	/* Only where it may start, if the document's text can tell. */
	if (!(flags & SEARCH_EVERY_LINE) && s->nlen > 0 &&
	    scan_text(lay->doc, s->needle, s->nlen, s->sensitive, &at,
	    &nat) == 0) {
		search_at(s, &h, at, nat);
		free(at);
		goto out;
	}
	for (a = 0; s->nlen > 0 && a < lay->nlines; a = b) {
		for (b = a + 1; b < lay->nlines &&
		    (lay->lines[b].flags & LINE_WRAP); b++)
			;
		search_run(s, &h, a, b);
	}
out:
	free(h.data);
	free(h.pieces);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->hits);
	free(s->needle);
	free(s);
}

size_t
search_count(const struct search *s)
{
	return s->nhits;
}

int
search_case_sensitive(const struct search *s)
{
	return s->sensitive;
}

const struct search_match *
search_match(const struct search *s, size_t i)
{
	return &s->hits[i].m;
}

/* Index of the first match starting on LINE or after it. */
static size_t
lower_bound(const struct search *s, size_t line)
{
	size_t lo = 0, hi = s->nhits, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->hits[mid].m.line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
search_first_at_or_after(const struct search *s, size_t line, int *wrapped)
{
	size_t i = lower_bound(s, line);

	if (wrapped)
		*wrapped = 0;
	if (s->nhits == 0)
		return SEARCH_NONE;
	if (i < s->nhits)
		return i;
	if (wrapped)
		*wrapped = 1;
	return 0;
}

size_t
search_last_before(const struct search *s, size_t line, int *wrapped)
{
	size_t i = lower_bound(s, line);

	if (wrapped)
		*wrapped = 0;
	if (s->nhits == 0)
		return SEARCH_NONE;
	if (i > 0)
		return i - 1;
	if (wrapped)
		*wrapped = 1;
	return s->nhits - 1;
}

/* Columns of cell SLOT's text on line N: [*LEFT, *RIGHT). */
static void
cell_edges(const struct layout *lay, size_t n, unsigned slot, int *left,
    int *right)
{
	const struct line *ln = &lay->lines[n];
	const struct span *sp;
	unsigned cell = 0;
	uint32_t k;

	*left = *right = -1;
	for (k = ln->span; k < ln->span + ln->nspans; k++) {
		sp = &lay->spans[k];
		if (sp->gen && sp->kind == SPAN_BORDER)
			cell++;
		if (sp->gen || cell != slot)
			continue;
		if (*left < 0)
			*left = sp->col;
		*right = sp->col + sp->width;
	}
	if (*left < 0)
		*left = *right = 0;
}

size_t
search_on_line(const struct search *s, size_t line, struct search_cols *out,
    size_t max)
{
	size_t i, n = 0, j;
	int left, right;

	i = lower_bound(s, line > s->reach ? line - s->reach : 0);
	for (; i < s->nhits && s->hits[i].m.line <= line; i++) {
		const struct hit *h = &s->hits[i];
		struct search_cols c;

		if (h->m.end_line < line)
			continue;
		left = h->m.col;
		right = h->m.end_col;
		if (h->m.line != line || h->m.end_line != line) {
			cell_edges(s->lay, line, h->slot, &left, &right);
			if (h->m.line == line)
				left = h->m.col;
			if (h->m.end_line == line)
				right = h->m.end_col;
			if (right <= left) /* the cell is empty on this line */
				continue;
		}
		c.match = i;
		c.col = (uint16_t)left;
		c.end = (uint16_t)right;
		if (n < max) { /* insert by column: cells may interleave */
			for (j = n; j > 0 && out[j - 1].col > c.col; j--)
				out[j] = out[j - 1];
			out[j] = c;
		}
		n++;
	}
	return n;
}

/* Print section SEC's number and title, or "-" for none. */
static void
put_section(const struct doc *d, uint32_t sec, FILE *out)
{
	const struct section *s;
	uint32_t i;

	if (sec >= d->nsections) {
		fputc('-', out);
		return;
	}
	s = &d->sections[sec];
	if (s->num_len > 0) {
		fwrite(d->aux + s->num, 1, s->num_len, out);
		fputc(' ', out);
	}
	for (i = 0; i < s->title_len; i++) {
		char c = d->text[s->title + i];

		fputc(c == '\n' ? ' ' : c, out);
	}
}

int
search_print(const struct doc *d, const struct layout *lay,
    const char *query, FILE *out)
{
	struct search *s = search_new(lay, query);
	struct buf b = { 0 };
	size_t i, n, next = 0;
	int count = (int)s->nhits;

	for (i = 0; i < s->nhits; i++) {
		n = s->hits[i].m.line > next ? s->hits[i].m.line : next;
		for (; n <= s->hits[i].m.end_line; n++) {
			b.len = 0;
			layout_line_text(lay, n, &b);
			while (b.len > 0 && b.data[b.len - 1] == ' ')
				b.len--;
			put_section(d, lay->lines[n].section, out);
			fprintf(out, ":%zu: ", n + 1);
			if (b.len)
				fwrite(b.data, 1, b.len, out);
			fputc('\n', out);
		}
		if (n > next)
			next = n;
	}
	buf_free(&b);
	search_free(s);
	return ferror(out) ? -1 : count;
}
