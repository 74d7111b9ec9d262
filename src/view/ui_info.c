/*
 * What the interface tells the command line without starting a screen:
 * its keys (--keys) and its curses library (--version).  The command
 * line needs no view header for them.
 */
#include <stdio.h>

#include "quire/keymap.h"
#include "quire/screen.h"
#include "quire/ui.h"

void
ui_print_keys(FILE *out)
{
	const char *help = "";
	size_t i;

	for (i = 0; i < keymap_len; i++) {
		if (keymap[i].help != NULL)
			help = keymap[i].help;
		fprintf(out, "%s\t%s\t%s\n", keymap_view_name(keymap[i].view),
		    keymap[i].name, help);
	}
}

const char *
ui_curses_version(void)
{
	return screen_library_version();
}
