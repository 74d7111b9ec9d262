/*
 * Command-line parsing, in GNU style (getopt_long), and the --help and
 * --version texts.
 */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "config.h"
#include "quire/cli.h"
#include "quire/doc.h"
#include "quire/exit.h"
#include "quire/hyperlink.h"
#include "quire/layout.h"
#include "quire/text.h"
#include "quire/ui.h"

static const char usage_text[] =
"Usage: quire [OPTION]... [FILE|DIR]...\n"
"Read Markdown articles full screen: page, jump between sections,\n"
"compare tables, search.  With no FILE, open the bundled article\n"
"\"Difference between Rust and Go\" (or, in the pager, a pipe on\n"
"standard input); FILE - reads standard input.\n"
"Several files open as a library (:n, :p); a DIR lists its Markdown.\n"
"\n"
"Reading:\n"
"  -w, --width=N       text at most N columns wide (default 100, centred;\n"
"                      'full' or the w key: the whole width); also the\n"
"                      width to print at\n"
"      --theme=NAME    dark (the default), light or mono\n"
"      --number-sections  number headings as in the section index\n"
"  -S, --chop-long-lines  long code lines whole, scrolled sideways with\n"
"                      Left and Right, not wrapped (the keys -S switch);\n"
"                      --dump prints them whole\n"
"      --no-highlight  show code blocks in one colour, not highlighted by\n"
"                      their language\n"
"      --no-mouse      leave the mouse to the terminal\n"
"      --no-state      do not restore or save the reading position\n"
"                      (also when QUIRE_NO_STATE is set)\n"
"      --hyperlinks=WHEN  links clickable in the terminal (OSC 8): auto\n"
"                      (the default: in terminals known to show them),\n"
"                      always or never\n"
"      --side-index=WHEN  the section index beside the text: auto (the\n"
"                      default: from 140 columns), on (when there is\n"
"                      room) or off; the I key shows or hides it\n"
"\n"
"Output without a screen:\n"
"  -d, --dump          print the laid-out document as plain text\n"
"                      (N columns, or the terminal's, or 80)\n"
"      --color=WHEN    style what --dump, --table and --faq print as the\n"
"                      pager does, with SGR sequences only (for less -R):\n"
"                      auto (the default: when standard output is a\n"
"                      terminal and NO_COLOR is not set), always, never\n"
"      --toc           print the numbered section index\n"
"      --table=N       print table N as the comparison view shows it\n"
"      --table=list    list the tables: size and section\n"
"      --format=FORMAT with --table=N: its cells as csv, tsv, json\n"
"                      (objects keyed by the header) or markdown\n"
"      --faq=QUERY     print the questions best matching QUERY, with\n"
"                      their answers (exit 1 if none matches)\n"
"      --limit=N       at most N answers for --faq (0: all)\n"
"      --search=PATTERN\n"
"                      print every line a match of PATTERN (a regular\n"
"                      expression, as at /) touches, with its section\n"
"                      and line number, like grep -E (exit 1 if none)\n"
"      --list          list the bundled articles\n"
"\n"
"Input:\n"
"      --force         open files that look binary (NUL bytes)\n"
"\n"
"Other:\n"
"      --keys          list every key of every view, and exit\n"
"  -h, --help          show this help and exit\n"
"  -V, --version       show version information and exit\n"
"\n"
"Options may also come from $XDG_CONFIG_HOME/quire/config (key = value:\n"
"theme, width, number-sections, chop-long-lines, mouse, state,\n"
"hyperlinks, side-index, highlight) and\n"
"QUIRE_OPTS; the command line wins.  When standard output is not a\n"
"terminal, quire prints as --dump does.  In the pager press h for the\n"
"keys, q to quit.\n"
"\n"
"Exit status: 0 success, 1 a file cannot be read or is refused, output or\n"
"the reading position cannot be written (or --faq/--search found\n"
"nothing), 2 a usage error, 3 out of memory, 4 a document needs more\n"
"memory to parse than quire allows it, 128+N ended by signal N.\n";

/* Print the version of quire and of the libraries in use. */
static void
version(void)
{
	printf("quire %s\n", QUIRE_VERSION);
	printf("cmark-gfm %s\n", doc_parser_version());
	printf("%s\n", ui_curses_version());
}

void
cli_warn(struct options *o, const char *fmt, ...)
{
	char msg[sizeof(o->warning)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "quire: %s\n", msg);
	if (o->nwarnings++ == 0)
		memcpy(o->warning, msg, sizeof(msg));
}

