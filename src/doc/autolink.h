/*
 * Private to the loader: bare links in text, as GFM's autolink extension
 * finds them (www.example.com, http://, https:// and ftp:// URLs, email
 * addresses, mailto: and xmpp: addresses), found in the model builder's
 * text rather than by cmark-gfm's extension, which costs more than the
 * rest of the parse.
 */
#ifndef QUIRE_DOC_AUTOLINK_H
#define QUIRE_DOC_AUTOLINK_H

#include <stddef.h>

#define AUTOLINK_MAX (256u * 1024) /* bare links in a document; past them
                                     text stays text (each costs the
                                     model a link and its runs) */

struct autolink {
	size_t start, end;      /* the link's text, in the text searched */
	const char *prefix;     /* put before the text to make the target */
};

/* What the parser knew at the start of one text node. */
struct autolink_ctx {
	int brackets;   /* '[' still open in the inline text before it */
	int after_ok;   /* it follows the start of the inline text, a space,
	                   a line end, or emphasis or strikethrough marks */
	int more;       /* more inline content follows it */
	size_t found;   /* links found in the document so far */
};

/*
 * Find the autolinks of text node S (LEN bytes), in order: store them in
 * *OUT (grown as need be, *CAP entries) and return how many, no more
 * than AUTOLINK_MAX in all the texts CTX has seen.  CTX's brackets are
 * updated past the text.
 */
size_t autolink_find(const char *s, size_t len, struct autolink_ctx *ctx,
    struct autolink **out, size_t *cap);

#endif
