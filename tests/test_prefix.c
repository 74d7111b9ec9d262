/*
 * A document's first part (doc_prefix_cut, doc_load_prefix) reads as the
 * start of the whole: at every cut the scan offers, the part's laid-out
 * lines are the whole's first lines, word for word.  Run over the files
 * named, and over one document made of every GFM spec example in a row
 * (fences left open, HTML blocks, lists and quotes running into each
 * other), which is where a wrong cut would show.  Parts from further on
 * (for a jump before the whole is parsed) read as the whole's blocks
 * where they are.
 *
 * usage: test_prefix EXAMPLES FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/doc.h"
#include "quire/layout.h"
#include "quire/util.h"
#include "harness.h"

#define WIDTH 72

/* Line N of LAY as text, in B. */
static const char *
line(const struct layout *lay, size_t n, struct buf *b)
{
	b->len = 0;
	layout_line_text(lay, n, b);
	buf_putc(b, '\0');
	return b->data;
}

/* Whether documents A and B have the same title text. */
static int
same_title(const struct doc *a, const struct doc *b)
{
	size_t n, m;
	const char *s = doc_title(a, &n), *t = doc_title(b, &m);

	return n == m && memcmp(s, t, n) == 0;
}

/* Block I of D as text without blanks and brackets, in B. */
static void
part_block_text(const struct doc *d, size_t i, struct buf *b)
{
	const struct block *bl = &d->blocks[i];
	size_t r, k;

	b->len = 0;
	for (r = bl->run; r < bl->run + bl->nruns; r++)
		for (k = 0; k < d->runs[r].len; k++) {
			char c = d->text[d->runs[r].off + k];

			if (c != ' ' && c != '\n' && c != '[' && c != ']')
				buf_putc(b, c);
		}
}

/* Whether the whole's block J reads as the part's block I, links and
 * struck text aside (the part may show "[label]" and "~~" the whole
 * does not): the same kind, level and nesting, and the whole's text
 * found in order in the part's. */
static int
loose_same(const struct doc *part, size_t i, const struct doc *whole,
    size_t j, struct buf *a, struct buf *b)
{
	const struct block *x = &part->blocks[i], *y = &whole->blocks[j];
	size_t p, q;

	if (x->kind != y->kind || x->level != y->level ||
	    x->quote != y->quote || x->list != y->list)
		return 0;
	part_block_text(part, i, a);
	part_block_text(whole, j, b);
	for (p = q = 0; p < a->len && q < b->len; p++)
		q += a->data[p] == b->data[q];
	return q == b->len;
}

/* For a part that may differ in its links: its blocks are the whole's,
 * and each one's text, links aside, is the whole's (whose link texts
 * lose the "[label]" the part shows); SIZE_MAX if so, else the block. */
static size_t
loose_diff(const struct doc *part, const struct doc *whole, struct buf *a,
    struct buf *b)
{
	size_t i, j, k;

	if (part->nblocks > whole->nblocks)
		return whole->nblocks;
	for (i = 0; i < part->nblocks; i++) {
		const struct block *x = &part->blocks[i], *y = &whole->blocks[i];

		if (x->kind != y->kind || x->level != y->level ||
		    x->quote != y->quote || x->list != y->list)
			return i;
		part_block_text(part, i, a);
		part_block_text(whole, i, b);
		for (j = k = 0; j < a->len && k < b->len; j++)
			k += a->data[j] == b->data[k];
		if (k < b->len)
			return i;
	}
	return SIZE_MAX;
}

/* Check every cut of MD against the whole, one TAP line for all of them;
 * return how many cuts were made. */
static int last_differ; /* cuts of the last check that may differ */

