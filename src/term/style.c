/*
 * The style table (style.h): each theme's look for every span kind,
 * interface role and code token kind, and that look as an SGR sequence
 * for the printing modes.  No terminal library here: attributes are
 * STYLE_* bits and colours the ANSI numbers curses uses too.
 */
#include <stdio.h>

#include "quire/style.h"

#define B STYLE_BOLD
#define D STYLE_DIM
#define U STYLE_UNDERLINE
#define R STYLE_REVERSE

enum { C_BLACK, C_RED, C_GREEN, C_YELLOW, C_BLUE, C_MAGENTA, C_CYAN,
	C_WHITE };

/*
 * One table per theme; mono (and NO_COLOR) uses the last column only,
 * where glyphs and attributes alone tell the kinds apart (code spans
 * reversed, bold bold, keywords bold, types underlined; the layout adds
 * marks, LAYOUT_PLAIN).  Every row must be there: a missing one reads
 * as black on black, which style_unstyled() finds.
 */
static const struct style dark[] = {
	[SPAN_TEXT] = { 0, -1, -1, -1, 0 },
	[SPAN_HEADING] = { B, C_CYAN, 117, -1, B },
	[SPAN_HEADING_RULE] = { 0, C_CYAN, 67, -1, 0 },
	[SPAN_NUMBER] = { B, C_CYAN, 117, -1, B },
	[SPAN_CODE] = { 0, C_YELLOW, 180, -1, 0 },
	[SPAN_CODE_BAR] = { 0, C_YELLOW, 137, -1, 0 },
	[SPAN_HTML] = { 0, C_MAGENTA, 139, -1, D },
	[SPAN_MARKER] = { B, C_GREEN, 114, -1, B },
	[SPAN_QUOTE] = { 0, C_GREEN, 108, -1, 0 },
	[SPAN_RULE] = { 0, C_BLUE, 60, -1, 0 },
	[SPAN_BORDER] = { 0, C_BLUE, 67, -1, 0 },
	[SPAN_TH] = { B, -1, -1, -1, B },
	[SPAN_DEPTH] = { B, C_RED, 167, -1, B },
	[SPAN_TRUNC] = { B, C_RED, 167, -1, B },
	[SPAN_CONT] = { B, C_YELLOW, 137, -1, B },
	[UI_PLAIN] = { 0, -1, -1, -1, 0 },
	[UI_STATUS] = { R, -1, -1, -1, R },
	[UI_NOTE] = { B, C_YELLOW, 221, -1, B },
	[UI_SELECT] = { R, -1, -1, -1, R },
	[UI_MATCH] = { 0, C_BLACK, 16, C_YELLOW, U },
	[UI_CURRENT] = { B, C_BLACK, 16, C_GREEN, R | B },
	[UI_TITLE] = { B, -1, -1, -1, B },
	[UI_DIM] = { D, -1, -1, -1, D },
	[UI_CODESPAN] = { 0, C_YELLOW, 180, -1, R },
	[UI_FOOTREF] = { B, C_CYAN, 110, -1, B },
	[UI_TOKEN + HL_NONE] = { 0, -1, -1, -1, 0 },
	[UI_TOKEN + HL_KEYWORD] = { B, C_MAGENTA, 176, -1, B },
	[UI_TOKEN + HL_TYPE] = { 0, C_CYAN, 80, -1, U },
	[UI_TOKEN + HL_STRING] = { 0, C_GREEN, 114, -1, 0 },
	[UI_TOKEN + HL_COMMENT] = { 0, C_BLUE, 245, -1, 0 },
	[UI_TOKEN + HL_NUMBER] = { 0, C_RED, 173, -1, 0 },
	[UI_TOKEN + HL_PREPROC] = { 0, C_MAGENTA, 139, -1, B },
	[UI_TOKEN + HL_FUNCTION] = { 0, C_BLUE, 111, -1, 0 },
	[UI_TOKEN + HL_VARIABLE] = { 0, C_CYAN, 152, -1, 0 },
	[UI_TOKEN + HL_INSERTED] = { 0, C_GREEN, 114, -1, B },
	[UI_TOKEN + HL_DELETED] = { 0, C_RED, 174, -1, 0 },
	[UI_TOKEN + HL_HUNK] = { 0, C_CYAN, 110, -1, U },
	[UI_TOKEN + HL_PROMPT] = { B, C_GREEN, 114, -1, B },
	[UI_TOKEN + HL_OUTPUT] = { 0, -1, 250, -1, 0 },
};

