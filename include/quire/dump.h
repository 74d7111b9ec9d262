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

/* Write table TABLE (0-based) as the table view lays it out at WIDTH. */
int dump_table(const struct doc *doc, uint32_t table, int width, int flags,
    FILE *out);

#endif
