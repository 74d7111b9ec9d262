/*
 * Libraries opened on first use, not at start: libxml2 (with ICU and
 * libstdc++) on a document's first HTML tag, libstemmer on the first
 * stemmer.  Each test looks at this process's own memory map.
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "quire/layout.h"
#include "quire/stem.h"

static struct doc *
load(const char *s)
{
	return doc_load_buffer(s, strlen(s));
}

/* Whether a library whose file name holds NAME is mapped; -1 when the
 * map cannot be read. */
static int
mapped(const char *name)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512];
	int found = 0;

	if (f == NULL)
		return -1;
	while (!found && fgets(line, sizeof(line), f) != NULL)
		found = strstr(line, name) != NULL;
	fclose(f);
	return found;
}

/* libxml2 is opened on a document's first HTML, not before: a start and
 * a document without HTML load none of it (html_lib.c). */
static void
test_opened_lazily(void)
{
	struct doc *d;
	char *out;

	if (mapped("libxml2.so") < 0) {
		OK(1, "# SKIP no /proc/self/maps");
		return;
	}
	OK(mapped("libxml2.so") == 0, "libxml2 not loaded at start");
	d = load("# Title\n\nText with a < b and a_b, `<code>`.\n\n"
	    "    <indented code>\n");
	OK(mapped("libxml2.so") == 0, "nor by a document without HTML");
	doc_free(d);
	d = load("<!-- YAML\nadded: v1.0 -->\n\nText.\n\n<!--name=x-->\n"
	    "<!DOCTYPE html>\n");
	OK(mapped("libxml2.so") == 0, "nor by one with comments alone");
	out = t_dump(d, 40);
	OK(strcmp(out, "Text.\n") == 0, "which show nothing: \"%s\"", out);
	free(out);
	doc_free(d);
	d = load("Text <b>bold</b>.\n");
	OK(mapped("libxml2.so") == 1, "loaded by inline HTML");
	out = t_dump(d, 40);
	OK(strstr(out, "Text bold.") != NULL, "and rendered");
	free(out);
	doc_free(d);
}

/* The stemmer: libstemmer opened by the first one made, and stemming. */
static void
test_stemmer(void)
{
	struct stemmer *s;
	const char *r;
	size_t n;

	if (mapped("libstemmer") < 0) {
		OK(1, "# SKIP no /proc/self/maps");
		return;
	}
	OK(mapped("libstemmer") == 0, "libstemmer not loaded at start");
	s = stem_new();
	OK(mapped("libstemmer") == 1, "loaded by the first stemmer");
	r = stem_word(s, "running", 7, &n);
	OK(n == 3 && memcmp(r, "run", 3) == 0, "running stems to run: %.*s",
	    (int)n, r);
	r = stem_word(s, "libraries", 9, &n);
	OK(n == 7 && memcmp(r, "librari", 7) == 0,
	    "libraries stems to librari: %.*s", (int)n, r);
	stem_free(s);
}

int
main(void)
{
	test_opened_lazily();
	test_stemmer();
	return t_done();
}
