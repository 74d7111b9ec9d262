/*
 * What highlighting code costs the pager: the same keys with and without
 * it, on a document with many code blocks (a file named, such as
 * bench/book.py's 12 MB book) and on a 12 MB file that is one Rust code
 * block: the first screen, each page down drawn (median and worst), and
 * G.  CPU time of this process, medians of RUNS
 * runs, each run with a new highlighter (its language definitions
 * loaded afresh).
 *
 * usage: quire-bench-highlight [FILE] [PAGES]
 * Not a test: it prints figures and passes or fails nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "input.h"
#include "quire/doc.h"
#include "quire/draw.h"
#include "quire/highlight.h"
#include "quire/keymap.h"
#include "quire/pager.h"

#define RUNS 5

struct figures {
	double first, page_med, page_max, bottom;
};

/* CPU time of this process, in seconds. */
static double
cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A screen that writes to /dev/null. */
static void
screen_open(void)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");

	set_term(newterm("xterm-256color", out, in));
	resizeterm(24, 80);
	start_color();
	use_default_colors();
	draw_init(1, 1, THEME_DARK);
}

/* Draw the pager and flush it to the (null) terminal; its CPU time. */
static double
drawn(struct pager *p)
{
	double a = cpu();

	pager_draw(p);
	refresh();
	return cpu() - a;
}

/* One run on D, highlighting or not: the keys, PAGES pages down. */
static void
run(const struct doc *d, int hl, int pages, struct figures *f, double *per)
{
	struct highlighter *h = hl ? hl_new(NULL) : NULL;
	struct pager_setup s;
	struct pager p;
	double a;
	int i;

	memset(&s, 0, sizeof(s));
	s.name = "bench";
	s.rows = 24;
	s.cols = 80;
	s.hl = h;
	a = cpu();
	pager_open(&p, d, &s);
	pager_draw(&p);
	refresh();
	f->first = cpu() - a;
	pager_need_all(&p);
	for (i = 0; i < pages; i++) {
		a = cpu();
		pager_act(&p, ACT_PAGE_DOWN, ' ');
		per[i] = cpu() - a + drawn(&p);
	}
	f->page_max = 0;
	for (i = 0; i < pages; i++)
		if (per[i] > f->page_max)
			f->page_max = per[i];
	f->page_med = bench_median(per, pages);
	a = cpu();
	pager_act(&p, ACT_BOTTOM, 'G');
	f->bottom = cpu() - a + drawn(&p);
	pager_free(&p);
	hl_free(h);
}

/* Medians of RUNS runs on D, and a row for each setting. */
static void
measure(const char *name, const struct doc *d, int pages)
{
	double *per = calloc((size_t)pages + 1, sizeof(*per));
	double v[4][RUNS];
	struct figures f;
	int hl, r, k;

	for (hl = 0; hl < 2; hl++) {
		for (r = 0; r < RUNS; r++) {
			run(d, hl, pages, &f, per);
			v[0][r] = f.first;
			v[1][r] = f.page_med;
			v[2][r] = f.page_max;
			v[3][r] = f.bottom;
		}
		for (k = 0; k < 4; k++)
			v[k][0] = bench_median(v[k], RUNS);
		printf("| %s | %s | %.2f ms | %.3f ms | %.2f ms | %.2f ms |\n",
		    name, hl ? "highlighted" : "plain", v[0][0] * 1e3,
		    v[1][0] * 1e3, v[2][0] * 1e3, v[3][0] * 1e3);
	}
	free(per);
}

/* A 12 MB document that is one Rust code block. */
static char *
one_block(size_t size, size_t *len)
{
	static const char head[] = "# One listing\n\n```rust\n";
	static const char line[] = "    let total: u64 = items.iter().map(|x| "
	    "x.len() as u64).sum(); // \"sum\" of 42\n";
	char *md = malloc(size + sizeof(line) + 16);
	size_t n = sizeof(head) - 1;

	memcpy(md, head, n);
	while (n + sizeof(line) < size) {
		memcpy(md + n, line, sizeof(line) - 1);
		n += sizeof(line) - 1;
	}
	memcpy(md + n, "```\n", 4);
	*len = n + 4;
	return md;
}

int
main(int argc, char **argv)
{
	int pages = argc > 2 ? atoi(argv[2]) : 2000;
	struct doc *d;
	size_t len;
	char *md;

	if (pages < 1)
		pages = 1;
	screen_open();
	printf("| document | code | first screen | page down (median) | "
	    "page down (worst) | G |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
	if (argc > 1) {
		if ((md = bench_read(argv[1], &len)) == NULL) {
			endwin();
			fprintf(stderr, "quire-bench-highlight: cannot read %s\n",
			    argv[1]);
			return 1;
		}
		d = doc_load_buffer(md, len);
		measure(argv[1], d, pages);
		doc_free(d);
		free(md);
	}
	md = one_block(12000000, &len);
	d = doc_load_buffer(md, len);
	measure("one 12 MB Rust block", d, pages);
	doc_free(d);
	free(md);
	endwin();
	printf("\nCPU time of the process, medians of %d runs; %d pages down "
	    "from the top, each laid out and drawn (80x24).\n", RUNS, pages);
	return 0;
}
