/*
 * From cmark-gfm's tree to the document model, in one walk with
 * cmark_iter (ENTER/EXIT events, no recursion, so 50,000 nested quotes
 * cost a counter, not a stack).  Containers (quotes, lists, items) become
 * depths on the leaf blocks inside them; inline containers (emphasis,
 * links) become style bits on runs (inline.c).  Every string is cleaned
 * here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "quire/text.h"
#include "build.h"
#include "build_priv.h"
#include "html.h"
#include "meta.h"

/* Classify an extension node type by its name, caching the answer. */
enum ext
build_ext_kind(struct doc_builder *b, cmark_node *node)
{
	static const char *names[] = { NULL, "table", "table_row",
		"table_cell", "strikethrough" };
	_Static_assert(NELEM(names) == EXT__MAX,
	    "every extension node kind has its name");
	cmark_node_type t = cmark_node_get_type(node);
	const char *s;
	int i;

	if (t <= CMARK_NODE_FOOTNOTE_DEFINITION ||
	    (t >= CMARK_NODE_TEXT && t <= CMARK_NODE_FOOTNOTE_REFERENCE))
		return EXT_NONE; /* cmark-gfm's own: extensions number theirs on */
	for (i = 1; i < EXT__MAX; i++)
		if (b->ext_type[i] == t)
			return (enum ext)i;
	s = cmark_node_get_type_string(node);
	if (strcmp(s, "table_header") == 0)
		s = "table_row";
	for (i = 1; i < EXT__MAX; i++)
		if (strcmp(s, names[i]) == 0) {
			if (strcmp(cmark_node_get_type_string(node),
			    "table_header") != 0)
				b->ext_type[i] = t;
			return (enum ext)i;
		}
	return EXT_NONE;
}

/* Store a clean string in aux; return its offset. */
uint32_t
build_aux(struct doc_builder *b, const char *s, size_t len, uint32_t *outlen)
{
	size_t start = b->aux.len;

	text_clean(&b->aux, s, len, 0, NULL);
	*outlen = (uint32_t)(b->aux.len - start);
	return (uint32_t)start;
}

void
build_anchor(struct doc_builder *b, const char *name, size_t len)
{
	struct doc *d = b->d;
	struct anchor *a;

	if (len == 0)
		return;
	GROW(d->anchors, b->cap_anchors, d->nanchors, 1);
	a = &d->anchors[d->nanchors++];
	a->name = build_aux(b, name, len, &a->name_len);
	a->block = b->leaf != DOC_NONE ? b->leaf : (uint32_t)d->nblocks;
	a->off = (uint32_t)b->text.len;
}

uint32_t
build_block_begin(struct doc_builder *b, enum block_kind kind)
{
	struct doc *d = b->d;
	struct block *blk;
	uint32_t q;

	/* A list item that starts with something other than a paragraph
	 * gets its marker on a line of its own. */
	if (b->has_marker && kind != BLOCK_PARAGRAPH && kind != BLOCK_ITEM)
		build_block_begin(b, BLOCK_ITEM);
	GROW(d->blocks, b->cap_blocks, d->nblocks, 1);
	blk = &d->blocks[d->nblocks];
	memset(blk, 0, sizeof(*blk));
	blk->kind = (uint8_t)kind;
	blk->quote = b->quote;
	blk->list = (uint32_t)b->nlists;
	blk->qlist = (uint16_t)(b->qlist < UINT16_MAX ? b->qlist : UINT16_MAX);
	q = b->quote - (b->qlist ? b->lists[b->qlist - 1].quote_at : 0);
	blk->qin = (uint8_t)(q < 255 ? q : 255);
	q = b->quote - b->quote_low;
	blk->qnew = (uint8_t)(q < 255 ? q : 255);
	b->quote_low = b->quote;
	q = (uint32_t)(b->nlists - b->list_low);
	blk->lnew = (uint8_t)(q < 255 ? q : 255);
	b->list_low = b->nlists;
	blk->run = (uint32_t)d->nruns;
	blk->section = d->nsections && !b->notes ? (uint32_t)d->nsections - 1 :
	    DOC_NONE;
	if (b->nlists && b->lists[b->nlists - 1].tight)
		blk->flags |= BF_TIGHT;
	if (b->center > 0)
		blk->flags |= BF_CENTER;
	if (b->has_marker) {
		blk->kind = BLOCK_ITEM;
		blk->aux = b->marker;
		blk->aux_len = b->marker_len;
		blk->flags |= b->marker_flags;
		b->has_marker = 0;
	}
	return (uint32_t)d->nblocks++;
}

