/*
 * Reading the small files quire keeps (reading positions, the
 * configuration): only a regular file, never waiting on a FIFO or a
 * device, whole and up to a size limit.
 */
#ifndef QUIRE_SMALLFILE_H
#define QUIRE_SMALLFILE_H

#include <stddef.h>

#include "quire/util.h"

enum smallfile_error {
	SMALLFILE_OK,
	SMALLFILE_OPEN,     /* open failed: errno says why (ENOENT...) */
	SMALLFILE_NOTREG,   /* a directory, FIFO, device or socket */
	SMALLFILE_TOOBIG,   /* more than the limit */
	SMALLFILE_READ,     /* read failed: errno says why */
};

/*
 * Read PATH, which must be a regular file of at most MAX bytes, into OUT
 * (NUL-terminated; OUT->data is NULL for an empty file; the caller frees
 * it with buf_free, also on failure).  The open never blocks (O_NONBLOCK,
 * then fstat).  Return SMALLFILE_OK or what went wrong, errno set for
 * SMALLFILE_OPEN and SMALLFILE_READ.
 */
enum smallfile_error smallfile_read(const char *path, size_t max,
    struct buf *out);

/* A phrase for ERR ("not a regular file"), ERRNUM for errno's. */
const char *smallfile_strerror(enum smallfile_error err, int errnum);

#endif
