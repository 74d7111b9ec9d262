/*
 * The full-screen interface: starts the screen, runs the views' key
 * loop over the library's documents, restores the terminal, and keeps
 * each document's reading position.
 */
#ifndef QUIRE_UI_H
#define QUIRE_UI_H

#include <stdio.h>

#include "quire/draw.h"
#include "quire/library.h"

/* The section index beside the text: from SIDE_AUTO_COLS columns,
 * whenever there is room, or never. */
enum side_index { SIDE_AUTO, SIDE_ON, SIDE_OFF };

struct ui_opts {
	int mouse;              /* report mouse wheel and clicks */
	int state;              /* restore and save reading positions */
	enum theme theme;
	int width;              /* the text column's width; 0: full width */
	int numbers;            /* number headings */
	int chop;               /* -S: long code lines whole, scrolled */
	int hyperlinks;         /* HYPERLINKS_*: OSC 8 links */
	int side;               /* SIDE_*: the index beside the text */
	int highlight;          /* highlight code blocks by their language */
	const char *warning;    /* the first warning printed before, or NULL */
	int nwarnings;          /* how many */
};

#define UI_NO_SCREEN (-1) /* the terminal cannot show the pager */

/*
 * Show the library's documents full screen, from lib->cur, until the
 * reader quits; return an exit status, or UI_NO_SCREEN when TERM is
 * unset, dumb or unknown.
 */
int ui_run(struct library *lib, const struct ui_opts *o);

/* Print every key of every view to OUT, a line each: the view, the key
 * and what it does, tab-separated (--keys).  Needs no screen. */
void ui_print_keys(FILE *out);

/* The name and version of the curses library in use (--version). */
const char *ui_curses_version(void);

#endif
