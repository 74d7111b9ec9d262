/*
 * Terminal setup and teardown, and key input.  Only this file
 * starts or ends curses.  Keys are read as whole sequences: what
 * curses does not know from terminfo, an escape sequence in any common
 * encoding, is read to its end here and named, or dropped whole.
 */
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/screen.h"
#include "quire/util.h"
#include "signals.h"

#define POLL_MS 500 /* wake this often to notice a missed resize */
#define ESC_MS 60   /* the rest of a sequence comes within this after Esc */
#define ESC 27

static SCREEN *term;
static FILE *tty_in;
static int started;
static int quick_errors;

/* Ctrl-C as a key in the input, in order with the keys around it, not
 * a signal that overtakes them (and flushes the terminal's queues): the
 * terminal's interrupt character is turned off in curses' program mode
 * (endwin gives back the shell's).  SIGINT from elsewhere still reads as
 * KEY_INTR. */
static void
intr_as_key(FILE *in)
{
	struct termios t;

	if (tcgetattr(fileno(in), &t) != 0)
		return;
	t.c_cc[VINTR] = _POSIX_VDISABLE;
	if (tcsetattr(fileno(in), TCSANOW, &t) == 0)
		def_prog_mode();
}

/* The fatal hook: leave the screen before the message is printed. */
static void
fatal_hook(void)
{
	screen_stop();
}

int
screen_start(struct screen *s, int mouse, enum theme theme)
{
	const char *cs = nl_langinfo(CODESET);
	FILE *in = stdin;
	char leave[256];

	memset(s, 0, sizeof(*s));
	s->utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
	if (!isatty(STDIN_FILENO)) {
		if ((tty_in = fopen("/dev/tty", "r")) == NULL) {
			fprintf(stderr, "quire: cannot open /dev/tty for keys: %s\n",
			    strerror(errno));
			return -1;
		}
		in = tty_in;
	}
	if (!terminal_usable()) {
		if (tty_in)
			fclose(tty_in), tty_in = NULL;
		return SCREEN_UNUSABLE;
	}
	signals_catch(STDOUT_FILENO);
	term = newterm(NULL, stdout, in);
	if (term == NULL) {
		fprintf(stderr, "quire: cannot use terminal type '%s'\n",
		    getenv("TERM") ? getenv("TERM") : "");
		signals_release();
		if (tty_in)
			fclose(tty_in), tty_in = NULL;
		return -1;
	}
	set_term(term);
	terminal_leave_seq(leave, sizeof(leave), mouse);
	signals_arm(leave);
	started = 1;
	util_set_fatal_hook(fatal_hook);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	intr_as_key(in);
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	timeout(POLL_MS);
	s->color = getenv("NO_COLOR") == NULL || getenv("NO_COLOR")[0] == '\0';
	if (s->color && has_colors()) {
		start_color();
		use_default_colors();
	} else
		s->color = 0;
	if (mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED |
		    BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	draw_init(s->color, s->utf8, theme);
	screen_size(s);
	return 0;
}

void
screen_stop(void)
{
	if (!started)
		return;
	started = 0;
	curs_set(1);
	endwin();
	signals_release();
	delscreen(term);
	term = NULL;
	if (tty_in)
		fclose(tty_in), tty_in = NULL;
}

/* Milliseconds on a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether the terminal's size differs from what curses thinks. */
static int
size_changed(void)
{
	struct winsize ws;

	if (ioctl(fileno(tty_in ? tty_in : stdin), TIOCGWINSZ, &ws) < 0 &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) < 0)
		return 0;
	if (ws.ws_row == 0 || ws.ws_col == 0)
		return 0;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return 0;
	resizeterm(ws.ws_row, ws.ws_col);
	return 1;
}

int
screen_key_wait(int ms)
{
	int k;

	timeout(ms);
	k = screen_key();
	timeout(POLL_MS);
	/* Short waits look like errors; the terminal is not gone, and the
	 * next long wait starts counting afresh. */
	if (k == KEY_GONE || k == KEY_NONE)
		quick_errors = 0;
	return k == KEY_GONE ? KEY_NONE : k;
}

int
screen_key_now(void)
{
	return screen_key_wait(0);
}

/* The next key from curses within MS milliseconds (a character, or
 * KEYCODE|KEY_*), else KEY_NONE. */
static int
next_in(int ms)
{
	wint_t ch;
	int r;

	timeout(ms);
	r = get_wch(&ch);
	timeout(POLL_MS);
	if (r == ERR)
		return KEY_NONE;
	return r == KEY_CODE_YES ? KEYCODE | (int)ch : (int)ch;
}

