/*
 * Drawing: layout lines and interface text onto stdscr.  One style table
 * maps span kinds (and interface roles) to curses attributes; inline
 * style bits add emphasis on top.  This is the only place text meets
 * the terminal, and it re-checks that no control character gets out.
 */
#ifndef QUIRE_DRAW_H
#define QUIRE_DRAW_H

#include <stddef.h>

#include "quire/layout.h"
#include "quire/style.h" /* enum ui_style, enum theme */

/* Set up the style table: COLOR whether colours may be used (not
 * NO_COLOR, the terminal has them), for THEME. */
void draw_init(int color, int utf8, enum theme theme);

/*
 * Draw line N of LAY at screen ROW, shifted right by LEFT columns, cut
 * at column LEFT + WIDTH.  EXTRA is OR-ed into every attribute (for a
 * highlighted row).
 */
void draw_line(const struct layout *lay, size_t n, int row, int left,
    int width, unsigned long extra);

/*
 * The same, with code lines (LAYOUT_CHOP) scrolled SHIFT columns left
 * and cut at the text column's edge, marked there when they go on.
 */
void draw_line_shift(const struct layout *lay, size_t n, int row, int left,
    int width, unsigned long extra, int shift);

/*
 * The same for the pager: code blocks in the looks of their tokens,
 * which HL (NULL: none) highlights as far as the line needs.
 */
struct hlcache;
void draw_line_code(const struct layout *lay, size_t n, int row, int left,
    int width, int shift, struct hlcache *hl);

/*
 * Draw LEN bytes of clean UTF-8 at ROW, COL in STYLE, at most MAXW
 * columns; return the columns used.
 */
int draw_text(int row, int col, const char *s, size_t len, int maxw,
    int style);

/* Like draw_text, but text too wide is cut (draw_cut) and ends in an
 * ellipsis. */
int draw_text_cut(int row, int col, const char *s, size_t len, int maxw,
    int style);

/*
 * How many bytes of S (LEN) to show in MAXW columns: all of it when it
 * fits; else a prefix that leaves room for the ellipsis, ended after a
 * word when a word ends in its last third (trailing blanks dropped),
 * else between characters.  Every view cuts text with it and then
 * draws draw_ellipsis() after what it drew.
 */
size_t draw_cut(const char *s, size_t len, int maxw);

/* The ellipsis at ROW, COL in STYLE ("…", "..." when the terminal is
 * not UTF-8), if it fits in MAXW; return its width. */
int draw_ellipsis(int row, int col, int maxw, int style);

/* Fill from ROW, COL to the end of the row in STYLE. */
void draw_fill(int row, int col, int width, int style);

/*
 * Draw again, in STYLE, the part of line N of LAY between display
 * columns C0 and C1 (a search match, say).
 */
void draw_range(const struct layout *lay, size_t n, int row, int left,
    int width, int c0, int c1, int style);

/* The same, on a line drawn by draw_line_shift() with SHIFT. */
void draw_range_shift(const struct layout *lay, size_t n, int row, int left,
    int width, int c0, int c1, int style, int shift);

/* The curses attributes of STYLE, to pass as draw_line's EXTRA. */
unsigned long draw_attr(int style);

/*
 * The first span kind or interface role THEME gives no style, or -1
 * when it styles them all.  Needs no screen.
 */
int draw_unstyled(enum theme theme);

/* Whether the terminal takes UTF-8 (else ASCII is drawn). */
int draw_utf8(void);

#endif
