/*
 * Inline nodes to runs: text is cleaned and appended to the open block's
 * runs, in the style the open inline containers make (emphasis, strong,
 * links, strikethrough become style bits); a text node's bare links
 * (autolink.c) become links of their own.  An image shows as
 * "[image: ALT]", a link to its source; inside a link it keeps the
 * link's target.  Raw HTML goes to html.c.
 */
#include <stdlib.h>
#include <string.h>

#include "quire/bytes.h"
#include "quire/text.h"
#include "build.h"
#include "build_priv.h"
#include "html.h"

/* The inline style bits now open. */
static uint16_t
cur_style(const struct doc_builder *b)
{
	uint16_t s = 0;
	int i;

	for (i = 0; i < STY_NBITS; i++)
		if (b->counts[i] > 0)
			s |= (uint16_t)(1u << i);
	return s;
}

void
build_style(struct doc_builder *b, uint16_t sty, int delta)
{
	int i;

	for (i = 0; i < STY_NBITS; i++)
		if (sty & (1u << i))
			b->counts[i] += delta;
}

/* Append clean inline text in the current style. */
/* Append LEN bytes of S, cleaned, as a run in STYLE to LINK (none when
 * they clean to nothing). */
static void
text_piece(struct doc_builder *b, const char *s, size_t len, uint16_t style,
    uint32_t link)
{
	size_t start = b->text.len;

	text_clean(&b->text, s, len, 0, NULL);
	if (b->text.len > start)
		build_run(b, start, style, link);
}

/* Append S as runs in STYLE: each invisible format control, which
 * text_clean shows by its code, a run of its own with STY_CTRL, so it
 * is drawn dim. */
