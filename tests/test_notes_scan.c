/*
 * The footnotes scan (doc_notes_scan) numbers a file's notes as
 * cmark-gfm does when it parses the whole: note N's definition starts on
 * the line of the whole's note N, for every Markdown file with notes
 * under the directories named (/usr/share/doc), the fixtures named, the
 * GFM spec examples run together (which have none), and small cases.
 * And a part cut from a file's end (doc_load_notes) lays out the notes
 * the whole ends with, line for line.
 *
 * usage: test_notes_scan EXAMPLES FILE-OR-DIR...
 */
#define _XOPEN_SOURCE 700 /* nftw() */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "harness.h"
#include "quire/doc.h"
#include "quire/layout.h"
#include "quire/util.h"
#include "meta.h"
#include "parse.h"

#define WIDTH 72

static size_t files, with_notes, parts;

/* Where the Markdown of MD starts: after a BOM and front matter. */
static size_t
md_start(const char *md, size_t len)
{
	size_t bom = len >= 3 && memcmp(md, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	return bom + meta_len(md + bom, len - bom);
}

/* The lines (from 1, at START) where the whole's notes are defined, in
 * their numbers' order, in B as "L1 L2 ..."; how many. */
static size_t
whole_notes(const char *md, size_t len, size_t start, struct buf *b)
{
	cmark_node *root = parse_markdown(md + start, len - start, PARSE_GFM |
	    PARSE_NOTES);
	cmark_node *n = cmark_node_last_child(root);
	size_t count = 0;

	while (n != NULL && cmark_node_previous(n) != NULL &&
	    cmark_node_get_type(cmark_node_previous(n)) ==
	    CMARK_NODE_FOOTNOTE_DEFINITION)
		n = cmark_node_previous(n);
	b->len = 0;
	for (; n != NULL; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
			buf_printf(b, "%d ", cmark_node_get_start_line(n));
			count++;
		}
	buf_putc(b, '\0');
	cmark_node_free(root);
	return count;
}

/* The same from the scan's NOTES. */
static void
scan_notes(const char *md, size_t start, const struct doc_notes *notes,
    struct buf *b)
{
	size_t i, k, line;

	b->len = 0;
	for (i = 0; notes != NULL && i < notes->n; i++) {
		for (k = start, line = 1; k < notes->v[i].off; k++)
			line += md[k] == '\n';
		buf_printf(b, "%zu ", line);
	}
	buf_putc(b, '\0');
}

/* The lines of D's notes (from its rule before them), laid out, in B. */
static void
notes_text(const struct doc *d, struct buf *b)
{
	struct layout *lay = layout_build(d, WIDTH, LAYOUT_PLAIN);
	size_t i, from = lay->nlines;

	for (i = 0; i < lay->nlines; i++)
		if (d->blocks[lay->lines[i].block].flags & BF_NOTE) {
			from = i;
			break;
		}
	while (from > 0 && from < lay->nlines &&
	    d->blocks[lay->lines[from - 1].block].kind != BLOCK_RULE)
		from--;
	b->len = 0;
	for (i = from; i < lay->nlines; i++) {
		layout_line_text(lay, i, b);
		buf_putc(b, '\n');
	}
	buf_putc(b, '\0');
	layout_free(lay);
}

/* Check the scan of MD (LEN bytes) against the whole, named NAME. */
static void
check(const char *name, const char *md, size_t len)
{
	struct buf want = { 0 }, got = { 0 };
	struct doc_notes *notes = doc_notes_scan(md, len);
	size_t start = md_start(md, len), n, *cuts, ncuts, k;
	struct doc *whole, *part;

	n = whole_notes(md, len, start, &want);
	scan_notes(md, start, notes, &got);
	files++;
	with_notes += n > 0;
	if (n > 0 || notes != NULL)
		STR_EQ(got.data, want.data, "%s: the scan numbers its %zu notes "
		    "as the whole does (the lines of their definitions)", name,
		    n);
	/* A part from the last place a part may start, to the end. */
	cuts = doc_prefix_cuts(md, len, 1, &ncuts, NULL, NULL, NULL);
	for (k = ncuts; k > 0 && cuts[k - 1] + 64 > len; k--)
		;
	if (notes != NULL && k > 0 && cuts[k - 1] > 0 && !notes->unsure) {
		whole = doc_load_buffer(md, len);
		part = doc_load_notes(md + cuts[k - 1], len - cuts[k - 1],
		    cuts[k - 1], notes);
		notes_text(whole, &want);
		notes_text(part, &got);
		STR_EQ(got.data, want.data, "%s: a part from byte %zu to the end "
		    "shows the whole's notes", name, cuts[k - 1]);
		parts++;
		doc_free(part);
		doc_free(whole);
	}
	free(cuts);
	doc_notes_free(notes);
	buf_free(&want);
	buf_free(&got);
}

static int
one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	size_t n = strlen(path), len;
	char *md;

	(void)st, (void)ftw;
	if (type != FTW_F || n < 3 || strcmp(path + n - 3, ".md") != 0 ||
	    (md = t_slurp(path, &len)) == NULL)
		return 0;
	if (strstr(md, "[^") != NULL || strstr(path, "/usr/share/doc") == NULL)
		check(path, md, len);
	free(md);
	return 0;
}

