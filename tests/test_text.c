/*
 * Text hygiene and widths: invalid UTF-8, every kind of control
 * character, tabs, and the widths of wide and combining characters.
 */
#include <stdlib.h>

#include "harness.h"
#include "quire/text.h"

/* Clean S (LEN bytes) and return a malloc'd copy. */
static char *
clean(const char *s, size_t len, int flags)
{
	struct buf b = { 0 };
	int col = 0;

	text_clean(&b, s, len, flags, &col);
	if (b.data == NULL)
		buf_puts(&b, "");
	return b.data;
}

/* Whether S holds any C0, DEL or C1 byte sequence. */
static int
has_control(const char *s, int allow_nl)
{
	size_t i, len = strlen(s);
	uint32_t cp;

	for (i = 0; i < len;) {
		i += text_decode(s + i, len - i, &cp);
		if ((cp < 0x20 && !(allow_nl && cp == '\n')) ||
		    (cp >= 0x7F && cp <= 0x9F))
			return 1;
	}
	return 0;
}

static void
check_clean(const char *in, size_t len, const char *want, const char *what)
{
	char *got = clean(in, len, 0);

	STR_EQ(got, want, "clean: %s", what);
	OK(!has_control(got, 0), "clean: %s leaves no control", what);
	free(got);
}

static void
test_controls(void)
{
	check_clean("a\x1b[31mred", 9, "a^[[31mred", "ESC in caret notation");
	check_clean("bel\x07", 4, "bel^G", "BEL");
	check_clean("bs\x08x", 4, "bs^Hx", "backspace");
	check_clean("del\x7f", 4, "del^?", "DEL");
	check_clean("nul\0x", 5, "nul^@x", "NUL");
	check_clean("c1\xc2\x9b" "31m", 7, "c1\xEF\xBF\xBD" "31m",
	    "C1 CSI as UTF-8 becomes U+FFFD");
	check_clean("raw\x9b" "31m", 7, "raw\xEF\xBF\xBD" "31m",
	    "raw C1 byte becomes U+FFFD");
	check_clean("osc\x1b]0;title\x07", 13, "osc^[]0;title^G", "OSC");
	check_clean("a\r\nb", 4, "a b", "CRLF inside inline text is a space");
}

static void
test_invalid_utf8(void)
{
	check_clean("\xff\xfe", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", "0xFF 0xFE");
	check_clean("\xc0\xaf", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", "overlong '/'");
	check_clean("\xed\xa0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
	    "surrogate");
	check_clean("\xe4\xb8", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", "truncated CJK");
	check_clean("ok \xe4\xb8\xad", 6, "ok \xe4\xb8\xad", "valid CJK kept");
	check_clean("\xf4\x90\x80\x80", 4,
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "above U+10FFFF");
}

static void
test_tabs_and_newlines(void)
{
	char *s = clean("a\tb\n\tc", 6, TEXT_NEWLINES | TEXT_TABS);

	STR_EQ(s, "a   b\n    c", "tabs expand to stops of %d", TEXT_TABSTOP);
	OK(!has_control(s, 1), "code text keeps only newlines");
	free(s);
	s = clean("x\ry", 3, TEXT_NEWLINES);
	STR_EQ(s, "x\ny", "a lone CR is a line end");
	free(s);
}

static void
test_widths(void)
{
	INT_EQ(text_width("abc", 3), 3, "ASCII is one column each");
	INT_EQ(text_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4, "CJK is two columns");
	INT_EQ(text_width("\xf0\x9f\x98\x80", 4), 2, "emoji is two columns");
	INT_EQ(text_width("e\xcc\x81", 3), 1, "combining acute is zero columns");
	INT_EQ(text_cp_width(0x200B), 0, "zero width space");
	INT_EQ(text_cp_width(0xFFFD), 1, "replacement character");
}

/* Invisible format controls are shown by their code; the joiners,
 * the soft hyphen and a flag's tags are kept. */
static void
test_format_controls(void)
{
	char *s;

	check_clean("x/\xe2\x80\xae" "fdp.exe", 12, "x/<U+202E>fdp.exe",
	    "RIGHT-TO-LEFT OVERRIDE shown as its code");
	check_clean("\xe2\x81\xa6" "a\xe2\x81\xa9", 7, "<U+2066>a<U+2069>",
	    "isolates LRI and PDI");
	check_clean("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", 8,
	    "<U+200E><U+200F><U+061C>", "LRM, RLM and ALM");
	check_clean("a\xe2\x80\x8b" "b\xef\xbb\xbf", 8, "a<U+200B>b<U+FEFF>",
	    "zero width space and a BOM inside text");
	check_clean("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", 12,
	    "<U+202A><U+202B><U+202C><U+202D>", "embeddings and PDF");
	check_clean("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", 11,
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
	    "ZWJ in an emoji sequence kept");
	check_clean("soft\xc2\xadhy", 8, "soft\xc2\xadhy", "soft hyphen kept");
	check_clean("\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf", 12,
	    "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf",
	    "a flag's tag sequence kept");
	check_clean("a\xf3\xa0\x81\xa7", 5, "a<U+E0067>",
	    "a tag character alone shown");
	check_clean("\xd8\x80" "1", 3, "\xd8\x80" "1",
	    "a prepended concatenation mark kept");
	s = clean("\xe2\x80\xae", 3, 0);
	INT_EQ(text_width(s, strlen(s)), 8, "the shown code is 8 columns");
	free(s);
}

int
main(void)
{
	test_controls();
	test_invalid_utf8();
	test_tabs_and_newlines();
	test_widths();
	test_format_controls();
	return t_done();
}
