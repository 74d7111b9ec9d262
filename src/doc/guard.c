/*
 * The guard: one linear pass over a document's bytes, before cmark-gfm
 * parses them, that bounds the parser's work.  Debian 12's cmark-gfm
 * (0.29.0.gfm.6) predates the upstream fixes for inputs whose cost grows
 * with the square of their size: table rows of thousands of cells,
 * paragraphs read again for every line that looks like a delimiter row,
 * image openers and inline HTML left open, emphasis delimiters piled up
 * before links, email autolinks, blank lines under deep lists.  Past a
 * limit (guard.h) the guard escapes the character that would start the
 * costly work -- a backslash before a punctuation mark shows the mark
 * itself -- or drops the extra blank lines.  The text is copied only when
 * something changes, and each change is recorded so that guard_repair()
 * can undo it where text is shown verbatim (code and HTML blocks).
 *
 * A "paragraph" here is an upper bound of cmark's inline subjects: the
 * lines between sure boundaries -- blank lines, ATX headings, bullet
 * list items, and rows of a table the guard is sure cmark opened.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "guard.h"

/* HTML block kinds 1-5 (CommonMark 4.6), which run across blank lines. */
enum { HTML_RAW = 1, HTML_COMMENT, HTML_PI, HTML_DECL, HTML_CDATA, HTML__MAX };

struct scan {
	const char *md;
	size_t len;
	struct guard *g;
	int changed;
	size_t copied;       /* input bytes copied to g->out */
	uint32_t line;       /* guarded line number of the current line */
	size_t line_edit;    /* first edit of the current line */
	/* the current paragraph */
	size_t para;         /* input offset where it began */
	uint64_t delims;     /* emphasis delimiter runs in it */
	uint64_t cost;       /* delimiter-stack steps spent at link closers */
	uint32_t cands, images, html;
	int live;            /* cmark may have opened a table in it */
	int wide;            /* a line in it has more separators than allowed */
	int cap;             /* cap the separators of the current line */
	/* block context */
	uint32_t blanks;     /* blank lines in a row */
	int plain;           /* every line since a blank is top-level text */
	int head;            /* cells of the previous line, if it may head a table */
	int table;           /* in a table the guard is sure cmark sees */
	unsigned html_open;  /* bits (1 << HTML_*): blocks that may be open */
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Copy the input up to offset AT, starting the copy if need be. */
static void
copy_to(struct scan *s, size_t at)
{
	if (!s->changed) {
		s->changed = 1;
		s->g->out.len = 0;
	}
	buf_put(&s->g->out, s->md + s->copied, at - s->copied);
	s->copied = at;
}

/* Insert a backslash before input offset AT (on the current line). */
static void
escape(struct scan *s, size_t at)
{
	struct guard *g = s->g;

	copy_to(s, at);
	buf_putc(&g->out, '\\');
	GROW(g->edits, g->cap_edits, g->nedits, 1);
	g->edits[g->nedits].line = s->line;
	g->edits[g->nedits].n = (uint32_t)at; /* made relative in end_line() */
	g->edits[g->nedits++].kind = GUARD_ESCAPE;
}

/* Drop the input line FROM..TO, a blank line past the limit. */
static void
drop_line(struct scan *s, size_t from, size_t to)
{
	struct guard *g = s->g;
	struct guard_edit *e = g->nedits ? &g->edits[g->nedits - 1] : NULL;

	copy_to(s, from);
	s->copied = to;
	if (e != NULL && e->kind == GUARD_BLANKS && e->line == s->line - 1) {
		e->n++;
		return;
	}
	GROW(g->edits, g->cap_edits, g->nedits, 1);
	g->edits[g->nedits].line = s->line - 1;
	g->edits[g->nedits].n = 1;
	g->edits[g->nedits++].kind = GUARD_BLANKS;
}

/* Turn the current line's escape offsets into distances from its end. */
static void
end_line(struct scan *s, size_t le)
{
	struct guard *g = s->g;
	size_t k = g->nedits, j = le, extra = 0;

	while (k > s->line_edit) {
		struct guard_edit *e = &g->edits[--k];

		for (; j > e->n; j--)
			if (s->md[j - 1] == '\0')
				extra += 2;
		e->n = (uint32_t)(le - e->n + extra);
		extra++; /* this backslash, for the edits left of it */
	}
	s->line_edit = g->nedits;
}

/* Forget the current paragraph: the next one begins at offset AT. */
static void
new_para(struct scan *s, size_t at)
{
	s->para = at;
	s->delims = s->cost = 0;
	s->cands = s->images = s->html = 0;
	s->live = s->wide = 0;
}

/*
 * Offset of a line's content after block-quote markers and at most three
 * spaces of indent, or -1 when it is indented more, or by a tab.
 */
static long
block_start(const char *p, size_t n)
{
	size_t i = 0, sp;

	for (;;) {
		for (sp = 0; i < n && p[i] == ' ' && sp < 4; i++)
			sp++;
		if (sp > 3 || (i < n && p[i] == '\t'))
			return -1;
		if (i < n && p[i] == '>') {
			i++;
			if (i < n && p[i] == ' ')
				i++;
			continue;
		}
		return (long)i;
	}
}

/* Length of an ATX heading opener ("#" to "######" then space or end). */
static int
atx(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && i < 7 && p[i] == '#')
		i++;
	return i >= 1 && i <= 6 && (i == n || is_space(p[i]));
}

