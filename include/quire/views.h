/*
 * The views drawn over the pager: the section index, the help screen and
 * the documents.  Each keeps its own state and asks the pager's layout
 * for what it shows; each file ends with its struct view_ops.
 */
#ifndef QUIRE_VIEWS_H
#define QUIRE_VIEWS_H

#include <stddef.h>
#include <stdint.h>

#include "quire/keymap.h"
#include "quire/library.h"
#include "quire/listview.h"
#include "quire/pager.h"
#include "quire/prompt.h"
#include "quire/util.h"
#include "quire/view.h"

struct index_view {
	const struct doc *doc;
	uint32_t *items;        /* sections shown, after the filter */
	struct listview list;   /* over items */
	uint32_t current;       /* the section the reader is in */
	struct prompt filter;   /* the text typed; never drawn as a prompt */
	int rows;               /* rows of items on screen, last drawn */
};

/* Open the index on the pager's document, selecting the reader's section. */
void index_open(struct index_view *v, const struct pager *p);

/* Free the index's lists. */
void index_free(struct index_view *v);

/* Handle KEY: VR_CLOSE when the index closes (after jumping or not),
 * VR_SWITCH to the help. */
struct view_result index_key(struct index_view *v, struct pager *p, int key);

/* Draw the index over the whole screen. */
void index_draw(struct index_view *v, const struct pager *p);

/* A click on screen ROW: select and jump; return 1 when it closes. */
int index_click(struct index_view *v, struct pager *p, int row);

/* Move the selection by N items (the mouse wheel). */
void index_scroll(struct index_view *v, int n);

struct help_view {
	struct buf raw;         /* a line per action: keys, '\t', help */
	struct buf text;        /* raw wrapped at width, lines ending '\n' */
	size_t *lines;          /* offset of each line of text */
	size_t nlines, top;
	int width;              /* the width text is wrapped at */
};

/* Build the help text from the keymap. */
void help_open(struct help_view *v);

/* Free the help text. */
void help_free(struct help_view *v);

/* Handle KEY (ROWS: the screen's); VR_CLOSE when the help closes. */
struct view_result help_key(struct help_view *v, int key, int rows);

/* Draw the help over the whole screen. */
void help_draw(struct help_view *v, int rows, int cols);

struct lib_view {
	const char **names;     /* each document's shortest telling name */
	size_t *items;          /* documents shown, after the filter */
	struct listview list;   /* over items */
	struct prompt filter;   /* matched against titles and names */
};

/* Open the documents view on LIB, selecting the document shown. */
void libview_open(struct lib_view *v, struct library *lib);

/* Free the view's lists. */
void libview_free(struct lib_view *v);

/* The documents view: keys (VR_CLOSE, or back to the pager on the
 * selected document; ROWS: the screen's), drawing. */
struct view_result libview_key(struct lib_view *v, struct library *lib,
    int key, int rows);
void libview_draw(struct lib_view *v, struct library *lib, int rows,
    int cols);

#endif