static int
check(const char *name, const char *md, size_t len)
{
	char why[512] = "";
	int wrong = 0, declined = 0, differ = 0;
	struct doc *whole = doc_load_buffer(md, len), *part;
	struct layout *all = layout_build(whole, WIDTH, LAYOUT_NUMBERS), *lay;
	struct buf a = { 0 }, b = { 0 };
	size_t cut, n, bad, cuts = 0, want = 1;

	while ((cut = doc_prefix_cut(md, len, want)) != 0) {
		want = cut + 1;
		if ((part = doc_load_prefix(md, len, cut)) == NULL) {
			declined++;
			continue;
		}
		lay = layout_build(part, WIDTH, LAYOUT_NUMBERS);
		if (part->may_differ) {
			differ++;
			if ((bad = loose_diff(part, whole, &a, &b)) != SIZE_MAX &&
			    wrong++ == 0)
				snprintf(why, sizeof(why), ": the part at byte %zu "
				    "(may differ) has block %zu otherwise", cut,
				    bad);
			bad = SIZE_MAX;
			n = lay->nlines;
		} else
			bad = lay->nlines > all->nlines ? all->nlines :
			    SIZE_MAX;
		for (n = 0; !part->may_differ && bad == SIZE_MAX &&
		    n < lay->nlines; n++)
			if (strcmp(line(lay, n, &a), line(all, n, &b)) != 0)
				bad = n;
		if (bad != SIZE_MAX && wrong++ == 0)
			snprintf(why, sizeof(why), ": first at byte %zu, line %zu "
			    "reads \"%.100s\", in the whole \"%.100s\"", cut, bad,
			    bad < lay->nlines ? line(lay, bad, &a) : "",
			    bad < all->nlines ? line(all, bad, &b) : "");
		if (part->source_len != cut && wrong++ == 0)
			snprintf(why, sizeof(why), ": the part at byte %zu says "
			    "it is %zu bytes", cut, part->source_len);
		if ((part->title != whole->title || !same_title(part, whole)) &&
		    wrong++ == 0)
			snprintf(why, sizeof(why), ": the part at byte %zu has "
			    "another title", cut);
		layout_free(lay);
		doc_free(part);
		cuts++;
	}
	OK(wrong == 0, "%s: %d of %zu cuts read otherwise than the whole "
	    "(%d declined, %d may differ in links)%s", name, wrong, cuts,
	    declined, differ, why);
	layout_free(all);
	doc_free(whole);
	buf_free(&a);
	buf_free(&b);
	last_differ = differ;
	return (int)cuts;
}

/*
 * Parts from further on (doc_prefix_cuts, doc_load_beside): the bytes
 * between every cut and the one SPAN cuts on, and from every cut to the
 * end, read as the whole's blocks there (the blocks the text before the
 * cut makes alone come first), links and struck text aside.  One TAP
 * line for all of them; how many parts were made.
 */
static int
check_beside(const char *name, const char *md, size_t len, size_t span)
{
	struct doc *whole = doc_load_buffer(md, len), *part, *head;
	struct buf a = { 0 }, b = { 0 };
	size_t *cuts, n, c, i, k, to, parts = 0, wrong = 0;
	char why[256] = "";

	cuts = doc_prefix_cuts(md, len, 1, &n, NULL, NULL, NULL);
	for (c = 0; c < n; c++) {
		for (k = 0; k < 2; k++) {
			if (k == 1 && c + 8 < n)
				break; /* a tail: the last few cuts alone */
			to = k == 0 && c + span < n ? cuts[c + span] : len;
			head = doc_load_prefix(md, cuts[c], cuts[c]);
			part = doc_load_beside(md + cuts[c], to - cuts[c]);
			for (i = 0; i < part->nblocks; i++)
				if (head->nblocks + i >= whole->nblocks ||
				    !loose_same(part, i, whole,
				    head->nblocks + i, &a, &b))
					break;
			if ((i < part->nblocks || !part->may_differ) &&
			    wrong++ == 0)
				snprintf(why, sizeof(why), ": bytes %zu-%zu, "
				    "block %zu of %zu", cuts[c], to, i,
				    part->nblocks);
			parts++;
			doc_free(head);
			doc_free(part);
		}
	}
	OK(n > 0 && wrong == 0, "%s: %zu of %zu parts from further on read "
	    "otherwise than the whole%s", name, wrong, parts, why);
	free(cuts);
	doc_free(whole);
	buf_free(&a);
	buf_free(&b);
	return (int)parts;
}

