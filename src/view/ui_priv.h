/*
 * Private to the key loop (ui.c) and the document session (session.c):
 * the interface's state and what the two share.
 */
#ifndef QUIRE_VIEW_UI_PRIV_H
#define QUIRE_VIEW_UI_PRIV_H

#include "quire/answers.h"
#include "quire/pager.h"
#include "quire/prompt.h"
#include "quire/screen.h"
#include "quire/tableview.h"
#include "quire/ui.h"
#include "quire/views.h"

struct ui {
	struct screen scr;
	struct pager pager;
	enum view_id view;
	struct index_view index;
	struct help_view help;
	struct table_view table;
	struct prompt command;  /* ':' */
	struct prompt find;     /* '/' and '?' */
	struct answers_view faq;
	struct faq_index *faq_index;   /* built the first time it is needed */
	enum view_id under_help;   /* the view to return to from help */
	struct library *lib;
	const struct ui_opts *o;
	char *state_key;        /* the current document's, or NULL */
	size_t lib_sel;         /* the library view's selection */
	int chop;               /* -S: code lines whole, for every document */
};

/* Open VIEW over the pager; close the view on top. */
void ui_view_open(struct ui *u, enum view_id view);
void ui_view_close(struct ui *u);

/* Show document D (library entry I) where the reader left it. */
void ui_show_doc(struct ui *u, size_t i, struct doc *d);

/* Switch to library entry I, keeping the place in this document. */
void ui_switch_doc(struct ui *u, size_t i);

/* Show the whole of the current document in place of its first part,
 * waiting for it if need be. */
void ui_finish_load(struct ui *u);

/* Load the current document again (R). */
void ui_reload(struct ui *u);

/* Save the reading position; a failure is described in ERR. */
void ui_save(struct ui *u, char *err, size_t errlen);

#endif
