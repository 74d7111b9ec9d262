/*
 * quire: a terminal reader for Markdown articles.  main() reads the
 * configuration, QUIRE_OPTS and the command line, gathers the documents
 * into a library, and either prints them (--dump, --toc, --faq, ... or
 * when standard output is not a terminal) or runs the full screen.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "quire/asciiout.h"
#include "quire/buildtree.h"
#include "quire/cli.h"
#include "quire/doc.h"
#include "quire/dump.h"
#include "quire/exit.h"
#include "quire/faq.h"
#include "quire/hlcache.h"
#include "quire/search.h"
#include "quire/layout.h"
#include "quire/library.h"
#include "quire/state.h"
#include "quire/text.h"
#include "quire/ui.h"

#define BUNDLED "rust-vs-go.md"

/* The path of the bundled article; the caller frees it. */
static char *
bundled_path(void)
{
	return buildtree_path("QUIRE_DATADIR", QUIRE_SRC_CONTENT, QUIRE_DATADIR,
	    BUNDLED);
}

/* The file name, cleaned for messages and the status line. */
static char *
clean_name(const char *path)
{
	struct buf b = { 0 };

	text_clean(&b, path, strlen(path), 0, NULL);
	if (b.data == NULL)
		buf_puts(&b, "");
	return b.data;
}

/* Width for --dump: the option, the terminal's, or 80. */
static int
dump_width(const struct options *o)
{
	struct winsize ws;

	if (o->width > 0)
		return o->width;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* --list: the bundled articles, with their titles. */
static int
list_bundled(void)
{
	char *path = bundled_path(), *dir = xstrdup(path), *slash;
	struct library lib = { 0 };
	struct doc *d;
	size_t i, tlen;
	const char *title;
	int n;

	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	n = library_add_dir(&lib, dir);
	if (n <= 0)
		library_add(&lib, path);
	for (i = 0; i < lib.n; i++) {
		d = library_doc(&lib, i);
		title = d ? doc_title(d, &tlen) : "";
		printf("%s\t%.*s\n", lib.e[i].name, d ? (int)tlen : 0, title);
	}
	library_free(&lib);
	free(dir);
	free(path);
	return EXIT_OK;
}

/*
 * Whether the printing modes style their text (--color), and how: auto
 * styles when standard output is a terminal, TERM is set and not dumb,
 * and NO_COLOR is not set (https://no-color.org); always styles even
 * with NO_COLOR, which a command-line option overrides.  256 colours
 * when TERM says so or COLORTERM is set, else 8.  Return 0 for plain.
 */
static int
print_styled(const struct options *o, struct dump_style *st)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	const char *ct = getenv("COLORTERM");

	memset(st, 0, sizeof(*st));
	switch (o->color) {
	case PRINT_COLOR_NEVER:
		return 0;
	case PRINT_COLOR_AUTO:
		if (!isatty(STDOUT_FILENO) || (nc != NULL && nc[0] != '\0') ||
		    term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0)
			return 0;
		break;
	case PRINT_COLOR_ALWAYS:
		break;
	}
	st->theme = o->theme;
	st->colors = (term != NULL && strstr(term, "256color") != NULL) ||
	    (ct != NULL && ct[0] != '\0') ? STYLE_COLOR256 : STYLE_COLOR8;
	return 1;
}

/* dump_style's tokens: a document's highlighted blocks. */
static const struct hl_token *
print_tokens(void *arg, uint32_t block, uint32_t from, uint32_t upto,
    size_t *n)
{
	return hlcache_tokens(arg, block, from, upto, n);
}

/* Print document D as MODE asks, styled as ST says (NULL: plain);
 * return an exit status. */
