/*
 * The key loop: draw the current view, read a key, look it up in the
 * keymap, act, until the reader quits or a signal asks to.
 */
#include <curses.h>

#include "quire/cli.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/screen.h"
#include "quire/ui.h"

int
ui_run(const struct doc *doc, const char *name)
{
	struct screen scr;
	struct pager p;
	int key, idle = 0;

	if (screen_start(&scr) < 0)
		return EXIT_FILE;
	pager_init(&p, doc, name, scr.utf8 ? 0 : LAYOUT_ASCII);
	pager_resize(&p, scr.rows, scr.cols);
	for (;;) {
		pager_draw(&p);
		refresh();
		key = screen_key();
		if (screen_quit_requested())
			break;
		if (key == KEY_NONE) {
			if (++idle > 100) /* the terminal went away */
				break;
			continue;
		}
		idle = 0;
		p.hint = 0;
		if (key == (KEYCODE | KEY_RESIZE)) {
			screen_size(&scr);
			pager_resize(&p, scr.rows, scr.cols);
			continue;
		}
		p.note[0] = '\0';
		if (pager_act(&p, keymap_lookup(VIEW_PAGER, key)))
			break;
	}
	pager_free(&p);
	screen_stop();
	return EXIT_OK;
}