void
build_list_close(struct doc_builder *b)
{
	if (b->nlists == 0)
		return;
	if (--b->nlists < b->list_low)
		b->list_low = b->nlists;
}

void
build_block_end(struct doc_builder *b)
{
	struct doc *d = b->d;

	b->gap = 0;
	if (b->leaf == DOC_NONE)
		return;
	d->blocks[b->leaf].nruns = (uint32_t)d->nruns - d->blocks[b->leaf].run;
	b->leaf = DOC_NONE;
}

/* A code block: one run of literal text. */
static void
literal_block(struct doc_builder *b, cmark_node *node, enum block_kind kind)
{
	struct doc *d = b->d;
	const char *lit = cmark_node_get_literal(node);
	size_t len = lit ? strlen(lit) : 0, start;
	uint32_t id;
	int col = 0;

	id = build_block_begin(b, kind);
	while (len > 0 && (lit[len - 1] == '\n' || lit[len - 1] == '\r'))
		len--;
	start = b->text.len;
	text_clean(&b->text, lit ? lit : "", len, TEXT_NEWLINES | TEXT_TABS,
	    &col);
	if (b->text.len > start) {
		GROW(d->runs, b->cap_runs, d->nruns, 1);
		d->runs[d->nruns].off = (uint32_t)start;
		d->runs[d->nruns].len = (uint32_t)(b->text.len - start);
		d->runs[d->nruns].style = 0;
		d->runs[d->nruns].link = DOC_NONE;
		d->nruns++;
	}
	d->blocks[id].nruns = (uint32_t)d->nruns - d->blocks[id].run;
	if (kind == BLOCK_CODE) {
		const char *info = cmark_node_get_fence_info(node);

		if (info != NULL)
			d->blocks[id].aux = build_aux(b, info, strlen(info),
			    &d->blocks[id].aux_len);
	}
}

/* Number K written as TYPE ('a', 'A': letters, "z" then "aa"; 'i', 'I':
 * roman numerals, 1 to 3999; else decimal) then DELIM, into M (SIZE
 * bytes); return its length. */
static int
item_number(char *m, size_t size, int k, char type, char delim)
{
	static const char *const roman[] = { "m", "cm", "d", "cd", "c", "xc",
		"l", "xl", "x", "ix", "v", "iv", "i" };
	static const int value[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10,
		9, 5, 4, 1 };
	char t[24];
	size_t n = 0, i, j;
	int up = type == 'A' || type == 'I';

	if ((type == 'a' || type == 'A') && k >= 1 && k <= 18278) {
		for (; k > 0 && n < sizeof(t); k = (k - 1) / 26)
			t[n++] = (char)('a' + (k - 1) % 26);
		for (i = 0; i < n / 2; i++) { /* most significant first */
			char c = t[i];

			t[i] = t[n - 1 - i];
			t[n - 1 - i] = c;
		}
	} else if ((type == 'i' || type == 'I') && k >= 1 && k <= 3999) {
		for (i = 0; i < sizeof(value) / sizeof(value[0]); i++)
			for (; k >= value[i]; k -= value[i])
				for (j = 0; roman[i][j] && n < sizeof(t); j++)
					t[n++] = roman[i][j];
	} else {
		return snprintf(m, size, "%d%c", k, delim);
	}
	for (i = 0; up && i < n; i++)
		t[i] = (char)(t[i] - 'a' + 'A');
	return snprintf(m, size, "%.*s%c", (int)n, t, delim);
}

