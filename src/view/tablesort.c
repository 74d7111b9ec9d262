/*
 * Sorting a table's rows by one column: a cell that starts with a
 * number ("0.082s (1.00x)", "1,234", "12 MB", "35.94x") by that number,
 * scaled by an obvious unit after it (KB/MB/GB, ms/s/min, ...); other
 * cells after the numbers, by their case-folded text; ties in document
 * order.  No curses here.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quire/tableview.h"
#include "quire/util.h"

/* Units a number may carry, and what each multiplies it by. */
static const struct unit {
	const char *name;
	double scale;
} units[] = {
	{ "ns", 1e-9 }, { "us", 1e-6 }, { "\xc2\xb5s", 1e-6 }, { "ms", 1e-3 },
	{ "s", 1 }, { "sec", 1 }, { "min", 60 }, { "h", 3600 },
	{ "b", 1 }, { "bytes", 1 }, { "kb", 1e3 }, { "mb", 1e6 },
	{ "gb", 1e9 }, { "tb", 1e12 },
	{ "kib", 1024.0 }, { "mib", 1048576.0 }, { "gib", 1073741824.0 },
	{ "tib", 1099511627776.0 },
};

int
table_cell_number(const char *s, size_t len, double *out)
{
	const char *end = s + len, *p = s, *u;
	double v = 0, frac = 0.1;
	int neg = 0, digits = 0;
	size_t i, n;

	while (p < end && (*p == ' ' || *p == '~' || *p == '$' || *p == '+'))
		p++;
	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	for (; p < end; p++) {
		if (isdigit((unsigned char)*p))
			v = v * 10 + (*p - '0'), digits++;
		else if (*p == ',' && digits > 0 && end - p > 3 &&
		    isdigit((unsigned char)p[1]) &&
		    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]))
			continue; /* a thousands separator */
		else
			break;
	}
	if (p < end && *p == '.' && p + 1 < end &&
	    isdigit((unsigned char)p[1]))
		for (p++; p < end && isdigit((unsigned char)*p); p++, digits++)
			v += (*p - '0') * frac, frac /= 10;
	if (digits == 0)
		return 0;
	while (p < end && *p == ' ')
		p++;
	for (u = p; u < end && (isalpha((unsigned char)*u) ||
	    (unsigned char)*u >= 0x80); u++)
		;
	n = (size_t)(u - p);
	for (i = 0; n > 0 && i < NELEM(units); i++)
		if (strlen(units[i].name) == n &&
		    strncasecmp(units[i].name, p, n) == 0) {
			v *= units[i].scale;
			break;
		}
	*out = neg ? -v : v;
	return 1;
}

struct key {
	uint32_t row;
	int num;          /* the cell starts with a number */
	double v;
	const char *s;
	size_t len;
};

/* Compare folded text (ASCII case; other bytes as they are). */
static int
fold_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i, n = alen < blen ? alen : blen;
	int x, y;

	for (i = 0; i < n; i++) {
		x = tolower((unsigned char)a[i]);
		y = tolower((unsigned char)b[i]);
		if (x != y)
			return x - y;
	}
	return alen < blen ? -1 : alen > blen;
}

/* The order of two cells: numbers first, by value; then text. */
static int
key_order(const struct key *a, const struct key *b)
{
	if (a->num != b->num)
		return a->num ? -1 : 1;
	if (a->num)
		return a->v < b->v ? -1 : a->v > b->v;
	return fold_cmp(a->s, a->len, b->s, b->len);
}

/* Rising, and falling; ties in document order either way. */
static int
key_up(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = key_order(a, b);

	return c ? c : a->row < b->row ? -1 : a->row > b->row;
}

static int
key_down(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = key_order(b, a);

	return c ? c : a->row < b->row ? -1 : a->row > b->row;
}

void
table_sort_rows(const struct doc *d, const struct table *t, uint32_t col,
    int dir, uint32_t *rows, size_t n)
{
	struct key *k = xcalloc(n + 1, sizeof(*k));
	size_t i;

	for (i = 0; i < n; i++) {
		const struct cell *c = doc_cell(d, t, rows[i], col);

		k[i].row = rows[i];
		if (c->nruns > 0) {
			k[i].s = d->text + d->runs[c->run].off;
			k[i].len = d->runs[c->run + c->nruns - 1].off +
			    d->runs[c->run + c->nruns - 1].len -
			    d->runs[c->run].off;
		} else
			k[i].s = "";
		k[i].num = table_cell_number(k[i].s, k[i].len, &k[i].v);
	}
	qsort(k, n, sizeof(*k), dir < 0 ? key_down : key_up);
	for (i = 0; i < n; i++)
		rows[i] = k[i].row;
	free(k);
}
