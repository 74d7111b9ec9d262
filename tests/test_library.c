/*
 * Tests of a large file's parts while its whole loads (src/library.c):
 * a part from further on is the file's bytes there, and when the file
 * has shrunk since it was opened (rewritten while quire reads it), a
 * place past its new end gives no part, rather than an empty one: the
 * whole, when it comes, says what the file holds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "quire/doc.h"
#include "quire/library.h"
#include "quire/util.h"

#define PARAS 40000 /* paragraphs of the file: some 2.6 MB */

/* Write PARAS paragraphs (N of them when N < PARAS) to PATH. */
static int
write_file(const char *path, size_t n)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (f == NULL)
		return 0;
	for (i = 0; i < n; i++)
		fprintf(f, "Paragraph %zu of the file, a line of words.\n\n", i);
	return fclose(f) == 0;
}

int
main(void)
{
	char dir[] = "/tmp/quire-library-XXXXXX", path[64];
	struct library lib = { 0 };
	const struct doc_outline *heads;
	struct doc *part, *w;
	size_t n, size;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/big.md", dir);
	OK(write_file(path, PARAS), "a large file written");
	library_add(&lib, path);
	part = library_start(&lib, 0);
	OK(part != NULL && library_loading(&lib, 0), "its first part shown "
	    "while the whole loads");
	size = (size_t)lib.e[0].size;
	heads = library_outline(&lib, 0, &n); /* the scan of it is done */
	(void)heads;
	w = library_window(&lib, 0, size / 10 * 7);
	OK(w != NULL && w->source_len > 0, "a part at 70%%");
	/* Rewritten, a tenth as long: 70% of the size measured is past its
	 * end. */
	OK(write_file(path, PARAS / 10), "the file rewritten shorter");
	w = library_window(&lib, 0, size / 10 * 7);
	OK(w == NULL || w->source_len > 0, "past its new end: no empty part "
	    "(%s)", w == NULL ? "none" : "a part");
	w = library_window(&lib, 0, size / 100 * 5);
	OK(w != NULL && w->source_len > 0, "before its new end: a part");
	library_free(&lib);
	unlink(path);
	rmdir(dir);
	return t_done();
}
