/*
 * A large document's first part, parsed on its own so that its first
 * page can be shown while the whole file is parsed on another thread
 * (bgload.c).
 *
 * The cut is made where cmark-gfm is sure to start a new top-level
 * block whatever came before: a line that begins with a letter or '#'
 * in column 0, after a blank line, outside a top-level code fence and
 * outside an HTML block that blank lines do not end (kinds 1-5: script,
 * pre, style, textarea; comments; processing instructions; declarations;
 * CDATA).  A blank line ends every paragraph, table and block quote,
 * and a line in column 0 after it is no list item's continuation, so
 * every block before the cut is parsed exactly as in the whole file.
 *
 * Links may name a reference defined further on; the reference
 * definitions after the cut are added to the part, so its links read as
 * they will in the whole.  What the part can still get wrong (a
 * definition-like line that is really inside a later code block, a
 * fence opened inside a list item that the scan takes for a top-level
 * one) lasts until the whole document replaces the part.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

#include "quire/doc.h"
#include "quire/util.h"

#define CUT_SEARCH (1024u * 1024) /* look this far past WANT for a cut */

enum html_kind { HTML_NONE, HTML_RAW, HTML_COMMENT, HTML_PI, HTML_DECL,
	HTML_CDATA };

/* Whether LINE (LEN bytes) contains S, ignoring ASCII case. */
static int
contains(const char *line, size_t len, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i + n <= len; i++)
		if (strncasecmp(line + i, s, n) == 0)
			return 1;
	return 0;
}

/* Whether an HTML block of KIND ends on LINE. */
static int
html_ends(enum html_kind kind, const char *line, size_t len)
{
	switch (kind) {
	case HTML_RAW:
		return contains(line, len, "</script>") ||
		    contains(line, len, "</pre>") ||
		    contains(line, len, "</style>") ||
		    contains(line, len, "</textarea>");
	case HTML_COMMENT:
		return contains(line, len, "-->");
	case HTML_PI:
		return contains(line, len, "?>");
	case HTML_DECL:
		return memchr(line, '>', len) != NULL;
	case HTML_CDATA:
		return contains(line, len, "]]>");
	case HTML_NONE:
		break;
	}
	return 1;
}

/* The kind of HTML block that line P (LEN bytes, at '<') starts, if it is
 * one that blank lines do not end; *SKIP is the opener's length. */
