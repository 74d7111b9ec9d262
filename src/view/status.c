/*
 * What the pager's status line says besides the page: the document's
 * name when it has no title (the base name, not the path), and on the
 * first screen, until a key is pressed, the main keys, named from the
 * keymap and as many as fit; and the line itself (status_draw).
 */
#include <stdio.h>
#include <string.h>

#include "quire/draw.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/status.h"
#include "quire/text.h"

/* The main keys, in the order shown, and the order they give way in
 * when the line is narrow (help stays to the last). */
static const struct {
	enum action action;
	const char *what;
	int drop;               /* dropped before those with a higher one */
} hints[] = {
	{ ACT_NEXT_SECTION, "next section", 4 },
	{ ACT_INDEX, "index", 3 },
	{ ACT_FAQ, "ask", 1 },
	{ ACT_TABLE, "table", 0 },
	{ ACT_SEARCH, "search", 2 },
	{ ACT_HELP, "help", 5 },
};

#define NHINTS (sizeof(hints) / sizeof(hints[0]))

const char *
status_base_name(const char *name)
{
	const char *s = strrchr(name, '/');

	return s != NULL && s[1] != '\0' ? s + 1 : name;
}

/* The width of the hints whose drop is at least LEVEL. */
static int
hint_width(int level)
{
	int w = 0;
	size_t i;
	const char *k;

	for (i = 0; i < NHINTS; i++) {
		if (hints[i].drop < level ||
		    (k = keymap_key_name(VIEW_PAGER, hints[i].action)) == NULL)
			continue;
		w += (w ? 2 : 0) + (int)text_width(k, strlen(k)) + 1 +
		    (int)strlen(hints[i].what);
	}
	return w;
}

int
status_hint(int row, int col, int width, int style)
{
	int level = 0, used = 0;
	size_t i;
	const char *k;

	while (level < 5 && hint_width(level) > width)
		level++;
	for (i = 0; i < NHINTS; i++) {
		if (hints[i].drop < level ||
		    (k = keymap_key_name(VIEW_PAGER, hints[i].action)) == NULL)
			continue;
		if (used > 0)
			used += draw_text(row, col + used, "  ", 2,
			    width - used, style);
		used += draw_text(row, col + used, k, strlen(k), width - used,
		    style);
		used += draw_text(row, col + used, " ", 1, width - used, style);
		used += draw_text_cut(row, col + used, hints[i].what,
		    strlen(hints[i].what), width - used, style);
	}
	return used;
}

/* The status line: title and section on the left, position on the right. */
void
status_draw(const struct pager *p, int row)
{
	const struct doc *d = p->doc;
	char right[96], cut[24] = "";
	size_t tlen, nl = p->lay->nlines, page, pages, pct;
	const char *title = doc_title(d, &tlen);
	int col = 0, rw, known;
	uint32_t sec = DOC_NONE;

	if (p->chop) /* -S, and how far code lines are scrolled */
		snprintf(cut, sizeof(cut), p->shift ? " -S +%d" : " -S",
		    p->shift);
	known = pager_page(p, &page, &pages, &pct);
	if (page == 0) /* a part from further on: its page is not known */
		rw = snprintf(right, sizeof(right), "%s%s page ?/? ",
		    p->hint && p->note[0] ? " h help " : "", cut);
	else if (!known) /* no total yet */
		rw = snprintf(right, sizeof(right), "%s%s page %zu/... ",
		    p->hint && p->note[0] ? " h help " : "", cut, page);
	else
		rw = snprintf(right, sizeof(right), "%s%s page %zu/%zu %3zu%% ",
		    p->hint && p->note[0] ? " h help " : "", cut, page, pages,
		    pct);
	draw_fill(row, 0, p->cols, UI_STATUS);
	if (p->note[0]) { /* a note takes the place of the title */
		int nw = (int)text_width(p->note, strlen(p->note));

		if (nw > p->cols - rw - 2) /* and of the rest, if need be */
			rw = 0;
		draw_text_cut(row, 1, p->note, strlen(p->note), p->cols - rw - 2,
		    UI_NOTE);
		goto right;
	}
	if (p->hint) { /* the first screen: the main keys */
		status_hint(row, 1, p->cols - rw - 2, UI_STATUS);
		goto right;
	}
	if (tlen == 0)
		title = status_base_name(p->name), tlen = strlen(title);
	col = draw_text_cut(row, 1, title, tlen, p->cols - rw - 2, UI_STATUS) + 1;
	if (nl > 0)
		sec = pager_section(p);
	if (sec != DOC_NONE && sec != d->title && col < p->cols - rw - 4) {
		const struct section *s = &d->sections[sec];

		col += draw_text(row, col, " - ", 3, p->cols - rw - col, UI_STATUS);
		draw_text_cut(row, col, d->text + s->title, s->title_len,
		    p->cols - rw - col - 1, UI_STATUS);
	}
right:
	if (rw > 0 && rw < p->cols)
		draw_text(row, p->cols - rw, right, (size_t)rw, rw, UI_STATUS);
}
