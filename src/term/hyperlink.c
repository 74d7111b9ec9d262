/*
 * OSC 8 hyperlinks: which terminals show them (--hyperlinks=auto), a
 * link's target checked and encoded before it is written, and the
 * sequences written over the cells curses drew, after each refresh.
 * Keeps last frame's link pieces, to unlink their cells when the screen
 * moves and to leave alone those that did not change.  Includes <term.h> (for cup), so it is apart like terminfo.c.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

/* quire's headers first: <term.h> defines names (lines, columns) */
#include "quire/hyperlink.h"

#include <curses.h>
#include <term.h>

/* Schemes linked; the rest (javascript:, data:, relative paths) not. */
static const char *const schemes[] = {
	"http://", "https://", "ftp://", "file://", "mailto:",
};

/* Whether C may stand in a URL as it is (RFC 3986's unreserved and
 * reserved characters; '%' is seen to apart). */
static int
url_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("-._~:/?#[]@!$&'()*+,;=", c) != NULL);
}

/* Whether C is a hex digit. */
static int
hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

int
hyperlink_target(const char *s, size_t len, struct buf *out)
{
	static const char digits[] = "0123456789ABCDEF";
	size_t i, k, n;
	unsigned char c;

	out->len = 0;
	for (k = 0; k < sizeof(schemes) / sizeof(schemes[0]); k++) {
		n = strlen(schemes[k]);
		if (len > n && strncasecmp(s, schemes[k], n) == 0)
			break;
	}
	if (k == sizeof(schemes) / sizeof(schemes[0]))
		return -1;
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return -1;
		if (url_char(c) || (c == '%' && i + 2 < len &&
		    hex((unsigned char)s[i + 1]) && hex((unsigned char)s[i + 2])))
			buf_putc(out, (char)c);
		else {
			buf_putc(out, '%');
			buf_putc(out, digits[c >> 4]);
			buf_putc(out, digits[c & 15]);
		}
		if (out->len > HYPERLINK_MAX)
			return -1;
	}
	buf_putc(out, '\0');
	out->len--;
	return 0;
}

/* Whether variable NAME is set and not empty. */
static int
set(char *(*get)(const char *), const char *name)
{
	const char *v = get(name);

	return v != NULL && v[0] != '\0';
}

/* Variable NAME as a number, or 0. */
static long
num(char *(*get)(const char *), const char *name)
{
	const char *v = get(name);

	return v != NULL ? strtol(v, NULL, 10) : 0;
}

