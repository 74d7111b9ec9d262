/*
 * A file's footnotes found by a line scan of its bytes, without a
 * parse: the notes cmark-gfm numbers, in the order it numbers them (by
 * the first reference to each defined label, in the order of the text,
 * the references inside definitions counted where the definitions
 * stand; the first definition of a label wins), each one's definition
 * copied out.  A part of a large file cut from its end (library.c, for
 * G before the whole is parsed) lays these definitions out after its
 * own text, with the numbers the whole will give them.
 *
 * Fenced code, indented code, HTML blocks and code spans are passed
 * over as far as a line scan can tell.  Where it cannot be sure (a label
 * beyond ASCII, whose case cmark-gfm folds fully; a definition inside a
 * quote, a list or a note, of which only its first line is copied; the
 * budget for code spans spent) it says so: the part may then differ from
 * the whole until the whole replaces it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quire/bytes.h"
#include "quire/doc.h"
#include "quire/util.h"
#include "guard.h"
#include "meta.h"
#include "notes.h"
#include "prefix.h"

#define NOTES_MAX_LABELS 65536      /* distinct labels the scan keeps */
#define NOTES_MAX_BYTES (8u << 20)  /* definitions copied, at most */
#define SPAN_BUDGET (1u << 20)      /* code-span look-ahead, past the size */

/* A label seen, referenced or defined. */
struct label {
	size_t key;         /* its folded text, in keys */
	uint32_t len, hash;
	size_t first;       /* the order of its first reference + 1, or 0 */
	size_t last;        /* where its last reference is */
	size_t off, end;    /* its first definition's bytes (end 0: none) */
};

struct notes_scan {
	const char *md;
	size_t len;
	/* the line scan's state */
	struct track inner;     /* fences in a note's or an item's lines */
	const char *next;       /* the next "[^" */
	const char *para_from;  /* where the paragraph's text starts */
	const char *done;       /* how far references were read */
	int was_blank, para, box, html, was_def;
	int note;               /* the box is a note's (not a quote's) */
	struct buf keys;        /* the labels' folded text */
	struct label *v;
	size_t n, cap;
	uint32_t *table;        /* open addressing: index + 1, or 0 */
	size_t tsize;
	size_t refs;            /* labels referenced so far */
	size_t budget;          /* bytes code spans may still look ahead */
	size_t code_to;         /* a code span runs to here */
	struct doc_note_links *links; /* the link reference definitions */
	int unsure;
};

/* Whether C is a blank inside a line. */
static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The label S (N bytes) as cmark-gfm matches it, in OUT: blanks at the
 * ends dropped, ASCII case folded; -1 if no definition can have it (a
 * blank, a bracket, or nothing inside).  Bytes beyond ASCII make the
 * scan unsure: cmark-gfm folds their case too. */
static long
fold(struct notes_scan *s, const char *p, size_t n, char *out)
{
	size_t i, k = 0;

	while (n > 0 && (blank(*p) || *p == '\n' || *p == '\r'))
		p++, n--;
	while (n > 0 && (blank(p[n - 1]) || p[n - 1] == '\n' ||
	    p[n - 1] == '\r'))
		n--;
	if (n == 0 || n > NOTES_LABEL_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c <= ' ' || c == '[' || c == ']')
			return -1;
		if (c >= 0x80)
			s->unsure = 1;
		out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return (long)k;
}

/* Make the table twice as large. */
static void
grow_table(struct notes_scan *s)
{
	size_t size = s->tsize ? 2 * s->tsize : 1024, i, j;
	uint32_t *t = xcalloc(size, sizeof(*t));

	for (i = 0; i < s->n; i++) {
		for (j = s->v[i].hash & (size - 1); t[j] != 0;
		    j = (j + 1) & (size - 1))
			;
		t[j] = (uint32_t)(i + 1);
	}
	free(s->table);
	s->table = t;
	s->tsize = size;
}

/* The label whose text is P (N bytes, unfolded), added if new; NULL if
 * it is no label, or the scan keeps no more. */
