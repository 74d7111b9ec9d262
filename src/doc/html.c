/*
 * Raw HTML to the parser: one libxml2 HTML push parser per document reads
 * every HTML fragment cmark-gfm cut (blocks, inline tags) in document
 * order, so its stack of open elements spans Markdown between them; its
 * SAX events go to html_elem.c.
 *
 * Before a fragment reaches the parser it is cleaned (valid UTF-8, no
 * controls) and scanned once: the '<' of a tag that names no HTML
 * element (<country_code>) is escaped, so it reads as text; comments,
 * declarations and hidden elements (script, style, template, svg, math)
 * are dropped, and so is the rest of a fragment from a comment or
 * hidden element that does not end in it, so that the parser never
 * waits for the rest of the document.  The parser holds back text at
 * the end of a chunk, so an empty comment follows each fragment.
 *
 * Hostile input: libxml2 searches its element stack on each end tag, so
 * fragments are fed HTML_PIECE tags at a time and the parser starts
 * afresh when its stack passes HTML_MAX_DEPTH elements (or it stops):
 * every tag then costs a bounded amount of work.  And a document may
 * have HTML_BUDGET bytes of HTML parsed (libxml2 takes some 70 ns a byte,
 * and keeps a node per tag): past it, an HTML block shows as code and an
 * inline tag as text, as written.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quire/exit.h"
#include "quire/text.h"
#include "html.h"
#include "html_lib.h"
#include "html_priv.h"

#define SENTINEL "<!---->"

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
	html_start(ctx, (const char *)name, (const char **)attrs);
}

static void
on_end(void *ctx, const xmlChar *name)
{
	html_end(ctx, (const char *)name);
}

static void
on_chars(void *ctx, const xmlChar *s, int len)
{
	if (len > 0)
		html_chars(ctx, (const char *)s, (size_t)len);
}

/* Script and style text, comments: hidden. */
static void
on_cdata(void *ctx, const xmlChar *s, int len)
{
	(void)ctx, (void)s, (void)len;
}

/* Start a parser with an empty stack. */
static void
parser_open(struct html *h)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr c;

	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_chars;
	sax.ignorableWhitespace = on_chars;
	sax.cdataBlock = on_cdata;
	c = h->lib->create_push(&sax, h, NULL, 0, NULL,
	    XML_CHAR_ENCODING_UTF8);
	if (c == NULL)
		fatal(EXIT_NOMEM, "out of memory starting the HTML parser");
	h->lib->use_options(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	h->ctxt = c;
}

/* Close every element and start a new parser. */
static void
parser_restart(struct html *h)
{
	while (h->depth > 0)
		html_undo(h, &h->stack[--h->depth]);
	h->over = 0;
	h->low = 0;
	h->hidden = 0;
	h->lib->free_ctxt(h->ctxt);
	parser_open(h);
}

/* The renderer of B, made on first use. */
static struct html *
html_get(struct doc_builder *b)
{
	struct html *h = b->html;

	if (h != NULL)
		return h;
	h = xcalloc(1, sizeof(*h));
	h->b = b;
	h->t.table = DOC_NONE;
	b->html = h;
	return h;
}

/* Start H's parser, opening libxml2 if no document has yet (comments
 * alone never need it): 1, or 0 when it cannot be opened, and then all
 * of the document's HTML shows as written, as past its budget. */
static int
parser_start(struct html *h)
{
	if (h->ctxt != NULL)
		return 1;
	if (h->spent < HTML_BUDGET && (h->lib = html_lib()) != NULL) {
		parser_open(h);
		return 1;
	}
	h->spent = HTML_BUDGET;
	return 0;
}

/* Whether the clean HTML of a block, S (N bytes), holds more than
 * blanks, comments and declarations: something for the parser. */
static int
has_markup(const char *s, size_t n)
{
	const char *p, *end = s + n;

	while (s < end) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		    *s == '\f') {
			s++;
			continue;
		}
		if (end - s < 2 || s[0] != '<' || (s[1] != '!' && s[1] != '?'))
			return 1;
		if (end - s >= 4 && memcmp(s, "<!--", 4) == 0) {
			/* As markup_len: to the first "-->" past "<!--". */
			for (p = s + 4; (p = memchr(p, '>', (size_t)(end - p))) &&
			    !(p - s >= 6 && p[-1] == '-' && p[-2] == '-'); p++)
				;
			if (p == NULL)
				return 0; /* unclosed: dropped to the end */
			s = p + 1;
			continue;
		}
		if ((p = memchr(s, '>', (size_t)(end - s))) == NULL)
			return 0;
		s = p + 1;
	}
	return 0;
}

/* Give the parser LEN bytes at S; start afresh if it went too deep or
 * stopped. */
