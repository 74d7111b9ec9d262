/*
 * The terminal: start and stop curses on the alternate screen, read keys
 * as whole sequences, and turn signals into requests the main loop sees.
 * Signal handlers only set a flag; SIGINT (Ctrl-C) reads as the key
 * KEY_INTR, SIGTERM and SIGHUP end quire with the terminal restored, and
 * ncurses handles SIGTSTP (suspend and resume).
 */
#ifndef QUIRE_SCREEN_H
#define QUIRE_SCREEN_H

#include <stddef.h>

#include "quire/draw.h"

#define KEYCODE 0x1000000 /* set on curses function keys (KEY_*) */
#define KEY_NONE (-1)     /* nothing read: a signal or a timeout */
#define KEY_GONE (-2)     /* the terminal is gone */
#define KEYALT 0x2000000  /* set on a character typed after Esc (Esc-u,
                             Alt-u) */
#define KEY_OTHER (KEYCODE | 0xFFFF) /* an escape sequence quire does not
                                        know, read whole; bound to nothing */
#define KEY_INTR 3        /* Ctrl-C, typed or SIGINT: cancels, never quits */

struct screen {
	int utf8;      /* the locale's character set is UTF-8 */
	int color;     /* colours are in use (not NO_COLOR, terminal has them) */
	int rows, cols;
};

#define SCREEN_UNUSABLE (-2) /* TERM unset, dumb or unknown */

/*
 * Start curses; keys come from /dev/tty when standard input is not a
 * terminal.  MOUSE asks for wheel and click reports; THEME picks the styles.
 * Return 0, -1 with
 * a message printed, or SCREEN_UNUSABLE (nothing printed) when TERM
 * cannot be driven full screen.
 */
int screen_start(struct screen *s, int mouse, enum theme theme);

/* Whether $TERM is known to terminfo and has cursor addressing. */
int terminal_usable(void);

/*
 * Put LEN bytes of TEXT on the terminal's clipboard with OSC 52, when its
 * terminfo entry says it takes that (Ms); 0 if sent, -1 if not.
 */
int terminal_copy(const char *text, size_t len);

/*
 * The bytes that leave the screen curses set up (mouse reporting off
 * when MOUSE, keypad mode off, attributes and cursor back, the alternate
 * screen left), from terminfo, into B of SIZE: what a crash writes.
 */
void terminal_leave_seq(char *b, size_t size, int mouse);

/* Restore the terminal; safe to call twice. */
void screen_stop(void);

/*
 * Wait for a key: a character, KEYCODE|KEY_*, KEYALT|a character (Esc
 * then the character within the sequence timeout: Alt-x), KEY_OTHER (an
 * escape sequence read whole that names no key quire knows), KEY_INTR
 * (Ctrl-C, or SIGINT), KEY_NONE or KEY_GONE.  Home, End, PgUp, PgDn,
 * Insert, Delete, the arrows and F1-F12 are known in every common
 * encoding (ESC [ 1 ~, ESC [ H, ESC O H, ESC [ 7 ~ ...), whatever
 * terminfo says.
 */
int screen_key(void);

/* A key if one is waiting, else KEY_NONE at once. */
int screen_key_now(void);

/* A key if one comes within MS milliseconds, else KEY_NONE. */
int screen_key_wait(int ms);

/* The version of ncurses in use ("ncurses 6.4.20221231"). */
const char *screen_library_version(void);

/* The signal that asked quire to quit (SIGTERM, SIGHUP, SIGQUIT, any
 * that ends a process by default), or 0. */
int screen_quit_requested(void);

/* Refresh rows and cols after a resize. */
void screen_size(struct screen *s);

#endif
