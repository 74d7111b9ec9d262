/*
 * Private to the loader: the guard, a linear pass over a document's bytes
 * that bounds the work cmark-gfm 0.29.0.gfm.6 (Debian 12) does on hostile
 * input, and the repair that undoes its changes inside code and HTML
 * blocks once the tree is built.  The limits are in CONVENTIONS.md.
 */
#ifndef QUIRE_DOC_GUARD_H
#define QUIRE_DOC_GUARD_H

#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "quire/util.h"

#define GUARD_MAX_COLUMNS 128 /* table columns, as md4c */
#define GUARD_MAX_BLANKS 4   /* consecutive blank lines kept */
#define GUARD_MAX_DELIMS 4   /* delimiter-row look-alikes in a paragraph */
#define GUARD_MAX_IMAGES 32  /* image openers "![" not closed on their line */
#define GUARD_MAX_HTML 8     /* "<?", "<!X", "<![CDATA[" unclosed on the line */
#define GUARD_MAX_ATS 32     /* '@' in a row on a line (email autolinks) */
#define GUARD_LINK_COST 16   /* emphasis-stack steps allowed per byte... */
#define GUARD_LINK_SLACK 65536 /* ...plus these, per paragraph */

enum guard_edit_kind {
	GUARD_ESCAPE, /* a backslash was inserted */
	GUARD_BLANKS, /* blank lines were dropped after a line */
};

/* One change, located as cmark will see it. */
struct guard_edit {
	uint32_t line;  /* line of the guarded text, from 1 as cmark counts */
	uint32_t n;     /* ESCAPE: bytes after the backslash to the line end
	                   (a NUL counts 3, as cmark makes it U+FFFD);
	                   BLANKS: how many blank lines were dropped */
	uint8_t kind;   /* enum guard_edit_kind */
};

struct guard {
	struct buf out;            /* the guarded text; data NULL if unchanged */
	struct guard_edit *edits;  /* in line order */
	size_t nedits, cap_edits;
};

/*
 * Scan LEN bytes at MD.  Return 1 with G holding the guarded text and the
 * edits when something had to change, else 0 (G stays empty).  Free G
 * with guard_free() either way.
 */
int guard_input(const char *md, size_t len, struct guard *g);

/* Undo G's edits in the literal text of ROOT's code and HTML blocks. */
void guard_repair(cmark_node *root, const struct guard *g);

/* Free what G holds; an empty guard is fine. */
void guard_free(struct guard *g);

#endif
