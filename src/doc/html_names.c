/*
 * The HTML elements quire knows, by name, and what each does in the
 * document model (enum html_class, and the style bit of an inline one):
 * html_elem.c asks here for every tag the parser reports.
 */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "html_priv.h"

struct elem {
	const char *name;
	uint8_t cls;
	uint16_t style;
};

/* Elements with an effect, and HTML5 elements libxml2 does not know
 * (HC_OTHER, so that they are elements: html_listed); other HTML
 * elements are dropped, text kept. */
static const struct elem elems[] = {
	{ "a", HC_A, 0 }, { "article", HC_BLOCK, 0 },
	{ "aside", HC_BLOCK, 0 }, { "audio", HC_OTHER, 0 },
	{ "b", HC_STYLE, STY_STRONG }, { "bdi", HC_OTHER, 0 },
	{ "blockquote", HC_QUOTE, 0 }, { "body", HC_IGNORE, 0 },
	{ "br", HC_BR, 0 }, { "canvas", HC_OTHER, 0 },
	{ "center", HC_BLOCK, 0 }, { "code", HC_STYLE, STY_CODE },
	{ "data", HC_OTHER, 0 }, { "datalist", HC_OTHER, 0 },
	{ "dd", HC_DD, 0 }, { "del", HC_STYLE, STY_STRIKE },
	{ "details", HC_DETAILS, 0 }, { "dialog", HC_BLOCK, 0 },
	{ "div", HC_BLOCK, 0 },
	{ "dl", HC_BLOCK, 0 }, { "dt", HC_BLOCK, 0 },
	{ "em", HC_STYLE, STY_EMPH }, { "figcaption", HC_BLOCK, 0 },
	{ "figure", HC_BLOCK, 0 }, { "footer", HC_BLOCK, 0 },
	{ "h1", HC_HEADING, 1 }, { "h2", HC_HEADING, 2 },
	{ "h3", HC_HEADING, 3 }, { "h4", HC_HEADING, 4 },
	{ "h5", HC_HEADING, 5 }, { "h6", HC_HEADING, 6 },
	{ "head", HC_HIDDEN, 0 }, { "header", HC_BLOCK, 0 },
	{ "hgroup", HC_BLOCK, 0 }, { "hr", HC_HR, 0 },
	{ "html", HC_IGNORE, 0 }, { "i", HC_STYLE, STY_EMPH },
	{ "img", HC_IMG, 0 }, { "ins", HC_STYLE, STY_UNDER },
	{ "kbd", HC_STYLE, STY_KBD }, { "li", HC_LI, 0 },
	{ "main", HC_BLOCK, 0 }, { "mark", HC_STYLE, STY_MARK },
	{ "math", HC_HIDDEN, 0 }, { "meter", HC_OTHER, 0 },
	{ "nav", HC_BLOCK, 0 }, { "noembed", HC_OTHER, 0 },
	{ "noscript", HC_HIDDEN, 0 },
	{ "ol", HC_LIST, 0 }, { "output", HC_OTHER, 0 }, { "p", HC_BLOCK, 0 },
	{ "picture", HC_OTHER, 0 }, { "pre", HC_PRE, 0 },
	{ "progress", HC_OTHER, 0 }, { "rp", HC_OTHER, 0 },
	{ "rt", HC_OTHER, 0 }, { "ruby", HC_OTHER, 0 },
	{ "s", HC_STYLE, STY_STRIKE }, { "samp", HC_STYLE, STY_CODE },
	{ "script", HC_HIDDEN, 0 }, { "section", HC_BLOCK, 0 },
	{ "slot", HC_OTHER, 0 }, { "source", HC_OTHER, 0 },
	{ "strike", HC_STYLE, STY_STRIKE },
	{ "strong", HC_STYLE, STY_STRONG }, { "style", HC_HIDDEN, 0 },
	{ "sub", HC_STYLE, STY_SUB }, { "summary", HC_SUMMARY, 0 },
	{ "sup", HC_STYLE, STY_SUP }, { "svg", HC_HIDDEN, 0 },
	{ "table", HC_TABLE, 0 }, { "td", HC_CELL, 0 },
	{ "template", HC_HIDDEN, 0 }, { "th", HC_CELL, 0 },
	{ "time", HC_OTHER, 0 }, { "title", HC_HIDDEN, 0 },
	{ "tr", HC_ROW, 0 }, { "track", HC_OTHER, 0 },
	{ "tt", HC_STYLE, STY_CODE }, { "u", HC_STYLE, STY_UNDER },
	{ "ul", HC_LIST, 0 }, { "var", HC_STYLE, STY_EMPH },
	{ "video", HC_OTHER, 0 }, { "wbr", HC_OTHER, 0 },
};

static int
elem_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct elem *)e)->name);
}

int
html_listed(const char *name)
{
	return bsearch(name, elems, sizeof(elems) / sizeof(elems[0]),
	    sizeof(elems[0]), elem_cmp) != NULL;
}

enum html_class
html_class_of(const char *name, uint16_t *style)
{
	const struct elem *e = bsearch(name, elems,
	    sizeof(elems) / sizeof(elems[0]), sizeof(elems[0]), elem_cmp);

	*style = e ? e->style : 0;
	return e ? (enum html_class)e->cls : HC_OTHER;
}
