/*
 * A background load: one thread that parses a whole document
 * (doc_load_buffer) and says when it is done.  The thread takes no
 * signals; they stay with the thread that runs the screen.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "quire/bgload.h"
#include "quire/util.h"

struct bgload {
	pthread_t thread;
	int running;            /* the thread was started and not joined */
	char *data;
	size_t len;
	struct doc *doc;
	atomic_int done;
};

static void *
run(void *arg)
{
	struct bgload *b = arg;

	b->doc = doc_load_take(b->data, b->len);
	b->data = NULL;
	atomic_store(&b->done, 1);
	return NULL;
}

struct bgload *
bgload_start(char *data, size_t len)
{
	struct bgload *b = xcalloc(1, sizeof(*b));
	sigset_t all, old;

	b->data = data;
	b->len = len;
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
	util_fatal_check();
	return atomic_load(&((struct bgload *)b)->done);
}

/* Join the thread, if it runs: once it is done, or end quire here if
 * it ended (out of memory, past the parse's budget: it then waits for
 * ever, see fatal()). */
static void
join(struct bgload *b)
{
	static const struct timespec ms = { 0, 1000000 };

	if (b->running) {
		while (!atomic_load(&b->done)) {
			util_fatal_check();
			nanosleep(&ms, NULL);
		}
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
