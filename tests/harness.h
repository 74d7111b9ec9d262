/*
 * A small TAP harness for the unit tests: OK, INT_EQ, STR_EQ, as in
 * cmark's api_test.  Each check prints one "ok N" or "not ok N" line.
 */
#ifndef QUIRE_TEST_HARNESS_H
#define QUIRE_TEST_HARNESS_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/doc.h"
#include "quire/layout.h"
#include "quire/util.h"

static int t_count, t_failed;

/* All of the file at PATH, NUL-terminated, its length in *LEN (LEN may
 * be NULL); NULL if it cannot be read.  The caller frees it. */
__attribute__((unused)) static char *
t_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	if (len != NULL)
		*len = b.len;
	buf_putc(&b, '\0');
	return b.data;
}

/* The spec examples of EXAMPLES (see tests/spec), one after another. */
__attribute__((unused)) static char *
t_spec_document(const char *path, size_t *outlen)
{
	struct buf b = { 0 };
	size_t len, off = 0, size;
	char *data = t_slurp(path, &len), *md;
	int n, line;

	if (data == NULL)
		return NULL;
	while (off < len && sscanf(data + off, "example %d %d %zu", &n, &line,
	    &size) == 3 && (md = strchr(data + off, '\n')) != NULL &&
	    (size_t)(md + 1 - data) + size <= len) {
		buf_put(&b, md + 1, size);
		buf_puts(&b, "\n\n");
		off = (size_t)(md + 1 - data) + size + 1;
	}
	free(data);
	*outlen = b.len;
	return b.data;
}

/* Whether PATH names a Markdown file. */
__attribute__((unused)) static int
t_markdown_name(const char *path)
{
	size_t n = strlen(path);

	return (n > 3 && strcmp(path + n - 3, ".md") == 0) ||
	    (n > 9 && strcmp(path + n - 9, ".markdown") == 0);
}

/* Line N's text (the caller frees it). */
__attribute__((unused)) static char *
t_line_text(const struct layout *lay, size_t n)
{
	struct buf b = { 0 };

	buf_puts(&b, "");
	layout_line_text(lay, n, &b);
	return b.data;
}

/* The whole of D laid out at WIDTH, as --dump prints it (the caller
 * frees it). */
__attribute__((unused)) static char *
t_dump(const struct doc *d, int width)
{
	struct layout *lay = layout_build(d, width, 0);
	struct buf b = { 0 };
	size_t n;

	buf_puts(&b, "");
	for (n = 0; n < lay->nlines; n++) {
		layout_line_text(lay, n, &b);
		buf_putc(&b, '\n');
	}
	layout_free(lay);
	return b.data;
}

#define OK(cond, ...) t_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define INT_EQ(got, want, ...) t_int_eq((long long)(got), (long long)(want), \
    __FILE__, __LINE__, __VA_ARGS__)
#define STR_EQ(got, want, ...) t_str_eq((got), (want), __FILE__, __LINE__, \
    __VA_ARGS__)

/* Count and print one check: "ok N - what" or "not ok N - what". */
__attribute__((unused)) static int
t_line(int cond, const char *fmt, va_list ap)
{
	t_count++;
	if (!cond)
		t_failed++;
	char msg[1024], *nl;

	/* a description holds one line: the rest goes on as comments */
	vsnprintf(msg, sizeof(msg), fmt, ap);
	while ((nl = strchr(msg, '\n')) != NULL)
		*nl = ' ';
	printf("%sok %d - %s\n", cond ? "" : "not ", t_count, msg);
	return cond;
}

__attribute__((format(printf, 4, 5), unused)) static int
t_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	t_line(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   at %s:%d\n", file, line);
	return cond;
}

__attribute__((format(printf, 5, 6), unused)) static int
t_int_eq(long long got, long long want, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;
	int cond = got == want;

	va_start(ap, fmt);
	t_line(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   at %s:%d: got %lld, want %lld\n", file, line, got, want);
	return cond;
}

__attribute__((format(printf, 5, 6), unused)) static int
t_str_eq(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;
	int cond = got != NULL && want != NULL && strcmp(got, want) == 0;

	va_start(ap, fmt);
	t_line(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   at %s:%d:\n#   got  \"%s\"\n#   want \"%s\"\n", file,
		    line, got ? got : "(null)", want ? want : "(null)");
	return cond;
}

/* Print the plan and return the exit status. */
__attribute__((unused)) static int
t_done(void)
{
	printf("1..%d\n", t_count);
	return t_failed ? 1 : 0;
}

/* The text of runs RUN .. RUN+N-1 of D, as a new string. */
__attribute__((unused)) static char *
runs_text(const struct doc *d, uint32_t run, uint32_t n)
{
	struct buf b = { 0 };
	uint32_t i;

	buf_puts(&b, "");
	for (i = run; i < run + n; i++)
		buf_put(&b, d->text + d->runs[i].off, d->runs[i].len);
	return b.data;
}

/* The text of block BLK of D, as a new string. */
__attribute__((unused)) static char *
block_text(const struct doc *d, uint32_t blk)
{
	return runs_text(d, d->blocks[blk].run, d->blocks[blk].nruns);
}

#endif
