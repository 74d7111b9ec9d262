/*
 * Allocation that never returns NULL, and growable arrays.
 *
 * Allocation failure is handled once: the x*() functions call the fatal
 * hook (set by the screen so it can restore the terminal first), print a
 * message naming the size and exit with status 3.
 */
#ifndef QUIRE_UTIL_H
#define QUIRE_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);

/* Look NAME up in DL, a dlopen() handle, into *FN, a function pointer:
 * 1, or 0 when it is missing. */
int util_dlsym(void *dl, const char *name, void *fn);

/* Called before exiting on allocation failure; may be NULL.  The thread
 * that sets it (the screen's) is the one that ends quire. */
void util_set_fatal_hook(void (*hook)(void));

/*
 * Run the fatal hook, print "quire: MSG" to stderr, exit with STATUS.
 * On another thread than the hook's (a background load), only record
 * it and block for ever: the hook's thread ends quire at its next
 * util_fatal_check(), so the terminal is restored by the thread that
 * drives it.
 */
void fatal(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));

/* On the hook's thread: end quire as fatal() does if another thread
 * called it.  Whatever waits for a background thread calls this. */
void util_fatal_check(void);

/*
 * Make room for at least NEED more elements in an array *P of *CAP
 * elements of SIZE bytes, of which LEN are used.  Grows geometrically.
 * GROW() calls it only when they do not fit.
 */
void grow(void *pp, size_t *cap, size_t len, size_t need, size_t size);

/* Whether NEED more elements fit after LEN of CAP. */
static inline int
grow_fits(size_t cap, size_t len, size_t need)
{
	return len <= cap && need <= cap - len;
}

#define GROW(p, cap, len, need) \
	(grow_fits((cap), (len), (need)) ? (void)0 : \
	    grow(&(p), &(cap), (len), (need), sizeof(*(p))))

/* FNV-1a of the LEN bytes at S, 32 bits (hash tables' keys) and 64
 * bits (a document's key when it has no path). */
static inline uint32_t
fnv1a32(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	while (len-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static inline uint64_t
fnv1a64(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (len-- > 0)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
	return h;
}

/* The number of elements of array A (an array, not a pointer): tables
 * indexed by a kind assert it equals the kind's _MAX. */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A growable byte buffer; data is always NUL-terminated once non-empty. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_put(struct buf *b, const char *s, size_t len);
void buf_putc(struct buf *b, char c);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);

#endif
