/*
 * The pager's status line, what it says besides the page: a document's
 * base name, and the main keys on the first screen.
 */
#ifndef QUIRE_STATUS_H
#define QUIRE_STATUS_H

/* The part of NAME after its last '/': what the status line shows of a
 * document with no title. */
const char *status_base_name(const char *name);

/* Draw the main keys ("] next section  i index ...") at ROW, COL in
 * STYLE, as many as fit in WIDTH columns; return the columns used. */
int status_hint(int row, int col, int width, int style);

struct pager;

/* Draw pager P's status line at ROW: a note, the main keys (first
 * screen) or the title and section on the left; -S, page and percent
 * on the right. */
void status_draw(const struct pager *p, int row);

#endif