void
build_item_marker(struct doc_builder *b)
{
	struct list_ctx *l = b->nlists ? &b->lists[b->nlists - 1] : NULL;
	char m[32];
	int n;

	if (l != NULL && l->ordered)
		n = item_number(m, sizeof(m), l->next++, l->type, l->delim);
	else
		n = snprintf(m, sizeof(m), "-");
	b->marker = build_aux(b, m, (size_t)n, &b->marker_len);
	b->marker_flags = 0;
	b->has_marker = 1;
}

/* Open a list item: remember its marker for the first block inside. */
static void
enter_item(struct doc_builder *b, cmark_node *node)
{
	if (b->has_marker) /* an empty item before this one */
		build_block_end(b), build_block_begin(b, BLOCK_ITEM);
	build_item_marker(b);
	if (strcmp(cmark_node_get_type_string(node), "tasklist") == 0) {
		b->marker_flags = BF_TASK;
		if (cmark_gfm_extensions_get_tasklist_item_checked(node))
			b->marker_flags |= BF_DONE;
	}
}

/*
 * A footnote definition (cmark-gfm has moved those referenced to the end,
 * in the order of their numbers): the first one after a rule; each one a
 * list item of its own, marked "[N]" and flagged BF_NOTE, with the
 * anchor "fn-N" the references link to.
 */
static void
note_event(struct doc_builder *b, int enter)
{
	char m[32];
	unsigned k;
	int n;

	if (!enter) {
		if (b->has_marker) { /* an empty note */
			b->leaf = build_block_begin(b, BLOCK_ITEM);
			build_block_end(b);
		}
		build_list_close(b);
		return;
	}
	if (b->notes++ == 0 && b->nlists == 0) {
		/* the notes belong to no section (nor FAQ answer) */
		for (n = 1; n <= BLOCK_LEVELS; n++)
			if (b->open[n] != DOC_NONE) {
				b->d->sections[b->open[n]].end =
				    (uint32_t)b->d->nblocks;
				b->open[n] = DOC_NONE;
			}
		build_block_begin(b, BLOCK_RULE);
	}
	GROW(b->lists, b->cap_lists, b->nlists, 1);
	memset(&b->lists[b->nlists++], 0, sizeof(*b->lists));
	k = build_note_number(b->note_map, b->notes +
	    (b->note_map ? b->note_map->skip : 0));
	n = snprintf(m, sizeof(m), "fn-%u", k);
	build_anchor(b, m, (size_t)n);
	n = snprintf(m, sizeof(m), "[%u]", k);
	b->marker = build_aux(b, m, (size_t)n, &b->marker_len);
	b->marker_flags = BF_NOTE;
	b->has_marker = 1;
}

void
build_section_open(struct doc_builder *b, uint32_t block, int level)
{
	struct doc *d = b->d;
	struct section *s;
	uint32_t parent = DOC_NONE;
	int i;

	for (i = level; i <= BLOCK_LEVELS; i++)
		if (b->open[i] != DOC_NONE) {
			d->sections[b->open[i]].end = block;
			b->open[i] = DOC_NONE;
		}
	for (i = level - 1; i >= 1; i--)
		if (b->open[i] != DOC_NONE) {
			parent = b->open[i];
			break;
		}
	GROW(d->sections, b->cap_sections, d->nsections, 1);
	s = &d->sections[d->nsections];
	memset(s, 0, sizeof(*s));
	s->block = block;
	s->level = (uint8_t)level;
	s->parent = parent;
	s->depth = parent == DOC_NONE ? 0 : d->sections[parent].depth + 1;
	b->open[level] = (uint32_t)d->nsections++;
	d->blocks[block].section = b->open[level];
}

/*
 * A block quote opening or closing.  The lists open when a quote
 * opened all opened at a lower quote depth, so the list depth the
 * enclosing quote opened in is found by bisection.
 */
static void
quote_event(struct doc_builder *b, int enter)
{
	size_t lo = 0, hi = b->nlists, mid;

	if (enter) {
		b->quote++;
		b->qlist = (uint32_t)b->nlists;
		return;
	}
	b->quote--;
	if (b->quote < b->quote_low)
		b->quote_low = b->quote;
	while (lo < hi) { /* lists opened at a quote depth below b->quote */
		mid = lo + (hi - lo) / 2;
		if (b->lists[mid].quote_at < b->quote)
			lo = mid + 1;
		else
			hi = mid;
	}
	b->qlist = b->quote ? (uint32_t)lo : 0;
}