/*
 * The cuts a scan from any cut finds (the library scans the bytes from
 * a part's end so, before the whole file is scanned) are the whole
 * scan's from there on: a cut leaves no fence or HTML block open.
 */
static void
check_from_cut(const char *name, const char *md, size_t len)
{
	size_t *all, *from, n, m, c, k, wrong = 0, at = 0;

	all = doc_prefix_cuts(md, len, 1, &n, NULL, NULL, NULL);
	for (c = 0; c < n; c++) {
		from = doc_prefix_cuts(md + all[c], len - all[c], 1, &m, NULL,
		    NULL, NULL);
		for (k = 0; k < m && c + k < n && from[k] + all[c] ==
		    all[c + k]; k++)
			;
		if ((k < m || m != n - c) && wrong++ == 0)
			at = all[c];
		free(from);
	}
	OK(n > 0 && wrong == 0, "%s: the scan from %zu of %zu cuts finds "
	    "other cuts (the first at byte %zu)", name, wrong, n, at);
	free(all);
}

/* Documents that misled the cut or the definitions once; each is
 * padded so that the cut falls where it did. */
static const char *const tricky[] = {
	/* a fence line inside an HTML block of kind 6 */
	"See [foo].\n\n<div>\n```\n</div>\n\nText\n\n```\ncode\n\n"
	"More\n\n```\n\n[foo]: /url\n",
	/* a comment closed on its own line; a textarea */
	"See [foo].\n\n<!-->\n\nText\n\n```\ncode\n\nMore\n\n```\n\n"
	"[foo]: /url\n",
	"Text\n\n<textarea>\n\nx\n\n</pre>\n\nMore ```\n\nEnd\n",
	/* lines ended by a lone CR */
	"para\r```\n\nText\n\n```\n\nMore\n",
	/* definitions in a quote, a list, over two lines, after a
	 * paragraph line */
	"See [foo].\n\nnext\n\n> [foo]: /q\n",
	"See [foo].\n\nnext\n\n- [foo]: /q\n",
	"See [foo].\n\nnext\n\n[foo]:\n/u\n",
	"See [foo].\n\nnext\n\n[foo]: /u \"two\nlines\"\n",
	"See [foo].\n\nnext\n\nword\n[foo]: /url\n",
	/* definitions that are fine: a run of them, at the end */
	"See [foo] and [bar].\n\nnext\n\n[foo]: /f\n[bar]: /b \"B\"\n",
	/* one H1 in the part, another after it: no title in either */
	"# Chapter 1\n\nText.\n\nMore text.\n\n# Chapter 2\n\nEnd.\n",
	/* footnotes: defined before and after the cut, over two
	 * paragraphs, referring to each other; the part shows none */
	"See[^a] and [^b].\n\nMore text.\n\n[^a]: Note a[^b].\n\n"
	"Last[^b].\n\n[^b]: Note b.\n\nEnd[^c].\n\n[^c]: c\n",
	"See[^a].\n\nMore\n\n[^a]: one\n\n    two\n\nEnd\n",
	/* front matter: a fence and '#' lines in it; its title, and an H1
	 * after the cut */
	"---\ntitle: FM\nk: |\n  ```\n  # not a heading\n---\n\nText[^n]\n\n"
	"More\n\n[^n]: n\n\nEnd\n",
	"---\ntitle: FM\n---\n\nText\n\nMore\n\n# Late\n\nEnd\n",
	"\xef\xbb\xbf---\ntitle: BOM\n---\n\nText\n\nMore\n",
	/* Cyrillic and CJK paragraphs */
	"\xd0\x9f\xd1\x80\xd0\xb8\n\n\xe4\xb8\xad\xe6\x96\x87\n\n"
	"\xd0\x9f\n",
};

