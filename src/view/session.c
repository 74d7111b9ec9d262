/*
 * The document session: which of the library's documents the pager
 * shows, switching between them (:n, :p, the documents view), loading
 * one again (R), and each one's reading position, restored when it opens
 * and saved when the reader leaves it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
	    (sp.block == 0 && sp.off == 0 && sp.step == 0))
		return;
	pos.block = sp.block;
	pos.off = sp.off;
	pos.table = pos.row = DOC_NONE;
	pos.step = sp.step;
	pager_show_pos(&u->pager, pos);
	sec = pager_section(&u->pager);
	pager_note(&u->pager,
	    "resumed at %.*s \xE2\x80\x94 g for the start",
	    sec == DOC_NONE ? 4 : (int)d->sections[sec].title_len,
	    sec == DOC_NONE ? "line" : d->text + d->sections[sec].title);
}

/* Save the reading position; 0, or -1 with why in ERR (reported after
 * the screen ends). */
int
ui_save(struct ui *u, char *err, size_t errlen)
{
	const char *key = u->state_key;
	struct pos pos;
	struct state_pos sp;

	ui_whole_place(u);
	pos = pager_pos(&u->pager);
	sp.block = pos.block;
	sp.off = pos.off;
	sp.step = pos.step;
	return state_put(key, &sp, err, errlen);
}

/* The pager's layout flags for this terminal and these options. */
static int
lay_flags(const struct ui *u)
{
	return (u->scr.utf8 ? 0 : LAYOUT_ASCII) |
	    (u->scr.color && u->o->theme != THEME_MONO ? 0 : LAYOUT_PLAIN) |
	    (u->o->numbers ? LAYOUT_NUMBERS : 0) | (u->chop ? LAYOUT_CHOP : 0);
}

void
ui_open_doc(struct ui *u, const struct doc *d, const struct lib_entry *e,
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
	s.side = u->side;
	s.hl = u->hl;
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
	if (u->places == NULL || (u->places[i].block == 0 &&
	    u->places[i].off == 0 && u->places[i].step == 0))
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
	ui_seek_stop(u); /* the search past a part was another document's */
	faq_index_free(u->c.faq_index);
	u->c.faq_index = NULL;
	pager_free(&u->pager);
	nav_kept_free(&u->first); /* another document's */
	ui_part_places_free(u);
	free(u->state_key);
	u->state_key = u->o->state ? state_key(e->path, d->hash) : NULL;
	u->lib->cur = i;
	/* The place left last time may lie past the first part. */
	if (d == e->preview && (have || (u->state_key &&
	    state_get(u->state_key, &sp, warn, sizeof(warn)) &&
	    (sp.block != 0 || sp.off != 0 || sp.step != 0)))) {
		d = library_doc(u->lib, i);
		library_drop_preview(u->lib, i);
	}
	ui_open_doc(u, d, e, d == e->preview);
	/* A first part shorter than the screen is no help: wait. */
	if (u->pager.partial && layout_done(u->pager.lay) &&
	    u->pager.lay->nlines < (size_t)u->scr.rows)
		ui_finish_load(u);
	if (have)
		pager_show_pos(&u->pager, kept);
	else if (u->state_key)
		resume(u);
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
	ui_whole_place(u);
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
	enum doc_error err;
	struct stat st;
	struct doc *d;

	if (strcmp(e->path, "-") == 0) {
		pager_note(&u->pager,
		    "standard input cannot be read again");
		return;
	}
	/* A FIFO or a device in the file's place would block or never
	 * end: only a regular file (or a directory, refused below) is
	 * read again. */
	if (stat(e->path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		pager_note(&u->pager, "cannot reload: not a regular file");
		return;
	}
	ui_views_close(u);
	faq_index_free(u->c.faq_index);
	u->c.faq_index = NULL;
	pager_free(&u->pager); /* it points into the document */
	nav_kept_free(&u->first);
	ui_part_places_free(u);
	d = library_reload(u->lib, i, &err);
	if (d == NULL) {
		ui_open_doc(u, e->doc, e, 0);
		pager_show_pos(&u->pager, pos);
		pager_note(&u->pager,
		    "cannot reload: %s", doc_strerror(err, e->errnum));
		return;
	}
	ui_open_doc(u, d, e, 0);
	if (pos.block < d->nblocks)
		pager_show_pos(&u->pager, pos);
	pager_note(&u->pager, "reloaded (%zu bytes)",
	    d->source_len);
}

