/*
 * A large document's first part, parsed on its own so that its first
 * page can be shown while the whole file is parsed on another thread
 * (bgload.c).
 *
 * The cut is made where cmark-gfm is sure to start a new top-level
 * block whatever came before: a line that begins with a letter, a
 * non-ASCII character or '#' in column 0, after a blank line, outside a
 * top-level code fence and outside an HTML block that blank lines do not
 * end (kinds 1-5: script, pre, style, textarea; comments; processing
 * instructions; declarations; CDATA).  A blank line ends every paragraph,
 * table and block quote, and a line in column 0 after it is no list
 * item's continuation, so every block before the cut is parsed exactly
 * as in the whole file.  The scan can be misled (a fence line inside an
 * HTML block, lines ended by a lone CR), so cmark-gfm checks the part
 * closes every block before the cut.  A part with exactly one level-1
 * heading would take it for the title; if the rest has another, the cut
 * goes past that one.
 *
 * Links may name a reference defined further on; the reference
 * definitions after the cut are added to the part, so its links read as
 * they will in the whole; lines in fenced, indented or HTML blocks do
 * not count.  Where a definition cannot be read on its own (in a block
 * quote or a list, over two lines, next to a paragraph) and the part
 * may use its label, the part is still shown, flagged may_differ: some
 * [text][label] may not be a link in it.  What the part gets wrong lasts
 * until the whole document replaces it, at the same place.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

#include "quire/doc.h"
#include "quire/util.h"
#include "build.h"
#include "meta.h"
#include "notes.h"
#include "parse.h"
#include "prefix.h"

#define CUT_SEARCH (1024u * 1024) /* look this far past WANT for a cut */
#define MAX_CHECKS 4              /* cuts cmark-gfm may turn down */


/* Where the Markdown of MD starts: after a BOM and front matter, which
 * the loader takes off before cmark-gfm sees the text. */
