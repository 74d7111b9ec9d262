/*
 * A document's title from its first bytes, without parsing the whole: a
 * line scan finds the headings (ATX, setext, and HTML <h1>-<h6> at the
 * start of a line) outside code and HTML comments, picks the title by
 * the rule of doc.c (the first heading, when no other is at its level or
 * above; front matter's title yields to any H1), and the loader reads
 * just that heading (with the front matter), so its text -- emphasis,
 * links, entities, HTML -- is the one the whole document's parse gives.
 * A heading past the bytes read, or inside a quote or list, is not seen.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quire/doc.h"
#include "quire/util.h"
#include "meta.h"

/* What the scan has seen. */
struct seen {
	size_t start, end; /* the first heading's source */
	int level;         /* its level, 0 before one is seen */
	int top, at_top;   /* the least level seen, how many have it */
	int h1;            /* an H1 was seen */
};

/* The fence a line opens (its character and length), or 0. */
static int
fence_open(const char *p, size_t n, char *c)
{
	size_t i = 0, k;

	while (i < n && i < 3 && p[i] == ' ')
		i++;
	if (i >= n || (p[i] != '`' && p[i] != '~'))
		return 0;
	for (k = i; k < n && p[k] == p[i]; k++)
		;
	if (k - i < 3 || (p[i] == '`' && memchr(p + k, '`', n - k) != NULL))
		return 0;
	*c = p[i];
	return (int)(k - i);
}

/* Whether line P closes a fence of LEN characters C. */
static int
fence_close(const char *p, size_t n, char c, int len)
{
	size_t i = 0, k;

	while (i < n && i < 3 && p[i] == ' ')
		i++;
	for (k = i; k < n && p[k] == c; k++)
		;
	if ((int)(k - i) < len)
		return 0;
	for (; k < n; k++)
		if (p[k] != ' ' && p[k] != '\t' && p[k] != '\r')
			return 0;
	return 1;
}

/* Whether line P is blank. */
static int
blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return 0;
	return 1;
}

/* The ATX heading level of line P, or 0. */
static int
atx(const char *p, size_t n)
{
	size_t i = 0, k;

	while (i < n && i < 3 && p[i] == ' ')
		i++;
	for (k = i; k < n && p[k] == '#'; k++)
		;
	if (k == i || k - i > 6 || (k < n && p[k] != ' ' && p[k] != '\t' &&
	    p[k] != '\r'))
		return 0;
	return (int)(k - i);
}

/* The setext level line P underlines with (1 '=', 2 '-'), or 0. */
static int
underline(const char *p, size_t n)
{
	size_t i = 0, k;

	while (i < n && i < 3 && p[i] == ' ')
		i++;
	if (i >= n || (p[i] != '=' && p[i] != '-'))
		return 0;
	for (k = i; k < n && p[k] == p[i]; k++)
		;
	return blank(p + k, n - k) ? (p[i] == '=' ? 1 : 2) : 0;
}

/* Whether line P can be paragraph text: not a quote, a list item, HTML
 * or indented code (which may go on a paragraph, but never a title). */
static int
text_line(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && i < 4 && p[i] == ' ')
		i++;
	if (i >= 4 || i >= n || p[i] == '\t' || p[i] == '>' || p[i] == '<')
		return 0;
	if ((p[i] == '-' || p[i] == '*' || p[i] == '+') &&
	    (i + 1 == n || p[i + 1] == ' ' || p[i + 1] == '\t'))
		return 0;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	return !(i > 0 && i < n && (p[i] == '.' || p[i] == ')') &&
	    p[i - 1] >= '0' && p[i - 1] <= '9' &&
	    (i + 1 == n || p[i + 1] == ' ' || p[i + 1] == '\t'));
}

/* Whether line P holds "-->". */
static int
closes_comment(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 3 <= n; i++)
		if (p[i] == '-' && p[i + 1] == '-' && p[i + 2] == '>')
			return 1;
	return 0;
}

/* Count a heading of LEVEL from START to END. */
static void
heading(struct seen *s, int level, size_t start, size_t end)
{
	if (s->level == 0) {
		s->level = level;
		s->start = start;
		s->end = end;
	}
	if (s->top == 0 || level < s->top)
		s->top = level, s->at_top = 1;
	else if (level == s->top)
		s->at_top++;
	s->h1 |= level == 1;
}

/* An HTML heading <hN ...> opening line P (at AT of MD, LEN bytes):
 * count it, up to its </hN>; return where the scan goes on. */
static size_t
html_heading(struct seen *s, const char *md, size_t len, size_t at,
    const char *p, size_t n)
{
	size_t i = 0, k;
	char close[6] = "</h?>";

	while (i < n && i < 3 && p[i] == ' ')
		i++;
	if (n - i < 4 || p[i] != '<' || (p[i + 1] != 'h' && p[i + 1] != 'H') ||
	    p[i + 2] < '1' || p[i + 2] > '6' || (p[i + 3] != '>' &&
	    p[i + 3] != ' ' && p[i + 3] != '\t'))
		return at;
	close[3] = p[i + 2];
	for (k = at + i; k + 5 <= len && k < at + i + 4096; k++)
		if (strncasecmp(md + k, close, 5) == 0) {
			heading(s, p[i + 2] - '0', at + i, k + 5);
			return k + 5;
		}
	return at;
}

