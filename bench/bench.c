/*
 * quire's benchmark: how long opening, reflowing, paging, jumping and
 * searching take, next to the floor -- cmark-gfm parsing the same bytes
 * with the table extension, in this process -- and peak memory next to
 * cmark-gfm's own.  Each time is the median of several runs.  With no
 * argument it generates the bundled article repeated to 1.2 MB and
 * 12 MB; otherwise it measures the Markdown files named.
 *
 * Not a test: it prints figures and ratios, and passes or fails nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <curses.h>

#include "input.h"
#include "quire/doc.h"
#include "quire/draw.h"
#include "quire/faq.h"
#include "quire/layout.h"
#include "quire/library.h"
#include "quire/pager.h"
#include "quire/search.h"

#define RUNS 5
#define KEYS 1000

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* cmark-gfm alone: parse with the table extension (the floor), or with
 * all four GFM extensions quire uses (ALL). */
static void
cmark_parse_ext(const char *md, size_t len, int keep, int all)
{
	static const char *ext[] = { "table", "strikethrough", "autolink",
		"tasklist" };
	cmark_parser *p;
	cmark_node *root;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (i = 0; i < (all ? 4u : 1u); i++)
		cmark_parser_attach_syntax_extension(p,
		    cmark_find_syntax_extension(ext[i]));
	cmark_parser_feed(p, md, len);
	root = cmark_parser_finish(p);
	if (!keep) {
		cmark_node_free(root);
		cmark_parser_free(p);
	}
}

static void
cmark_parse(const char *md, size_t len, int keep)
{
	cmark_parse_ext(md, len, keep, 0);
}

/* Peak RSS (KiB) of a fresh process (this program again, with --peak)
 * that does WHAT ("cmark" or "quire") to the input file, then exits. */
static long
peak_of(const char *what, const char *path)
{
	struct rusage ru;
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		execl("/proc/self/exe", "quire-bench", "--peak", what, path,
		    (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		return -1;
	return ru.ru_maxrss;
}

/* A screen that writes to /dev/null. */
static SCREEN *scr;

static void
screen_open(void)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");

	scr = newterm("xterm-256color", out, in);
	set_term(scr);
	resizeterm(24, 80);
	start_color();
	use_default_colors();
	draw_init(1, 1, 0);
}

/* The input, written to a file: quire opens files through its library,
 * which shows a large one's first part while the rest loads. */
static char tmp_path[4096];

static void
write_input(const char *md, size_t len)
{
	FILE *f;
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "/tmp/quire-bench-XXXXXX");
	if ((fd = mkstemp(tmp_path)) < 0 || (f = fdopen(fd, "wb")) == NULL ||
	    fwrite(md, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "quire-bench: cannot write %s\n", tmp_path);
		exit(1);
	}
}

/* What quire does to open a file: start loading it (the first part of a
 * large one at once, the whole on a second thread), lay out and draw the
 * first page.  Return the time that took; *READY, the time until the
 * whole document is loaded. */
static double
open_file(struct library *lib, struct pager *p, double *ready)
{
	double a = now(), first;
	struct doc *d;

	memset(lib, 0, sizeof(*lib));
	library_add(lib, tmp_path);
	d = library_start(lib, 0);
	pager_init(p, d, "bench", 0);
	pager_resize(p, 24, 80);
	pager_draw(p);
	refresh();
	first = now() - a;
	if (library_loading(lib, 0)) { /* as ui_finish_load() does */
		pager_free(p);
		pager_init(p, library_doc(lib, 0), "bench", 0);
		pager_resize(p, 24, 80);
		library_drop_preview(lib, 0);
	}
	*ready = now() - a;
	return first;
}

/* N pages down, then N jumps between the first and the last section,
 * each drawn: what bench/keys_callgrind.sh counts the instructions of. */
__attribute__((noinline)) void
bench_keys(struct pager *p, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		pager_act(p, ACT_PAGE_DOWN, ' ');
		pager_draw(p);
		refresh();
	}
	for (i = 0; i < n; i++) {
		nav_jump_section(p, i % 2 ? 0 :
		    (uint32_t)p->doc->nsections - 1);
		pager_draw(p);
		refresh();
	}
}

/* Open the file at PATH as quire does, lay it all out, and press keys. */
static int
keys_run(const char *path, int n)
{
	struct library lib;
	struct pager p;
	double ready;

	snprintf(tmp_path, sizeof(tmp_path), "%s", path);
	screen_open();
	open_file(&lib, &p, &ready);
	pager_need(&p, SIZE_MAX);
	bench_keys(&p, n);
	pager_free(&p);
	library_free(&lib);
	endwin();
	return 0;
}

