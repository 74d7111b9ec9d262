/*
 * Terminal hyperlinks without a terminal: which targets are linked and
 * how they are encoded (no byte a terminal could act on gets through),
 * and which terminals --hyperlinks=auto links in, from an environment
 * the test makes up.
 */
#include <string.h>

#include "harness.h"
#include "quire/hyperlink.h"

/* The made-up environment: NAME=VALUE strings, NULL-terminated. */
static const char *const *env;

static char *
fake_getenv(const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; env[i] != NULL; i++)
		if (strncmp(env[i], name, n) == 0 && env[i][n] == '=')
			return (char *)env[i] + n + 1;
	return NULL;
}

/* Whether the terminal ENV describes gets links. */
static int
links_in(const char *const *e)
{
	env = e;
	return hyperlink_terminal(fake_getenv);
}

/* Whether every byte of S (LEN) is printable ASCII. */
static int
clean(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e)
			return 0;
	return 1;
}

/* The target S as linked, or "-" when it is not. */
static const char *
target(struct buf *b, const char *s)
{
	if (hyperlink_target(s, strlen(s), b) < 0)
		return "-";
	OK(clean(b->data, b->len) && strlen(b->data) == b->len,
	    "%s: printable ASCII only", b->data);
	return b->data;
}

static void
targets(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "https://example.com/a?b=c&d=e#f",
		  "https://example.com/a?b=c&d=e#f" },
		{ "HTTP://EXAMPLE.COM/", "HTTP://EXAMPLE.COM/" },
		{ "ftp://ftp.example.org/pub/", "ftp://ftp.example.org/pub/" },
		{ "file:///usr/share/doc/", "file:///usr/share/doc/" },
		{ "mailto:someone@example.com", "mailto:someone@example.com" },
		{ "https://example.com/a b\"c<d>e\\f^g`h{i|j}",
		  "https://example.com/a%20b%22c%3Cd%3Ee%5Cf%5Eg%60h%7Bi%7Cj%7D" },
		{ "https://example.com/caf\xC3\xA9", "https://example.com/caf%C3%A9" },
		{ "https://example.com/%41%zz%4", "https://example.com/%41%25zz%254" },
		{ "https://example.com/\xC2\x9C\x9c", "https://example.com/%C2%9C%9C" },
		{ "https://e.com/\x1b]0;pwned\x07", "-" },
		{ "https://e.com/a\nb", "-" },
		{ "https://e.com/a\x7f", "-" },
		{ "javascript:alert(1)", "-" },
		{ "JavaScript:alert(1)", "-" },
		{ "data:text/html,hi", "-" },
		{ "vbscript:x", "-" },
		{ "other.md", "-" },
		{ "../up/file.html", "-" },
		{ "/etc/passwd", "-" },
		{ "#section", "-" },
		{ "https://", "-" },
		{ "mailto:", "-" },
		{ "", "-" },
	};
	struct buf b = { 0 }, big = { 0 };
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		STR_EQ(target(&b, cases[i].in), cases[i].out, "target %zu", i);
	buf_puts(&big, "https://example.com/");
	while (big.len < HYPERLINK_MAX)
		buf_putc(&big, 'a');
	INT_EQ(hyperlink_target(big.data, big.len, &b), 0,
	    "a target of %d bytes is linked", HYPERLINK_MAX);
	buf_putc(&big, 'a');
	INT_EQ(hyperlink_target(big.data, big.len, &b), -1,
	    "one byte more is not");
	big.len = 0;
	buf_puts(&big, "https://example.com/");
	while (big.len < HYPERLINK_MAX / 2)
		buf_putc(&big, ' ');
	INT_EQ(hyperlink_target(big.data, big.len, &b), -1,
	    "the cap counts the bytes once encoded");
	buf_free(&b);
	buf_free(&big);
}

static void
terminals(void)
{
	static const char *const plain[] = { "TERM=xterm-256color", NULL };
	static const char *const dumb[] = { "TERM=dumb",
		"TERM_PROGRAM=WezTerm", NULL };
	static const char *const wezterm[] = { "TERM=xterm-256color",
		"TERM_PROGRAM=WezTerm", NULL };
	static const char *const iterm[] = { "TERM=xterm-256color",
		"TERM_PROGRAM=iTerm.app", NULL };
	static const char *const apple[] = { "TERM=xterm-256color",
		"TERM_PROGRAM=Apple_Terminal", NULL };
	static const char *const kitty[] = { "TERM=xterm-kitty", NULL };
	static const char *const foot[] = { "TERM=foot", NULL };
	static const char *const vte_new[] = { "TERM=xterm-256color",
		"VTE_VERSION=7200", NULL };
	static const char *const vte_old[] = { "TERM=xterm-256color",
		"VTE_VERSION=4601", NULL };
	static const char *const konsole[] = { "TERM=xterm-256color",
		"KONSOLE_VERSION=230805", NULL };
	static const char *const konsole_old[] = { "TERM=xterm-256color",
		"KONSOLE_VERSION=190401", NULL };
	static const char *const wt[] = { "TERM=xterm-256color",
		"WT_SESSION=5a1c0e1e-0000", NULL };
	static const char *const tmux[] = { "TERM=tmux-256color",
		"TERM_PROGRAM=tmux", "TMUX=/tmp/tmux-1000/default,1,0", NULL };
	static const char *const tmux_in_wez[] = { "TERM=screen-256color",
		"TERM_PROGRAM=WezTerm", "TMUX=/tmp/t,1,0", NULL };
	static const char *const screen[] = { "TERM=screen",
		"VTE_VERSION=7200", "STY=123.pts-0", NULL };
	static const char *const empty[] = { "TERM=xterm-256color",
		"TERM_PROGRAM=", "VTE_VERSION=", "WT_SESSION=", NULL };

	OK(!links_in(plain), "xterm-256color alone: no links");
	OK(!links_in(dumb), "TERM=dumb: no links");
	OK(links_in(wezterm), "WezTerm");
	OK(links_in(iterm), "iTerm2");
	OK(!links_in(apple), "Apple's Terminal: no links");
	OK(links_in(kitty), "kitty");
	OK(links_in(foot), "foot");
	OK(links_in(vte_new), "VTE 0.72 (GNOME Terminal)");
	OK(!links_in(vte_old), "VTE 0.46: no links");
	OK(links_in(konsole), "Konsole 23.08");
	OK(!links_in(konsole_old), "Konsole 19.04: no links");
	OK(links_in(wt), "Windows Terminal");
	OK(!links_in(tmux), "tmux: no links");
	OK(!links_in(tmux_in_wez), "tmux inside WezTerm: no links");
	OK(!links_in(screen), "GNU screen: no links");
	OK(!links_in(empty), "variables set empty count as unset");
}

int
main(void)
{
	targets();
	terminals();
	return t_done();
}
