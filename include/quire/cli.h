/*
 * The command line: options, --help and --version.
 */
#ifndef QUIRE_CLI_H
#define QUIRE_CLI_H

enum mode { MODE_PAGER, MODE_DUMP, MODE_TOC, MODE_TABLE, MODE_FAQ,
	MODE_SEARCH };

/* Exit statuses, documented in --help and the README. */
enum {
	EXIT_OK = 0,
	EXIT_FILE = 1,    /* a file cannot be read or is refused */
	EXIT_USAGE = 2,   /* bad option or argument */
};

struct options {
	enum mode mode;
	int width;          /* --width, or 0 */
	int force;          /* --force: open binary-looking files */
	const char *file;   /* NULL: the bundled article */
	int no_state;       /* --no-state: keep no reading position */
	long table;         /* --table N (1-based), or 0 for "list" */
	const char *query;  /* --faq or --search */
	int limit;          /* --limit: answers --faq prints, 0 all */
	int mouse;          /* use the mouse wheel and clicks */
};

/*
 * Parse ARGV into O.  Return -1 to exit with EXIT_USAGE (a message was
 * printed), 1 to exit with EXIT_OK (help or version was printed), 0 to
 * go on.
 */
int cli_parse(int argc, char **argv, struct options *o);

#endif
