/*
 * Bare links (src/doc/autolink.c): the GFM spec's examples and more,
 * each as the text and target of the links quire makes; then, over the
 * files named and every spec example, the links quire finds against
 * those cmark-gfm's own autolink extension finds, target by target.
 *
 * usage: test_autolink EXAMPLES FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "quire/doc.h"
#include "quire/util.h"
#include "harness.h"
#include "autolink.h"

/* "text=target" for each link of MD, as quire reads it, separated by
 * spaces, in B. */
static const char *
quire_links(const char *md, struct buf *b)
{
	struct doc *d = doc_load_buffer(md, strlen(md));
	size_t i, l = SIZE_MAX;

	b->len = 0;
	for (i = 0; i < d->nruns; i++) {
		const struct run *r = &d->runs[i];

		if (r->link == DOC_NONE) {
			l = SIZE_MAX;
			continue;
		}
		if (r->link != l) {
			if (l != SIZE_MAX || b->len > 0)
				buf_putc(b, ' ');
			l = r->link;
			buf_put(b, d->text + r->off, r->len);
			buf_putc(b, '=');
			buf_put(b, d->aux + d->links[l].off, d->links[l].len);
			continue;
		}
		/* the link goes on: insert this run's text before '=' */
		{
			char *eq = strrchr(b->data, '=');
			size_t tail = b->len - (size_t)(eq - b->data);
			char *t = xmalloc(tail);

			memcpy(t, eq, tail);
			b->len -= tail;
			buf_put(b, d->text + r->off, r->len);
			buf_put(b, t, tail);
			free(t);
		}
	}
	buf_putc(b, '\0');
	b->len--;
	doc_free(d);
	return b->data;
}

static const struct {
	const char *md, *links;
} cases[] = {
	/* The GFM spec, "Autolinks (extension)" */
	{ "www.commonmark.org", "www.commonmark.org=http://www.commonmark.org" },
	{ "Visit www.commonmark.org/help for more information.",
	  "www.commonmark.org/help=http://www.commonmark.org/help" },
	{ "Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.",
	  "www.commonmark.org=http://www.commonmark.org "
	  "www.commonmark.org/a.b=http://www.commonmark.org/a.b" },
	{ "www.google.com/search?q=Markup+(business)\n\n"
	  "www.google.com/search?q=Markup+(business)))",
	  "www.google.com/search?q=Markup+(business)="
	  "http://www.google.com/search?q=Markup+(business) "
	  "www.google.com/search?q=Markup+(business)="
	  "http://www.google.com/search?q=Markup+(business)" },
	{ "www.google.com/search?q=commonmark&hl=en\n\n"
	  "www.google.com/search?q=commonmark&hl;",
	  "www.google.com/search?q=commonmark&hl=en="
	  "http://www.google.com/search?q=commonmark&hl=en "
	  "www.google.com/search?q=commonmark=http://www.google.com/search?q="
	  "commonmark" },
	{ "www.commonmark.org/he<lp",
	  "www.commonmark.org/he=http://www.commonmark.org/he" },
	{ "http://commonmark.org\n\n(Visit https://encrypted.google.com/"
	  "search?q=Markup+(business))\n\nAnonymous FTP is available at "
	  "ftp://foo.bar.baz.",
	  "http://commonmark.org=http://commonmark.org "
	  "https://encrypted.google.com/search?q=Markup+(business)="
	  "https://encrypted.google.com/search?q=Markup+(business) "
	  "ftp://foo.bar.baz=ftp://foo.bar.baz" },
	{ "foo@bar.baz", "foo@bar.baz=mailto:foo@bar.baz" },
	{ "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.",
	  "hello+xyz@mail.example=mailto:hello+xyz@mail.example" },
	{ "a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_",
	  "a.b-c_d@a.b=mailto:a.b-c_d@a.b a.b-c_d@a.b=mailto:a.b-c_d@a.b" },
	/* What comes before: a space, emphasis, '(' -- not a letter */
	{ "*www.a.com* (www.b.com) xwww.c.com ~~www.d.com~~",
	  "www.a.com=http://www.a.com www.b.com=http://www.b.com "
	  "www.d.com=http://www.d.com" },
	{ "`code`www.a.com and 1http://b.c but not xhttp://d.e",
	  "http://b.c=http://b.c" },
	/* Underscores in the last two segments; schemes in any case */
	{ "x www.a_b.com www._a.b.com HTTP://A.B", "www._a.b.com="
	  "http://www._a.b.com HTTP://A.B=HTTP://A.B" },
	/* Not inside links or code, nor where a '[' is open */
	{ "[www.a.com](http://b.c) `www.d.com` [x www.e.com",
	  "www.a.com=http://b.c" },
	{ "[x] www.a.com", "www.a.com=http://www.a.com" },
	/* mailto: and xmpp: */
	{ "mailto:a@b.c and xmpp:a@b.c/r",
	  "mailto:a@b.c=mailto:a@b.c xmpp:a@b.c/r=xmpp:a@b.c/r" },
	/* Headings and table cells */
	{ "# See www.a.com\n\n| a |\n|---|\n| b@c.de |",
	  "www.a.com=http://www.a.com b@c.de=mailto:b@c.de" },
};

