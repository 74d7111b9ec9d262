/*
 * A background load: one thread that reads the rest of a file whose
 * start is read, scans it for where parts may start and for its
 * footnotes (doc_prefix_cuts, one pass), parses the whole document
 * (doc_load_take) and says when it is done.  The thread starts when
 * asked to (bgload_go), or when something waits for it: after the first
 * screen is drawn, which it would otherwise take the processor from.
 * The thread takes no signals; they stay with the thread that runs the
 * screen.  When the start read may hold HTML, a second thread opens the
 * HTML parser meanwhile (html_lib.c), so that neither the whole's parse
 * nor a part the reader jumps to waits a millisecond for it.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>


#include "quire/bgload.h"
#include "html_lib.h"
#include "quire/util.h"

#define CUT_STEP (16u * 1024) /* bytes between the cuts kept for jumps */

struct bgload {
	pthread_t thread;
	int started;            /* bgload_go() ran */
	int running;            /* the thread was started and not joined */
	pthread_t warm;
	int warming;            /* the HTML parser's opener: not joined */
	char *data;
	size_t len;
	struct doc_rest rest;   /* what is left to read */
	size_t *cuts, ncuts;    /* where parts may start (doc_prefix_cuts) */
	struct doc_outline *heads; /* and the heading lines among them */
	size_t nheads;
	size_t total;           /* the file's bytes */
	struct doc_notes *notes; /* and the file's footnotes */
	atomic_int cuts_done;   /* cuts, heads, notes and total are set */
	struct doc *doc;
	atomic_int done;
	atomic_int stop;        /* set: the whole is no longer wanted */
	pthread_mutex_t lock;   /* with moved: cuts_done or done was set */
	pthread_cond_t moved;
};

/* Set FLAG of B, and wake whoever waits for it (wait_for). */
static void
signal_set(struct bgload *b, atomic_int *flag)
{
	pthread_mutex_lock(&b->lock);
	atomic_store(flag, 1);
	pthread_cond_broadcast(&b->moved);
	pthread_mutex_unlock(&b->lock);
}

/* Wait until FLAG of B is set, waking at least every millisecond to end
 * quire if the thread ended it (fatal(): it then waits for ever). */
static void
wait_for(struct bgload *b, atomic_int *flag)
{
	struct timespec at;

	pthread_mutex_lock(&b->lock);
	while (!atomic_load(flag)) {
		pthread_mutex_unlock(&b->lock);
		util_fatal_check();
		pthread_mutex_lock(&b->lock);
		if (atomic_load(flag))
			break;
		clock_gettime(CLOCK_REALTIME, &at);
		at.tv_nsec += 1000000;
		if (at.tv_nsec >= 1000000000)
			at.tv_sec++, at.tv_nsec -= 1000000000;
		pthread_cond_timedwait(&b->moved, &b->lock, &at);
	}
	pthread_mutex_unlock(&b->lock);
}

static void *
warm(void *arg)
{
	(void)arg;
	html_lib();
	return NULL;
}

static void *
run(void *arg)
{
	struct bgload *b = arg;

	b->len = doc_read_rest(&b->rest, &b->data, b->len);
	b->cuts = doc_prefix_cuts(b->data, b->len, CUT_STEP, &b->ncuts,
	    &b->heads, &b->nheads, &b->notes);
	b->total = b->len;
	signal_set(b, &b->cuts_done);
	b->doc = doc_load_take_until(b->data, b->len, &b->stop);
	b->data = NULL;
	signal_set(b, &b->done);
	return NULL;
}

struct bgload *
bgload_new(char *data, size_t len, const struct doc_rest *rest)
{
	struct bgload *b = xcalloc(1, sizeof(*b));

	b->data = data;
	b->len = len;
	b->rest.fd = -1;
	if (rest != NULL)
		b->rest = *rest;
	atomic_init(&b->done, 0);
	atomic_init(&b->cuts_done, 0);
	atomic_init(&b->stop, 0);
	pthread_mutex_init(&b->lock, NULL);
	pthread_cond_init(&b->moved, NULL);
	return b;
}

void
bgload_go(struct bgload *b)
{
	sigset_t all, old;
	int want_html;

	if (b->started)
		return;
	b->started = 1;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	/* Looked at before the thread starts: it reads the rest into
	 * b->data, which may move. */
	want_html = html_lib_wanted(b->data, b->len);
	b->running = pthread_create(&b->thread, NULL, run, b) == 0;
	if (b->running && want_html)
		b->warming = pthread_create(&b->warm, NULL, warm, NULL) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!b->running)
		run(b);
}

int
bgload_ready(const struct bgload *b)
{
	util_fatal_check();
	return atomic_load(&((struct bgload *)b)->done);
}

const size_t *
bgload_cuts(const struct bgload *b, size_t *n, size_t *total)
{
	struct bgload *m = (struct bgload *)b;

	bgload_go(m);
	/* The file is read and scanned in a few tens of milliseconds. */
	wait_for(m, &m->cuts_done);
	*n = m->ncuts;
	*total = m->total;
	return m->cuts;
}

int
bgload_cuts_ready(const struct bgload *b)
{
	return atomic_load(&((struct bgload *)b)->cuts_done);
}

const struct doc_notes *
bgload_notes(const struct bgload *b)
{
	size_t n, total;

	bgload_cuts(b, &n, &total); /* made in the same pass */
	return b->notes;
}

const struct doc_outline *
bgload_outline(const struct bgload *b, size_t *n)
{
	size_t k, total;

	if (bgload_cuts(b, &k, &total) == NULL && b->heads == NULL)
		return *n = 0, NULL;
	*n = b->nheads;
	return b->heads;
}

/* Join the thread, if it runs: once it is done, or end quire here if
 * it ended (out of memory, past the parse's budget: it then waits for
 * ever, see fatal()). */
static void
join(struct bgload *b)
{
	bgload_go(b);
	if (b->running) {
		wait_for(b, &b->done);
		pthread_join(b->thread, NULL);
		b->running = 0;
	}
	if (b->warming) {
		pthread_join(b->warm, NULL);
		b->warming = 0;
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
	if (!b->started) { /* never needed: the rest is not read */
		if (b->rest.fd >= 0)
			close(b->rest.fd);
	} else {
		atomic_store(&b->stop, 1); /* quitting: the parse is cut short */
		join(b);
	}
	doc_free(b->doc);
	free(b->data);
	free(b->cuts);
	free(b->heads);
	doc_notes_free(b->notes);
	pthread_cond_destroy(&b->moved);
	pthread_mutex_destroy(&b->lock);
	free(b);
}
