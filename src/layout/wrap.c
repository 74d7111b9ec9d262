/*
 * The word wrapper: inline runs in, lines of spans out.  Greedy, linear
 * in the text, measuring with text_cp_width (CJK and emoji 2 columns,
 * combining marks 0).  A code span, and an image's label ("[image:
 * ALT]", a badge's), stays whole (no break at its blanks or hyphens)
 * unless it alone is wider than the line.  Spans of one
 * style that are adjacent in the document text merge, so a plain line
 * is usually one span.  In plain layouts, marks around struck text and
 * code spans (`~~`, a backquote) are pieces of the words they touch, so
 * they wrap with them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "quire/bytes.h"
#include "quire/text.h"
#include "lay.h"

/* A piece of the current word: bytes of one run, or a mark. */
struct piece {
	uint32_t run, off, len, width;
	uint32_t at;       /* a mark: the text offset it stands at */
	uint16_t drop;     /* a mark: the style bit it marks, not its own */
	uint8_t gen;       /* 0, or SPAN_GEN_MARK: OFF is in lay->gen */
};

/* Style bits whose stretches get marks in plain layouts, in the order
 * the marks open, and their glyphs; a superscript's mark only opens
 * (2^32). */
#define NMARKS 3
#define MARKED (STY_STRIKE | STY_CODE | STY_SUP)
static const uint16_t mark_bits[NMARKS] = { STY_STRIKE, STY_CODE, STY_SUP };
static const enum glyph mark_glyph[NMARKS] = { G_STRIKE, G_CODE_MARK, G_SUP };

struct wstate {
	struct wrapped *w;
	const struct doc *doc;
	const struct run *runs;
	int width, col;
	uint8_t kind;
	struct piece *word;
	size_t nword, capword;
	uint32_t word_w;
	int space;             /* a space precedes the word */
	uint32_t space_run, space_off, space_len; /* ...these bytes: one, or
	                          a run of them inside code, kept as written */
	uint32_t trunc_off, trunc_len;
	const struct lay *l;   /* for the marks, in plain layouts; or NULL */
	int cell;              /* a table cell: breaks after '/' too */
};

/* Begin a new output line. */
static void
new_line(struct wstate *s, uint32_t off)
{
	struct wrapped *w = s->w;
	size_t old = w->capl;

	GROW(w->starts, w->capl, w->nlines, 2);
	if (w->capl != old)
		w->offs = xreallocarray(w->offs, w->capl, sizeof(*w->offs));
	w->starts[w->nlines] = (uint32_t)w->nspans;
	w->offs[w->nlines] = off;
	w->nlines++;
	w->starts[w->nlines] = (uint32_t)w->nspans;
	s->col = 0;
}

/* Append text of run R at OFF..OFF+LEN (WIDTH columns) to the line. */
static void
emit(struct wstate *s, uint32_t r, uint32_t off, uint32_t len,
    uint32_t width, int gen)
{
	struct wrapped *w = s->w;
	const struct run *run = &s->runs[r];
	struct span *sp;

	if (w->nlines == 0)
		new_line(s, off);
	if (!gen && w->nspans > w->starts[w->nlines - 1]) {
		sp = &w->spans[w->nspans - 1];
		if (!sp->gen && sp->off + sp->len == off &&
		    sp->style == run->style && sp->link == run->link &&
		    sp->col + sp->width == s->col) {
			sp->len += len;
			sp->width = (uint16_t)(sp->width + width);
			s->col += (int)width;
			w->starts[w->nlines] = (uint32_t)w->nspans;
			return;
		}
	}
	GROW(w->spans, w->cap, w->nspans, 1);
	sp = &w->spans[w->nspans++];
	sp->off = off;
	sp->len = len;
	sp->link = run->link;
	sp->col = (uint16_t)s->col;
	sp->width = (uint16_t)width;
	sp->style = run->style;
	sp->kind = s->kind;
	sp->gen = (uint8_t)gen;
	s->col += (int)width;
	w->starts[w->nlines] = (uint32_t)w->nspans;
}

/* Closing brackets and quotes, and the punctuation that ends a clause:
 * none may start a line (Japanese and Chinese line breaking rules,
 * kinsoku: "。" and "、" stay on the line before).  Sorted. */
