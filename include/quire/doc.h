/*
 * The document model: what quire knows of a Markdown file once it is
 * loaded.  Plain data, no parser types: views read the arrays directly.
 *
 * All displayed inline text is stored once, in doc->text, in reading
 * order, so the text of any block (and of a whole section) is one
 * contiguous range of it.  Other strings (link targets, list markers,
 * code block info strings, section numbers) live in doc->aux.  Both are
 * clean UTF-8 (see text.h): no byte of a document can act as a control
 * sequence.  A document is freed by one call, doc_free().
 */
#ifndef QUIRE_DOC_H
#define QUIRE_DOC_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define DOC_NONE UINT32_MAX

/*
 * Inline styles: a bit set, since they nest (strong inside emphasis).
 * The model builder counts open containers per bit: STY_NBITS counters.
 */
enum {
	STY_EMPH = 0x01,
	STY_STRONG = 0x02,
	STY_CODE = 0x04,
	STY_LINK = 0x08,
	STY_STRIKE = 0x10,
	STY_IMAGE = 0x20,
	STY_HTML = 0x40,
	STY_KBD = 0x80,     /* <kbd> */
	STY_SUP = 0x100,    /* <sup> */
	STY_SUB = 0x200,    /* <sub> */
	STY_UNDER = 0x400,  /* <u>, <ins> */
	STY_MARK = 0x800,   /* <mark> */
	STY_NOTE = 0x1000,  /* a footnote reference */
	STY_CTRL = 0x2000,  /* an invisible format control's code, <U+202E> */
};
#define STY_NBITS 14
_Static_assert(STY_CTRL == 1u << (STY_NBITS - 1),
    "STY_NBITS counts every style bit");
_Static_assert(STY_NBITS <= 16, "style bits fit a run's uint16_t");

/* A stretch of inline text in one style.  '\n' in it is a hard break. */
struct run {
	uint32_t off, len;  /* in doc->text */
	uint32_t link;      /* index in doc->links, or DOC_NONE */
	uint16_t style;     /* STY_* bits */
};

struct link {
	uint32_t off, len;  /* target, in doc->aux */
};

enum block_kind {
	BLOCK_HEADING,
	BLOCK_PARAGRAPH,
	BLOCK_ITEM,   /* first paragraph of a list item; marker in aux */
	BLOCK_CODE,   /* one run of raw text with '\n's; info string in aux */
	BLOCK_HTML,   /* raw HTML block, shown as plain text */
	BLOCK_TABLE,  /* aux is the index in doc->tables */
	BLOCK_RULE,
	BLOCK_META,   /* a front matter entry: the key run (level 1), then
	                 the value, '\n' between its lines */
	BLOCK__MAX
};

#define BLOCK_LEVELS 6 /* heading levels, 1 to BLOCK_LEVELS */

#define BF_TIGHT 0x01 /* inside a tight list: no blank line between items */
#define BF_TASK 0x02  /* item is a task; BF_DONE if checked */
#define BF_DONE 0x04
#define BF_CENTER 0x08  /* centred (HTML align="center", <center>) */
#define BF_SUMMARY 0x10 /* the summary line of a <details> */
#define BF_NOTE 0x20    /* first block of a footnote; marker in aux */
/*
 * Footnotes: a reference is a run "[N]" (STY_NOTE | STY_LINK) linking to
 * "#fn-N", N the note's number in the order of first reference.  The
 * notes come last, after a BLOCK_RULE: each is a list item of its own
 * (list depth 1) whose first block is a BLOCK_ITEM with BF_NOTE and the
 * marker "[N]", and where the anchor "fn-N" stands.
 */

/*
 * A leaf block.  Containers are not blocks: a paragraph inside a block
 * quote has quote > 0, a paragraph inside a list item has list > 0.
 * How they nest: the innermost quote opened inside list depth qlist
 * (0: outside every list), and the last qin quotes opened there, the
 * others before it ("- > text" has quote 1, list 1, qlist 1, qin 1).
 * The last qnew quotes opened after the block before this one ended, so
 * two quotes in a row are told apart; likewise the last lnew lists, so
 * two lists in a row are (a list closed to depth list - lnew between).
 * The small fields saturate.
 */
