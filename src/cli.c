/*
 * Command-line parsing, in GNU style (getopt_long), and the --help and
 * --version texts.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <curses.h>

#include "config.h"
#include "quire/cli.h"
#include "quire/keymap.h"
#include "quire/layout.h"
#include "quire/text.h"

static const char usage_text[] =
"Usage: quire [OPTION]... [FILE]\n"
"Read a Markdown article full screen: page, jump between sections,\n"
"compare tables, search.  With no FILE, open the bundled article\n"
"\"Difference between Rust and Go\"; FILE - reads standard input.\n"
"\n"
"Output without a screen:\n"
"  -d, --dump          print the laid-out document as plain text\n"
"  -w, --width=N       lay out N columns wide (1-1000; default: the\n"
"                      terminal's width, or 80 when not a terminal)\n"
"      --toc           print the numbered section index\n"
"      --table=N       print table N as the comparison view shows it\n"
"      --table=list    list the tables: size and section\n"
"      --faq=QUERY     print the questions best matching QUERY, with\n"
"                      their answers (exit 1 if none matches)\n"
"      --limit=N       at most N answers for --faq\n"
"      --search=TEXT   print every line holding TEXT, with its section\n"
"                      and line number, like grep (exit 1 if none)\n"
"\n"
"Input:\n"
"      --force         open files that look binary (NUL bytes)\n"
"\n"
"Reading:\n"
"      --no-state      do not restore or save the reading position\n"
"                      (also when QUIRE_NO_STATE is set)\n"
"\n"
"Other:\n"
"      --keys          list every key of every view, and exit\n"
"  -h, --help          show this help and exit\n"
"  -V, --version       show version information and exit\n"
"\n"
"When standard output is not a terminal, quire prints as --dump does.\n"
"In the pager press ? for the keys, q to quit.\n"
"\n"
"Exit status: 0 success, 1 a file cannot be read or is refused (or\n"
"--faq/--search found nothing), 2 a usage error.\n";

/* Print the version of quire and of the libraries in use. */
static void
version(void)
{
	printf("quire %s\n", QUIRE_VERSION);
	printf("cmark-gfm %s\n", cmark_version_string());
	printf("%s\n", curses_version());
}

/* Print the keymap: view, key, and what the key does, tab-separated. */
static void
print_keys(void)
{
	const char *help = "";
	size_t i;

	for (i = 0; i < keymap_len; i++) {
		if (keymap[i].help != NULL)
			help = keymap[i].help;
		printf("%s\t%s\t%s\n", keymap_view_name(keymap[i].view),
		    keymap[i].name, help);
	}
}

/* Parse a width argument; -1 if it is not 1..LAYOUT_MAX_WIDTH. */
static int
parse_width(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1 || v > LAYOUT_MAX_WIDTH)
		return -1;
	return (int)v;
}

int
cli_parse(int argc, char **argv, struct options *o)
{
	enum { OPT_TOC = 256, OPT_FORCE, OPT_NO_STATE, OPT_KEYS, OPT_TABLE,
	    OPT_FAQ, OPT_LIMIT, OPT_SEARCH };
	static const struct option longopts[] = {
		{ "dump", no_argument, NULL, 'd' },
		{ "width", required_argument, NULL, 'w' },
		{ "toc", no_argument, NULL, OPT_TOC },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "no-state", no_argument, NULL, OPT_NO_STATE },
		{ "keys", no_argument, NULL, OPT_KEYS },
		{ "table", required_argument, NULL, OPT_TABLE },
		{ "faq", required_argument, NULL, OPT_FAQ },
		{ "limit", required_argument, NULL, OPT_LIMIT },
		{ "search", required_argument, NULL, OPT_SEARCH },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->mouse = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":dw:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->mode = MODE_DUMP;
			break;
		case 'w':
			if ((o->width = parse_width(optarg)) < 0) {
				fprintf(stderr, "quire: --width must be a number "
				    "from 1 to %d\n", LAYOUT_MAX_WIDTH);
				return -1;
			}
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
		case OPT_LIMIT: {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*optarg == '\0' || *end != '\0' || v < 0 || v > 1000000) {
				fputs("quire: --limit takes a number (0: no limit)\n",
				    stderr);
				return -1;
			}
			o->limit = (int)v;
			break;
		}
		case OPT_TABLE:
			o->mode = MODE_TABLE;
			if (strcmp(optarg, "list") == 0)
				o->table = 0;
			else {
				char *end;

				o->table = strtol(optarg, &end, 10);
				if (*optarg == '\0' || *end != '\0' || o->table < 1) {
					fputs("quire: --table takes a table number "
					    "(1, 2, ...) or 'list'\n", stderr);
					return -1;
				}
			}
			break;
		case OPT_NO_STATE:
			o->no_state = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 1;
		case OPT_KEYS:
			print_keys();
			return 1;
		case 'V':
			version();
			return 1;
		case ':':
			fprintf(stderr, "quire: option %s needs an argument\n"
			    "Try 'quire --help' for more information.\n",
			    argv[optind - 1]);
			return -1;
		default:
			{
				struct buf b = { 0 };
				const char *a = argv[optind - 1];

				text_clean(&b, a, strlen(a), 0, NULL);
				fprintf(stderr, "quire: unknown option %s\n",
				    b.data ? b.data : "");
				buf_free(&b);
			}
			fputs("Try 'quire --help' for more information.\n", stderr);
			return -1;
		}
	}
	if (optind < argc)
		o->file = argv[optind++];
	if (optind < argc) {
		fputs("quire: one FILE at most\n"
		    "Try 'quire --help' for more information.\n", stderr);
		return -1;
	}
	return 0;
}
