/*
 * HTML elements to the document model, as the parser reports them: a
 * stack of the open elements records what each did (a style opened, a
 * link, a centring, a list, a block begun), so its end undoes exactly
 * that.  Text in HTML blocks follows HTML's blank rules (runs of blanks
 * are one space, none at either end of a block) except in <pre>.
 * Inline effects (styles, links) end with the Markdown block they are
 * in; block effects (centring, lists, quotes, tables) span Markdown
 * blocks until their end tag.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quire/text.h"
#include "html.h"
#include "html_priv.h"

/* The value of attribute NAME, or NULL. */
static const char *
attr(const char **attrs, const char *name)
{
	for (; attrs != NULL && attrs[0] != NULL; attrs += 2)
		if (strcmp(attrs[0], name) == 0)
			return attrs[1] ? attrs[1] : "";
	return NULL;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Make sure text has a block to go to: a table cell when a table is
 * open, else a paragraph of HTML's own. */
static void
need_leaf(struct html *h)
{
	struct doc_builder *b = h->b;

	if (h->t.active) {
		if (!h->t.in_cell)
			html_cell_start(h, NULL, NULL, NULL);
		return;
	}
	if (b->leaf == DOC_NONE) {
		b->leaf = build_block_begin(b, BLOCK_PARAGRAPH);
		h->own_leaf = 1;
		h->has_text = h->space = h->brk = 0;
	}
}

/* Before inline content: the pending space or line break. */
static void
put_pending(struct html *h)
{
	if (h->has_text && h->brk)
		build_break(h->b);
	else if (h->has_text && h->space)
		build_text(h->b, " ", 1, 0);
	h->space = h->brk = 0;
	h->has_text = 1;
}

/* Text of a <pre>, kept as it is. */
static void
pre_text(struct html *h, const char *s, size_t len)
{
	struct doc_builder *b = h->b;
	size_t start = b->text.len;

	if (h->pre_start) {
		h->pre_start = 0;
		if (len > 0 && s[0] == '\n')
			s++, len--;
	}
	text_clean(&b->text, s, len, TEXT_NEWLINES | TEXT_TABS, &h->pre_col);
	if (b->text.len == start)
		return;
	build_run(b, start, 0, DOC_NONE);
}

void
html_text(struct html *h, const char *s, size_t len)
{
	struct buf *t = &h->tmp;
	size_t i, k;

	for (i = 0; i < len; i = k) {
		if (is_blank(s[i])) {
			h->space = 1;
			k = i + 1;
			continue;
		}
		for (k = i; k < len && !is_blank(s[k]); k++)
			;
		need_leaf(h);
		put_pending(h);
		t->len = 0;
		buf_put(t, s + i, k - i);
		build_text(h->b, t->data, t->len, 0);
	}
}

void
html_chars(struct html *h, const char *s, size_t len)
{
	struct doc_builder *b = h->b;

	if (h->hidden > 0)
		return;
	if (h->inline_mode)
		build_text(b, s, len, 0);
	else if (h->pre && h->own_leaf)
		pre_text(h, s, len);
	else
		html_text(h, s, len);
}

/* Drop the newlines that end a <pre>'s text. */
static void
pre_trim(struct html *h, uint32_t id)
{
	struct doc *d = h->b->d;
	struct run *r;

	while (d->nruns > d->blocks[id].run) {
		r = &d->runs[d->nruns - 1];
		while (r->len > 0 && h->b->text.data[r->off + r->len - 1] == '\n')
			r->len--;
		if (r->len > 0)
			break;
		d->nruns--;
	}
}

void
html_end_leaf(struct html *h)
{
	struct doc_builder *b = h->b;
	struct doc *d = b->d;
	uint32_t id = b->leaf;
	struct block *blk;

	h->space = h->brk = 0;
	if (!h->own_leaf || id == DOC_NONE)
		return;
	h->own_leaf = 0;
	h->has_text = 0;
	if (h->pre)
		pre_trim(h, id);
	h->pre = 0;
	build_block_end(b);
	blk = &d->blocks[id];
	if (blk->nruns == 0 && blk->kind != BLOCK_ITEM &&
	    id + 1 == d->nblocks) {
		d->nblocks--; /* nothing in it: anchors go to the next */
		return;
	}
	if (blk->kind == BLOCK_HEADING)
		build_section_open(b, id, blk->level);
}

/* Begin a block of KIND that HTML owns until its element ends. */
static void
own_block(struct html *h, enum block_kind kind, uint8_t flags)
{
	struct doc_builder *b = h->b;

	html_end_leaf(h);
	b->leaf = build_block_begin(b, kind);
	b->d->blocks[b->leaf].flags |= flags;
	h->own_leaf = 1;
	h->has_text = h->space = h->brk = 0;
}

/* A list item's marker, for the block that begins next. */
static void
li_marker(struct html *h)
{
	build_item_marker(h->b);
}

/* Open a list: <ul>, or <ol> with its start number and its type of
 * numbers (type="a": a., b., c.; "i": i., ii., iii.). */
static void
list_open(struct html *h, const char *name, const char **attrs)
{
	struct doc_builder *b = h->b;
	const char *start = attr(attrs, "start"), *type = attr(attrs, "type");
	struct list_ctx *l;

	GROW(b->lists, b->cap_lists, b->nlists, 1);
	l = &b->lists[b->nlists++];
	l->tight = 1;
	l->ordered = name[0] == 'o';
	l->next = start ? atoi(start) : 1;
	l->delim = '.';
	l->quote_at = b->quote;
	l->type = type != NULL && type[0] != '\0' && type[1] == '\0' &&
	    strchr("aAiI", type[0]) != NULL ? type[0] : '1';
}

/* A link to HREF, unless a link is open. */
static void
link_open(struct html *h, struct html_el *e, const char *href)
{
	struct doc_builder *b = h->b;
	struct doc *d = b->d;

	if (href == NULL || b->link_depth > 0)
		return;
	GROW(d->links, b->cap_links, d->nlinks, 1);
	d->links[d->nlinks].off = build_aux(b, href, strlen(href),
	    &d->links[d->nlinks].len);
	e->prev_link = b->link;
	b->link = (uint32_t)d->nlinks++;
	b->link_depth++;
	build_style(b, STY_LINK, 1);
	e->fx |= E_LINK;
}

/* An <img>: "[image: ALT]" in the text. */
static void
image(struct html *h, const char **attrs)
{
	const char *src = attr(attrs, "src"), *alt = attr(attrs, "alt");

	if (src == NULL)
		src = "";
	if (alt == NULL)
		alt = "";
	if (!h->inline_mode) {
		need_leaf(h);
		put_pending(h);
	}
	build_image(h->b, src, strlen(src), alt, strlen(alt));
}

/* Inline elements: styles, links, images, breaks. */
static void
start_inline(struct html *h, struct html_el *e, enum html_class c,
    uint16_t sty, const char **attrs)
{
	struct doc_builder *b = h->b;

	/* a blank before the element is outside it: "a <code>b</code>" */
	if (!h->inline_mode && h->has_text && (h->space || h->brk) &&
	    b->leaf != DOC_NONE)
		put_pending(h);
	switch (c) {
	case HC_STYLE:
		build_style(b, sty, 1);
		e->style = sty;
		e->fx |= E_STYLE;
		if (sty & STY_KBD) {
			if (!h->inline_mode) {
				need_leaf(h);
				put_pending(h);
			}
			build_text(b, "[", 1, 0);
			e->fx |= E_KBD;
		}
		break;
	case HC_A:
		link_open(h, e, attr(attrs, "href"));
		break;
	case HC_IMG:
		image(h, attrs);
		break;
	case HC_BR:
		if (h->inline_mode)
			build_break(b);
		else if (h->has_text)
			h->brk = 1;
		break;
	case HC_OTHER:
	case HC_IGNORE:
	case HC_HIDDEN:
	case HC_BLOCK:
	case HC_HEADING:
	case HC_PRE:
	case HC_LIST:
	case HC_LI:
	case HC_DD:
	case HC_QUOTE:
	case HC_HR:
	case HC_DETAILS:
	case HC_SUMMARY:
	case HC_TABLE:
	case HC_ROW:
	case HC_CELL:
		break; /* not inline */
	}
	if (e->fx & E_INLINE && h->low > (size_t)(e - h->stack))
		h->low = (size_t)(e - h->stack);
}

/* Block elements, in an HTML block outside tables. */
static void
start_block(struct html *h, struct html_el *e, enum html_class c,
    uint16_t lvl, const char *name, const char **attrs)
{
	struct doc_builder *b = h->b;

	if (c == HC_TABLE) {
		html_table_start(h, e);
		return;
	}
	html_end_leaf(h);
	switch (c) {
	case HC_HEADING:
		own_block(h, BLOCK_HEADING, 0);
		b->d->blocks[b->leaf].level = (uint8_t)lvl;
		e->fx |= E_LEAF;
		break;
	case HC_PRE:
		own_block(h, BLOCK_CODE, 0);
		h->pre = h->pre_start = 1;
		h->pre_col = 0;
		e->fx |= E_LEAF;
		break;
	case HC_SUMMARY:
		own_block(h, BLOCK_PARAGRAPH, BF_SUMMARY);
		e->fx |= E_LEAF;
		break;
	case HC_LIST:
		list_open(h, name, attrs);
		e->fx |= E_LIST | E_BLOCK;
		break;
	case HC_DD:
		/* a definition: indented as a list item's text, unmarked */
		list_open(h, "ul", NULL);
		e->fx |= E_LIST | E_BLOCK;
		break;
	case HC_LI:
		li_marker(h);
		e->fx |= E_LI;
		break;
	case HC_QUOTE:
		b->quote++;
		e->fx |= E_QUOTE | E_BLOCK;
		break;
	case HC_HR:
		build_block_begin(b, BLOCK_RULE);
		break;
	case HC_OTHER:
	case HC_IGNORE:
	case HC_STYLE:
	case HC_A:
	case HC_IMG:
	case HC_BR:
	case HC_HIDDEN:
	case HC_BLOCK:
	case HC_DETAILS:
	case HC_TABLE:
	case HC_ROW:
	case HC_CELL:
		e->fx |= E_BLOCK;
		break;
	}
}

/* A block element starting or ending inside a Markdown paragraph parts
 * the words around it ("<p>a</p><p>b</p>" is "a b", not "ab"). */
static void
inline_gap(struct html *h)
{
	struct doc_builder *b = h->b;
	struct doc *d = b->d;
	char last;

	if (b->leaf == DOC_NONE || d->nruns <= d->blocks[b->leaf].run ||
	    b->text.len == 0)
		return;
	last = b->text.data[b->text.len - 1];
	b->gap = last != ' ' && last != '\n';
}

/* Whether an element's attributes (or name) ask it to be centred. */
static int
centred(const char *name, const char **attrs)
{
	const char *al = attr(attrs, "align");

	return strcmp(name, "center") == 0 ||
	    (al != NULL && strcasecmp(al, "center") == 0);
}

/* Push an element; NULL when the stack is full. */
static struct html_el *
push(struct html *h, const char *name)
{
	struct html_el *e;

	if (h->depth >= HTML_STACK) {
		h->over++;
		return NULL;
	}
	e = &h->stack[h->depth++];
	memset(e, 0, sizeof(*e));
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->prev_link = DOC_NONE;
	return e;
}

void
html_start(struct html *h, const char *name, const char **attrs)
{
	struct doc_builder *b = h->b;
	uint16_t sty;
	enum html_class c = html_class_of(name, &sty);
	struct html_el *e;
	const char *v;

	if (c == HC_IGNORE || (e = push(h, name)) == NULL)
		return;
	if (c == HC_HIDDEN) {
		h->hidden++;
		e->fx |= E_HIDDEN;
		return;
	}
	if (h->hidden > 0)
		return;
	if (c <= HC_BR) {
		start_inline(h, e, c, sty, attrs);
	} else if (h->t.active && c == HC_TABLE && !h->inline_mode) {
		html_table_start(h, e);
	} else if (h->t.active && c == HC_ROW) {
		html_row_start(h, e);
	} else if (h->t.active && c == HC_CELL) {
		html_cell_start(h, e, attr(attrs, "colspan"),
		    attr(attrs, "rowspan"));
	} else if (h->t.active) {
		h->space = 1; /* blocks inside a table join its cell */
	} else if (!h->inline_mode) {
		if (centred(name, attrs)) {
			b->center++;
			e->fx |= E_CENTER;
		}
		start_block(h, e, c, sty, name, attrs);
	} else {
		if (c >= HC_BLOCK)
			inline_gap(h);
		if (centred(name, attrs) && b->leaf != DOC_NONE)
			b->d->blocks[b->leaf].flags |= BF_CENTER;
	}
	if ((v = attr(attrs, "id")) != NULL)
		build_anchor(b, v, strlen(v));
	if ((v = attr(attrs, "name")) != NULL && c != HC_IMG)
		build_anchor(b, v, strlen(v));
}

void
html_undo(struct html *h, struct html_el *e)
{
	struct doc_builder *b = h->b;

	if (e->fx & E_KBD)
		build_text(b, "]", 1, 0);
	if (e->fx & E_STYLE)
		build_style(b, e->style, -1);
	if (e->fx & E_LINK) {
		build_style(b, STY_LINK, -1);
		b->link = e->prev_link;
		if (b->link_depth > 0)
			b->link_depth--;
	}
	if ((e->fx & E_HIDDEN) && h->hidden > 0)
		h->hidden--;
	if (e->fx & (E_LEAF | E_BLOCK | E_LI))
		html_end_leaf(h);
	if ((e->fx & E_LI) && b->has_marker) { /* an empty item */
		b->leaf = build_block_begin(b, BLOCK_ITEM);
		build_block_end(b);
	}
	if (e->fx & E_LIST)
		build_list_close(b);
	if ((e->fx & E_QUOTE) && b->quote > 0 && --b->quote < b->quote_low)
		b->quote_low = b->quote; /* as a Markdown quote's end */
	if ((e->fx & E_CENTER) && b->center > 0)
		b->center--;
	if (e->fx & (E_TABLE | E_ROW | E_CELL))
		html_table_undo(h, e);
	e->fx = 0;
}

void
html_end(struct html *h, const char *name)
{
	uint16_t sty;
	enum html_class c = html_class_of(name, &sty);
	size_t i;

	if (c == HC_IGNORE)
		return;
	if (h->inline_mode && c >= HC_BLOCK && !h->t.active && h->hidden == 0)
		inline_gap(h);
	if (h->over > 0) {
		h->over--;
		return;
	}
	for (i = h->depth; i > 0; i--)
		if (strncmp(h->stack[i - 1].name, name,
		    sizeof(h->stack[0].name) - 1) == 0)
			break;
	if (i == 0)
		return;
	while (h->depth >= i)
		html_undo(h, &h->stack[--h->depth]);
	if (h->low > h->depth)
		h->low = h->depth;
}

void
html_settle(struct doc_builder *b, enum html_settle mode)
{
	struct html *h = b->html;
	size_t i;

	if (h == NULL)
		return;
	for (i = h->depth; i > h->low; i--) {
		struct html_el *e = &h->stack[i - 1];

		if (e->fx & E_INLINE) {
			struct html_el tmp = *e;

			tmp.fx &= E_INLINE;
			html_undo(h, &tmp);
			e->fx &= (uint16_t)~E_INLINE;
		}
	}
	h->low = h->depth;
	html_end_leaf(h);
	if (mode == HTML_END && h->t.active)
		html_table_end(h);
	else if (mode == HTML_PARA && h->t.active && !h->t.in_cell)
		html_cell_start(h, NULL, NULL, NULL);
}
