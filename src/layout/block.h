/*
 * Private to the block layout (layout.c, and code.c and meta.c, the
 * blocks laid out apart): a block's prefix and the state kept from one
 * block to the next.
 */
#ifndef QUIRE_LAYOUT_BLOCK_H
#define QUIRE_LAYOUT_BLOCK_H

#include "lay.h"

#define MAX_TRACKED_DEPTH 64 /* list depths whose content column is kept */

/* The prefix every line of a block starts with. */
struct prefix {
	uint32_t quote;       /* quote bars */
	uint32_t outer;       /* ...of which drawn before the list indent */
	int qcols;            /* columns of quote bars */
	int qat;              /* list indent before the inner bars */
	int indent;           /* text column after quote and list indent */
	int marker_col;       /* ITEM: where the marker goes */
	uint32_t mark_off, mark_len;  /* ITEM: marker text in gen */
};

struct blockctx {
	struct lay *l;
	struct wrapped w;
	int width;
	int cc[MAX_TRACKED_DEPTH];   /* content column of items per depth */
	int numw[MAX_TRACKED_DEPTH]; /* the widest number marker of the
	                                items per depth, to the right of
	                                which the others are aligned */
	uint32_t numend[MAX_TRACKED_DEPTH]; /* the block after them */
	struct prefix last;          /* the last block's prefix */
	int meta_col;                /* front matter: where values start */
};

/* Work out block B's prefix: quote bars, list indent, marker. */
void blk_block_prefix(struct blockctx *c, const struct block *b,
    struct prefix *p);

/* Start a line of block B with its prefix (the marker on the first line
 * only); return the text column. */
int blk_start_line(struct blockctx *c, const struct block *b,
    const struct prefix *p, uint16_t flags, uint32_t off);

/* Copy wrapped line J of C->w to the current line, shifted by COL. */
void blk_put_wrapped(struct blockctx *c, size_t j, int col);

/* A code block (code.c). */
void blk_code(struct blockctx *c, const struct block *b);

/* Front matter: the column its values start at, from block I on, and
 * one entry (meta.c). */
int blk_meta_column(struct blockctx *c, uint32_t i);
void blk_meta(struct blockctx *c, const struct block *b);

#endif