/* Whether P is a thematic break, or a setext underline of C. */
static int
rule_line(const char *p, size_t n, char c, int spaced)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++) {
		if (p[i] == c)
			count++;
		else if (!is_space(p[i]) || (!spaced && count > 0 &&
		    i + 1 < n && p[i + 1] == c))
			return 0;
	}
	return count >= (spaced ? 3u : 1u);
}

/* Whether a line may start a block other than a paragraph. */
static int
block_like(const char *p, size_t n)
{
	size_t i = 0;

	if (n == 0)
		return 1;
	switch (p[0]) {
	case ' ': case '\t': case '>': case '<': case '[':
		return 1;
	case '#':
		return atx(p, n);
	case '-': case '+': case '*': case '_':
		if (p[0] != '_' && (n == 1 || is_space(p[1])))
			return 1;
		return p[0] != '+' && (rule_line(p, n, p[0], 1) ||
		    (p[0] == '-' && rule_line(p, n, '-', 0)));
	case '=':
		return rule_line(p, n, '=', 0);
	case '`': case '~':
		return n >= 3 && p[1] == p[0] && p[2] == p[0];
	}
	while (i < n && i < 10 && p[i] >= '0' && p[i] <= '9')
		i++;
	return i > 0 && i < 10 && i < n && (p[i] == '.' || p[i] == ')') &&
	    (i + 1 == n || is_space(p[i + 1]));
}

/* Whether a line surely ends the inline subject before it: 2 for an
 * ATX heading (a subject of its own), 1 for a bullet list item. */
static int
boundary(const char *p, size_t n)
{
	long b = block_start(p, n);
	size_t i;

	if (b < 0)
		return 0;
	p += b, n -= (size_t)b;
	if (atx(p, n))
		return 2;
	if (n < 3 || (p[0] != '-' && p[0] != '+' && p[0] != '*') ||
	    !is_space(p[1]))
		return 0;
	for (i = 2; i < n; i++)
		if (!is_space(p[i]))
			return 1;
	return 0;
}

/* Cells of a table row as cmark-gfm splits it (a '|' after a backslash
 * is text), 0 if it has none, GUARD_MAX_COLUMNS + 1 if too many. */
static int
row_cells(const char *p, size_t n)
{
	size_t i = 0;
	int cells = 1;

	while (n > 0 && (is_space(p[n - 1]) || p[n - 1] == '\v' ||
	    p[n - 1] == '\f'))
		n--;
	if (n > 0 && p[0] == '|')
		i = 1;
	if (i == n)
		return 0;
	for (; i < n && cells <= GUARD_MAX_COLUMNS + 1; i++)
		if (p[i] == '|' && p[i - 1] != '\\')
			cells++;
	if (p[n - 1] == '|' && n >= 2 && p[n - 2] != '\\')
		cells--;
	return cells > GUARD_MAX_COLUMNS ? GUARD_MAX_COLUMNS + 1 : cells;
}

/* Skip one delimiter-row cell (": -- :") from I; 0 if there is none. */
static size_t
marker(const char *p, size_t n, size_t i, int vspace)
{
	size_t d;

	while (i < n && (is_space(p[i]) || (vspace && (p[i] == '\v' ||
	    p[i] == '\f'))))
		i++;
	if (i < n && p[i] == ':')
		i++;
	for (d = i; i < n && p[i] == '-'; i++)
		;
	if (i == d)
		return 0;
	if (i < n && p[i] == ':')
		i++;
	while (i < n && (is_space(p[i]) || (vspace && (p[i] == '\v' ||
	    p[i] == '\f'))))
		i++;
	return i;
}

/*
 * Cells of a delimiter row, for one with a pipe, at column 0: strictly
 * less than cmark-gfm accepts, so a table the guard sees is one cmark
 * opens.  With VSPACE, as loosely as cmark's scan_table_start: whether
 * cmark could try the line as a delimiter row at all.
 */
