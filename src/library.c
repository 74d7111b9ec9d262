/*
 * The library: the paths quire was given, their display names, and the
 * documents, loaded on first use.  A directory argument contributes its
 * Markdown files in name order.  Their titles, for the list of them,
 * come from each file's first lines until it is loaded.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "quire/library.h"
#include "quire/text.h"
#include "quire/util.h"

void
library_add(struct library *lib, const char *path)
{
	struct lib_entry *e;
	struct stat st;
	const char *shown = strcmp(path, "-") == 0 ? "(standard input)" : path;
	struct buf b = { 0 };

	GROW(lib->e, lib->cap, lib->n, 1);
	e = &lib->e[lib->n++];
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(path);
	text_clean(&b, shown, strlen(shown), 0, NULL);
	e->name = b.data ? b.data : xstrdup("");
	e->size = stat(path, &st) == 0 && S_ISREG(st.st_mode) ?
	    (long long)st.st_size : -1;
}

/* Whether NAME looks like Markdown. */
static int
markdown_name(const char *name)
{
	static const char *ext[] = { ".md", ".markdown", ".mdown", ".mkd",
		".mkdn", ".mdwn" };
	size_t i, n = strlen(name), k;

	if (name[0] == '.')
		return 0;
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		k = strlen(ext[i]);
		if (n > k && strcasecmp(name + n - k, ext[i]) == 0)
			return 1;
	}
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
library_add_dir(struct library *lib, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	struct buf path = { 0 };

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (markdown_name(de->d_name)) {
			GROW(names, cap, n, 1);
			names[n++] = xstrdup(de->d_name);
		}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		path.len = 0;
		buf_printf(&path, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1]
		    == '/' ? "" : "/", names[i]);
		library_add(lib, path.data);
		free(names[i]);
	}
	free(names);
	buf_free(&path);
	lib->from_dir = 1;
	return (int)n;
}

/* Wait for the background loads and take their documents: a parse would
 * wait for them anyway, cmark-gfm parsing one document at a time
 * (bgload.h). */
static void
settle(struct library *lib)
{
	struct lib_entry *e;
	size_t i;

	for (i = 0; i < lib->n; i++) {
		e = &lib->e[i];
		if (e->bg != NULL) {
			e->doc = bgload_wait(e->bg);
			bgload_free(e->bg);
			e->bg = NULL;
		}
	}
}

struct doc *
library_doc(struct library *lib, size_t i)
{
	struct lib_entry *e;

	if (i >= lib->n)
		return NULL;
	settle(lib);
	e = &lib->e[i];
	if (e->doc == NULL && e->err == DOC_OK) {
		e->doc = doc_load_file(e->path, lib->flags, &e->err);
		if (e->doc == NULL)
			e->errnum = errno;
	}
	return e->doc;
}

struct doc *
library_start(struct library *lib, size_t i)
{
	struct lib_entry *e;
	struct doc_rest rest;
	char *data;
	size_t len, cut;

	if (i >= lib->n)
		return NULL;
	e = &lib->e[i];
	if (e->doc != NULL || e->bg != NULL)
		return e->doc ? e->doc : e->preview;
	settle(lib);
	if (e->err != DOC_OK || strcmp(e->path, "-") == 0 ||
	    e->size < (long long)LIB_PREVIEW_MIN)
		return library_doc(lib, i);
	/* The start of the file alone: the rest is read on the second
	 * thread, and the part's scans of it stop LIB_PREVIEW_SCAN on. */
	if ((e->err = doc_read_head(e->path, lib->flags, LIB_PREVIEW_HEAD,
	    &data, &len, &rest)) != DOC_OK) {
		e->errnum = errno;
		return NULL;
	}
	/* The part first: no other parse may run beside the background one. */
	e->preview = doc_load_head(data, len, len + (rest.fd >= 0),
	    LIB_PREVIEW_WANT, LIB_PREVIEW_SCAN);
	if (e->preview == NULL && rest.fd >= 0) { /* all of it, then */
		len = doc_read_rest(&rest, &data, len);
		if ((cut = doc_prefix_cut(data, len, LIB_PREVIEW_WANT)) != 0)
			e->preview = doc_load_prefix(data, len, cut);
	}
	if (e->preview == NULL) {
		e->doc = doc_load_take(data, len);
		return e->doc;
	}
	/* Its thread starts once the part is on the screen (library_go). */
	e->bg = bgload_new(data, len, &rest);
	return e->preview;
}