/* Whether line P opens an HTML block that runs to its end tag
 * (<pre>, <script>, <style>, <textarea>: CommonMark's kind 1). */
static int
raw_open(const char *p, size_t n)
{
	static const char *tag[] = { "pre", "script", "style", "textarea" };
	size_t i = 0, k, t;

	while (i < n && i < 3 && p[i] == ' ')
		i++;
	if (i >= n || p[i] != '<')
		return 0;
	for (t = 0; t < sizeof(tag) / sizeof(tag[0]); t++) {
		k = strlen(tag[t]);
		if (n - i - 1 >= k && strncasecmp(p + i + 1, tag[t], k) == 0 &&
		    (i + 1 + k == n || p[i + 1 + k] == '>' ||
		    p[i + 1 + k] == ' ' || p[i + 1 + k] == '\t'))
			return 1;
	}
	return 0;
}

/* Whether line P holds the end tag of a kind 1 HTML block. */
static int
raw_close(const char *p, size_t n)
{
	static const char *end[] = { "</pre>", "</script>", "</style>",
		"</textarea>" };
	size_t i, t, k;

	for (i = 0; i < n; i++)
		for (t = 0; p[i] == '<' && t < sizeof(end) / sizeof(end[0]);
		    t++) {
			k = strlen(end[t]);
			if (n - i >= k && strncasecmp(p + i, end[t], k) == 0)
				return 1;
		}
	return 0;
}

/* Scan the Markdown MD (LEN bytes, front matter taken off) for
 * headings. */
static void
scan(struct seen *s, const char *md, size_t len)
{
	size_t ls = 0, le, n, para = (size_t)-1, past;
	char fc = 0;
	int flen = 0, comment = 0, raw = 0, html = 0, lv;
	const char *p, *nl;

	for (; ls < len; ls = le < len ? le + 1 : len) {
		nl = memchr(md + ls, '\n', len - ls);
		le = nl != NULL ? (size_t)(nl - md) : len;
		p = md + ls;
		n = le - ls;
		if (flen) { /* in a fence */
			flen = fence_close(p, n, fc, flen) ? 0 : flen;
			continue;
		}
		if (comment || (n >= 4 && memcmp(p, "<!--", 4) == 0)) {
			comment = !closes_comment(p, n);
			para = (size_t)-1;
			continue;
		}
		if (raw || raw_open(p, n)) {
			raw = !raw_close(p, n);
			para = (size_t)-1;
			continue;
		}
		if (blank(p, n)) {
			html = 0;
			para = (size_t)-1;
			continue;
		}
		if ((flen = fence_open(p, n, &fc)) > 0) {
			para = (size_t)-1;
			continue;
		}
		if ((lv = atx(p, n)) > 0) {
			heading(s, lv, ls, le);
			para = (size_t)-1;
			continue;
		}
		if (para != (size_t)-1 && (lv = underline(p, n)) > 0) {
			heading(s, lv, para, le);
			para = (size_t)-1;
			continue;
		}
		if ((past = html_heading(s, md, len, ls, p, n)) != ls) {
			le = past;
			while (le < len && md[le] != '\n')
				le++;
			para = (size_t)-1;
			continue;
		}
		/* Any other HTML block runs to a blank line. */
		if (html || (para == (size_t)-1 && n > 0 && p[0] == '<')) {
			html = 1;
			continue;
		}
		if (!text_line(p, n))
			para = (size_t)-1; /* a quote, a list item, a block */
		else if (para == (size_t)-1)
			para = ls;
	}
}

char *
doc_title_scan(const char *md, size_t len, size_t *tlen)
{
	struct seen s = { 0 };
	struct buf b = { 0 };
	struct doc *d;
	const char *t;
	size_t fm, n;
	char *out = NULL;

	*tlen = 0;
	if (len >= 3 && memcmp(md, "\xEF\xBB\xBF", 3) == 0)
		md += 3, len -= 3;
	if (memchr(md, '\0', len) != NULL)
		len = (size_t)((const char *)memchr(md, '\0', len) - md);
	fm = meta_len(md, len);
	scan(&s, md + fm, len - fm);
	if (s.level == 0 || s.at_top != 1 || s.level != s.top) {
		if (s.h1) /* an H1 that is not the title: no title */
			return NULL;
		s.level = 0;
	}
	buf_put(&b, md, fm);
	if (s.level > 0) {
		buf_putc(&b, '\n');
		buf_put(&b, md + fm + s.start, s.end - s.start);
		buf_putc(&b, '\n');
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	d = doc_load_buffer(b.data, b.len);
	t = doc_title(d, &n);
	if (n > 0) {
		out = memcpy(xmalloc(n + 1), t, n);
		out[n] = '\0';
		*tlen = n;
	}
	doc_free(d);
	buf_free(&b);
	return out;
}
