/*
 * Whether the terminal can be driven full screen, asked of terminfo
 * before curses starts.  Apart from screen.c because <term.h> defines
 * macros (lines, columns) that clash with quire's names.
 */
#include <stdlib.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "quire/screen.h"

/* Whether $TERM names a terminal curses can drive full screen: known
 * to terminfo, with cursor addressing.  Checked first, so that a dumb or
 * unknown terminal gets a plain printout, not a curses error. */
int
terminal_usable(void)
{
	const char *name = getenv("TERM");
	TERMINAL *saved = cur_term;
	int err = 0, ok;
	char *cup;

	if (name == NULL || name[0] == '\0')
		return 0;
	if (setupterm(name, STDOUT_FILENO, &err) != OK)
		return 0;
	cup = tigetstr("cup");
	ok = cup != NULL && cup != (char *)-1 && !tigetflag("hc");
	del_curterm(cur_term);
	cur_term = saved;
	return ok;
}

