/*
 * Private to the first part (prefix.c, the cut and the part's load;
 * prefix_defs.c, the reference definitions carried into the part): the
 * line scan both share.
 */
#ifndef QUIRE_DOC_PREFIX_H
#define QUIRE_DOC_PREFIX_H

#include <stddef.h>

#include "quire/util.h"

enum html_kind { HTML_NONE, HTML_RAW, HTML_COMMENT, HTML_PI, HTML_DECL,
	HTML_CDATA };

/* What the scan knows of the lines so far: a fence or an HTML block of
 * kinds 1-5 open at the top level. */
struct track {
	char fence;
	size_t fence_len;
	enum html_kind html;
};

/* Whether LINE (LEN bytes) holds nothing but blanks. */
int prefix_blank(const char *line, size_t len);

/*
 * Take LINE (LEN bytes) into T: return 1 if it is outside any fence or
 * HTML block (it may start one), 0 if it is inside one (it may end it).
 */
int prefix_track_line(struct track *t, const char *line, size_t len);

/* Past the block-quote and list-item markers that open the line at P
 * (N bytes): where its text starts; *IN is set if there were any
 * (prefix_defs.c; the notes scan reads lines alike). */
size_t prefix_text_start(const char *p, size_t n, int *in);

/*
 * Append to B the link reference definitions of REST (LEN bytes), each
 * on a line of its own after a blank one: lines that look like one and
 * that cmark-gfm, given them alone, takes for one.  Lines in fenced
 * code, in HTML blocks and in indented code do not count.  Set *DIFFER
 * if some line may be a definition that cannot be read alone (in a
 * block quote or list item, run on from the line before or into the
 * line after, or one too many) and PART (PLEN bytes) may use its label:
 * the part's links may then read otherwise than the whole's.
 */
void prefix_definitions(struct buf *b, const char *part, size_t plen,
    const char *rest, size_t len, int *differ);

#endif
