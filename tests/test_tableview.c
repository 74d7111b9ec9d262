/*
 * The table view's state without a terminal: the cursor, the row
 * filter, hidden columns, sideways scrolling, and going to the section
 * a row names (and back).  Nothing is drawn.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "quire/keymap.h"
#include "quire/tableview.h"
#include "views_doc.h"

/* A key to the view; the result's kind. */
static int
key(struct table_view *v, struct pager *p, int k)
{
	return (int)table_view_key(v, p, k).what;
}

static void
test_cursor(struct table_view *v, struct pager *p)
{
	INT_EQ(v->list.n, 3, "three body rows");
	INT_EQ(table_view_row(v), 2, "opens on the row asked for");
	key(v, p, 'j');
	INT_EQ(table_view_row(v), 3, "j: the next row");
	key(v, p, 'j');
	INT_EQ(table_view_row(v), 3, "not past the last");
	key(v, p, '<');
	INT_EQ(table_view_row(v), 1, "<: the first");
	key(v, p, 'k');
	INT_EQ(table_view_row(v), 1, "not before it");
	key(v, p, 'G');
	INT_EQ(table_view_row(v), 3, "G: the last");
}

static void
test_filter(struct table_view *v, struct pager *p)
{
	key(v, p, '/');
	OK(v->filter.active, "/ opens the filter");
	key(v, p, 'e');
	key(v, p, 'v');
	INT_EQ(v->list.n, 1, "\"ev\" leaves one row");
	INT_EQ(table_view_row(v), 2, "the row with \"even\"");
	key(v, p, '\r');
	OK(!v->filter.active, "Enter closes the filter");
	INT_EQ(v->list.n, 1, "and keeps it");
	INT_EQ(key(v, p, 27), VR_STAY, "Esc clears the filter first");
	INT_EQ(v->list.n, 3, "every row again");
	INT_EQ(table_view_row(v), 2, "the cursor stays on its row");
}

static void
test_columns(struct table_view *v, struct pager *p)
{
	key(v, p, 'c');
	INT_EQ(v->mode, TV_COLUMNS, "c: the column picker");
	key(v, p, 'j');
	key(v, p, 'x');
	OK(v->hidden[2], "x hides the Note column");
	key(v, p, 'k');
	key(v, p, 'x');
	OK(!v->hidden[1], "the last column shown stays");
	OK(strstr(v->note, "stays shown") != NULL, "and Space says why: %s",
	    v->note);
	key(v, p, 'k');
	key(v, p, 'x');
	OK(strstr(v->note, "first column is always shown") != NULL,
	    "the first column: Space says why: %s", v->note);
	key(v, p, 'j');
	key(v, p, 'q');
	INT_EQ(v->mode, TV_GRID, "q: back to the grid");
	key(v, p, '/');
	key(v, p, 'x');
	key(v, p, 'y');
	INT_EQ(v->list.n, 0, "a hidden column's text does not pass the filter");
	key(v, p, 14); /* Ctrl-N */
	INT_EQ(v->list.n, 0, "Ctrl-N in the filter moves, not types");
	key(v, p, 27);
	INT_EQ(v->list.n, 3, "Esc in the filter clears it");
	OK(v->filter.active, "and the filter is still typed");
	key(v, p, 'j');
	INT_EQ(v->list.n, 0, "j is typed into the filter");
	key(v, p, 127);
	key(v, p, 27);
	OK(!v->filter.active, "Esc on an empty filter leaves it");
	key(v, p, 'c');
	key(v, p, 'j');
	key(v, p, 'x');
	key(v, p, '\r');
	OK(!v->hidden[2], "x again shows it");
}

static void
test_column_cursor(struct table_view *v, struct pager *p)
{
	INT_EQ(v->col, 0, "the column cursor starts on the first column");
	key(v, p, 'h');
	INT_EQ(v->col, 0, "h on the first column stays");
	OK(strstr(v->note, "first column") != NULL, "and says why: %s",
	    v->note);
	key(v, p, 'l');
	INT_EQ(v->col, 1, "l: the next column");
	OK(v->note[0] == '\0', "a key that does something clears the note");
	key(v, p, 'l');
	key(v, p, 'l');
	INT_EQ(v->col, 2, "not past the last");
	OK(strstr(v->note, "last column") != NULL, "and says why: %s",
	    v->note);
	key(v, p, 'h');
	key(v, p, 'h');
	INT_EQ(v->col, 0, "h back to the first");
}

