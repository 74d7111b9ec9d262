/*
 * The pager's navigation state without a terminal: next and previous
 * section, the history back and forward, marks, counts before keys (as
 * in less), the note, and the
 * reader's place kept across a relayout.  No screen is started; only
 * functions that draw nothing are called.
 */
#include "harness.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "quire/ui.h"
#include "views_doc.h"

/* Press KEY in the pager, as the keymap binds it. */
static void
press(struct pager *p, int key)
{
	pager_act(p, keymap_lookup(VIEW_PAGER, key), key);
}

/* Press each key of KEYS in turn. */
static void
keys(struct pager *p, const char *keys)
{
	while (*keys)
		press(p, (unsigned char)*keys++);
}

static void
test_sections(struct pager *p)
{
	char s[64];

	STR_EQ(views_section(p, s, sizeof(s)), "Title", "opens at the title");
	press(p, ']');
	STR_EQ(views_section(p, s, sizeof(s)), "One", "] goes to One");
	press(p, ']');
	STR_EQ(views_section(p, s, sizeof(s)), "Two",
	    "] skips the deeper One detail");
	press(p, '[');
	STR_EQ(views_section(p, s, sizeof(s)), "One",
	    "[ at a heading goes to the previous at its level");
	press(p, 'j');
	press(p, '[');
	STR_EQ(views_section(p, s, sizeof(s)), "One",
	    "[ inside a section goes back to its heading");
	INT_EQ(p->top, layout_line_of_section(p->lay, pager_section(p)),
	    "its heading is the top line");
	press(p, '}');
	STR_EQ(views_section(p, s, sizeof(s)), "Two", "} the next top level");
	press(p, '3');
	press(p, '}');
	STR_EQ(views_section(p, s, sizeof(s)), "Three", "3}: the third");
	press(p, ']');
	STR_EQ(pager_note_text(p), "no next section", "none after the last");
}

static void
test_history(struct pager *p)
{
	char s[64];

	press(p, 'g');
	press(p, '2');
	press(p, '}');
	press(p, '3');
	press(p, '}');
	STR_EQ(views_section(p, s, sizeof(s)), "Three", "at Three");
	press(p, 'B');
	STR_EQ(views_section(p, s, sizeof(s)), "Two", "back: Two");
	press(p, 'B');
	INT_EQ(p->top, 0, "back again: the start");
	press(p, 'U');
	STR_EQ(views_section(p, s, sizeof(s)), "Two", "forward: Two");
	press(p, 'U');
	STR_EQ(views_section(p, s, sizeof(s)), "Three", "forward: Three");
	pager_note_clear(p);
	press(p, 'U');
	STR_EQ(pager_note_text(p), "no later place", "nothing further");
}

static void
test_marks(struct pager *p)
{
	char s[64];

	press(p, '2');
	press(p, '}');
	press(p, 'm');
	STR_EQ(pager_note_text(p), "mark: type a letter", "m asks for a letter");
	press(p, 'a');
	STR_EQ(pager_note_text(p), "mark a set", "mark a set");
	press(p, 'g');
	press(p, '\'');
	press(p, 'a');
	STR_EQ(views_section(p, s, sizeof(s)), "Two", "'a goes back to Two");
	press(p, '\'');
	press(p, 'b');
	STR_EQ(pager_note_text(p), "mark b is not set", "b was never set");
	press(p, '\'');
	press(p, '\'');
	INT_EQ(p->top, 0, "'' returns to where 'a jumped from");
}

static void
test_relayout(struct pager *p)
{
	struct pos before, after;
	char s[64];
	size_t line;

	press(p, '2');
	press(p, '}');
	press(p, 'j');
	line = p->top;
	before = pager_pos(p);
	pager_resize(p, 8, 24);
	after = pager_pos(p);
	STR_EQ(views_section(p, s, sizeof(s)), "Two", "narrower: still in Two");
	INT_EQ(after.block, before.block, "the same block at the top");
	pager_resize(p, 8, 13);
	pager_resize(p, 8, 60);
	INT_EQ(pager_pos(p).block, before.block,
	    "resized in a row, back at the width: the same block");
	INT_EQ(pager_pos(p).off, before.off, "and the same text");
	INT_EQ(p->top, line, "on the top line: the rule under Two, not its "
	    "heading");
}

/*
 * '' and a mark return to the very line left: a heading's rule shows the
 * same text offset as the heading's line, and a blank line between
 * blocks none, yet going back to either is not going back to the
 * heading or the text after the blank.
 */
