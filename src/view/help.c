/*
 * The help screen: every key of every view, grouped by view, written
 * from the keymap table itself so that help and dispatch cannot differ.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "quire/draw.h"
#include "quire/views.h"

/* Append one action's keys and help: "  j, Down, Enter   next line". */
static size_t
put_action(struct buf *b, size_t i)
{
	const struct keybind *k = &keymap[i];
	size_t j, start = b->len;

	buf_puts(b, "  ");
	buf_puts(b, k->name);
	for (j = i + 1; j < keymap_len && keymap[j].view == k->view &&
	    keymap[j].action == k->action && keymap[j].help == NULL; j++) {
		buf_puts(b, ", ");
		buf_puts(b, keymap[j].name);
	}
	buf_puts(b, "  ");
	while (b->len - start < 30)
		buf_putc(b, ' ');
	buf_puts(b, k->help ? k->help : "");
	buf_putc(b, '\n');
	return j;
}

void
help_open(struct help_view *v)
{
	size_t i, n;
	int view;

	memset(v, 0, sizeof(*v));
	buf_puts(&v->text, "quire keys (q or Esc closes this help)\n\n");
	for (view = 0; view < VIEW__MAX; view++) {
		buf_puts(&v->text, keymap_view_name((enum view_id)view));
		buf_puts(&v->text, "\n");
		for (i = 0; i < keymap_len;) {
			if (keymap[i].view != (enum view_id)view) {
				i++;
				continue;
			}
			i = put_action(&v->text, i);
		}
		buf_puts(&v->text, "\n");
	}
	for (i = 0, n = 0; i < v->text.len; i++)
		n += v->text.data[i] == '\n';
	v->lines = xcalloc(n + 1, sizeof(*v->lines));
	v->lines[0] = 0;
	for (i = 0, n = 1; i < v->text.len; i++)
		if (v->text.data[i] == '\n')
			v->lines[n++] = i + 1;
	v->nlines = n - 1;
}

void
help_free(struct help_view *v)
{
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
	for (r = 0; r < rows - 1; r++) {
		n = v->top + (size_t)r;
		if (n >= v->nlines)
			break;
		s = v->text.data + v->lines[n];
		len = v->lines[n + 1] - v->lines[n] - 1;
		draw_text(r, 0, s, len, cols, len > 0 && s[0] != ' ' ?
		    UI_TITLE : UI_PLAIN);
	}
	draw_fill(rows - 1, 0, cols, UI_STATUS);
	draw_text(rows - 1, 1, "help: j/k scroll, q closes", 26, cols - 2,
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
