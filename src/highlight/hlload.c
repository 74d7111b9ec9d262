/*
 * highlight.h's highlighter as the binary sees it: a handle that opens
 * the loadable module quire-highlight (GNU Source-highlight and its C++
 * libraries, hlmodule.h) with dlopen() the first time a block is
 * highlighted, and forwards each run to it.  Starting quire, or showing
 * a document with no highlighted code, loads none of it.  When the
 * module cannot be opened (not installed, a stale one) every block stays
 * plain: no run is made and nothing is reported.
 *
 * The module is looked for in $QUIRE_LIBDIR, else the build tree when
 * this binary runs from it, else the installed QUIRE_LIBDIR.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "hlmodule.h"
#include "quire/buildtree.h"
#include "quire/highlight.h"
#include "quire/util.h"

struct highlighter {
	char *datadir;                /* for the module's highlighter, or NULL */
	int tried;                    /* the module was looked for */
	void *dl;                     /* dlopen()'s handle, or NULL */
	const struct hl_module *mod;  /* its entry points, or NULL */
	void *engine;                 /* the module's highlighter, or NULL */
};

struct hl_run {
	const struct hl_module *mod;
	void *run;                    /* the module's run */
};

struct highlighter *
hl_new(const char *datadir)
{
	struct highlighter *h = xcalloc(1, sizeof(*h));

	h->datadir = datadir != NULL ? xstrdup(datadir) : NULL;
	return h;
}

void
hl_free(struct highlighter *h)
{
	if (h == NULL)
		return;
	if (h->engine != NULL)
		h->mod->destroy(h->engine);
	if (h->dl != NULL)
		dlclose(h->dl);
	free(h->datadir);
	free(h);
}

/* The path of the module file; the caller frees it. */
static char *
module_path(void)
{
	return buildtree_path("QUIRE_LIBDIR", QUIRE_BUILD_ROOT, QUIRE_LIBDIR,
	    QUIRE_HL_MODULE);
}

/* Open the module and make its highlighter, once; return 0 when there is
 * none (then H stays without one: blocks are plain). */
static int
load(struct highlighter *h)
{
	char *path;
	const struct hl_module *m;

	if (h->tried)
		return h->engine != NULL;
	h->tried = 1;
	path = module_path();
	h->dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	free(path);
	if (h->dl == NULL)
		return 0;
	m = (const struct hl_module *)dlsym(h->dl, HL_MODULE_SYMBOL_NAME);
	if (m != NULL && m->abi == HL_MODULE_ABI) {
		h->mod = m;
		h->engine = m->create(h->datadir);
	}
	if (h->engine == NULL) {
		h->mod = NULL;
		dlclose(h->dl);
		h->dl = NULL;
		return 0;
	}
	return 1;
}

struct hl_run *
hl_run_new(struct highlighter *h, const char *lang)
{
	struct hl_run *r;
	void *run;

	if (h == NULL || lang == NULL || !load(h))
		return NULL;
	if ((run = h->mod->run_new(h->engine, lang)) == NULL)
		return NULL;
	r = xmalloc(sizeof(*r));
	r->mod = h->mod;
	r->run = run;
	return r;
}

size_t
hl_run_line(struct hl_run *r, const char *line, size_t len,
    struct hl_token *out)
{
	return r != NULL ? r->mod->run_line(r->run, line, len, out) : 0;
}

void
hl_run_free(struct hl_run *r)
{
	if (r == NULL)
		return;
	r->mod->run_free(r->run);
	free(r);
}
