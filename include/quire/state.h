/*
 * Reading positions kept between runs, one per document, in
 * $XDG_STATE_HOME/quire/positions (default ~/.local/state/quire).
 * Documents are keyed by their file's real path, or by a hash of their
 * content when read from standard input.  Writes are atomic (a temporary
 * file, fsync, rename), so a crash or a full disk never leaves a damaged
 * file, and made under an flock on positions.lock, so concurrent quire
 * processes merge their positions.  Only a regular file is read; a
 * damaged one is moved aside to positions.bad with a warning.
 */
#ifndef QUIRE_STATE_H
#define QUIRE_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "quire/util.h"

#define STATE_MAX_ENTRIES 1000 /* oldest positions beyond this are dropped */

struct state_pos {
	uint32_t block, off;
	int32_t step;   /* lines from the first showing them (struct pos) */
};

/* The key for a document: "path:REALPATH" or "hash:HEX" (caller frees). */
char *state_key(const char *path, uint64_t content_hash);

/* The directory state lives in (caller frees), or NULL if none. */
char *state_dir(void);

/*
 * Look KEY up.  Return 1 and fill *POS if found, 0 if not.  A damaged or
 * unreadable file yields 0 and a sentence in WARN (else WARN is ""); a
 * damaged one is moved aside to positions.bad.
 */
int state_get(const char *key, struct state_pos *pos, char *warn,
    size_t warnlen);

/*
 * Remember POS for KEY, merged with what other processes saved.  Return
 * 0 (ERR is "", or says a damaged file was moved aside), or -1 with a
 * sentence in ERR (a positions path that is not a regular file is never
 * replaced).
 */
int state_put(const char *key, const struct state_pos *pos, char *err,
    size_t errlen);


#endif