static int
delim_cells(const char *p, size_t n, int vspace)
{
	size_t i = 0, j;
	int cells = 0, pipes = 0;

	if (n >= 2 && p[0] == '-' && is_space(p[1]))
		return 0; /* a list item */
	if (!vspace && n > 0 && is_space(p[0]))
		return 0; /* cmark takes 0-3 spaces; the guard, none */
	if (i < n && p[i] == '|')
		i++, pipes++;
	while ((j = marker(p, n, i, vspace)) != 0) {
		cells++;
		i = j;
		if (i < n && p[i] == '|')
			i++, pipes++;
		else
			break;
		if (marker(p, n, i, vspace) == 0)
			break;
	}
	while (i < n && (is_space(p[i]) || (vspace && (p[i] == '\v' ||
	    p[i] == '\f'))))
		i++;
	if (i != n)
		return 0;
	return pipes > 0 || vspace ? cells : 0;
}

/* Where to escape a line cmark might try as a delimiter row, or -1;
 * its cells in *CELLS. */
static long
delim_candidate(const char *p, size_t n, int *cells)
{
	size_t i = 0, k;

	while (i < n && (is_space(p[i]) || p[i] == '>'))
		i++;
	*cells = delim_cells(p + i, n - i, 1);
	if (*cells == 0 || rule_line(p + i, n - i, '-', 0))
		return -1;
	for (k = n; k > i; k--)
		if (p[k - 1] == '-' || p[k - 1] == ':')
			return (long)(k - 1);
	return -1;
}