struct block {
	uint8_t kind;       /* BLOCK_* */
	uint8_t level;      /* heading level 1-6 */
	uint8_t flags;      /* BF_* */
	uint8_t qin;        /* quotes opened inside list qlist (at most 255) */
	uint32_t quote;     /* block-quote nesting depth */
	uint32_t list;      /* list nesting depth */
	uint16_t qlist;     /* list depth the innermost quote opened in */
	uint8_t qnew;       /* quotes opened since the block before */
	uint8_t lnew;       /* lists opened since the block before */
	uint32_t run, nruns;
	uint32_t section;   /* innermost section holding it, or DOC_NONE */
	uint32_t aux, aux_len; /* marker/info string in doc->aux, or table */
};

_Static_assert(BLOCK__MAX <= UINT8_MAX, "a block's kind fits its uint8_t");

/* A block's kind, as the enum: switch on this, listing every kind and
 * no default, so that a new kind forgotten in a switch fails the build
 * (-Wswitch-enum). */
static inline enum block_kind
block_kind(const struct block *b)
{
	return (enum block_kind)b->kind;
}

/* A heading and the blocks up to the next heading of its level or above. */
struct section {
	uint32_t block;     /* the heading block */
	uint32_t end;       /* one past the section's last block */
	uint32_t parent;    /* enclosing section, or DOC_NONE */
	uint32_t depth;     /* 0 for top-level sections (those under the
	                       title, or with no parent) */
	uint8_t level;      /* heading level */
	uint32_t title, title_len;   /* plain title, in doc->text */
	uint32_t num, num_len;       /* "1.2", in doc->aux; empty for the title */
};

/*
 * A link target other than a heading's slug: an HTML id= or name=, a
 * footnote.  It stands at text offset OFF of BLOCK (or at the start of
 * BLOCK, when the anchor came between blocks).
 */
struct anchor {
	uint32_t name, name_len; /* in doc->aux */
	uint32_t block, off;
};

