/*
 * The widths of narrow tables' columns (src/layout/table_ways.c) against
 * the search that counts every way's lines anew (table_fit_with()'s
 * EVERY): the same widths for every table, and every run of up to four
 * of its columns, of the Markdown files under the paths given (the
 * fixtures, /usr/share/doc) at widths from too narrow to natural, and
 * for tables made up from a fixed seed; and the widths that
 * table_count_lines() says wrap a cell alike do.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "quire/layout.h"
#include "table_priv.h"

#define AVAILS 12       /* widths tried per table and columns, at most */
#define SHOWN_MAX 5     /* differences printed, at most */

/* What the comparisons found. */
struct tally {
	long fits;          /* table_fit_with() calls compared */
	long every;         /* ... of them chosen among every way */
	long differ;        /* ... where the two disagree */
};

static struct tally real_tables, made_tables;
static long real_files;

/* Compare the two searches on columns COLS (N of them) of table T of D
 * at AVAIL, PLAIN and SEP; count into TY, naming the table WHAT. */
static void
compare_at(struct tally *ty, const struct doc *d, const struct table *t,
    const uint32_t *cols, size_t n, int avail, int plain, int sep,
    const char *what)
{
	int *a = xcalloc(n + 4, sizeof(*a)), *b = xcalloc(n + 4, sizeof(*b));
	int ra, rb;

	ra = table_fit_with(d, t, cols, n, avail, plain, sep, 0, a);
	rb = table_fit_with(d, t, cols, n, avail, plain, sep, 1, b);
	ty->fits++;
	ty->every += rb == 2;
	if ((ra != rb || (ra != 0 && memcmp(a, b, n * sizeof(*a)) != 0)) &&
	    ty->differ++ < SHOWN_MAX)
		printf("# %s, %zu columns from %u, room %d%s%s: %d %d %d %d "
		    "(returned %d), every way %d %d %d %d (returned %d)\n", what,
		    n, cols ? cols[0] : 0, avail, plain ? ", plain" : "",
		    sep ? ", bordered" : "", a[0], a[1], a[2], a[3], ra, b[0], b[1],
		    b[2], b[3], rb);
	free(a);
	free(b);
}

/* Compare on columns COLS (N) of table T of D at widths from below the
 * least to the natural. */
static void
compare_cols(struct tally *ty, const struct doc *d, const struct table *t,
    const uint32_t *cols, size_t n, const char *what)
{
	int nat, minw, sum_nat[2] = { 0, 0 }, sum_min[2] = { 0, 0 }, plain,
	    sep, lo, hi, k, avail, prev;
	size_t c;

	for (plain = 0; plain <= 1; plain++)
		for (c = 0; c < n; c++) {
			table_measure(d, t, cols ? cols[c] : (uint32_t)c, plain, &nat,
			    &minw);
			sum_nat[plain] += nat;
			sum_min[plain] += minw;
		}
	for (plain = 0; plain <= 1; plain++)
		for (sep = 0; sep <= 1; sep++) {
			lo = sum_min[plain] - 1;
			hi = sum_nat[plain];
			for (prev = -1, k = 0; k < AVAILS; k++) {
				avail = lo + (int)((long)(hi - lo) * k / (AVAILS - 1));
				if (avail == prev)
					continue;
				compare_at(ty, d, t, cols, n, avail, plain, sep, what);
				prev = avail;
			}
		}
}

/* Compare on table T of D: all its columns, and each run of up to
 * EXHAUST_COLS of them (what the table view shows). */
static void
compare_table(struct tally *ty, const struct doc *d, const struct table *t,
    const char *what)
{
	uint32_t cols[EXHAUST_COLS + 1], c, k, i;

	if (t->ncols == 0)
		return;
	compare_cols(ty, d, t, NULL, t->ncols, what);
	for (k = 1; k <= EXHAUST_COLS && k < t->ncols; k++)
		for (c = 0; c + k <= t->ncols; c++) {
			for (i = 0; i < k; i++)
				cols[i] = c + i;
			compare_cols(ty, d, t, cols, k, what);
		}
}

/* Compare on every table of the file at PATH (a file named, or a
 * Markdown file under a directory named). */
static int
one_file(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	struct doc *d;
	char *md;
	size_t len, i;

	(void)st;
	if (type != FTW_F || (ftw->level > 0 && !t_markdown_name(path)) ||
	    (md = t_slurp(path, &len)) == NULL)
		return 0;
	if (memchr(md, '\0', len < 8192 ? len : 8192) == NULL) {
		d = doc_load_buffer(md, len);
		real_files += d->ntables > 0;
		for (i = 0; i < d->ntables; i++)
			compare_table(&real_tables, d, &d->tables[i], path);
		doc_free(d);
	}
	free(md);
	return 0;
}

/* A number below N from the generator at *SEED. */
static unsigned
rnd(unsigned long *seed, unsigned n)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(*seed >> 33) % n;
}

/* Append to B a word of random letters LEN long. */
static void
put_letters(struct buf *b, unsigned long *seed, unsigned len)
{
	while (len-- > 0)
		buf_putc(b, (char)('a' + rnd(seed, 26)));
}

/* Append to B a word as tables hold them: mostly short, some long
 * enough to break (names, paths), some joined by hyphens or slashes,
 * some wide (CJK), in code or struck out. */
