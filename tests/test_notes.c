/*
 * Footnotes and front matter: references numbered in the order of first
 * reference and linked to anchors doc_anchor finds, the notes after a
 * rule as BF_NOTE items, what is not a footnote; front matter read as
 * BLOCK_META entries (quotes, lists, block scalars), its title rule,
 * what is not front matter, hostile bytes in it; both laid out.
 */
#include <stdlib.h>
#include <time.h>

#include "harness.h"
#include "quire/doc.h"
#include "quire/layout.h"
#include "quire/text.h"

/* The text of block BLK, NUL-terminated, in B. */
static const char *
btext(const struct doc *d, uint32_t blk, struct buf *b)
{
	uint32_t off, len;

	b->len = 0;
	doc_block_text(d, blk, &off, &len);
	buf_put(b, d->text + off, len);
	buf_putc(b, '\0');
	return b->data;
}

/* The footnote references of D, as "[1]>#fn-1 [2]>#fn-2 ...", in B. */
static const char *
refs(const struct doc *d, struct buf *b)
{
	size_t i;

	b->len = 0;
	for (i = 0; i < d->nruns; i++) {
		const struct run *r = &d->runs[i];

		if (!(r->style & STY_NOTE))
			continue;
		buf_printf(b, "%s%.*s", b->len ? " " : "", (int)r->len,
		    d->text + r->off);
		if (r->link != DOC_NONE && (r->style & STY_LINK))
			buf_printf(b, ">%.*s", (int)d->links[r->link].len,
			    d->aux + d->links[r->link].off);
	}
	buf_putc(b, '\0');
	return b->data;
}

/* How many blocks of D have KIND, or the flags F. */
static int
count(const struct doc *d, int kind, int f)
{
	size_t i;
	int n = 0;

	for (i = 0; i < d->nblocks; i++)
		n += f ? (d->blocks[i].flags & f) != 0 : d->blocks[i].kind == kind;
	return n;
}

/* All of a layout at WIDTH as text, a line each, in B. */
static const char *
laid(const struct doc *d, int width, struct buf *b)
{
	struct layout *lay = layout_build(d, width, 0);
	size_t i;

	b->len = 0;
	for (i = 0; i < lay->nlines; i++) {
		layout_line_text(lay, i, b);
		buf_putc(b, '\n');
	}
	buf_putc(b, '\0');
	layout_free(lay);
	return b->data;
}

/* Whether S (LEN bytes) holds a control byte other than '\n', or ESC. */
static int
has_control(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7f)
			return 1;
	return 0;
}

static struct doc *
load(const char *md)
{
	return doc_load_buffer(md, strlen(md));
}

