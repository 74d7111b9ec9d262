/*
 * Sixteen bytes at a time, for the scans that look for a needle's first
 * bytes (scan.c, rawfind.c): GCC's vector extension, no intrinsics.
 */
#ifndef QUIRE_SEARCH_V16_H
#define QUIRE_SEARCH_V16_H

#include <stdint.h>
#include <string.h>

typedef uint8_t v16 __attribute__((vector_size(16)));

/* V with every byte set to C. */
static inline v16
v16_splat(uint8_t c)
{
	v16 v;

	memset(&v, c, sizeof(v));
	return v;
}

/* The 16 bytes at P. */
static inline v16
v16_load(const char *p)
{
	v16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Whether any byte of V is set. */
static inline int
v16_any(v16 v)
{
	uint64_t a, b;

	memcpy(&a, &v, 8);
	memcpy(&b, (char *)&v + 8, 8);
	return (a | b) != 0;
}

#endif