/* A block node entering or leaving. */
static void
block_event(struct doc_builder *b, cmark_node *node, cmark_event_type ev)
{
	struct doc *d = b->d;
	int enter = ev == CMARK_EVENT_ENTER;
	enum ext kind;

	build_text_flush(b, 0); /* the inline content ends with its block */
	if (b->html != NULL)
		html_settle(b, !enter ? HTML_KEEP :
		    cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH ?
		    HTML_PARA : cmark_node_get_type(node) ==
		    CMARK_NODE_HTML_BLOCK ? HTML_KEEP : HTML_END);
	b->actx.brackets = 0;
	b->actx.after_ok = 1;
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_DOCUMENT:
		return;
	case CMARK_NODE_BLOCK_QUOTE:
		quote_event(b, enter);
		return;
	case CMARK_NODE_LIST:
		if (enter) {
			struct list_ctx *l;

			GROW(b->lists, b->cap_lists, b->nlists, 1);
			l = &b->lists[b->nlists++];
			l->tight = cmark_node_get_list_tight(node);
			l->ordered = cmark_node_get_list_type(node) ==
			    CMARK_ORDERED_LIST;
			l->next = cmark_node_get_list_start(node);
			l->delim = cmark_node_get_list_delim(node) ==
			    CMARK_PAREN_DELIM ? ')' : '.';
			l->type = '1';
			l->quote_at = b->quote;
		} else
			build_list_close(b);
		return;
	case CMARK_NODE_ITEM:
		if (enter)
			enter_item(b, node);
		else if (b->has_marker) {
			b->leaf = build_block_begin(b, BLOCK_ITEM);
			build_block_end(b);
		}
		return;
	case CMARK_NODE_PARAGRAPH:
		if (b->table != DOC_NONE)
			return;
		if (enter)
			b->leaf = build_block_begin(b, BLOCK_PARAGRAPH);
		else {
			uint32_t id = b->leaf;

			build_block_end(b);
			/* nothing shown (only HTML comments, anchors): gone,
			 * its anchors on the next block */
			if (id != DOC_NONE && id + 1 == d->nblocks &&
			    d->blocks[id].nruns == 0 &&
			    d->blocks[id].kind == BLOCK_PARAGRAPH)
				d->nblocks--;
		}
		return;
	case CMARK_NODE_HEADING:
		if (enter) {
			b->leaf = build_block_begin(b, BLOCK_HEADING);
			d->blocks[b->leaf].level =
			    (uint8_t)cmark_node_get_heading_level(node);
		} else {
			uint32_t id = b->leaf;

			build_block_end(b);
			if (id != DOC_NONE)
				build_section_open(b, id, d->blocks[id].level);
		}
		return;
	case CMARK_NODE_CODE_BLOCK:
		literal_block(b, node, BLOCK_CODE);
		return;
	case CMARK_NODE_HTML_BLOCK: {
		const char *lit = cmark_node_get_literal(node);

		if (!html_block(b, lit ? lit : "", lit ? strlen(lit) : 0))
			literal_block(b, node, BLOCK_CODE); /* past the budget */
		return;
	}
	case CMARK_NODE_THEMATIC_BREAK:
		build_block_begin(b, BLOCK_RULE);
		return;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		note_event(b, enter);
		return;
	case CMARK_NODE_NONE:
	case CMARK_NODE_CUSTOM_BLOCK:
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_CUSTOM_INLINE:
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		return; /* not blocks, or none quire makes */
	}
	/* an extension's node: its type is a number cmark-gfm gives out
	 * at run time, outside the enum */
	kind = build_ext_kind(b, node);
	if (kind == EXT_TABLE || kind == EXT_ROW || kind == EXT_CELL)
		build_table_event(b, node, kind, enter);
}

/* Ask for the nodes the walk may visit after NODE -- its first child,
 * the one after it -- while NODE is built: a large tree is far larger
 * than the processor's cache, and the walk would wait for each. */
