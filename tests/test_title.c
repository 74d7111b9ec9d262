/*
 * The title scan (src/doc/title_scan.c) against the full parse: for
 * every Markdown file under the directories given (the fixtures, and
 * /usr/share/doc), the title found from the first DOC_TITLE_SCAN bytes
 * must be the title doc_title() gives for the whole document -- but for
 * a file longer than that, whose later headings may change the title,
 * as the README says: such a difference is listed, not failed -- and
 * the shapes it reads are checked one by one.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static size_t files, agree, longer;

/* Compare the scan with the whole's title for the file at PATH. */
static int
one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	struct doc *d;
	const char *t;
	char *md, *s;
	size_t len, tlen, slen;

	(void)st, (void)ftw;
	if (type != FTW_F || !t_markdown_name(path) ||
	    (md = t_slurp(path, &len)) == NULL)
		return 0;
	if (memchr(md, '\0', len < 8192 ? len : 8192) != NULL) {
		free(md);
		return 0;
	}
	d = doc_load_buffer(md, len);
	t = doc_title(d, &tlen);
	s = doc_title_scan(md, len < DOC_TITLE_SCAN ? len : DOC_TITLE_SCAN,
	    &slen);
	files++;
	if (slen == tlen && (tlen == 0 || memcmp(s, t, tlen) == 0))
		agree++;
	else if (len > DOC_TITLE_SCAN) {
		printf("# %s: \"%.*s\" from its first bytes, \"%.*s\" whole\n",
		    path, (int)slen, s ? s : "", (int)tlen, t);
		longer++;
	} else
		OK(0, "%s: the scan's title \"%.*s\" is the whole's \"%.*s\"",
		    path, (int)slen, s ? s : "", (int)tlen, t);
	free(s);
	doc_free(d);
	free(md);
	return 0;
}

/* The scan of MD is WANT ("" for none). */
static void
scan_is(const char *md, const char *want, const char *what)
{
	size_t n;
	char *s = doc_title_scan(md, strlen(md), &n);

	STR_EQ(s ? s : "", want, "%s", what);
	free(s);
}

/* The shapes the scan reads. */
static void
test_shapes(void)
{
	scan_is("# A *good* `title` &amp; [link](x)\n\ntext\n## Part\n",
	    "A good title & link", "an ATX H1 with inline markup");
	scan_is("Two lines\nof title\n=========\n\n## One\n## Two\n",
	    "Two lines of title", "a setext H1 over a paragraph of two lines");
	scan_is("## Lone\n### a\n### b\n", "Lone", "a lone H2 over H3s");
	scan_is("# One\n\n# Two\n", "", "two H1s: no title");
	scan_is("---\ntitle: From the front\n---\n\n## Intro\n## More\n",
	    "From the front", "front matter's title, no heading alone");
	scan_is("---\ntitle: From the front\n---\n\n# The H1\n", "The H1",
	    "front matter's title yields to an H1");
	scan_is("```\n# not a heading\n```\n<!--\n# nor this\n-->\n"
	    "    # nor this\n\n# Real\n", "Real",
	    "headings in code, comments and indented code are not seen");
	scan_is("<h1 align=\"center\">\n  <b>HTML</b> title\n</h1>\n\ntext\n",
	    "HTML title", "an HTML <h1>");
	scan_is("- item\n---\n\ntext\n", "", "a rule after a list item is "
	    "no heading");
	scan_is("\xEF\xBB\xBF# After a BOM\n", "After a BOM", "a BOM");
	scan_is("no heading at all\n", "", "no heading");
}

int
main(int argc, char **argv)
{
	int i;

	test_shapes();
	for (i = 1; i < argc; i++)
		nftw(argv[i], one, 16, FTW_PHYS);
	OK(files >= 8, "%zu documents compared", files);
	INT_EQ(agree + longer, files, "the scan agrees with the whole on every "
	    "one (%zu longer than the bytes scanned differ)", longer);
	return t_done();
}