/* Small cases, each against the whole. */
static const char *cases[] = {
	"x[^b] y[^a]\n\n[^a]: A [^c]\n\n[^b]: B\n\n[^c]: C\n",
	"[^a]: A [^c]\n\nx[^b] y[^a]\n\n[^b]: B\n\n[^c]: C\n",
	"x[^A]\n\n[^a]: first\n\n[^a]: second\n",
	"x[^a] `[^b]` [^c]\n\n> [^a]: in quote\n\n- [^c]: in list\n\n"
	"[^b]: B\n",
	"x[^a](http://u) [^b][^c] \\[^d]\n\n[^a]: A\n\n[^b]: B\n\n[^c]: C\n\n"
	"[^d]: D\n",
	"x[^a b] [^ a] [^a]\n\n[^a]: A\n",
	"x[^a]\n\n[^a]: A\n\n    more [^b]\n\n        code [^c]\n\n[^b]: B\n\n"
	"[^c]: C\n",
	"![^a] [x [^b]](u)\n\n[^a]: A\n\n[^b]: B\n",
	"```\n[^a]\n```\n~~~~ [^b]\n[^c]\n~~~~\n\n    [^d]\n\n[^e]\n\n<!-- [^f] -->"
	"\n\n<!--\n[^g]\n-->\n\n[^a]: A\n\n[^b]: B\n\n[^c]: C\n\n[^d]: D\n\n"
	"[^e]: E\n\n[^f]: F\n\n[^g]: G\n",
	"---\ntitle: notes\n---\n\ntext[^z] and [^y]\n\n[^y]: Y\n\n[^z]: Z\n",
	"No notes here, only [^brackets] and [links][^x].\n",
	/* a definition in a note's paragraph, at its indent, interrupts it */
	"a[^1] b[^2]\n\n[^1]: one\n    [^2]: nested\n\n[^2]: later\n",
	/* ... not a quote's paragraph, whose line it runs on lazily */
	"a[^1] b[^2]\n\n> quote\n    [^2]: lazy\n\n[^1]: one\n[^2]: two\n",
};

/* A file whose last line, with no newline after it, is markers alone
 * (a quote's, an item's) or starts a block: the scan reads no byte past
 * the file's (the copy holds exactly its bytes, for the address
 * sanitizer to see), and finds the note. */
