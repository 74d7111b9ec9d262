/*
 * A search on a part of a document whose whole still loads, with no
 * match in the part in its direction: its query (a text or a pattern)
 * looked for in the file's bytes (rawfind.h) past the part, before it
 * backward, as less does, a slice of them at once and the rest between
 * keys; the part of the file around the place found is shown
 * (library_window) with the search made on it.  A search that wraps (?
 * or N on the first part, which has nothing before the place) looks
 * from the file's end back, as it would in the whole, and one that
 * finds nothing to the file's end (its start) goes on from the other
 * end, "search wrapped", as in the whole.  A place the part
 * does not show as a match (markup in the bytes) sends the scan on, a
 * few times; failing that, or when the bytes have no place, the search
 * waits for the whole, which takes it on (ui_finish_load).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quire/library.h"
#include "quire/rawfind.h"
#include "quire/search.h"
#include "quire/util.h"
#include "ui_priv.h"

#define SCAN_CHUNK ((size_t)256 << 10) /* bytes of the file read at a time */
#define SCAN_OVER 4096  /* read past a chunk: a match may start near its end */
#define SCAN_TRIES 4    /* parts shown in search of a match before waiting */
#define FIRST_MS 15     /* of scanning before the screen is drawn again */
#define SLICE_MS 4      /* of scanning between two looks for a key */
#define READ_ERROR (SIZE_MAX - 1)

/* The file's bytes being searched. */
struct ui_seek {
	struct rawfind *rf;
	size_t lo, hi;          /* the bytes left to search */
	size_t wlo, whi;        /* then these, past the file's end */
	int back;               /* for the last place before hi */
	int wrapped;            /* the bytes are past the file's end */
	int was;                /* the search's own direction (search_back) */
	int tries;              /* parts shown that had no match */
	char query[PROMPT_MAX];
};

void
ui_seek_stop(struct ui *u)
{
	if (u->seek == NULL)
		return;
	rawfind_free(u->seek->rf);
	free(u->seek);
	u->seek = NULL;
}

int
ui_seek_busy(const struct ui *u)
{
	return u->seek != NULL;
}

/* Search one chunk more of the bytes of the file at PATH left to K,
 * taking it off them: the place found in it, SIZE_MAX if none,
 * READ_ERROR if the file cannot be read. */
static size_t
scan_chunk(const char *path, struct ui_seek *k)
{
	size_t own = k->hi - k->lo < SCAN_CHUNK ? k->hi - k->lo : SCAN_CHUNK;
	size_t from = k->back ? k->hi - own : k->lo, got, at;
	char *data;

	if (doc_read_range(path, from, own + SCAN_OVER, &data, &got) != DOC_OK)
		return READ_ERROR;
	at = rawfind_in(k->rf, data, got, got < own ? got : own, k->back);
	free(data);
	if (k->back)
		k->hi = from;
	else
		k->lo = from + own;
	return at == SIZE_MAX ? SIZE_MAX : from + at;
}

/* Show the part of the file holding byte AT with the search made on it;
 * return whether the scan goes on (the part has no match: markup). */
static int
show_place(struct ui *u, size_t at)
{
	struct ui_seek *k = u->seek;
	size_t i = u->lib->cur;
	struct lib_entry *e = &u->lib->e[i];
	size_t cut = e->preview->source_len, had;
	const struct doc *w;

	/* The reader's place, if in a part from further on (not one the
	 * scan showed on its way), for the history. */
	had = k->tries == 0 ? ui_part_leave(u) : u->nleft;
	if (at < cut) /* into the first part: its end, or its start */
		ui_show_part(u, e->preview, 1, k->back ? SIZE_MAX : 0);
	else if ((w = library_window(u->lib, i, at)) != NULL)
		ui_show_part(u, w, 2, 0);
	else {
		ui_part_unleave(u, had);
		return 0; /* the whole will say */
	}
	/* The search, as it was, on the part shown. */
	snprintf(u->pager.query, sizeof(u->pager.query), "%s", k->query);
	u->pager.search_back = k->was;
	pager_search_part(&u->pager, k->back, k->wrapped);
	if (u->pager.search_wait == 0 || at < cut || ++k->tries >= SCAN_TRIES)
		return 0; /* found, or the first part has not it */
	/* The bytes are markup the text does not show: on past. */
	if (k->back)
		k->hi = e->wfrom;
	else
		k->lo = e->wto;
	return 1;
}

/* Milliseconds since T0. */
static double
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Search the bytes for MS milliseconds at most, showing the part where
 * they have a place; the scan ends there, or when they have none. */
static void
seek(struct ui *u, double ms)
{
	const struct lib_entry *e = &u->lib->e[u->lib->cur];
	struct timespec t0;
	size_t at;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (u->seek != NULL) {
		if (u->seek->lo >= u->seek->hi && u->seek->wlo <
		    u->seek->whi) { /* none to the end: on from the start */
			u->seek->lo = u->seek->wlo;
			u->seek->hi = u->seek->whi;
			u->seek->wlo = u->seek->whi = 0;
			u->seek->wrapped = 1;
		}
		/* Ctrl-C gave the wait up, a key moved on, or none is left. */
		if (u->pager.search_wait == 0 || u->seek->lo >= u->seek->hi ||
		    !library_loading(u->lib, u->lib->cur)) {
			ui_seek_stop(u);
			return;
		}
		if ((at = scan_chunk(e->path, u->seek)) == READ_ERROR ||
		    (at != SIZE_MAX && !show_place(u, at))) {
			ui_seek_stop(u);
			return;
		}
		if (ms_since(&t0) >= ms)
			return;
	}
}

void
ui_seek_more(struct ui *u)
{
	if (u->seek != NULL)
		seek(u, SLICE_MS);
}

void
ui_search_part(struct ui *u)
{
	size_t i = u->lib->cur;
	struct lib_entry *e = &u->lib->e[i];
	struct ui_seek *k;
	int back = u->pager.search_back != (u->pager.search_wait ==
	    PAGER_WAIT_PREV);

	/* n, or the same search again, while the bytes are searched: the
	 * search goes on as it was. */
	if (u->seek != NULL && u->pager.search_wait != 0 &&
	    u->seek->was == u->pager.search_back &&
	    strcmp(u->seek->query, u->pager.query) == 0)
		return;
	ui_seek_stop(u);
	if (u->pager.search_wait == 0 || !library_loading(u->lib, i) ||
	    library_ready(u->lib, i) || e->preview == NULL || e->size <= 0 ||
	    u->pager.search == NULL)
		return;
	k = xcalloc(1, sizeof(*k));
	/* Then, as the search wraps, from the other end of the file. */
	if (u->pager.doc == e->preview) {
		/* Backward, it wraps at once: from the file's end. */
		k->lo = e->preview->source_len;
		k->hi = (size_t)e->size;
		k->wrapped = back;
		k->whi = back ? 0 : k->lo; /* forward, the first part's */
	} else if (e->window != NULL && u->pager.doc == e->window) {
		k->lo = back ? 0 : e->wto;
		k->hi = back ? e->wfrom : (size_t)e->size;
		k->wlo = back ? e->wto : 0;
		k->whi = back ? (size_t)e->size : e->wfrom;
	}
	if (k->lo >= k->hi ||
	    (k->rf = rawfind_new(u->pager.query, SEARCH_REGEX)) == NULL) {
		free(k); /* the whole will say */
		return;
	}
	k->back = back;
	k->was = u->pager.search_back;
	snprintf(k->query, sizeof(k->query), "%s", u->pager.query);
	u->seek = k;
	seek(u, FIRST_MS);
}
