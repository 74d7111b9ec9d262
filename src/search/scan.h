/*
 * Private to the search: where in a document's text a query may start,
 * found fast in the text itself rather than in its layout.
 */
#ifndef QUIRE_SEARCH_SCAN_H
#define QUIRE_SEARCH_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "quire/doc.h"

/*
 * The offsets in DOC's text where NEEDLE (NLEN bytes, folded as the
 * search folds: lower case unless SENSITIVE) may start, in order, in
 * *OUT (*N of them; the caller frees *OUT).  Every place it starts in
 * the layout's folded text is among them.  Return 0, or -1 when NEEDLE
 * cannot be looked for this way (it is not plain ASCII without blanks).
 */
int scan_text(const struct doc *doc, const char *needle, size_t nlen,
    int sensitive, uint32_t **out, size_t *n);

#endif