static void
prefetch_next(cmark_node *node)
{
	cmark_node *n;

	if ((n = cmark_node_first_child(node)) != NULL) {
		__builtin_prefetch(n);
		__builtin_prefetch((char *)n + 64);
	}
	if ((n = cmark_node_next(node)) != NULL) {
		__builtin_prefetch(n);
		__builtin_prefetch((char *)n + 64);
	}
}

const char *
doc_parser_version(void)
{
	return cmark_version_string();
}

struct doc *
build_doc(cmark_node *root, int autolinks)
{
	struct buf text = { 0 };

	return build_doc_meta(root, autolinks, NULL, 0, &text);
}

struct doc *
build_doc_meta(cmark_node *root, int autolinks, const char *fm, size_t len,
    struct buf *text)
{
	return build_doc_notes(root, autolinks, fm, len, text, NULL);
}

unsigned
build_note_number(const struct note_map *map, unsigned n)
{
	return map != NULL && n >= 1 && n <= map->n ? map->v[n - 1] : n;
}

struct doc *
build_doc_notes(cmark_node *root, int autolinks, const char *fm, size_t len,
    struct buf *text, const struct note_map *map)
{
	struct doc_builder b;
	struct doc *d = xcalloc(1, sizeof(*d));
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *node;
	size_t k;
	int i;

	memset(&b, 0, sizeof(b));
	b.text = *text;
	b.text.len = 0;
	memset(text, 0, sizeof(*text));
	b.d = d;
	b.autolinks = autolinks;
	b.note_map = map;
	b.link = b.leaf = b.table = DOC_NONE;
	for (i = 0; i <= BLOCK_LEVELS; i++)
		b.open[i] = DOC_NONE;
	meta_build(&b, fm, len);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		prefetch_next(node);
		if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) ==
		    CMARK_NODE_TYPE_INLINE)
			build_inline_event(&b, node, ev);
		else
			block_event(&b, node, ev);
	}
	cmark_iter_free(it);
	html_finish(&b);
	buf_free(&b.pend);
	free(b.al);
	for (i = 1; i <= BLOCK_LEVELS; i++)
		if (b.open[i] != DOC_NONE)
			d->sections[b.open[i]].end = (uint32_t)d->nblocks;
	free(b.lists);
	if (b.text.data != NULL) { /* terminated, and no larger than it is */
		GROW(b.text.data, b.text.cap, b.text.len, 1);
		b.text.data[b.text.len] = '\0';
		if (b.text.cap - b.text.len > 65536)
			b.text.data = xrealloc(b.text.data, b.text.len + 1);
	}
	d->text = b.text.data ? b.text.data : xcalloc(1, 1);
	d->text_len = b.text.len;
	d->aux = b.aux.data ? b.aux.data : xcalloc(1, 1);
	d->aux_len = b.aux.len;
	/* Arrays are never NULL, so &d->runs[i] is fine even when empty. */
	if (d->blocks == NULL)
		d->blocks = xcalloc(1, sizeof(*d->blocks));
	if (d->runs == NULL)
		d->runs = xcalloc(1, sizeof(*d->runs));
	if (d->links == NULL)
		d->links = xcalloc(1, sizeof(*d->links));
	if (d->sections == NULL)
		d->sections = xcalloc(1, sizeof(*d->sections));
	if (d->tables == NULL)
		d->tables = xcalloc(1, sizeof(*d->tables));
	if (d->cells == NULL)
		d->cells = xcalloc(1, sizeof(*d->cells));
	if (d->aligns == NULL)
		d->aligns = xcalloc(1, sizeof(*d->aligns));
	if (d->anchors == NULL)
		d->anchors = xcalloc(1, sizeof(*d->anchors));
	/* an anchor after the last block stands at the end of the last */
	for (k = 0; k < d->nanchors; k++)
		if (d->anchors[k].block >= d->nblocks)
			d->anchors[k].block = d->nblocks ?
			    (uint32_t)d->nblocks - 1 : 0;
	doc_finish(d);
	if (d->faqs == NULL)
		d->faqs = xcalloc(1, sizeof(*d->faqs));
	return d;
}
