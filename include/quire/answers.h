/*
 * The quick-answers view: a search box over the FAQ's questions, ranked
 * as the reader types; Enter shows an answer with its short answer set
 * apart; when nothing matches, the best full-text hits of the article.
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

#define FAQ_FALLBACK 50 /* full-text hits offered when no question matches */

struct answers_view {
	const struct doc *doc;
	const struct faq_index *ix;
	const struct layout *lay;   /* the pager's, for full-text hits */
	int lay_flags;
	struct prompt query;
	struct faq_hit *hits;
	size_t nhits;
	struct listview list;       /* over the hits, or else the lines */
	int answer;                 /* showing the selected answer */
	struct layout *alay, *slay; /* the answer, the short answer */
	int awidth;
	size_t atop;
	struct search *text;        /* full-text fallback, or NULL */
	size_t *lines;              /* its lines, one per hit */
	size_t nlines;
};

/* Open the view on DOC with index IX; LAY is the pager's layout. */
void answers_open(struct answers_view *v, const struct doc *doc,
    const struct faq_index *ix, const struct layout *lay, int lay_flags);

/* The pager laid out again (a resize): LAY is its new layout. */
void answers_relayout(struct answers_view *v, const struct layout *lay);

/* Free the view. */
void answers_free(struct answers_view *v);

/* Handle KEY (ROWS: the screen's).  Going to a question or a full-text
 * hit jumps the pager P there and returns VR_CLOSE. */
struct view_result answers_key(struct answers_view *v, struct pager *p,
    int key, int rows);

/* Draw the view over the screen. */
void answers_draw(struct answers_view *v, int rows, int cols);

#endif
