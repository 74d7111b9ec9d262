/*
 * Line shapes for the guard: what one line of Markdown could be to
 * cmark-gfm -- a block start, a table row and its cells, a delimiter
 * row, an HTML block start or end.  Each answer leans the safe way for
 * the guard: where it says "surely", cmark agrees; elsewhere it may see
 * more than cmark does, never less.  Pure functions of the bytes.
 */
#include <string.h>
#include <strings.h>

#include "guard.h"

/* Whether C is a space or tab, the blanks of indentation. */
static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether C is a space of cmark's table scanner (it adds \v and \f). */
static int
table_space(char c, int loose)
{
	return is_space(c) || (loose && (c == '\v' || c == '\f'));
}

long
guard_block_start(const char *p, size_t n)
{
	size_t i = 0, sp;

	for (;;) {
		for (sp = 0; i < n && p[i] == ' ' && sp < 4; i++)
			sp++;
		if (sp > 3 || (i < n && p[i] == '\t'))
			return -1;
		if (i < n && p[i] == '>') {
			i++;
			if (i < n && p[i] == ' ')
				i++;
			continue;
		}
		return (long)i;
	}
}

int
guard_atx(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && i < 7 && p[i] == '#')
		i++;
	return i >= 1 && i <= 6 && (i == n || is_space(p[i]));
}

/* Whether P is a thematic break of C (SPACED), or a setext underline. */
static int
rule_line(const char *p, size_t n, char c, int spaced)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++) {
		if (p[i] == c)
			count++;
		else if (!is_space(p[i]) || (!spaced && count > 0 &&
		    i + 1 < n && p[i + 1] == c))
			return 0;
	}
	return count >= (spaced ? 3u : 1u);
}

int
guard_block_like(const char *p, size_t n)
{
	size_t i = 0;

	if (n == 0)
		return 1;
	switch (p[0]) {
	case ' ': case '\t': case '>': case '<': case '[':
		return 1;
	case '#':
		return guard_atx(p, n);
	case '-': case '+': case '*': case '_':
		if (p[0] != '_' && (n == 1 || is_space(p[1])))
			return 1;
		return p[0] != '+' && (rule_line(p, n, p[0], 1) ||
		    (p[0] == '-' && rule_line(p, n, '-', 0)));
	case '=':
		return rule_line(p, n, '=', 0);
	case '`': case '~':
		return n >= 3 && p[1] == p[0] && p[2] == p[0];
	}
	while (i < n && i < 10 && p[i] >= '0' && p[i] <= '9')
		i++;
	return i > 0 && i < 10 && i < n && (p[i] == '.' || p[i] == ')') &&
	    (i + 1 == n || is_space(p[i + 1]));
}

int
guard_boundary(const char *p, size_t n)
{
	long b = guard_block_start(p, n);
	size_t i;

	if (b < 0)
		return 0;
	p += b, n -= (size_t)b;
	if (guard_atx(p, n))
		return 2;
	if (n < 3 || (p[0] != '-' && p[0] != '+' && p[0] != '*') ||
	    !is_space(p[1]))
		return 0;
	for (i = 2; i < n; i++)
		if (!is_space(p[i]))
			return 1;
	return 0;
}

int
guard_row_cells(const char *p, size_t n)
{
	size_t i = 0;
	int cells = 1;

	while (n > 0 && table_space(p[n - 1], 1))
		n--;
	if (memchr(p, '|', n) == NULL)
		return n > 0; /* one cell, or none */
	if (n > 0 && p[0] == '|')
		i = 1;
	if (i == n)
		return 0;
	for (; i < n && cells <= GUARD_WIDE_COLUMNS + 1; i++)
		if (p[i] == '|' && p[i - 1] != '\\')
			cells++;
	if (p[n - 1] == '|' && n >= 2 && p[n - 2] != '\\')
		cells--;
	return cells > GUARD_WIDE_COLUMNS ? GUARD_WIDE_COLUMNS + 1 : cells;
}

/* Skip one delimiter-row cell (": -- :") from I; 0 if there is none. */
static size_t
marker(const char *p, size_t n, size_t i, int loose)
{
	size_t d;

	while (i < n && table_space(p[i], loose))
		i++;
	if (i < n && p[i] == ':')
		i++;
	for (d = i; i < n && p[i] == '-'; i++)
		;
	if (i == d)
		return 0;
	if (i < n && p[i] == ':')
		i++;
	while (i < n && table_space(p[i], loose))
		i++;
	return i;
}

