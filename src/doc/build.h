/*
 * Private to the loader: turn a cmark-gfm tree into a document model.
 */
#ifndef QUIRE_DOC_BUILD_H
#define QUIRE_DOC_BUILD_H

#include <cmark-gfm.h>

#include "quire/doc.h"

/* Build a model from ROOT in one pass, without recursion; with
 * AUTOLINKS, bare URLs and email addresses in text become links. */
struct doc *build_doc(cmark_node *root, int autolinks);

/* Compute section numbers and find FAQ entries (doc.c). */
void doc_finish(struct doc *doc);

#endif