static void
feed(struct html *h, const char *s, size_t len)
{
	htmlParserCtxtPtr c = h->ctxt;

	if (len == 0 || c == NULL) /* no parser: nothing for one yet */
		return;
	h->lib->parse_chunk(c, s, (int)len, 0);
	if (c->nameNr > HTML_MAX_DEPTH || c->disableSAX ||
	    c->instate == XML_PARSER_EOF)
		parser_restart(h);
}

int
html_known(const char *name, size_t len)
{
	const struct html_lib *lib;
	char low[16];
	size_t i;

	if (len == 0 || len >= sizeof(low))
		return 0;
	for (i = 0; i < len; i++)
		low[i] = (char)((name[i] >= 'A' && name[i] <= 'Z') ?
		    name[i] + 32 : name[i]);
	low[len] = '\0';
	lib = html_lib();
	return (lib != NULL && lib->tag_lookup((const xmlChar *)low) != NULL) ||
	    html_listed(low);
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Length of a tag name at S (N bytes). */
static size_t
name_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (is_alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') ||
	    s[i] == '-' || s[i] == '_' || s[i] == ':'))
		i++;
	return i;
}

/* The end of the tag whose attributes start at S[I] (quoted values may
 * hold '>'): the index just past its '>', or 0 if it is not closed. */
static size_t
tag_end(const char *s, size_t n, size_t i)
{
	const char *q;

	while (i < n) {
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '=') {
			for (i++; i < n && is_blank(s[i]); i++)
				;
			if (i < n && (s[i] == '"' || s[i] == '\'')) {
				q = memchr(s + i + 1, s[i], n - i - 1);
				if (q == NULL)
					return 0;
				i = (size_t)(q - s) + 1;
			}
			continue;
		}
		i++;
	}
	return 0;
}

/* Where "</NAME" (any case) next occurs in S from I, or N. */
static size_t
find_close(const char *s, size_t n, size_t i, const char *name, size_t nl)
{
	const char *p;

	while (i + 2 + nl <= n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 2 + nl <= n && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, nl) == 0 &&
		    (i + 2 + nl == n || !is_alpha(s[i + 2 + nl])))
			return i;
		i++;
	}
	return n;
}

/* Whether element NAME (LEN bytes, any case) is hidden with all it
 * holds, and so dropped before parsing: script and style (whose text
 * the parser would wait for), template, svg, math. */
static int
dropped(const char *name, size_t len)
{
	static const char *names[] = { "script", "style", "template", "svg",
		"math" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == len &&
		    strncasecmp(name, names[i], len) == 0)
			return 1;
	return 0;
}

/* The part of S from I a scan skips for markup at '<': its length, 0
 * to escape the '<', or (size_t)-1 to drop the rest.  Comments,
 * declarations and dropped elements are skipped; tags are copied. */
static size_t
markup_len(const char *s, size_t n, size_t i)
{
	const char *p;
	size_t nl, end, close;

	if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
		for (p = s + i + 4; (p = memchr(p, '>', n - (size_t)(p - s)));
		    p++)
			if (p - s >= (ptrdiff_t)i + 6 && p[-1] == '-' && p[-2] == '-')
				return (size_t)(p - s) + 1 - i;
		return (size_t)-1;
	}
	if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
		p = memchr(s + i, '>', n - i); /* dropped: declarations */
		return p ? (size_t)(p - s) + 1 - i : (size_t)-1;
	}
	end = i + 1 + (i + 1 < n && s[i + 1] == '/');
	nl = name_len(s + end, n - end);
	if (nl == 0 || !is_alpha(s[end]) || !html_known(s + end, nl))
		return 0;
	if ((end = tag_end(s, n, end + nl)) == 0)
		return 0;
	if (s[i + 1] != '/' && dropped(s + i + 1, nl)) {
		close = find_close(s, n, end, s + i + 1, nl);
		if (close == n)
			return (size_t)-1;
		if ((p = memchr(s + close, '>', n - close)) == NULL)
			return (size_t)-1;
		return (size_t)(p - s) + 1 - i;
	}
	return end - i;
}

