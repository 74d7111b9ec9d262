/*
 * Private to the model builder (build.c, the walk and the blocks;
 * inline.c, the inline nodes; meta.c and html*.c, which add to it):
 * what the walk keeps, struct doc_builder, and the build_*() functions
 * that append to the model.  (The layout's line builder is another
 * thing: src/layout/lines.c.)
 */
#ifndef QUIRE_DOC_BUILD_PRIV_H
#define QUIRE_DOC_BUILD_PRIV_H

#include <cmark-gfm.h>

#include "quire/doc.h"
#include "quire/util.h"
#include "autolink.h"

struct html;

/* What is open of one list. */
struct list_ctx {
	int tight, ordered, next;
	char delim;
	char type;            /* an ordered list's numbers: '1', or as HTML's
	                         <ol type>: 'a', 'A' letters, 'i', 'I' roman */
	uint32_t quote_at;    /* quote depth when it opened */
};

/* Node types registered by extensions, resolved on first sight. */
enum ext { EXT_NONE, EXT_TABLE, EXT_ROW, EXT_CELL, EXT_STRIKE, EXT__MAX };

/* The document model being built, and what is open at this point of
 * the walk. */
struct doc_builder {
	struct doc *d;
	struct buf text, aux;
	size_t cap_blocks, cap_runs, cap_links, cap_sections, cap_tables,
	    cap_cells, cap_aligns, cap_anchors;
	uint32_t quote;
	uint32_t qlist;       /* list depth the innermost quote opened in */
	uint32_t quote_low;   /* least quote depth since the last block began */
	struct list_ctx *lists;
	size_t nlists, cap_lists;
	size_t list_low;      /* least list depth since the last block began */
	int counts[STY_NBITS]; /* nesting counts per inline style bit */
	uint32_t link;        /* open link, or DOC_NONE */
	uint32_t link_depth;
	uint32_t marker, marker_len; /* pending list marker in aux */
	uint8_t marker_flags;
	int has_marker;
	unsigned notes;       /* footnote definitions so far */
	const struct note_map *note_map; /* a part's notes' numbers in the
	                         whole, or NULL */
	uint32_t leaf;        /* open leaf block, or DOC_NONE */
	int gap;              /* a blank owed before the next text, unless
	                         it begins with one (html_elem.c) */
	uint32_t table;       /* open table, or DOC_NONE */
	uint32_t row_cells;   /* cells in the open row */
	uint32_t cell_run;    /* first run of the open cell */
	uint32_t open[BLOCK_LEVELS + 1]; /* open section per heading level,
	                         or DOC_NONE */
	cmark_node_type ext_type[EXT__MAX]; /* resolved by build_ext_kind() */
	/* bare links: the text node waiting to be searched for them */
	int autolinks;
	const char *pend_s;   /* its bytes: a text node's own, or pend's */
	size_t pend_n;
	struct buf pend;      /* text nodes in a row, joined */
	struct autolink_ctx actx;
	struct autolink *al;
	size_t cap_al;
	struct html *html;    /* raw HTML's parser and open elements, or NULL */
	uint32_t center;      /* open centring HTML elements */
	uint32_t img_depth;   /* open Markdown images */
	size_t img_text;      /* where the outer image's alt text began */
};

/* Start a leaf block of KIND (a pending list marker goes first); return
 * its index.  The caller sets b->leaf when inline text will follow. */
uint32_t build_block_begin(struct doc_builder *b, enum block_kind kind);

/* Close the open leaf block: its runs are those added since it began. */
void build_block_end(struct doc_builder *b);

/* Close the innermost open list (a Markdown list, an HTML one, a
 * footnote's). */
void build_list_close(struct doc_builder *b);

/* Open a heading's section, closing those at its level or deeper. */
void build_section_open(struct doc_builder *b, uint32_t block, int level);

/* A hard line break in the open block (in a table cell, a line of the
 * cell; none before its text). */
void build_break(struct doc_builder *b);

/* Drop the line breaks that end the open table cell (its runs from
 * cell_run). */
void build_cell_trim(struct doc_builder *b);

/* An image: "[image: ALT]" (the file name of SRC when ALT is empty), a
 * link to SRC unless a link is open already. */
void build_image(struct doc_builder *b, const char *src, size_t src_len,
    const char *alt, size_t alt_len);

/* A table, row or cell node (KIND) entered or left (build_table.c). */
void build_table_event(struct doc_builder *b, cmark_node *node,
    enum ext kind, int enter);

/* The kind of an extension node (table, row, cell, strikethrough). */
enum ext build_ext_kind(struct doc_builder *b, cmark_node *node);

/* Store a clean string in aux; return its offset, its length in *OUTLEN. */
uint32_t build_aux(struct doc_builder *b, const char *s, size_t len,
    uint32_t *outlen);

/* Open (DELTA 1) or close (-1) the inline styles STY. */
void build_style(struct doc_builder *b, uint16_t sty, int delta);

/* An anchor called NAME (LEN bytes) here: in the open block, or at
 * the start of the next one. */
void build_anchor(struct doc_builder *b, const char *name, size_t len);

/* The text from START to the end of b->text as a run of STYLE and LINK
 * in the open block: the last run grows when it can. */
void build_run(struct doc_builder *b, size_t start, uint16_t style,
    uint32_t link);

/* A list item's marker ("-", "3.") for the block that begins next. */
void build_item_marker(struct doc_builder *b);

/* Append clean inline text in the current style, with EXTRA style bits. */
void build_text(struct doc_builder *b, const char *s, size_t len,
    uint16_t extra);

/* Add the text node waiting for its bare links; MORE if more inline
 * content follows it. */
void build_text_flush(struct doc_builder *b, int more);

/* An inline node entering or leaving. */
void build_inline_event(struct doc_builder *b, cmark_node *node,
    cmark_event_type ev);

#endif
