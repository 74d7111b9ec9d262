/*
 * Private to the key loop (ui.c), the document session (session.c) and
 * the pager's own view (pager_view.c): the interface's state and what
 * they share.
 */
#ifndef QUIRE_VIEW_UI_PRIV_H
#define QUIRE_VIEW_UI_PRIV_H

#include "quire/pager.h"
#include "quire/prompt.h"
#include "quire/screen.h"
#include "quire/ui.h"
#include "quire/view.h"

#define UI_MAX_VIEWS 4  /* the pager, a view, the help over it, and one */

struct ui_seek;

/* An open view: its operations and its state. */
struct ui_view {
	const struct view_ops *ops;
	void *st;
};

struct part_place;

struct ui {
	struct screen scr;
	struct view_ctx c;      /* what the views share */
	struct pager pager;
	struct ui_view stack[UI_MAX_VIEWS];   /* [0]: the pager */
	int depth;              /* views open, the pager included */
	struct prompt command;  /* ':' */
	struct prompt find;     /* '/' and '?' */
	struct library *lib;
	const struct ui_opts *o;
	char *state_key;        /* the current document's, or NULL */
	struct pos *places;     /* each document's place this session, by
	                           library entry; {0, 0}: none yet */
	int chop;               /* -S: code lines whole, for every document */
	int side;               /* SIDE_*: the index beside the text, for
	                           every document */
	int links;              /* write links as OSC 8 hyperlinks */
	struct highlighter *hl; /* code highlighting, or NULL: none */
	struct ui_seek *seek;   /* the file's bytes searched, or NULL */
	struct nav_kept first;  /* the history and marks made on a large
	                           file's first part (the whole's places),
	                           while a part from further on is shown */
	struct part_place *left; /* the places left in parts from further
	                            on (loading.c), for the history */
	size_t nleft, cap_left;
	struct view_mouse mouse; /* a mouse event read before its key was
	                            handled (a wheel on a part), if */
	int mouse_read;
};

/* Open view ID on ARG over the one on top (the pager: close every view
 * over it, then give it ARG); 0 if it cannot open. */
int ui_view_open(struct ui *u, enum view_id id, struct view_arg arg);

/* Close the view on top (never the pager). */
void ui_view_close(struct ui *u);

/* Close every view over the pager. */
void ui_views_close(struct ui *u);

/* Keep the place the pager shows, when it is a part from further on of
 * a large file, for the history once the whole is in; return the count
 * kept before, which ui_part_unleave() goes back to when the key stays
 * in the part or waits for the whole after all. */
size_t ui_part_leave(struct ui *u);
void ui_part_unleave(struct ui *u, size_t had);

/* Forget the places left in parts (another document is shown). */
void ui_part_places_free(struct ui *u);

/* Show document D (library entry I) where the reader left it. */
void ui_show_doc(struct ui *u, size_t i, struct doc *d);

/* Switch to library entry I, keeping the place in this document. */
void ui_switch_doc(struct ui *u, size_t i);

/* Open D, entry E of the library, in the pager at the screen's size:
 * PARTIAL 1 for a first part, 2 for a part from further on (session.c). */
void ui_open_doc(struct ui *u, const struct doc *d, const struct lib_entry *e,
    int partial);

/* Show the whole of the current document in place of the part shown
 * (its first part, or one from further on, at the same text), waiting
 * for it if need be (loading.c). */
void ui_finish_load(struct ui *u);

/*
 * While the current document loads, the keys that jump far (G, N%, and
 * g back from a part further on) with count N: show a part of the file
 * there (its end, N% of its bytes) at once, with no page number, which
 * the whole replaces at the same text when it arrives: 1.  0 when A is
 * not one of them, or the part shown has the place (the key acts on
 * it); -1 when no part can be made yet: the whole is then waited for,
 * and the key acts on it, with its count N (loading.c).
 */
int ui_jump_part(struct ui *u, enum action a, size_t n);

/* Show part D of the current document (PARTIAL as ui_open_doc takes it)
 * with line TOP (in millionths of its lines) at the top, or its last
 * page (TOP SIZE_MAX) (loading.c). */
void ui_show_part(struct ui *u, const struct doc *d, int partial,
    size_t top);

/*
 * The search on the part shown waits for the whole: look for its query
 * in the file's bytes past the part (before it, backward; from the
 * file's end when it wraps) and show the part holding it, a slice of
 * the bytes at once and the rest between keys (ui_seek_more) until a
 * part shows a match, the bytes have none, or the whole arrives
 * (partfind.c).
 */
void ui_search_part(struct ui *u);

/* Whether the file's bytes are being searched; search a slice more of
 * them; stop (the whole has arrived, or another search begins). */
int ui_seek_busy(const struct ui *u);
void ui_seek_more(struct ui *u);
void ui_seek_stop(struct ui *u);

/* If the pager shows a part from further on, wait for the whole and
 * show it there: a place kept or saved is in the whole's terms. */
void ui_whole_place(struct ui *u);

/* Load the current document again (R). */
void ui_reload(struct ui *u);

/* Save the reading position; a failure is described in ERR. */
int ui_save(struct ui *u, char *err, size_t errlen);

#endif