static void
test_exact(struct pager *p)
{
	size_t n, m = pager_max_top(p), wrong = 0, first = 0, rule;

	for (n = 0; n <= m; n++) {
		pager_goto(p, n);
		keys(p, "g''");
		if (p->top != n && wrong++ == 0)
			first = n;
	}
	OK(wrong == 0, "g then '' returns to each of lines 0-%zu (%zu did "
	    "not, the first %zu)", m, wrong, first);
	rule = layout_line_of_section(p->lay, 1) + 1;
	OK(p->lay->lines[rule].block == p->lay->lines[rule - 1].block &&
	    p->lay->lines[rule].off == p->lay->lines[rule - 1].off,
	    "the rule under One shows its heading's block and offset");
	pager_goto(p, rule);
	keys(p, "mcg'c");
	INT_EQ(p->top, rule, "a mark set on the rule goes back to the rule");
	pager_goto(p, rule + 1);
	keys(p, "mcg'c");
	INT_EQ(p->top, rule + 1, "and one on the blank line after it");
	pager_goto(p, rule);
	keys(p, "g");
	pager_resize(p, 8, 24);
	pager_resize(p, 8, 60);
	keys(p, "''");
	INT_EQ(p->top, rule, "'' to the rule after a relayout at another "
	    "width");
	pager_resize(p, 8, 24);
	pager_resize(p, 8, 60);
	INT_EQ(p->top, rule, "resized and back at the width: the rule still");
	OK(pager_line_pos(p, rule).step == 1 &&
	    pager_line_pos(p, rule + 1).step == -1 &&
	    pager_line_pos(p, rule - 1).step == 0, "steps: the rule 1, the "
	    "blank -1, the heading 0");
}

/* Places through no map but this one: the table view forgotten. */
static struct pos
same_place(struct pos pos, const void *arg)
{
	(*(int *)arg)++;
	return pos;
}

/*
 * The whole of a document taking the place of its first part: the
 * history, the marks and a count typed on the part hold on the whole
 * (ui_finish_load keeps them with nav_keep and nav_restore).
 */
static void
test_carry(void)
{
	size_t len = strlen(views_md), cut = doc_prefix_cut(views_md, len, 120);
	struct doc *part = cut ? doc_load_prefix(views_md, len, cut) : NULL;
	struct doc *whole = doc_load_buffer(views_md, len);
	struct pager_setup s;
	struct nav_kept k;
	struct pager p;
	size_t rule;
	int maps = 0;

	OK(part != NULL && part->nblocks < whole->nblocks,
	    "a first part (cut at %zu) shorter than the whole", cut);
	if (part == NULL) {
		doc_free(whole);
		return;
	}
	memset(&s, 0, sizeof(s));
	s.name = "test.md";
	s.rows = 8;
	s.cols = 60;
	s.partial = 1;
	pager_open(&p, part, &s);
	keys(&p, "]j");
	rule = p.top;
	keys(&p, "mcg");
	p.back[0].table = 0; /* as if ] had been a table view's jump */
	keys(&p, "3");
	nav_keep(&p, &k);
	pager_free(&p);
	s.partial = 0;
	pager_open(&p, whole, &s);
	nav_restore(&p, &k, same_place, &maps);
	OK(maps == 3, "each place (two back, mark c) through the map (%d)",
	    maps);
	OK(k.back == NULL && k.nback == 0, "the kept history is given away");
	INT_EQ(p.count, 3, "the count typed on the part");
	keys(&p, "j");
	INT_EQ(p.top, 3, "3j on the whole: three lines");
	keys(&p, "''");
	INT_EQ(p.top, rule, "'' on the whole: the rule under One, where g "
	    "was pressed on the part");
	keys(&p, "''");
	INT_EQ(p.top, 3, "'' again: back where '' was pressed, as in less");
	keys(&p, "\x7f\x7f");
	OK(p.top == 0 && !pager_take_reopen(&p, &(struct pos){ 0 }),
	    "Backspace twice: the start, where ] was pressed, no table view "
	    "reopened (its number was the part's)");
	keys(&p, "'c");
	INT_EQ(p.top, rule, "mark c, set on the part");
	pager_free(&p);
	doc_free(part);
	doc_free(whole);
}

/* The first part's history before a part's from further on, once the
 * whole is in: older places first, the later part's marks winning. */
