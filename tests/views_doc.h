/*
 * A small document for the view tests: a title, sections at two levels
 * with text enough to scroll, and a table whose rows name sections.
 */
#ifndef QUIRE_TEST_VIEWS_DOC_H
#define QUIRE_TEST_VIEWS_DOC_H

#include <string.h>

#include "quire/doc.h"
#include "quire/pager.h"
#include "quire/util.h"

#define FILL "Some words to read.\n\nMore words to read.\n\n" \
    "And a few more.\n\nThe end of it.\n\n"

static const char views_md[] =
    "# Title\n\nIntro.\n\n" FILL
    "## One\n\n" FILL
    "### One detail\n\n" FILL
    "## Two\n\n" FILL
    "## Three\n\n"
    "| Name | Size | Note |\n|---|---|---|\n"
    "| One | 1 | odd |\n| Two | 2 | even |\n| Three | 3 | xyzzy |\n\n"
    FILL FILL;

/* The document, laid out in P on a screen of ROWS x COLS. */
__attribute__((unused)) static struct doc *
views_open(struct pager *p, int rows, int cols)
{
	struct doc *d = doc_load_buffer(views_md, strlen(views_md));
	struct pager_setup s;

	memset(&s, 0, sizeof(s));
	s.name = "test.md";
	s.rows = rows;
	s.cols = cols;
	pager_open(p, d, &s);
	return d;
}

/* The title of the section the reader is in, or "". */
__attribute__((unused)) static const char *
views_section(const struct pager *p, char *out, size_t len)
{
	uint32_t s = pager_section(p);
	const struct section *sec;
	size_t n;

	out[0] = '\0';
	if (s == DOC_NONE)
		return out;
	sec = &p->doc->sections[s];
	n = sec->title_len < len ? sec->title_len : len - 1;
	memcpy(out, p->doc->text + sec->title, n);
	out[n] = '\0';
	return out;
}

#endif
