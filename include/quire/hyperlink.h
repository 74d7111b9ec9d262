/*
 * Terminal hyperlinks (OSC 8): whether the terminal shows them, a link's
 * target made safe to write, and writing the sequences around the cells
 * curses drew for a link.  Curses knows nothing of OSC 8, so after each
 * refresh the cells of the links on screen are written again, the same
 * characters in the same attributes, between an OSC 8 that opens the
 * link and one that closes it; cells that held a link the frame before
 * and hold none now are written again without one.
 */
#ifndef QUIRE_HYPERLINK_H
#define QUIRE_HYPERLINK_H

#include <stddef.h>
#include <stdint.h>

#include "quire/util.h"

enum hyperlinks { HYPERLINKS_AUTO, HYPERLINKS_ALWAYS, HYPERLINKS_NEVER };

#define HYPERLINK_MAX 2048  /* longest target written, once encoded */
#define HYPERLINK_CELLS 256 /* most link pieces written in one frame */

/*
 * Put in OUT (emptied first) the target S (LEN bytes) as the terminal
 * is given it: an absolute http, https, ftp, file or mailto URL, its
 * printable ASCII URL characters kept, '%' kept before two hex digits,
 * every other byte percent-encoded.  Return 0, or -1 when the target is
 * not linked: another scheme (javascript:, data:, ...), a relative or
 * in-document target, a control byte, or longer than HYPERLINK_MAX.
 */
int hyperlink_target(const char *s, size_t len, struct buf *out);

/*
 * Whether the terminal, described by its environment (GET is getenv, or
 * a stand-in for tests), shows OSC 8 links: the rule of --hyperlinks=auto
 * (README, quire(1)).
 */
int hyperlink_terminal(char *(*get)(const char *));

/* A piece of a link on screen: WIDTH cells from ROW, COL. */
struct hyperlink_cells {
	int row, col, width;
	uint32_t id;            /* the link, so pieces of one link (a wrapped
	                           link) hover together */
	const char *url;        /* hyperlink_target's output */
	size_t len;
};

/*
 * After a refresh: write the N pieces in CUR as links over what curses
 * drew, and the cells of last frame's pieces that are not in CUR again
 * without a link.  A piece last frame wrote, at the same place with the
 * same cells and target, is left alone; nothing is written when nothing
 * changed.
 */
void screen_hyperlinks(const struct hyperlink_cells *cur, size_t n);

/* Forget last frame's pieces: the whole screen is drawn afresh (a
 * resize, Ctrl-L), links and all. */
void screen_hyperlinks_reset(void);

#endif