static void
test_prepend(struct pager *p)
{
	struct nav_kept k;
	size_t one, two;

	p->nback = p->nfwd = 0;
	p->marks_set = 0;
	keys(p, "g]");
	one = p->top;
	keys(p, "ma");
	nav_keep(p, &k);
	OK(p->nback == 0 && k.nback == 2, "kept: the pager has no history");
	keys(p, "]");
	two = p->top;
	keys(p, "mamb");
	nav_prepend(p, &k);
	OK(k.back == NULL && k.nback == 0, "the kept places are given away");
	INT_EQ(p->nback, 3, "three places back: g's, the start, One");
	keys(p, "'b");
	INT_EQ(p->top, two, "mark b, set after");
	keys(p, "'a");
	INT_EQ(p->top, two, "mark a: the later one, at Two");
	p->nback -= 2; /* the marks' jumps */
	keys(p, "\x7f");
	INT_EQ(p->top, one, "Backspace to One, before the later part");
	keys(p, "\x7f");
	INT_EQ(p->top, 0, "again: the start, the first part's");
}

static void
test_reopen(struct pager *p)
{
	struct pos from = pager_pos(p), to;

	from.table = 0;
	from.row = 2;
	OK(!pager_take_reopen(p, &to), "no table to go back to yet");
	nav_jump_from(p, 0, from);
	press(p, 'B');
	OK(pager_take_reopen(p, &to), "back into the table view");
	INT_EQ(to.table, 0, "its table");
	INT_EQ(to.row, 2, "its row");
	OK(!pager_take_reopen(p, &to), "only once");
}

static void
test_counts(struct pager *p)
{
	size_t half = ((size_t)pager_text_rows(p) + 1) / 2;
	size_t nl = p->lay->nlines;

	keys(p, "g10j");
	INT_EQ(p->top, 10, "10j: ten lines down");
	keys(p, "3k");
	INT_EQ(p->top, 7, "3k: three up");
	keys(p, "5G");
	INT_EQ(p->top, 4, "5G: line 5 at the top");
	keys(p, "1g");
	INT_EQ(p->top, 0, "1g: line 1");
	keys(p, "50p");
	INT_EQ(p->top, nl / 2, "50p: half way");
	keys(p, "g50%");
	INT_EQ(p->top, nl / 2, "50 and %%: half way too");
	keys(p, "gd");
	INT_EQ(p->top, half, "d: half a page");
	keys(p, "g3d");
	INT_EQ(p->top, 3, "3d: three lines");
	keys(p, "d");
	INT_EQ(p->top, 6, "then d goes three lines");
	keys(p, "u");
	INT_EQ(p->top, 3, "and u three back");
	keys(p, "g2z");
	INT_EQ(p->top, 2, "2z: two lines");
	keys(p, "z");
	INT_EQ(p->top, 4, "then z goes two");
	keys(p, " ");
	INT_EQ(p->top, 6, "and Space two");
	keys(p, "w");
	INT_EQ(p->top, 4, "w two back");
	keys(p, "g2]");
	{
		char s[64];

		STR_EQ(views_section(p, s, sizeof(s)), "Two", "2]: two sections on");
		press(p, 'B');
		INT_EQ(p->top, 0, "one jump: Backspace undoes it whole");
	}
	keys(p, "12");
	STR_EQ(pager_note_text(p), "count 12", "a count shows as it is typed");
	press(p, 3);
	keys(p, "j");
	INT_EQ(p->top, 1, "Ctrl-C drops the count");
	keys(p, "g=");
	OK(strncmp(pager_note_text(p), "page 1/", 7) == 0 &&
	    strstr(pager_note_text(p), "lines 1-7/") != NULL &&
	    strstr(pager_note_text(p), "%: Title") != NULL,
	    "= says the document, page and lines");
	OK(pager_act(p, ACT_QUIT, 'Z') == 0, "Z waits");
	OK(pager_act(p, ACT_QUIT, 'Z') == 1, "ZZ quits");
	OK(pager_act(p, ACT_QUIT, 'Z') == 0 && pager_act(p, ACT_LINE_DOWN,
	    'j') == 0 && p->pending == 0, "Z then j: j moves, no quit");
}

static void
test_note(struct pager *p)
{
	pager_note(p, "%s %d", "document", 3);
	STR_EQ(pager_note_text(p), "document 3", "pager_note formats");
	pager_note_clear(p);
	STR_EQ(pager_note_text(p), "", "and clears");
}

/* Where the index beside the text goes, and the text column, on a
 * screen COLS wide: the index's width and the text's first column. */
