/*
 * The full-screen interface: starts the screen, runs the views' key
 * loop, restores the terminal, and keeps the reading position.
 */
#ifndef QUIRE_UI_H
#define QUIRE_UI_H

#include "quire/doc.h"

struct ui_opts {
	const char *name;       /* clean file name for the status line */
	const char *path;       /* the file, for R to load again; "-": none */
	int load_flags;         /* DOC_FORCE */
	const char *state_key;  /* where to keep the position, or NULL */
	int mouse;              /* report mouse wheel and clicks */
};

#define UI_NO_SCREEN (-1) /* the terminal cannot show the pager */

/*
 * Show *DOC full screen until the reader quits; return an exit status,
 * or UI_NO_SCREEN when TERM is unset, dumb or unknown.  Reloading (R)
 * replaces *DOC, freeing the old one; the caller frees the last.
 */
int ui_run(struct doc **doc, const struct ui_opts *o);

#endif
