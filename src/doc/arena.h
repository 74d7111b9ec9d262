/*
 * Private to the loader: the memory of one cmark-gfm tree, given out from
 * large blocks and given back all at once (arena.c).
 */
#ifndef QUIRE_DOC_ARENA_H
#define QUIRE_DOC_ARENA_H

#include <cmark-gfm.h>

/*
 * cmark-gfm's allocator for a parse whose tree goes at once: it takes
 * from the calling thread's arena, which arena_begin() opens.  Every
 * allocation and free through it, from the parser's creation to the
 * tree's last use, must be made on that thread.
 */
extern cmark_mem arena_mem;

/* Open an arena for this thread; one at a time per thread. */
void arena_begin(void);

/* Give back all of this thread's arena, and close it. */
void arena_end(void);

#endif
