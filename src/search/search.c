/*
 * Full-text search of a layout: the query folded as the text is, or
 * compiled as a pattern (pattern.c), and where in the document's text it
 * may start (scan.c); the matches found (range.c searches as far as it
 * is asked, a run of lines at a time: direct.c places those it can,
 * fold.c folds and searches the rest), kept sorted by line and column,
 * so drawing a line costs a binary search; the matches near a line, and
 * the report for scripts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "quire/text.h"
#include "quire/util.h"
#include "scan.h"
#include "search_priv.h"

int
query_has_upper(const char *q)
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

struct search *
search_new(const struct layout *lay, const char *query)
{
	return search_new_opts(lay, query, 0);
}

/* Set S up to search LAY (laid out further if GROW) for QUERY with
 * SEARCH_* FLAGS: the query folded, or compiled as a pattern, and where
 * in the document's text it may start; nothing is searched yet. */
static struct search *
setup(const struct layout *lay, struct layout *grow, const char *query,
    int flags)
{
	struct search *s = xcalloc(1, sizeof(*s));
	struct hay *h = &s->hay;

	s->lay = lay;
	s->grow = grow;
	s->at_last = UINT32_MAX;
	if ((flags & SEARCH_REGEX) && pattern_is_regex(query)) {
		s->sensitive = pattern_has_upper(query);
		s->pat = pattern_new(query, !s->sensitive, s->err,
		    sizeof(s->err));
		s->none = s->pat == NULL;
		h->sensitive = 1; /* the pattern ignores case itself */
		return s;
	}
	s->sensitive = query_has_upper(query);
	h->sensitive = s->sensitive;
	h->blank = 1;
	hay_put(h, query, strlen(query));
	if (h->len > 0 && h->data[h->len - 1] == ' ')
		h->len--;
	s->needle = h->data;
	s->nlen = h->len;
	memset(h, 0, sizeof(*h));
	h->sensitive = s->sensitive;
	s->none = s->nlen == 0;
	/* Only where it may start, if the document's text can tell. */
	if (!(flags & SEARCH_EVERY_LINE) && s->nlen > 0 &&
	    scan_text(lay->doc, s->needle, s->nlen, s->sensitive, &s->at,
	    &s->nat) == 0 && s->nat == 0)
		s->none = 1;
	return s;
}

struct search *
search_new_opts(const struct layout *lay, const char *query, int flags)
{
	struct search *s = setup(lay, NULL, query, flags);

	while (search_more(s, 0, NULL))
		;
	return s;
}

struct search *
search_begin(struct layout *lay, const char *query, int flags)
{
	return setup(lay, lay, query, flags);
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->hits);
	free(s->needle);
	free(s->at);
	free(s->hay.data);
	free(s->hay.pieces);
	pattern_free(s->pat);
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

const char *
search_error(const struct search *s)
{
	return s->err[0] != '\0' ? s->err : NULL;
}

const struct search_match *
search_match(const struct search *s, size_t i)
{
	return &s->hits[i].m;
}

size_t
search_lower_bound(const struct search *s, size_t line)
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
	size_t i = search_lower_bound(s, line);

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
	size_t i = search_lower_bound(s, line);

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

	i = search_lower_bound(s, line > s->reach ? line - s->reach : 0);
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
	if (doc_shown_num(d, s) > 0) {
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
    const char *query, FILE *out, char *err, size_t errlen)
{
	struct search *s = search_new_opts(lay, query, SEARCH_REGEX);
	struct buf b = { 0 };
	size_t i, n, next = 0;
	int count = (int)s->nhits;

	snprintf(err, errlen, "%s", s->err);
	if (s->pat == NULL && s->err[0] != '\0') {
		search_free(s);
		return -2;
	}

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