static void
put_word(struct buf *b, unsigned long *seed)
{
	unsigned kind = rnd(seed, 20), len = 1 + rnd(seed, 9), i;

	if (kind == 0)
		len = 10 + rnd(seed, 12);
	else if (kind == 1)
		len = 20 + rnd(seed, 20);
	if (kind == 2) { /* hyphens, slashes */
		put_letters(b, seed, len);
		buf_putc(b, rnd(seed, 2) ? '-' : '/');
		put_letters(b, seed, 1 + rnd(seed, 8));
	} else if (kind == 3) { /* wide */
		for (i = 0; i < len / 2 + 1; i++)
			buf_puts(b, rnd(seed, 2) ? "\xe6\xbc\xa2" : "\xe5\xad\x97");
	} else if (kind == 4) {
		buf_putc(b, '`');
		put_letters(b, seed, len);
		if (rnd(seed, 2)) {
			buf_putc(b, ' ');
			put_letters(b, seed, 1 + rnd(seed, 5));
		}
		buf_putc(b, '`');
	} else if (kind == 5) {
		buf_puts(b, "~~");
		put_letters(b, seed, len);
		buf_puts(b, "~~");
	} else
		put_letters(b, seed, len);
}

/* A table of NCOLS columns and NROWS rows (the header one of them) of
 * up to MAXW words a cell, from the generator at *SEED, into B. */
static void
make_table(struct buf *b, unsigned long *seed, unsigned ncols,
    unsigned nrows, unsigned maxw)
{
	unsigned r, c, k, words;

	for (r = 0; r < nrows; r++) {
		for (c = 0; c < ncols; c++) {
			buf_puts(b, "| ");
			words = r == 0 ? 1 + rnd(seed, 3) : rnd(seed, maxw + 1);
			for (k = 0; k < words; k++) {
				if (k > 0)
					buf_putc(b, ' ');
				put_word(b, seed);
			}
			buf_putc(b, ' ');
		}
		buf_puts(b, "|\n");
		if (r == 0) {
			for (c = 0; c < ncols; c++)
				buf_puts(b, "|---");
			buf_puts(b, "|\n");
		}
	}
}

/* Tables made up from a fixed seed: one to five columns, one to twelve
 * rows, of short cells and long ones. */
static void
test_made(void)
{
	unsigned long seed = 20260415;
	struct buf b = { 0 };
	struct doc *d;
	char what[64];
	int i;

	for (i = 0; i < 300; i++) {
		b.len = 0;
		make_table(&b, &seed, 1 + rnd(&seed, 5), 1 + rnd(&seed, 12),
		    rnd(&seed, 4) ? 4 : 10);
		d = doc_load_buffer(b.data, b.len);
		snprintf(what, sizeof(what), "made-up table %d", i);
		if (d->ntables == 1)
			compare_cols(&made_tables, d, &d->tables[0], NULL,
			    d->tables[0].ncols, what);
		doc_free(d);
	}
	free(b.data);
	printf("# made-up tables: %ld fits compared, %ld by every way\n",
	    made_tables.fits, made_tables.every);
	INT_EQ(made_tables.differ, 0, "made-up tables: the widths are those "
	    "of counting every way anew");
	OK(made_tables.every > 5000, "made-up tables: %ld fits chosen among "
	    "every way", made_tables.every);
}

/* Every width from W below the one table_count_lines() names wraps words
 * alike, for words made up from a fixed seed. */
static void
test_next(void)
{
	unsigned long seed = 7;
	struct words wd;
	int w, v, next, lines, bad = 0, tried = 0, i, n;

	memset(&wd, 0, sizeof(wd));
	wd.w = xcalloc(40, sizeof(*wd.w));
	wd.sep = xcalloc(40, sizeof(*wd.sep));
	for (i = 0; i < 2000; i++) {
		n = 1 + (int)rnd(&seed, 39);
		for (v = 0; v < n; v++) {
			wd.w[v] = 1 + (int)(rnd(&seed, 8) ? rnd(&seed, 10) :
			    rnd(&seed, 40));
			wd.sep[v] = (uint8_t)(v > 0 && rnd(&seed, 5) != 0);
		}
		for (w = 1; w <= 80; w++) {
			lines = table_count_lines(&wd, 0, (size_t)n, w, &next);
			tried++;
			if (next <= w)
				bad++;
			for (v = w + 1; v < next && v <= 81; v++)
				if (table_count_lines(&wd, 0, (size_t)n, v, NULL) !=
				    lines)
					bad++;
		}
	}
	free(wd.w);
	free(wd.sep);
	INT_EQ(bad, 0, "%d widths: each wraps its words into the lines of "
	    "every width up to the next one counted", tried);
}

int
main(int argc, char **argv)
{
	int i;

	test_next();
	test_made();
	for (i = 1; i < argc; i++)
		nftw(argv[i], one_file, 16, FTW_PHYS);
	printf("# %ld files with tables: %ld fits compared, %ld by every way\n",
	    real_files, real_tables.fits, real_tables.every);
	INT_EQ(real_tables.differ, 0, "the tables of %ld files: the widths are "
	    "those of counting every way anew", real_files);
	OK(real_tables.every > 1000, "the tables of the files: %ld fits chosen "
	    "among every way", real_tables.every);
	return t_done();
}