static enum html_kind
html_starts(const char *p, size_t len, size_t *skip)
{
	static const char *raw[] = { "script", "pre", "style", "textarea" };
	size_t i, n;

	*skip = 2;
	if (len >= 4 && memcmp(p, "<!--", 4) == 0)
		return *skip = 4, HTML_COMMENT;
	if (len >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
		return *skip = 9, HTML_CDATA;
	if (len >= 2 && p[1] == '?')
		return HTML_PI;
	if (len >= 3 && p[1] == '!' && isalpha((unsigned char)p[2]))
		return HTML_DECL;
	for (i = 0; i < sizeof(raw) / sizeof(raw[0]); i++) {
		n = strlen(raw[i]);
		if (len >= n + 1 && strncasecmp(p + 1, raw[i], n) == 0 &&
		    (len == n + 1 || p[n + 1] == ' ' || p[n + 1] == '\t' ||
		    p[n + 1] == '>' || p[n + 1] == '\r'))
			return *skip = n + 1, HTML_RAW;
	}
	return HTML_NONE;
}

/* Whether LINE holds nothing but blanks. */
static int
blank(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			return 0;
	return 1;
}

size_t
doc_prefix_cut(const char *md, size_t len, size_t want)
{
	size_t pos = 0, end, indent, run, fence_len = 0, skip;
	size_t limit = want + CUT_SEARCH;
	const char *line, *nl, *p;
	char fence = 0;
	enum html_kind html = HTML_NONE;
	int was_blank = 0;

	if (len <= want)
		return 0;
	while (pos < len && pos <= limit) {
		line = md + pos;
		nl = memchr(line, '\n', len - pos);
		end = nl ? (size_t)(nl - line) : len - pos;
		if (fence || html)
			goto inside;
		if (was_blank && pos >= want &&
		    (isalpha((unsigned char)line[0]) || line[0] == '#'))
			return pos;
		was_blank = blank(line, end);
		for (indent = 0; indent < end && indent < 4 && line[indent] == ' ';
		    indent++)
			;
		if (indent > 3 || indent == end)
			goto next;
		p = line + indent;
		if (*p == '`' || *p == '~') {
			for (run = 0; indent + run < end && p[run] == *p; run++)
				;
			if (run >= 3 && !(*p == '`' &&
			    memchr(p + run, '`', end - indent - run)))
				fence = *p, fence_len = run;
		} else if (*p == '<') {
			html = html_starts(p, end - indent, &skip);
			if (html && html_ends(html, p + skip, end - indent - skip))
				html = HTML_NONE;
		}
		goto next;
inside:
		/* In a fence or an HTML block: look only for its end. */
		if (fence) {
			for (indent = 0; indent < end && indent < 4 &&
			    line[indent] == ' '; indent++)
				;
			p = line + indent;
			for (run = 0; indent + run < end && p[run] == fence; run++)
				;
			if (indent <= 3 && run >= fence_len &&
			    blank(p + run, end - indent - run))
				fence = 0;
		} else if (html_ends(html, line, end))
			html = HTML_NONE;
		was_blank = 0;
next:
		if (nl == NULL)
			break;
		pos += end + 1;
	}
	return 0;
}

/* Whether LINE (LEN bytes) may be a link reference definition. */
static int
def_like(const char *line, size_t len)
{
	size_t i;

	for (i = 1; i + 1 < len; i++)
		if (line[i] == ']' && line[i + 1] == ':')
			return 1;
	return 0;
}

/* Append to B the link reference definitions of REST (LEN bytes), each
 * on a line of its own after a blank one: lines that look like one and
 * that cmark-gfm, given them alone, takes for one. */
static void
add_definitions(struct buf *b, const char *rest, size_t len)
{
	struct buf cand = { 0 };
	const char *p = rest, *end = rest + len, *ls, *nl;
	cmark_node *root, *n;
	unsigned char *used;
	size_t nlines = 0, i, k;
	int from, to;

	while ((p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		for (ls = p; ls > rest && ls[-1] == ' ' && p - ls < 4; ls--)
			;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if ((ls == rest || ls[-1] == '\n') && p - ls < 4 &&
		    def_like(p, (size_t)(nl - p))) {
			buf_put(&cand, p, (size_t)(nl - p));
			buf_put(&cand, "\n\n", 2);
			nlines++;
		}
		p = nl;
	}
	if (nlines == 0)
		return;
	/* Lines cmark makes anything of (a paragraph) are not definitions. */
	root = cmark_parse_document(cand.data, cand.len, CMARK_OPT_DEFAULT);
	used = xcalloc(nlines, 1);
	for (n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
		from = cmark_node_get_start_line(n);
		to = cmark_node_get_end_line(n);
		for (k = (size_t)(from > 0 ? from - 1 : 0) / 2;
		    k < nlines && (int)(2 * k + 1) <= to; k++)
			used[k] = 1;
	}
	cmark_node_free(root);
	buf_putc(b, '\n');
	for (i = k = 0; i < nlines; i++) {
		const char *s = cand.data + k;
		size_t l = (size_t)((char *)memchr(s, '\n', cand.len - k) - s);

		if (!used[i]) {
			buf_put(b, s, l);
			buf_put(b, "\n\n", 2);
		}
		k += l + 2;
	}
	free(used);
	buf_free(&cand);
}

struct doc *
doc_load_prefix(const char *md, size_t len, size_t cut)
{
	struct buf b = { 0 };
	struct doc *d;

	buf_put(&b, md, cut);
	add_definitions(&b, md + cut, len - cut);
	d = doc_load_buffer(b.data, b.len);
	d->source_len = cut;
	buf_free(&b);
	return d;
}
