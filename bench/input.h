/* Benchmark inputs and the median of runs (input.c). */
#ifndef QUIRE_BENCH_INPUT_H
#define QUIRE_BENCH_INPUT_H

#include <stddef.h>

/* Read PATH whole; NULL if it cannot be read. */
char *bench_read(const char *path, size_t *len);

/* The article (ALEN bytes) repeated until SIZE bytes, headings numbered. */
char *bench_repeat(const char *article, size_t alen, size_t size,
    size_t *len);

/* The median of the N figures in V (sorts V). */
double bench_median(double *v, int n);

#endif
