/*
 * The quick-answers view: a search box over the FAQ's questions and the
 * document's sections, ranked together as the reader types; Enter shows
 * an answer with its short answer set apart, or goes to the paragraph
 * of a section found.
 */
#ifndef QUIRE_ANSWERS_H
#define QUIRE_ANSWERS_H

#include <stddef.h>
#include <stdint.h>

#include "quire/doc.h"
#include "quire/faq.h"
#include "quire/layout.h"
#include "quire/listview.h"
#include "quire/prompt.h"
#include "quire/view.h"

struct pager;

struct answers_view {
	const struct doc *doc;
	const struct faq_index *ix;
	const struct layout *lay;   /* the pager's */
	int lay_flags;
	int column;                 /* the pager's reading column; 0: all */
	struct prompt query;
	struct faq_hit *hits;
	size_t nhits;
	struct listview list;       /* over the hits */
	int answer;                 /* showing the selected answer */
	struct layout *alay;        /* the answer */
	int awidth;
	size_t atop;
};


/* Open the view on DOC with index IX; LAY is the pager's layout.  FAQ,
 * unless DOC_NONE, is the entry whose answer it opens on. */
void answers_open(struct answers_view *v, const struct doc *doc,
    const struct faq_index *ix, const struct layout *lay, int lay_flags,
    uint32_t faq);

/* The pager laid out again (a resize): LAY is its new layout. */
void answers_relayout(struct answers_view *v, const struct layout *lay);

/* Free the view. */
void answers_free(struct answers_view *v);

/* Handle KEY (ROWS: the screen's).  Going to a question or a section
 * found jumps the pager P there and returns VR_CLOSE. */
struct view_result answers_key(struct answers_view *v, struct pager *p,
    int key, int rows);

/* Draw the view over the screen. */
void answers_draw(struct answers_view *v, int rows, int cols);

#endif