void
library_go(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->n; i++)
		if (lib->e[i].bg != NULL)
			bgload_go(lib->e[i].bg);
}

int
library_loading(const struct library *lib, size_t i)
{
	/* Until the whole replaces the first part on screen: another
	 * document's load may have waited for it already (settle()). */
	return i < lib->n && (lib->e[i].bg != NULL || lib->e[i].preview != NULL);
}

int
library_ready(const struct library *lib, size_t i)
{
	return library_loading(lib, i) &&
	    (lib->e[i].bg == NULL || bgload_ready(lib->e[i].bg));
}

/* Entry E's window: bytes FROM to TO of its file (of TOTAL) parsed
 * beside the whole; NULL if they cannot be read, or are no longer there
 * (the file has shrunk since it was measured). */
static struct doc *
window(struct lib_entry *e, size_t from, size_t to, size_t total)
{
	const struct doc_notes *notes;
	char *data;
	size_t len;

	/* A part that long would take as long as the whole: wait for it. */
	if (to - from > LIB_WINDOW_MAX ||
	    doc_read_range(e->path, from, to - from, &data, &len) != DOC_OK)
		return NULL;
	if (len == 0 && to > from) {
		free(data);
		return NULL;
	}
	doc_free(e->window);
	/* The file's end: with the footnotes the whole ends with. */
	if (from > 0 && to >= total && (notes = bgload_notes(e->bg)) != NULL)
		e->window = doc_load_notes(data, len, from, notes);
	else
		e->window = doc_load_beside(data, len);
	free(data);
	e->wfrom = from;
	e->wto = from + len;
	e->wtotal = total;
	return e->window;
}

/* The first of N CUTS at or past FROM + LIB_WINDOW and AT + half of it;
 * TOTAL if none. */
static size_t
window_end(const size_t *cuts, size_t n, size_t from, size_t at,
    size_t total)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (cuts[k] >= from + LIB_WINDOW &&
		    cuts[k] >= at + LIB_WINDOW / 2)
			return cuts[k];
	return total;
}

#define NEAR_SCAN (4u * 1024 * 1024) /* bytes scanned for cuts here
                                       rather than waited for */
#define NEAR_STEP (4u * 1024)         /* between the cuts found so */

/* The last byte before AT where a part of entry E is known to start
 * without the background load's cuts: the first part's end, or the end
 * of the part from further on; 0 if none. */
static size_t
clean_start(const struct lib_entry *e, size_t at)
{
	size_t lo = 0;

	if (e->preview != NULL && e->preview->source_len <= at)
		lo = e->preview->source_len;
	if (e->window != NULL && e->wto <= at && e->wto > lo)
		lo = e->wto;
	return lo;
}

/*
 * Entry E's part around AT (of TOTAL bytes) while the background load
 * has not scanned the file for cuts yet: the bytes from LO, a line where
 * a part starts (clean_start), to some way past AT, read and scanned
 * here with the same rules (the scan begins outside any block there).
 * NULL when there is no cut far enough past AT in them.
 */
static struct doc *
window_near(struct lib_entry *e, size_t lo, size_t at, size_t total)
{
	char *data;
	size_t len, n, k, from, to, end, *cuts;
	struct doc *w = NULL;

	if (doc_read_range(e->path, lo, at - lo + 2 * LIB_WINDOW, &data,
	    &len) != DOC_OK)
		return NULL;
	cuts = doc_prefix_cuts(data, len, NEAR_STEP, &n, NULL, NULL, NULL);
	free(data);
	for (k = 0; k < n; k++)
		cuts[k] += lo;
	/* As library_window: a window's worth before the end. */
	end = total - at < LIB_WINDOW / 2 && total > LIB_WINDOW ?
	    total - LIB_WINDOW : at;
	for (k = n; k > 0 && cuts[k - 1] > end; k--)
		;
	from = k > 0 ? cuts[k - 1] : lo;
	to = window_end(cuts, n, from, at, lo + len < total ? SIZE_MAX :
	    total);
	free(cuts);
	if (to != SIZE_MAX)
		w = window(e, from, to, total);
	return w;
}