int
cli_hyperlinks(const char *v, int *to)
{
	static const char *const names[] = { "auto", "always", "never" };
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(v, names[i]) == 0)
			return *to = HYPERLINKS_AUTO + i, 0;
	return -1;
}

int
cli_side_index(const char *v, int *to)
{
	static const char *const names[] = { "auto", "on", "off" };
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(v, names[i]) == 0)
			return *to = SIDE_AUTO + i, 0;
	return -1;
}

void
cli_defaults(struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->mouse = 1;
	o->theme = THEME_DARK;
	o->highlight = 1;
}

/* Say an option was not understood, its text cleaned. */
static int
bad_option(const char *what, const char *arg, const char *from)
{
	struct buf b = { 0 };

	text_clean(&b, arg, strlen(arg), 0, NULL);
	fprintf(stderr, "quire: %s%s%s %s\n"
	    "Try 'quire --help' for more information.\n", from ? from : "",
	    from ? ": " : "", what, b.data ? b.data : "");
	buf_free(&b);
	return -1;
}

/* A number from LO to HI in S, or -1. */
static long
number(const char *s, long lo, long hi)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		return -1;
	return v;
}

/* The --format named S (enum table_format), or -1. */
static int
format(const char *s)
{
	static const char *const names[] = { "text", "csv", "tsv", "json",
		"markdown" };
	size_t i;

	for (i = 0; i < NELEM(names); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return strcmp(s, "md") == 0 ? 4 : -1;
}

int
cli_parse(int argc, char **argv, struct options *o, const char *from)
{
	enum { OPT_TOC = 256, OPT_FORCE, OPT_NO_STATE, OPT_KEYS, OPT_TABLE,
	    OPT_FAQ, OPT_LIMIT, OPT_SEARCH, OPT_THEME, OPT_NUMBERS,
	    OPT_NO_MOUSE, OPT_LIST, OPT_HYPERLINKS, OPT_SIDE,
	    OPT_FORMAT, OPT_NO_HIGHLIGHT, OPT_COLOR };
	static const struct option longopts[] = {
		{ "dump", no_argument, NULL, 'd' },
		{ "width", required_argument, NULL, 'w' },
		{ "toc", no_argument, NULL, OPT_TOC },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "no-state", no_argument, NULL, OPT_NO_STATE },
		{ "keys", no_argument, NULL, OPT_KEYS },
		{ "table", required_argument, NULL, OPT_TABLE },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "faq", required_argument, NULL, OPT_FAQ },
		{ "limit", required_argument, NULL, OPT_LIMIT },
		{ "search", required_argument, NULL, OPT_SEARCH },
		{ "theme", required_argument, NULL, OPT_THEME },
		{ "number-sections", no_argument, NULL, OPT_NUMBERS },
		{ "chop-long-lines", no_argument, NULL, 'S' },
		{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "hyperlinks", required_argument, NULL, OPT_HYPERLINKS },
		{ "side-index", required_argument, NULL, OPT_SIDE },
		{ "no-highlight", no_argument, NULL, OPT_NO_HIGHLIGHT },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	long v;
	int c;

	optind = 0; /* GNU: start afresh, for QUIRE_OPTS then the command line */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":dw:hSV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->mode = MODE_DUMP;
			break;
		case 'w':
			if (strcmp(optarg, "full") == 0) {
				o->full = 1;
				o->width = 0;
				break;
			}
			if ((v = number(optarg, 1, LAYOUT_MAX_WIDTH)) < 0)
				return bad_option("--width must be 1 to 1000 or full, "
				    "not", optarg, from);
			o->width = (int)v;
			o->full = 0;
			break;
		case OPT_TOC:
			o->mode = MODE_TOC;
			break;
		case OPT_FORCE:
			o->force = 1;
			break;
		case OPT_FAQ:
		case OPT_SEARCH:
			o->mode = c == OPT_FAQ ? MODE_FAQ : MODE_SEARCH;
			o->query = optarg;
			break;
		case OPT_LIMIT:
			if ((v = number(optarg, 0, 1000000)) < 0)
				return bad_option("--limit takes a number (0: no "
				    "limit), not", optarg, from);
			o->limit = (int)v;
			break;
		case OPT_TABLE:
			o->mode = MODE_TABLE;
			if (strcmp(optarg, "list") == 0)
				o->table = 0;
			else if ((o->table = number(optarg, 1, 1000000000)) < 0)
				return bad_option("--table takes a table number (1, "
				    "2, ...) or 'list', not", optarg, from);
			break;
		case OPT_FORMAT:
			if ((o->format = format(optarg)) < 0)
				return bad_option("--format is csv, tsv, json or "
				    "markdown, not", optarg, from);
			break;
		case OPT_THEME:
			if (strcmp(optarg, "dark") == 0)
				o->theme = THEME_DARK;
			else if (strcmp(optarg, "light") == 0)
				o->theme = THEME_LIGHT;
			else if (strcmp(optarg, "mono") == 0)
				o->theme = THEME_MONO;
			else
				return bad_option("--theme is dark, light or mono, "
				    "not", optarg, from);
			break;
		case OPT_NUMBERS:
			o->numbers = 1;
			break;
		case 'S':
			o->chop = 1;
			break;
		case OPT_NO_MOUSE:
			o->mouse = 0;
			break;
		case OPT_LIST:
			o->mode = MODE_LIST;
			break;
		case OPT_NO_HIGHLIGHT:
			o->highlight = 0;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = PRINT_COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o->color = PRINT_COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o->color = PRINT_COLOR_NEVER;
			else
				return bad_option("--color is auto, always or never, "
				    "not", optarg, from);
			break;
		case OPT_NO_STATE:
			o->no_state = 1;
			break;
		case OPT_HYPERLINKS:
			if (cli_hyperlinks(optarg, &o->hyperlinks) < 0)
				return bad_option("--hyperlinks is auto, always or "
				    "never, not", optarg, from);
			break;
		case OPT_SIDE:
			if (cli_side_index(optarg, &o->side_index) < 0)
				return bad_option("--side-index is auto, on or off, "
				    "not", optarg, from);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 1;
		case OPT_KEYS:
			ui_print_keys(stdout);
			return 1;
		case 'V':
			version();
			return 1;
		case ':':
			return bad_option("this option needs an argument:",
			    argv[optind - 1], from);
		default:
			return bad_option("unknown option", argv[optind - 1], from);
		}
	}
	if (from == NULL && o->format > 0 && (o->mode != MODE_TABLE ||
	    o->table == 0))
		return bad_option("--format goes with --table N (a table's "
		    "number), not", o->mode == MODE_TABLE ? "--table list" :
		    "alone", from);
	if (optind < argc && from != NULL)
		return bad_option("takes options, not files:", argv[optind], from);
	if (optind < argc) {
		o->files = argv + optind;
		o->nfiles = argc - optind;
	}
	return 0;
}