static void
check_last_line(void)
{
	static const char *const ends[] = { ">", "> ", "-", "1.", "> -",
	    "<", "[", "> [" };
	const char *head = "A note[^a].\n\n[^a]: It says.\n\n";
	struct buf md = { 0 };
	struct doc_notes *notes;
	size_t i;
	char *copy;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		md.len = 0;
		buf_printf(&md, "%s%s", head, ends[i]);
		copy = xmalloc(md.len);
		memcpy(copy, md.data, md.len);
		notes = doc_notes_scan(copy, md.len);
		OK(notes != NULL && notes->n == 1, "a last line \"%s\" with "
		    "no newline", ends[i]);
		doc_notes_free(notes);
		free(copy);
	}
	buf_free(&md);
}

/* A document of many notes, cited out of order and defined as it goes,
 * more than a part lays out in full: the part from its last paragraph
 * shows the last of the whole's notes, with their numbers, and their
 * links by reference, defined along the way, read as links. */
static void
check_tail(void)
{
	struct buf md = { 0 }, want = { 0 }, got = { 0 };
	struct doc_notes *notes;
	struct doc *whole, *part;
	size_t i, j, from;
	const char *rest;

	for (i = 0; i < 400; i++) {
		buf_printf(&md, "Paragraph %zu cites a note[^n%zu] and goes "
		    "on.\n\n", i, i * 7919 % 400);
		if (i % 10 == 9)
			for (j = i - 9; j <= i; j++)
				buf_printf(&md, "[^n%zu]: Note %zu, cited in "
				    "paragraph %zu, says a little more than "
				    "fits on one line (see [the manual][m%zu])."
				    "\n\n", j * 7919 % 400, j * 7919 % 400, j,
				    j / 10);
		if (i % 10 == 9)
			buf_printf(&md, "[m%zu]: https://example.org/%zu\n\n",
			    i / 10, i / 10);
	}
	buf_puts(&md, "The last paragraph cites the first note again[^n0].\n");
	from = (size_t)(strstr(md.data, "The last paragraph") - md.data);
	notes = doc_notes_scan(md.data, md.len);
	OK(notes != NULL && notes->n == 400 && !notes->unsure,
	    "400 notes found");
	if (notes == NULL) {
		buf_free(&md);
		return;
	}
	whole = doc_load_buffer(md.data, md.len);
	part = doc_load_notes(md.data + from, md.len - from, from, notes);
	notes_text(whole, &want);
	notes_text(part, &got);
	rest = strchr(got.data, '\n'); /* past the rule */
	OK(rest != NULL && got.len < want.len && strlen(rest) > 1000 &&
	    strcmp(want.data + strlen(want.data) - strlen(rest), rest) == 0,
	    "the part's notes are the last %zu bytes of the whole's",
	    rest ? strlen(rest) : 0);
	OK(strstr(got.data, "(see the manual)") != NULL &&
	    strstr(got.data, "][m") == NULL, "the notes' links read as links");
	OK(strstr(got.data, "[400] Note ") != NULL &&
	    strstr(got.data, "[1] Note ") == NULL, "they keep their numbers");
	OK(part->nblocks > 0 && strstr(part->text, "note again[1]") != NULL,
	    "the part's reference takes the whole's number");
	doc_free(part);
	doc_free(whole);
	doc_notes_free(notes);
	buf_free(&md);
	buf_free(&want);
	buf_free(&got);
}

int
main(int argc, char **argv)
{
	size_t len, k;
	char *md, name[32];
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: test_notes_scan EXAMPLES FILE...\n");
		return 2;
	}
	md = t_spec_document(argv[1], &len);
	OK(md != NULL && len > 10000, "the spec examples make one document");
	if (md != NULL)
		check("spec examples", md, len);
	free(md);
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		snprintf(name, sizeof(name), "case %zu", k + 1);
		check(name, cases[k], strlen(cases[k]));
	}
	check_tail();
	check_last_line();
	for (i = 2; i < argc; i++)
		nftw(argv[i], one, 16, FTW_PHYS);
	OK(with_notes >= 8, "%zu of %zu documents have notes", with_notes,
	    files);
	OK(parts >= 2, "%zu parts cut from the end compared", parts);
	return t_done();
}
