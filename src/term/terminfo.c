/*
 * Whether the terminal can be driven full screen, asked of terminfo
 * before curses starts.  Apart from screen.c because <term.h> defines
 * macros (lines, columns) that clash with quire's names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* quire's headers first: the layout's fields are among those names */
#include "quire/screen.h"

#include <curses.h>
#include <term.h>

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


/* Base64 of LEN bytes of S, NUL-terminated (caller frees). */
static char *
base64(const char *s, size_t len)
{
	static const char b64tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = malloc((len + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	if (out == NULL)
		return NULL;
	for (i = 0; i + 2 < len; i += 3) {
		unsigned v = (unsigned char)s[i] << 16 |
		    (unsigned char)s[i + 1] << 8 | (unsigned char)s[i + 2];

		*o++ = b64tab[v >> 18], *o++ = b64tab[(v >> 12) & 63];
		*o++ = b64tab[(v >> 6) & 63], *o++ = b64tab[v & 63];
	}
	if (i < len) {
		unsigned v = (unsigned char)s[i] << 16 |
		    (i + 1 < len ? (unsigned char)s[i + 1] << 8 : 0);

		*o++ = b64tab[v >> 18], *o++ = b64tab[(v >> 12) & 63];
		*o++ = i + 1 < len ? b64tab[(v >> 6) & 63] : '=';
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

int
terminal_copy(const char *text, size_t len)
{
	char *ms = tigetstr("Ms"), *b64;
	const char *seq;

	if (ms == NULL || ms == (char *)-1)
		return -1;
	if ((b64 = base64(text, len)) == NULL)
		return -1;
	seq = tiparm(ms, "c", b64);
	if (seq != NULL)
		putp(seq);
	fflush(stdout);
	free(b64);
	return seq != NULL ? 0 : -1;
}

/* Append terminfo's string capability CAP to B (of SIZE), when it has one
 * and it fits. */
static void
put_cap(char *b, size_t size, const char *cap)
{
	char *s = tigetstr(cap);
	size_t n = strlen(b);

	if (s == NULL || s == (char *)-1 || n + strlen(s) >= size)
		return;
	memcpy(b + n, s, strlen(s) + 1);
}

void
terminal_leave_seq(char *b, size_t size, int mouse)
{
	char *xm = tigetstr("XM"), *km = tigetstr("kmous");
	const char *off = NULL;

	if (size == 0)
		return;
	b[0] = '\0';
	if (mouse && xm != NULL && xm != (char *)-1)
		off = tiparm(xm, 0);
	else if (mouse && km != NULL && km != (char *)-1)
		off = "\033[?1000l";
	if (off != NULL && strlen(off) < size)
		memcpy(b, off, strlen(off) + 1);
	put_cap(b, size, "rmkx");
	put_cap(b, size, "sgr0");
	put_cap(b, size, "cnorm");
	put_cap(b, size, "rmcup");
}