static const uint32_t closing[] = {
	0x2019, 0x201D, 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F,
	0x3011, 0x3015, 0x3017, 0x3019, 0x301F, 0x30FB, 0xFF01, 0xFF09,
	0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D
};

/* Opening brackets and quotes: none may end a line.  Sorted. */
static const uint32_t opening[] = {
	0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014,
	0x3016, 0x3018, 0x301D, 0xFF08, 0xFF3B, 0xFF5B
};

/* Compare code points, for bsearch(). */
static int
cp_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Whether code point CP is one of the N sorted ones of SET. */
static int
cp_in(uint32_t cp, const uint32_t *set, size_t n)
{
	return bsearch(&cp, set, n, sizeof(*set), cp_cmp) != NULL;
}

/* The first code point of the LEN bytes at S. */
static uint32_t
first_cp(const char *s, size_t len)
{
	uint32_t cp = 0;

	if (len > 0)
		text_decode(s, len, &cp);
	return cp;
}

/* Place a piece that may not fit: break it between characters (grapheme
 * clusters: a vowel sign stays with its consonant), but not before a
 * character that may not start a line nor after one that may not end
 * it: the character before goes to the next line with it. */
static void
emit_broken(struct wstate *s, const struct piece *p)
{
	const char *t = s->doc->text;
	uint32_t i = p->off, end = p->off + p->len, start = p->off, cw = 0;
	uint32_t prev = p->off, pw = 0; /* the last cluster placed */
	size_t n;
	int c;

	while (i < end) {
		n = text_cluster(t + i, end - i, &c);
		if (c > 0 && s->col + (int)cw + c > s->width) {
			if (prev > start && (int)pw + c <= s->width &&
			    (cp_in(first_cp(t + i, end - i), closing,
			    NELEM(closing)) || cp_in(first_cp(t + prev,
			    end - prev), opening, NELEM(opening)))) {
				/* the one before goes down with it */
				emit(s, p->run, start, prev - start, cw - pw, 0);
				new_line(s, prev);
				start = prev, cw = pw;
				continue;
			}
			if (i > start)
				emit(s, p->run, start, i - start, cw, 0);
			if (s->col > 0 || i > start)
				new_line(s, i);
			start = i, cw = 0;
			if (c > s->width) { /* wider than the line itself */
				emit(s, p->run, s->trunc_off, s->trunc_len, 1, 1);
				i += (uint32_t)n;
				start = i;
				continue;
			}
		}
		prev = i, pw = (uint32_t)c;
		cw += (uint32_t)c;
		i += (uint32_t)n;
	}
	if (i > start)
		emit(s, p->run, start, i - start, cw, 0);
}

/* The text offset piece P stands at. */
static uint32_t
piece_at(const struct piece *p)
{
	return p->gen ? p->at : p->off;
}

/* Place mark P, on the next line if it does not fit on this one. */
static void
emit_mark(struct wstate *s, const struct piece *p)
{
	struct span *sp;

	if (s->col + (int)p->width > s->width) {
		if (s->col > 0)
			new_line(s, p->at);
		if ((int)p->width > s->width)
			return;
	}
	emit(s, p->run, p->off, p->len, p->width, p->gen);
	sp = &s->w->spans[s->w->nspans - 1];
	sp->style &= (uint16_t)~p->drop;
}

/*
 * Whether the pending word is a run of wide (CJK) text longer than a
 * line: such text breaks between any two characters, so it goes on
 * where the line has room, as browsers set it, instead of leaving the
 * line short.
 */
static int
cjk_run_on(const struct wstate *s)
{
	const struct piece *p = &s->word[0];
	int c;

	if ((int)s->word_w <= s->width || p->gen || p->len == 0)
		return 0;
	text_cluster(s->doc->text + p->off, p->len, &c);
	return c == 2;
}

