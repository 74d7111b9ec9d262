/*
 * Every example of the GFM spec through the core: load it, lay it out at
 * widths 1, 7, 40, 80 and 300, check that no line is wider than the
 * width or holds a control character, and free everything (the ASan
 * build checks the frees).  One TAP line per example.
 *
 * usage: test_spec EXAMPLES   (examples.txt, made by extract.py)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quire/doc.h"
#include "quire/layout.h"
#include "quire/text.h"
#include "harness.h"

static const int widths[] = { 1, 7, 40, 80, 300 };

/* Lay out MD at every width; describe the first fault in WHY. */
static int
check_example(const char *md, size_t len, char *why, size_t whylen)
{
	struct doc *d = doc_load_buffer(md, len);
	struct buf b = { 0 };
	size_t w, n, i, cols;
	int ok = 1;

	for (w = 0; ok && w < sizeof(widths) / sizeof(widths[0]); w++) {
		struct layout *lay = layout_build(d, widths[w], 0);

		for (n = 0; ok && n < lay->nlines; n++) {
			b.len = 0;
			layout_line_text(lay, n, &b);
			cols = text_width(b.data ? b.data : "", b.len);
			if (cols > (size_t)widths[w]) {
				snprintf(why, whylen, "width %d, line %zu is %zu "
				    "columns", widths[w], n, cols);
				ok = 0;
			}
			for (i = 0; ok && i < b.len; i++)
				if ((unsigned char)b.data[i] < 0x20 ||
				    b.data[i] == 0x7F) {
					snprintf(why, whylen, "width %d, line %zu "
					    "holds byte 0x%02x", widths[w], n,
					    (unsigned char)b.data[i]);
					ok = 0;
				}
		}
		layout_free(lay);
	}
	buf_free(&b);
	doc_free(d);
	return ok;
}

int
main(int argc, char **argv)
{
	size_t len, off = 0, size;
	char *data, why[128];
	int n, line, count = 0;

	if (argc != 2 || (data = t_slurp(argv[1], &len)) == NULL) {
		fprintf(stderr, "usage: test_spec EXAMPLES (%s)\n",
		    argc == 2 ? strerror(errno) : "missing");
		return 2;
	}
	while (off < len && sscanf(data + off, "example %d %d %zu", &n, &line,
	    &size) == 3) {
		char *md = strchr(data + off, '\n');

		if (md == NULL || (size_t)(md + 1 - data) + size > len)
			break;
		md++;
		why[0] = '\0';
		OK(check_example(md, size, why, sizeof(why)),
		    "example %d (spec line %d) %s", n, line, why);
		off = (size_t)(md - data) + size + 1;
		count++;
	}
	OK(count > 600 && off >= len, "read %d examples, all the file", count);
	free(data);
	return t_done();
}
