/*
 * Reads the small files quire keeps (positions, configuration): regular
 * files only, opened without blocking and read whole up to a limit, so a
 * FIFO, /dev/zero or a directory in their place costs nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "quire/smallfile.h"

enum smallfile_error
smallfile_read(const char *path, size_t max, struct buf *out)
{
	enum smallfile_error r = SMALLFILE_OK;
	char chunk[65536];
	struct stat st;
	ssize_t n;
	int fd, e;

	memset(out, 0, sizeof(*out));
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return SMALLFILE_OPEN;
	if (fstat(fd, &st) != 0) {
		r = SMALLFILE_READ;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		r = SMALLFILE_NOTREG;
		goto out;
	}
	if ((unsigned long long)st.st_size > max) {
		r = SMALLFILE_TOOBIG;
		goto out;
	}
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			r = SMALLFILE_READ;
			break;
		}
		if (n == 0)
			break;
		if (out->len + (size_t)n > max) { /* it grew meanwhile */
			r = SMALLFILE_TOOBIG;
			break;
		}
		buf_put(out, chunk, (size_t)n);
	}
out:
	e = errno;
	close(fd);
	errno = e;
	return r;
}

const char *
smallfile_strerror(enum smallfile_error err, int errnum)
{
	switch (err) {
	case SMALLFILE_OK:
		return "no error";
	case SMALLFILE_NOTREG:
		return "not a regular file";
	case SMALLFILE_TOOBIG:
		return "too big";
	case SMALLFILE_OPEN:
	case SMALLFILE_READ:
		break;
	}
	return strerror(errnum);
}
