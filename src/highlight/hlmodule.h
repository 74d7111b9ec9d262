/*
 * What the loadable highlighting module (quire-highlight, built from
 * highlight.cc) exports, and all the binary knows of it: one table of
 * entry points under one symbol, found with dlsym() by hlload.c.  The
 * ABI number changes whenever the table or a signature does, so a stale
 * module is refused rather than called.
 */
#ifndef QUIRE_HLMODULE_H
#define QUIRE_HLMODULE_H

#include <stddef.h>

#include "quire/highlight.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HL_MODULE_ABI 1
#define HL_MODULE_SYMBOL quire_hl_module
#define HL_MODULE_SYMBOL_NAME "quire_hl_module"

struct hl_module {
	unsigned abi;  /* HL_MODULE_ABI */
	/* A highlighter reading definitions from DATADIR (NULL: the
	 * default); NULL on failure.  Same contracts as highlight.h's. */
	void *(*create)(const char *datadir);
	void (*destroy)(void *h);
	void *(*run_new)(void *h, const char *lang);
	size_t (*run_line)(void *run, const char *line, size_t len,
	    struct hl_token *out);
	void (*run_free)(void *run);
};

#ifdef __cplusplus
}
#endif

#endif
