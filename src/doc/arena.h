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

/* Open an arena for this thread, nested in the one open before; every
 * byte it takes from the system and gives back is told to COUNT (a
 * wrapped-round size_t for bytes given back), the parse's budget. */
void arena_begin(void (*count)(size_t));

/* Give back all of this thread's arena, and close it. */
void arena_end(void);

#endif
