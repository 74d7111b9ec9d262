/*
 * The style table: how each span kind, interface role and code token
 * kind looks in each theme, as data that needs no terminal library.
 * The screen (src/term/draw.c) turns a row into curses attributes; the
 * printing modes with --color (src/dump.c) into SGR sequences.
 */
#ifndef QUIRE_STYLE_H
#define QUIRE_STYLE_H

#include <stddef.h>

#include "quire/highlight.h"
#include "quire/layout.h"

/* Interface roles, styled after the span kinds; then the code tokens. */
enum ui_style {
	UI_PLAIN = SPAN__MAX,
	UI_STATUS,     /* the status line */
	UI_NOTE,       /* a one-line note in the status line */
	UI_SELECT,     /* the selected row of a list */
	UI_MATCH,      /* a search match */
	UI_CURRENT,    /* the current search match */
	UI_TITLE,      /* a view's title */
	UI_DIM,        /* secondary text */
	UI_CODESPAN,   /* a code span: its ink, over its text's attributes */
	UI_FOOTREF,    /* a footnote reference (STY_NOTE) in the text */
	UI_TOKEN,      /* a code token of kind K is UI_TOKEN + K (HL_*) */
	UI__MAX = UI_TOKEN + HL__MAX
};

/* The style tables: colours for dark or light backgrounds, or none. */
enum theme { THEME_DARK, THEME_LIGHT, THEME_MONO };

/* Attributes, as bits (the screen maps them to curses's). */
#define STYLE_BOLD 0x01
#define STYLE_DIM 0x02
#define STYLE_ITALIC 0x04
#define STYLE_UNDERLINE 0x08
#define STYLE_REVERSE 0x10
#define STYLE_STANDOUT 0x20

/*
 * How a row looks: attributes, foreground for 8/16-colour terminals and
 * for 256-colour ones (-1 default), background, and attributes in mono
 * (and without colour), where glyphs and attributes alone tell kinds
 * apart: bold and underline, reverse for code spans.
 */
struct style {
	unsigned char attr;
	short fg, fg256, bg;
	unsigned char mono;
};

/* THEME's table of UI__MAX rows (mono reads the dark one's mono column). */
const struct style *style_table(enum theme theme);

/* The first row THEME leaves out (all zero: black on black), or -1. */
int style_unstyled(enum theme theme);

/* STYLE_* bits for inline style bits STY (STY_*), the same in every
 * theme (mono included): <kbd> reversed, <sup>/<sub> dim, <mark>
 * standout; a code span's own look (UI_CODESPAN) is the caller's. */
unsigned style_inline(unsigned sty);

/* How many colours an SGR writer uses. */
enum style_colors { STYLE_NOCOLOR, STYLE_COLOR8, STYLE_COLOR256 };

/*
 * The SGR sequence that sets (from the defaults) how row ROW of THEME
 * looks with inline style bits STY (STY_*) over it, as the screen draws
 * a span: "\033[0;...m", at most STYLE_SGR_MAX bytes with the NUL, into
 * OUT; return its length.
 */
#define STYLE_SGR_MAX 64
size_t style_sgr(enum theme theme, enum style_colors colors, int row,
    unsigned sty, char *out);

#endif
