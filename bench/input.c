/*
 * Inputs for the benchmark: a file read whole (as quire reads one), or
 * the bundled article repeated to a size, its headings numbered so every
 * copy is distinct; and the median of a benchmark's runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "quire/doc.h"
#include "quire/util.h"

char *
bench_read(const char *path, size_t *len)
{
	char *data;

	return doc_read(path, DOC_FORCE, &data, len) == DOC_OK ? data : NULL;
}

char *
bench_repeat(const char *article, size_t alen, size_t size, size_t *len)
{
	struct buf b = { 0 };
	size_t copy = 0, i;

	while (b.len < size) {
		copy++;
		/* Number the copy's headings: "## Part 3: What are ..." */
		for (i = 0; i < alen;) {
			const char *nl = memchr(article + i, '\n', alen - i);
			size_t end = nl ? (size_t)(nl - article) + 1 : alen;

			if (article[i] == '#') {
				size_t h = i;

				while (h < end && article[h] == '#')
					h++;
				buf_put(&b, article + i, h - i);
				buf_printf(&b, " Part %zu:", copy);
				buf_put(&b, article + h, end - h);
			} else
				buf_put(&b, article + i, end - i);
			i = end;
		}
		buf_putc(&b, '\n');
	}
	*len = b.len;
	return b.data;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[n / 2];
}
