/*
 * A document while its whole loads on the second thread: the keys that
 * jump far (G, N%, g, ], }, N}) show at once a part of the file there,
 * read and parsed beside the whole (library_window), and when the whole
 * arrives it takes the place of the part shown at the same text, with
 * the search made on the part made again on it, and the history, the
 * marks and a count typed on the part kept.  A search with no match
 * in the part looks for its query in the file's bytes (partfind.c).
 */
#define _GNU_SOURCE /* memmem() */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/library.h"
#include "quire/search.h"
#include "ui_priv.h"

/* The block of D holding text offset OFF. */
static uint32_t
block_at(const struct doc *d, uint32_t off)
{
	size_t lo = 0, hi = d->nblocks, mid;
	uint32_t boff, blen;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		doc_block_text(d, (uint32_t)mid, &boff, &blen);
		if (boff <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

#define PLACE_TEXT 160 /* bytes of text that find a place in the whole */

/* Where the N bytes at S are in D's text between LO and HI, the
 * occurrence nearest EST; SIZE_MAX if nowhere. */
static size_t
nearest(const struct doc *d, const char *s, size_t n, size_t lo, size_t hi,
    size_t est)
{
	size_t best = SIZE_MAX, dist = SIZE_MAX, k;
	const char *hit;

	for (k = lo; n > 0 && k + n <= hi; k++) {
		if ((hit = memmem(d->text + k, hi - k, s, n)) == NULL)
			break;
		k = (size_t)(hit - d->text);
		if ((k > est ? k - est : est - k) < dist)
			dist = k > est ? k - est : est - k, best = k;
	}
	return best;
}

/* A place in a part of a large file, told by its text: the part's text
 * from there on, and where the part's bytes put it in the file. */
struct part_place {
	char text[PLACE_TEXT];
	size_t n;
	double at;      /* its share of the file's bytes, 0 to 1 */
	size_t hist;    /* the whole's history places before it */
};

/* POS in part W of entry E, bytes wfrom to wto of the file, into PP; 0
 * if POS is no place of W. */
static int
part_place_of(const struct doc *w, struct pos pos, const struct lib_entry *e,
    struct part_place *pp)
{
	uint32_t boff, blen;
	size_t off;

	if (w->nblocks == 0 || pos.block >= w->nblocks)
		return 0;
	doc_block_text(w, pos.block, &boff, &blen);
	off = pos.off >= boff && pos.off < boff + blen ? pos.off : boff;
	pp->n = w->text_len - off < PLACE_TEXT ? w->text_len - off :
	    PLACE_TEXT;
	memcpy(pp->text, w->text + off, pp->n);
	pp->at = ((double)e->wfrom + (double)(e->wto - e->wfrom) *
	    (double)off / (double)(w->text_len ? w->text_len : 1)) /
	    (double)(e->wtotal ? e->wtotal : 1);
	return 1;
}

/*
 * The text offset in the whole document D of place PP: the same text
 * (PLACE_TEXT bytes, else fewer: a link may read otherwise in the part),
 * the occurrence nearest where the part's bytes put it; failing that,
 * the same share of the text.
 */
static size_t
place_in(const struct doc *d, const struct part_place *pp)
{
	size_t n, est, lo, hi, best = SIZE_MAX;

	est = (size_t)((double)d->text_len * pp->at);
	if (est > d->text_len)
		est = d->text_len;
	lo = est > d->text_len / 8 ? est - d->text_len / 8 : 0;
	hi = est + d->text_len / 8 < d->text_len ? est + d->text_len / 8 :
	    d->text_len;
	for (n = PLACE_TEXT; best == SIZE_MAX && n >= 16; n /= 3)
		best = nearest(d, pp->text, pp->n < n ? pp->n : n, lo, hi, est);
	return best == SIZE_MAX ? est : best;
}

/* The place in the whole document D of POS in part W of entry E. */
static struct pos
whole_place(const struct doc *w, struct pos pos, const struct doc *d,
    const struct lib_entry *e)
{
	struct part_place pp;
	size_t at;

	if (d->nblocks == 0 || !part_place_of(w, pos, e, &pp))
		return pos;
	at = place_in(d, &pp);
	pos.block = block_at(d, (uint32_t)at);
	pos.off = (uint32_t)at;
	return pos;
}

/* Keep the place left in the part from further on that the pager shows,
 * if it does, to go back to once the whole is in; return how many were
 * kept before, for ui_part_unleave(). */
size_t
ui_part_leave(struct ui *u)
{
	const struct lib_entry *e = &u->lib->e[u->lib->cur];
	size_t had = u->nleft;

	if (e->window == NULL || u->pager.doc != e->window)
		return had;
	GROW(u->left, u->cap_left, u->nleft, 1);
	if (part_place_of(e->window, pager_pos(&u->pager), e,
	    &u->left[u->nleft])) {
		u->left[u->nleft].hist = u->first.nback;
		u->nleft++;
	}
	return had;
}

void
ui_part_unleave(struct ui *u, size_t had)
{
	if (had < u->nleft)
		u->nleft = had;
}

void
ui_part_places_free(struct ui *u)
{
	free(u->left);
	u->left = NULL;
	u->nleft = u->cap_left = 0;
}

/* The places left in parts from further on, in the whole document D,
 * into the pager's history, each after the places the first part had
 * kept when it was left (the first part's history is in already). */
static void
part_places_to(struct ui *u, const struct doc *d)
{
	struct pos pos;
	size_t i, at;

	if (u->nleft == 0 || d == NULL || d->nblocks == 0) {
		ui_part_places_free(u);
		return;
	}
	/* The last first: places at one spot keep their order. */
	for (i = u->nleft; i-- > 0;) {
		at = place_in(d, &u->left[i]);
		pos.block = block_at(d, (uint32_t)at);
		pos.off = (uint32_t)at;
		pos.table = pos.row = DOC_NONE;
		pos.step = 0;
		nav_insert(&u->pager, u->left[i].hist, &pos, 1);
	}
	ui_part_places_free(u);
}

/* What whole_place() needs, for nav_restore(). */
struct places {
	const struct doc *part, *whole;
	const struct lib_entry *e;
};

static struct pos
history_place(struct pos pos, const void *arg)
{
	const struct places *pl = arg;

	return whole_place(pl->part, pos, pl->whole, pl->e);
}

void
ui_finish_load(struct ui *u)
{
	size_t i = u->lib->cur;
	struct lib_entry *e = &u->lib->e[i];
	struct pos pos, at;
	struct nav_kept kept;
	struct places pl;
	char note[256], query[PROMPT_MAX];
	int hint = u->pager.hint, window, end, back, wait, lit, hit, wrapped;
	struct doc *d;

	if (!library_loading(u->lib, i))
		return;
	pos = pager_pos(&u->pager);
	/* The search made on the part: the same, on the whole. */
	snprintf(query, sizeof(query), "%s", u->pager.query);
	back = u->pager.search_back;
	wait = u->pager.search_wait;
	wrapped = u->pager.search_wrapped;
	ui_seek_stop(u);
	lit = u->pager.search != NULL || wait != 0;
	hit = pager_match_pos(&u->pager, &at);
	window = e->window != NULL && u->pager.doc == e->window;
	/* At the end of a part that ends the file: the end of the whole. */
	end = window && e->wto >= e->wtotal &&
	    u->pager.top >= pager_max_top(&u->pager);
	snprintf(note, sizeof(note), "%s", pager_note_text(&u->pager));
	/* '' and marks made on the part, and a count typed there (5 of 5j,
	 * the j waiting for the whole), hold on the whole. */
	nav_keep(&u->pager, &kept);
	pager_free(&u->pager); /* it points into the first part */
	d = library_doc(u->lib, i);
	if (window && d != NULL) { /* keep the place by its text */
		pos = whole_place(e->window, pos, d, e);
		if (hit)
			at = whole_place(e->window, at, d, e);
	}
	ui_open_doc(u, d, e, 0);
	pl.part = e->window;
	pl.whole = d;
	pl.e = e;
	nav_restore(&u->pager, &kept, window && d != NULL ? history_place :
	    NULL, &pl);
	/* Before a part from further on: what the first part kept; and
	 * among those, the places left in parts. */
	nav_prepend(&u->pager, &u->first);
	part_places_to(u, d);
	if (!hint)
		pager_hide_hint(&u->pager);
	if (end)
		pager_goto(&u->pager, pager_max_top(&u->pager));
	else if (pos.block != 0 || pos.off != 0 || pos.step != 0)
		pager_show_pos(&u->pager, pos);
	pager_note(&u->pager, "%s", note);
	if (lit && d != NULL)
		pager_search_resume(&u->pager, query, back, wait,
		    hit ? &at : NULL, wrapped);
	library_drop_preview(u->lib, i);
}

void
ui_whole_place(struct ui *u)
{
	const struct lib_entry *e = &u->lib->e[u->lib->cur];

	if (e->window != NULL && u->pager.doc == e->window)
		ui_finish_load(u);
}

void
ui_show_part(struct ui *u, const struct doc *d, int partial, size_t top)
{
	struct lib_entry *e = &u->lib->e[u->lib->cur];
	int hint = u->pager.hint;

	/* The first part's places are the whole's: its history, with the
	 * place left, is kept for the whole (or the first part again).  A
	 * part from further on has its own, which another part cannot
	 * read: they go. */
	if (u->pager.doc == e->preview && d != e->preview) {
		nav_jump(&u->pager, u->pager.top); /* the place left */
		nav_kept_free(&u->first);
		nav_keep(&u->pager, &u->first);
		u->first.count = 0; /* the key's, now used */
		u->first.pending = 0;
	}
	pager_free(&u->pager);
	ui_open_doc(u, d, e, partial);
	if (!hint)
		pager_hide_hint(&u->pager);
	if (d == e->preview)
		nav_restore(&u->pager, &u->first, NULL, NULL);
	pager_need_all(&u->pager); /* a part is small */
	if (partial == 2) /* shown at once, its code coloured after */
		pager_highlight_later(&u->pager);
	/* Going back from here is going back to the place left, in the
	 * other part (kept above, or not): none is pushed in this one. */
	nav_show(&u->pager, top == SIZE_MAX ? pager_max_top(&u->pager) :
	    top * u->pager.lay->nlines / 1000000);
}

/* The level of an outline's top-level headings (H, N of them): the
 * least, but for the title's (a first level-1 heading, the only one);
 * *FIRST is the first heading that is not the title. */
static int
outline_top(const struct doc_outline *h, size_t n, size_t *first)
{
	size_t k, h1 = 0;
	int top = BLOCK_LEVELS;

	for (k = 0; k < n; k++)
		h1 += h[k].level == 1;
	*first = h1 == 1 && n > 0 && h[0].level == 1;
	for (k = *first; k < n; k++)
		if (h[k].level < top)
			top = h[k].level;
	return top;
}

#define IN_PART SIZE_MAX            /* the part shown has the section */
#define NOT_FOUND (SIZE_MAX - 1)    /* the outline has not */

/* Where the section key A (with count N) goes in the outline H (NH
 * headings) of entry E: the offset of its heading, IN_PART or
 * NOT_FOUND. */
static size_t
section_target(struct ui *u, const struct lib_entry *e, enum action a,
    size_t n, const struct doc_outline *h, size_t nh)
{
	const struct doc *d = u->pager.doc;
	size_t first, k, c = 0, from;
	int top = outline_top(h, nh, &first), level = top;
	uint32_t sec;

	if (a == ACT_NEXT_TOP && n > 0) {
		if (d == e->preview && nav_top_section(d, n > 999 ? 1000 :
		    (int)n) != DOC_NONE)
			return IN_PART;
		for (k = first; k < nh; k++)
			if (h[k].level == top && ++c == n)
				return h[k].off;
		return NOT_FOUND;
	}
	if (nav_next_section(&u->pager, 1, a == ACT_NEXT_TOP) != DOC_NONE)
		return IN_PART;
	if (a == ACT_NEXT_SECTION && (sec = pager_section(&u->pager)) !=
	    DOC_NONE && sec != d->title)
		level = d->sections[sec].level;
	from = d == e->window ? e->wto : e->preview->source_len;
	for (k = first; k < nh; k++)
		if (h[k].off >= from && h[k].level <= level)
			return h[k].off;
	return NOT_FOUND;
}

/* ], } and N} before the whole is in: a part from the heading on, if
 * the part shown has not the section; if the outline has not either,
 * the whole is waited for (and the key acts on it).  HAD: the places
 * left in parts before this key's (ui_part_leave). */
static int
jump_section(struct ui *u, enum action a, size_t n, size_t had)
{
	struct lib_entry *e = &u->lib->e[u->lib->cur];
	const struct doc_outline *h;
	const struct doc *w = NULL;
	size_t nh, off = NOT_FOUND;

	h = library_outline(u->lib, u->lib->cur, &nh);
	if (h != NULL && (off = section_target(u, e, a, n, h, nh)) == IN_PART) {
		ui_part_unleave(u, had); /* the key acts in the part */
		return 0;
	}
	if (off == NOT_FOUND ||
	    (w = library_window_at(u->lib, u->lib->cur, off)) == NULL) {
		ui_part_unleave(u, had);
		ui_finish_load(u);
		return -1;
	}
	ui_show_part(u, w, 2, 0);
	return 1;
}

int
ui_jump_part(struct ui *u, enum action a, size_t n)
{
	size_t i = u->lib->cur, at, size, cut, had;
	struct lib_entry *e = &u->lib->e[i];
	const struct doc *w;

	if (!library_loading(u->lib, i) || !((a == ACT_BOTTOM && n == 0) ||
	    a == ACT_PERCENT || (a == ACT_TOP && n == 0) ||
	    (a == ACT_NEXT_SECTION && n == 0) || a == ACT_NEXT_TOP))
		return 0;
	if (a == ACT_TOP && u->pager.doc == e->preview)
		return 0; /* the first part is the whole's start */
	if (library_ready(u->lib, i) || e->preview == NULL || e->size <= 0) {
		ui_finish_load(u); /* here now, or no part to be had */
		return -1;
	}
	size = (size_t)e->size;
	cut = e->preview->source_len;
	/* The place left, if in a part from further on: read before the
	 * next part takes the place of that one. */
	had = ui_part_leave(u);
	if (a == ACT_TOP) { /* from a part further on: the first part */
		ui_show_part(u, e->preview, 1, 0);
		return 1;
	}
	if (a == ACT_NEXT_SECTION || a == ACT_NEXT_TOP)
		return jump_section(u, a, n, had);
	at = a == ACT_BOTTOM || n >= 100 ? size : size / 100 * n +
	    size % 100 * n / 100;
	if (at < cut) { /* in the first part: the same share of its lines */
		ui_show_part(u, e->preview, 1, at * 1000000 / cut);
		return 1;
	}
	if ((w = library_window(u->lib, i, at)) == NULL) {
		/* Not read yet: the key waits for the whole, and goes from
		 * the place there. */
		ui_part_unleave(u, had);
		ui_finish_load(u);
		return -1;
	}
	ui_show_part(u, w, 2, at >= e->wto ? SIZE_MAX : (at - e->wfrom) *
	    1000000 / (e->wto - e->wfrom));
	return 1;
}
