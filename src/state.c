/*
 * Reading positions between runs: one small text file, rewritten
 * atomically.  Format, one entry per line after a header line:
 *
 *     quire-positions 1
 *     TIME<TAB>BLOCK<TAB>OFFSET<TAB>KEY
 *
 * KEY has bytes below '!', '%' and DEL written as %XX.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "quire/state.h"

#define HEADER "quire-positions 1\n"
#define MAX_FILE (1024 * 1024)

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
	if (*end || v > UINT32_MAX)
		return -1;
	e->pos.off = (uint32_t)v;
	e->key = f[3];
	return 0;
}

/*
 * Read the file's entries into *ES (keys point into *DATA).  Return the
 * count; WARN gets a sentence when something was wrong.
 */
static size_t
read_entries(const char *path, char **data, struct entry **es, char *warn,
    size_t warnlen)
{
	FILE *f = fopen(path, "r");
	size_t n = 0, cap = 0, len, lineno = 1;
	char *p, *nl;

	*data = NULL;
	*es = NULL;
	if (f == NULL) {
		if (errno != ENOENT)
			snprintf(warn, warnlen, "cannot read %s: %s", path,
			    strerror(errno));
		return 0;
	}
	*data = xmalloc(MAX_FILE + 1);
	len = fread(*data, 1, MAX_FILE, f);
	fclose(f);
	(*data)[len] = '\0';
	if (len == MAX_FILE || strncmp(*data, HEADER, strlen(HEADER)) != 0 ||
	    memchr(*data, '\0', len) != NULL) {
		snprintf(warn, warnlen, "%s is damaged; ignored", path);
		return 0;
	}
	for (p = *data + strlen(HEADER); *p; p = nl + 1) {
		lineno++;
		nl = strchr(p, '\n');
		if (nl == NULL) {
			snprintf(warn, warnlen, "%s is damaged at line %zu; "
			    "ignored", path, lineno);
			break;
		}
		*nl = '\0';
		GROW(*es, cap, n, 1);
		if (parse_line(p, &(*es)[n]) == 0)
			n++;
		else
			snprintf(warn, warnlen, "%s is damaged at line %zu; "
			    "line ignored", path, lineno);
	}
	return n;
}

int
state_get(const char *key, struct state_pos *pos, char *warn, size_t warnlen)
{
	char *dir = state_dir(), *path, *data, *ek;
	struct entry *es;
	size_t n, i;
	int found = 0;
	struct buf b = { 0 };

	warn[0] = '\0';
	if (dir == NULL)
		return 0;
	buf_printf(&b, "%s/positions", dir);
	path = b.data;
	ek = escape_key(key);
	n = read_entries(path, &data, &es, warn, warnlen);
	for (i = 0; i < n; i++)
		if (strcmp(es[i].key, ek) == 0) {
			*pos = es[i].pos;
			found = 1;
			break;
		}
	free(es);
	free(data);
	free(ek);
	free(path);
	free(dir);
	return found;
}

/* Newest first. */
static int
by_time(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return x->time < y->time ? 1 : x->time > y->time ? -1 : 0;
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

/* Write ES to a temporary file in DIR and rename it over PATH. */
static int
write_atomic(const char *dir, const char *path, const struct entry *es,
    size_t n)
{
	struct buf tmp = { 0 }, out = { 0 };
	size_t i;
	int fd, r = -1, dfd;

	buf_puts(&out, HEADER);
	for (i = 0; i < n && i < STATE_MAX_ENTRIES; i++)
		buf_printf(&out, "%lld\t%u\t%u\t%s\n", es[i].time,
		    (unsigned)es[i].pos.block, (unsigned)es[i].pos.off, es[i].key);
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
	char *dir = state_dir(), *data = NULL, *ek = NULL, warn[8];
	struct entry *es = NULL;
	struct buf path = { 0 };
	size_t n, i, cap;
	int r = -1;

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
	n = read_entries(path.data, &data, &es, warn, sizeof(warn));
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
	qsort(es, n, sizeof(*es), by_time);
	if (write_atomic(dir, path.data, es, n) < 0) {
		snprintf(err, errlen, "cannot save the position in %s: %s",
		    path.data, strerror(errno));
		goto out;
	}
	r = 0;
out:
	free(es);
	free(data);
	free(ek);
	buf_free(&path);
	free(dir);
	return r;
}
