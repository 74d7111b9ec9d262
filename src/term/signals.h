/*
 * The signals that end quire while the screen is up (signals.c): a flag
 * for the key loop, and a last-resort restore of the terminal on a crash.
 */
#ifndef QUIRE_SIGNALS_H
#define QUIRE_SIGNALS_H

/*
 * Catch every signal that ends quire by default and can be caught,
 * before curses starts.  FD is the terminal: its modes now are what a
 * crash puts back.
 */
void signals_catch(int fd);

/* Once curses is up: LEAVE is the bytes that leave its screen
 * (alternate screen, cursor, mouse), which a crash writes from now on. */
void signals_arm(const char *leave);

/* Give every caught signal its former action back. */
void signals_release(void);

/* The signal that asked quire to end, or 0. */
int signals_quit(void);

/* Whether SIGINT came since the last call (and forget it). */
int signals_interrupted(void);

#endif