static struct label *
label(struct notes_scan *s, const char *p, size_t n)
{
	char key[NOTES_LABEL_MAX];
	long k = fold(s, p, n, key);
	uint32_t h;
	size_t j;
	struct label *l;

	if (k < 0)
		return NULL;
	h = fnv1a32(key, (size_t)k);
	if (s->tsize == 0)
		grow_table(s);
	for (j = h & (s->tsize - 1); s->table[j] != 0;
	    j = (j + 1) & (s->tsize - 1)) {
		l = &s->v[s->table[j] - 1];
		if (l->hash == h && l->len == (uint32_t)k &&
		    memcmp(s->keys.data + l->key, key, (size_t)k) == 0)
			return l;
	}
	if (s->n >= NOTES_MAX_LABELS) {
		s->unsure = 1;
		return NULL;
	}
	GROW(s->v, s->cap, s->n, 1);
	l = &s->v[s->n++];
	memset(l, 0, sizeof(*l));
	l->key = s->keys.len;
	l->len = (uint32_t)k;
	l->hash = h;
	buf_put(&s->keys, key, (size_t)k);
	s->table[j] = (uint32_t)s->n;
	if (2 * s->n > s->tsize)
		grow_table(s);
	return l;
}

/* The first '[' or '`' from P on, before E; NULL if none. */
static const char *
bracket_or_tick(const char *p, const char *e)
{
	uint64_t x, m;

	if (BYTES_WORDS)
		for (; e - p >= 8; p += 8) {
			x = bytes_load(p);
			if ((m = bytes_eq(x, '[') | bytes_eq(x, '`')) != 0)
				return p + bytes_first(m);
		}
	for (; p < e; p++)
		if (*p == '[' || *p == '`')
			return p;
	return NULL;
}

/* Where a run of exactly N backticks closes the code span opened before
 * P, within its paragraph (no blank line between); NULL if nowhere. */
static const char *
span_close(struct notes_scan *s, const char *p, size_t n)
{
	const char *end = s->md + s->len, *q = p, *nl, *bt, *r;
	size_t run;

	while (q < end && (size_t)(q - p) < s->budget) {
		if ((nl = memchr(q, '\n', (size_t)(end - q))) == NULL)
			nl = end;
		while ((bt = memchr(q, '`', (size_t)(nl - q))) != NULL) {
			for (r = bt, run = 0; r < nl && *r == '`'; r++)
				run++;
			if (run == n) {
				s->budget -= (size_t)(bt - p) < s->budget ?
				    (size_t)(bt - p) : s->budget;
				return bt;
			}
			q = r;
		}
		if (nl == end || notes_blank_line(nl + 1, end))
			break;
		q = nl + 1;
	}
	s->budget = (size_t)(q - p) < s->budget ? s->budget - (size_t)(q - p) :
	    0;
	if (s->budget == 0)
		s->unsure = 1;
	return NULL;
}

/* Whether the byte at P (not the text's first, START) is escaped. */
static int
escaped(const char *start, const char *p)
{
	size_t k = 0;

	while (p > start && p[-1] == '\\')
		p--, k++;
	return k % 2 == 1;
}

/* Count the references between P and E: "[^label]" outside code spans
 * and not a link's text ("[^x](...)"). */
static void
refs(struct notes_scan *s, const char *p, const char *e)
{
	const char *start = p, *q, *c;
	struct label *l;
	size_t n;

	if (p < s->md + s->code_to)
		p = s->md + s->code_to;
	while (p < e) {
		const char *br = bracket_or_tick(p, e), *bt = NULL;

		if (br != NULL && *br == '`')
			bt = br, br = NULL;
		if (bt != NULL) {
			for (q = bt, n = 0; q < e && *q == '`'; q++)
				n++;
			if (s->budget > 0 && !escaped(start, bt) &&
			    (c = span_close(s, q, n)) != NULL) {
				s->code_to = (size_t)(c + n - s->md);
				p = c + n;
			} else
				p = q;
			continue;
		}
		if (br == NULL)
			return;
		p = br + 1;
		if (p >= e || *p != '^' || escaped(start, br))
			continue;
		for (q = p + 1; q < e && q - p <= NOTES_LABEL_MAX && *q != ']' &&
		    *q != '['; q++)
			;
		if (q >= e || *q != ']')
			continue;
		p = q + 1;
		if (p < e && *p == '(')
			continue; /* a link, near enough */
		if ((l = label(s, br + 2, (size_t)(q - br - 2))) == NULL)
			continue;
		if (l->first == 0)
			l->first = ++s->refs;
		l->last = (size_t)(br - s->md);
	}
}