/* Whether libxml2 takes CP for a character (XML's Char). */
static int
xml_char(unsigned long cp)
{
	return cp == 0x9 || cp == 0xA || cp == 0xD ||
	    (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
	    (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* Append S (N bytes) to F with each numeric character reference libxml2
 * would read as NUL made safe: it ends an attribute's value there (an
 * alt "a&#7;b" was "a") and drops itself from text.  A reference to no
 * character becomes U+FFFD, as HTML's own rules say; "&#" without
 * digits is text. */
static void
put_refs(struct buf *f, const char *s, size_t n)
{
	const char *p;
	size_t i = 0, k, digits;
	unsigned long cp;
	int hex;

	while ((p = memchr(s + i, '&', n - i)) != NULL) {
		k = (size_t)(p - s);
		buf_put(f, s + i, k - i);
		i = k + 1;
		if (i >= n || s[i] != '#') {
			buf_putc(f, '&');
			continue;
		}
		hex = i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X');
		cp = 0;
		for (k = i + 1 + hex, digits = 0; k < n; k++, digits++) {
			int v = s[k] >= '0' && s[k] <= '9' ? s[k] - '0' :
			    hex && s[k] >= 'a' && s[k] <= 'f' ? s[k] - 'a' + 10 :
			    hex && s[k] >= 'A' && s[k] <= 'F' ? s[k] - 'A' + 10 :
			    -1;

			if (v < 0)
				break;
			if (cp <= 0x10FFFF)
				cp = cp * (hex ? 16 : 10) + (unsigned long)v;
		}
		if (digits == 0)
			buf_puts(f, "&amp;");
		else if (!xml_char(cp)) {
			buf_puts(f, "&#xFFFD;");
			i = k + (k < n && s[k] == ';');
		} else
			buf_putc(f, '&');
	}
	buf_put(f, s + i, n - i);
}

/* Feed the clean HTML of a block, S (N bytes), piece by piece. */
static void
feed_block(struct html *h, const char *s, size_t n)
{
	struct buf *f = &h->feed;
	size_t i = 0, k;
	const char *p;
	int tags = 0;

	f->len = 0;
	while (i < n) {
		if (s[i] != '<') {
			p = memchr(s + i, '<', n - i);
			k = p ? (size_t)(p - s) : n;
			put_refs(f, s + i, k - i);
			i = k;
			continue;
		}
		k = markup_len(s, n, i);
		if (k == (size_t)-1)
			break;
		if (k == 0) {
			buf_puts(f, "&lt;");
			i++;
			continue;
		}
		if (s[i + 1] == '/' || (s[i + 1] != '!' && s[i + 1] != '?' &&
		    !dropped(s + i + 1, name_len(s + i + 1, n - i - 1))))
			put_refs(f, s + i, k);
		i += k;
		if (++tags >= HTML_PIECE) {
			feed(h, f->data, f->len);
			f->len = 0;
			tags = 0;
		}
	}
	buf_puts(f, SENTINEL);
	feed(h, f->data, f->len);
}

/* Whether LEN more bytes of HTML pass H's budget; if not, spend them.
 * Once past it, all the rest of the document is. */
static int
over_budget(struct html *h, size_t len)
{
	if (len > HTML_BUDGET - h->spent) {
		h->spent = HTML_BUDGET;
		return 1;
	}
	h->spent += len;
	return 0;
}

int
html_block(struct doc_builder *b, const char *s, size_t len)
{
	struct html *h = html_get(b);
	int col = 0;

	if (over_budget(h, len)) {
		html_settle(b, HTML_END);
		return 0;
	}
	h->clean.len = 0;
	text_clean(&h->clean, s, len, TEXT_NEWLINES | TEXT_TABS, &col);
	if (h->ctxt == NULL && has_markup(h->clean.data, h->clean.len) &&
	    !parser_start(h)) {
		html_settle(b, HTML_END);
		return 0;
	}
	h->inline_mode = 0;
	if (h->clean.len > 0)
		feed_block(h, h->clean.data, h->clean.len);
	html_settle(b, HTML_KEEP);
	return 1;
}

void
html_inline(struct doc_builder *b, const char *s, size_t len)
{
	struct html *h = html_get(b);
	struct buf *f = &h->feed;
	size_t k, nl;

	if (len < 2 || s[0] != '<' || s[1] == '!' || s[1] == '?')
		return; /* comments, declarations: hidden */
	k = 1 + (s[1] == '/');
	nl = name_len(s + k, len - k);
	if (nl == 0 || !html_known(s + k, nl) || !parser_start(h) ||
	    over_budget(h, len)) {
		build_text(b, s, len, 0); /* no HTML element, or too much */
		return;
	}
	if (dropped(s + k, nl))
		return;
	h->clean.len = 0;
	text_clean(&h->clean, s, len, 0, NULL);
	f->len = 0;
	put_refs(f, h->clean.data, h->clean.len);
	buf_puts(f, SENTINEL);
	h->inline_mode = 1;
	feed(h, f->data, f->len);
	h->inline_mode = 0;
}

void
html_finish(struct doc_builder *b)
{
	struct html *h = b->html;

	if (h == NULL)
		return;
	html_settle(b, HTML_END);
	while (h->depth > 0)
		html_undo(h, &h->stack[--h->depth]);
	html_end_leaf(h);
	if (h->ctxt != NULL)
		h->lib->free_ctxt(h->ctxt);
	html_table_free(h);
	buf_free(&h->feed);
	buf_free(&h->tmp);
	buf_free(&h->clean);
	free(h);
	b->html = NULL;
}
