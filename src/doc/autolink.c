/*
 * Bare links in text, by the rules of GFM's autolink extension as
 * cmark-gfm 0.29.0.gfm.6 applies them:
 *
 *  - "www." after a space, a line start or one of * _ ~ (, then a domain
 *    (segments of letters, digits, '-' and '_', at least one '.', no '_'
 *    in the last two segments) and anything up to a space or '<';
 *  - http://, https:// or ftp:// (any case, no letter before the scheme),
 *    a host and the same path;
 *  - trailing ? ! . , : * _ ~ ' " are not part of the link, nor ')' past
 *    the balanced ones, nor an entity-like "&name;";
 *  - name@domain.tld (letters, digits and . + - _ before the '@'), and
 *    the same after "mailto:" or "xmpp:" (with a /resource for xmpp).
 *
 * cmark-gfm finds the first two in the inline parser and the third in a
 * pass over the tree once every text node is merged; here all three are
 * found in each text node's text, given what the parser knew at its
 * start (struct autolink_ctx).  What cannot be known from the text alone
 * comes out otherwise, as a differential fuzzer showed (4.6 million
 * documents): a link next to markup in the source (cmark-gfm reads the
 * raw source, so "http://a*b*" keeps "*b*" and "_see http://a.b_" has no
 * link there, since the closing '_' is part of the domain), backslash
 * escapes and entities inside a link, an escaped '[' taken for an open
 * one.  tests/test_autolink.c compares the two on the spec's examples and
 * on the fuzzer's other findings.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "quire/bytes.h"
#include "quire/util.h"
#include "autolink.h"

#define MAX_EMAIL_TRIES 1000 /* '@' tried per text past the first */

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(unsigned char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

static int
is_punct(unsigned char c)
{
	return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) ||
	    (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/* Whether the character at P (N bytes left) may be in a host name: not a
 * space, not punctuation, and well formed. */
static int
host_char(const char *p, size_t n)
{
	utf8proc_int32_t ch;
	utf8proc_category_t cat;

	if (n == 0 || utf8proc_iterate((const utf8proc_uint8_t *)p,
	    (utf8proc_ssize_t)n, &ch) < 0)
		return 0;
	if (ch < 128)
		return !is_space((unsigned char)ch) && !is_punct((unsigned char)ch);
	if (ch == 0xA0 || ch == 0x1680 || (ch >= 0x2000 && ch <= 0x200A) ||
	    ch == 0x202F || ch == 0x205F || ch == 0x3000)
		return 0;
	cat = utf8proc_category(ch);
	return !(cat == UTF8PROC_CATEGORY_PC || cat == UTF8PROC_CATEGORY_PD ||
	    cat == UTF8PROC_CATEGORY_PS || cat == UTF8PROC_CATEGORY_PE ||
	    cat == UTF8PROC_CATEGORY_PI || cat == UTF8PROC_CATEGORY_PF ||
	    cat == UTF8PROC_CATEGORY_PO);
}

/*
 * The length of the domain at D: N bytes of text, SIZE of inline content
 * (one more than N when more follows, which ends the domain).  0 if it
 * is not one: an '_' in its last two segments, or no '.' unless SHORT.
 */
static size_t
domain(const char *d, size_t n, size_t size, int short_ok)
{
	size_t i, dots = 0, us1 = 0, us2 = 0;

	for (i = 1; i + 1 < size && i < n; i++) {
		if (d[i] == '_')
			us2++;
		else if (d[i] == '.') {
			us1 = us2;
			us2 = 0;
			dots++;
		} else if (!host_char(d + i, n - i) && d[i] != '-')
			break;
	}
	if (us1 > 0 || us2 > 0)
		return 0;
	return short_ok || dots ? i : 0;
}

/* Where a link of END bytes at D really ends: before '<', trailing
 * punctuation, unbalanced ')' and "&entity;". */
static size_t
trim(const char *d, size_t end)
{
	size_t i, open = 0, close = 0, e;

	for (i = 0; i < end; i++) {
		if (d[i] == '<') {
			end = i;
			break;
		}
		if (d[i] == '(')
			open++;
		else if (d[i] == ')')
			close++;
	}
	while (end > 0) {
		switch (d[end - 1]) {
		case ')':
			if (close <= open)
				return end;
			close--;
			end--;
			break;
		case '?': case '!': case '.': case ',': case ':': case '*':
		case '_': case '~': case '\'': case '"':
			end--;
			break;
		case ';':
			if (end < 2) {
				end--;
				break;
			}
			for (e = end - 2; e > 0 && is_alpha((unsigned char)d[e]); e--)
				;
			if (e < end - 2 && d[e] == '&')
				end = e;
			else
				end--;
			break;
		default:
			return end;
		}
	}
	return end;
}

/* The end of the path after a host: up to a space or '<', trimmed. */
static size_t
path_end(const char *d, size_t end, size_t n)
{
	while (end < n && !is_space((unsigned char)d[end]) && d[end] != '<')
		end++;
	return trim(d, end);
}

/* A www. link at S[I]: its length, or 0. */
static size_t
www_link(const char *s, size_t len, size_t i, const struct autolink_ctx *ctx)
{
	const char *d = s + i;
	size_t n = len - i, size = n + (ctx->more ? 1 : 0), end;
	unsigned char prev = i > 0 ? (unsigned char)s[i - 1] : 0;

	if (i > 0 ? !is_space(prev) && prev != '*' && prev != '_' &&
	    prev != '~' && prev != '(' : !ctx->after_ok)
		return 0;
	if (n < 4 || memcmp(d, "www.", 4) != 0)
		return 0;
	if ((end = domain(d, n, size, 0)) == 0)
		return 0;
	return path_end(d, end, n);
}

/* A URL whose "://" is at S[I], its scheme at or after LO: its start in
 * *FROM and its end, or 0. */
static size_t
url_link(const char *s, size_t len, size_t i, size_t lo,
    const struct autolink_ctx *ctx, size_t *from)
{
	static const char *schemes[] = { "http://", "https://", "ftp://" };
	const char *d = s + i, *link;
	size_t n = len - i, size = n + (ctx->more ? 1 : 0), rw = 0, k, sl;
	size_t end;

	if (size < 4 || n < 3 || d[1] != '/' || d[2] != '/')
		return 0;
	while (i - rw > lo && is_alpha((unsigned char)s[i - rw - 1]))
		rw++;
	link = d - rw;
	for (k = 0; k < sizeof(schemes) / sizeof(schemes[0]); k++) {
		sl = strlen(schemes[k]);
		if (n + rw > sl && strncasecmp(link, schemes[k], sl) == 0 &&
		    host_char(link + sl, n + rw - sl))
			break;
	}
	if (k == sizeof(schemes) / sizeof(schemes[0]))
		return 0;
	if ((end = domain(d + 3, n - 3, size - 3, 1)) == 0)
		return 0;
	if ((end = path_end(d, end + 3, n)) == 0)
		return 0;
	*from = i - rw;
	return i + end;
}

/* Whether PROTO ends just before the '@' at AT less REWIND bytes, with no
 * letter or digit before it within MAX bytes. */
static int
protocol(const char *proto, const char *at, size_t rewind, size_t max)
{
	size_t len = strlen(proto);

	if (len > max - rewind || memcmp(at - rewind - len, proto, len) != 0)
		return 0;
	return len == max - rewind || !is_alnum((unsigned char)at[-(long)rewind -
	    (long)len - 1]);
}

/* Add a link [START, END) with PREFIX to *OUT. */
static void
add(struct autolink **out, size_t *cap, size_t *n, size_t start, size_t end,
    const char *prefix)
{
	GROW(*out, *cap, *n, 1);
	(*out)[*n].start = start;
	(*out)[*n].end = end;
	(*out)[(*n)++].prefix = prefix;
}

/*
 * The email links of S[BASE, BASE + LEN), appended to *OUT.  Each '@'
 * is tried in turn: the address is the letters, digits and . + - _
 * before it (a "mailto:" or "xmpp:" before those too) and the domain
 * after it, with one '@' in all and a '.' between letters or digits.
 * cmark-gfm tries at most 1001 times per text (it recurses).
 */
static void
emails(const char *s, size_t base, size_t len, struct autolink **out,
    size_t *cap, size_t *n)
{
	const char *t = s + base, *d, *at;
	size_t tlen = len, offset = 0, rewind, max, end, sz, nb, np;
	int mailto, xmpp, tries;
	unsigned char c;

	for (tries = 0; tries <= MAX_EMAIL_TRIES; tries++) {
		if (offset >= tlen ||
		    (at = memchr(t + offset, '@', tlen - offset)) == NULL)
			return;
		max = (size_t)(at - (t + offset));
		d = at;
		sz = tlen - offset - max;
		mailto = 1, xmpp = 0, nb = np = 0;
		for (rewind = 0; rewind < max; rewind++) {
			c = (unsigned char)d[-(long)rewind - 1];
			if (is_alnum(c) || strchr(".+-_", c) != NULL)
				continue;
			if (c == ':' && protocol("mailto:", d, rewind, max)) {
				mailto = 0;
				continue;
			}
			if (c == ':' && protocol("xmpp:", d, rewind, max)) {
				mailto = 0, xmpp = 1;
				continue;
			}
			break;
		}
		if (rewind == 0) {
			offset += max + 1;
			continue;
		}
		for (end = 0; end < sz; end++) {
			c = (unsigned char)d[end];
			if (is_alnum(c))
				continue;
			if (c == '@')
				nb++;
			else if (c == '.' && end + 1 < sz &&
			    is_alnum((unsigned char)d[end + 1]))
				np++;
			else if (c == '/' && xmpp)
				continue;
			else if (c != '-' && c != '_')
				break;
		}
		if (end < 2 || nb != 1 || np == 0 || (!is_alpha((unsigned
		    char)d[end - 1]) && d[end - 1] != '.') ||
		    (end = trim(d, end)) == 0) {
			offset += max + 1;
			continue;
		}
		add(out, cap, n, (size_t)(d - s) - rewind, (size_t)(d - s) + end,
		    mailto ? "mailto:" : "");
		/* Go on in the text after it. */
		tlen -= (size_t)(d + end - t);
		t = d + end;
		offset = 0;
	}
}

/* The bytes the parser's pass stops at. */
static const unsigned char pass_char[256] = {
	['['] = 1, [']'] = 1, ['w'] = 1, [':'] = 1,
};

/* Where the first byte from S[I] to S[LEN] the parser's pass stops at
 * is, or LEN.  Eight bytes at a time. */
static size_t
pass_next(const char *s, size_t i, size_t len)
{
	uint64_t x, stop;

	for (; BYTES_WORDS && len - i >= 8; i += 8) {
		x = bytes_load(s + i);
		stop = bytes_eq(x, '[') | bytes_eq(x, ']') | bytes_eq(x, 'w') |
		    bytes_eq(x, ':');
		if (stop != 0)
			return i + bytes_first(stop);
	}
	while (i < len && !pass_char[(unsigned char)s[i]])
		i++;
	return i;
}

size_t
autolink_find(const char *s, size_t len, struct autolink_ctx *ctx,
    struct autolink **out, size_t *cap)
{
	struct autolink *url = NULL;
	size_t nurl = 0, capurl = 0, n = 0, i, e, from, lo = 0, k;

	/* The parser's pass: www. and URLs, where no '[' is open. */
	for (i = 0; i < len; i++) {
		if ((i = pass_next(s, i, len)) == len)
			break;
		switch (s[i]) {
		case '[':
			ctx->brackets++;
			break;
		case ']':
			if (ctx->brackets > 0)
				ctx->brackets--;
			break;
		case 'w':
			if (nurl + ctx->found < AUTOLINK_MAX &&
			    ctx->brackets == 0 && i + 3 < len &&
			    s[i + 1] == 'w' && s[i + 2] == 'w' && s[i + 3] == '.' &&
			    (e = www_link(s, len, i, ctx)) > 0) {
				add(&url, &capurl, &nurl, i, i + e, "http://");
				i += e - 1;
				lo = i + 1;
			}
			break;
		case ':':
			if (nurl + ctx->found < AUTOLINK_MAX &&
			    ctx->brackets == 0 && i + 2 < len &&
			    s[i + 1] == '/' && s[i + 2] == '/' &&
			    (e = url_link(s, len, i, lo, ctx, &from)) > 0) {
				add(&url, &capurl, &nurl, from, e, "");
				i = e - 1;
				lo = e;
			}
			break;
		}
	}
	/* The pass over text nodes: email addresses, between those links. */
	for (k = 0, from = 0; k <= nurl; k++) {
		e = k < nurl ? url[k].start : len;
		if (memchr(s + from, '@', e - from) != NULL)
			emails(s, from, e - from, out, cap, &n);
		if (k < nurl) {
			add(out, cap, &n, url[k].start, url[k].end, url[k].prefix);
			from = url[k].end;
		}
	}
	free(url);
	if (n > AUTOLINK_MAX - ctx->found) /* emails past the limit */
		n = AUTOLINK_MAX - ctx->found;
	ctx->found += n;
	return n;
}