static void
text_runs(struct doc_builder *b, const char *s, size_t len, uint16_t style,
    uint32_t link)
{
	size_t i = 0, piece = 0, n;
	uint32_t cp, prev = 0;
	unsigned char c;

	while (i < len) {
		/* ASCII, eight bytes at a time: no format control there */
		while (BYTES_WORDS && len - i >= 8 &&
		    bytes_high(bytes_load(s + i)) == 0)
			i += 8, prev = (unsigned char)s[i - 1];
		if (i == len)
			break;
		c = (unsigned char)s[i];
		if (c < 0x80 || (c >= 0xC2 && c <= 0xD7) || (c >= 0xE3 &&
		    c <= 0xEE)) { /* no format control starts so: skip it */
			i += c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
			prev = c;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (text_is_hidden(cp, prev)) {
			text_piece(b, s + piece, i - piece, style, link);
			text_piece(b, s + i, n, style | STY_CTRL, link);
			piece = i + n;
		}
		prev = cp;
		i += n;
	}
	text_piece(b, s + piece, len - piece, style, link);
}

void
build_text(struct doc_builder *b, const char *s, size_t len, uint16_t extra)
{
	uint16_t style = cur_style(b) | extra;
	uint32_t link = b->link;

	if (b->leaf == DOC_NONE || len == 0)
		return;
	if (b->gap) {
		b->gap = 0;
		if (s[0] != ' ' && s[0] != '\n' && s[0] != '\t')
			build_text(b, " ", 1, 0);
	}
	text_runs(b, s, len, style, link);
}

void
build_run(struct doc_builder *b, size_t start, uint16_t style, uint32_t link)
{
	struct doc *d = b->d;
	struct run *r = d->nruns ? &d->runs[d->nruns - 1] : NULL;

	if (r != NULL && d->nruns > d->blocks[b->leaf].run &&
	    (b->table == DOC_NONE || d->nruns > b->cell_run) &&
	    r->style == style && r->link == link && r->off + r->len == start) {
		r->len += (uint32_t)(b->text.len - start);
		return;
	}
	GROW(d->runs, b->cap_runs, d->nruns, 1);
	r = &d->runs[d->nruns++];
	r->off = (uint32_t)start;
	r->len = (uint32_t)(b->text.len - start);
	r->style = style;
	r->link = link;
}

/* Add the waiting text node, its bare links made links; MORE if more
 * inline content follows it. */
void
build_text_flush(struct doc_builder *b, int more)
{
	struct doc *d = b->d;
	const char *s = b->pend_s;
	size_t n, i, at = 0, start, len = b->pend_n;
	struct link *l;

	if (len == 0)
		return;
	b->pend_n = 0;
	b->pend.len = 0;
	b->actx.more = more;
	n = autolink_find(s, len, &b->actx, &b->al, &b->cap_al);
	for (i = 0; i < n; i++) {
		build_text(b, s + at, b->al[i].start - at, 0);
		GROW(d->links, b->cap_links, d->nlinks, 1);
		l = &d->links[d->nlinks];
		start = b->aux.len;
		buf_puts(&b->aux, b->al[i].prefix);
		text_clean(&b->aux, s + b->al[i].start,
		    b->al[i].end - b->al[i].start, 0, NULL);
		l->off = (uint32_t)start;
		l->len = (uint32_t)(b->aux.len - start);
		b->link = (uint32_t)d->nlinks++;
		build_style(b, STY_LINK, 1);
		build_text(b, s + b->al[i].start,
		    b->al[i].end - b->al[i].start, 0);
		build_style(b, STY_LINK, -1);
		b->link = DOC_NONE;
		at = b->al[i].end;
	}
	build_text(b, s + at, len - at, 0);
}

/* Keep text node LIT (LEN bytes) for build_text_flush(): as it is, or
 * joined to the one before it. */
static void
pend_text(struct doc_builder *b, const char *lit, size_t len)
{
	if (b->pend_n == 0) { /* the node's own bytes, alive through the walk */
		b->pend_s = lit;
		b->pend_n = len;
		return;
	}
	if (b->pend_s != b->pend.data) {
		b->pend.len = 0;
		buf_put(&b->pend, b->pend_s, b->pend_n);
	}
	buf_put(&b->pend, lit, len);
	b->pend_s = b->pend.data;
	b->pend_n = b->pend.len;
}

void
build_break(struct doc_builder *b)
{
	struct doc *d = b->d;

	if (b->leaf == DOC_NONE)
		return;
	b->gap = 0;
	/* in a table cell, a line of the cell; none before its text */
	if (b->table != DOC_NONE && d->nruns == b->cell_run)
		return;
	buf_putc(&b->text, '\n');
	/* Attach the break to the last run, or a run of its own. */
	if (d->nruns > (b->table != DOC_NONE ? b->cell_run :
	    d->blocks[b->leaf].run) &&
	    d->runs[d->nruns - 1].off + d->runs[d->nruns - 1].len ==
	    b->text.len - 1)
		d->runs[d->nruns - 1].len++;
	else {
		GROW(d->runs, b->cap_runs, d->nruns, 1);
		d->runs[d->nruns].off = (uint32_t)b->text.len - 1;
		d->runs[d->nruns].len = 1;
		d->runs[d->nruns].style = 0;
		d->runs[d->nruns].link = DOC_NONE;
		d->nruns++;
	}
}

void
build_cell_trim(struct doc_builder *b)
{
	struct doc *d = b->d;
	struct run *r;

	while (d->nruns > b->cell_run) {
		r = &d->runs[d->nruns - 1];
		while (r->len > 0 && b->text.data[r->off + r->len - 1] == '\n')
			r->len--;
		if (r->len > 0)
			break;
		d->nruns--;
	}
}

/* The last path segment of URL (LEN bytes), without query or fragment:
 * what an image without alt text is called.  Its length in *OUTLEN. */
static const char *
image_name(const char *url, size_t len, size_t *outlen)
{
	size_t i, end = len, start = 0;

	for (i = 0; i < len; i++)
		if (url[i] == '?' || url[i] == '#') {
			end = i;
			break;
		}
	while (end > 0 && url[end - 1] == '/')
		end--;
	for (i = end; i > 0; i--)
		if (url[i - 1] == '/') {
			start = i;
			break;
		}
	if (end <= start) {
		*outlen = 5;
		return "image";
	}
	*outlen = end - start;
	return url + start;
}

/* Open a link to URL unless one is open; return the link open before. */
static uint32_t
image_link(struct doc_builder *b, const char *url, size_t len)
{
	struct doc *d = b->d;
	uint32_t prev = b->link;

	if (b->link_depth > 0)
		return prev;
	GROW(d->links, b->cap_links, d->nlinks, 1);
	d->links[d->nlinks].off = build_aux(b, url, len,
	    &d->links[d->nlinks].len);
	b->link = (uint32_t)d->nlinks++;
	return prev;
}

void
build_image(struct doc_builder *b, const char *src, size_t src_len,
    const char *alt, size_t alt_len)
{
	uint32_t prev = image_link(b, src, src_len);
	size_t i;

	build_text(b, "[image: ", 8, STY_IMAGE);
	for (i = 0; i < alt_len; i++)
		if (alt[i] != ' ' && alt[i] != '\t' && alt[i] != '\n')
			break;
	if (i == alt_len)
		alt = image_name(src, src_len, &alt_len);
	build_text(b, alt, alt_len, STY_IMAGE);
	build_text(b, "]", 1, STY_IMAGE);
	b->link = prev;
}

/* A Markdown image entering or leaving: "[image: " and "]" around its
 * alt text, or its file name when it has none. */
static void
image_event(struct doc_builder *b, cmark_node *node, cmark_event_type ev)
{
	const char *url = cmark_node_get_url(node);
	size_t len = url ? strlen(url) : 0, n;
	const char *name;

	if (ev == CMARK_EVENT_ENTER) {
		if (b->img_depth++ > 0)
			return;
		image_link(b, url ? url : "", len);
		b->link_depth++;
		build_style(b, STY_IMAGE, 1);
		build_text(b, "[image: ", 8, 0);
		b->img_text = b->text.len;
		return;
	}
	if (--b->img_depth > 0)
		return;
	if (b->text.len == b->img_text) {
		name = image_name(url ? url : "", len, &n);
		build_text(b, name, n, 0);
	}
	build_text(b, "]", 1, 0);
	build_style(b, STY_IMAGE, -1);
	if (--b->link_depth == 0)
		b->link = DOC_NONE;
}

/*
 * A footnote reference: "[N]", N its note's number as cmark-gfm gives it
 * (the order of first reference), a link to the note's anchor "fn-N".
 */
static void
note_ref(struct doc_builder *b, cmark_node *node)
{
	struct doc *d = b->d;
	const char *lit = cmark_node_get_literal(node);
	char m[48], t[48], num[16];
	int n, k;

	if (lit == NULL)
		lit = "";
	if (b->note_map != NULL) { /* a part's: the whole's number */
		snprintf(num, sizeof(num), "%u", build_note_number(b->note_map,
		    (unsigned)strtoul(lit, NULL, 10)));
		lit = num;
	}
	k = snprintf(t, sizeof(t), "[%.24s]", lit);
	if (b->link_depth > 0) { /* inside a link: the link wins */
		build_text(b, t, (size_t)k, STY_NOTE);
		return;
	}
	n = snprintf(m, sizeof(m), "#fn-%.24s", lit);
	GROW(d->links, b->cap_links, d->nlinks, 1);
	d->links[d->nlinks].off = build_aux(b, m, (size_t)n,
	    &d->links[d->nlinks].len);
	b->link = (uint32_t)d->nlinks++;
	build_text(b, t, (size_t)k, STY_NOTE | STY_LINK);
	b->link = DOC_NONE;
}

/* The last code point of the text built so far, 0 if none. */
static uint32_t
last_cp(const struct doc_builder *b)
{
	size_t i = b->text.len;
	uint32_t cp = 0;

	while (i > 0 && b->text.len - i < 4 &&
	    ((unsigned char)b->text.data[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		text_decode(b->text.data + i - 1, b->text.len - i + 1, &cp);
	return cp;
}

/* The first code point of the text after inline NODE in its paragraph
 * (into emphasis and links), 0 if there is none. */
static uint32_t
next_cp(cmark_node *node)
{
	cmark_node *n = cmark_node_next(node);
	const char *lit;
	uint32_t cp = 0;
	int t;

	while (n != NULL) {
		t = cmark_node_get_type(n);
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
			lit = cmark_node_get_literal(n);
			if (lit != NULL && *lit != '\0')
				text_decode(lit, strlen(lit), &cp);
			return cp;
		}
		n = cmark_node_first_child(n);
	}
	return 0;
}

/* Whether code point CP is written without spaces between words: wide
 * (Chinese, Japanese, their punctuation and fullwidth forms), not
 * Hangul, which spaces its words. */
static int
unspaced(uint32_t cp)
{
	return text_cp_width(cp) == 2 && !(cp >= 0x1100 && cp <= 0x11FF) &&
	    !(cp >= 0x3130 && cp <= 0x318F) && !(cp >= 0xAC00 && cp <= 0xD7A3);
}

/* Whether a line break in the source between A and B joins them with no
 * space, as between two Chinese or Japanese characters (CSS's segment
 * break rule). */
static int
wide_join(uint32_t a, uint32_t b)
{
	return unspaced(a) && unspaced(b);
}

/* An inline node: text, or a container that changes the style. */
void
build_inline_event(struct doc_builder *b, cmark_node *node,
    cmark_event_type ev)
{
	struct doc *d = b->d;
	cmark_node_type t = cmark_node_get_type(node);
	const char *lit;

	if (t == CMARK_NODE_TEXT) {
		lit = cmark_node_get_literal(node);
		if (b->autolinks && b->link_depth == 0)
			pend_text(b, lit, strlen(lit));
		else
			build_text(b, lit, strlen(lit), 0);
		return;
	}
	build_text_flush(b, 1);
	/* Bare www. links may follow a space or emphasis marks, no more. */
	b->actx.after_ok = t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG ||
	    t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
	    build_ext_kind(b, node) == EXT_STRIKE;
	switch (t) {
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(node);
		build_text(b, lit, strlen(lit), STY_CODE);
		return;
	case CMARK_NODE_HTML_INLINE:
		lit = cmark_node_get_literal(node);
		html_inline(b, lit ? lit : "", lit ? strlen(lit) : 0);
		return;
	case CMARK_NODE_SOFTBREAK:
		if (!wide_join(last_cp(b), next_cp(node)))
			build_text(b, " ", 1, 0);
		return;
	case CMARK_NODE_LINEBREAK:
		build_break(b);
		return;
	case CMARK_NODE_IMAGE:
		image_event(b, node, ev);
		return;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		if (ev == CMARK_EVENT_ENTER)
			note_ref(b, node);
		return;
	case CMARK_NODE_LINK:
		if (ev == CMARK_EVENT_ENTER) {
			if (b->link_depth++ == 0) {
				const char *url = cmark_node_get_url(node);

				GROW(d->links, b->cap_links, d->nlinks, 1);
				d->links[d->nlinks].off = build_aux(b,
				    url ? url : "", url ? strlen(url) : 0,
				    &d->links[d->nlinks].len);
				b->link = (uint32_t)d->nlinks++;
			}
		} else if (--b->link_depth == 0)
			b->link = DOC_NONE;
		build_style(b, STY_LINK, ev == CMARK_EVENT_ENTER ? 1 : -1);
		return;
	case CMARK_NODE_EMPH:
		build_style(b, STY_EMPH, ev == CMARK_EVENT_ENTER ? 1 : -1);
		return;
	case CMARK_NODE_STRONG:
		build_style(b, STY_STRONG, ev == CMARK_EVENT_ENTER ? 1 : -1);
		return;
	case CMARK_NODE_TEXT: /* taken above */
	case CMARK_NODE_CUSTOM_INLINE:
	case CMARK_NODE_NONE:
	case CMARK_NODE_DOCUMENT:
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_ITEM:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_CUSTOM_BLOCK:
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		return; /* not inline, or none quire shows */
	}
	/* an extension's node: its type is a number cmark-gfm gives out
	 * at run time, outside the enum */
	if (build_ext_kind(b, node) == EXT_STRIKE)
		build_style(b, STY_STRIKE, ev == CMARK_EVENT_ENTER ? 1 : -1);
}

