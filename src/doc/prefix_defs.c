/*
 * The reference definitions after a large document's cut, carried into
 * its first part so that the part's links read as the whole's; where a
 * line may be a definition that cannot be read alone and the part may
 * use its label, the part is flagged instead (see prefix.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "quire/util.h"
#include "parse.h"
#include "prefix.h"

#define MAX_DEFINITIONS 2000 /* reference definitions carried over */

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

/* Whether the line at P (N bytes) opens with up to 3 spaces and '['. */
static int
opens_bracket(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && i < 3 && p[i] == ' ')
		i++;
	return i < n && p[i] == '[';
}

/* Past the block-quote and list-item markers that open the line at P
 * (N bytes): where its text starts; *IN is set if there were any. */
size_t
prefix_text_start(const char *p, size_t n, int *in)
{
	size_t i = 0, j, k;

	*in = 0;
	for (;;) {
		for (j = i; j < n && j - i < 3 && p[j] == ' '; j++)
			;
		if (j < n && p[j] == '>') {
			i = j + 1 + (j + 1 < n && (p[j + 1] == ' ' || p[j + 1] == '\t'));
			*in = 1;
			continue;
		}
		k = j;
		if (k < n && (p[k] == '-' || p[k] == '+' || p[k] == '*'))
			k++;
		else {
			while (k < n && k - j < 9 && p[k] >= '0' && p[k] <= '9')
				k++;
			if (k == j || k == n || (p[k] != '.' && p[k] != ')'))
				return j;
			k++;
		}
		if (k < n && p[k] != ' ' && p[k] != '\t')
			return j;
		while (k < n && (p[k] == ' ' || p[k] == '\t'))
			k++;
		i = k;
		*in = 1;
	}
}

/* Whether the line at P (N bytes, indented 3 or fewer) opens a list
 * item or a block quote. */
static int
opens_container(const char *p, size_t n)
{
	int in;

	prefix_text_start(p, n, &in);
	return in;
}

/* The label S (N bytes) as cmark-gfm matches it, near enough: ASCII
 * case folded, runs of blanks made one space, none at the ends. */
static char *
label_norm(const char *s, size_t n)
{
	char *r = xmalloc(n + 1), *o = r;
	size_t i;
	int sp = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = o > r;
			continue;
		}
		if (sp)
			*o++ = ' ';
		sp = 0;
		*o++ = (char)tolower(c);
	}
	*o = '\0';
	return r;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The bracketed texts of the part: what its links may name. */
struct uses {
	char **v;
	size_t n;
	int made;
};

static void
uses_make(struct uses *u, const char *part, size_t len)
{
	const char *p = part, *end = part + len, *q;
	size_t cap = 0;

	u->made = 1;
	while ((p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		for (q = ++p; q < end && q - p < 1000 && *q != '[' &&
		    *q != ']'; q++)
			;
		if (q < end && *q == ']') {
			if (u->n == cap)
				u->v = xrealloc(u->v, (cap = cap ? 2 * cap : 64) *
				    sizeof(*u->v));
			u->v[u->n++] = label_norm(p, (size_t)(q - p));
		}
	}
	if (u->n > 0)
		qsort(u->v, u->n, sizeof(*u->v), str_cmp);
}

static void
uses_free(struct uses *u)
{
	size_t i;

	for (i = 0; i < u->n; i++)
		free(u->v[i]);
	free(u->v);
}

/* Whether the part (PART, LEN bytes) may use the reference whose
 * definition starts at P ('[', N bytes to the line's end).  Labels
 * beyond ASCII are taken as used: cmark-gfm folds their case fully. */
static int
label_used(struct uses *u, const char *part, size_t len, const char *p,
    size_t n)
{
	const char *q = memchr(p, ']', n);
	char *key;
	size_t i;
	int r;

	if (q == NULL)
		return 1;
	for (i = 1; p + i < q; i++)
		if ((unsigned char)p[i] >= 0x80)
			return 1;
	if (!u->made)
		uses_make(u, part, len);
	key = label_norm(p + 1, (size_t)(q - p - 1));
	r = u->n > 0 && bsearch(&key, u->v, u->n, sizeof(*u->v), str_cmp);
	free(key);
	return r;
}

/*
 * Append to B the link reference definitions of REST (LEN bytes), each
 * on a line of its own after a blank one: lines that look like one and
 * that cmark-gfm, given them alone, takes for one.  Lines in fenced
 * code, in HTML blocks and in indented code do not count.  Set *DIFFER
 * if some line may be a definition that cannot be read alone (in a
 * block quote or list item, run on from the line before or into the
 * line after, or one too many) and PART (PLEN bytes) may use its label:
 * the part's links may then read otherwise than the whole's.
 */
void
prefix_definitions(struct buf *b, const char *part, size_t plen,
    const char *rest, size_t len, int *differ)
{
	struct buf cand = { 0 };
	struct track t = { 0, 0, HTML_NONE };
	struct uses u = { NULL, 0, 0 };
	const char *p = rest, *end = rest + len, *ls, *nl, *q;
	cmark_node *root, *n;
	unsigned char *used;
	size_t nlines = 0, i, k, pn, indent, at;
	int from, to, in, in_list = 0, was_blank = 1, sure, was_def = 0;

	for (ls = rest; ls < end; ls = nl + 1) {
		nl = memchr(ls, '\n', (size_t)(end - ls));
		if (nl == NULL)
			nl = end;
		k = (size_t)(nl - ls);
		if (!prefix_track_line(&t, ls, k)) {
			was_blank = was_def = 0;
			continue;
		}
		for (indent = 0; indent < k && ls[indent] == ' '; indent++)
			;
		if (prefix_blank(ls, k)) {
			was_blank = 1;
			was_def = 0;
			continue;
		}
		/* Indented lines outside a list are code, or run on; a line
		 * in column 0 after a blank one ends every list. */
		if (indent <= 3 && opens_container(ls, k))
			in_list = 1;
		else if (indent == 0 && was_blank)
			in_list = 0;
		/* After a sure definition, or a blank line. */
		sure = indent <= 3 && (was_blank || was_def);
		was_blank = was_def = 0;
		if (memchr(ls, '[', k) == NULL || (indent > 3 && !in_list))
			continue;
		at = prefix_text_start(ls, k, &in);
		p = ls + at;
		if (at >= k || *p != '[' || !def_like(p, k - at) ||
		    (!in && indent > 3 && !opens_bracket(p, k - at)))
			continue;
		if (in || !opens_bracket(ls, k))
			sure = 0;
		if (sure && nl < end) {
			q = memchr(nl + 1, '\n', (size_t)(end - nl - 1));
			pn = (size_t)((q ? q : end) - (nl + 1));
			if (!prefix_blank(nl + 1, pn) && !(opens_bracket(nl + 1, pn) &&
			    def_like(nl + 1, pn)))
				sure = 0;
		}
		if (sure && nlines >= MAX_DEFINITIONS)
			sure = 0;
		if (!sure) {
			if (!*differ && label_used(&u, part, plen, p, k - at))
				*differ = 1;
			continue;
		}
		nlines++;
		was_def = 1;
		buf_put(&cand, ls, k);
		buf_put(&cand, "\n\n", 2);
	}
	uses_free(&u);
	if (nlines == 0)
		goto out;
	/* Lines cmark makes anything of (a paragraph) are not definitions;
	 * footnote definitions are, and carry their references' numbers. */
	root = parse_markdown(cand.data, cand.len, PARSE_NOTES);
	used = xcalloc(nlines, 1);
	for (n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
			continue;
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
out:
	buf_free(&cand);
}