/* The rows in the order shown, as their first cells' text. */
static const char *
order(struct table_view *v, char *out, size_t len)
{
	const struct table *t = &v->doc->tables[v->table];
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < v->list.n && n + 1 < len; i++) {
		const struct cell *c = doc_cell(v->doc, t, v->rows[i], 0);
		const struct run *r = &v->doc->runs[c->run];

		n += (size_t)snprintf(out + n, len - n, "%s%.*s", i ? " " : "",
		    (int)r->len, v->doc->text + r->off);
	}
	return out;
}

static void
test_sort(struct pager *p)
{
	static const char md[] =
	    "| Tool | Time | Size | Users |\n|---|--:|--:|---|\n"
	    "| ripgrep | 0.082s (1.00x) | 12 MB | 1,234 |\n"
	    "| grep | 2.929s (35.94x) | 900 KB | 99 |\n"
	    "| ag | 443 ms | 1.5 GB | unknown |\n"
	    "| ucg | 0.300s (3.66x) | 2 GB | 12,000 |\n";
	struct doc *d = doc_load_buffer(md, strlen(md));
	struct table_view v;
	char o[128];
	double x;

	OK(table_cell_number("0.082s (1.00x)", 14, &x) && x == 0.082,
	    "\"0.082s (1.00x)\" is 0.082");
	OK(table_cell_number("1,234", 5, &x) && x == 1234, "\"1,234\" is 1234");
	OK(table_cell_number("12 MB", 5, &x) && x == 12e6, "\"12 MB\" is 12e6");
	OK(table_cell_number("35.94x", 6, &x) && x == 35.94,
	    "\"35.94x\" is 35.94");
	OK(table_cell_number("443 ms", 6, &x) && x > 0.442 && x < 0.444,
	    "\"443 ms\" is 0.443 s");
	OK(!table_cell_number("v1.2", 4, &x), "\"v1.2\" is text");
	table_view_open(&v, d, 0, 1, 0);
	key(&v, p, 'l');
	key(&v, p, 's');
	STR_EQ(order(&v, o, sizeof(o)), "ripgrep ucg ag grep",
	    "s on Time: fastest first, ms and s compared");
	INT_EQ(table_view_row(&v), 1, "the cursor stays on its row");
	key(&v, p, 's');
	STR_EQ(order(&v, o, sizeof(o)), "grep ag ucg ripgrep",
	    "s again: slowest first");
	key(&v, p, 's');
	STR_EQ(order(&v, o, sizeof(o)), "ripgrep grep ag ucg",
	    "s again: as written");
	key(&v, p, 'l');
	key(&v, p, 's');
	STR_EQ(order(&v, o, sizeof(o)), "grep ripgrep ag ucg",
	    "Size: KB, MB, GB in their order");
	key(&v, p, 'l');
	key(&v, p, 's');
	STR_EQ(order(&v, o, sizeof(o)), "grep ripgrep ucg ag",
	    "Users: 1,234 as a number, text after the numbers");
	key(&v, p, 'h');
	key(&v, p, 'h');
	key(&v, p, 'h');
	key(&v, p, 's');
	STR_EQ(order(&v, o, sizeof(o)), "ag grep ripgrep ucg",
	    "Tool: by text");
	key(&v, p, 'G');
	INT_EQ(table_view_row(&v), 4, "G: the last row shown (ucg)");
	key(&v, p, '\r');
	INT_EQ(v.mode, TV_DETAIL, "Enter: its detail");
	key(&v, p, 'p');
	INT_EQ(table_view_row(&v), 1, "p in the detail: the row above as "
	    "sorted (ripgrep)");
	key(&v, p, 'q');
	key(&v, p, 'g');
	OK(strstr(v.note, "no section") != NULL, "g with no section says so: "
	    "%s", v.note);
	key(&v, p, 'n');
	OK(strstr(v.note, "last table") != NULL, "n at the last table says so");
	key(&v, p, 'p');
	OK(strstr(v.note, "first table") != NULL, "p at the first says so");
	table_view_free(&v);
	doc_free(d);
}