static void
place(struct pager *p, int side, int cols, int want_w, int want_left,
    const char *what)
{
	p->side = side;
	pager_resize(p, 8, cols);
	OK(p->side_w == want_w && p->left == want_left &&
	    p->lay->width == (cols < 100 ? cols : 100),
	    "%s: index %d wide (%d), text from column %d (%d), 100 wide",
	    what, p->side_w, want_w, p->left, want_left);
}

static void
test_side(struct pager *p)
{
	int column = p->column;

	p->column = 100;
	place(p, SIDE_AUTO, 160, 40, 51, "auto, 160 columns");
	place(p, SIDE_AUTO, 140, 38, 40, "auto, 140 columns");
	place(p, SIDE_AUTO, 139, 0, 19, "auto, 139 columns: none");
	place(p, SIDE_ON, 122, 20, 22, "on, 122 columns");
	place(p, SIDE_ON, 121, 0, 10, "on, 121 columns: no room");
	place(p, SIDE_OFF, 200, 0, 50, "off, 200 columns");
	place(p, SIDE_AUTO, 160, 40, 51, "auto again");
	pager_toggle_side(p);
	OK(p->side == SIDE_OFF && p->side_w == 0 && p->left == 30,
	    "I hides it: the text centred (%d)", p->left);
	pager_toggle_side(p);
	OK(p->side == SIDE_ON && p->side_w == 40 && p->left == 51,
	    "I again shows it");
	p->side = SIDE_AUTO;
	p->column = column;
	pager_resize(p, 8, 60);
}

/* I on the index shown gives it the keys: a cursor over its entries,
 * apart from the reader's section, that Enter jumps to. */
static void
test_side_keys(struct pager *p)
{
	uint32_t n = (uint32_t)p->doc->nsections, at, want;
	int column = p->column;

	p->column = 100;
	p->side = SIDE_AUTO;
	pager_resize(p, 8, 160);
	nav_jump(p, 0);
	at = pager_section(p);
	OK(sideindex_enter(p) && p->side_keys && p->side_cur == at,
	    "I: the keys, the cursor on the reader's section (%u)", at);
	OK(!sideindex_move(p, ACT_SEARCH), "a key that does not move it");
	sideindex_move(p, ACT_BOTTOM);
	OK(p->side_cur == n - 1, "End: the last entry");
	sideindex_move(p, ACT_LINE_DOWN);
	OK(p->side_cur == n - 1, "no further than the last");
	sideindex_move(p, ACT_TOP);
	sideindex_move(p, ACT_LINE_UP);
	OK(p->side_cur == 0, "Home, Up: the first entry");
	sideindex_move(p, ACT_PAGE_DOWN);
	OK(p->side_cur == (n - 1 < 5 ? n - 1 : 5),
	    "a page: the entries on screen but one (%u)", p->side_cur);
	sideindex_move(p, ACT_PAGE_UP);
	OK(p->side_cur == 0, "a page back");
	sideindex_move(p, ACT_LINE_DOWN);
	sideindex_move(p, ACT_LINE_DOWN);
	want = p->side_cur;
	OK(pager_section(p) == at, "moving the cursor leaves the text");
	sideindex_choose(p);
	OK(!p->side_keys && pager_section(p) == want &&
	    p->top == layout_line_of_section(p->lay, want),
	    "Enter: section %u at the top, the keys back to the text", want);
	OK(nav_history(p, -1) && pager_section(p) == at, "back comes back");
	sideindex_enter(p);
	sideindex_move(p, ACT_LINE_DOWN);
	sideindex_leave(p);
	OK(!p->side_keys && pager_section(p) == at, "Esc: no jump");
	p->side = SIDE_ON;
	pager_resize(p, 8, 121);
	OK(!sideindex_enter(p) && !p->side_keys &&
	    strstr(pager_note_text(p), "no room") != NULL,
	    "121 columns: no keys, and why (%s)", pager_note_text(p));
	pager_note_clear(p);
	p->side = SIDE_AUTO;
	p->column = column;
	pager_resize(p, 8, 60);
}

int
main(void)
{
	struct pager p;
	struct doc *d = views_open(&p, 8, 60);

	test_sections(&p);
	test_history(&p);
	test_marks(&p);
	test_relayout(&p);
	test_exact(&p);
	test_prepend(&p);
	test_reopen(&p);
	test_counts(&p);
	test_note(&p);
	test_side(&p);
	test_side_keys(&p);
	pager_free(&p);
	doc_free(d);
	test_carry();
	return t_done();
}