/* The key of ESC [ PARAM ~ (vt220, xterm, rxvt, the Linux console). */
static int
tilde_key(int n)
{
	static const struct {
		int n, key;
	} keys[] = {
		{ 1, KEY_HOME }, { 7, KEY_HOME }, { 4, KEY_END }, { 8, KEY_END },
		{ 2, KEY_IC }, { 3, KEY_DC }, { 5, KEY_PPAGE }, { 6, KEY_NPAGE },
		{ 11, KEY_F(1) }, { 12, KEY_F(2) }, { 13, KEY_F(3) },
		{ 14, KEY_F(4) }, { 15, KEY_F(5) }, { 17, KEY_F(6) },
		{ 18, KEY_F(7) }, { 19, KEY_F(8) }, { 20, KEY_F(9) },
		{ 21, KEY_F(10) }, { 23, KEY_F(11) }, { 24, KEY_F(12) },
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].n == n)
			return KEYCODE | keys[i].key;
	return KEY_OTHER;
}

/* The key a final letter names, after ESC [ or ESC O with no parameter. */
static int
letter_key(int c)
{
	switch (c) {
	case 'A':
		return KEYCODE | KEY_UP;
	case 'B':
		return KEYCODE | KEY_DOWN;
	case 'C':
		return KEYCODE | KEY_RIGHT;
	case 'D':
		return KEYCODE | KEY_LEFT;
	case 'H':
		return KEYCODE | KEY_HOME;
	case 'F':
		return KEYCODE | KEY_END;
	case 'Z':
		return KEYCODE | KEY_BTAB;
	case 'M':
		return KEYCODE | KEY_ENTER;
	case 'P': case 'Q': case 'R': case 'S':
		return KEYCODE | KEY_F(1 + c - 'P');
	default:
		return KEY_OTHER;
	}
}

/* The rest of ESC [ (a control sequence), read to its final byte: its
 * key, or KEY_OTHER (a modifier, or a sequence quire does not know). */
static int
csi_key(void)
{
	char par[16];
	size_t n = 0;
	int c, plain = 1;

	for (;;) {
		if ((c = next_in(ESC_MS)) == KEY_NONE)
			return KEY_OTHER;
		if (c & KEYCODE) { /* a resize, say: it stays a key */
			ungetch(c & ~KEYCODE);
			return KEY_OTHER;
		}
		if (c >= 0x40 && c <= 0x7E)
			break;
		if (c < 0x20 || c > 0x3F)   /* not a parameter or intermediate */
			return KEY_OTHER;
		if (c < '0' || c > '9')
			plain = 0;
		if (n + 1 < sizeof(par))
			par[n++] = (char)c;
	}
	par[n] = '\0';
	if (c == '[' && n == 0) { /* the Linux console's F1-F5: ESC [ [ A */
		(void)next_in(ESC_MS);
		return KEY_OTHER;
	}
	if (!plain)
		return KEY_OTHER;
	if (c == '~')
		return n > 0 ? tilde_key(atoi(par)) : KEY_OTHER;
	if (n == 0 || strcmp(par, "1") == 0)
		return c == 'M' || (c >= 'P' && c <= 'S') ? KEY_OTHER :
		    letter_key(c);
	return KEY_OTHER;
}

/* What came after an Esc: the key a whole sequence names, KEY_OTHER, an
 * Esc-prefixed character (KEYALT|c), or the Esc alone. */
static int
escape_key(void)
{
	int c = next_in(ESC_MS);

	if (c == KEY_NONE)
		return ESC;
	if (c == ESC) { /* Esc Esc: the first alone, the second anew */
		unget_wch(ESC);
		return ESC;
	}
	if (c & KEYCODE) { /* Esc, then a resize or a function key */
		ungetch(c & ~KEYCODE);
		return ESC;
	}
	if (c == '[')
		return csi_key();
	if (c == 'O') {
		if ((c = next_in(ESC_MS)) == KEY_NONE)
			return KEYALT | 'O';
		return c & KEYCODE ? KEY_OTHER : letter_key(c);
	}
	if (c < ' ' || c == 127)
		return KEY_OTHER; /* Alt with a control key */
	return KEYALT | c;
}

int
screen_key(void)
{
	wint_t ch;
	int r;
	long long t0 = now_ms();

	if (signals_quit())
		return KEY_NONE;
	if (signals_interrupted())
		return KEY_INTR;
	r = get_wch(&ch);
	if (r == ERR) {
		if (signals_interrupted()) /* Ctrl-C woke the wait */
			return KEY_INTR;
		/* A timeout: catch a resize whose signal curses missed. */
		if (size_changed())
			return KEYCODE | KEY_RESIZE;
		/* An error at once, again and again: the terminal is gone. */
		if (now_ms() - t0 < POLL_MS / 2)
			quick_errors++;
		else
			quick_errors = 0;
		return quick_errors > 100 ? KEY_GONE : KEY_NONE;
	}
	quick_errors = 0;
	if (r == KEY_CODE_YES)
		return KEYCODE | (int)ch;
	if (ch == ESC)
		return escape_key();
	return (int)ch;
}

const char *
screen_library_version(void)
{
	return curses_version();
}

int
screen_quit_requested(void)
{
	return signals_quit();
}

void
screen_size(struct screen *s)
{
	getmaxyx(stdscr, s->rows, s->cols);
}