/* Documents whose rest has lines a scan cannot read alone, and whether
 * the part may differ from the whole in its links (never declined). */
static const struct {
	const char *md;
	int differ;
} rests[] = {
	/* compiler output quoted in a book: no definition at all */
	{ "See [foo] and error[E0106].\n\nnext\n\n"
	  "> error[E0106]: missing lifetime specifier\n"
	  "> error[E0106]: again\n\n[foo]: /f\n", 0 },
	/* definitions in a quote, a list, used by the part */
	{ "See [foo].\n\nnext\n\n> [foo]: /q\n", 1 },
	{ "See [Foo  Bar][].\n\nnext\n\n- [foo bar]: /q\n", 1 },
	{ "See [x][foo].\n\nnext\n\n1. > [foo]: /q\n", 1 },
	/* ... not used by the part: they do not count */
	{ "See [bar].\n\nnext\n\n> [foo]: /q\n\n- [foo]: /l\n", 0 },
	/* in fenced and indented code: they do not count */
	{ "See [foo].\n\nnext\n\n```\n> [foo]: /q\n[foo]: /bad\n"
	  "text\n```\n\n~~~~\n- [foo]: /q\n~~~~\n\n"
	  "    > [foo]: /i\n    [foo]: /j\n", 0 },
	/* a definition after a paragraph line is none; one after it
	 * neither */
	{ "See [foo].\n\nnext\n\nword\n[bar]: /b\n[foo]: /f\n", 1 },
};

int
main(int argc, char **argv)
{
	size_t len;
	char *md;
	int i, cuts, total = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: test_prefix EXAMPLES FILE...\n");
		return 2;
	}
	md = t_spec_document(argv[1], &len);
	OK(md != NULL && len > 10000, "the spec examples make one document");
	cuts = md ? check("spec examples", md, len) : 0;
	OK(cuts > 50, "the spec examples can be cut %d times", cuts);
	cuts = md ? check_beside("spec examples", md, len, 8) : 0;
	if (md != NULL)
		check_from_cut("spec examples", md, len);
	OK(cuts > 50, "the spec examples make %d parts from further on", cuts);
	free(md);
	for (i = 2; i < argc; i++) {
		md = t_slurp(argv[i], &len);
		OK(md != NULL, "read %s", argv[i]);
		if (md == NULL)
			continue;
		total += check(argv[i], md, len);
		check_beside(argv[i], md, len, 8);
		check_from_cut(argv[i], md, len);
		free(md);
	}
	OK(argc == 2 || total > 0, "the files were cut %d times", total);
	for (size_t k = 0; k < sizeof(tricky) / sizeof(tricky[0]); k++) {
		char name[32];

		snprintf(name, sizeof(name), "tricky case %zu", k + 1);
		check(name, tricky[k], strlen(tricky[k]));
		/* (The scan alone, with no cmark-gfm check, is misled by
		 * cases 1 and 4; such a part lasts until the whole is in.) */
		if (k == 2)
			check_beside(name, tricky[k], strlen(tricky[k]), 2);
	}
	{
		static const char fenced[] = "Text\n\n```\ncode\n\nword in "
		    "code\n\n# not a heading\n```\n\nAfter\n\n~~~\nx\n\ny\n"
		    "~~~~\n\nEnd\n";

		check_beside("code with blank lines", fenced, strlen(fenced),
		    1);
	}
	for (size_t k = 0; k < sizeof(rests) / sizeof(rests[0]); k++) {
		char name[32];
		const char *md = rests[k].md;

		snprintf(name, sizeof(name), "uncertain rest %zu", k + 1);
		cuts = check(name, md, strlen(md));
		OK(cuts > 0 && (last_differ > 0) == rests[k].differ,
		    "%s: a part at each of %d cuts, %d may differ in links "
		    "(want %s)", name, cuts, last_differ,
		    rests[k].differ ? "some" : "none");
	}
	return t_done();
}
