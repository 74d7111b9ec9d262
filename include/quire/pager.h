/*
 * The pager: the document laid out at the screen's width, a top line,
 * and a status line.  It owns its layout and relays out on resize,
 * keeping the reader's place in the text.
 */
#ifndef QUIRE_PAGER_H
#define QUIRE_PAGER_H

#include <stddef.h>

#include "quire/doc.h"
#include "quire/keymap.h"
#include "quire/layout.h"

#define PAGER_MIN_COLS 10 /* below this, or 3 rows, "terminal too small" */
#define PAGER_MIN_ROWS 3

struct pager {
	const struct doc *doc;
	const char *name;       /* file name shown when there is no title */
	struct layout *lay;
	int lay_flags;
	size_t top;             /* first line on screen */
	int rows, cols;
	char note[256];         /* one-line note for the status line */
	int hint;               /* show "? help" until the first key */
};

/* Set up a pager on DOC (not owned); NAME is clean text. */
void pager_init(struct pager *p, const struct doc *doc, const char *name,
    int lay_flags);

/* Free the pager's layout. */
void pager_free(struct pager *p);

/* Fit a screen of ROWS x COLS, keeping the top line's text on screen. */
void pager_resize(struct pager *p, int rows, int cols);

/* Draw the text and the status line. */
void pager_draw(struct pager *p);

/* Do ACTION; return 1 when the pager should close. */
int pager_act(struct pager *p, enum action a);

/* Rows of text on screen (the status line takes one). */
int pager_text_rows(const struct pager *p);

/* Scroll so that line N is at the top, within bounds. */
void pager_goto(struct pager *p, size_t n);

#endif
