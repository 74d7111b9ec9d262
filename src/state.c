/*
 * Reading positions between runs: one small text file, rewritten
 * atomically.  Format, one entry per line after a header line:
 *
 *     quire-positions 1
 *     TIME<TAB>BLOCK<TAB>OFFSET<TAB>KEY
 *
 * OFFSET is followed by ":STEP" when the place is a line after the first
 * showing that text (a heading's rule, a blank line: struct pos) and the
 * step is within STEP_MAX; a quire from before steps calls such a line
 * damaged and leaves it out, and the other lines are as they were.
 * KEY has bytes below '!', '%' and DEL written as %XX.  Every quire
 * reads, merges and replaces it holding an flock on positions.lock
 * beside it, so concurrent ones lose nothing; at most STATE_MAX_ENTRIES
 * and MAX_FILE bytes are written, the oldest left out.  A file that is
 * not a positions file (a bad header, a NUL byte, too big) is moved
 * aside to positions.bad, never overwritten; an empty one is empty.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "quire/smallfile.h"
#include "quire/state.h"

#define HEADER "quire-positions 1\n"
#define MAX_FILE (1024 * 1024) /* bytes, written and read */
#define LOCK_WAIT_MS 2000       /* for another quire saving */
#define STEP_MAX 100000         /* lines a step may count, either way */

struct entry {
	long long time;
	struct state_pos pos;
	char *key;      /* escaped */
};

char *
state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	struct buf b = { 0 };

	if (xdg != NULL && xdg[0] == '/')
		buf_printf(&b, "%s/quire", xdg);
	else if (home != NULL && home[0] == '/')
		buf_printf(&b, "%s/.local/state/quire", home);
	return b.data;
}

/* Escape KEY for the file. */
static char *
escape_key(const char *key)
{
	struct buf b = { 0 };
	const unsigned char *k;

	for (k = (const unsigned char *)key; *k; k++)
		if (*k < '!' || *k == '%' || *k == 0x7F)
			buf_printf(&b, "%%%02X", *k);
		else
			buf_putc(&b, (char)*k);
	if (b.data == NULL)
		buf_puts(&b, "");
	return b.data;
}

char *
state_key(const char *path, uint64_t hash)
{
	struct buf b = { 0 };
	char real[PATH_MAX];

	if (strcmp(path, "-") == 0)
		buf_printf(&b, "hash:%016llx", (unsigned long long)hash);
	else if (realpath(path, real) != NULL)
		buf_printf(&b, "path:%s", real);
	else
		buf_printf(&b, "path:%s", path);
	return b.data;
}

/* Parse one line into E; 0 on success. */
static int
parse_line(char *line, struct entry *e)
{
	char *end, *f[4];
	int i;
	unsigned long v;

	for (i = 0; i < 3; i++) {
		f[i] = line;
		line = strchr(line, '\t');
		if (line == NULL)
			return -1;
		*line++ = '\0';
	}
	f[3] = line;
	if (*f[3] == '\0')
		return -1;
	errno = 0;
	e->time = strtoll(f[0], &end, 10);
	if (*end || errno)
		return -1;
	v = strtoul(f[1], &end, 10);
	if (*end || v > UINT32_MAX)
		return -1;
	e->pos.block = (uint32_t)v;
	v = strtoul(f[2], &end, 10);
	if ((*end && *end != ':') || v > UINT32_MAX)
		return -1;
	e->pos.off = (uint32_t)v;
	e->pos.step = 0;
	if (*end == ':') {
		long st;

		errno = 0;
		st = strtol(end + 1, &end, 10);
		if (*end || errno || st < -STEP_MAX || st > STEP_MAX)
			return -1;
		e->pos.step = (int32_t)st;
	}
	e->key = f[3];
	return 0;
}

/* What read_entries found. */
enum read_result {
	READ_OK,        /* entries (maybe none; lines may have been skipped) */
	READ_NONE,      /* no file, or one that cannot be read: WARN says */
	READ_DAMAGED,   /* a file that is not a positions file: WARN says */
};

/*
 * Read the file's entries into *ES (keys point into DATA, which the
 * caller frees).  *N gets the count; WARN a sentence when something was
 * wrong.  An empty file has no entries and nothing wrong.
 */
