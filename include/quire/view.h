/*
 * A view of the interface (the pager, the section index, the index
 * beside the text with the keys, the help, the table view, quick
 * answers, the documents) as a table of operations.
 * The key loop (ui.c) keeps a stack of open views with the pager at its
 * bottom, draws the top one, hands it keys and mouse events, and does
 * what its key handler returns: stay, close, open another view over it,
 * switch to another in its place, or quit.  Each view is one file with
 * one `const struct view_ops`, listed in ui.c's table.
 */
#ifndef QUIRE_VIEW_H
#define QUIRE_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "quire/doc.h"
#include "quire/keymap.h"

struct faq_index;
struct library;
struct pager;
struct ui;

/* What every view may use: the key loop's shared state. */
struct view_ctx {
	struct pager *pager;    /* the document, under every view */
	struct library *lib;    /* the documents quire was given */
	int rows, cols;         /* the screen */
	struct faq_index *faq_index;   /* quick answers' index: built on
	                                  first use, freed with the document */
	struct ui *ui;          /* the session, for the pager's own view */
};

#define VIEW_NO_DOC ((size_t)-1)

/* What a view opens on. */
struct view_arg {
	uint32_t table, row;    /* the table view: table and row (1-based);
	                           DOC_NONE: the table nearest the top line */
	size_t doc;             /* the pager: the library entry to read, or
	                           VIEW_NO_DOC for the one shown */
};

enum view_what {
	VR_STAY,         /* the view stays on top */
	VR_CLOSE,        /* close it: the one under it shows again */
	VR_OPEN,         /* open view `to` over it */
	VR_SWITCH,       /* close it and open view `to` in its place */
	VR_QUIT,         /* quire quits */
};

/* What a key (or a mouse event) did: one type for every view. */
struct view_result {
	enum view_what what;
	enum view_id to;        /* VR_OPEN, VR_SWITCH: the view to open; the
	                           pager closes every view over it */
	struct view_arg arg;    /* and what it opens on */
};

/* A mouse event, read by the key loop. */
struct view_mouse {
	int wheel;              /* -1 up, 1 down, 0 none */
	int click;              /* button 1 pressed, released or clicked */
	int press;              /* button 1 pressed or clicked (not released) */
	int row, col;
};

struct view_ops {
	/* Open the view; its state, or NULL when it cannot open (a note on
	 * the pager's status line says why).  The pager is laid out whole
	 * while any view is over it. */
	void *(*open)(struct view_ctx *c, struct view_arg arg);
	/* Handle KEY. */
	struct view_result (*key)(void *st, struct view_ctx *c, int key);
	/* Handle a mouse event; NULL: the view ignores the mouse. */
	struct view_result (*mouse)(void *st, struct view_ctx *c,
	    const struct view_mouse *m);
	/* The screen's size (c->rows, c->cols) or the pager's layout
	 * changed; NULL: nothing to do, the next draw adapts. */
	void (*resize)(void *st, struct view_ctx *c);
	/* Draw the view over the whole screen. */
	void (*draw)(void *st, struct view_ctx *c);
	/* Free the state open returned. */
	void (*close)(void *st);
};

/* The views, one per file. */
extern const struct view_ops pager_view_ops;    /* pager_view.c */
extern const struct view_ops index_view_ops;    /* index.c */
extern const struct view_ops side_view_ops;     /* sideview.c */
extern const struct view_ops help_view_ops;     /* help.c */
extern const struct view_ops table_view_ops;    /* tableview.c */
extern const struct view_ops answers_view_ops;  /* answers.c */
extern const struct view_ops libview_ops;       /* libview.c */

/* No argument: the defaults. */
static inline struct view_arg
view_no_arg(void)
{
	struct view_arg a = { DOC_NONE, DOC_NONE, VIEW_NO_DOC };

	return a;
}

/* A result without a view to open: VR_STAY, VR_CLOSE or VR_QUIT. */
static inline struct view_result
view_result(enum view_what what)
{
	struct view_result r;

	r.what = what;
	r.to = VIEW_PAGER;
	r.arg = view_no_arg();
	return r;
}

/* Open (VR_OPEN) or switch to (VR_SWITCH) view TO on ARG. */
static inline struct view_result
view_goto(enum view_what what, enum view_id to, struct view_arg arg)
{
	struct view_result r;

	r.what = what;
	r.to = to;
	r.arg = arg;
	return r;
}

#endif