static int
print_doc_as(const struct doc *d, const char *name, const struct options *o,
    const struct dump_style *st)
{
	struct layout *lay;
	int r, status = EXIT_OK;
	int ascii = asciiout_active() ? LAYOUT_ASCII : 0;
	char err[192];

	switch (o->mode) {
	case MODE_FAQ:
		r = faq_print(d, o->query, o->limit, o->width, stdout);
		if (r == 0)
			fprintf(stderr, "quire: %s: no question matches\n", name);
		return r <= 0 ? EXIT_FILE : EXIT_OK;
	case MODE_SEARCH:
		/* the lines --dump prints, whole code lines with -S */
		lay = layout_build(d, dump_width(o),
		    (o->chop ? LAYOUT_CHOP : 0) | ascii);
		r = search_print(d, lay, o->query, stdout, err, sizeof(err));
		layout_free(lay);
		if (err[0] != '\0')
			fprintf(stderr, "quire: --search: %s\n", err);
		if (r == -2)
			return EXIT_USAGE;
		return r <= 0 ? EXIT_FILE : EXIT_OK;
	case MODE_TABLE:
		if (o->table == 0)
			return dump_table_list(d, stdout) < 0 ? EXIT_FILE : EXIT_OK;
		if ((size_t)o->table > d->ntables) {
			fprintf(stderr, "quire: %s: no table %ld (it has %zu)\n",
			    name, o->table, d->ntables);
			return EXIT_USAGE;
		}
		if (o->format != TABLE_TEXT)
			return dump_table_data(d, (uint32_t)o->table - 1,
			    (enum table_format)o->format, stdout) < 0 ?
			    EXIT_FILE : EXIT_OK;
		return dump_table(d, (uint32_t)o->table - 1, dump_width(o),
		    (o->numbers ? LAYOUT_NUMBERS : 0) | ascii, st, stdout) < 0 ?
		    EXIT_FILE : EXIT_OK;
	case MODE_TOC:
		return dump_toc(d, st, stdout) < 0 ? EXIT_FILE : EXIT_OK;
	default:
		lay = layout_build(d, dump_width(o), LAYOUT_PLAIN | ascii |
		    (o->numbers ? LAYOUT_NUMBERS : 0) |
		    (o->chop ? LAYOUT_CHOP : 0));
		status = dump_layout_styled(lay, st, stdout) < 0 ? EXIT_FILE :
		    EXIT_OK;
		layout_free(lay);
		return status;
	}
}

/* Print document D as MODE asks, styled as ST says (NULL: plain), code
 * highlighted by HL (NULL: not); return an exit status. */
static int
print_doc(const struct doc *d, const char *name, const struct options *o,
    const struct dump_style *st, struct highlighter *hl)
{
	struct dump_style hst;
	int status;

	if (st == NULL || hl == NULL)
		return print_doc_as(d, name, o, st);
	hst = *st;
	hst.tokens = print_tokens;
	hst.arg = hlcache_new(hl, d);
	status = print_doc_as(d, name, o, &hst);
	hlcache_free(hst.arg);
	return status;
}

/* Say why entry E could not be loaded. */
static void
load_error(const struct lib_entry *e)
{
	fprintf(stderr, "quire: %s: %s\n", e->name,
	    doc_strerror(e->err, e->errnum));
}

/* Print every document of LIB, with a header when there are several. */
static int
print_all(struct library *lib, const struct options *o)
{
	int status = EXIT_OK, r, found = 0;
	size_t i;
	struct doc *d;
	struct dump_style st;
	int styled = print_styled(o, &st);
	struct highlighter *hl = styled && o->highlight ? hl_new(NULL) : NULL;

	for (i = 0; i < lib->n; i++) {
		if ((d = library_doc(lib, i)) == NULL) {
			load_error(&lib->e[i]);
			status = EXIT_FILE;
			continue;
		}
		if (lib->n > 1)
			printf("%s==> %s <==\n", i ? "\n" : "", lib->e[i].name);
		r = print_doc(d, lib->e[i].name, o, styled ? &st : NULL, hl);
		if (r == EXIT_OK)
			found = 1;
		else if (r == EXIT_USAGE || (o->mode != MODE_FAQ &&
		    o->mode != MODE_SEARCH))
			status = r;
	}
	hl_free(hl);
	if ((o->mode == MODE_FAQ || o->mode == MODE_SEARCH) && !found &&
	    status == EXIT_OK)
		status = EXIT_FILE;
	return status;
}

/* Whether standard input brings a document: a pipe, a socket or a
 * file, not a terminal or a device such as /dev/null. */
static int
stdin_has_text(void)
{
	struct stat st;

	return fstat(STDIN_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) ||
	    S_ISREG(st.st_mode) || S_ISSOCK(st.st_mode));
}

/* Fill LIB from the arguments: files, directories, or else standard
 * input when it brings a document, else the bundled article.  Say so
 * when "-" waits on a terminal. */
