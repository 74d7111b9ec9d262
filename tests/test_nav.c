/*
 * The pager's navigation state without a terminal: next and previous
 * section, the history back and forward, marks, the note, and the
 * reader's place kept across a relayout.  No screen is started; only
 * functions that draw nothing are called.
 */
#include "harness.h"
#include "quire/keymap.h"
#include "quire/pager.h"
#include "views_doc.h"

/* Press KEY in the pager, as the keymap binds it. */
static void
press(struct pager *p, int key)
{
	pager_act(p, keymap_lookup(VIEW_PAGER, key), key);
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
	STR_EQ(views_section(p, s, sizeof(s)), "Three", "3: the third");
	press(p, ']');
	STR_EQ(pager_note_text(p), "no next section", "none after the last");
}

static void
test_history(struct pager *p)
{
	char s[64];

	press(p, 'g');
	press(p, '2');
	press(p, '3');
	STR_EQ(views_section(p, s, sizeof(s)), "Three", "at Three");
	press(p, 'u');
	STR_EQ(views_section(p, s, sizeof(s)), "Two", "back: Two");
	press(p, 'u');
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

	press(p, '2');
	press(p, 'j');
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
	INT_EQ(p->top, layout_find(p->lay, before.block, before.off),
	    "on the top line");
}

static void
test_reopen(struct pager *p)
{
	struct pos from = pager_pos(p), to;

	from.table = 0;
	from.row = 2;
	OK(!pager_take_reopen(p, &to), "no table to go back to yet");
	nav_jump_from(p, 0, from);
	press(p, 'u');
	OK(pager_take_reopen(p, &to), "back into the table view");
	INT_EQ(to.table, 0, "its table");
	INT_EQ(to.row, 2, "its row");
	OK(!pager_take_reopen(p, &to), "only once");
}

static void
test_note(struct pager *p)
{
	pager_note(p, "%s %d", "document", 3);
	STR_EQ(pager_note_text(p), "document 3", "pager_note formats");
	pager_note_clear(p);
	STR_EQ(pager_note_text(p), "", "and clears");
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
	test_reopen(&p);
	test_note(&p);
	pager_free(&p);
	doc_free(d);
	return t_done();
}
