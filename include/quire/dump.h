/*
 * Output without a screen: the laid-out document and the section index
 * as plain UTF-8 text, for --dump, --toc and pipes.
 */
#ifndef QUIRE_DUMP_H
#define QUIRE_DUMP_H

#include <stdio.h>

#include "quire/doc.h"
#include "quire/layout.h"

/* Write every line of LAY to OUT, trailing blanks trimmed. */
int dump_layout(const struct layout *lay, FILE *out);

/* Write the numbered section index of DOC to OUT, indented by depth. */
int dump_toc(const struct doc *doc, FILE *out);

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
    FILE *out);

#endif