static int
gather(struct library *lib, const struct options *o)
{
	struct stat st;
	char *path;
	int i;

	if (o->nfiles == 0) {
		if (stdin_has_text()) {
			library_add(lib, "-");
		} else {
			path = bundled_path();
			library_add(lib, path);
			free(path);
		}
		return 0;
	}
	for (i = 0; i < o->nfiles; i++) {
		if (o->nfiles == 1 && o->mode == MODE_PAGER &&
		    strcmp(o->files[i], "-") != 0 && stat(o->files[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			char *name = clean_name(o->files[i]);

			if (library_add_dir(lib, o->files[i]) <= 0) {
				fprintf(stderr, "quire: %s: %s\n", name, errno ?
				    strerror(errno) : "no Markdown files in it");
				free(name);
				return -1;
			}
			free(name);
			continue;
		}
		if (strcmp(o->files[i], "-") == 0 && isatty(STDIN_FILENO))
			fprintf(stderr, "quire: reading standard input...\n");
		library_add(lib, o->files[i]);
	}
	return 0;
}

static int run(int argc, char **argv, struct options *op);

/* Flush standard output; a write that failed on it (a full disk,
 * /dev/full, a closed pipe) is status 1 and a message, whatever
 * printed. */
static int
finish_output(int status)
{
	int was = errno; /* a write that failed before: its reason */
	int bad = asciiout_stop() < 0;

	errno = 0;
	if (fflush(stdout) == EOF || ferror(stdout))
		bad = 1;
	if (!bad)
		return status;
	if (errno == 0) /* nothing left to flush: the failure came before */
		errno = was;
	fprintf(stderr, "quire: cannot write standard output: %s\n",
	    errno ? strerror(errno) : "write error");
	return status == EXIT_OK ? EXIT_FILE : status;
}

int
main(int argc, char **argv)
{
	struct options o;
	int status;

	memset(&o, 0, sizeof(o));
	status = run(argc, argv, &o);
	cli_free(&o);
	return finish_output(status);
}

/* All of quire, with its options in *OP. */
static int
run(int argc, char **argv, struct options *op)
{
	struct library lib = { 0 };
	struct ui_opts uo;
	const char *ns = getenv("QUIRE_NO_STATE");
	int r, status;

	setlocale(LC_ALL, "");
	if (asciiout_wanted()) /* what is printed, as the pager would draw */
		asciiout_start();
	cli_defaults(op);
	config_load(op);
	if (cli_env(op) < 0)
		return EXIT_USAGE;
	r = cli_parse(argc, argv, op, NULL);
	if (r != 0)
		return r < 0 ? EXIT_USAGE : EXIT_OK;
	if (op->mode == MODE_LIST)
		return list_bundled();
	lib.flags = op->force ? DOC_FORCE : 0;
	errno = 0;
	if (gather(&lib, op) < 0) {
		library_free(&lib);
		return EXIT_FILE;
	}
	if (op->mode == MODE_PAGER && !isatty(STDOUT_FILENO))
		op->mode = MODE_DUMP;
	if (op->mode != MODE_PAGER) {
		status = print_all(&lib, op);
		library_free(&lib);
		return status;
	}
	/* A single file that cannot be read is an error before any screen. */
	if (lib.n == 1 && library_start(&lib, 0) == NULL) {
		load_error(&lib.e[0]);
		library_free(&lib);
		return EXIT_FILE;
	}
	if (asciiout_stop() < 0) /* the screen draws in the locale's charset */
		return EXIT_FILE;
	memset(&uo, 0, sizeof(uo));
	uo.mouse = op->mouse;
	uo.state = !op->no_state && (ns == NULL || ns[0] == '\0');
	uo.theme = op->theme;
	uo.width = op->full ? 0 : op->width > 0 ? op->width : READING_WIDTH;
	uo.numbers = op->numbers;
	uo.chop = op->chop;
	uo.hyperlinks = op->hyperlinks;
	uo.side = op->side_index;
	uo.highlight = op->highlight;
	uo.warning = op->nwarnings ? op->warning : NULL;
	uo.nwarnings = op->nwarnings;
	status = ui_run(&lib, &uo);
	if (status == UI_NO_SCREEN) {
		const char *t = getenv("TERM");
		char *tn = clean_name(t ? t : "");

		if (tn[0] == '\0')
			fprintf(stderr, "quire: TERM is not set; printing the "
			    "document instead\n");
		else
			fprintf(stderr, "quire: terminal '%s' cannot show the "
			    "pager; printing the document instead\n", tn);
		free(tn);
		if (asciiout_wanted())
			asciiout_start();
		op->mode = MODE_DUMP;
		/* a terminal terminfo does not know: no styles either */
		if (op->color == PRINT_COLOR_AUTO)
			op->color = PRINT_COLOR_NEVER;
		status = print_all(&lib, op);
	}
	library_free(&lib);
	return status;
}
