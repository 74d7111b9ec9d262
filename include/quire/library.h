/*
 * The documents quire was given: one file, several (a small library to
 * switch between with :n and :p), or a directory's Markdown files.  Each
 * is loaded when first needed and kept until quire ends.
 */
#ifndef QUIRE_LIBRARY_H
#define QUIRE_LIBRARY_H

#include <stddef.h>
#include <stdint.h>

#include "quire/bgload.h"
#include "quire/doc.h"

/* A file this large is shown from its first part while the rest loads. */
#define LIB_PREVIEW_MIN (128u * 1024)
#define LIB_PREVIEW_WANT (32u * 1024) /* the first part's least size */
#define LIB_PREVIEW_HEAD (512u * 1024) /* read before the first part */
#define LIB_PREVIEW_SCAN (128u * 1024) /* the rest the part's scans read */
#define LIB_WINDOW (24u * 1024) /* a part from further on: at least this */
#define LIB_WINDOW_MAX (2u * 1024 * 1024) /* and at most this */

struct lib_entry {
	char *path;             /* as given; "-" is standard input */
	char *name;             /* cleaned, for display */
	struct doc *doc;        /* once loaded */
	struct doc *preview;    /* its first part, while the whole loads */
	struct bgload *bg;      /* the whole, loading on a second thread */
	struct doc *window;     /* a part from further on, while it loads */
	size_t wfrom, wto;      /* the window's bytes in the file */
	size_t wtotal;          /* the file's bytes */
	enum doc_error err;     /* why it did not load */
	int errnum;
	long long size;         /* bytes on disk, or -1 */
	char *title;            /* from its first lines, until it loads */
	size_t title_len;
	int scanned;            /* the first lines were read for it */
};

struct library {
	struct lib_entry *e;
	size_t n, cap;
	size_t cur;             /* the document shown */
	int flags;              /* DOC_FORCE */
	int from_dir;           /* the entries came from a directory */
	size_t scanned;         /* entries whose titles were looked for */
};

/* Add the file at PATH. */
void library_add(struct library *lib, const char *path);

/* Add DIR's Markdown files (*.md, *.markdown, ...), sorted; return how
 * many, or -1 with errno set. */
int library_add_dir(struct library *lib, const char *dir);

/* Document I, loading it if need be (and waiting for a background
 * load); NULL if it cannot be loaded. */
struct doc *library_doc(struct library *lib, size_t i);

/*
 * Start loading document I and return what can be shown now: for a
 * large file, its first part, while the whole is parsed on a second
 * thread (library_loading() is true until library_doc() takes it);
 * otherwise the whole document.  NULL if it cannot be loaded.
 */
struct doc *library_start(struct library *lib, size_t i);

/* Start the loads library_start() left ready, once their first parts are
 * on the screen: until then the second thread would only take the
 * processor from the first screen. */
void library_go(struct library *lib);

/* Whether document I is shown from its first part (its whole loading in
 * the background, or loaded but not yet taken); whether the whole is
 * ready. */
int library_loading(const struct library *lib, size_t i);
int library_ready(const struct library *lib, size_t i);

/* Find, once, the titles of the documents not loaded, from their first
 * lines (doc_title_file): a directory's list shows them at once.  Not
 * while a document loads in the background (each title is read by a
 * small parse, which would wait for it): call again later.  Return how
 * many were found now. */
size_t library_scan_titles(struct library *lib);

/* Document I's title: the whole's once it is loaded, else the one its
 * first lines give; "" (*LEN 0) if none. */
const char *library_title(const struct library *lib, size_t i, size_t *len);

/*
 * While document I loads, a part of it around byte AT (from the first
 * part's end to its last byte) parsed beside the whole, kept in the
 * entry's window: at least LIB_WINDOW bytes, the last of the file if AT
 * is near its end.  NULL if the file cannot be read, or if no part of
 * at most LIB_WINDOW_MAX bytes holds AT.  Within a few MiB past a part
 * shown (the first part, the window) it reads and scans the bytes from
 * that part's end for where a part may start; further on it waits for
 * the background load to have read and scanned the file (tens of
 * milliseconds).
 */
struct doc *library_window(struct library *lib, size_t i, size_t at);

/* The same, the part starting at byte FROM, one of the offsets where a
 * part may start (a heading of library_outline's). */
struct doc *library_window_at(struct library *lib, size_t i, size_t from);

/* While document I loads, its heading lines (doc_prefix_cuts), *N of
 * them; NULL if none. */
const struct doc_outline *library_outline(const struct library *lib,
    size_t i, size_t *n);

/* Free document I's first part and window, once nothing shows them. */
void library_drop_preview(struct library *lib, size_t i);

/* Load document I again (its file changed); NULL, keeping the old one,
 * if it cannot be read now: *ERR says why (with the entry's errnum). */
struct doc *library_reload(struct library *lib, size_t i,
    enum doc_error *err);

/* The shortest end of entry I's name that tells it from the others:
 * its base name, or as many folders before it as another entry's name
 * needs to differ.  Points into the entry's name. */
const char *library_short_name(const struct library *lib, size_t i);

/* Free every entry and document. */
void library_free(struct library *lib);

#endif