int
hyperlink_terminal(char *(*get)(const char *))
{
	static const char *const programs[] = {
		"iTerm.app", "WezTerm", "vscode", "ghostty",
	};
	static const char *const terms[] = {
		"xterm-kitty", "foot", "foot-extra", "xterm-ghostty", "wezterm",
	};
	const char *term = get("TERM"), *prog = get("TERM_PROGRAM");
	size_t i;

	if (term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0)
		return 0;
	/* Multiplexers pass OSC 8 on only when so configured: not assumed. */
	if (set(get, "TMUX") || set(get, "STY") ||
	    strncmp(term, "screen", 6) == 0 || strncmp(term, "tmux", 4) == 0)
		return 0;
	for (i = 0; prog != NULL && i < sizeof(programs) / sizeof(*programs);
	    i++)
		if (strcmp(prog, programs[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(terms) / sizeof(*terms); i++)
		if (strcmp(term, terms[i]) == 0)
			return 1;
	return set(get, "KITTY_WINDOW_ID") || set(get, "WT_SESSION") ||
	    num(get, "VTE_VERSION") >= 5000 ||
	    num(get, "KONSOLE_VERSION") >= 201200;
}

/* Last frame's pieces, and a hash of what they held. */
static struct {
	int row, col, width;
	uint32_t id;
	uint64_t sum;
} last[HYPERLINK_CELLS];
static size_t nlast;

/* FNV-1a of LEN bytes of S, on from H. */
static uint64_t
fnv(uint64_t h, const void *s, size_t len)
{
	const unsigned char *p = s;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

/* A hash of row ROW as stdscr holds it. */
static uint64_t
row_sum(int row)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t at;
	short pair;
	cchar_t cc;
	int k;

	for (k = 0; k < COLS; k++) {
		memset(wch, 0, sizeof(wch));
		if (mvwin_wch(stdscr, row, k, &cc) == ERR ||
		    getcchar(&cc, wch, &at, &pair, NULL) == ERR)
			break;
		h = fnv(h, wch, sizeof(wch));
		h = fnv(h, &at, sizeof(at));
		h = fnv(h, &pair, sizeof(pair));
	}
	return h;
}

/* Where vid_puts writes (it takes no argument to say). */
static struct buf *sink;

static int
sink_putc(int c)
{
	buf_putc(sink, (char)c);
	return c;
}

/* Move the cursor to ROW, COL. */
static void
move_to(struct buf *b, int row, int col)
{
	char *cup = tigetstr("cup");
	const char *s = NULL;

	if (cup != NULL && cup != (char *)-1)
		s = tiparm(cup, row, col);
	if (s != NULL)
		buf_puts(b, s);
	else
		buf_printf(b, "\033[%d;%dH", row + 1, col + 1);
}

/* Write again the WIDTH cells from ROW, COL as stdscr holds them: the
 * same characters (clean: draw.c let no control through, and none is
 * written here either) in the same attributes. */
static void
put_cells(struct buf *b, int row, int col, int width)
{
	wchar_t wch[CCHARW_MAX + 1];
	char mb[MB_LEN_MAX];
	int c = col, end = col + width, w, i;
	mbstate_t st;
	attr_t at;
	short pair;
	cchar_t cc;
	size_t n;

	if (end > COLS)
		end = COLS;
	if (row < 0 || row >= LINES || col < 0 || col >= end)
		return;
	move_to(b, row, col);
	while (c < end) {
		if (mvwin_wch(stdscr, row, c, &cc) == ERR ||
		    getcchar(&cc, wch, &at, &pair, NULL) == ERR)
			break;
		if ((w = wcwidth(wch[0])) < 1)
			w = 1;
		if (c + w > end)
			break;
		vid_puts(at, pair, NULL, sink_putc);
		for (i = 0; wch[i] != L'\0' && i < CCHARW_MAX; i++) {
			memset(&st, 0, sizeof(st));
			if (wch[i] < 0x20 || (wch[i] >= 0x7f && wch[i] < 0xa0) ||
			    (n = wcrtomb(mb, wch[i], &st)) == (size_t)-1)
				buf_putc(b, '?');
			else
				buf_put(b, mb, n);
		}
		c += w;
	}
	vid_puts(A_NORMAL, 0, NULL, sink_putc);
}

/* Whether piece K of last frame is piece C, holding what it held
 * (its hash SUM). */
static int
same(size_t k, const struct hyperlink_cells *c, uint64_t sum)
{
	return c->row == last[k].row && c->col == last[k].col &&
	    c->width == last[k].width && c->id == last[k].id &&
	    sum == last[k].sum;
}

/* The piece of last frame that C is, or nlast. */
static size_t
find_last(const struct hyperlink_cells *c, uint64_t sum)
{
	size_t k;

	for (k = 0; k < nlast; k++)
		if (same(k, c, sum))
			return k;
	return nlast;
}

void
screen_hyperlinks(const struct hyperlink_cells *cur, size_t n)
{
	uint64_t sums[HYPERLINK_CELLS];
	char kept[HYPERLINK_CELLS] = { 0 }, fresh[HYPERLINK_CELLS];
	struct buf b = { 0 };
	uint64_t row = 0;
	size_t k, j;

	if (n > HYPERLINK_CELLS)
		n = HYPERLINK_CELLS;
	/* A piece is its target and the whole of its row: when the row is
	 * what it was, curses wrote none of it, so the link is still in the
	 * terminal's cells; when anything on the row changed, curses may
	 * have written the link's cells again with the rest, without it. */
	for (k = 0; k < n; k++) {
		if (k == 0 || cur[k].row != cur[k - 1].row)
			row = row_sum(cur[k].row);
		sums[k] = fnv(row, cur[k].url, cur[k].len);
		j = find_last(&cur[k], sums[k]);
		fresh[k] = j == nlast;
		if (j < nlast)
			kept[j] = 1;
	}
	sink = &b;
	for (k = 0; k < nlast; k++)
		if (!kept[k])
			put_cells(&b, last[k].row, last[k].col, last[k].width);
	for (k = 0; k < n; k++) {
		if (fresh[k]) {
			buf_printf(&b, "\033]8;id=quire%u;", (unsigned)cur[k].id);
			buf_put(&b, cur[k].url, cur[k].len);
			buf_puts(&b, "\033\\");
			put_cells(&b, cur[k].row, cur[k].col, cur[k].width);
			buf_puts(&b, "\033]8;;\033\\");
		}
		last[k].row = cur[k].row;
		last[k].col = cur[k].col;
		last[k].width = cur[k].width;
		last[k].id = cur[k].id;
		last[k].sum = sums[k];
	}
	nlast = n;
	sink = NULL;
	if (b.len == 0) {
		buf_free(&b);
		return;
	}
	/* Back where curses left the cursor, which it believes is there. */
	move_to(&b, getcury(curscr), getcurx(curscr));
	fwrite(b.data, 1, b.len, stdout);
	fflush(stdout);
	buf_free(&b);
}

void
screen_hyperlinks_reset(void)
{
	nlast = 0;
}