/* Inputs where quire once found other links than cmark-gfm 0.29.0.gfm.6
 * (a differential fuzzer's findings): checked against cmark-gfm itself. */
static const char *const against[] = {
	"a@.a@a", "mailto:foo@bar@baz.com", "a@b.co@x", "a@a.@.a",
	"a@xmpp:@.a", "x/a@b.c", "www.........._.a", "www.a.b.c.d.e.f.g.h.i.j.k_l.m",
	"www.\\a_a", "a@b.c a@b.c, c@d.e. and f@g.h-", "xmpp:a@b.c/r/s",
};

/* The targets of MD's links, as cmark-gfm with its autolink extension
 * makes them (outermost links and images), one per line, in B. */
static void
cmark_targets(const char *md, size_t len, struct buf *b)
{
	static const char *ext[] = { "table", "strikethrough", "autolink",
		"tasklist" };
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_node *root, *n;
	cmark_iter *it;
	cmark_event_type ev;
	int depth = 0;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	for (i = 0; i < 4; i++)
		cmark_parser_attach_syntax_extension(p,
		    cmark_find_syntax_extension(ext[i]));
	cmark_parser_feed(p, md, len);
	root = cmark_parser_finish(p);
	it = cmark_iter_new(root);
	b->len = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (cmark_node_get_type(n) != CMARK_NODE_LINK &&
		    cmark_node_get_type(n) != CMARK_NODE_IMAGE)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		if (depth++ == 0) {
			buf_puts(b, cmark_node_get_url(n));
			buf_putc(b, '\n');
		}
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	cmark_parser_free(p);
}

/* Whether MD (LEN bytes) has raw HTML that makes links of its own
 * (<a href>, <img src>), which cmark-gfm leaves as HTML. */
static int
html_links(const char *md, size_t len)
{
	size_t i;

	for (i = 0; i + 4 < len; i++)
		if (md[i] == '<' && (strncasecmp(md + i + 1, "a ", 2) == 0 ||
		    strncasecmp(md + i + 1, "img", 3) == 0))
			return 1;
	return 0;
}

/* The same, as quire makes them. */
static void
quire_targets(const char *md, size_t len, struct buf *b)
{
	struct doc *d = doc_load_buffer(md, len);
	size_t i;

	b->len = 0;
	for (i = 0; i < d->nlinks; i++) {
		buf_put(b, d->aux + d->links[i].off, d->links[i].len);
		buf_putc(b, '\n');
	}
	doc_free(d);
}

/* Whether quire finds the links cmark-gfm finds in MD; the first
 * difference in WHY. */
static int
same_targets(const char *md, size_t len, char *why, size_t whylen)
{
	struct buf a = { 0 }, b = { 0 };
	size_t i = 0;
	int same;

	cmark_targets(md, len, &a);
	quire_targets(md, len, &b);
	same = a.len == b.len && (a.len == 0 || memcmp(a.data, b.data, a.len)
	    == 0);
	if (!same) {
		while (i < a.len && i < b.len && a.data[i] == b.data[i])
			i++;
		while (i > 0 && a.data[i - 1] != '\n')
			i--;
		snprintf(why, whylen, ": cmark-gfm \"%.60s\", quire \"%.60s\"",
		    a.data ? a.data + i : "", b.data ? b.data + i : "");
		for (char *p = why; *p; p++)
			if (*p == '\n')
				*p = '|';
	}
	buf_free(&a);
	buf_free(&b);
	return same;
}