/* For light backgrounds: darker inks, no yellow text. */
static const struct style light[] = {
	[SPAN_TEXT] = { 0, -1, -1, -1, 0 },
	[SPAN_HEADING] = { B, C_BLUE, 25, -1, B },
	[SPAN_HEADING_RULE] = { 0, C_BLUE, 67, -1, 0 },
	[SPAN_NUMBER] = { B, C_BLUE, 25, -1, B },
	[SPAN_CODE] = { 0, C_MAGENTA, 130, -1, 0 },
	[SPAN_CODE_BAR] = { 0, C_MAGENTA, 137, -1, 0 },
	[SPAN_HTML] = { 0, C_MAGENTA, 96, -1, D },
	[SPAN_MARKER] = { B, C_GREEN, 28, -1, B },
	[SPAN_QUOTE] = { 0, C_GREEN, 65, -1, 0 },
	[SPAN_RULE] = { 0, C_BLUE, 248, -1, 0 },
	[SPAN_BORDER] = { 0, C_BLUE, 244, -1, 0 },
	[SPAN_TH] = { B, -1, -1, -1, B },
	[SPAN_DEPTH] = { B, C_RED, 124, -1, B },
	[SPAN_TRUNC] = { B, C_RED, 124, -1, B },
	[SPAN_CONT] = { B, C_MAGENTA, 137, -1, B },
	[UI_PLAIN] = { 0, -1, -1, -1, 0 },
	[UI_STATUS] = { R, -1, -1, -1, R },
	[UI_NOTE] = { B, C_RED, 124, -1, B },
	[UI_SELECT] = { R, -1, -1, -1, R },
	[UI_MATCH] = { 0, C_BLACK, 16, C_YELLOW, U },
	[UI_CURRENT] = { B, C_WHITE, 231, C_BLUE, R | B },
	[UI_TITLE] = { B, -1, -1, -1, B },
	[UI_DIM] = { D, -1, -1, -1, D },
	[UI_CODESPAN] = { 0, C_MAGENTA, 130, -1, R },
	[UI_FOOTREF] = { B, C_BLUE, 25, -1, B },
	[UI_TOKEN + HL_NONE] = { 0, -1, -1, -1, 0 },
	[UI_TOKEN + HL_KEYWORD] = { B, C_MAGENTA, 90, -1, B },
	[UI_TOKEN + HL_TYPE] = { 0, C_CYAN, 30, -1, U },
	[UI_TOKEN + HL_STRING] = { 0, C_GREEN, 28, -1, 0 },
	[UI_TOKEN + HL_COMMENT] = { 0, C_BLUE, 244, -1, 0 },
	[UI_TOKEN + HL_NUMBER] = { 0, C_RED, 130, -1, 0 },
	[UI_TOKEN + HL_PREPROC] = { 0, C_MAGENTA, 96, -1, B },
	[UI_TOKEN + HL_FUNCTION] = { 0, C_BLUE, 25, -1, 0 },
	[UI_TOKEN + HL_VARIABLE] = { 0, C_CYAN, 31, -1, 0 },
	[UI_TOKEN + HL_INSERTED] = { 0, C_GREEN, 28, -1, B },
	[UI_TOKEN + HL_DELETED] = { 0, C_RED, 124, -1, 0 },
	[UI_TOKEN + HL_HUNK] = { 0, C_BLUE, 25, -1, U },
	[UI_TOKEN + HL_PROMPT] = { B, C_GREEN, 28, -1, B },
	[UI_TOKEN + HL_OUTPUT] = { 0, -1, 240, -1, 0 },
};

_Static_assert(sizeof(dark) / sizeof(dark[0]) == UI__MAX,
    "the dark theme styles every kind, role and token");
