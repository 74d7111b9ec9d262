/*
 * A query in a file's raw bytes (rawfind.h): text across lines, blanks
 * as runs, smart case (ASCII and not), hits inside code and markup,
 * forward and back, at a chunk's border (a match starting before it
 * and running past, none starting at it); patterns one line at a time,
 * past block markers, with their own case rule, over bad UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"
#include "quire/rawfind.h"
#include "quire/search.h"

/* Where Q (with FLAGS) is first (last, BACK) among the first OWN bytes
 * of S (all of it for OWN SIZE_MAX), a match running on to its end. */
static size_t
find(const char *q, int flags, const char *s, size_t own, int back)
{
	struct rawfind *r = rawfind_new(q, flags);
	size_t n = strlen(s), at;

	at = rawfind_in(r, s, n, own == SIZE_MAX ? n : own, back);
	rawfind_free(r);
	return at;
}

/* Offset of the first NEEDLE in S. */
static size_t
off(const char *s, const char *needle)
{
	return (size_t)(strstr(s, needle) - s);
}

static void
test_text(void)
{
	const char *md = "# Buffers\n\nA buffer grows.\n\n```c\nchar "
	    "buffer[64];\n```\n\nThe last\n   words of the book.\n";

	INT_EQ(find("buffer", 0, md, SIZE_MAX, 0), off(md, "Buffers"),
	    "case ignored: the heading's Buffers first");
	INT_EQ(find("Buffer", 0, md, SIZE_MAX, 0), off(md, "Buffers"),
	    "a capital: case kept");
	INT_EQ(find("Buffer", 0, md, SIZE_MAX, 1), off(md, "Buffers"),
	    "a capital, back: the only one");
	INT_EQ(find("buffer", 0, md, SIZE_MAX, 1), off(md, "buffer[64]"),
	    "back: the last, inside code");
	INT_EQ(find("buffer[64]", 0, md, SIZE_MAX, 0), off(md, "buffer[64]"),
	    "without SEARCH_REGEX a bracket is text");
	INT_EQ(find("last words", 0, md, SIZE_MAX, 0), off(md, "last"),
	    "a blank matches a run of blanks over a line's end");
	INT_EQ(find("  words   of ", 0, md, SIZE_MAX, 0), off(md, "words"),
	    "the query's blanks are folded too");
	INT_EQ(find("lastwords", 0, md, SIZE_MAX, 0), SIZE_MAX,
	    "no blank in the query: none in the text");
	INT_EQ(find("émile", 0, "x ÉMILE y", SIZE_MAX, 0), 2,
	    "non-ASCII: lowered as the search lowers");
	INT_EQ(find("Émile", 0, "x émile y", SIZE_MAX, 0), SIZE_MAX,
	    "a non-ASCII capital keeps case");
	INT_EQ(find("a\xC2\xA0" "b", 0, "a \t b", SIZE_MAX, 0), 0,
	    "a no-break space in the query is a blank");
	OK(rawfind_new("   ", 0) == NULL, "a blank query: nothing to look for");
}

static void
test_border(void)
{
	const char *s = "xxxxxxxx needle yyyy needle";
	size_t first = off(s, "needle"), second = off(s, "yyyy") + 5;

	INT_EQ(find("needle", 0, s, first + 1, 0), first,
	    "a match starting before OWN runs on past it");
	INT_EQ(find("needle", 0, s, first, 0), SIZE_MAX,
	    "none starting at OWN: the next chunk has it");
	INT_EQ(find("needle", 0, s, second, 1), first,
	    "back: the last starting before OWN");
	INT_EQ(find("needle", 0, s, second + 1, 1), second,
	    "back: one starting just before OWN");
	INT_EQ(find("nee.le", SEARCH_REGEX, s, first + 1, 0), first,
	    "a pattern: a match starting before OWN runs on past it");
	INT_EQ(find("nee.le", SEARCH_REGEX, s, first, 0), SIZE_MAX,
	    "a pattern: none starting at OWN");
	INT_EQ(find("nee.le", SEARCH_REGEX, s, second + 1, 1), second,
	    "a pattern, back: the last of a line");
	INT_EQ(find("nee.le", SEARCH_REGEX, s, second, 1), first,
	    "a pattern, back: the last starting before OWN");
	INT_EQ(find("le$", SEARCH_REGEX, "dle\nneedle", 2, 0), 1,
	    "a chunk begun inside a line reads from there");
}

/* Every place a needle may stand in a buffer, against the 16 bytes
 * looked at at once: at each offset, forward and back, OWN ending
 * anywhere around it. */