/* Place the pending word on the current line or the next. */
static void
flush_word(struct wstate *s)
{
	size_t i;
	/* a space between words, not at a line's start (zero-width text,
	 * a ZWSP, counts as text) */
	int sp = s->space && s->w->nlines > 0 &&
	    s->w->nspans > s->w->starts[s->w->nlines - 1] ? (int)s->space_len : 0;

	if (s->nword == 0)
		return;
	if (s->col + sp + (int)s->word_w > s->width &&
	    !(cjk_run_on(s) && s->col + sp + 2 <= s->width)) {
		if (s->col > 0)
			new_line(s, piece_at(&s->word[0]));
		sp = 0;
	}
	if (sp)
		emit(s, s->space_run, s->space_off, (uint32_t)sp, (uint32_t)sp, 0);
	for (i = 0; i < s->nword; i++) {
		if (s->word[i].gen)
			emit_mark(s, &s->word[i]);
		else if (s->col + (int)s->word[i].width > s->width)
			emit_broken(s, &s->word[i]);
		else
			emit(s, s->word[i].run, s->word[i].off, s->word[i].len,
			    s->word[i].width, 0);
	}
	s->nword = 0;
	s->word_w = 0;
	s->space = 0;
}

/*
 * The word OFF..OFF+LEN of run R (WIDTH columns), when no word is
 * pending: placed as add_piece() and flush_word() would place it,
 * without the piece, when it fits on the line.  Return 0 when it does
 * not fit, and nothing is done.
 */
static int
put_word(struct wstate *s, uint32_t r, uint32_t off, uint32_t len,
    uint32_t width)
{
	int sp = s->space && s->w->nlines > 0 &&
	    s->w->nspans > s->w->starts[s->w->nlines - 1] ? (int)s->space_len : 0;

	if (s->col + sp + (int)width > s->width)
		return 0;
	if (sp && s->space_run == r && s->space_off + (uint32_t)sp == off)
		emit(s, r, s->space_off, (uint32_t)sp + len,
		    (uint32_t)sp + width, 0); /* the space and the word */
	else {
		if (sp)
			emit(s, s->space_run, s->space_off, (uint32_t)sp,
			    (uint32_t)sp, 0);
		emit(s, r, off, len, width, 0);
	}
	s->space = 0;
	return 1;
}

/* Add bytes OFF..OFF+LEN of run R to the pending word. */
static void
add_piece(struct wstate *s, uint32_t r, uint32_t off, uint32_t len,
    uint32_t width)
{
	struct piece *p;

	if (len == 0)
		return;
	if (s->nword > 0 && s->word[s->nword - 1].run == r &&
	    !s->word[s->nword - 1].gen &&
	    s->word[s->nword - 1].off + s->word[s->nword - 1].len == off) {
		p = &s->word[s->nword - 1];
		p->len += len;
		p->width += width;
	} else {
		GROW(s->word, s->capword, s->nword, 1);
		p = &s->word[s->nword++];
		memset(p, 0, sizeof(*p));
		p->run = r, p->off = off, p->len = len, p->width = width;
	}
	s->word_w += width;
}

/* Add to the pending word the marks of run R's style bits in BITS,
 * standing at text offset AT; CLOSE: in closing order. */
static void
add_marks(struct wstate *s, uint32_t r, uint16_t bits, uint32_t at,
    int close)
{
	struct piece *p;
	int i, k;

	for (k = 0; k < NMARKS; k++) {
		i = close ? NMARKS - 1 - k : k;
		if (!(bits & mark_bits[i]) || (close && mark_bits[i] == STY_SUP))
			continue;
		GROW(s->word, s->capword, s->nword, 1);
		p = &s->word[s->nword++];
		p->run = r;
		p->off = s->l->glyph[mark_glyph[i]];
		p->len = s->l->glyph_len[mark_glyph[i]];
		p->width = p->len; /* ASCII */
		p->at = at;
		p->drop = mark_bits[i];
		p->gen = SPAN_GEN_MARK;
		s->word_w += p->width;
	}
}

/* The marked style bits of run R (none outside the runs). */
static uint16_t
marked(const struct wstate *s, size_t r, size_t nruns)
{
	if (s->l == NULL || r >= nruns)
		return 0;
	return s->runs[r].style & MARKED;
}

/* The ASCII bytes wrap_run() looks at: those that may end a word. */
static const unsigned char ascii_stop[128] = {
	[' '] = 1, ['\n'] = 1, ['-'] = 1,
};

/* Where the first byte from T[I] to T[END] is one wrap_run() looks at:
 * ASCII in ascii_stop (and '/' when SLASH: in a table cell), or not
 * ASCII.  Eight bytes at a time. */
