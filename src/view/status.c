/*
 * What the pager's status line says besides the page: the document's
 * name when it has no title (the base name, not the path), and on the
 * first screen, until a key is pressed, the main keys, named from the
 * keymap and as many as fit.
 */
#include <string.h>

#include "quire/draw.h"
#include "quire/keymap.h"
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
