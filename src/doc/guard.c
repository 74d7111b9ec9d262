/*
 * The guard: one linear pass over a document's bytes, before cmark-gfm
 * parses them, that bounds the parser's work.  Debian 12's cmark-gfm
 * (0.29.0.gfm.6) predates the upstream fixes for inputs whose cost grows
 * with the square of their size, or worse: table rows of thousands of
 * cells, short rows padded to the header's width, paragraphs read again
 * for every line that looks like a delimiter row, image openers and
 * inline HTML left open, emphasis delimiters piled up before links,
 * blank lines under deep lists, lines of '@' for the email autolinker
 * (quire now finds bare links itself, in linear time, and keeps the
 * limit), footnote definitions nested in one line (each one referenced
 * is moved with all it holds), links copying a reference definition
 * past a budget of bytes (guard_refs.c).
 *
 * Past a limit (guard.h) the guard escapes the character that would start
 * the costly work -- a backslash before a punctuation mark shows the mark
 * itself -- drops extra blank lines, ends a table with a blank line, or
 * turns bare links off (they are found in text after cmark merged it,
 * where no escape reaches).  The text is copied only when something
 * changes, and each change is recorded so that guard_repair()
 * (guard_repair.c) can undo it where text is shown as written: code and
 * HTML blocks.
 *
 * A "paragraph" here is an upper bound of cmark's inline text: the lines
 * between sure boundaries (blank lines, ATX headings, bullet list items,
 * rows of a table the guard is sure cmark opened).
 */
#include <stdlib.h>
#include <string.h>

#include "guard.h"

struct scan {
	const char *md;
	struct guard *g;
	int changed;
	size_t copied;       /* input bytes copied to g->out */
	uint32_t line;       /* guarded line number of the current line */
	size_t line_edit;    /* first edit of the current line */
	size_t pipe_run;     /* 1 + the edit of escaped '|' that the next
	                        escaped '|' may join, or 0 */
	/* the current paragraph */
	size_t para;         /* input offset where it began */
	uint64_t delims;     /* emphasis delimiter runs in it */
	uint64_t cost;       /* delimiter-stack steps spent at link closers */
	uint32_t cands, images, html;
	int live;            /* cmark may have opened a table in it... */
	int live_cols;       /* ...of at most this many columns */
	int wide;            /* a line in it has more separators than allowed */
	int cap;             /* cap the separators of the current line */
	int max_cols;        /* table columns allowed now */
	uint64_t wide_cost;  /* separators squared, on lines past 32 */
	/* block context */
	uint32_t blanks;     /* blank lines in a row */
	int plain;           /* every line since a blank is top-level text */
	int head;            /* cells of the previous line, if it may head a table */
	int table;           /* columns of the table the guard is sure of, or 0 */
	uint32_t padding;    /* cells cmark added to short rows so far */
	uint64_t cells;      /* cells of table rows cmark made so far */
	size_t deep;         /* columns of the container markers maybe open */
	unsigned html_open;  /* bits (1 << GUARD_HTML_*): blocks maybe open */
	size_t len;          /* of the input */
	struct guard_refs refs;
};

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

/* Record an edit of KIND on LINE, with N. */
static void
add_edit(struct guard *g, uint32_t line, uint32_t n, int kind)
{
	GROW(g->edits, g->cap_edits, g->nedits, 1);
	g->edits[g->nedits].line = line;
	g->edits[g->nedits].n = n;
	g->edits[g->nedits].run = 1;
	g->edits[g->nedits++].kind = (unsigned)kind & 3u;
}

/* Insert a backslash before input offset AT (on the current line). */
static void
escape(struct scan *s, size_t at)
{
	copy_to(s, at);
	buf_putc(&s->g->out, '\\');
	add_edit(s->g, s->line, (uint32_t)at, GUARD_ESCAPE); /* see end_line */
}

/* Escape the '|' at input offset AT: one more in the current run of
 * escaped pipes when it follows one with no '|' between, so a line of
 * a million pipes keeps one edit, not a million. */