enum align { ALIGN_NONE, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct cell {
	uint32_t run, nruns;
};

/* Row 0 is the header row; cells are row-major, ncols per row. */
struct table {
	uint32_t block;
	uint32_t ncols, nrows;
	uint32_t cell;      /* first cell in doc->cells */
	uint32_t align;     /* first alignment in doc->aligns */
};

/*
 * A question and its answer.  The question is a heading, or a bold
 * paragraph ("**Q: ...?**") in a FAQ section; raw HTML headings
 * (<h3>...</h3>) are headings already.
 */
struct faq {
	uint32_t section;   /* the section holding the question */
	uint32_t q_block;   /* the question's block */
	uint32_t q_off, q_len; /* the question's text, in doc->text */
	uint32_t first, end;   /* answer blocks */
	uint32_t short_block;  /* short answer block, or DOC_NONE */
};

struct doc {
	char *text;
	size_t text_len;
	char *aux;
	size_t aux_len;
	struct block *blocks;
	size_t nblocks;
	struct run *runs;
	size_t nruns;
	struct link *links;
	size_t nlinks;
	struct section *sections;
	size_t nsections;
	uint32_t title;     /* the section that titles the document, or DOC_NONE */
	uint32_t fm_title, fm_title_len; /* the front matter's "title:", in
	                       doc->text: the title when there is no H1 */
	int own_numbers;    /* most top-level headings begin with their own
	                       number ("2. Setup"): quire's are not shown */
	struct table *tables;
	size_t ntables;
	struct cell *cells;
	size_t ncells;
	uint8_t *aligns;    /* enum align, per table column */
	size_t naligns;
	struct faq *faqs;
	size_t nfaqs;
	struct anchor *anchors; /* in document order */
	size_t nanchors;
	size_t source_len;  /* bytes of Markdown read */
	uint64_t hash;      /* FNV-1a of the bytes, when read from stdin */
	uint8_t may_differ; /* a first part whose links may read otherwise
	                       than the whole's, until the whole replaces it */
};

/* Reasons a file is not loaded. */
enum doc_error {
	DOC_OK,
	DOC_ERR_OPEN,     /* errno tells why */
	DOC_ERR_READ,     /* errno tells why */
	DOC_ERR_ISDIR,
	DOC_ERR_BINARY,
	DOC_ERR_TOOBIG,
};

#define DOC_MAX_SIZE (64u * 1024 * 1024) /* bytes of Markdown accepted */
#define DOC_FORCE 0x01 /* load binary-looking files too */

/*
 * Read and parse the file at PATH ("-" is standard input).  Return the
 * document, or NULL with *ERR set (and errno, for OPEN and READ).
 * The caller frees the document with doc_free().
 */
struct doc *doc_load_file(const char *path, int flags, enum doc_error *err);

/*
 * Read the file at PATH ("-" is standard input) into *DATA (LEN bytes,
 * the caller frees it), refusing binary files unless FLAGS has DOC_FORCE.
 * Return DOC_OK, or the error (errno set for OPEN and READ).
 */
enum doc_error doc_read(const char *path, int flags, char **data,
    size_t *len);

#define DOC_TITLE_SCAN (32u * 1024) /* bytes doc_title_scan() reads */

/*
 * The title of the document MD (its first LEN bytes, DOC_TITLE_SCAN or
 * all): what doc_title() gives for the whole, found from the headings
 * in these bytes alone (title_scan.c says where the two may differ).
 * Return it as a malloc'd string of *TLEN bytes, or NULL (*TLEN 0).
 */
char *doc_title_scan(const char *md, size_t len, size_t *tlen);

/* The same for the file at PATH: its first DOC_TITLE_SCAN bytes, if it
 * is a regular file of at most DOC_MAX_SIZE bytes, not binary unless
 * FLAGS has DOC_FORCE (read without blocking; NULL otherwise). */
char *doc_title_file(const char *path, int flags, size_t *tlen);

/* What is left to read of a file whose start doc_read_head() read. */
struct doc_rest {
	int fd;             /* open on the rest, or -1: all was read */
	size_t cap;         /* bytes the data has room for */
};

/*
 * Read the first HEAD bytes of the regular file at PATH into *DATA (LEN
 * bytes; the caller frees it), with doc_read()'s checks; REST is what
 * doc_read_rest() reads later.  A file of HEAD bytes or fewer, or that
 * is no regular file, is read whole (REST->fd is -1).
 */
enum doc_error doc_read_head(const char *path, int flags, size_t head,
    char **data, size_t *len, struct doc_rest *rest);

/* Read the rest of the file (up to DOC_MAX_SIZE) after the LEN bytes at
 * *DATA, which it may move, and close it; return the bytes there are
 * now (0 if the read failed). */
size_t doc_read_rest(struct doc_rest *rest, char **data, size_t len);

/* Read LEN bytes of the file at PATH from offset FROM into *DATA (*GOT
 * bytes, fewer at its end; the caller frees it). */
enum doc_error doc_read_range(const char *path, size_t from, size_t len,
    char **data, size_t *got);

/* Parse LEN bytes of Markdown at MD.  Never fails. */
struct doc *doc_load_buffer(const char *md, size_t len);

/* The same, taking MD (from malloc), freed as soon as it is parsed. */
struct doc *doc_load_take(char *md, size_t len);

/* doc_load_take(), given up once *STOP is set (another thread may set it
 * at any time): MD is freed and NULL returned, the parse cut short at
 * the next megabyte fed or before the model is built. */
struct doc *doc_load_take_until(char *md, size_t len, const atomic_int *stop);

/*
 * Where to cut MD (LEN bytes) to show its start before the whole is
 * parsed: the offset, at or past WANT, of a line that begins a top-level
 * block whatever precedes it; 0 if there is none near WANT.
 */
size_t doc_prefix_cut(const char *md, size_t len, size_t want);

/* Parse the first CUT bytes of MD with the reference definitions of the
 * rest, so that the part reads as the start of the whole; NULL when its
 * title may not be the whole's (load the whole).  Where a definition of
 * the rest cannot be read alone and the part may use it, the part is
 * still made, with may_differ set: some [text][label] may not be a link
 * until the whole replaces it. */
struct doc *doc_load_prefix(const char *md, size_t len, size_t cut);

/*
 * The same, cut and part in one, reading no further than it must: MD
 * holds the first LEN bytes of a file of TOTAL, and the scans of the
 * rest (its reference definitions, its headings) read SCAN bytes past
 * the cut.  What they did not read may differ: the part is flagged
 * may_differ (a link by reference defined further on reads as written,
 * a lone heading may be taken for the title) until the whole replaces
 * it.  NULL when there is no cut in MD, or doc_load_prefix declines.
 */
struct doc *doc_load_head(const char *md, size_t len, size_t total,
    size_t want, size_t scan);

struct doc_notes;

/* A heading line a scan found, outside code and HTML blocks. */
struct doc_outline {
	size_t off;         /* where its line starts: a part may start there */
	uint8_t level;      /* 1-6 */
};

/*
 * The offsets in MD (LEN bytes) where a part may start or end, by
 * doc_prefix_cut's rules (a line that begins a top-level block whatever
 * precedes it): the first one at least STEP bytes past the one before,
 * and the last one in MD; *N of them, in order (the caller frees the
 * array).  Unless HEADS is NULL, the heading lines among every such
 * line too ("# ..." or one line over a setext underline), *NHEADS of
 * them in *HEADS (freed by the caller): an outline, near enough, of
 * the top-level headings; unless NOTES is NULL, in *NOTES its footnotes
 * as doc_notes_scan finds them (NULL if none), in the same pass.  One
 * pass over MD: made on the background
 * thread, for jumps into a file not yet parsed.
 */
size_t *doc_prefix_cuts(const char *md, size_t len, size_t step,
    size_t *n, struct doc_outline **heads, size_t *nheads,
    struct doc_notes **notes);

/*
 * Parse LEN bytes at MD, a piece of a file between two such offsets,
 * while the whole file is parsed on the background thread: neither
 * waits for the other.  The piece is flagged may_differ: its links by
 * reference may read as written, its ~~text~~ is not struck, and its
 * headings are numbered as if it were all there is, until the whole
 * replaces it.
 */
struct doc *doc_load_beside(const char *md, size_t len);

struct doc_note_links;

/* One footnote of a file, as doc_notes_scan finds it. */
struct doc_note {
	size_t off;         /* where its definition starts in the file */
	size_t last;        /* where its last reference is */
	size_t at, len;     /* its definition's Markdown in the notes' md */
};

/* A file's footnotes: those cmark-gfm numbers, in the order it numbers
 * them, each one's definition copied. */
struct doc_notes {
	struct doc_note *v; /* note N is v[N - 1] */
	size_t n;
	char *md;           /* the definitions, each ended by a blank line */
	size_t len;
	int unsure;         /* the scan may number or copy otherwise than
	                       cmark-gfm (a label beyond ASCII, a note in a
	                       quote or a list, ...) */
	struct doc_note_links *links; /* the file's link reference
	                       definitions, for the notes' links */
};


/*
 * The footnotes of MD (LEN bytes, a whole file) by a line scan: the
 * defined labels in the order of their first reference, references in
 * code (fenced, indented, spans) and HTML blocks passed over as far as
 * the scan can tell.  NULL if there are none.  One pass, no parse: made
 * on the background thread (bgload.c), for a part cut from the file's
 * end to show the notes the whole ends with.
 */
struct doc_notes *doc_notes_scan(const char *md, size_t len);

/* Free NOTES; NULL does nothing. */
void doc_notes_free(struct doc_notes *notes);

/*
 * doc_load_beside for the LEN bytes at MD, bytes FROM on of a file that
 * they end, with its footnotes NOTES: the part's references and notes
 * take the whole's numbers, and the notes come at its end as they do
 * in the whole (those defined in the part as well as the others).
 */
struct doc *doc_load_notes(const char *md, size_t len, size_t from,
    const struct doc_notes *notes);

/* The version of cmark-gfm in use. */
const char *doc_parser_version(void);

/* A sentence for ERR, without the file name. */
const char *doc_strerror(enum doc_error err, int errnum);

/* Free a document and everything it owns; NULL does nothing. */
void doc_free(struct doc *doc);

/* The document's title: the title section's text, the front matter's
 * title when the document has no level-1 heading, or "". */
const char *doc_title(const struct doc *doc, size_t *len);

/* The bytes of the label that opens a heading's or question's LEN bytes
 * at S, blanks after it included: a section number ("2.", "7.1",
 * "3.2.1)", "4:"; not a version's, "2.0") or a question's label ("Q:",
 * "Q1.", "Question 2:"); 0 when there is none, or no word follows it
 * ("1.2.3 (2024-05-01)"). */
size_t doc_title_label(const char *s, size_t len);

/* Section S's number as quire shows it (in the index, --toc and with
 * --number-sections): its length, 0 for none, as for the title or when
 * the document numbers its headings itself (own_numbers). */
static inline uint32_t
doc_shown_num(const struct doc *d, const struct section *s)
{
	return d->own_numbers ? 0 : s->num_len;
}

/* The section holding BLOCK, or DOC_NONE. */
uint32_t doc_section_of(const struct doc *doc, uint32_t block);

/* The text range of a block's runs in doc->text. */
void doc_block_text(const struct doc *doc, uint32_t block, uint32_t *off,
    uint32_t *len);

/* The anchor called NAME (LEN bytes, without '#'), or DOC_NONE. */
uint32_t doc_anchor(const struct doc *doc, const char *name, size_t len);

/* Cell (ROW, COL) of table T; a missing cell reads as empty. */
const struct cell *doc_cell(const struct doc *doc, const struct table *t,
    uint32_t row, uint32_t col);

#endif