static void
test_offsets(void)
{
	char buf[96];
	size_t at, own, wrong = 0, n;

	for (at = 0; at + 20 < sizeof(buf); at++) {
		memset(buf, 'l', sizeof(buf) - 1); /* the needle's first byte */
		buf[sizeof(buf) - 1] = '\0';
		memcpy(buf + at, "Last  Word", 10);
		n = strlen(buf);
		for (own = 0; own <= n; own++) {
			size_t want = own > at ? at : SIZE_MAX;

			if (find("last word", 0, buf, own, 0) != want ||
			    find("last word", 0, buf, own, 1) != want ||
			    find("Last Wo", 0, buf, own, 1) != want)
				wrong++;
		}
	}
	INT_EQ(wrong, 0, "a needle at every offset, every OWN, both ways");
	INT_EQ(find("t(x", 0, "T(x t{x t(x", SIZE_MAX, 0), 0,
	    "a mark in the first word: case ignored for the letters only");
	INT_EQ(find("T(x", 0, "t(x T{x T(x", SIZE_MAX, 0), 8,
	    "with a capital, exact");
	INT_EQ(find("cafés ouverts", 0, "Un CAFÉS OUVERTS", SIZE_MAX, 0), 3,
	    "a first word ending in a non-ASCII letter");
	INT_EQ(find("aéb", 0, "the AÉB", SIZE_MAX, 0), 4,
	    "a non-ASCII letter inside the first word");
}

static void
test_pattern(void)
{
	const char *md = "Intro\n\n# Rust here\n\n- Rust in a list\n"
	    "> > Rust quoted\n12. Rust numbered\n\n    let n = buf.len();\n\n"
	    "Then rust   and\tgo.\n#hashtag Rust\n\xFF caf\xC3\xA9\n";

	INT_EQ(find("^Rust", SEARCH_REGEX, md, SIZE_MAX, 0),
	    off(md, "Rust here"), "^: past a heading's #");
	INT_EQ(find("^Rust in", SEARCH_REGEX, md, SIZE_MAX, 0),
	    off(md, "Rust in"), "past a bullet");
	INT_EQ(find("^Rust q", SEARCH_REGEX, md, SIZE_MAX, 0),
	    off(md, "Rust quoted"), "past quote marks");
	INT_EQ(find("^Rust n", SEARCH_REGEX, md, SIZE_MAX, 0),
	    off(md, "Rust numbered"), "past an item's number");
	INT_EQ(find("^Rust", SEARCH_REGEX, md, SIZE_MAX, 1),
	    off(md, "Rust numbered"), "back: the last line's");
	INT_EQ(find("^let", SEARCH_REGEX, md, SIZE_MAX, 0), off(md, "let n"),
	    "inside indented code, its indent left out");
	INT_EQ(find("buf\\.len\\(\\)", SEARCH_REGEX, md, SIZE_MAX, 0),
	    off(md, "buf.len"), "escapes, in code");
	INT_EQ(find("rust and go\\.$", SEARCH_REGEX, md, SIZE_MAX, 0),
	    off(md, "rust   and"), "blanks read as one space");
	INT_EQ(find("\\bRUST\\b", SEARCH_REGEX, md, SIZE_MAX, 0), SIZE_MAX,
	    "a capital: case kept");
	INT_EQ(find("\\brust\\b", SEARCH_REGEX, md, SIZE_MAX, 0),
	    off(md, "Rust here"), "no capital: case ignored");
	INT_EQ(find("\\Srust", SEARCH_REGEX, md, SIZE_MAX, 0), SIZE_MAX,
	    "an escape's letter is no capital");
	INT_EQ(find("^hashtag", SEARCH_REGEX, md, SIZE_MAX, 0), SIZE_MAX,
	    "a # without a blank after it is text");
	INT_EQ(find("caf.$", SEARCH_REGEX, md, SIZE_MAX, 0), off(md, "caf"),
	    "a bad byte before: the line still matched");
	INT_EQ(find("Intro.*Rust", SEARCH_REGEX, md, SIZE_MAX, 0), SIZE_MAX,
	    "one line at a time");
	INT_EQ(find("Rust", SEARCH_REGEX, md, SIZE_MAX, 0), off(md, "Rust"),
	    "no metacharacter: text, case kept");
	OK(rawfind_new("a(", SEARCH_REGEX) == NULL, "a bad pattern: NULL");
	/* Only lines holding a byte every match holds are matched: its
	 * other case too, when the pattern ignores it. */
	md = "one\ntwo BUFFER\nthree\nfour buffer\nfive\tBuf\tFER\nsix\n";
	INT_EQ(find("bu.fer", SEARCH_REGEX, md, SIZE_MAX, 0), off(md, "BUFFER"),
	    "the required byte in the other case");
	INT_EQ(find("bu.fer", SEARCH_REGEX, md, SIZE_MAX, 1), off(md, "buffer"),
	    "back: the last line holding it");
	INT_EQ(find("buf fer$", SEARCH_REGEX, md, SIZE_MAX, 1), off(md, "Buf"),
	    "tabs read as one space");
	INT_EQ(find("Bu.fer", SEARCH_REGEX, md, SIZE_MAX, 0), SIZE_MAX,
	    "a capital: case kept, no line has it");
	INT_EQ(find("th?ree|si.", SEARCH_REGEX, md, SIZE_MAX, 1), off(md, "six"),
	    "alternatives: no one byte, every line");
}

int
main(void)
{
	test_text();
	test_border();
	test_offsets();
	test_pattern();
	return t_done();
}
