/*
 * The pager: the document laid out at the screen's width, a top line,
 * and a status line.  It owns its layout and relays out on resize,
 * keeping the reader's place in the text.  Places are kept as positions
 * in the text (block, offset), not line numbers, so history and marks
 * survive a relayout.
 */
#ifndef QUIRE_PAGER_H
#define QUIRE_PAGER_H

#include <stddef.h>

#include "quire/doc.h"
#include "quire/keymap.h"
#include "quire/layout.h"
#include "quire/prompt.h"

struct buf;
struct hyperlink_cells;
struct search;
struct hlcache;
struct highlighter;

#define PAGER_MIN_COLS 10 /* below this, or 3 rows, "terminal too small" */
#define PAGER_MIN_ROWS 3
#define PAGER_WHEEL_LINES 3 /* lines a turn of the mouse wheel scrolls */
#define PAGER_NO_FOCUS ((size_t)-1)

/*
 * A place in the document's text; a jump from the table view also
 * records the table and row, so that going back reopens it.  Lines of a
 * block may show the same text offset (a heading's last line and the
 * rule under it), and the blank line between two blocks shows none:
 * STEP tells them apart, counted from the line layout_find() gives for
 * BLOCK and OFF, forward over lines showing the same offset (the rule
 * is 1), or back over blank lines (the blank before a block is -1).
 */
struct pos {
	uint32_t block, off;
	uint32_t table, row;    /* DOC_NONE: the pager itself; POS_ANSWER:
	                           the answer to FAQ entry ROW */
	int32_t step;           /* 0 most often */
};

#define POS_ANSWER (DOC_NONE - 1)

/*
 * The pager's state.  It stays in this header so that the benchmark and
 * the unit tests can read it, but only the pager's own files (pager*.c,
 * nav.c, find.c, links.c, hscroll.c) write its fields: everyone else
 * calls the functions below (sideindex.c is the pager's too).
 */
struct pager {
	const struct doc *doc;
	const char *name;       /* file name shown when there is no title */
	struct layout *lay;
	int lay_flags;
	size_t top;             /* first line on screen */
	size_t focus;           /* the line the last jump went to, whose
	                           section the status line names while it
	                           is on screen; or PAGER_NO_FOCUS */
	int rows, cols;
	int column;             /* widest text column; 0: the whole width */
	int full;               /* w: use the whole width for now */
	int chop;               /* -S: code lines whole (LAYOUT_CHOP) */
	int shift;              /* columns code lines are scrolled left */
	int left;               /* the text column's first screen column */
	char note[256];         /* one-line note for the status line */
	int hint;               /* show "? help" until the first key */
	int partial;            /* the document is a first part: no total */
	int unknown;            /* a part from further on: no page number */
	struct pos *back, *fwd; /* history, most recent last */
	size_t nback, nfwd, cap_back, cap_fwd;
	struct pos marks[26];
	uint32_t marks_set;     /* bit per letter */
	int pending;            /* 'm', '\'', '-', 'Z' or Esc waiting for the
	                           next key, or 0 */
	size_t count;           /* digits typed before a key (10j), or 0 */
	size_t window;          /* lines a page moves (z, w with a count);
	                           0: the screen */
	size_t half;            /* lines d and u move (with a count); 0: half
	                           the screen */
	int unlit;              /* Esc-u: matches not highlighted */
	struct pos anchor;      /* the place kept across a run of resizes */
	struct pos reopen;      /* history came back to a table view here */
	int anchored;           /* anchor is set: no move since a resize */
	struct search *search;  /* the last search, or NULL */
	char query[PROMPT_MAX];
	int search_back;        /* it went backward (?), so n does too */
	size_t match;           /* the current match, or SEARCH_NONE */
	int search_wait;        /* PAGER_WAIT_*: on a part, the search or
	                           n/N that waits for the whole, or 0 */
	int search_wrapped;     /* on a part: its match was found past the
	                           file's end (before its start) */
	uint32_t link;          /* the selected link (doc->links), or DOC_NONE */
	size_t link_line;       /* where it is on screen */
	uint16_t link_col;
	int side;               /* SIDE_*: the section index beside the text */
	int side_w;             /* its width on screen; 0: not shown */
	uint32_t side_top;      /* its first entry on screen */
	int side_keys;          /* the keys move a cursor over it (I, the
	                           side view), not the text */
	uint32_t side_cur;      /* that cursor's entry */
	struct hlcache *hl;     /* the code blocks highlighted, or NULL */
	int hl_later;           /* draw code plain once, highlight it between
	                           keys (pager_highlight_later) */
};