static void
escape_pipe(struct scan *s, size_t at)
{
	struct guard *g = s->g;
	struct guard_edit *e;

	if (s->pipe_run > 0 && s->pipe_run == g->nedits &&
	    (e = &g->edits[g->nedits - 1])->line == s->line &&
	    e->run < GUARD_MAX_RUN) {
		copy_to(s, at);
		buf_putc(&g->out, '\\');
		e->run++;
		return;
	}
	escape(s, at);
	s->pipe_run = g->nedits;
}

/* Drop the input line FROM..TO, a blank line past the limit. */
static void
drop_line(struct scan *s, size_t from, size_t to)
{
	struct guard *g = s->g;
	struct guard_edit *e = g->nedits ? &g->edits[g->nedits - 1] : NULL;

	copy_to(s, from);
	s->copied = to;
	if (e != NULL && e->kind == GUARD_BLANKS && e->line == s->line - 1)
		e->n++;
	else
		add_edit(g, s->line - 1, 1, GUARD_BLANKS);
	s->line_edit = g->nedits;
}

/* Insert a blank line before the line at input offset AT. */
static void
add_blank(struct scan *s, size_t at)
{
	copy_to(s, at);
	buf_putc(&s->g->out, '\n');
	add_edit(s->g, s->line++, 0, GUARD_ADDED);
	s->line_edit = s->g->nedits;
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
		e->n = (uint32_t)(le - e->n + extra + e->run - 1);
		extra += e->run; /* its backslashes, for the edits left */
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
	s->live = s->live_cols = s->wide = 0;
}

/* Track which HTML blocks of kinds 1-5 may be open after line P. */
static void
html_track(struct scan *s, const char *p, size_t n)
{
	long start[GUARD_HTML__MAX], end[GUARD_HTML__MAX];
	size_t i;
	int k;

	if (memchr(p, '<', n) == NULL && memchr(p, '>', n) == NULL)
		return; /* nothing opens or ends */
	for (k = 0; k < GUARD_HTML__MAX; k++)
		start[k] = end[k] = -1;
	for (i = 0; i < n; i++) {
		if (p[i] == '<' && (k = guard_html_start(p + i, n - i)) != 0)
			start[k] = (long)i;
		else if (p[i] == '>') {
			unsigned bits = guard_html_ends(p, i);

			for (k = 1; k < GUARD_HTML__MAX; k++)
				if (bits & (1u << k))
					end[k] = (long)i;
		}
	}
	for (k = 1; k < GUARD_HTML__MAX; k++) {
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
	case GUARD_HTML_PI:
		return e->pi >= at + 2;
	case GUARD_HTML_DECL:
		return e->gt > at + 2;
	case GUARD_HTML_CDATA:
		return e->cdata >= at + 9;
	}
	return 1;
}

/* Whether a ']' at offset I may close a link: not when the emphasis
 * delimiters before it would cost cmark too much to walk. */
static int
link_ok(struct scan *s, size_t i)
{
	if (s->delims > GUARD_MAX_EMPH || s->cost + s->delims >
	    GUARD_LINK_COST * (uint64_t)(i - s->para) + GUARD_LINK_SLACK)
		return 0;
	s->cost += s->delims;
	return 1;
}

/* Whether the '<' at P[I] opens inline HTML left open past the limit;
 * E caches the line's ends, found on first use. */
static int
html_too_many(struct scan *s, const char *p, size_t ls, size_t le,
    size_t i, struct ends *e)
{
	int kind = guard_html_start(p + i, le - i);

	if (kind != GUARD_HTML_PI && kind != GUARD_HTML_DECL &&
	    kind != GUARD_HTML_CDATA)
		return 0;
	if (e->gt == -2)
		find_ends(p + ls, le - ls, e);
	return !html_closed(e, kind, i - ls) && ++s->html > GUARD_MAX_HTML;
}

/* The bytes scan_chars() has a rule for. */
static const unsigned char rule_char[256] = {
	['\\'] = 1, ['|'] = 1, ['@'] = 1, ['*'] = 1, ['_'] = 1, ['~'] = 1,
	['!'] = 1, ['['] = 1, [']'] = 1, ['<'] = 1,
};

/* The character rules of one line, LS to LE; BS is where a block may
 * start (HTML there is a block), CAND a '-' or ':' to escape. */
