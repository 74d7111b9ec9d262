/*
 * The document session: which of the library's documents the pager
 * shows, switching between them (:n, :p, the documents view), loading
 * one again (R), and each one's reading position, restored when it opens
 * and saved when the reader leaves it.
 */
#define _GNU_SOURCE /* memmem() */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/draw.h"
#include "quire/faq.h"
#include "quire/state.h"
#include "ui_priv.h"

/* Put the reader back where they were last time, with a note. */
static void
resume(struct ui *u)
{
	const char *key = u->state_key;
	struct state_pos sp;
	struct pos pos;
	char warn[256];
	uint32_t sec;
	const struct doc *d = u->pager.doc;

	if (!state_get(key, &sp, warn, sizeof(warn))) {
		if (warn[0])
			pager_note(&u->pager, "%s", warn);
		return;
	}
	if (sp.block >= d->nblocks || sp.off > d->text_len ||
	    (sp.block == 0 && sp.off == 0))
		return;
	pos.block = sp.block;
	pos.off = sp.off;
	pos.table = pos.row = DOC_NONE;
	pager_show_pos(&u->pager, pos);
	sec = pager_section(&u->pager);
	pager_note(&u->pager,
	    "resumed at %.*s \xE2\x80\x94 g for the start",
	    sec == DOC_NONE ? 4 : (int)d->sections[sec].title_len,
	    sec == DOC_NONE ? "line" : d->text + d->sections[sec].title);
}

/* Save the reading position; failures are reported after the screen ends. */
void
ui_save(struct ui *u, char *err, size_t errlen)
{
	const char *key = u->state_key;
	struct pos pos = pager_pos(&u->pager);
	struct state_pos sp = { pos.block, pos.off };

	state_put(key, &sp, err, errlen);
}

/* The pager's layout flags for this terminal and these options. */
static int
lay_flags(const struct ui *u)
{
	return (u->scr.utf8 ? 0 : LAYOUT_ASCII) |
	    (u->scr.color && u->o->theme != THEME_MONO ? 0 : LAYOUT_PLAIN) |
	    (u->o->numbers ? LAYOUT_NUMBERS : 0) | (u->chop ? LAYOUT_CHOP : 0);
}

/* Open D, entry E of the library, in the pager at the screen's size:
 * PARTIAL 1 for a first part, 2 for a part from further on. */
static void
open_doc(struct ui *u, const struct doc *d, const struct lib_entry *e,
    int partial)
{
	struct pager_setup s;

	s.unknown = partial == 2;
	s.name = e->name;
	s.lay_flags = lay_flags(u);
	s.column = u->o->width;
	s.rows = u->scr.rows;
	s.cols = u->scr.cols;
	s.partial = partial == 1;
	pager_open(&u->pager, d, &s);
}

/* Keep the current document's place for this session. */
static void
keep_place(struct ui *u)
{
	if (u->places == NULL)
		u->places = xcalloc(u->lib->n, sizeof(*u->places));
	u->places[u->lib->cur] = pager_pos(&u->pager);
}

/* Entry I's place this session, if the reader has left it once. */
static int
kept_place(const struct ui *u, size_t i, struct pos *pos)
{
	if (u->places == NULL ||
	    (u->places[i].block == 0 && u->places[i].off == 0))
		return 0;
	*pos = u->places[i];
	pos->table = pos->row = DOC_NONE;
	return 1;
}

/* Show document D (entry I of the library) in the pager, at the place
 * the reader left it this session, else last time. */
void
ui_show_doc(struct ui *u, size_t i, struct doc *d)
{
	struct lib_entry *e = &u->lib->e[i];
	struct state_pos sp;
	struct pos kept;
	char warn[8];
	int have = kept_place(u, i, &kept);

	ui_views_close(u);
	faq_index_free(u->c.faq_index);
	u->c.faq_index = NULL;
	pager_free(&u->pager);
	free(u->state_key);
	u->state_key = u->o->state ? state_key(e->path, d->hash) : NULL;
	u->lib->cur = i;
	/* The place left last time may lie past the first part. */
	if (d == e->preview && (have || (u->state_key &&
	    state_get(u->state_key, &sp, warn, sizeof(warn)) &&
	    (sp.block != 0 || sp.off != 0)))) {
		d = library_doc(u->lib, i);
		library_drop_preview(u->lib, i);
	}
	open_doc(u, d, e, d == e->preview);
	/* A first part shorter than the screen is no help: wait. */
	if (u->pager.partial && layout_done(u->pager.lay) &&
	    u->pager.lay->nlines < (size_t)u->scr.rows)
		ui_finish_load(u);
	if (have)
		pager_show_pos(&u->pager, kept);
	else if (u->state_key)
		resume(u);
}

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