static enum read_result
read_entries(const char *path, struct buf *data, struct entry **es,
    size_t *n, char *warn, size_t warnlen)
{
	enum smallfile_error err;
	size_t cap = 0, lineno = 1;
	char *p, *nl;

	*es = NULL;
	*n = 0;
	err = smallfile_read(path, MAX_FILE, data);
	if (err == SMALLFILE_OPEN && errno == ENOENT)
		return READ_NONE;
	if (err == SMALLFILE_TOOBIG) {
		snprintf(warn, warnlen, "%s is damaged (over %d KiB)", path,
		    MAX_FILE / 1024);
		return READ_DAMAGED;
	}
	if (err != SMALLFILE_OK) {
		snprintf(warn, warnlen, "cannot read %s: %s", path,
		    smallfile_strerror(err, errno));
		return READ_NONE;
	}
	if (data->len == 0)
		return READ_OK;
	if (memchr(data->data, '\0', data->len) != NULL) {
		snprintf(warn, warnlen, "%s is damaged (a NUL byte)", path);
		return READ_DAMAGED;
	}
	if (strncmp(data->data, HEADER, strlen(HEADER)) != 0) {
		snprintf(warn, warnlen, "%s is damaged (no header line)", path);
		return READ_DAMAGED;
	}
	for (p = data->data + strlen(HEADER); *p; p = nl + 1) {
		lineno++;
		nl = strchr(p, '\n');
		if (nl == NULL) {
			snprintf(warn, warnlen, "%s is damaged at line %zu; "
			    "ignored", path, lineno);
			break;
		}
		*nl = '\0';
		GROW(*es, cap, *n, 1);
		if (parse_line(p, &(*es)[*n]) == 0)
			(*n)++;
		else
			snprintf(warn, warnlen, "%s is damaged at line %zu; "
			    "line ignored", path, lineno);
	}
	return READ_OK;
}

/* Move the damaged file at PATH aside to PATH.bad (replacing an older
 * one), and say so in WARN after what it already holds. */
static void
set_aside(const char *path, char *warn, size_t warnlen)
{
	struct buf bad = { 0 };
	size_t used = strlen(warn);

	buf_printf(&bad, "%s.bad", path);
	if (rename(path, bad.data) == 0)
		snprintf(warn + used, warnlen - used, "; moved to %s", bad.data);
	else
		snprintf(warn + used, warnlen - used, "; ignored (cannot move it "
		    "to %s: %s)", bad.data, strerror(errno));
	buf_free(&bad);
}

/*
 * Take the advisory lock on DIR/positions.lock, which every quire holds
 * while it reads, merges and replaces the positions.  Wait for it up to
 * LOCK_WAIT_MS.  Return its descriptor (closing it unlocks), or -1 with
 * errno set.
 */
static int
lock_take(const char *dir)
{
	struct buf path = { 0 };
	struct timespec pause = { 0, 5 * 1000 * 1000 };
	struct stat st;
	int fd, i, e;

	buf_printf(&path, "%s/positions.lock", dir);
	fd = open(path.data, O_RDWR | O_CREAT | O_NONBLOCK | O_NOFOLLOW |
	    O_NOCTTY | O_CLOEXEC, 0600);
	buf_free(&path);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	for (i = 0; flock(fd, LOCK_EX | LOCK_NB) != 0; i++) {
		if ((errno != EWOULDBLOCK && errno != EINTR) ||
		    i * 5 >= LOCK_WAIT_MS) {
			e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		nanosleep(&pause, NULL);
	}
	return fd;
}

int
state_get(const char *key, struct state_pos *pos, char *warn, size_t warnlen)
{
	char *dir = state_dir(), *ek;
	struct entry *es;
	struct buf path = { 0 }, data;
	size_t n, i;
	int found = 0, lock;

	warn[0] = '\0';
	if (dir == NULL)
		return 0;
	buf_printf(&path, "%s/positions", dir);
	ek = escape_key(key);
	lock = lock_take(dir); /* none when the directory is not there */
	if (read_entries(path.data, &data, &es, &n, warn, warnlen) ==
	    READ_DAMAGED) {
		if (lock >= 0)
			set_aside(path.data, warn, warnlen);
		else
			snprintf(warn + strlen(warn), warnlen - strlen(warn),
			    "; ignored");
	}
	if (lock >= 0)
		close(lock);
	for (i = 0; i < n; i++)
		if (strcmp(es[i].key, ek) == 0) {
			*pos = es[i].pos;
			found = 1;
			break;
		}
	free(es);
	buf_free(&data);
	free(ek);
	buf_free(&path);
	free(dir);
	return found;
}

/* mkdir -p for PATH, mode 0700. */
static int
make_dirs(const char *path)
{
	char *p = xstrdup(path), *s;
	int r = 0;

	for (s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST)
				r = -1;
			*s = '/';
		}
	if (mkdir(p, 0700) < 0 && errno != EEXIST)
		r = -1;
	free(p);
	return r;
}