static size_t
markdown_start(const char *md, size_t len)
{
	size_t bom = len >= 3 && memcmp(md, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	size_t fm = meta_len(md + bom, len - bom);

	return fm ? bom + fm : 0;
}

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
int
prefix_blank(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			return 0;
	return 1;
}

/* Whether LINE (LEN bytes) may make a heading of level TOP or above:
 * "# ...", an HTML "<h1", or a setext underline of '=' ('-' for level 2)
 * after a line of text (AFTER). */
static int
heading_like(const char *line, size_t len, int after, int top)
{
	size_t i = 0, n;

	while (i < len && i < 3 && line[i] == ' ')
		i++;
	if (i < len && line[i] == '#') {
		for (n = 0; i < len && line[i] == '#'; i++)
			n++;
		return (int)n <= top && (i == len || line[i] == ' ' ||
		    line[i] == '\t' || line[i] == '\r');
	}
	if (i + 3 < len && line[i] == '<' && (line[i + 1] | 0x20) == 'h' &&
	    line[i + 2] >= '1' && line[i + 2] <= '0' + top &&
	    (line[i + 3] == '>' || line[i + 3] == ' '))
		return 1;
	if (!after || i == len || !(line[i] == '=' || (top >= 2 &&
	    line[i] == '-')))
		return 0;
	for (n = i; i < len && line[i] == line[n]; i++)
		;
	return prefix_blank(line + i, len - i);
}

/* Whether LINE may make a level-1 heading. */
static int
h1_like(const char *line, size_t len, int after)
{
	return heading_like(line, len, after, 1);
}


/*
 * Take LINE (LEN bytes) into T: return 1 if it is outside any fence or
 * HTML block (it may start one), 0 if it is inside one (it may end it).
 */
int
prefix_track_line(struct track *t, const char *line, size_t len)
{
	size_t indent, run, skip;
	const char *p;

	for (indent = 0; indent < len && indent < 4 && line[indent] == ' ';
	    indent++)
		;
	p = line + indent;
	if (t->fence) {
		for (run = 0; indent + run < len && p[run] == t->fence; run++)
			;
		if (indent <= 3 && run >= t->fence_len &&
		    prefix_blank(p + run, len - indent - run))
			t->fence = 0;
		return 0;
	}
	if (t->html) {
		if (html_ends(t->html, line, len))
			t->html = HTML_NONE;
		return 0;
	}
	if (indent > 3 || indent == len)
		return 1;
	if (*p == '`' || *p == '~') {
		for (run = 0; indent + run < len && p[run] == *p; run++)
			;
		if (run >= 3 && !(*p == '`' &&
		    memchr(p + run, '`', len - indent - run)))
			t->fence = *p, t->fence_len = run;
	} else if (*p == '<') {
		t->html = html_starts(p, len - indent, &skip);
		if (t->html && html_ends(t->html, p + skip, len - indent - skip))
			t->html = HTML_NONE;
	}
	return 1;
}

/* Whether a line at or past FROM, outside fences and HTML blocks, may
 * make a heading of level TOP or above. */
static int
heading_after(const char *md, size_t len, size_t from, int top)
{
	struct track t = { 0, 0, HTML_NONE };
	const char *p = md + from, *end = md + len, *nl;
	size_t n;
	int after = 0;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = (size_t)((nl ? nl : end) - p);
		if (prefix_track_line(&t, p, n)) {
			if (heading_like(p, n, after, top))
				return 1;
			after = !prefix_blank(p, n);
		} else
			after = 0;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return 0;
}

/* Whether a line at or past FROM may make a level-1 heading. */
static int
h1_after(const char *md, size_t len, size_t from)
{
	return heading_after(md, len, from, 1);
}

/*
 * Whether cmark-gfm, given the CUT bytes of MD alone and the line after
 * them, starts a new top-level block at that line: an open fence or HTML
 * block would run into the rest (the scan can be misled, by a fence
 * inside an HTML block, by lines ended by a lone CR, ...).
 */
static int
cut_closes(const char *md, size_t len, size_t cut)
{
	cmark_node *root;
	cmark_node *last;
	const char *nl = memchr(md + cut, '\n', len - cut);
	size_t i, end = nl ? (size_t)(nl - md) + 1 : len;
	int lines = 0, ok;

	i = markdown_start(md, cut); /* front matter is not Markdown */
	md += i, cut -= i, end -= i;
	root = parse_markdown(md, end, 0);
	last = cmark_node_last_child(root);
	for (i = 0; i < cut; i++)
		lines += md[i] == '\n' || (md[i] == '\r' && (i + 1 == cut ||
		    md[i + 1] != '\n'));
	ok = last != NULL && cmark_node_get_start_line(last) == lines + 1;
	cmark_node_free(root);
	return ok;
}

/* The end of what the scans past FROM read: SCAN bytes on, at most LEN. */
static size_t
scan_end(size_t len, size_t from, size_t scan)
{
	return len - from > scan ? from + scan : len;
}

/* doc_prefix_cut, its heading scan reading SCAN bytes past a cut. */
static size_t
prefix_cut(const char *md, size_t len, size_t want, size_t scan)
{
	struct track t = { 0, 0, HTML_NONE };
	size_t pos = 0, end, h1s = 0, limit = want + CUT_SEARCH;
	const char *line, *nl;
	int was_blank = 0, checks = 0, rest_h1 = -1;
	unsigned char c;

	if (len <= want)
		return 0;
	pos = markdown_start(md, len); /* after front matter */
	while (pos < len && pos <= limit) {
		line = md + pos;
		nl = memchr(line, '\n', len - pos);
		end = nl ? (size_t)(nl - line) : len - pos;
		c = (unsigned char)line[0];
		if (!t.fence && !t.html && was_blank && pos >= want &&
		    (isalpha(c) || c == '#' || c >= 0xC2)) {
			/* A lone H1 in the part is the title only if the rest
			 * has none: else cut past the next one. */
			if (h1s == 1 && rest_h1 < 0)
				rest_h1 = h1_after(md, scan_end(len, pos, scan),
				    pos);
			if (h1s != 1 || !rest_h1) {
				if (cut_closes(md, len, pos))
					return pos;
				if (++checks >= MAX_CHECKS)
					return 0;
			}
		}
		if (prefix_track_line(&t, line, end)) {
			h1s += h1_like(line, end, !was_blank && pos > 0);
			was_blank = prefix_blank(line, end);
		} else
			was_blank = 0;
		if (nl == NULL)
			break;
		pos += end + 1;
	}
	return 0;
}

size_t
doc_prefix_cut(const char *md, size_t len, size_t want)
{
	return prefix_cut(md, len, want, len);
}

/* doc_load_prefix, its scans of the rest reading SCAN bytes past the
 * cut; MORE: the file goes on past LEN. */
static struct doc *
load_prefix(const char *md, size_t len, size_t cut, size_t scan, int more)
{
	struct buf b = { 0 };
	struct doc *d;
	size_t end = scan_end(len, cut, scan);
	int differ = 0, unread = more || end < len;

	buf_put(&b, md, cut);
	/* Links by reference may need the definitions of the rest. */
	if (memchr(md, ']', cut) != NULL) {
		prefix_definitions(&b, md, cut, md + cut, end - cut, &differ);
		differ |= unread; /* some may be defined further on */
	}
	d = doc_load_part(b.data, b.len);
	buf_free(&b);
	/* Its title (a lone heading, or the front matter's) is the title
	 * only if the rest has no heading at that level or above (no
	 * level-1 heading, for the front matter's). */
	if (((d->title != DOC_NONE || d->fm_title_len > 0) &&
	    h1_after(md, end, cut)) || (d->title != DOC_NONE &&
	    heading_after(md, end, cut, d->sections[d->title].level))) {
		doc_free(d);
		return NULL;
	}
	/* One further on, unread, would take the title away. */
	differ |= unread && (d->title != DOC_NONE || d->fm_title_len > 0);
	d->source_len = cut;
	d->may_differ = (uint8_t)differ;
	return d;
}

struct doc *
doc_load_prefix(const char *md, size_t len, size_t cut)
{
	return load_prefix(md, len, cut, len, 0);
}

struct doc *
doc_load_head(const char *md, size_t len, size_t total, size_t want,
    size_t scan)
{
	size_t cut = prefix_cut(md, len, want, scan);

	return cut == 0 ? NULL : load_prefix(md, len, cut, scan, total > len);
}

/* The level of the heading the line at LINE (END bytes, in column 0
 * after a blank line) starts, of MD's LEN bytes: "# ..." or a line
 * over a setext underline; 0 if none. */
static int
outline_level(const char *md, size_t len, const char *line, size_t end)
{
	const char *next = line + end + 1, *nl;
	size_t i, k;

	for (i = 0; i < end && i < 7 && line[i] == '#'; i++)
		;
	if (i > 0)
		return i <= 6 && (i == end || line[i] == ' ' ||
		    line[i] == '\t' || line[i] == '\r') ? (int)i : 0;
	if (next >= md + len)
		return 0;
	nl = memchr(next, '\n', (size_t)(md + len - next));
	k = nl ? (size_t)(nl - next) : (size_t)(md + len - next);
	for (i = 0; i < k && i < 3 && next[i] == ' '; i++)
		;
	if (i == k || (next[i] != '=' && next[i] != '-'))
		return 0;
	for (end = i; i < k && next[i] == next[end]; i++)
		;
	return prefix_blank(next + i, k - i) ? (next[end] == '=' ? 1 : 2) : 0;
}

size_t *
doc_prefix_cuts(const char *md, size_t len, size_t step, size_t *n,
    struct doc_outline **heads, size_t *nheads, struct doc_notes **notes)
{
	struct track t = { 0, 0, HTML_NONE };
	struct notes_scan *ns = NULL;
	size_t pos, end, cap = 0, hcap = 0, next = 0, last = 0, *v = NULL;
	const char *line, *nl;
	int was_blank = 1, level, open, out, blank; /* the start is after a
	                                               blank line */
	unsigned char c;

	*n = 0;
	if (heads != NULL)
		*heads = NULL, *nheads = 0;
	pos = markdown_start(md, len); /* after front matter */
	if (notes != NULL) /* the footnotes too, in the same pass */
		ns = notes_scan_new(md, len, pos);
	while (pos < len) {
		line = md + pos;
		nl = memchr(line, '\n', len - pos);
		end = nl ? (size_t)(nl - line) : len - pos;
		c = (unsigned char)line[0];
		if (!t.fence && !t.html && was_blank &&
		    (isalpha(c) || c == '#' || c >= 0xC2)) {
			if (pos >= next) {
				GROW(v, cap, *n, 1);
				v[(*n)++] = pos;
				next = pos + step;
			}
			last = pos;
			if (heads != NULL &&
			    (level = outline_level(md, len, line, end)) > 0) {
				GROW(*heads, hcap, *nheads, 1);
				(*heads)[*nheads].off = pos;
				(*heads)[(*nheads)++].level = (uint8_t)level;
			}
		}
		open = !t.fence && !t.html;
		blank = prefix_blank(line, end);
		out = prefix_track_line(&t, line, end);
		was_blank = out && blank;
		if (ns != NULL)
			notes_scan_line(ns, line, line + end, blank ?
			    NOTES_BLANK : !out || (open && (t.fence ||
			    t.html)) ? NOTES_CODE : NOTES_TEXT);
		if (nl == NULL)
			break;
		pos += end + 1;
	}
	if (*n > 0 && last > v[*n - 1]) {
		GROW(v, cap, *n, 1);
		v[(*n)++] = last;
	}
	if (notes != NULL)
		*notes = notes_scan_end(ns);
	return v;
}
