/*
 * Raw HTML in Markdown, rendered: the model builder hands each HTML block
 * and each inline HTML node to this module in document order, and one
 * HTML parser (libxml2's push parser, driven by SAX events) reads them as
 * one stream, so an element opened in one fragment and closed in a later
 * one (<div align="center"> ... Markdown ... </div>) acts on what lies
 * between.  Elements become what Markdown would make: styles, links,
 * images, anchors, paragraphs, headings, lists, quotes, rules, code and
 * tables.  Private to the model builder.
 */
#ifndef QUIRE_DOC_HTML_H
#define QUIRE_DOC_HTML_H

#include <stddef.h>

struct doc_builder;

#define HTML_BUDGET (16u << 20) /* bytes of HTML a document may have
                                   parsed; the rest shows as written */

/* Render the raw HTML of an HTML block (LEN bytes at S): return 1, or 0
 * when it would pass the document's HTML_BUDGET (it is then the
 * caller's to show as written). */
int html_block(struct doc_builder *b, const char *s, size_t len);

/* Render an inline HTML node (one tag or comment) in the open block;
 * past the budget, its text as written. */
void html_inline(struct doc_builder *b, const char *s, size_t len);

/* What a Markdown block event does to an open HTML table. */
enum html_settle {
	HTML_KEEP,  /* nothing: an HTML block, or a block ending */
	HTML_PARA,  /* a paragraph begins: its text goes into a cell */
	HTML_END,   /* another block begins: the table ends before it */
};

/*
 * A Markdown block event: end what HTML left open that cannot go on
 * across it (an HTML paragraph, inline styles and links), and what
 * MODE says of a table.
 */
void html_settle(struct doc_builder *b, enum html_settle mode);

/* The document is done: close everything and free the parser. */
void html_finish(struct doc_builder *b);

#endif
