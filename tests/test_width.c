/*
 * Widths against the terminal's: for every assigned code point, quire's
 * text_cp_width() is compared with the C library's wcwidth() in a UTF-8
 * locale, which is what ncurses moves the cursor by.  They must agree
 * but for the deliberate differences listed in deliberate(), each with
 * its reason.  Also: grapheme clusters as text_cluster() measures them.
 */
#define _XOPEN_SOURCE 700 /* wcwidth() */

#include <locale.h>
#include <stdlib.h>
#include <wchar.h>

#include <utf8proc.h>

#include "harness.h"
#include "quire/text.h"

enum why {
	WHY_CONTROL,    /* C0, DEL, C1 */
	WHY_SEPARATOR,  /* U+2028, U+2029 */
	WHY_UNKNOWN,    /* the C library does not know the code point */
	WHY__MAX
};

static const char *why_text[WHY__MAX] = {
	/* Clean text never holds them: text_clean() shows C0 controls and
	 * DEL in caret notation and C1 as U+FFFD, and draw.c turns any that
	 * slipped by into '?'.  wcwidth() says -1. */
	"controls: never stored, shown as ^X or U+FFFD",
	/* LINE and PARAGRAPH SEPARATOR: not printable for wcwidth() (-1);
	 * quire gives them no column and draw.c does not send them. */
	"line and paragraph separators: no column, not drawn",
	/* Assigned in a later Unicode than the C library's tables (glibc
	 * 2.36 has Unicode 14, utf8proc 2.8 Unicode 15): wcwidth() says -1,
	 * quire takes utf8proc's width, as a terminal that knows them does. */
	"newer than the C library's Unicode: utf8proc's width",
};

/* Why quire's width Q may differ from wcwidth()'s W for CP, or -1. */
static int
deliberate(uint32_t cp, int q, int w)
{
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);

	(void)q;
	if (cat == UTF8PROC_CATEGORY_CC)
		return WHY_CONTROL;
	if (cp == 0x2028 || cp == 0x2029)
		return WHY_SEPARATOR;
	if (w == -1)
		return WHY_UNKNOWN;
	return -1;
}

static void
test_every_code_point(void)
{
	size_t seen[WHY__MAX] = { 0 }, assigned = 0, bad = 0;
	uint32_t cp;
	int q, w, why, i;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue; /* surrogates: never decoded */
		if (utf8proc_category((utf8proc_int32_t)cp) ==
		    UTF8PROC_CATEGORY_CN)
			continue;
		assigned++;
		q = text_cp_width(cp);
		w = wcwidth((wchar_t)cp);
		if (q == w)
			continue;
		if ((why = deliberate(cp, q, w)) >= 0) {
			seen[why]++;
			continue;
		}
		if (bad++ < 20)
			printf("# U+%04X (%s): quire %d, wcwidth %d\n", (unsigned)cp,
			    utf8proc_category_string((utf8proc_int32_t)cp), q, w);
	}
	OK(assigned > 140000, "%zu assigned code points walked", assigned);
	INT_EQ(bad, 0, "quire's width is wcwidth()'s but where listed");
	for (i = 0; i < WHY__MAX; i++)
		printf("# deliberate: %zu code points: %s\n", seen[i],
		    why_text[i]);
}

static void
test_examples(void)
{
	/* Devanagari "namaste": the vowel signs (Mc) take a column each */
	static const char namaste[] = "\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8"
	    "\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87";
	static const char ki[] = "\xe0\xa4\x95\xe0\xa4\xbf"; /* KA + I (Mc) */
	int w;

	INT_EQ(text_width(ki, sizeof(ki) - 1), 2, "KA + vowel sign I: 2 columns");
	INT_EQ(text_cluster(ki, sizeof(ki) - 1, &w), 6,
	    "KA + vowel sign I: one cluster");
	INT_EQ(w, 2, "... of 2 columns");
	INT_EQ(text_width(namaste, sizeof(namaste) - 1), 4,
	    "namaste: as wcswidth() gives it");
	INT_EQ(text_cluster("e\xcc\x81x", 4, &w), 3, "e + U+0301 is one cluster");
	INT_EQ(w, 1, "... of 1 column");
	INT_EQ(text_cluster("ab", 2, &w), 1, "ASCII: a character each");
	INT_EQ(text_cluster("\xe4\xb8\xad\xe6\x96\x87", 6, &w), 3,
	    "CJK: a character each");
	INT_EQ(w, 2, "... of 2 columns");
	/* a flag: two regional indicators, one cluster */
	INT_EQ(text_cluster("\xf0\x9f\x87\xab\xf0\x9f\x87\xb7x", 9, &w), 8,
	    "a flag is one cluster");
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "en_US.UTF-8") == NULL) {
		printf("1..0 # SKIP no UTF-8 locale\n");
		return 0;
	}
	test_every_code_point();
	test_examples();
	return t_done();
}