static inline uint32_t
word_end(const char *t, uint32_t i, uint32_t end, int slash)
{
	uint64_t x, stop;

	for (; BYTES_WORDS && end - i >= 8; i += 8) {
		x = bytes_load(t + i);
		stop = bytes_eq(x, ' ') | bytes_eq(x, '\n') | bytes_eq(x, '-') |
		    bytes_high(x);
		if (slash)
			stop |= bytes_eq(x, '/');
		if (stop != 0)
			return i + bytes_first(stop);
	}
	while (i < end && (unsigned char)t[i] < 0x80 &&
	    !ascii_stop[(unsigned char)t[i]] && !(slash && t[i] == '/'))
		i++;
	return i;
}

/*
 * From I, the start of a word of run R (none pending), place at once the
 * words up to END that put_word() would place one by one: each of plain
 * ASCII (no byte word_end() stops at), followed by one space, and
 * fitting on the line.  Return where the run goes on: I when none was
 * placed, else past the space after the last, which is pending as if
 * read.
 */
static uint32_t
put_words(struct wstate *s, uint32_t r, uint32_t i, uint32_t end)
{
	const char *t = s->doc->text;
	int sp = s->space && s->w->nlines > 0 &&
	    s->w->nspans > s->w->starts[s->w->nlines - 1] ? (int)s->space_len : 0;
	int col = s->col + sp, gap = 0;
	uint32_t j, at = i, last = i;

	for (;;) {
		j = word_end(t, at, end, s->cell);
		if (j == at || j + 1 >= end || t[j] != ' ' ||
		    col + gap + (int)(j - at) > s->width)
			break;
		col += gap + (int)(j - at);
		last = j;
		if (t[j + 1] == ' ') /* spaces run on: put_word() sees them */
			break;
		at = j + 1;
		gap = 1;
	}
	if (last == i)
		return i;
	if (sp && s->space_run == r && s->space_off + (uint32_t)sp == i)
		emit(s, r, s->space_off, last - s->space_off,
		    (uint32_t)(col - s->col), 0); /* the space and the words */
	else {
		if (sp)
			emit(s, s->space_run, s->space_off, (uint32_t)sp,
			    (uint32_t)sp, 0);
		emit(s, r, i, last - i, last - i, 0);
	}
	s->space = 1;
	s->space_run = r;
	s->space_off = last;
	s->space_len = 1;
	return last + 1;
}

/* Whether S (LEN bytes) is an image's whole label, "[image: ALT]" (one
 * run: its alt text has no style of its own). */
static int
whole_label(const char *s, size_t len)
{
	return len > 9 && memcmp(s, "[image: ", 8) == 0 && s[len - 1] == ']';
}

/* Whether byte AT of T, in a run from FROM to END, is inside a web
 * address ("https://gitlab.com/procps-ng", "www.example-site.org") that
 * fits in WIDTH columns: a line does not break at its hyphens, which
 * would read as a word broken in two and copy as a broken address (one
 * longer than a line breaks there all the same). */
static int
in_address(const char *t, uint32_t from, uint32_t end, uint32_t at,
    int width)
{
	uint32_t k = at, e = at, lo = at - from > (uint32_t)width ?
	    at - (uint32_t)width - 1 : from;
	int url = 0;

	/* no further back than a line's bytes: a longer word is no
	 * address that fits */
	while (k > lo && t[k - 1] != ' ' && t[k - 1] != '\n')
		k--;
	while (e < end && e - k <= (uint32_t)width && t[e] != ' ' &&
	    t[e] != '\n')
		e++;
	if (e - k > (uint32_t)width)
		return 0; /* longer than a line, even in bytes */
	if (at - k >= 4 && memcmp(t + k, "www.", 4) == 0)
		url = 1;
	for (; !url && k + 3 <= at; k++)
		url = t[k] == ':' && t[k + 1] == '/' && t[k + 2] == '/';
	return url;
}