/* Set up a pager on DOC (not owned); NAME is clean text.  LAYOUT_CHOP
 * in LAY_FLAGS starts it with code lines whole (-S). */
void pager_init(struct pager *p, const struct doc *doc, const char *name,
    int lay_flags);

/* How to open a document in the pager. */
struct pager_setup {
	const char *name;       /* file name shown when there is no title */
	int lay_flags;          /* LAYOUT_*; LAYOUT_CHOP starts it with -S */
	int column;             /* widest text column; 0: the whole width */
	int rows, cols;         /* the screen */
	int partial;            /* DOC is a first part: no page total */
	int side;               /* SIDE_*: the section index beside the text */
	struct highlighter *hl; /* highlights code blocks (not owned), or NULL */
	int unknown;            /* DOC is a part from further on: no page
	                           number either */
};

/* Set up the pager on DOC (not owned) as S says and lay out its first
 * screen: pager_init, the text column, then pager_resize. */
void pager_open(struct pager *p, const struct doc *doc,
    const struct pager_setup *s);

/* Free the pager's layout and history. */
void pager_free(struct pager *p);

/* Put a one-line note, printf-style, in the status line (cut to fit). */
void pager_note(struct pager *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Take the note off the status line. */
void pager_note_clear(struct pager *p);

/* The note on the status line ("" when none). */
const char *pager_note_text(const struct pager *p);

/* The reader pressed a key: "h help" leaves the status line. */
void pager_hide_hint(struct pager *p);

/*
 * A key arrives at the pager (no prompt open): the key to act on, or
 * KEY_NONE when it was taken.  Esc waits for the next key (so Esc-u, Esc-(
 * typed slowly work as less's): a character bound after Esc becomes
 * KEYALT|it, any other key acts by itself (pager_keys.c).
 */
int pager_key_begin(struct pager *p, int key);

/* The key after m, ', - or Z (pager->pending): 0 when it was taken, 1
 * to quit (ZZ), 2 when it acts by itself (pager_keys.c). */
int pager_prefix_key(struct pager *p, int key);

/* A digit of a count (10j, 5G, 50%); the count shows in the status line. */
void pager_count_digit(struct pager *p, int key);

/* =: the document, section, page, lines and percent in the status line. */
void pager_info(struct pager *p);

/* The page shown and the pages there are, and how far the screen's end
 * is, in percent; 0 (no total, no percent) while the document is not
 * all laid out or loaded, and *PAGE 0 too when the part shown is from
 * further on (its page is not known). */
int pager_page(const struct pager *p, size_t *page, size_t *pages,
    size_t *pct);

/* The largest top line: the last page ends at the last line. */
size_t pager_max_top(const struct pager *p);

/* Whether going back or forward in the history came to a place in a
 * table view; if so, that place in *TO, once. */
int pager_take_reopen(struct pager *p, struct pos *to);

/* Fit a screen of ROWS x COLS, keeping the top line's text on screen. */
void pager_resize(struct pager *p, int rows, int cols);

/* Lay out (at least) up to LINE, or the whole document. */
void pager_need(struct pager *p, size_t line);
void pager_need_all(struct pager *p);

/* Draw the code on screen plain until no key waits, then highlighted:
 * a part shown for a far jump or a search shows at once, without
 * waiting for the highlighting module and a language to be read (some
 * 5 ms the first time). */
void pager_highlight_later(struct pager *p);

/* Lay out, or count the search's matches, a slice more while no key
 * waits; 0 when all is done (pager_busy() says whether any is left). */
int pager_idle(struct pager *p);
int pager_busy(const struct pager *p);

/* Draw the text and the status line. */
void pager_draw(struct pager *p);

/* Do ACTION (bound to KEY); return 1 when quire should quit. */
int pager_act(struct pager *p, enum action a, int key);

/* Rows of text on screen (the status line takes one). */
int pager_text_rows(const struct pager *p);

/* -S: code lines whole and scrolled sideways, or wrapped (hscroll.c). */
void pager_toggle_chop(struct pager *p);

/* With -S, scroll code lines half a screen right (DIR > 0) or left. */
void pager_scroll_code(struct pager *p, int dir);

/*
 * With -S, scroll code lines sideways, if need be, so that columns C0 to
 * C1 of line N are on screen (a search match, say).
 */
void pager_show_cols(struct pager *p, size_t n, int c0, int c1);

/* Scroll so that line N is at the top, within scrolling bounds. */
void pager_goto(struct pager *p, size_t n);

/* The page the status line shows after a jump to line N: that of the
 * screen's last line, the top kept within scrolling bounds. */
size_t pager_page_at(const struct pager *p, size_t n);

/* The section the reader is in: that of the line the last jump went to
 * while it is on screen, else of the top line; or DOC_NONE. */
uint32_t pager_section(const struct pager *p);

/* The place at the top of the screen. */
struct pos pager_pos(const struct pager *p);

/* The place of line N (laid out), which pager_show_pos() puts back at
 * the top: the line itself, at this width. */
struct pos pager_line_pos(const struct pager *p, size_t n);

/* Put the line showing POS at the top, within scrolling bounds once the
 * whole document is laid out. */
void pager_show_pos(struct pager *p, struct pos pos);

/* The section index beside the text (sideindex.c). */

/* Place the text column, WIDTH wide, and the index beside it if it is
 * shown and there is room: set side_w and left. */
void pager_place(struct pager *p, int width);

/* I: show the index beside the text, or hide it, with a note. */
void pager_toggle_side(struct pager *p);

/* Draw the index beside the text, if shown, the reader's section
 * highlighted and on screen (the cursor instead, while it has the keys). */
void sideindex_draw(struct pager *p);

/* I on the index shown: give it the keys, the cursor on the reader's
 * section; 0 (with a note saying why) when it is not shown. */
int sideindex_enter(struct pager *p);

/* Give the keys back to the text; the index stays as it is. */
void sideindex_leave(struct pager *p);

/* Move the cursor as action A says (a line, a page, an end); 0 when A
 * does not move it. */
int sideindex_move(struct pager *p, enum action a);

/* Jump to the cursor's section (Backspace comes back) and give the keys
 * back to the text. */
void sideindex_choose(struct pager *p);

/* A click at ROW, COL: 0 when it is not on the index; else 1, having
 * jumped to the entry clicked, if any. */
int sideindex_click(struct pager *p, int row, int col);

/* The pieces of links on screen, as terminal hyperlinks (at most MAX,
 * their targets kept in URLS), when the pager is drawn (links.c). */
size_t pager_hyperlinks(const struct pager *p, struct hyperlink_cells *out,
    size_t max, struct buf *urls);

/* Jumps and the history (nav.c). */

/* Jump to line N, heading at the top (or as near as the end of the
 * document allows), remembering where the reader was. */
void nav_jump(struct pager *p, size_t n);

/* Jump to line N shown CONTEXT lines below the top (a search match),
 * the status line naming N's section. */
void nav_jump_context(struct pager *p, size_t n, size_t context);

/* Jump to section SEC. */
void nav_jump_section(struct pager *p, uint32_t sec);

/* Jump to line N; going back returns to FROM (a table view, say). */
void nav_jump_from(struct pager *p, size_t n, struct pos from);

/* Go to line N as a jump does, remembering no place: a part of a file
 * just opened there has none before it. */
void nav_show(struct pager *p, size_t n);

/* Go back (DIR < 0) or forward (DIR > 0) in the history; 0 if none. */
int nav_history(struct pager *p, int dir);

/* Go to the last place of the history, which the place left takes, as
 * less's '' does: twice comes back; 0 if there is none. */
int nav_toggle(struct pager *p);

/* A pager's history, marks and the key it waits on (a count, or m, ',
 * Z, Esc), kept while it opens again on the whole of a document it
 * showed a part of. */
struct nav_kept {
	struct pos *back, *fwd;
	size_t nback, nfwd, cap_back, cap_fwd;
	struct pos marks[26];
	uint32_t marks_set;
	int pending;
	size_t count;
};

/* Take P's history, marks and waiting key into K; P keeps none. */
void nav_keep(struct pager *p, struct nav_kept *k);

/* Give K's back to P (opened afresh), each place through MAP (with
 * ARG) unless MAP is NULL, and none of them reopening a view: a table's
 * or an answer's number was the part's.  K keeps none. */
void nav_restore(struct pager *p, struct nav_kept *k,
    struct pos (*map)(struct pos, const void *), const void *arg);

/* Put the places of K's history (P's document's already) before P's,
 * and K's marks where P has none set; K keeps none. */
void nav_prepend(struct pager *p, struct nav_kept *k);

/* Put the N places POS into P's history before its place number AT
 * (P->nback: last, the next to go back to). */
void nav_insert(struct pager *p, size_t at, const struct pos *pos, size_t n);

/* Free what K keeps. */
void nav_kept_free(struct nav_kept *k);

/* Search for QUERY from the top line, forward or BACKWARD (find.c). */
void pager_search(struct pager *p, const char *query, int backward);

/* The next match in the search's direction, or the other (REVERSE). */
void pager_search_next(struct pager *p, int reverse);

/* Search again after a relayout (find.c). */
void pager_search_relayout(struct pager *p);

/*
 * On a part of a document whose whole still loads (partial or unknown),
 * a search or n/N finding no match in the part in its direction waits
 * for the whole: pager->search_wait says which (find.c).
 */
enum {
	PAGER_WAIT_SEARCH = 1,  /* the search, from the reader's place */
	PAGER_WAIT_NEXT,        /* n from the current match */
	PAGER_WAIT_PREV         /* N from it */
};

/* The search for P's query again on a part just shown, from its start
 * (from its end, BACKWARD: N, or ? and n), waiting for the whole as
 * above if the part has no match; WRAPPED: the part is where the search
 * comes to past the file's end (before its start), and the note says
 * so. */
void pager_search_part(struct pager *p, int backward, int wrapped);

/* Where the current match's line starts, in *POS: 0 if there is none. */
int pager_match_pos(const struct pager *p, struct pos *pos);

/*
 * The whole has taken the part's place: run QUERY (BACKWARD) on it.  AT,
 * the current match's place in the whole (pager_match_pos translated),
 * stays current; WAIT, the part's search_wait, is then done: the search
 * from the reader's place (without AT), or n or N from AT.  Neither: the
 * matches are lit, the place stays.  WRAPPED: the part's match was found
 * past the file's end, and the note says so still.
 */
void pager_search_resume(struct pager *p, const char *query, int backward,
    int wait, const struct pos *at, int wrapped);

/* While no key waits: look a slice further for a match that took long
 * to find, or count a slice more of the matches, the status line's
 * "match i/N" updated; 0 when there is nothing to do. */
int pager_search_idle(struct pager *p);

/* Whether the search is still looking for a match or counting them. */
int pager_search_busy(const struct pager *p);

/* Ctrl-C: stop looking for a match, or counting them, or waiting for
 * the whole to search it (n and N still search on); 0 when none was
 * going on. */
int pager_search_stop(struct pager *p);

/* Select the next (DIR > 0) or previous link on screen; 0 if none. */
int pager_link_step(struct pager *p, int dir);

/* Whether the selected link is on screen. */
int pager_link_shown(const struct pager *p);

/* Put the selected link's address in the status line. */
void pager_link_note(struct pager *p);

/* Follow the selected link: an anchor jumps (1); anything else is shown. */
int pager_link_follow(struct pager *p);

/* The section an anchor ("#name", GitHub's slug of a heading) names
 * (links.c). */
uint32_t links_anchor(const struct doc *doc, const char *anchor,
    size_t len);

/* Move by sections (nav.c): the target section, or DOC_NONE. */
uint32_t nav_next_section(const struct pager *p, int dir, int top_level);

/*
 * The section a table row's text S (LEN bytes) names, by its words
 * against the headings', stemmed and scored (rowlink.c); not EXCEPT nor
 * the title; DOC_NONE when no heading scores enough or two tie.
 */
uint32_t nav_section_named(const struct doc *doc, const char *s, size_t len,
    uint32_t except);

/* The Nth (1-based) top-level section, or DOC_NONE. */
uint32_t nav_top_section(const struct doc *doc, int n);

#endif