static void
test_numbers(void)
{
	struct buf b = { 0 };
	struct doc *d = load("One[^y] two[^x] three[^y] none[^zz].\n\n"
	    "[^x]: Note x.\n\n[^y]: Note y, see [^x].\n\n"
	    "[^never]: Not referenced.\n");
	uint32_t a, blk;
	size_t i;

	STR_EQ(refs(d, &b), "[1]>#fn-1 [2]>#fn-2 [1]>#fn-1 [2]>#fn-2",
	    "references numbered by first reference, repeats alike");
	OK(strstr(btext(d, 0, &b), "none[^zz].") != NULL,
	    "an undefined reference reads as written: %s", b.data);
	INT_EQ(count(d, 0, BF_NOTE), 2, "two notes: the unreferenced one left "
	    "out");
	INT_EQ(count(d, BLOCK_RULE, 0), 1, "one rule");
	INT_EQ(d->blocks[1].kind, BLOCK_RULE, "the rule comes before the notes");
	for (i = 1; i <= 2; i++) {
		char name[16], mark[16];

		snprintf(name, sizeof(name), "fn-%zu", i);
		snprintf(mark, sizeof(mark), "[%zu]", i);
		a = doc_anchor(d, name, strlen(name));
		OK(a != DOC_NONE, "doc_anchor finds %s", name);
		if (a == DOC_NONE)
			continue;
		blk = d->anchors[a].block;
		OK(d->blocks[blk].flags & BF_NOTE, "%s is at a BF_NOTE block",
		    name);
		OK(d->blocks[blk].kind == BLOCK_ITEM && d->blocks[blk].list == 1,
		    "a note is an item of list depth 1");
		OK(d->blocks[blk].aux_len == strlen(mark) &&
		    memcmp(d->aux + d->blocks[blk].aux, mark, strlen(mark)) == 0,
		    "note %zu is marked %s", i, mark);
		STR_EQ(btext(d, blk, &b), i == 1 ? "Note y, see [2]." : "Note x.",
		    "note %zu is the one referenced %s first", i,
		    i == 1 ? "" : "second");
	}
	OK(doc_anchor(d, "#fn-2", 5) != DOC_NONE, "'#fn-2' is found too");
	OK(doc_anchor(d, "fn-3", 4) == DOC_NONE, "there is no note 3");
	INT_EQ(d->nsections, 0, "notes make no section");
	doc_free(d);

	d = load("Text only[^a].\n\n[^b]: unused\n");
	INT_EQ(d->nblocks, 1, "no note, no rule: one block");
	STR_EQ(refs(d, &b), "", "no reference");
	INT_EQ(d->nanchors, 0, "no anchor");
	doc_free(d);
	buf_free(&b);
}

static void
test_note_blocks(void)
{
	struct buf b = { 0 };
	struct doc *d = load("# T\n\nSee[^long] and[^self].\n\n"
	    "[^long]: First paragraph.\n\n    Second paragraph.\n\n"
	    "        code in a note\n\n"
	    "[^self]: Myself[^self].\n");
	uint32_t a = doc_anchor(d, "fn-1", 4), i;
	const char *t;

	OK(a != DOC_NONE, "note 1 found");
	if (a != DOC_NONE) {
		i = d->anchors[a].block;
		STR_EQ(btext(d, i + 1, &b), "Second paragraph.",
		    "a note's next block follows it");
		OK(d->blocks[i + 1].list == 1 && d->blocks[i + 1].kind ==
		    BLOCK_PARAGRAPH && !(d->blocks[i + 1].flags & BF_NOTE),
		    "...in the note, without a marker");
		OK(d->blocks[i + 2].kind == BLOCK_CODE, "a code block in it");
	}
	STR_EQ(refs(d, &b), "[1]>#fn-1 [2]>#fn-2 [2]>#fn-2",
	    "a note referring to itself");
	t = laid(d, 40, &b);
	OK(strstr(t, "\n[1] First paragraph.\n\n    Second paragraph.\n") !=
	    NULL, "laid out: the marker, the rest indented under it");
	OK(strstr(t, "\n[2] Myself[2].\n") != NULL, "the second note");
	OK(strstr(t, "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n\n[1]") != NULL,
	    "a rule before the notes");
	OK(strstr(t, "See[1] and[2].") != NULL, "references as [N]");
	OK(d->nsections == 1 && d->sections[0].end == 2 &&
	    d->blocks[2].kind == BLOCK_RULE &&
	    d->blocks[2].section == DOC_NONE &&
	    d->blocks[d->nblocks - 1].section == DOC_NONE,
	    "the rule and the notes are in no section");
	doc_free(d);
	buf_free(&b);
}