/* Feed one run through the wrapper. */
static void
wrap_run(struct wstate *s, uint32_t r)
{
	const char *t = s->doc->text;
	const struct run *run = &s->runs[r];
	uint32_t i = run->off, end = run->off + run->len, start = i, w = 0;
	uint32_t cp;
	size_t n;

	if (((run->style & STY_CODE) || ((run->style & STY_IMAGE) &&
	    whole_label(t + i, run->len))) &&
	    memchr(t + i, '\n', run->len) == NULL &&
	    text_width(t + i, run->len) <= (size_t)s->width) {
		/* A code span, or an image's label, is one word, unless
		 * wider than the line. */
		add_piece(s, r, i, run->len, (uint32_t)text_width(t + i,
		    run->len));
		return;
	}
	while (i < end) {
		unsigned char c = (unsigned char)t[i];

		if (c < 0x80 && !ascii_stop[c] && !(c == '/' && s->cell)) {
			/* a column each */
			uint32_t j = word_end(t, i + 1, end, s->cell);

			w += j - i;
			i = j;
			continue;
		}
		if (c == ' ' || c == '\n') {
			if (s->nword > 0 || i == start ||
			    !put_word(s, r, start, i - start, w)) {
				add_piece(s, r, start, i - start, w);
				flush_word(s);
			}
			if (c == '\n') {
				if (s->w->nlines == 0)
					new_line(s, i);
				new_line(s, i + 1);
				s->space = 0;
			} else if (!s->space) {
				s->space = 1;
				s->space_run = r;
				s->space_off = i;
				s->space_len = 1;
			} else if ((run->style & STY_CODE) && s->space_run == r &&
			    s->space_off + s->space_len == i)
				s->space_len++; /* code keeps its spaces */
			i++;
			if (c == ' ' && s->nword == 0 && !(run->style & STY_CODE))
				i = put_words(s, r, i, end);
			start = i, w = 0;
			continue;
		}
		if ((c == '-' || (c == '/' && s->cell)) && i > start &&
		    i + 1 < end && isalnum((unsigned char)t[i - 1]) &&
		    isalnum((unsigned char)t[i + 1]) &&
		    !(c == '-' && !s->cell && isdigit((unsigned char)t[i + 1])) &&
		    !in_address(t, run->off, end, i, s->width)) {
			/* A hyphen inside a word (in a table cell, a slash): a
			 * line may break after it; in prose not before a digit
			 * (CVE-2025-15467, 2024-05-01: Unicode's LB25), where a
			 * table's narrow column may. */
			if (s->nword > 0 ||
			    !put_word(s, r, start, i + 1 - start, w + 1)) {
				add_piece(s, r, start, i + 1 - start, w + 1);
				flush_word(s);
			}
			i++;
			start = i, w = 0;
			continue;
		}
		if (c < 0x80) {
			i++, w++;
			continue;
		}
		n = text_decode(t + i, end - i, &cp);
		w += (uint32_t)text_cp_width(cp);
		i += (uint32_t)n;
	}
	add_piece(s, r, start, i - start, w);
}

void
wrap_runs(struct wrapped *w, const struct lay *l, const struct run *runs,
    size_t nruns, int width, uint8_t kind)
{
	struct wstate s;
	uint16_t prev = 0, cur, next;
	size_t r;

	memset(&s, 0, sizeof(s));
	w->nspans = 0;
	w->nlines = 0;
	s.w = w;
	s.doc = l->doc;
	s.runs = runs;
	s.width = width < 1 ? 1 : width;
	s.kind = kind;
	s.trunc_off = l->glyph[G_TRUNC];
	s.trunc_len = l->glyph_len[G_TRUNC];
	s.l = l->out->flags & LAYOUT_PLAIN ? l : NULL;
	s.cell = l->cell;
	for (r = 0; r < nruns; r++) {
		cur = marked(&s, r, nruns);
		next = marked(&s, r + 1, nruns);
		if (cur & ~prev)
			add_marks(&s, (uint32_t)r, cur & ~prev, runs[r].off, 0);
		wrap_run(&s, (uint32_t)r);
		if (cur & ~next)
			add_marks(&s, (uint32_t)r, cur & ~next,
			    runs[r].off + runs[r].len, 1);
		prev = cur;
	}
	flush_word(&s);
	free(s.word);
}

void
wrap_free(struct wrapped *w)
{
	free(w->spans);
	free(w->starts);
	free(w->offs);
	memset(w, 0, sizeof(*w));
}