/* The definition of label L starts at OFF, its first line ending at NL;
 * IN: inside a quote or a list (only its first line is copied). */
static void
def(struct notes_scan *s, struct label *l, size_t off, const char *nl, int in)
{
	if (l == NULL || l->end != 0)
		return; /* the first definition wins */
	l->off = off;
	l->end = in ? (size_t)(nl - s->md) : notes_def_end(s->md, s->len, nl);
	if (in)
		s->unsure = 1;
}

/* The first "[^" at or past P, before END; END if none.  By its '^',
 * much the rarer of the two in text. */
static const char *
next_ref_in(const char *p, const char *end)
{
	const char *q = p + 1;

	while (q < end && (q = memchr(q, '^', (size_t)(end - q))) != NULL) {
		if (q[-1] == '[')
			return q - 1;
		q++;
	}
	return end;
}

/* The first "[^" at or past P; the end if none. */
static const char *
next_ref(const struct notes_scan *s, const char *p)
{
	return next_ref_in(p, s->md + s->len);
}

/* Where the text of the line at LS (K bytes, indented COL columns in B
 * bytes) starts, past its quote and list markers; *IN: inside a quote or
 * a list, or, indented, a definition nested in a note's paragraph at
 * its text's indent (cmark-gfm lets one interrupt the paragraph; its
 * first line alone is copied). */
static size_t
text_start(struct notes_scan *s, const char *ls, size_t k, size_t col,
    size_t b, int *in)
{
	size_t at, n;

	if (col >= 4) {
		*in = col < 8 && s->note && s->para && b < k && ls[b] == '[' &&
		    notes_def_at(ls + b, k - b, &n);
		return b;
	}
	at = prefix_text_start(ls, k, in);
	if (*in)
		s->note = 0; /* a quote or an item, not the note's text */
	return at;
}

/*
 * The scan, line by line: the lines of code and HTML blocks passed
 * over, the definitions noted, and where a line holds "[^", its
 * paragraph read for references from where it starts (or where it was
 * read to), for a code span there may have opened before.
 */
void
notes_scan_line(struct notes_scan *s, const char *ls, const char *nl,
    enum notes_line kind)
{
	size_t k = (size_t)(nl - ls), col, b, at, n;
	const char *p;
	int in, h;
	char c;

	if (kind == NOTES_BLANK) {
		s->was_blank = 1, s->para = s->html = s->was_def = 0;
		return;
	}
	if (s->html)
		return;
	if (kind == NOTES_CODE) {
		s->was_blank = s->para = 0;
		return;
	}
	col = notes_indent_of(ls, k, &b);
	if (col >= 4 && !s->para) {
		/* Indented code, or a note's or an item's paragraph; fences
		 * there are followed apart. */
		if (!s->box || col >= 8 || !prefix_track_line(&s->inner,
		    ls + b, k - b) || s->inner.fence || s->inner.html) {
			s->was_blank = 0;
			return;
		}
	} else if (col < 4 && s->was_blank)
		s->box = s->note = 0, s->inner = (struct track){ 0, 0,
		    HTML_NONE };
	at = text_start(s, ls, k, col, b, &in);
	s->box |= in;
	p = ls + at;
	s->was_blank = 0;
	/* the text's first byte, where it may open a block (the line may be
	 * markers alone, and the file's last line ends with no byte) */
	c = (col < 4 || in) && at < k ? *p : '\0';
	if (c == '<' && (h = notes_html_block(p, k - at, s->para)) != 0) {
		s->html = h == 1;
		s->para = 0;
		return;
	}
	if (!s->para || in)
		s->para_from = p;
	if (c == '[' && notes_def_at(p, k - at, &n)) {
		def(s, label(s, p + 2, n), (size_t)((in ? p : ls) - s->md), nl,
		    in);
		s->box = 1;
		s->note = !in || col >= 4;
		s->para_from = p += n + 4;
	} else if (c == '[' && !in && (!s->para || s->was_def) &&
	    notes_link_line(&s->links, s->md, p, nl)) {
		s->was_def = 1;
		s->para = 0;
		return;
	}
	s->was_def = 0;
	s->para = !guard_atx(p, (size_t)(nl - p));
	if (s->next < ls)
		s->next = next_ref(s, ls);
	if (s->next < nl) {
		refs(s, s->para_from > s->done ? s->para_from : s->done, nl);
		s->done = nl;
	}
}

