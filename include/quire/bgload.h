/*
 * Loading a document on a second thread, while the first shows the
 * start of it.  cmark-gfm keeps some parser state in globals (the inline
 * parser's table of special characters), so no other parse may run
 * while a background load does: any other parse waits for it to end
 * (src/doc/parse.c takes one lock around every parse).
 */
#ifndef QUIRE_BGLOAD_H
#define QUIRE_BGLOAD_H

#include <stddef.h>

#include "quire/doc.h"

struct bgload;

/* A load of LEN bytes at DATA, which it takes and frees, after reading
 * REST onto them (doc_read_rest) unless it is NULL; it starts at
 * bgload_go() or when anything below waits for it, bgload_ready() and
 * bgload_cuts_ready() excepted. */
struct bgload *bgload_new(char *data, size_t len,
    const struct doc_rest *rest);

/* Start the load on its thread, if it has not started; if no thread
 * can be started, the document is parsed before returning. */
void bgload_go(struct bgload *b);

/* Whether the document is ready: bgload_wait() will not block (never
 * before bgload_go()).  If the thread ended quire (out of memory, past
 * the parse's budget: fatal()), quire ends here, on the caller's
 * thread, as in bgload_wait(). */
int bgload_ready(const struct bgload *b);

/* The offsets where a part of the file may start (doc_prefix_cuts), *N
 * of them (NULL when none), and its *TOTAL bytes, waiting for them if
 * need be: they are made once the file is read, before it is parsed.
 * They last until bgload_free(). */
const size_t *bgload_cuts(const struct bgload *b, size_t *n, size_t *total);

/* Whether bgload_cuts() will not wait. */
int bgload_cuts_ready(const struct bgload *b);

/* The heading lines of the file (doc_prefix_cuts), *N of them, waiting
 * for them as bgload_cuts() does; they last until bgload_free(). */
const struct doc_outline *bgload_outline(const struct bgload *b, size_t *n);

/* The file's footnotes (doc_notes_scan), NULL if none, waiting for
 * them as bgload_cuts() does (they are found in the same pass); they
 * last until bgload_free(). */
const struct doc_notes *bgload_notes(const struct bgload *b);

/* Wait for the document and return it; the caller frees it. */
struct doc *bgload_wait(struct bgload *b);

/* Wait for the load to end and free it, with the document unless
 * bgload_wait() took it; NULL does nothing. */
void bgload_free(struct bgload *b);

#endif