static void
test_go_section(struct table_view *v, struct pager *p)
{
	struct pos to;
	char s[64];

	key(v, p, '<');
	key(v, p, 'j');
	OK(v->section != DOC_NONE, "row Two names a section");
	INT_EQ(key(v, p, '?'), VR_OPEN, "? opens the help");
	INT_EQ(key(v, p, 'g'), VR_CLOSE, "g closes the view");
	STR_EQ(views_section(p, s, sizeof(s)), "Two", "on the section Two");
	nav_history(p, -1);
	OK(pager_take_reopen(p, &to), "going back returns to the table");
	INT_EQ(to.row, 2, "on row Two");
}

/* The section row R's first cell names in table 0 of D, as a title. */
static const char *
named(const struct doc *d, uint32_t r, char *out, size_t len)
{
	const struct table *t = &d->tables[0];
	const struct cell *c = doc_cell(d, t, r, 0);
	const char *s = d->text + d->runs[c->run].off;
	size_t n = d->runs[c->run + c->nruns - 1].off +
	    d->runs[c->run + c->nruns - 1].len - d->runs[c->run].off;
	uint32_t sec = nav_section_named(d, s, n, d->blocks[t->block].section);

	if (sec == DOC_NONE)
		snprintf(out, len, "(none)");
	else
		snprintf(out, len, "%.*s", (int)d->sections[sec].title_len,
		    d->text + d->sections[sec].title);
	return out;
}

static void
test_links(const char *article)
{
	static const char *const want[] = {
		"Memory management and safety: ownership vs garbage collection",
		"Concurrency models: goroutines vs asynchronous patterns",
		"Performance characteristics and compilation times",
		"Performance characteristics and compilation times",
		"Learning curve and developer experience",
		"Tooling, libraries, and ecosystem maturity",
		"Use-case mapping: when to pick Rust vs Go",
		"Memory management and safety: ownership vs garbage collection",
	};
	static const char other[] =
	    "# ripgrep\n\nText.\n\n## Rust basics\n\nText.\n\n"
	    "## Rust tooling\n\nText.\n\n## Benchmarks\n\n"
	    "| Tool | Time |\n|---|---|\n| ripgrep | 1 |\n| Rust | 2 |\n"
	    "| Tooling notes | 3 |\n| Speed of light | 4 |\n";
	enum doc_error err;
	struct doc *d = doc_load_file(article, 0, &err);
	char got[128];
	uint32_t r;

	if (!OK(d != NULL && d->ntables == 1 && d->tables[0].nrows == 9,
	    "the article and its table of eight rows"))
		return;
	for (r = 1; r <= 8; r++)
		STR_EQ(named(d, r, got, sizeof(got)), want[r - 1],
		    "row %u goes to its section", (unsigned)r);
	doc_free(d);
	d = doc_load_buffer(other, strlen(other));
	STR_EQ(named(d, 1, got, sizeof(got)), "(none)",
	    "a row named after the project: not the document's top");
	STR_EQ(named(d, 2, got, sizeof(got)), "(none)",
	    "a word two headings share equally: no link");
	STR_EQ(named(d, 3, got, sizeof(got)), "Rust tooling",
	    "\"Tooling notes\": the heading with tooling");
	STR_EQ(named(d, 4, got, sizeof(got)), "(none)",
	    "no heading's words: no link");
	doc_free(d);
}

int
main(int argc, char **argv)
{
	struct pager p;
	struct doc *d = views_open(&p, 8, 60);
	struct table_view v;

	pager_need_all(&p);
	table_view_open(&v, d, 0, 2, 0);
	test_cursor(&v, &p);
	test_filter(&v, &p);
	test_columns(&v, &p);
	test_column_cursor(&v, &p);
	test_go_section(&v, &p);
	INT_EQ(key(&v, &p, 'q'), VR_CLOSE, "q closes");
	table_view_free(&v);
	test_sort(&p);
	pager_free(&p);
	if (argc > 1)
		test_links(argv[1]);
	doc_free(d);
	return t_done();
}
