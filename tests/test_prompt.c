/*
 * The bottom-line prompt without a terminal: editing (UTF-8 too),
 * accepting into the history, recalling it, cancelling.
 */
#include "harness.h"
#include "quire/keymap.h"
#include "quire/prompt.h"

#define CTRL(c) ((c) & 0x1f)

/* The last key the keymap binds to A in prompts (a function key). */
static int
bound(enum action a)
{
	size_t i;
	int k = 0;

	for (i = 0; i < keymap_len; i++)
		if (keymap[i].view == VIEW_PROMPT && keymap[i].action == a)
			k = keymap[i].key;
	return k;
}

/* Type S into the prompt. */
static void
type(struct prompt *pr, const char *s)
{
	while (*s)
		prompt_key(pr, (unsigned char)*s++);
}

int
main(void)
{
	struct prompt pr;

	memset(&pr, 0, sizeof(pr));
	prompt_open(&pr, ":");
	OK(pr.active, "open: active");
	type(&pr, "abc");
	STR_EQ(pr.buf, "abc", "typed text");
	INT_EQ(prompt_key(&pr, 127), PROMPT_EDIT, "DEL edits");
	STR_EQ(pr.buf, "ab", "DEL erases the last character");
	INT_EQ(prompt_key(&pr, 0xE9), PROMPT_EDIT, "a letter beyond ASCII");
	INT_EQ(pr.len, 4, "is two bytes of UTF-8");
	prompt_key(&pr, bound(ACT_ERASE));
	STR_EQ(pr.buf, "ab", "Ctrl-H erases it whole");
	prompt_key(&pr, 0x85);
	prompt_key(&pr, '\t');
	STR_EQ(pr.buf, "ab", "control characters are not inserted");
	prompt_key(&pr, CTRL('u'));
	STR_EQ(pr.buf, "", "Ctrl-U erases the line");
	INT_EQ(prompt_key(&pr, 127), PROMPT_CANCEL,
	    "DEL on an empty line cancels");
	OK(!pr.active, "and closes");

	prompt_open(&pr, ":");
	type(&pr, "one");
	INT_EQ(prompt_key(&pr, '\r'), PROMPT_ACCEPT, "Enter accepts");
	OK(!pr.active, "and closes");
	prompt_open(&pr, ":");
	STR_EQ(pr.buf, "", "opens empty");
	type(&pr, "two");
	prompt_key(&pr, '\r');
	prompt_open(&pr, ":");
	type(&pr, "two");
	prompt_key(&pr, '\r');
	INT_EQ(pr.nhist, 2, "the same line twice is kept once");
	prompt_open(&pr, ":");
	prompt_key(&pr, bound(ACT_LINE_UP));
	STR_EQ(pr.buf, "two", "Up: the last line");
	prompt_key(&pr, bound(ACT_LINE_UP));
	STR_EQ(pr.buf, "one", "Up again: the one before");
	prompt_key(&pr, bound(ACT_LINE_UP));
	STR_EQ(pr.buf, "one", "no further back");
	prompt_key(&pr, bound(ACT_LINE_DOWN));
	STR_EQ(pr.buf, "two", "Down: later");
	prompt_key(&pr, bound(ACT_LINE_DOWN));
	STR_EQ(pr.buf, "", "Down past the last: a new line");
	type(&pr, "three");
	INT_EQ(prompt_key(&pr, 27), PROMPT_CANCEL, "Esc cancels");
	INT_EQ(pr.nhist, 2, "a cancelled line is not kept");
	OK(prompt_insert(&pr, 'x'), "prompt_insert adds a character");
	OK(!prompt_insert(&pr, 7), "but not a control character");
	prompt_free(&pr);
	return t_done();
}