/* Order labels by their first reference. */
static int
by_first(const void *a, const void *b)
{
	const struct label *x = *(struct label *const *)a;
	const struct label *y = *(struct label *const *)b;

	return (x->first > y->first) - (x->first < y->first);
}

struct notes_scan *
notes_scan_new(const char *md, size_t len, size_t from)
{
	struct notes_scan *s;

	if (next_ref_in(md + from, md + len) == md + len)
		return NULL; /* memchr: glibc's memmem takes ten times longer */
	s = xcalloc(1, sizeof(*s));
	s->md = md, s->len = len;
	s->budget = len + SPAN_BUDGET;
	s->next = s->para_from = s->done = md + from;
	s->was_blank = 1;
	return s;
}

struct doc_notes *
notes_scan_end(struct notes_scan *s)
{
	struct doc_notes *notes = NULL;
	struct label **order;
	struct buf out = { 0 };
	size_t i, n = 0, size = 0;

	if (s == NULL)
		return NULL;
	order = xmalloc((s->n ? s->n : 1) * sizeof(*order));
	for (i = 0; i < s->n; i++)
		if (s->v[i].first != 0 && s->v[i].end != 0)
			order[n++] = &s->v[i];
	if (n > 0)
		qsort(order, n, sizeof(*order), by_first);
	for (i = 0; i < n && size <= NOTES_MAX_BYTES; i++)
		size += order[i]->end - order[i]->off + 2;
	if (n > 0 && size <= NOTES_MAX_BYTES) {
		notes = xcalloc(1, sizeof(*notes));
		notes->v = xmalloc(n * sizeof(*notes->v));
		notes->n = n;
		notes->unsure = s->unsure;
		for (i = 0; i < n; i++) {
			notes->v[i].off = order[i]->off;
			notes->v[i].last = order[i]->last;
			notes->v[i].at = out.len;
			notes->v[i].len = order[i]->end - order[i]->off;
			buf_put(&out, s->md + order[i]->off, notes->v[i].len);
			buf_puts(&out, "\n\n");
		}
		notes->md = out.data;
		notes->len = out.len;
		out.data = NULL;
		notes_links_finish(s->links);
		notes->links = s->links;
		s->links = NULL;
	}
	notes_links_free(s->links);
	buf_free(&out);
	free(order);
	free(s->v);
	free(s->table);
	buf_free(&s->keys);
	free(s);
	return notes;
}

struct doc_notes *
doc_notes_scan(const char *md, size_t len)
{
	struct track t = { 0, 0, HTML_NONE };
	struct notes_scan *s;
	const char *end = md + len, *ls, *nl;
	size_t from = 0;
	int open, out;

	if (len >= 3 && memcmp(md, "\xEF\xBB\xBF", 3) == 0)
		from = 3;
	from += meta_len(md + from, len - from);
	if ((s = notes_scan_new(md, len, from)) == NULL)
		return NULL;
	for (ls = md + from; ls < end; ls = nl + 1) {
		if ((nl = memchr(ls, '\n', (size_t)(end - ls))) == NULL)
			nl = end;
		open = !t.fence && !t.html;
		out = prefix_track_line(&t, ls, (size_t)(nl - ls));
		notes_scan_line(s, ls, nl, prefix_blank(ls, (size_t)(nl -
		    ls)) ? NOTES_BLANK : !out || (open && (t.fence ||
		    t.html)) ? NOTES_CODE : NOTES_TEXT);
	}
	return notes_scan_end(s);
}

void
doc_notes_free(struct doc_notes *notes)
{
	if (notes == NULL)
		return;
	free(notes->md);
	free(notes->v);
	notes_links_free(notes->links);
	free(notes);
}