struct doc *
library_window(struct library *lib, size_t i, size_t at)
{
	struct lib_entry *e = &lib->e[i];
	const size_t *cuts;
	size_t n, total, k, lo, from;
	struct doc *w;

	if (e->bg == NULL)
		return NULL;
	/* Near a part shown, the bytes there rather than the whole's scan. */
	if (!bgload_cuts_ready(e->bg) && e->size > 0 &&
	    at < (size_t)e->size && (lo = clean_start(e, at)) > 0 &&
	    at - lo <= NEAR_SCAN && (w = window_near(e, lo, at,
	    (size_t)e->size)) != NULL)
		return w;
	if ((cuts = bgload_cuts(e->bg, &n, &total)) == NULL)
		return NULL;
	if (at > total)
		at = total;
	/* From the last cut before AT, a window's worth before the end. */
	lo = total - at < LIB_WINDOW / 2 ?
	    (total > LIB_WINDOW ? total - LIB_WINDOW : 0) : at;
	for (k = n; k > 0 && cuts[k - 1] > lo; k--)
		;
	from = k > 0 ? cuts[k - 1] : 0;
	return window(e, from, window_end(cuts, n, from, at, total), total);
}

struct doc *
library_window_at(struct library *lib, size_t i, size_t from)
{
	struct lib_entry *e = &lib->e[i];
	const size_t *cuts;
	size_t n, total;

	if (e->bg == NULL || (cuts = bgload_cuts(e->bg, &n, &total)) == NULL ||
	    from >= total)
		return NULL;
	return window(e, from, window_end(cuts, n, from, from, total), total);
}

const struct doc_outline *
library_outline(const struct library *lib, size_t i, size_t *n)
{
	*n = 0;
	return lib->e[i].bg == NULL ? NULL : bgload_outline(lib->e[i].bg, n);
}

void
library_drop_preview(struct library *lib, size_t i)
{
	if (i < lib->n) {
		doc_free(lib->e[i].preview);
		lib->e[i].preview = NULL;
		doc_free(lib->e[i].window);
		lib->e[i].window = NULL;
	}
}

struct doc *
library_reload(struct library *lib, size_t i, enum doc_error *err)
{
	struct lib_entry *e = &lib->e[i];
	struct doc *d;

	*err = DOC_ERR_OPEN;
	if (strcmp(e->path, "-") == 0)
		return NULL;
	settle(lib);
	d = doc_load_file(e->path, lib->flags, err);
	if (d == NULL) {
		e->errnum = errno;
		return NULL;
	}
	doc_free(e->doc);
	e->doc = d;
	e->err = DOC_OK;
	return d;
}

size_t
library_scan_titles(struct library *lib)
{
	struct lib_entry *e;
	size_t i, n = 0;

	if (lib->scanned == lib->n)
		return 0;
	for (i = 0; i < lib->n; i++)
		if (lib->e[i].bg != NULL && !bgload_ready(lib->e[i].bg))
			return 0;
	for (i = 0; i < lib->n; i++) {
		e = &lib->e[i];
		if (!e->scanned) {
			e->scanned = 1;
			if (e->doc == NULL)
				e->title = doc_title_file(e->path, lib->flags,
				    &e->title_len);
			n++;
		}
	}
	lib->scanned = lib->n;
	return n;
}

const char *
library_title(const struct library *lib, size_t i, size_t *len)
{
	const struct lib_entry *e = &lib->e[i];

	if (e->doc != NULL)
		return doc_title(e->doc, len);
	if (e->preview != NULL) /* a first part takes the whole's title */
		return doc_title(e->preview, len);
	*len = e->title_len;
	return e->title ? e->title : "";
}

/* The start of the last K '/'-separated parts of NAME (all of it when
 * it has no more). */
static const char *
name_tail(const char *name, int k)
{
	const char *p = name + strlen(name);

	while (p > name) {
		if (p[-1] == '/' && p[0] != '\0' && --k == 0)
			return p;
		p--;
	}
	return name;
}

const char *
library_short_name(const struct library *lib, size_t i)
{
	const char *name = lib->e[i].name, *t;
	size_t j;
	int k;

	for (k = 1;; k++) {
		t = name_tail(name, k);
		if (t == name)
			return t;
		for (j = 0; j < lib->n; j++)
			if (j != i &&
			    strcmp(name_tail(lib->e[j].name, k), t) == 0)
				break;
		if (j == lib->n)
			return t;
	}
}

void
library_free(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->n; i++) {
		free(lib->e[i].path);
		free(lib->e[i].name);
		free(lib->e[i].title);
		bgload_free(lib->e[i].bg);
		doc_free(lib->e[i].preview);
		doc_free(lib->e[i].window);
		doc_free(lib->e[i].doc);
	}
	free(lib->e);
	memset(lib, 0, sizeof(*lib));
}
