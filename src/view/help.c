/*
 * The help screen: every key of every view, grouped by view, written
 * from the keymap table itself so that help and dispatch cannot differ,
 * and wrapped at the screen's width (the help text in a column of its
 * own, lines that go on indented under it).
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/text.h"
#include "quire/views.h"

#define HELP_COL 30 /* where the help text starts, when there is room */

/* Append one action's keys, a tab and its help: "  j, Down\tnext line". */
static size_t
put_action(struct buf *b, size_t i)
{
	const struct keybind *k = &keymap[i];
	size_t j;

	buf_puts(b, "  ");
	buf_puts(b, k->name);
	for (j = i + 1; j < keymap_len && keymap[j].view == k->view &&
	    keymap[j].action == k->action && keymap[j].help == NULL; j++) {
		buf_puts(b, ", ");
		buf_puts(b, keymap[j].name);
	}
	buf_putc(b, '\t');
	buf_puts(b, k->help ? k->help : "");
	buf_putc(b, '\n');
	return j;
}

/* Append N spaces. */
static void
pad(struct buf *b, int n)
{
	while (n-- > 0)
		buf_putc(b, ' ');
}

/* Append the words of S (LEN bytes) wrapped at COLS: the line has USED
 * columns already, the next ones are indented by IND. */
static void
wrap_words(struct buf *b, const char *s, size_t len, int used, int cols,
    int ind)
{
	size_t i = 0, j;
	int w, start = 1;

	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		for (j = i; j < len && s[j] != ' '; j++)
			;
		if (j == i)
			break;
		w = (int)text_width(s + i, j - i);
		if (!start && used + 1 + w > cols) {
			buf_putc(b, '\n');
			pad(b, ind);
			used = ind;
			start = 1;
		}
		if (!start) {
			buf_putc(b, ' ');
			used++;
		}
		buf_put(b, s + i, j - i);
		used += w;
		start = 0;
		i = j;
	}
	buf_putc(b, '\n');
}

/* Append raw help line S (LEN bytes) wrapped at COLS: the keys, then
 * the help at HELP_COL (or on lines of its own, indented, when narrow). */
static void
wrap_line(struct buf *b, const char *s, size_t len, int cols)
{
	const char *tab = memchr(s, '\t', len);
	int kw, ind = HELP_COL * 2 <= cols ? HELP_COL : 6;

	if (tab == NULL) {
		wrap_words(b, s, len, 0, cols, 2);
		return;
	}
	kw = (int)text_width(s, (size_t)(tab - s));
	buf_put(b, s, (size_t)(tab - s));
	if (kw + 2 > ind && kw + 2 + 12 > cols) {
		buf_putc(b, '\n');
		pad(b, ind);
		kw = ind;
	} else {
		pad(b, (kw + 2 > ind ? kw + 2 : ind) - kw);
		kw = kw + 2 > ind ? kw + 2 : ind;
	}
	wrap_words(b, tab + 1, len - (size_t)(tab + 1 - s), kw, cols, ind);
}

/* Lay the help out at COLS columns, the last left blank: v->text and
 * its lines from v->raw. */
static void
help_wrap(struct help_view *v, int cols)
{
	size_t i, n, start;

	v->text.len = 0;
	for (start = i = 0; i < v->raw.len; i++)
		if (v->raw.data[i] == '\n') {
			if (i == start)
				buf_putc(&v->text, '\n');
			else
				wrap_line(&v->text, v->raw.data + start,
				    i - start, cols > 1 ? cols - 1 : 1);
			start = i + 1;
		}
	for (i = 0, n = 0; i < v->text.len; i++)
		n += v->text.data[i] == '\n';
	free(v->lines);
	v->lines = xcalloc(n + 1, sizeof(*v->lines));
	v->lines[0] = 0;
	for (i = 0, n = 1; i < v->text.len; i++)
		if (v->text.data[i] == '\n')
			v->lines[n++] = i + 1;
	v->nlines = n - 1;
	v->width = cols;
}

void
help_open(struct help_view *v)
{
	size_t i;
	int view;

	memset(v, 0, sizeof(*v));
	buf_puts(&v->raw, "quire keys (q or Esc closes this help)\n\n");
	for (view = 0; view < VIEW__MAX; view++) {
		buf_puts(&v->raw, keymap_view_name((enum view_id)view));
		buf_puts(&v->raw, "\n");
		for (i = 0; i < keymap_len;) {
			if (keymap[i].view != (enum view_id)view) {
				i++;
				continue;
			}
			i = put_action(&v->raw, i);
		}
		buf_puts(&v->raw, "\n");
	}
	help_wrap(v, 80);
}

void
help_free(struct help_view *v)
{
	buf_free(&v->raw);
	buf_free(&v->text);
	free(v->lines);
	v->lines = NULL;
}

struct view_result
help_key(struct help_view *v, int key, int rows)
{
	size_t page = rows > 2 ? (size_t)rows - 2 : 1;
	size_t max = v->nlines > page ? v->nlines - page : 0;

	switch (keymap_lookup(VIEW_HELP, key)) {
	case ACT_CLOSE:
		return view_result(VR_CLOSE);
	case ACT_LINE_DOWN:
		v->top++;
		break;
	case ACT_LINE_UP:
		v->top = v->top ? v->top - 1 : 0;
		break;
	case ACT_PAGE_DOWN:
		v->top += page;
		break;
	case ACT_PAGE_UP:
		v->top = v->top > page ? v->top - page : 0;
		break;
	case ACT_TOP:
		v->top = 0;
		break;
	case ACT_BOTTOM:
		v->top = max;
		break;
	default:
		break;
	}
	if (v->top > max)
		v->top = max;
	return view_result(VR_STAY);
}

void
help_draw(struct help_view *v, int rows, int cols)
{
	int r;
	size_t n, len;
	const char *s;

	erase();
	if (cols > 0 && v->width != cols) {
		help_wrap(v, cols);
		if (v->top >= v->nlines)
			v->top = v->nlines ? v->nlines - 1 : 0;
	}
	for (r = 0; r < rows - 1; r++) {
		n = v->top + (size_t)r;
		if (n >= v->nlines)
			break;
		s = v->text.data + v->lines[n];
		len = v->lines[n + 1] - v->lines[n] - 1;
		draw_text_cut(r, 0, s, len, cols, len > 0 && s[0] != ' ' ?
		    UI_TITLE : UI_PLAIN);
	}
	draw_fill(rows - 1, 0, cols, UI_STATUS);
	draw_text_cut(rows - 1, 1, "help: j/k scroll, q closes", 26, cols - 2,
	    UI_STATUS);
}

static void *
help_view_open(struct view_ctx *c, struct view_arg arg)
{
	struct help_view *v = xmalloc(sizeof(*v));

	(void)c;
	(void)arg;
	help_open(v);
	return v;
}

static struct view_result
help_view_key(void *st, struct view_ctx *c, int key)
{
	return help_key(st, key, c->rows);
}

/* The wheel scrolls. */
static struct view_result
help_view_mouse(void *st, struct view_ctx *c, const struct view_mouse *m)
{
	if (m->wheel)
		help_key(st, m->wheel < 0 ? 'k' : 'j', c->rows);
	return view_result(VR_STAY);
}

static void
help_view_draw(void *st, struct view_ctx *c)
{
	help_draw(st, c->pager->rows, c->pager->cols);
}

static void
help_view_close(void *st)
{
	help_free(st);
	free(st);
}

const struct view_ops help_view_ops = {
	help_view_open, help_view_key, help_view_mouse, NULL, help_view_draw,
	help_view_close,
};
