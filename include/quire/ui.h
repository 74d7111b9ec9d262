/*
 * The full-screen interface: starts the screen, runs the views' key
 * loop, restores the terminal, and keeps the reading position.
 */
#ifndef QUIRE_UI_H
#define QUIRE_UI_H

#include "quire/doc.h"

struct ui_opts {
	const char *name;       /* clean file name for the status line */
	const char *state_key;  /* where to keep the position, or NULL */
	int mouse;              /* report mouse wheel and clicks */
};

/* Show DOC full screen until the reader quits; return an exit status. */
int ui_run(const struct doc *doc, const struct ui_opts *o);

#endif