/* For peak_of(): parse the file with cmark-gfm, or open it as quire
 * does and wait for the whole, then quit. */
static int
peak_run(const char *what, const char *path)
{
	struct library lib;
	struct pager p;
	double ready;
	size_t len;
	char *md;

	if (strcmp(what, "cmark") == 0) {
		if ((md = bench_read(path, &len)) == NULL)
			return 1;
		cmark_parse(md, len, 1);
		return 0;
	}
	snprintf(tmp_path, sizeof(tmp_path), "%s", path);
	screen_open();
	open_file(&lib, &p, &ready);
	return 0;
}

struct figures {
	double floor, floor4, load, layout, open, ready, relayout, pgdn, jump;
	double search_common, search_none, search_regex, search_anchor, faq;
	double search_first;
	size_t common_matches, nlines;
	long peak_quire, peak_cmark;
};

/* Measure everything on MD. */
static void
measure(const char *md, size_t len, struct figures *f)
{
	double t[RUNS], r[RUNS], a, b, c;
	struct library lib;
	struct doc *d = NULL;
	struct layout *lay;
	struct pager p;
	struct search *s;
	struct faq_index *ix;
	struct faq_hit hits[16];
	int i;

	for (i = 0; i < RUNS; i++) {
		a = now();
		cmark_parse(md, len, 0);
		t[i] = now() - a;
	}
	f->floor = bench_median(t, RUNS);
	for (i = 0; i < RUNS; i++) {
		a = now();
		cmark_parse_ext(md, len, 0, 1);
		t[i] = now() - a;
	}
	f->floor4 = bench_median(t, RUNS);
	for (i = 0; i < RUNS; i++) {
		a = now();
		d = doc_load_buffer(md, len);
		b = now();
		lay = layout_build(d, 80, 0);
		c = now();
		layout_free(lay);
		doc_free(d);
		if (i == 0 || b - a < f->load)
			f->load = b - a;
		if (i == 0 || c - b < f->layout)
			f->layout = c - b;
	}
	write_input(md, len);
	for (i = 0; i < RUNS; i++) {
		t[i] = open_file(&lib, &p, &r[i]);
		if (i + 1 < RUNS) {
			pager_free(&p);
			library_free(&lib);
		}
	}
	f->open = bench_median(t, RUNS);
	f->ready = bench_median(r, RUNS);
	d = lib.e[0].doc;
	pager_need(&p, SIZE_MAX);
	f->nlines = p.lay->nlines;
	for (i = 0; i < RUNS; i++) {
		a = now();
		pager_resize(&p, 24, i % 2 ? 80 : 120);
		pager_draw(&p);
		refresh();
		t[i] = now() - a;
	}
	f->relayout = bench_median(t, RUNS);
	pager_resize(&p, 24, 80);
	pager_goto(&p, 0);
	a = now();
	for (i = 0; i < KEYS; i++) {
		pager_act(&p, ACT_PAGE_DOWN, ' ');
		pager_draw(&p);
		refresh();
	}
	f->pgdn = (now() - a) / KEYS;
	for (i = 0; i < RUNS; i++) {
		pager_goto(&p, 0);
		a = now();
		nav_jump_section(&p, (uint32_t)d->nsections - 1);
		pager_draw(&p);
		refresh();
		t[i] = now() - a;
	}
	f->jump = bench_median(t, RUNS);
	for (i = 0; i < RUNS; i++) {
		a = now();
		s = search_new(p.lay, "rust");
		t[i] = now() - a;
		f->common_matches = search_count(s);
		search_free(s);
	}
	f->search_common = bench_median(t, RUNS);
	for (i = 0; i < RUNS; i++) { /* as / does: the layout not finished */
		struct layout *lz = layout_start(d, 80, 0);

		layout_more(lz, 24, 0);
		a = now();
		s = search_begin(lz, "rust", SEARCH_REGEX);
		search_find(s, 0, 1, NULL);
		t[i] = now() - a;
		search_free(s);
		layout_free(lz);
	}
	f->search_first = bench_median(t, RUNS);
	for (i = 0; i < RUNS; i++) {
		a = now();
		s = search_new(p.lay, "zyzzyva");
		t[i] = now() - a;
		search_free(s);
	}
	f->search_none = bench_median(t, RUNS);
	for (i = 0; i < RUNS; i++) {
		a = now();
		s = search_new_opts(p.lay, "go.*rust", SEARCH_REGEX);
		t[i] = now() - a;
		search_free(s);
	}
	f->search_regex = bench_median(t, RUNS);
	for (i = 0; i < RUNS; i++) {
		a = now();
		s = search_new_opts(p.lay, "^Rust", SEARCH_REGEX);
		t[i] = now() - a;
		search_free(s);
	}
	f->search_anchor = bench_median(t, RUNS);
	ix = faq_index_new(d);
	for (i = 0; i < RUNS; i++) {
		a = now();
		faq_query(ix, "is rust harder to learn", hits, 16);
		t[i] = now() - a;
	}
	f->faq = bench_median(t, RUNS);
	faq_index_free(ix);
	pager_free(&p);
	library_free(&lib);
	f->peak_cmark = peak_of("cmark", tmp_path);
	f->peak_quire = peak_of("quire", tmp_path);
	unlink(tmp_path);
}

