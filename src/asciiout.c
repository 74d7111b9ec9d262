/*
 * Standard output in ASCII, for printing to a terminal whose locale's
 * character set is not UTF-8, as the pager draws there: UTF-8 bytes
 * 0x80-0x9F would be C1 controls on an 8-bit terminal (the heading rule
 * '═' holds 0x90, DCS).  A stream over the real standard output turns
 * each non-ASCII character into an ASCII look-alike or '?'.
 */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "quire/asciiout.h"
#include "quire/text.h"

struct ascii_out {
	FILE *to;               /* the real standard output */
	char part[4];           /* a character cut between two writes */
	size_t npart;
};

static struct ascii_out state;
static FILE *real_stdout;

/* An ASCII look-alike for CP, or "?". */
static const char *
look_alike(uint32_t cp)
{
	static const struct { uint32_t cp; const char *s; } t[] = {
		{ 0x00A0, " " }, { 0x00AB, "<<" }, { 0x00BB, ">>" },
		{ 0x00B7, "." }, { 0x00D7, "x" }, { 0x2010, "-" },
		{ 0x2011, "-" }, { 0x2013, "-" }, { 0x2014, "--" },
		{ 0x2018, "'" }, { 0x2019, "'" }, { 0x201C, "\"" },
		{ 0x201D, "\"" }, { 0x2022, "*" }, { 0x2026, "..." },
		{ 0x2039, "<" }, { 0x203A, ">" }, { 0x2190, "<-" },
		{ 0x2192, "->" }, { 0x21A9, "<-" }, { 0x2500, "-" },
		{ 0x2502, "|" }, { 0x2550, "=" }, { 0x2551, "|" },
		{ 0x258C, "|" }, { 0x25B8, ">" }, { 0x25CB, "o" },
		{ 0x25E6, "o" }, { 0x2713, "x" }, { 0x2717, "x" },
		{ 0xFFFD, "?" },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].cp == cp)
			return t[i].s;
	if (cp >= 0x2500 && cp <= 0x257F) /* other box drawing: corners */
		return "+";
	return "?";
}

/* Length of the UTF-8 sequence led by byte C (1 for a stray byte). */
static size_t
seq_len(unsigned char c)
{
	return c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
}

/* Write one character S of N bytes as ASCII. */
static int
put_char(FILE *to, const char *s, size_t n)
{
	uint32_t cp;

	if (n == 1 && (unsigned char)s[0] < 0x80)
		return putc(s[0], to) == EOF ? -1 : 0;
	text_decode(s, n, &cp);
	return fputs(look_alike(cp), to) == EOF ? -1 : 0;
}

/* The cookie's write: all of BUF, a character cut at its end kept for
 * the next write. */
static ssize_t
ascii_write(void *cookie, const char *buf, size_t size)
{
	struct ascii_out *a = cookie;
	size_t i = 0, need;

	while (i < size) {
		if (a->npart > 0) {
			if (((unsigned char)buf[i] & 0xC0) == 0x80 &&
			    a->npart < seq_len((unsigned char)a->part[0])) {
				a->part[a->npart++] = buf[i++];
				if (a->npart < seq_len((unsigned char)a->part[0]))
					continue;
			}
			if (put_char(a->to, a->part, a->npart) < 0)
				return -1;
			a->npart = 0;
			continue;
		}
		need = seq_len((unsigned char)buf[i]);
		if (i + need > size) {
			memcpy(a->part, buf + i, size - i);
			a->npart = size - i;
			break;
		}
		if (put_char(a->to, buf + i, need) < 0)
			return -1;
		i += need;
	}
	return (ssize_t)size;
}

/* The cookie's close: flush what is cut and the real stream. */
static int
ascii_close(void *cookie)
{
	struct ascii_out *a = cookie;

	if (a->npart > 0 && fputs("?", a->to) == EOF)
		return -1;
	a->npart = 0;
	return fflush(a->to) == EOF ? -1 : 0;
}

int
asciiout_wanted(void)
{
	const char *cs = nl_langinfo(CODESET);

	return isatty(STDOUT_FILENO) && !(cs != NULL &&
	    (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
}

void
asciiout_start(void)
{
	cookie_io_functions_t io = { NULL, ascii_write, NULL, ascii_close };
	FILE *f;

	if (real_stdout != NULL)
		return;
	memset(&state, 0, sizeof(state));
	state.to = stdout;
	if ((f = fopencookie(&state, "w", io)) == NULL)
		return;
	real_stdout = stdout;
	stdout = f;
}

int
asciiout_active(void)
{
	return real_stdout != NULL;
}

int
asciiout_stop(void)
{
	int r = 0;

	if (real_stdout == NULL)
		return 0;
	if (ferror(stdout))
		r = -1;
	if (fclose(stdout) == EOF)
		r = -1;
	stdout = real_stdout;
	real_stdout = NULL;
	return r;
}