/* A document gets at most AUTOLINK_MAX bare links, the first ones. */
static void
test_limit(void)
{
	struct buf md = { 0 };
	struct doc *d;
	size_t i;

	for (i = 0; i < (AUTOLINK_MAX + 1000) / 2; i++)
		buf_puts(&md, "www.a a@b.c\n");
	d = doc_load_buffer(md.data, md.len);
	INT_EQ(d->nlinks, AUTOLINK_MAX, "%zu bare links of both kinds, on "
	    "lines of their own: the first %u are links", (size_t)AUTOLINK_MAX +
	    1000, AUTOLINK_MAX);
	doc_free(d);
	buf_free(&md);
}

int
main(int argc, char **argv)
{
	struct buf b = { 0 };
	char why[256];
	size_t i, len, off = 0, size;
	char *data, *md;
	int n, line, wrong = 0, count = 0, skipped = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		STR_EQ(quire_links(cases[i].md, &b), cases[i].links,
		    "links of case %zu", i + 1);
		why[0] = '\0';
		OK(same_targets(cases[i].md, strlen(cases[i].md), why,
		    sizeof(why)), "case %zu as cmark-gfm reads it%s", i + 1, why);
	}
	for (i = 0; i < sizeof(against) / sizeof(against[0]); i++) {
		why[0] = '\0';
		OK(same_targets(against[i], strlen(against[i]), why, sizeof(why)),
		    "\"%s\" as cmark-gfm reads it%s", against[i], why);
	}
	{
		/* cmark-gfm tries 1001 '@' per text, then gives up */
		struct buf m = { 0 };

		for (i = 0; i < 1001; i++)
			buf_putc(&m, '@');
		buf_puts(&m, "a@b.c");
		buf_putc(&m, '\0');
		why[0] = '\0';
		OK(same_targets(m.data, m.len - 1, why, sizeof(why)),
		    "1001 '@' on a line, then an address: none either way%s", why);
		buf_free(&m);
	}
	/* Past 64 '@' on a line the guard turns bare links off (guard.h). */
	memset(why, '@', 70);
	why[70] = '\0';
	buf_free(&b);
	b.len = 0;
	buf_puts(&b, "Visit www.example.com\n\n");
	buf_puts(&b, why);
	buf_putc(&b, '\0');
	{
		char *md2 = xstrdup(b.data);
		struct buf c = { 0 };

		STR_EQ(quire_links(md2, &c), "", "a line of 70 '@' turns bare "
		    "links off");
		md2[strlen(md2) - 10] = '\0'; /* 60 '@' */
		STR_EQ(quire_links(md2, &c), "www.example.com=http://"
		    "www.example.com", "60 do not");
		buf_free(&c);
		free(md2);
	}
	if (argc < 2 || (data = t_slurp(argv[1], &len)) == NULL) {
		fprintf(stderr, "usage: test_autolink EXAMPLES FILE...\n");
		return 2;
	}
	while (off < len && sscanf(data + off, "example %d %d %zu", &n, &line,
	    &size) == 3 && (md = strchr(data + off, '\n')) != NULL &&
	    (size_t)(md + 1 - data) + size <= len) {
		md++;
		why[0] = '\0';
		if (html_links(md, size))
			skipped++;
		else if (!same_targets(md, size, why, sizeof(why)) &&
		    wrong++ < 5)
			printf("# spec example %d%s\n", n, why);
		count++;
		off = (size_t)(md - data) + size + 1;
	}
	OK(count > 600 && wrong == 0 && skipped < 40, "%d of %d spec examples "
	    "have other links than cmark-gfm makes (%d with HTML links "
	    "skipped)", wrong, count, skipped);
	free(data);
	for (n = 2; n < argc; n++) {
		why[0] = '\0';
		if ((data = t_slurp(argv[n], &len)) == NULL)
			OK(0, "read %s", argv[n]);
		else
			OK(same_targets(data, len, why, sizeof(why)),
			    "%s has the links cmark-gfm makes%s", argv[n], why);
		free(data);
	}
	buf_free(&b);
	test_limit();
	return t_done();
}