int
guard_delim_cells(const char *p, size_t n, int loose)
{
	size_t i = 0, j;
	int cells = 0, pipes = 0;

	if (n >= 2 && p[0] == '-' && is_space(p[1]))
		return 0; /* a list item */
	if (!loose && n > 0 && is_space(p[0]))
		return 0; /* cmark takes 0-3 spaces; the guard, none */
	if (i < n && p[i] == '|')
		i++, pipes++;
	while ((j = marker(p, n, i, loose)) != 0) {
		cells++;
		i = j;
		if (i < n && p[i] == '|')
			i++, pipes++;
		else
			break;
		if (marker(p, n, i, loose) == 0)
			break;
	}
	while (i < n && table_space(p[i], loose))
		i++;
	if (i != n)
		return 0;
	return pipes > 0 || loose ? cells : 0;
}

size_t
guard_prefix(const char *p, size_t n, size_t *marker)
{
	size_t i = 0, col = 0, j;

	*marker = 0;
	for (;;) {
		for (; i < n && is_space(p[i]); i++)
			col = p[i] == '\t' ? (col + 4) & ~(size_t)3 : col + 1;
		if (i == n)
			return col;
		if (p[i] == '>' || ((p[i] == '-' || p[i] == '+' || p[i] == '*') &&
		    (i + 1 == n || is_space(p[i + 1])))) {
			*marker = ++col;
			i++;
			continue;
		}
		for (j = i; j < n && j - i < 9 && p[j] >= '0' && p[j] <= '9'; j++)
			;
		if (j == i || j == n || (p[j] != '.' && p[j] != ')') ||
		    (j + 1 < n && !is_space(p[j + 1])))
			return col;
		col += j + 1 - i;
		*marker = col;
		i = j + 1;
	}
}

long
guard_delim_candidate(const char *p, size_t n, int *cells)
{
	size_t i = 0, k;

	while (i < n && (is_space(p[i]) || p[i] == '>'))
		i++;
	*cells = guard_delim_cells(p + i, n - i, 1);
	if (*cells == 0 || rule_line(p + i, n - i, '-', 0))
		return -1;
	for (k = n; k > i; k--)
		if (p[k - 1] == '-' || p[k - 1] == ':')
			return (long)(k - 1);
	return -1;
}

int
guard_html_start(const char *p, size_t n)
{
	static const char *raw[] = { "script", "pre", "style", "textarea" };
	size_t k, l;

	if (n >= 4 && memcmp(p, "<!--", 4) == 0)
		return GUARD_HTML_COMMENT;
	if (n >= 2 && p[1] == '?')
		return GUARD_HTML_PI;
	if (n >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
		return GUARD_HTML_CDATA;
	if (n >= 3 && p[1] == '!' && ((p[2] | 0x20) >= 'a' &&
	    (p[2] | 0x20) <= 'z'))
		return GUARD_HTML_DECL;
	for (k = 0; k < 4; k++) {
		l = strlen(raw[k]);
		if (n >= l + 1 && strncasecmp(p + 1, raw[k], l) == 0 &&
		    (n == l + 1 || is_space(p[l + 1]) || p[l + 1] == '>'))
			return GUARD_HTML_RAW;
	}
	return 0;
}

unsigned
guard_html_ends(const char *p, size_t i)
{
	static const char *raw[] = { "</script", "</pre", "</style",
		"</textarea" };
	unsigned bits = 1u << GUARD_HTML_DECL;
	size_t k, l;

	if (i >= 2 && p[i - 1] == '-' && p[i - 2] == '-')
		bits |= 1u << GUARD_HTML_COMMENT;
	if (i >= 1 && p[i - 1] == '?')
		bits |= 1u << GUARD_HTML_PI;
	if (i >= 2 && p[i - 1] == ']' && p[i - 2] == ']')
		bits |= 1u << GUARD_HTML_CDATA;
	for (k = 0; k < 4; k++) {
		l = strlen(raw[k]);
		if (i >= l && strncasecmp(p + i - l, raw[k], l) == 0)
			bits |= 1u << GUARD_HTML_RAW;
	}
	return bits;
}

long
guard_note_nest(const char *p, size_t n, int max)
{
	size_t i = 0, k;
	int notes = 0;

	for (;;) {
		while (i < n && is_space(p[i]))
			i++;
		if (i + 1 >= n)
			return -1;
		if (p[i] == '>') {
			i++;
			continue;
		}
		if ((p[i] == '-' || p[i] == '*' || p[i] == '+') &&
		    is_space(p[i + 1])) {
			i += 2;
			continue;
		}
		for (k = i; k < n && k - i < 9 && p[k] >= '0' && p[k] <= '9'; k++)
			;
		if (k > i && k + 1 < n && (p[k] == '.' || p[k] == ')') &&
		    is_space(p[k + 1])) {
			i = k + 2;
			continue;
		}
		if (p[i] != '[' || p[i + 1] != '^')
			return -1;
		for (k = i + 2; k < n && p[k] != ']' && p[k] != '[' &&
		    !is_space(p[k]); k++)
			;
		if (k == i + 2 || k + 1 >= n || p[k] != ']' || p[k + 1] != ':')
			return -1;
		if (++notes > max)
			return (long)i;
		i = k + 2;
	}
}