_Static_assert(sizeof(light) / sizeof(light[0]) == UI__MAX,
    "the light theme styles every kind, role and token");

const struct style *
style_table(enum theme theme)
{
	switch (theme) {
	case THEME_LIGHT:
		return light;
	case THEME_DARK:
	case THEME_MONO:
		break;
	}
	return dark;
}

int
style_unstyled(enum theme theme)
{
	const struct style *t = style_table(theme);
	int i;

	for (i = 0; i < UI__MAX; i++)
		if (t[i].attr == 0 && t[i].fg == 0 && t[i].fg256 == 0 &&
		    t[i].bg == 0 && t[i].mono == 0) /* no row: all zero */
			return i;
	return -1;
}

unsigned
style_inline(unsigned sty)
{
	unsigned a = 0;

	if (sty & STY_EMPH)
		a |= STYLE_ITALIC;
	if (sty & STY_STRONG)
		a |= STYLE_BOLD;
	if (sty & (STY_LINK | STY_IMAGE))
		a |= STYLE_UNDERLINE;
	if (sty & STY_STRIKE) /* no strikeout on curses: dim */
		a |= STYLE_DIM;
	if (sty & STY_KBD)
		a |= STYLE_REVERSE;
	if (sty & (STY_SUP | STY_SUB))
		a |= STYLE_DIM;
	if (sty & STY_UNDER)
		a |= STYLE_UNDERLINE;
	if (sty & STY_MARK)
		a |= STYLE_STANDOUT | STYLE_BOLD;
	if (sty & STY_CTRL) /* <U+202E>: not the text's own */
		a |= STYLE_DIM;
	return a;
}

/* Append colour C (foreground at BASE 30, background at 40) to OUT at N. */
static size_t
sgr_color(char *out, size_t n, int base, short c, short c256,
    enum style_colors colors)
{
	if (colors == STYLE_COLOR256 && c256 >= 0)
		return n + (size_t)snprintf(out + n, STYLE_SGR_MAX - n, ";%d;5;%d",
		    base + 8, c256);
	if (c >= 0)
		return n + (size_t)snprintf(out + n, STYLE_SGR_MAX - n, ";%d",
		    base + c);
	return n;
}

size_t
style_sgr(enum theme theme, enum style_colors colors, int row, unsigned sty,
    char *out)
{
	static const struct {
		unsigned bit;
		const char *sgr;
	} attrs[] = {
		{ STYLE_BOLD, ";1" }, { STYLE_DIM, ";2" }, { STYLE_ITALIC, ";3" },
		{ STYLE_UNDERLINE, ";4" }, { STYLE_REVERSE, ";7" },
		{ STYLE_STANDOUT, ";7" },
	};
	const struct style *t = style_table(theme);
	const struct style *s, *ink = NULL;
	unsigned a;
	size_t n, i;

	if (theme == THEME_MONO)
		colors = STYLE_NOCOLOR;
	if (sty & STY_NOTE)
		row = UI_FOOTREF;
	if (row < 0 || row >= UI__MAX)
		row = UI_PLAIN;
	s = &t[row];
	a = colors == STYLE_NOCOLOR ? s->mono : s->attr;
	if (sty & STY_CODE) { /* the code span's ink, or reverse in mono */
		ink = &t[UI_CODESPAN];
		a |= colors == STYLE_NOCOLOR ? ink->mono : ink->attr;
	}
	a |= style_inline(sty);
	n = (size_t)snprintf(out, STYLE_SGR_MAX, "\033[0");
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if ((a & attrs[i].bit) &&
		    !(attrs[i].bit == STYLE_STANDOUT && (a & STYLE_REVERSE)))
			n += (size_t)snprintf(out + n, STYLE_SGR_MAX - n, "%s",
			    attrs[i].sgr);
	if (colors != STYLE_NOCOLOR) {
		const struct style *c = ink != NULL ? ink : s;

		n = sgr_color(out, n, 30, c->fg, c->fg256, colors);
		n = sgr_color(out, n, 40, s->bg, s->bg, colors);
	}
	out[n++] = 'm';
	out[n] = '\0';
	return n;
}
