/*
 * A background load: one thread that reads the rest of a file whose
 * start is read, parses the whole document (doc_load_take) and says
 * when it is done.  The thread takes no
 * signals; they stay with the thread that runs the screen.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "quire/bgload.h"
#include "quire/util.h"

struct bgload {
	pthread_t thread;
	int running;            /* the thread was started and not joined */
	char *data;
	size_t len;
	struct doc_rest rest;   /* what is left to read */
	struct doc *doc;
	atomic_int done;
};

static void *
run(void *arg)
{
	struct bgload *b = arg;

	b->len = doc_read_rest(&b->rest, &b->data, b->len);
	b->doc = doc_load_take(b->data, b->len);
	b->data = NULL;
	atomic_store(&b->done, 1);
	return NULL;
}

struct bgload *
bgload_start(char *data, size_t len, const struct doc_rest *rest)
{
	struct bgload *b = xcalloc(1, sizeof(*b));
	sigset_t all, old;

	b->data = data;
	b->len = len;
	b->rest.fd = -1;
	if (rest != NULL)
		b->rest = *rest;
	atomic_init(&b->done, 0);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	b->running = pthread_create(&b->thread, NULL, run, b) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!b->running)
		run(b);
	return b;
}

int
bgload_ready(const struct bgload *b)
{
	return atomic_load(&((struct bgload *)b)->done);
}

/* Join the thread, if it runs. */
static void
join(struct bgload *b)
{
	if (b->running) {
		pthread_join(b->thread, NULL);
		b->running = 0;
	}
}

struct doc *
bgload_wait(struct bgload *b)
{
	struct doc *d;

	join(b);
	d = b->doc;
	b->doc = NULL;
	return d;
}

void
bgload_free(struct bgload *b)
{
	if (b == NULL)
		return;
	join(b);
	doc_free(b->doc);
	free(b->data);
	free(b);
}