static void
test_many_and_odd(void)
{
	struct buf md = { 0 }, b = { 0 };
	struct doc *d;
	clock_t t0;
	double secs;
	int i;

	for (i = 0; i < 1000; i++)
		buf_printf(&md, "Ref %d[^n%d].\n\n", i, 999 - i);
	for (i = 0; i < 1000; i++)
		buf_printf(&md, "[^n%d]: Note n%d [^n%d].\n\n", i, i,
		    (i + 1) % 1000);
	t0 = clock();
	d = doc_load_buffer(md.data, md.len);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	INT_EQ(count(d, 0, BF_NOTE), 1000, "1,000 notes");
	OK(doc_anchor(d, "fn-1000", 7) != DOC_NONE, "the last is fn-1000");
	STR_EQ(btext(d, 0, &b), "Ref 0[1].", "the first reference is [1]");
	OK(secs < 5, "1,000 notes load in %.3f s", secs);
	doc_free(d);

	/* labels with control bytes and invalid UTF-8 */
	d = load("A[^\x1b[31m\xff] b[^\x07x].\n\n[^\x07x]: bell\xc3\n");
	OK(!has_control(d->text, d->text_len) &&
	    !has_control(d->aux, d->aux_len), "odd labels are cleaned");
	STR_EQ(refs(d, &b), "[1]>#fn-1", "the defined one is a note");
	doc_free(d);
	buf_free(&md);
	buf_free(&b);
}

static void
test_front_matter(void)
{
	struct buf b = { 0 };
	static const char md[] = "---\ntitle: \"Quoted: title\"\n"
	    "tags: [c, 'yaml', \"x\"]\nauthors:\n  - Ann\n  - Bob\n"
	    "# a comment\nsummary: >\n  folded\n  lines\n"
	    "poem: |\n  one\n  two\nplain: value # comment\n---\n\nBody.\n";
	struct doc *d = load(md);
	const char *t;

	INT_EQ(count(d, BLOCK_META, 0), 6, "six entries");
	INT_EQ(d->blocks[6].kind, BLOCK_PARAGRAPH, "then the body");
	STR_EQ(btext(d, 0, &b), "title:Quoted: title", "quotes taken off");
	STR_EQ(btext(d, 1, &b), "tags:c, yaml, x", "a flow list");
	STR_EQ(btext(d, 2, &b), "authors:Ann, Bob", "a block list");
	STR_EQ(btext(d, 3, &b), "summary:folded lines", "a folded scalar");
	STR_EQ(btext(d, 4, &b), "poem:one\ntwo", "a literal scalar");
	STR_EQ(btext(d, 5, &b), "plain:value", "a comment dropped");
	OK(d->blocks[0].level == 1 && (d->runs[d->blocks[0].run].style &
	    STY_STRONG), "the key is a run of its own");
	OK(d->blocks[0].section == DOC_NONE && d->nsections == 0,
	    "not a section");
	{
		size_t n;
		const char *s = doc_title(d, &n);

		OK(n == 13 && memcmp(s, "Quoted: title", 13) == 0,
		    "its title is the document's: %.*s", (int)n, s);
	}
	INT_EQ(d->source_len, sizeof(md) - 1, "the front matter counts as read");
	t = laid(d, 30, &b);
	OK(strncmp(t, "title:   Quoted: title\ntags:    c, yaml, x\n", 41) ==
	    0, "keys and values aligned");
	OK(strstr(t, "poem:    one\n         two\n") != NULL,
	    "lines of a value under each other");
	OK(strstr(t, "two\nplain:   value\n\nBody.\n") != NULL,
	    "a blank line before the body");
	doc_free(d);

	/* a long value wraps under itself */
	d = load("---\nk: aaaa bbbb cccc dddd eeee ffff gggg\n---\n");
	t = laid(d, 20, &b);
	STR_EQ(t, "k: aaaa bbbb cccc\n   dddd eeee ffff\n   gggg\n",
	    "wrapped under the value");
	doc_free(d);
	buf_free(&b);
}

/* The title of MD, in B. */
static const char *
title_of(const char *md, struct buf *b)
{
	struct doc *d = load(md);
	size_t n;
	const char *s = doc_title(d, &n);

	b->len = 0;
	buf_put(b, s, n);
	buf_putc(b, '\0');
	doc_free(d);
	return b->data;
}

