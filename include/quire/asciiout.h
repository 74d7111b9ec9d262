/*
 * Standard output in ASCII for printing to a terminal whose locale is
 * not UTF-8 (asciiout.c): non-ASCII characters become look-alikes or '?'.
 */
#ifndef QUIRE_ASCIIOUT_H
#define QUIRE_ASCIIOUT_H

/* Whether standard output is a terminal and the locale's character set
 * is not UTF-8 (call after setlocale). */
int asciiout_wanted(void);

/* From now on, stdout writes ASCII to the real standard output. */
void asciiout_start(void);

/* Whether stdout is the ASCII stream now. */
int asciiout_active(void);

/* Flush and close the ASCII stream, stdout the real one again; -1 if a
 * write failed.  Does nothing (0) when not started. */
int asciiout_stop(void);

#endif
