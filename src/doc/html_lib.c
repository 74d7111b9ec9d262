/*
 * The process's one handle on libxml2 (html_lib.h): opened on first use
 * under a pthread_once, so the screen's thread and a background load's
 * may both ask, and libxml2 is set up (xmlInitParser) on one thread
 * only.  The handle is never closed: libxml2 keeps global state of its
 * own until the process ends.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include <libxml/xmlversion.h>

#include "quire/util.h"
#include "html_lib.h"

/* The library of the headers built with: html.c reads fields of its
 * parser's context, so no other will do.  2.14 changed its name. */
#if LIBXML_VERSION >= 21400
#define HTML_LIB_SONAME "libxml2.so.16"
#else
#define HTML_LIB_SONAME "libxml2.so.2"
#endif

static pthread_once_t lib_once = PTHREAD_ONCE_INIT;
static struct html_lib lib;
static const struct html_lib *lib_ok;

static void
lib_open(void)
{
	void *dl = dlopen(HTML_LIB_SONAME, RTLD_NOW | RTLD_LOCAL);
	void (*init)(void);

	if (dl == NULL)
		return;
	if (!util_dlsym(dl, "xmlInitParser", &init) ||
	    !util_dlsym(dl, "htmlCreatePushParserCtxt", &lib.create_push) ||
	    !util_dlsym(dl, "htmlCtxtUseOptions", &lib.use_options) ||
	    !util_dlsym(dl, "htmlParseChunk", &lib.parse_chunk) ||
	    !util_dlsym(dl, "htmlFreeParserCtxt", &lib.free_ctxt) ||
	    !util_dlsym(dl, "htmlTagLookup", &lib.tag_lookup)) {
		dlclose(dl);
		return;
	}
	init();
	lib_ok = &lib;
}

const struct html_lib *
html_lib(void)
{
	pthread_once(&lib_once, lib_open);
	return lib_ok;
}


int
html_lib_wanted(const char *md, size_t len)
{
	const char *p = md, *end = md + len;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL &&
	    ++p < end)
		if (*p == '/' || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z'))
			return 1;
	return 0;
}
