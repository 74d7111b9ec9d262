/*
 * quire: a terminal reader for Markdown articles.  main() parses the
 * command line, loads the document, and either prints it (--dump, --toc,
 * or when standard output is not a terminal) or runs the pager loop.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "config.h"
#include "quire/cli.h"
#include "quire/doc.h"
#include "quire/dump.h"
#include "quire/faq.h"
#include "quire/search.h"
#include "quire/layout.h"
#include "quire/state.h"
#include "quire/text.h"
#include "quire/ui.h"

#define BUNDLED "rust-vs-go.md"

/* Whether this binary runs from the build tree it was built in. */
static int
in_build_tree(void)
{
	char exe[PATH_MAX], root[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	size_t len;

	if (n <= 0 || realpath(QUIRE_BUILD_ROOT, root) == NULL)
		return 0;
	exe[n] = '\0';
	len = strlen(root);
	return strncmp(exe, root, len) == 0 && exe[len] == '/';
}

/* The path of the bundled article; the caller frees it. */
static char *
bundled_path(void)
{
	const char *env = getenv("QUIRE_DATADIR");
	struct buf b = { 0 };

	if (env != NULL && env[0] != '\0')
		buf_printf(&b, "%s/%s", env, BUNDLED);
	else if (in_build_tree())
		buf_printf(&b, "%s/%s", QUIRE_SRC_CONTENT, BUNDLED);
	else
		buf_printf(&b, "%s/%s", QUIRE_DATADIR, BUNDLED);
	return b.data;
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

int
main(int argc, char **argv)
{
	struct options o;
	struct doc *doc;
	struct layout *lay;
	enum doc_error err;
	char *path, *name;
	int r, status = EXIT_OK;

	setlocale(LC_ALL, "");
	r = cli_parse(argc, argv, &o);
	if (r != 0)
		return r < 0 ? EXIT_USAGE : EXIT_OK;
	if (o.file == NULL && !isatty(STDIN_FILENO) && o.mode == MODE_PAGER &&
	    isatty(STDOUT_FILENO))
		o.file = "-";
	path = o.file ? xstrdup(o.file) : bundled_path();
	name = clean_name(strcmp(path, "-") == 0 ? "(standard input)" : path);
	doc = doc_load_file(path, o.force ? DOC_FORCE : 0, &err);
	if (doc == NULL) {
		fprintf(stderr, "quire: %s: %s\n", name, doc_strerror(err, errno));
		free(path);
		free(name);
		return EXIT_FILE;
	}
	if (o.mode == MODE_PAGER && !isatty(STDOUT_FILENO))
		o.mode = MODE_DUMP;
	switch (o.mode) {
	case MODE_FAQ:
		r = faq_print(doc, o.query, o.limit, stdout);
		status = r <= 0 ? EXIT_FILE : EXIT_OK;
		if (r == 0)
			fprintf(stderr, "quire: no question matches\n");
		break;
	case MODE_SEARCH:
		lay = layout_build(doc, dump_width(&o), 0);
		r = search_print(doc, lay, o.query, stdout);
		status = r <= 0 ? EXIT_FILE : EXIT_OK;
		layout_free(lay);
		break;
	case MODE_TABLE:
		if (o.table == 0)
			status = dump_table_list(doc, stdout) < 0 ? EXIT_FILE : 0;
		else if ((size_t)o.table > doc->ntables) {
			fprintf(stderr, "quire: %s: no table %ld (it has %zu)\n",
			    name, o.table, doc->ntables);
			status = EXIT_USAGE;
		} else if (dump_table(doc, (uint32_t)o.table - 1, dump_width(&o), 0,
		    stdout) < 0)
			status = EXIT_FILE;
		if (fflush(stdout) != 0)
			status = EXIT_FILE;
		break;
	case MODE_TOC:
		if (dump_toc(doc, stdout) < 0 || fflush(stdout) != 0)
			status = EXIT_FILE;
		break;
	case MODE_DUMP:
		lay = layout_build(doc, dump_width(&o), 0);
		if (dump_layout(lay, stdout) < 0 || fflush(stdout) != 0)
			status = EXIT_FILE;
		layout_free(lay);
		break;
	case MODE_PAGER: {
		struct ui_opts uo;
		const char *ns = getenv("QUIRE_NO_STATE");

		uo.name = name;
		uo.path = path;
		uo.load_flags = o.force ? DOC_FORCE : 0;
		uo.mouse = o.mouse;
		uo.state_key = o.no_state || (ns != NULL && ns[0] != '\0') ?
		    NULL : state_key(path, doc->hash);
		status = ui_run(&doc, &uo);
		free((char *)uo.state_key);
		if (status == UI_NO_SCREEN) {
			const char *t = getenv("TERM");
			char *tn = clean_name(t ? t : "");

			fprintf(stderr, "quire: terminal '%s' cannot show the pager; "
			    "printing the document instead\n", tn);
			free(tn);
			lay = layout_build(doc, dump_width(&o), 0);
			status = dump_layout(lay, stdout) < 0 ? EXIT_FILE : EXIT_OK;
			layout_free(lay);
		}
		break;
	}
	}
	doc_free(doc);
	free(path);
	free(name);
	return status;
}
