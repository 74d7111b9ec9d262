/*
 * Terminal setup and teardown, key input, and signals.  Only this file
 * starts or ends curses.
 */
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/screen.h"
#include "quire/util.h"

#define POLL_MS 500 /* wake this often to notice a missed resize */

static volatile sig_atomic_t quit_signal;
static SCREEN *term;
static FILE *tty_in;
static int started;
static int quick_errors;

/* Record a request to quit; the main loop acts on it. */
static void
on_signal(int sig)
{
	quit_signal = sig;
}

/* Catch the signals that end quire, without SA_RESTART, before curses. */
static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
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
	catch_signals();
	term = newterm(NULL, stdout, in);
	if (term == NULL) {
		fprintf(stderr, "quire: cannot use terminal type '%s'\n",
		    getenv("TERM") ? getenv("TERM") : "");
		if (tty_in)
			fclose(tty_in), tty_in = NULL;
		return -1;
	}
	set_term(term);
	started = 1;
	util_set_fatal_hook(fatal_hook);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
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

int
screen_key(void)
{
	wint_t ch;
	int r;
	long long t0 = now_ms();

	if (quit_signal)
		return KEY_NONE;
	r = get_wch(&ch);
	if (r == ERR) {
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
	return (int)quit_signal;
}

void
screen_size(struct screen *s)
{
	getmaxyx(stdscr, s->rows, s->cols);
}