static void
scan_chars(struct scan *s, size_t ls, size_t le, size_t bs, long cand,
    long note)
{
	const char *p = s->md;
	struct ends ends = { -2, -2, -2 };
	uint32_t pipes = 0, ats = 0;
	size_t i, slash = 0, image = (size_t)-1;
	char run = 0, c;
	int esc;

	for (i = ls; i < le; i++) {
		if (!rule_char[(unsigned char)p[i]] && (long)i != cand &&
		    (long)i != note) {
			/* bytes no rule looks at end a run of backslashes or
			 * delimiters, and that is all */
			while (i + 1 < le && !rule_char[(unsigned char)p[i + 1]] &&
			    (long)i + 1 != cand && (long)i + 1 != note)
				i++;
			run = 0;
			slash = 0;
			continue;
		}
		if ((c = p[i]) == '\\') {
			slash++;
			run = 0;
			continue;
		}
		esc = slash & 1;
		if (!esc && ((long)i == cand || (long)i == note)) {
			escape(s, i);
			esc = 1;
		}
		switch (c) {
		case '|':
			if (slash == 0 && ++pipes > (uint32_t)s->max_cols + 1 &&
			    s->cap)
				escape_pipe(s, i);
			else
				s->pipe_run = 0;
			break;
		case '@':
			ats++;
			break;
		case '*': case '_': case '~':
			if (!esc && run != c)
				s->delims++;
			break;
		case '!':
			if (!esc && i + 1 < le && p[i + 1] == '[' &&
			    !image_closed(p, i + 2, le) &&
			    ++s->images > GUARD_MAX_IMAGES)
				escape(s, image = i + 1);
			break;
		case '[':
			if (!esc && i != image &&
			    guard_refs_over(&s->refs, p, s->len, i))
				escape(s, i);
			break;
		case ']':
			if (!esc && !link_ok(s, i))
				escape(s, i);
			break;
		case '<':
			if (!esc && i != bs &&
			    html_too_many(s, p, ls, le, i, &ends))
				escape(s, i);
			break;
		}
		run = esc ? 0 : (c == '*' || c == '_' || c == '~') ? c : 0;
		slash = 0;
	}
	if (pipes > (uint32_t)s->max_cols + 1)
		s->wide = 1;
	/* A row costs cmark the square of its cells (it appends each to a
	 * list it walks): allow GUARD_WIDE_COLUMNS while the document's
	 * budget lasts, then 128, then, past twice the budget, 32. */
	if (pipes > GUARD_MIN_COLUMNS) {
		s->wide_cost += (uint64_t)pipes * pipes;
		if (s->wide_cost > GUARD_WIDE_BUDGET &&
		    s->max_cols > GUARD_MAX_COLUMNS)
			s->max_cols = GUARD_MAX_COLUMNS;
		if (s->wide_cost > 2 * (uint64_t)GUARD_WIDE_BUDGET)
			s->max_cols = GUARD_MIN_COLUMNS;
	}
	if (ats > GUARD_MAX_ATS)
		s->g->no_autolink = 1;
}

/*
 * Count the cells cmark makes of a row of CELLS, in a table of COLS, and
 * those it adds to fill it; past either limit, end the table with a
 * blank line before the row at LS, and return 1.
 */
static int
pad_row(struct scan *s, size_t ls, int cells, int cols)
{
	uint32_t pad = cols > cells ? (uint32_t)(cols - cells) : 0;
	uint64_t made = (uint64_t)(cols > cells ? cols : cells);

	if (s->padding + pad <= GUARD_MAX_PADDING &&
	    s->cells + made <= GUARD_MAX_CELLS) {
		s->padding += pad;
		s->cells += made;
		return 0;
	}
	add_blank(s, ls);
	new_para(s, ls);
	s->table = s->head = 0;
	s->plain = 1;
	return 1;
}

/* Cells of line P as cmark sees a row in a container: after '>'s and
 * indent, counted from its first pipe or text. */
