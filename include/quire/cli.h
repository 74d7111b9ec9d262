/*
 * The command line, QUIRE_OPTS and the configuration file: options,
 * --help and --version.  The configuration file is read first, then
 * QUIRE_OPTS, then the command line, so flags win.
 */
#ifndef QUIRE_CLI_H
#define QUIRE_CLI_H

#include "quire/draw.h" /* enum theme */

enum mode { MODE_PAGER, MODE_DUMP, MODE_TOC, MODE_TABLE, MODE_FAQ,
	MODE_SEARCH, MODE_LIST };

/* --color: whether the printing modes write styles (as SGR sequences). */
enum print_color { PRINT_COLOR_AUTO, PRINT_COLOR_ALWAYS, PRINT_COLOR_NEVER };

#define READING_WIDTH 100 /* the pager's default text column */

struct options {
	enum mode mode;
	int width;          /* --width: printing width, the pager's column */
	int full;           /* the pager uses the terminal's whole width */
	int force;          /* --force: open binary-looking files */
	char **files;       /* FILE arguments (not owned); none: bundled */
	char *env_words;    /* QUIRE_OPTS split, which arguments point into */
	int nfiles;
	int no_state;       /* --no-state: keep no reading position */
	long table;         /* --table N (1-based), or 0 for "list" */
	int format;         /* --format: enum table_format (dump.h) */
	const char *query;  /* --faq or --search */
	int limit;          /* --limit: answers --faq prints, 0 all */
	int mouse;          /* use the mouse wheel and clicks */
	enum theme theme;
	int numbers;        /* --number-sections */
	int chop;           /* -S: long code lines whole, not wrapped */
	int hyperlinks;     /* HYPERLINKS_*: links as OSC 8 hyperlinks */
	int side_index;     /* SIDE_*: the section index beside the text */
	int highlight;      /* highlight code blocks (--no-highlight: 0) */
	enum print_color color; /* --color */
	char warning[256];  /* the first warning, for the status line */
	int nwarnings;
};

/* Print a warning, "quire: " and FMT's text, to stderr, and count it,
 * keeping the first in O for the status line once the screen is up. */
void cli_warn(struct options *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* --hyperlinks's or --side-index's value in *TO (HYPERLINKS_*, SIDE_*);
 * -1 if V is none of them. */
int cli_hyperlinks(const char *v, int *to);
int cli_side_index(const char *v, int *to);

/* Set every option to its default. */
void cli_defaults(struct options *o);

/*
 * Parse ARGV into O (on top of what is there).  FROM is NULL for the
 * command line, else where the words came from ("QUIRE_OPTS"), which
 * then may not name files.  Return -1 to exit with EXIT_USAGE (a message
 * was printed), 1 to exit with EXIT_OK (help or version was printed), 0
 * to go on.
 */
int cli_parse(int argc, char **argv, struct options *o, const char *from);

/* Apply QUIRE_OPTS; return as cli_parse does. */
int cli_env(struct options *o);

/* Free what the options own (QUIRE_OPTS's words). */
void cli_free(struct options *o);

/*
 * Apply the configuration file, if there is one: $XDG_CONFIG_HOME/quire/
 * config, or ~/.config/quire/config.  Bad lines are reported on stderr
 * with their line number and skipped; nothing here stops quire.
 */
void config_load(struct options *o);

#endif
