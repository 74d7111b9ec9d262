/*
 * quire's exit statuses, the one list --help, the README and the man
 * page's EXIT STATUS describe.  Ended by a signal N, quire exits with
 * 128 + N, as the shell reports it.
 */
#ifndef QUIRE_EXIT_H
#define QUIRE_EXIT_H

enum exit_status {
	EXIT_OK = 0,
	EXIT_FILE = 1,    /* a file cannot be read or is refused; --faq or
	                     --search found nothing */
	EXIT_USAGE = 2,   /* bad option or argument */
	EXIT_NOMEM = 3,   /* out of memory (xmalloc and friends) */
	EXIT_LIMIT = 4,   /* a document needs more memory to parse than
	                     quire allows it */
};

#endif