/* Write ES (newest first) to a temporary file in DIR and rename it over
 * PATH: as many entries as STATE_MAX_ENTRIES and MAX_FILE bytes allow,
 * the oldest left out. */
static int
write_atomic(const char *dir, const char *path, const struct entry *es,
    size_t n)
{
	struct buf tmp = { 0 }, out = { 0 };
	size_t i;
	int fd, r = -1, dfd;

	buf_puts(&out, HEADER);
	for (i = 0; i < n && i < STATE_MAX_ENTRIES; i++) {
		size_t was = out.len;

		buf_printf(&out, "%lld\t%u\t%u", es[i].time,
		    (unsigned)es[i].pos.block, (unsigned)es[i].pos.off);
		if (es[i].pos.step != 0 && es[i].pos.step >= -STEP_MAX &&
		    es[i].pos.step <= STEP_MAX)
			buf_printf(&out, ":%d", (int)es[i].pos.step);
		buf_printf(&out, "\t%s\n", es[i].key);
		if (out.len > MAX_FILE) {
			out.len = was;
			break;
		}
	}
	buf_printf(&tmp, "%s/.positions.XXXXXX", dir);
	if ((fd = mkstemp(tmp.data)) < 0)
		goto out;
	if (write(fd, out.data, out.len) != (ssize_t)out.len || fsync(fd) < 0) {
		close(fd);
		unlink(tmp.data);
		goto out;
	}
	if (close(fd) < 0 || rename(tmp.data, path) < 0) {
		unlink(tmp.data);
		goto out;
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	r = 0;
out:
	buf_free(&tmp);
	buf_free(&out);
	return r;
}

int
state_put(const char *key, const struct state_pos *pos, char *err,
    size_t errlen)
{
	char *dir = state_dir(), *ek = NULL, warn[512] = "";
	struct entry *es = NULL, cur;
	struct buf path = { 0 }, data = { 0 };
	enum read_result rr;
	size_t n = 0, i, cap;
	int r = -1, lock = -1;

	err[0] = '\0';
	if (dir == NULL) {
		snprintf(err, errlen, "no state directory (HOME unset)");
		return -1;
	}
	buf_printf(&path, "%s/positions", dir);
	if (make_dirs(dir) < 0) {
		snprintf(err, errlen, "cannot create %s: %s", dir,
		    strerror(errno));
		goto out;
	}
	if ((lock = lock_take(dir)) < 0) {
		snprintf(err, errlen, "cannot lock %s/positions.lock: %s", dir,
		    strerror(errno));
		goto out;
	}
	rr = read_entries(path.data, &data, &es, &n, warn, sizeof(warn));
	if (rr == READ_DAMAGED) {
		set_aside(path.data, warn, sizeof(warn));
		n = 0;
	} else if (rr == READ_NONE && warn[0] != '\0') {
		/* not a regular file, or unreadable: never replaced */
		snprintf(err, errlen, "%s", warn);
		goto out;
	}
	ek = escape_key(key);
	for (i = 0; i < n; i++)
		if (strcmp(es[i].key, ek) == 0)
			break;
	if (i == n) {
		cap = n;
		GROW(es, cap, n, 1);
		n++;
	}
	es[i].key = ek;
	es[i].pos = *pos;
	es[i].time = (long long)time(NULL);
	cur = es[i]; /* first; the others keep the file's order, newest first */
	memmove(es + 1, es, i * sizeof(*es));
	es[0] = cur;
	if (write_atomic(dir, path.data, es, n) < 0) {
		snprintf(err, errlen, "cannot save the position in %s: %s",
		    path.data, strerror(errno));
		goto out;
	}
	r = 0;
	if (rr == READ_DAMAGED) /* saved, but worth saying */
		snprintf(err, errlen, "%s", warn);
out:
	if (lock >= 0)
		close(lock);
	free(es);
	buf_free(&data);
	free(ek);
	buf_free(&path);
	free(dir);
	return r;
}