/*
 * The place in the whole document D of POS in part W of entry E, bytes
 * wfrom to wto of the file: the same text (the part's text from there
 * on, PLACE_TEXT bytes, else fewer: a link may read otherwise in the
 * part), the occurrence nearest where the part's bytes put it; failing
 * that, the same share of the text.
 */
static struct pos
whole_place(const struct doc *w, struct pos pos, const struct doc *d,
    const struct lib_entry *e)
{
	uint32_t boff, blen;
	size_t off, n, est, lo, hi, best = SIZE_MAX;

	if (d->nblocks == 0 || w->nblocks == 0 || pos.block >= w->nblocks)
		return pos;
	doc_block_text(w, pos.block, &boff, &blen);
	off = pos.off >= boff && pos.off < boff + blen ? pos.off : boff;
	est = (size_t)((double)d->text_len * ((double)e->wfrom +
	    (double)(e->wto - e->wfrom) * (double)off /
	    (double)(w->text_len ? w->text_len : 1)) /
	    (double)(e->wtotal ? e->wtotal : 1));
	if (est > d->text_len)
		est = d->text_len;
	lo = est > d->text_len / 8 ? est - d->text_len / 8 : 0;
	hi = est + d->text_len / 8 < d->text_len ? est + d->text_len / 8 :
	    d->text_len;
	for (n = PLACE_TEXT; best == SIZE_MAX && n >= 16; n /= 3)
		best = nearest(d, w->text + off, w->text_len - off < n ?
		    w->text_len - off : n, lo, hi, est);
	if (best == SIZE_MAX)
		best = est;
	pos.block = block_at(d, (uint32_t)best);
	pos.off = (uint32_t)best;
	return pos;
}

void
ui_finish_load(struct ui *u)
{
	size_t i = u->lib->cur;
	struct lib_entry *e = &u->lib->e[i];
	struct pos pos;
	char note[256];
	int hint = u->pager.hint, window, end;
	struct doc *d;

	if (!library_loading(u->lib, i))
		return;
	pos = pager_pos(&u->pager);
	window = e->window != NULL && u->pager.doc == e->window;
	/* At the end of a part that ends the file: the end of the whole. */
	end = window && e->wto >= e->wtotal &&
	    u->pager.top >= pager_max_top(&u->pager);
	snprintf(note, sizeof(note), "%s", pager_note_text(&u->pager));
	pager_free(&u->pager); /* it points into the first part */
	d = library_doc(u->lib, i);
	if (window && d != NULL) /* keep the place by its text */
		pos = whole_place(e->window, pos, d, e);
	open_doc(u, d, e, 0);
	if (!hint)
		pager_hide_hint(&u->pager);
	if (end)
		pager_goto(&u->pager, pager_max_top(&u->pager));
	else if (pos.block != 0 || pos.off != 0)
		pager_show_pos(&u->pager, pos);
	pager_note(&u->pager, "%s", note);
	library_drop_preview(u->lib, i);
}

/* Show part D of the current document (PARTIAL as open_doc takes it)
 * with line TOP at the top, or its last page (TOP SIZE_MAX). */
