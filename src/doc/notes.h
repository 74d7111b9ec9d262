/*
 * Private to the footnotes scan (notes_scan.c): the link reference
 * definitions it keeps on the way (notes_links.c).
 */
#ifndef QUIRE_DOC_NOTES_H
#define QUIRE_DOC_NOTES_H

#include "quire/doc.h"
#include "quire/util.h"

#define NOTES_LABEL_MAX 999 /* cmark's longest link label */

/* A scan of a file's footnotes under way (doc_notes_scan's, or
 * doc_prefix_cuts' in the same pass as its own). */
struct notes_scan;

/* Start scanning MD (LEN bytes, the Markdown from byte FROM on, after
 * front matter); NULL if it has no footnote (no "[^"). */
struct notes_scan *notes_scan_new(const char *md, size_t len, size_t from);

/* What a line is, as the caller's scan knows it. */
enum notes_line {
	NOTES_TEXT,     /* any other line */
	NOTES_CODE,     /* in a fenced code or an HTML block of kinds 1-5,
	                   or opening one (prefix_track_line) */
	NOTES_BLANK     /* blank (prefix_blank) */
};

/* Take the line from LS to NL (its '\n', or the end), of KIND, into
 * S. */
void notes_scan_line(struct notes_scan *s, const char *ls, const char *nl,
    enum notes_line kind);

/* The notes S found (doc_notes_scan), NULL if none; S is freed. */
struct doc_notes *notes_scan_end(struct notes_scan *s);

/* Line shapes (notes_line.c); P is a line's text, N bytes. */

/* Whether the line at P (up to END) is blank. */
int notes_blank_line(const char *p, const char *end);

/* Columns of the blanks that open the line at P, their bytes in
 * *BYTES. */
size_t notes_indent_of(const char *p, size_t n, size_t *bytes);

/* Whether the text at P opens an HTML block: 1 for one that a blank
 * line ends (kind 6, or kind 7 unless PARA: it cannot interrupt a
 * paragraph), 2 for kinds 1-5, which end at their own mark; 0 if none. */
int notes_html_block(const char *p, size_t n, int para);

/* Whether the text at P opens a footnote definition, "[^label]:"; *LEN
 * is the label's length. */
int notes_def_at(const char *p, size_t n, size_t *len);

/* The end (an offset in MD, LEN bytes) of the top-level footnote
 * definition whose first line ends at NL. */
size_t notes_def_end(const char *md, size_t len, const char *nl);

/* Keep the definition the line at P ('[', up to NL, of the file MD)
 * makes, if it looks like one ("[label]: dest"), in *L (made if NULL);
 * return whether it does. */
int notes_link_line(struct doc_note_links **l, const char *md,
    const char *p, const char *nl);

/* Sort the definitions kept, the first of each label kept alone. */
void notes_links_finish(struct doc_note_links *l);

/* Append to OUT the link reference definitions (each on a line of its
 * own, after a blank one) of the labels the LEN bytes at TEXT use, of
 * those NOTES' file has outside its bytes FROM to TO. */
void doc_notes_links(const struct doc_notes *notes, const char *text,
    size_t len, size_t from, size_t to, struct buf *out);

/* Free L; NULL does nothing. */
void notes_links_free(struct doc_note_links *l);

#endif
