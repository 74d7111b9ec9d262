/*
 * What the loadable thesaurus module (quire-thesaurus, built from
 * aiksaurus.cc) exports, and all the core knows of it: one table of
 * entry points under one symbol, found with dlsym() by
 * src/search/thesaurus.c.  The ABI number changes whenever the table or
 * a signature does, so a stale module is refused rather than called.
 */
#ifndef QUIRE_THMODULE_H
#define QUIRE_THMODULE_H

#ifdef __cplusplus
extern "C" {
#endif

#define TH_MODULE_ABI 1
#define TH_MODULE_SYMBOL quire_th_module
#define TH_MODULE_SYMBOL_NAME "quire_th_module"

struct th_module {
	unsigned abi;  /* TH_MODULE_ABI */
	/* A thesaurus reading meanings.dat and words.dat in DATADIR; NULL
	 * when they cannot be read. */
	void *(*create)(const char *datadir);
	void (*destroy)(void *th);
	/* Look WORD up; whether the thesaurus knows it. */
	int (*find)(void *th, const char *word);
	/* The next word listed with the word found, and in *MEANING the
	 * number of its meaning; NULL after the last.  The string lives
	 * until the next call. */
	const char *(*next)(void *th, int *meaning);
};

#ifdef __cplusplus
}
#endif

#endif
