/*
 * The pager's keys that wait for another, as in less: a count typed
 * before a key (10j, 5G, 50%), Esc before a character (Esc-u, Esc-( and
 * Esc-) typed slowly), m and ' before a mark's letter, - before an
 * option letter, Z before Z; and =, which says where the reader is.
 */
#include <stdio.h>
#include <string.h>

#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/screen.h"

#define ESC_KEY 27
#define COUNT_MAX 100000000 /* a count stops growing here */

int
pager_key_begin(struct pager *p, int key)
{
	if (p->pending == ESC_KEY) {
		p->pending = 0;
		if (!(key & (KEYCODE | KEYALT)) && key >= ' ' && key != 127 &&
		    keymap_lookup(VIEW_PAGER, KEYALT | key) != ACT_NONE)
			return KEYALT | key;
	}
	if (key == ESC_KEY && p->pending == 0) {
		p->pending = ESC_KEY;
		return KEY_NONE;
	}
	return key;
}

/* The letter after m or ': set a mark, or go to one. */
static void
mark_key(struct pager *p, int kind, int key)
{
	if (kind == '\'' && (key == '\'' || key == '`')) {
		if (!nav_toggle(p))
			pager_note(p, "no earlier place");
		return;
	}
	if (key < 'a' || key > 'z') {
		pager_note(p, "marks are letters a-z");
		return;
	}
	if (kind == 'm') {
		p->marks[key - 'a'] = pager_pos(p);
		p->marks_set |= 1u << (key - 'a');
		pager_note(p, "mark %c set", key);
	} else if (!(p->marks_set & (1u << (key - 'a')))) {
		pager_note(p, "mark %c is not set", key);
	} else {
		struct pos to = p->marks[key - 'a'];

		nav_jump(p, 0);
		pager_show_pos(p, to);
	}
}

/* The letter after -: S switches long code lines, as less's -S. */
static void
option_key(struct pager *p, int key)
{
	if (key == 'S')
		pager_toggle_chop(p);
	else if (key > ' ' && key < 0x7F)
		pager_note(p, "no option -%c here; -S "
		    "switches long code lines", key);
}

int
pager_prefix_key(struct pager *p, int key)
{
	int kind = p->pending;

	p->pending = 0;
	pager_note_clear(p);
	p->count = 0;
	if (key == KEY_INTR) /* Ctrl-C drops the prefix */
		return 0;
	switch (kind) {
	case 'Z':
		return key == 'Z' ? 1 : 2;
	case '-':
		option_key(p, key);
		return 0;
	case 'm':
	case '\'':
		mark_key(p, kind, key);
		return 0;
	default:
		return 2;
	}
}

void
pager_count_digit(struct pager *p, int key)
{
	if (key < '0' || key > '9')
		return;
	if (p->count < COUNT_MAX)
		p->count = p->count * 10 + (size_t)(key - '0');
	pager_note(p, "count %zu", p->count);
}

void
pager_info(struct pager *p)
{
	const struct doc *d = p->doc;
	size_t tlen, page, pages, pct, rows = (size_t)pager_text_rows(p);
	size_t nl = p->lay->nlines, last = p->top + rows;
	const char *title = doc_title(d, &tlen);
	uint32_t sec = nl ? pager_section(p) : DOC_NONE;
	char where[128];
	int known = pager_page(p, &page, &pages, &pct);

	if (tlen == 0)
		title = p->name, tlen = strlen(p->name);
	if (page == 0)
		snprintf(where, sizeof(where), "page ?/?, a part from "
		    "further on while the rest loads");
	else if (known)
		snprintf(where, sizeof(where), "page %zu/%zu, lines %zu-%zu/%zu, "
		    "%zu%%", page, pages, nl ? p->top + 1 : 0,
		    last < nl ? last : nl, nl, pct);
	else
		snprintf(where, sizeof(where), "page %zu/..., lines %zu-%zu",
		    page, p->top + 1, last);
	/* The place first: a long title is what the status line cuts. */
	if (sec != DOC_NONE && sec != d->title)
		pager_note(p, "%s: %.*s - %.*s", where, (int)(tlen > 60 ? 60 :
		    tlen), title, (int)(d->sections[sec].title_len > 80 ? 80 :
		    d->sections[sec].title_len), d->text + d->sections[sec].title);
	else
		pager_note(p, "%s: %.*s", where, (int)(tlen > 120 ? 120 : tlen),
		    title);
}
