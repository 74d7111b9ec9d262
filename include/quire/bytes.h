/*
 * Looking at text eight bytes at a time: which bytes of a 64-bit word
 * (loaded little-endian, the first byte lowest) are a given byte, or
 * below one, each answered by its high bit.  The first byte flagged is
 * exact; bytes after it may be flagged too, so take the lowest
 * (bytes_first()).  BYTES_WORDS says whether the machine loads words
 * that way; where it does not, the callers look a byte at a time.
 */
#ifndef QUIRE_BYTES_H
#define QUIRE_BYTES_H

#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BYTES_WORDS 1
#else
#define BYTES_WORDS 0
#endif

#define BYTES_ONES 0x0101010101010101ULL
#define BYTES_HIGHS 0x8080808080808080ULL

/* The eight bytes at P. */
static inline uint64_t
bytes_load(const char *p)
{
	uint64_t x;

	memcpy(&x, p, 8);
	return x;
}

/* The bytes of X equal to C. */
static inline uint64_t
bytes_eq(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (BYTES_ONES * c);

	return (y - BYTES_ONES) & ~y & BYTES_HIGHS;
}

/* The bytes of X below C (C at most 0x80). */
static inline uint64_t
bytes_below(uint64_t x, unsigned char c)
{
	return (x - BYTES_ONES * c) & ~x & BYTES_HIGHS;
}

/* The bytes of X of 0x80 and up (not ASCII). */
static inline uint64_t
bytes_high(uint64_t x)
{
	return x & BYTES_HIGHS;
}

/* The index (0-7) of the first byte flagged in M, not 0. */
static inline unsigned
bytes_first(uint64_t m)
{
	return (unsigned)__builtin_ctzll(m) / 8;
}

#endif
