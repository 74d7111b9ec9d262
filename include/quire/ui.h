/*
 * The full-screen interface: starts the screen, runs the views' key
 * loop, restores the terminal.
 */
#ifndef QUIRE_UI_H
#define QUIRE_UI_H

#include "quire/doc.h"

/* Show DOC full screen until the reader quits; return an exit status. */
int ui_run(const struct doc *doc, const char *name);

#endif
