/*
 * Allocation wrappers, growable arrays and byte buffers shared by every
 * module.  Out of memory is fatal, and handled here only.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "quire/exit.h"
#include "quire/util.h"

static void (*fatal_hook)(void);
static pthread_t hook_thread;   /* the thread that set the hook */
static atomic_int deferred;     /* another thread called fatal() */
static int deferred_status;
static char deferred_msg[512];

/* Set the function that restores the terminal before a fatal exit. */
void
util_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
	hook_thread = pthread_self();
}

/* Print a message and exit; never returns. */
void
fatal(int status, const char *fmt, ...)
{
	char msg[sizeof(deferred_msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (fatal_hook != NULL && !pthread_equal(pthread_self(), hook_thread)) {
		int first = 0;

		if (atomic_compare_exchange_strong(&deferred, &first, 2)) {
			memcpy(deferred_msg, msg, sizeof(msg));
			deferred_status = status;
			atomic_store(&deferred, 1);
		}
		for (;;) /* this thread takes no signals (bgload.c) */
			pause();
	}
	if (fatal_hook != NULL)
		fatal_hook();
	fprintf(stderr, "quire: %s\n", msg);
	exit(status);
}

void
util_fatal_check(void)
{
	if (atomic_load(&deferred) == 1)
		fatal(deferred_status, "%s", deferred_msg);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		fatal(EXIT_NOMEM, "out of memory allocating %zu bytes", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		fatal(EXIT_NOMEM, "out of memory allocating %zu x %zu bytes", n,
		    size);
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (q == NULL)
		fatal(EXIT_NOMEM, "out of memory allocating %zu bytes", size);
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		fatal(EXIT_NOMEM, "out of memory: %zu x %zu bytes overflows", n,
		    size);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* Grow *pp so that len + need elements fit. */
void
grow(void *pp, size_t *cap, size_t len, size_t need, size_t size)
{
	void **p = pp;
	size_t want, ncap;

	if (need > SIZE_MAX - len)
		fatal(EXIT_NOMEM, "out of memory: array too large");
	want = len + need;
	if (want <= *cap)
		return;
	ncap = *cap ? *cap : 16;
	while (ncap < want)
		ncap = ncap > SIZE_MAX / 2 ? want : ncap * 2;
	*p = xreallocarray(*p, ncap, size);
	*cap = ncap;
}

void
buf_put(struct buf *b, const char *s, size_t len)
{
	GROW(b->data, b->cap, b->len, len + 1);
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	GROW(b->data, b->cap, b->len, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
util_dlsym(void *dl, const char *name, void *fn)
{
	void *p = dlsym(dl, name);

	if (p == NULL)
		return 0;
	*(void **)fn = p; /* POSIX: a function pointer fits a void * */
	return 1;
}
