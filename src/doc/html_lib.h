/*
 * libxml2's HTML parser, opened with dlopen() the first time a document
 * has HTML: starting quire, or reading a document without any, loads
 * none of libxml2 (nor the ICU and C++ libraries it links), which is a
 * millisecond of every start.  Private to html.c.
 */
#ifndef QUIRE_DOC_HTML_LIB_H
#define QUIRE_DOC_HTML_LIB_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

/* The entry points html.c calls, with libxml2's own prototypes. */
struct html_lib {
	__typeof__(htmlCreatePushParserCtxt) *create_push;
	__typeof__(htmlCtxtUseOptions) *use_options;
	__typeof__(htmlParseChunk) *parse_chunk;
	__typeof__(htmlFreeParserCtxt) *free_ctxt;
	__typeof__(htmlTagLookup) *tag_lookup;
};

/* The library, opened and set up once per process, on any thread; NULL
 * when it cannot be opened (HTML then shows as written). */
const struct html_lib *html_lib(void);

/* Whether the LEN bytes at MD may hold HTML: a '<' before a letter or
 * a '/'.  For opening the library ahead of a parse that will want it. */
int html_lib_wanted(const char *md, size_t len);

#endif