static void
test_title_rule(void)
{
	struct buf b = { 0 };

	STR_EQ(title_of("---\ntitle: 'Single'\n---\n## Sub\n", &b), "Single",
	    "no H1: the front matter's title");
	STR_EQ(title_of("---\ntitle: FM\n---\n# Heading\n", &b), "Heading",
	    "an only H1 wins");
	STR_EQ(title_of("---\ntitle: FM\n---\n# A\n\n# B\n", &b), "",
	    "two H1s: no title, not the front matter's either");
	STR_EQ(title_of("---\nTitle: Caps\n...\ntext\n", &b), "Caps",
	    "'...' closes, 'Title' counts");
	STR_EQ(title_of("---\ntitle: |\n  block\n---\ntext\n", &b), "",
	    "a block scalar is no title");
	STR_EQ(title_of("---\nname: x\n---\ntext\n", &b), "",
	    "no title: key, no title");
	buf_free(&b);
}

static void
test_not_front_matter(void)
{
	struct buf md = { 0 }, b = { 0 };
	struct doc *d;
	int i;

	d = load("---\ntitle: never closed\n\nText.\n");
	INT_EQ(count(d, BLOCK_META, 0), 0, "no closing line: Markdown");
	INT_EQ(d->blocks[0].kind, BLOCK_RULE, "...a rule first");
	doc_free(d);
	d = load("---\n\nJust prose.\n\n---\n");
	INT_EQ(count(d, BLOCK_META, 0), 0, "no 'key:' first: Markdown");
	INT_EQ(count(d, BLOCK_RULE, 0), 2, "...two rules");
	doc_free(d);
	d = load("Text\n---\nkey: v\n---\n");
	INT_EQ(count(d, BLOCK_META, 0), 0, "not on line 1: Markdown");
	doc_free(d);

	/* 64 KiB in one line: the closing line is past the limit */
	buf_puts(&md, "---\nk: ");
	for (i = 0; i < 65536; i++)
		buf_putc(&md, "ab "[i % 3]);
	buf_puts(&md, "\n---\n\nBody.\n");
	d = doc_load_buffer(md.data, md.len);
	INT_EQ(count(d, BLOCK_META, 0), 0, "a 64 KiB line: not front matter");
	doc_free(d);
	md.len = 0;
	buf_puts(&md, "---\nk: ");
	for (i = 0; i < 60000; i++)
		buf_putc(&md, "ab "[i % 3]);
	buf_puts(&md, "\n---\n\nBody.\n");
	d = doc_load_buffer(md.data, md.len);
	INT_EQ(count(d, BLOCK_META, 0), 1, "60,000 bytes in one line are");
	{
		struct layout *lay = layout_build(d, 60, 0);

		OK(lay->nlines > 1000, "...laid out in %zu lines", lay->nlines);
		layout_free(lay);
	}
	doc_free(d);
	md.len = 0;
	buf_puts(&md, "---\n");
	for (i = 0; i < 1001; i++)
		buf_printf(&md, "k%d: v\n", i);
	buf_puts(&md, "---\n");
	d = doc_load_buffer(md.data, md.len);
	INT_EQ(count(d, BLOCK_META, 0), 0, "closed after 1,001 lines: not");
	doc_free(d);

	d = load("---\nti\x1btle: a\x07" "b\xff\x9b\n\x01: x\n---\n");
	OK(count(d, BLOCK_META, 0) == 2 && !has_control(d->text, d->text_len),
	    "control bytes in front matter are cleaned");
	OK(strstr(btext(d, 0, &b), "\xef\xbf\xbd") != NULL,
	    "invalid UTF-8 becomes U+FFFD: %s", b.data);
	doc_free(d);
	buf_free(&md);
	buf_free(&b);
}

int
main(void)
{
	test_numbers();
	test_note_blocks();
	test_many_and_odd();
	test_front_matter();
	test_title_rule();
	test_not_front_matter();
	return t_done();
}
