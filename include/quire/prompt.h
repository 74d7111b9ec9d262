/*
 * A one-line text prompt at the bottom of the screen, with a history:
 * used for ':' commands, the table view's row filter and searches.
 */
#ifndef QUIRE_PROMPT_H
#define QUIRE_PROMPT_H

#include <stddef.h>

/* Bytes of a line: more than a search pattern may have (1024), so a
 * longer pattern is refused with a note rather than cut and searched. */
#define PROMPT_MAX 1280
#define PROMPT_HISTORY 50

enum prompt_result {
	PROMPT_EDIT,     /* the text changed, or the key was ignored */
	PROMPT_ACCEPT,   /* Enter */
	PROMPT_CANCEL,   /* Esc, or Backspace on an empty line */
};

struct prompt {
	const char *label;      /* ":", "/", "filter: " */
	char buf[PROMPT_MAX];
	size_t len;
	int active;
	char *hist[PROMPT_HISTORY];
	size_t nhist, hpos;     /* hpos == nhist: editing a new line */
};

/* Start editing with LABEL and an empty line. */
void prompt_open(struct prompt *pr, const char *label);

/* Handle KEY; on ACCEPT the line joins the history. */
enum prompt_result prompt_key(struct prompt *pr, int key);

/* Add the character KEY at the end of the line; 0 (nothing added) when
 * it is not printable or the line is full. */
int prompt_insert(struct prompt *pr, int key);

/* Erase the last character of the line, if any. */
void prompt_erase(struct prompt *pr);

/* Draw the prompt on ROW, COLS wide, with the cursor at its end. */
void prompt_draw(const struct prompt *pr, int row, int cols);

/* Free the history. */
void prompt_free(struct prompt *pr);

#endif
