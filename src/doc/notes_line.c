/*
 * Line shapes for the footnotes scan (notes_scan.c): where a line's text
 * starts past its quote and list markers, its indent, whether it opens
 * an HTML block or a footnote definition, where a definition ends.
 * Pure functions of the bytes.
 */
#include <string.h>

#include "guard.h"
#include "notes.h"
#include "prefix.h"

/* Whether C is a blank inside a line. */
static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether the line at P (up to END) is blank. */
int
notes_blank_line(const char *p, const char *end)
{
	while (p < end && *p != '\n') {
		if (!is_blank(*p) && *p != '\r')
			return 0;
		p++;
	}
	return 1;
}

/* Columns of the blanks that open the line at P (N bytes). */
size_t
notes_indent_of(const char *p, size_t n, size_t *bytes)
{
	size_t i, col = 0;

	for (i = 0; i < n && is_blank(p[i]); i++)
		col = p[i] == '\t' ? (col + 4) & ~(size_t)3 : col + 1;
	*bytes = i;
	return col;
}

/* Whether the text at P (N bytes) opens an HTML block: 1 for one that a
 * blank line ends, kind 6 (a block element), or, where it cannot
 * interrupt a paragraph (PARA 0), kind 7 (a whole tag alone on its
 * line); 2 for kinds 1-5, which end at their own mark (the line is the
 * block's, the track follows the rest); 0 if none. */
int
notes_html_block(const char *p, size_t n, int para)
{
	static const char *tags =
	    " address article aside base basefont blockquote body caption"
	    " center col colgroup dd details dialog dir div dl dt fieldset"
	    " figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6"
	    " head header hr html iframe legend li link main menu menuitem"
	    " nav noframes ol optgroup option p param section source summary"
	    " table tbody td tfoot th thead title tr track ul ";
	char name[16];
	size_t i = 1, k = 0;
	const char *gt;

	if (n < 2 || p[0] != '<')
		return 0;
	if (guard_html_start(p, n))
		return 2; /* kinds 1-5, on this line: the track has the rest */
	if (p[1] == '/')
		i++;
	for (; i < n && k + 3 < sizeof(name); i++) {
		char c = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] + 32) : p[i];

		if (!((c >= 'a' && c <= 'z') || (k > 0 && c >= '0' && c <= '9')))
			break;
		name[1 + k++] = c;
	}
	if (k == 0)
		return 0;
	name[0] = ' ', name[k + 1] = ' ', name[k + 2] = '\0';
	if ((i == n || is_blank(p[i]) || p[i] == '>' || p[i] == '\r' ||
	    (p[i] == '/' && i + 1 < n && p[i + 1] == '>')) &&
	    strstr(tags, name) != NULL)
		return 1;
	if (para || (gt = memchr(p + i, '>', n - i)) == NULL ||
	    memchr(p + i, '<', (size_t)(gt - p) - i) != NULL)
		return 0;
	return notes_blank_line(gt + 1, p + n);
}

/* Whether the text at P (N bytes) opens a footnote definition,
 * "[^label]:"; *LEN is the label's length. */
int
notes_def_at(const char *p, size_t n, size_t *len)
{
	size_t i;

	if (n < 5 || p[0] != '[' || p[1] != '^')
		return 0;
	for (i = 2; i < n && i - 2 <= NOTES_LABEL_MAX && p[i] != ']' &&
	    (unsigned char)p[i] > ' '; i++)
		;
	*len = i - 2;
	return i > 2 && i + 1 < n && p[i] == ']' && p[i + 1] == ':';
}

/* The end of the top-level definition whose first line ends at NL: its
 * further lines are indented, or run on from a paragraph line; a line
 * after a blank one that is not indented, or one that starts a block,
 * ends it. */
size_t
notes_def_end(const char *md, size_t len, const char *nl)
{
	const char *end = md + len, *ls, *last = nl;
	size_t k, col, b, l;
	int was_blank = 0;

	for (ls = nl + 1; nl < end && ls < end; ls = nl + 1) {
		if ((nl = memchr(ls, '\n', (size_t)(end - ls))) == NULL)
			nl = end;
		k = (size_t)(nl - ls);
		if (prefix_blank(ls, k)) {
			was_blank = 1;
			continue;
		}
		col = notes_indent_of(ls, k, &b);
		if (col < 4 && (was_blank || (ls[b] == '[' ?
		    notes_def_at(ls + b, k - b, &l) : guard_block_like(ls + b, k - b))))
			break;
		was_blank = 0;
		last = nl;
	}
	return (size_t)(last - md);
}
