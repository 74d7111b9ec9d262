/*
 * Output without a screen: the laid-out document and the section index
 * as plain UTF-8 text, for --dump, --toc and pipes; with --color, the
 * same text with the pager's styles as SGR sequences, and nothing else.
 */
#ifndef QUIRE_DUMP_H
#define QUIRE_DUMP_H

#include <stdio.h>

#include "quire/doc.h"
#include "quire/highlight.h"
#include "quire/layout.h"
#include "quire/style.h"

/* How to style what is printed (--color); a NULL one prints plain text. */
struct dump_style {
	enum theme theme;
	enum style_colors colors;   /* STYLE_NOCOLOR: attributes only */
	/* The tokens of code block BLOCK with those from text offset FROM to
	 * UPTO, in document offsets (hlcache_tokens(ARG, ...)); NULL: code
	 * is not highlighted. */
	const struct hl_token *(*tokens)(void *arg, uint32_t block,
	    uint32_t from, uint32_t upto, size_t *n);
	void *arg;
};

/* Write every line of LAY to OUT, trailing blanks trimmed. */
int dump_layout(const struct layout *lay, FILE *out);

/*
 * The same, styled as ST says (NULL: plain): each run of text of one
 * look after the SGR sequence that sets it ("\033[0;...m"), "\033[0m"
 * before blanks and at a line's end.  Take the sequences out and the
 * text is dump_layout's, byte for byte.
 */
int dump_layout_styled(const struct layout *lay, const struct dump_style *st,
    FILE *out);

/* Write the numbered section index of DOC to OUT, indented by depth;
 * with ST, the numbers styled as the pager's. */
int dump_toc(const struct doc *doc, const struct dump_style *st, FILE *out);

/* List the tables of DOC: number, size, and the section each is in. */
int dump_table_list(const struct doc *doc, FILE *out);

/* --format: how --table writes a table's cells. */
enum table_format { TABLE_TEXT, TABLE_CSV, TABLE_TSV, TABLE_JSON,
	TABLE_MARKDOWN };

/* Write the cells of table TABLE (0-based) of DOC to OUT in format F
 * (not TABLE_TEXT): CSV by RFC 4180 (CRLF line ends), TSV, JSON (an
 * array of objects keyed by the header cells; an empty header is
 * "column N", a repeated one "NAME (2)"), or a Markdown pipe table. */
int dump_table_data(const struct doc *doc, uint32_t table,
    enum table_format f, FILE *out);

/* Write table TABLE (0-based) as the table view lays it out at WIDTH. */
int dump_table(const struct doc *doc, uint32_t table, int width, int flags,
    const struct dump_style *st, FILE *out);

#endif