/* One figure: its time, and its ratio to the floor. */
static void
row(const char *what, double secs, double floor)
{
	printf("  %-38s %10.3f ms  %6.3fx floor\n", what, secs * 1e3,
	    secs / floor);
}

static void
report(const char *name, size_t len, const struct figures *f)
{
	printf("%s: %.2f MB, %zu lines at 80 columns\n", name, len / 1e6,
	    f->nlines);
	row("cmark-gfm parse, tables (the floor)", f->floor, f->floor);
	row("  with autolink, strikethrough, tasklist", f->floor4, f->floor);
	row("quire load (parse + model)", f->load, f->floor);
	row("  layout at 80 columns", f->layout, f->floor);
	row("open to first page (read, draw)", f->open, f->floor);
	row("  the whole document loaded", f->ready, f->floor);
	row("relayout at 120 columns (resize)", f->relayout, f->floor);
	row("page down, per key (of 1000)", f->pgdn, f->floor);
	row("jump to the last section", f->jump, f->floor);
	row("search a common word (all matches)", f->search_common, f->floor);
	printf("  %-38s %10zu\n", "  its matches", f->common_matches);
	row("  its first match, as / shows it", f->search_first, f->floor);
	row("search a word that is not there", f->search_none, f->floor);
	row("search a pattern, go.*rust", f->search_regex, f->floor);
	row("search a pattern, ^Rust", f->search_anchor, f->floor);
	row("FAQ query", f->faq, f->floor);
	printf("  %-38s %10.1f MiB (cmark-gfm alone %.1f MiB, %.2fx)\n",
	    "peak memory, open and quit", f->peak_quire / 1024.0,
	    f->peak_cmark / 1024.0, (double)f->peak_quire / (double)f->peak_cmark);
}

int
main(int argc, char **argv)
{
	struct figures f[2];
	size_t alen, len, lens[2];
	char *article, *md;
	int i;

	if (argc == 4 && strcmp(argv[1], "--peak") == 0)
		return peak_run(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "--keys") == 0)
		return keys_run(argv[2], atoi(argv[3]));
	if (argc == 3 && strcmp(argv[1], "--generate") == 0) {
		/* the generated input of SIZE bytes, for other tools */
		if ((article = bench_read(QUIRE_ARTICLE, &alen)) == NULL)
			return 1;
		md = bench_repeat(article, alen, strtoul(argv[2], NULL, 10),
		    &len);
		fwrite(md, 1, len, stdout);
		free(md);
		free(article);
		return ferror(stdout) ? 1 : 0;
	}
	screen_open();
	if (argc > 1) {
		for (i = 1; i < argc; i++) {
			if ((md = bench_read(argv[i], &len)) == NULL) {
				fprintf(stderr, "quire-bench: cannot read %s\n", argv[i]);
				return 1;
			}
			measure(md, len, &f[0]);
			report(argv[i], len, &f[0]);
			free(md);
		}
		endwin();
		return 0;
	}
	if ((article = bench_read(QUIRE_ARTICLE, &alen)) == NULL) {
		fprintf(stderr, "quire-bench: cannot read %s\n", QUIRE_ARTICLE);
		return 1;
	}
	for (i = 0; i < 2; i++) {
		md = bench_repeat(article, alen, i ? 12000000 : 1200000, &lens[i]);
		measure(md, lens[i], &f[i]);
		report(i ? "generated 12 MB" : "generated 1.2 MB", lens[i], &f[i]);
		free(md);
		printf("\n");
	}
	printf("growth from 1.2 MB to 12 MB: open %.1fx, relayout %.1fx, "
	    "search %.1fx, page down %.1fx, peak memory %.1fx\n",
	    f[1].open / f[0].open, f[1].relayout / f[0].relayout,
	    f[1].search_common / f[0].search_common, f[1].pgdn / f[0].pgdn,
	    (double)f[1].peak_quire / (double)f[0].peak_quire);
	md = article;
	measure(md, alen, &f[0]);
	printf("\nthe bundled article (%zu bytes): open to first page %.2f ms\n",
	    alen, f[0].open * 1e3);
	free(article);
	endwin();
	return 0;
}