/*
 * Split S in place into words as a shell would: blanks separate them,
 * '...' keeps everything, "..." keeps everything but \" and \\, and a
 * backslash elsewhere keeps the next character.  Append them to *WORDS
 * (*N of them, room for *CAP); return -1 on an unterminated quote.
 */
static int
split_words(char *s, char ***words, size_t *n, size_t *cap)
{
	char *in = s, *out = s, quote;

	for (;;) {
		while (*in == ' ' || *in == '\t' || *in == '\n')
			in++;
		if (*in == '\0')
			return 0;
		GROW(*words, *cap, *n, 2);
		(*words)[(*n)++] = out;
		while (*in != '\0' && *in != ' ' && *in != '\t' && *in != '\n') {
			if (*in == '\'' || *in == '"') {
				for (quote = *in++; *in != quote; *out++ = *in++) {
					if (*in == '\0')
						return -1;
					if (quote == '"' && *in == '\\' &&
					    (in[1] == '"' || in[1] == '\\'))
						in++;
				}
				in++;
			} else if (*in == '\\' && in[1] != '\0') {
				*out++ = in[1];
				in += 2;
			} else
				*out++ = *in++;
		}
		if (*in != '\0')
			in++;
		*out++ = '\0';
	}
}

int
cli_env(struct options *o)
{
	const char *env = getenv("QUIRE_OPTS");
	char *copy, **words = NULL;
	size_t n = 1, cap = 0;
	int r;

	if (env == NULL || *env == '\0')
		return 0;
	copy = xstrdup(env);
	GROW(words, cap, 0, 2);
	words[0] = "quire";
	if (split_words(copy, &words, &n, &cap) < 0) {
		fprintf(stderr, "quire: QUIRE_OPTS: a quote is not closed\n");
		free(words);
		free(copy);
		return -1;
	}
	words[n] = NULL;
	r = cli_parse((int)n, words, o, "QUIRE_OPTS");
	free(words);
	/* Arguments such as --faq's point into the copy: it stays. */
	o->env_words = copy;
	return r < 0 ? -1 : 0;
}

void
cli_free(struct options *o)
{
	free(o->env_words);
	o->env_words = NULL;
}