/* Which HTML block kind 1-5 starts at P, or 0. */
static int
html_start(const char *p, size_t n)
{
	static const char *raw[] = { "script", "pre", "style", "textarea" };
	size_t k, l;

	if (n >= 4 && memcmp(p, "<!--", 4) == 0)
		return HTML_COMMENT;
	if (n >= 2 && p[1] == '?')
		return HTML_PI;
	if (n >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
		return HTML_CDATA;
	if (n >= 3 && p[1] == '!' && ((p[2] | 0x20) >= 'a' &&
	    (p[2] | 0x20) <= 'z'))
		return HTML_DECL;
	for (k = 0; k < 4; k++) {
		l = strlen(raw[k]);
		if (n >= l + 1 && strncasecmp(p + 1, raw[k], l) == 0 &&
		    (n == l + 1 || is_space(p[l + 1]) || p[l + 1] == '>'))
			return HTML_RAW;
	}
	return 0;
}

/* Which HTML block kinds 1-5 may end at the '>' at P[I]: a bit set. */
static unsigned
html_ends(const char *p, size_t i)
{
	static const char *raw[] = { "</script", "</pre", "</style",
		"</textarea" };
	unsigned bits = 1u << HTML_DECL;
	size_t k, l;

	if (i >= 2 && p[i - 1] == '-' && p[i - 2] == '-')
		bits |= 1u << HTML_COMMENT;
	if (i >= 1 && p[i - 1] == '?')
		bits |= 1u << HTML_PI;
	if (i >= 2 && p[i - 1] == ']' && p[i - 2] == ']')
		bits |= 1u << HTML_CDATA;
	for (k = 0; k < 4; k++) {
		l = strlen(raw[k]);
		if (i >= l && strncasecmp(p + i - l, raw[k], l) == 0)
			bits |= 1u << HTML_RAW;
	}
	return bits;
}

/* Track which HTML blocks of kinds 1-5 may be open after line P. */
static void
html_track(struct scan *s, const char *p, size_t n)
{
	long start[HTML__MAX], end[HTML__MAX];
	size_t i;
	int k;

	for (k = 0; k < HTML__MAX; k++)
		start[k] = end[k] = -1;
	for (i = 0; i < n; i++) {
		if (p[i] == '<' && (k = html_start(p + i, n - i)) != 0)
			start[k] = (long)i;
		else if (p[i] == '>') {
			unsigned bits = html_ends(p, i);

			for (k = 1; k < HTML__MAX; k++)
				if (bits & (1u << k))
					end[k] = (long)i;
		}
	}
	for (k = 1; k < HTML__MAX; k++) {
		if (start[k] > end[k])
			s->html_open |= 1u << k;
		else if (end[k] >= 0)
			s->html_open &= ~(1u << k);
	}
}

/* Whether the image opener whose '[' is at P[I-1] closes on its line,
 * with nothing between that could hold its ']' back. */
static int
image_closed(const char *p, size_t i, size_t n)
{
	for (; i < n; i++)
		switch (p[i]) {
		case ']':
			return 1;
		case '[': case '`': case '<': case '\\':
			return 0;
		}
	return 0;
}

/* Last places on a line of "?>", '>' and "]]>", for inline HTML. */
struct ends {
	long pi, gt, cdata;
};

/* Find the last "?>", '>' and "]]>" of line P. */
static void
find_ends(const char *p, size_t n, struct ends *e)
{
	size_t i;

	e->pi = e->gt = e->cdata = -1;
	for (i = n; i > 0; i--) {
		if (p[i - 1] != '>')
			continue;
		if (e->gt < 0)
			e->gt = (long)i - 1;
		if (e->pi < 0 && i >= 2 && p[i - 2] == '?')
			e->pi = (long)i - 2;
		if (e->cdata < 0 && i >= 3 && p[i - 2] == ']' && p[i - 3] == ']')
			e->cdata = (long)i - 3;
		if (e->pi >= 0 && e->cdata >= 0)
			break;
	}
}

/* Whether inline HTML of KIND opened at P[I] is closed later on line P. */
static int
html_closed(const struct ends *e, int kind, size_t i)
{
	long at = (long)i;

	switch (kind) {
	case HTML_PI:
		return e->pi >= at + 2;
	case HTML_DECL:
		return e->gt > at + 2;
	case HTML_CDATA:
		return e->cdata >= at + 9;
	}
	return 1;
}

/* The character rules of one line, from LS to LE; BS is where a block
 * may start (inline HTML there is a block), CAND a '-' to escape. */
static void
scan_chars(struct scan *s, size_t ls, size_t le, size_t bs, long cand)
{
	const char *p = s->md;
	struct ends ends = { -2, -2, -2 };
	uint32_t pipes = 0, ats = 0;
	size_t i, slash = 0;
	char run = 0;
	int kind;

	for (i = ls; i < le; i++) {
		char c = p[i];
		int esc = slash & 1;

		if (c == '\\') {
			slash++;
			run = 0;
			continue;
		}
		switch (c) {
		case '|':
			if (slash == 0 && ++pipes > GUARD_MAX_COLUMNS + 1 && s->cap)
				escape(s, i);
			break;
		case '@':
			if (!esc && ++ats > GUARD_MAX_ATS) {
				escape(s, i);
				ats = 0;
			}
			break;
		case '*': case '_': case '~':
			if (!esc && run != c)
				s->delims++;
			break;
		case '!':
			if (!esc && i + 1 < le && p[i + 1] == '[' &&
			    !image_closed(p, i + 2, le) &&
			    ++s->images > GUARD_MAX_IMAGES)
				escape(s, i + 1);
			break;
		case ']':
			if (esc)
				break;
			if (s->cost + s->delims > GUARD_LINK_COST *
			    (uint64_t)(i - s->para) + GUARD_LINK_SLACK)
				escape(s, i);
			else
				s->cost += s->delims;
			break;
		case '<':
			if (esc || i == bs || !(kind = html_start(p + i, le - i)) ||
			    kind == HTML_RAW || kind == HTML_COMMENT)
				break;
			if (ends.gt == -2)
				find_ends(p + ls, le - ls, &ends);
			if (!html_closed(&ends, kind, i - ls) &&
			    ++s->html > GUARD_MAX_HTML)
				escape(s, i);
			break;
		default:
			if ((long)i == cand)
				escape(s, i);
			break;
		}
		run = esc ? 0 : (c == '*' || c == '_' || c == '~') ? c : 0;
		slash = 0;
	}
	if (pipes > GUARD_MAX_COLUMNS + 1)
		s->wide = 1;
}

/*
 * The block context of a non-blank line: tables, paragraphs.  Sets
 * s->cap when cmark may read the line as a table row; returns where to
 * escape a delimiter-row look-alike, or -1.
 */
static long
scan_block(struct scan *s, size_t ls, size_t le, size_t next)
{
	const char *p = s->md + ls;
	size_t n = le - ls;
	int cells;
	long cand;

	s->cap = 0;
	if (s->table) {
		if (!block_like(p, n) && row_cells(p, n) > 0) {
			new_para(s, ls);
			s->cap = 1;
			return -1;
		}
		s->table = 0;
		s->live = 1; /* cmark's table may go on */
	}
	if (s->plain && s->head > 0 && !s->html_open &&
	    delim_cells(p, n, 0) == s->head) {
		s->table = 1;
		s->head = 0;
		new_para(s, next);
		return -1;
	}
	if (boundary(p, n))
		new_para(s, ls);
	if (!block_like(p, n)) {
		s->head = row_cells(p, n);
		if (s->head > GUARD_MAX_COLUMNS)
			s->head = 0;
	} else {
		s->head = 0;
		s->plain = atx(p, n);
	}
	cand = delim_candidate(p, n, &cells);
	s->cap = s->live;
	if (cand < 0)
		return -1;
	if (s->wide || cells > GUARD_MAX_COLUMNS ||
	    ++s->cands > GUARD_MAX_DELIMS)
		return (long)ls + cand;
	s->live = 1;
	return -1;
}

/* One line, LS to LE, the next starting at NEXT. */
static void
scan_line(struct scan *s, size_t ls, size_t le, size_t next)
{
	const char *p = s->md + ls;
	size_t n = le - ls, i;
	long cand, bs;

	for (i = 0; i < n && is_space(p[i]); i++)
		;
	if (i == n) { /* blank */
		new_para(s, next);
		s->table = s->head = 0;
		s->plain = 1;
		if (++s->blanks > GUARD_MAX_BLANKS) {
			drop_line(s, ls, next);
			return;
		}
		s->line++;
		s->line_edit = s->g->nedits;
		return;
	}
	s->blanks = 0;
	cand = scan_block(s, ls, le, next);
	bs = block_start(p, n);
	scan_chars(s, ls, le, bs < 0 ? le : ls + (size_t)bs, cand);
	if (boundary(p, n) == 2 || s->table)
		new_para(s, next);
	html_track(s, p, n);
	end_line(s, le);
	s->line++;
}

int
guard_input(const char *md, size_t len, struct guard *g)
{
	struct scan s;
	size_t ls = 0, le, next;

	memset(g, 0, sizeof(*g));
	memset(&s, 0, sizeof(s));
	s.md = md;
	s.len = len;
	s.g = g;
	s.line = 1;
	s.plain = 1;
	while (ls < len) {
		for (le = ls; le < len && md[le] != '\n' && md[le] != '\r'; le++)
			;
		next = le;
		if (next < len)
			next += md[next] == '\r' && next + 1 < len &&
			    md[next + 1] == '\n' ? 2 : 1;
		scan_line(&s, ls, le, next);
		ls = next;
	}
	if (!s.changed)
		return 0;
	copy_to(&s, len);
	buf_putc(&g->out, '\0');
	g->out.len--;
	return 1;
}

/* Undo the edits from *K on in the literal of NODE, whose first line of
 * text is line FIRST. */
static void
repair_literal(cmark_node *node, const struct guard *g, size_t k,
    uint32_t first)
{
	const char *lit = cmark_node_get_literal(node), *eol;
	struct buf b = { 0 };
	size_t len, at, i;
	uint32_t line = first;

	if (lit == NULL)
		return;
	for (; *lit != '\0' && k < g->nedits; line++, lit = eol) {
		eol = strchr(lit, '\n');
		eol = eol ? eol + 1 : lit + strlen(lit);
		len = (size_t)(eol - lit) - (eol[-1] == '\n');
		for (at = 0; k < g->nedits && g->edits[k].line == line &&
		    g->edits[k].kind == GUARD_ESCAPE; k++) {
			i = len - 1 - g->edits[k].n; /* wraps if out of range */
			if (i < len && i >= at && lit[i] == '\\') {
				buf_put(&b, lit + at, i - at);
				at = i + 1;
			}
		}
		buf_put(&b, lit + at, (size_t)(eol - lit) - at);
		for (; k < g->nedits && g->edits[k].line == line; k++)
			for (i = 0; i < g->edits[k].n; i++)
				buf_putc(&b, '\n');
	}
	buf_puts(&b, lit);
	cmark_node_set_literal(node, b.data ? b.data : "");
	buf_free(&b);
}

/* Undo the edits that fall inside code or HTML block NODE. */
static void
repair_block(cmark_node *node, const struct guard *g)
{
	uint32_t first = (uint32_t)cmark_node_get_start_line(node);
	uint32_t last = (uint32_t)cmark_node_get_end_line(node);
	size_t lo = 0, hi = g->nedits, mid;
	int flen, foff;
	char fchar;

	if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK &&
	    cmark_node_get_fenced(node, &flen, &foff, &fchar))
		first++;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (g->edits[mid].line < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->nedits && g->edits[lo].line <= last)
		repair_literal(node, g, lo, first);
}

void
guard_repair(cmark_node *root, const struct guard *g)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *node;

	if (g->nedits == 0)
		return;
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK ||
		    cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK))
			repair_block(node, g);
	}
	cmark_iter_free(it);
}

void
guard_free(struct guard *g)
{
	buf_free(&g->out);
	free(g->edits);
	memset(g, 0, sizeof(*g));
}