static int
inner_cells(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '>'))
		i++;
	return guard_row_cells(p + i, n - i);
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
		cells = guard_row_cells(p, n);
		if (!guard_block_like(p, n) && cells > 0) {
			if (!pad_row(s, ls, cells, s->table)) {
				new_para(s, ls);
				s->cap = 1;
				return -1;
			}
		} else {
			cells = s->table;
			s->table = 0;
			s->live = 1; /* cmark's table may go on */
			s->live_cols = cells;
		}
	} else if (s->live)
		pad_row(s, ls, inner_cells(p, n), s->live_cols);
	if (s->plain && s->head > 0 && !s->html_open &&
	    guard_delim_cells(p, n, 0) == s->head) {
		new_para(s, next);
		s->table = s->head;
		s->head = 0;
		return -1;
	}
	if (guard_boundary(p, n))
		new_para(s, ls);
	if (!guard_block_like(p, n)) {
		s->head = guard_row_cells(p, n);
		if (s->head > s->max_cols)
			s->head = 0;
	} else {
		s->head = 0;
		s->plain = guard_atx(p, n);
	}
	cand = guard_delim_candidate(p, n, &cells);
	s->cap = s->live;
	if (cand < 0)
		return -1;
	if (s->wide || cells > s->max_cols ||
	    ++s->cands > GUARD_MAX_DELIMS)
		return (long)ls + cand;
	s->live = 1;
	if (cells > s->live_cols)
		s->live_cols = cells;
	return -1;
}

/*
 * Nesting: cmark walks every open container for each line, so a line that
 * continues a paragraph lazily under thousands of them costs thousands of
 * steps for a few bytes.  Past GUARD_MAX_DEPTH columns of markers, put a
 * blank line before a line whose prefix falls that far short of them: it
 * cannot continue them then, and closes those it does not reach.
 */
static void
deep_lines(struct scan *s, size_t ls, const char *p, size_t n)
{
	size_t marker, prefix = guard_prefix(p, n, &marker);

	if (s->blanks > 0 && prefix < s->deep)
		s->deep = prefix;
	if (s->deep > GUARD_MAX_DEPTH && prefix + GUARD_MAX_DEPTH < s->deep) {
		add_blank(s, ls);
		new_para(s, ls);
		s->table = s->head = 0;
		s->plain = 1;
		s->deep = prefix;
	}
	if (marker > s->deep)
		s->deep = marker;
}

/* One line, LS to LE, the next starting at NEXT. */
static void
scan_line(struct scan *s, size_t ls, size_t le, size_t next)
{
	const char *p = s->md + ls;
	size_t n = le - ls, i;
	long cand, bs, note;

	for (i = 0; i < n && (p[i] == ' ' || p[i] == '\t'); i++)
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
		return;
	}
	deep_lines(s, ls, p, n);
	s->blanks = 0;
	cand = scan_block(s, ls, le, next);
	bs = guard_block_start(p, n);
	note = guard_note_nest(p, n, GUARD_MAX_NOTES);
	scan_chars(s, ls, le, bs < 0 ? le : ls + (size_t)bs, cand,
	    note < 0 ? -1 : (long)ls + note);
	if (guard_boundary(p, n) == 2 || s->table)
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
	const char *nl, *cr = memchr(md, '\r', len);

	memset(g, 0, sizeof(*g));
	memset(&s, 0, sizeof(s));
	s.md = md;
	s.max_cols = GUARD_WIDE_COLUMNS;
	s.g = g;
	s.line = 1;
	s.plain = 1;
	s.len = len;
	guard_refs_scan(&s.refs, md, len);
	while (ls < len) {
		nl = memchr(md + ls, '\n', len - ls);
		le = nl != NULL ? (size_t)(nl - md) : len;
		if (cr != NULL && cr < md + ls) /* the next '\r', if any */
			cr = memchr(md + ls, '\r', len - ls);
		if (cr != NULL && cr < md + le)
			le = (size_t)(cr - md);
		next = le;
		if (next < len)
			next += md[next] == '\r' && next + 1 < len &&
			    md[next + 1] == '\n' ? 2 : 1;
		scan_line(&s, ls, le, next);
		ls = next;
	}
	guard_refs_free(&s.refs);
	if (!s.changed)
		return 0;
	copy_to(&s, len);
	buf_putc(&g->out, '\0');
	g->out.len--;
	return 1;
}

void
guard_free(struct guard *g)
{
	buf_free(&g->out);
	free(g->edits);
	memset(g, 0, sizeof(*g));
}