static void
show_part(struct ui *u, const struct doc *d, int partial, size_t top)
{
	struct lib_entry *e = &u->lib->e[u->lib->cur];
	int hint = u->pager.hint;

	pager_free(&u->pager);
	open_doc(u, d, e, partial);
	if (!hint)
		pager_hide_hint(&u->pager);
	pager_need_all(&u->pager); /* a part is small */
	nav_jump(&u->pager, top == SIZE_MAX ? pager_max_top(&u->pager) :
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
 * the whole is waited for (and the key acts on it). */
static int
jump_section(struct ui *u, enum action a, size_t n)
{
	struct lib_entry *e = &u->lib->e[u->lib->cur];
	const struct doc_outline *h;
	const struct doc *w = NULL;
	size_t nh, off = NOT_FOUND;

	h = library_outline(u->lib, u->lib->cur, &nh);
	if (h != NULL && (off = section_target(u, e, a, n, h, nh)) == IN_PART)
		return 0;
	if (off == NOT_FOUND ||
	    (w = library_window_at(u->lib, u->lib->cur, off)) == NULL) {
		ui_finish_load(u);
		u->pager.count = n;
		return 0;
	}
	show_part(u, w, 2, 0);
	return 1;
}

int
ui_jump_part(struct ui *u, enum action a, size_t n)
{
	size_t i = u->lib->cur, at, size, cut;
	struct lib_entry *e = &u->lib->e[i];
	const struct doc *w;

	if (!library_loading(u->lib, i) || library_ready(u->lib, i) ||
	    e->preview == NULL || e->size <= 0)
		return 0;
	size = (size_t)e->size;
	cut = e->preview->source_len;
	if (a == ACT_TOP && n == 0 && e->window != NULL &&
	    u->pager.doc == e->window) { /* back to the first part */
		show_part(u, e->preview, 1, 0);
		return 1;
	}
	if ((a == ACT_NEXT_SECTION && n == 0) || a == ACT_NEXT_TOP)
		return jump_section(u, a, n);
	if (!((a == ACT_BOTTOM && n == 0) || a == ACT_PERCENT))
		return 0;
	at = a == ACT_BOTTOM || n >= 100 ? size : size / 100 * n +
	    size % 100 * n / 100;
	if (at < cut) { /* in the first part: the same share of its lines */
		show_part(u, e->preview, 1, at * 1000000 / cut);
		return 1;
	}
	if ((w = library_window(u->lib, i, at)) == NULL) {
		/* Not read yet: the key waits for the whole. */
		ui_finish_load(u);
		u->pager.count = n;
		return 0;
	}
	show_part(u, w, 2, at >= e->wto ? SIZE_MAX : (at - e->wfrom) *
	    1000000 / (e->wto - e->wfrom));
	return 1;
}

/* Switch to document I of the library, saving the place in this one. */
void
ui_switch_doc(struct ui *u, size_t i)
{
	struct lib_entry *e;
	struct doc *d;
	char err[256];

	if (i >= u->lib->n)
		return;
	e = &u->lib->e[i];
	if ((d = library_start(u->lib, i)) == NULL) {
		pager_note(&u->pager, "%.100s: %s",
		    e->name, doc_strerror(e->err, e->errnum));
		return;
	}
	keep_place(u);
	if (u->state_key)
		ui_save(u, err, sizeof(err));
	ui_show_doc(u, i, d);
	if (u->lib->n > 1 && pager_note_text(&u->pager)[0] == '\0')
		pager_note(&u->pager,
		    "document %zu of %zu", i + 1, u->lib->n);
}

/* Load the file again (R), keeping the reader's place as near as the
 * new text allows.  The old document is freed; views over it close. */
void
ui_reload(struct ui *u)
{
	struct pos pos = pager_pos(&u->pager);
	size_t i = u->lib->cur;
	struct lib_entry *e = &u->lib->e[i];
	struct doc *d;

	if (strcmp(e->path, "-") == 0) {
		pager_note(&u->pager,
		    "standard input cannot be read again");
		return;
	}
	ui_views_close(u);
	faq_index_free(u->c.faq_index);
	u->c.faq_index = NULL;
	pager_free(&u->pager); /* it points into the document */
	d = library_reload(u->lib, i);
	if (d == NULL) {
		open_doc(u, e->doc, e, 0);
		pager_show_pos(&u->pager, pos);
		pager_note(&u->pager,
		    "cannot reload: %s", strerror(e->errnum));
		return;
	}
	open_doc(u, d, e, 0);
	if (pos.block < d->nblocks)
		pager_show_pos(&u->pager, pos);
	pager_note(&u->pager, "reloaded (%zu bytes)",
	    d->source_len);
}

