/*
 * The bottom-line prompt: typed text, Backspace, Ctrl-U, Up/Down through
 * the history, Enter and Esc.  Keys come through the keymap's prompt
 * view; any other printable character is inserted.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/keymap.h"
#include "quire/prompt.h"
#include "quire/screen.h"
#include "quire/text.h"
#include "quire/util.h"

void
prompt_open(struct prompt *pr, const char *label)
{
	pr->label = label;
	pr->len = 0;
	pr->buf[0] = '\0';
	pr->active = 1;
	pr->hpos = pr->nhist;
}

/* Replace the line with history entry N (nhist: empty). */
static void
recall(struct prompt *pr, size_t n)
{
	const char *s = n < pr->nhist ? pr->hist[n] : "";
	size_t len = strlen(s);

	if (len >= PROMPT_MAX)
		len = PROMPT_MAX - 1;
	memcpy(pr->buf, s, len);
	pr->buf[len] = '\0';
	pr->len = len;
	pr->hpos = n;
}

/* Add the line to the history, dropping the oldest when full. */
static void
remember(struct prompt *pr)
{
	if (pr->len == 0 || (pr->nhist > 0 &&
	    strcmp(pr->hist[pr->nhist - 1], pr->buf) == 0))
		return;
	if (pr->nhist == PROMPT_HISTORY) {
		free(pr->hist[0]);
		memmove(pr->hist, pr->hist + 1,
		    (PROMPT_HISTORY - 1) * sizeof(pr->hist[0]));
		pr->nhist--;
	}
	pr->hist[pr->nhist++] = xstrdup(pr->buf);
}

enum prompt_result
prompt_key(struct prompt *pr, int key)
{
	switch (keymap_lookup(VIEW_PROMPT, key)) {
	case ACT_SELECT:
		remember(pr);
		pr->active = 0;
		return PROMPT_ACCEPT;
	case ACT_CLOSE:
		pr->active = 0;
		return PROMPT_CANCEL;
	case ACT_ERASE:
		if (pr->len == 0) {
			pr->active = 0;
			return PROMPT_CANCEL;
		}
		prompt_erase(pr);
		return PROMPT_EDIT;
	case ACT_CLEAR:
		pr->len = 0;
		pr->buf[0] = '\0';
		return PROMPT_EDIT;
	case ACT_LINE_UP:
		if (pr->hpos > 0)
			recall(pr, pr->hpos - 1);
		return PROMPT_EDIT;
	case ACT_LINE_DOWN:
		if (pr->hpos < pr->nhist)
			recall(pr, pr->hpos + 1);
		return PROMPT_EDIT;
	default:
		break;
	}
	prompt_insert(pr, key);
	return PROMPT_EDIT;
}

int
prompt_insert(struct prompt *pr, int key)
{
	char enc[4];
	size_t n;

	if ((key & KEYCODE) || key < ' ' || key == 127 ||
	    (key >= 0x80 && key <= 0x9F) || key > 0x10FFFF)
		return 0;
	n = text_encode((uint32_t)key, enc);
	if (pr->len + n >= PROMPT_MAX)
		return 0;
	memcpy(pr->buf + pr->len, enc, n);
	pr->len += n;
	pr->buf[pr->len] = '\0';
	return 1;
}

void
prompt_erase(struct prompt *pr)
{
	while (pr->len > 0 &&
	    ((unsigned char)pr->buf[--pr->len] & 0xC0) == 0x80)
		;
	pr->buf[pr->len] = '\0';
}

void
prompt_draw(const struct prompt *pr, int row, int cols)
{
	int col, w = (int)text_width(pr->buf, pr->len), room;
	size_t skip = 0;
	uint32_t cp;

	draw_fill(row, 0, cols, UI_PLAIN);
	col = draw_text(row, 0, pr->label, strlen(pr->label), cols, UI_TITLE);
	room = cols - col - 1;
	/* Show the end of a line too long for the screen. */
	while (w > room && skip < pr->len) {
		size_t n = text_decode(pr->buf + skip, pr->len - skip, &cp);

		w -= text_cp_width(cp);
		skip += n;
	}
	col += draw_text(row, col, pr->buf + skip, pr->len - skip, room,
	    UI_PLAIN);
	draw_text(row, col, "_", 1, cols - col, UI_TITLE);
}

void
prompt_free(struct prompt *pr)
{
	size_t i;

	for (i = 0; i < pr->nhist; i++)
		free(pr->hist[i]);
	pr->nhist = pr->hpos = 0;
}
