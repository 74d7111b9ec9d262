/*
 * The loader: read a file (bounded by DOC_MAX_SIZE whatever it is: a
 * regular file, a pipe, /dev/zero), refuse what is not text, bound the
 * parser's work (guard.c), take off front matter (meta.c), hand the
 * bytes to cmark-gfm (parse.c) with the GFM extensions and footnotes
 * on, and build the model.  The cmark tree is freed before returning:
 * only the model is kept.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmark-gfm.h>

#include "quire/doc.h"
#include "quire/util.h"
#include "build.h"
#include "guard.h"
#include "meta.h"
#include "notes.h"
#include "parse.h"

#define BINARY_PROBE 8192 /* a NUL in this many leading bytes: binary */

/* Read FD on, appending to *OUT (*OUTLEN bytes, room for *CAP), up to
 * LIMIT bytes in all, and stop once there are STOP (0: at the end); more
 * than LIMIT is DOC_ERR_TOOBIG.  On an error *OUT is freed. */
static enum doc_error
read_on(int fd, size_t limit, size_t stop, char **out, size_t *outlen,
    size_t *cap)
{
	size_t len = *outlen;
	char *p = *out;
	ssize_t n;

	for (;;) {
		if (stop > 0 && len >= stop)
			break;
		if (len == *cap) {
			if (*cap > limit) {
				free(p);
				*out = NULL;
				return DOC_ERR_TOOBIG;
			}
			*cap = *cap ? *cap * 2 : 65536;
			if (*cap > limit + 1)
				*cap = limit + 1;
			p = xrealloc(p, *cap);
		}
		n = read(fd, p + len, (stop > 0 && stop - len < *cap - len ?
		    stop : *cap) - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			free(p);
			*out = NULL;
			errno = e;
			return DOC_ERR_READ;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > limit) {
			free(p);
			*out = NULL;
			return DOC_ERR_TOOBIG;
		}
	}
	*out = p ? p : xmalloc(1);
	*outlen = len;
	if (*cap == 0)
		*cap = 1;
	return DOC_OK;
}

/* Read all of FD, up to LIMIT bytes; more is DOC_ERR_TOOBIG. */
static enum doc_error
read_all(int fd, size_t limit, char **out, size_t *outlen)
{
	struct stat st;
	size_t cap = 0;

	*out = NULL;
	*outlen = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((unsigned long long)st.st_size > limit)
			return DOC_ERR_TOOBIG;
		cap = (size_t)st.st_size + 1;
		*out = xmalloc(cap);
	}
	return read_on(fd, limit, 0, out, outlen, &cap);
}

enum doc_error
doc_read(const char *path, int flags, char **data, size_t *len)
{
	enum doc_error err;
	struct stat st;
	int fd, e;

	*data = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		return DOC_ERR_OPEN;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		err = DOC_ERR_ISDIR;
		goto out;
	}
	err = read_all(fd, DOC_MAX_SIZE, data, len);
	if (err == DOC_OK && !(flags & DOC_FORCE) &&
	    memchr(*data, '\0', *len < BINARY_PROBE ? *len : BINARY_PROBE))
		err = DOC_ERR_BINARY;
out:
	e = errno;
	if (fd != STDIN_FILENO)
		close(fd);
	if (err != DOC_OK) {
		free(*data);
		*data = NULL;
		errno = e;
	}
	return err;
}

char *
doc_title_file(const char *path, int flags, size_t *tlen)
{
	struct stat st;
	char *data, *t = NULL;
	size_t len = 0;
	ssize_t n;
	int fd;

	*tlen = 0;
	if (strcmp(path, "-") == 0 || (fd = open(path, O_RDONLY | O_NOCTTY |
	    O_CLOEXEC | O_NONBLOCK)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size > DOC_MAX_SIZE) {
		close(fd);
		return NULL;
	}
	data = xmalloc(DOC_TITLE_SCAN);
	while (len < DOC_TITLE_SCAN && ((n = read(fd, data + len,
	    DOC_TITLE_SCAN - len)) > 0 || (n < 0 && errno == EINTR)))
		len += n > 0 ? (size_t)n : 0;
	close(fd);
	if ((flags & DOC_FORCE) ||
	    !memchr(data, '\0', len < BINARY_PROBE ? len : BINARY_PROBE))
		t = doc_title_scan(data, len, tlen);
	free(data);
	return t;
}

enum doc_error
doc_read_head(const char *path, int flags, size_t head, char **data,
    size_t *len, struct doc_rest *rest)
{
	enum doc_error err;
	struct stat st;
	size_t cap;
	int e, *fd = &rest->fd;

	*data = NULL;
	*len = 0;
	rest->cap = 0;
	if ((*fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		return DOC_ERR_OPEN;
	if (fstat(*fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size <= head) {
		close(*fd);
		*fd = -1;
		return doc_read(path, flags, data, len);
	}
	/* Room for all of it: pages are only touched as they are read. */
	cap = (unsigned long long)st.st_size > DOC_MAX_SIZE ? 0 :
	    (size_t)st.st_size + 1;
	err = cap == 0 ? DOC_ERR_TOOBIG : DOC_OK;
	if (err == DOC_OK) {
		*data = xmalloc(cap);
		err = read_on(*fd, DOC_MAX_SIZE, head, data, len, &cap);
	}
	rest->cap = cap;
	if (err == DOC_OK && !(flags & DOC_FORCE) &&
	    memchr(*data, '\0', *len < BINARY_PROBE ? *len : BINARY_PROBE))
		err = DOC_ERR_BINARY;
	if (err != DOC_OK) {
		e = errno;
		free(*data);
		*data = NULL;
		close(*fd);
		*fd = -1;
		errno = e;
	}
	return err;
}

size_t
doc_read_rest(struct doc_rest *rest, char **data, size_t len)
{
	size_t n = len;

	if (rest->fd < 0)
		return len;
	/* The file may have grown since: up to the limit, what can be read
	 * is the text; a read error leaves nothing. */
	if (read_on(rest->fd, DOC_MAX_SIZE, DOC_MAX_SIZE, data, &n,
	    &rest->cap) != DOC_OK) {
		*data = xmalloc(1);
		n = 0;
	}
	close(rest->fd);
	rest->fd = -1;
	return n;
}

enum doc_error
doc_read_range(const char *path, size_t from, size_t len, char **data,
    size_t *got)
{
	size_t n = 0;
	ssize_t r;
	int fd, e;

	*data = NULL;
	*got = 0;
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		return DOC_ERR_OPEN;
	*data = xmalloc(len + 1);
	while (n < len) {
		r = pread(fd, *data + n, len - n, (off_t)(from + n));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			e = errno;
			free(*data);
			*data = NULL;
			close(fd);
			errno = e;
			return DOC_ERR_READ;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	*got = n;
	return DOC_OK;
}

struct doc *
doc_load_file(const char *path, int flags, enum doc_error *err)
{
	struct doc *d;
	char *data;
	size_t len;

	if ((*err = doc_read(path, flags, &data, &len)) != DOC_OK)
		return NULL;
	if (strcmp(path, "-") != 0)
		return doc_load_take(data, len);
	d = doc_load_buffer(data, len);
	d->hash = fnv1a64(data, len);
	free(data);
	return d;
}

/* Whether LEN bytes at MD hold "[^", which begins every footnote
 * definition and reference. */
static int
may_have_notes(const char *md, size_t len)
{
	const char *p = md, *end = md + len;

	while ((p = memchr(p, '[', (size_t)(end - p))) != NULL && ++p < end)
		if (*p == '^')
			return 1;
	return 0;
}

/* Drop ROOT's footnote definitions, which cmark-gfm has put last. */
static void
drop_notes(cmark_node *root)
{
	cmark_node *n;

	while ((n = cmark_node_last_child(root)) != NULL &&
	    cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
		cmark_node_free(n);
}

/* Drop the first N of ROOT's footnote definitions, which cmark-gfm has
 * put last in the order of their numbers. */
static void
drop_first_notes(cmark_node *root, unsigned n)
{
	cmark_node *first = NULL, *c, *next;

	for (c = cmark_node_last_child(root); c != NULL &&
	    cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION;
	    c = cmark_node_previous(c))
		first = c;
	for (c = first; c != NULL && n > 0; c = next, n--) {
		next = cmark_node_next(c);
		cmark_node_free(c);
	}
}

#define LOAD_OWNED 0x01  /* MD's memory is the model's text's once
                            cmark-gfm has its own copy */
#define LOAD_PART 0x02   /* a part: no footnotes */
#define LOAD_BESIDE 0x04 /* beside the background load (PARSE_BESIDE) */
#define LOAD_ORDER 0x08  /* the first block only numbers the notes: drop it */

/* Parse LEN bytes at MD as FLAGS say.  With LOAD_OWNED, MD's memory
 * holds the model's text once cmark-gfm has its own copy (rather than
 * new memory, as large, at the peak: the tree and the model).  A part
 * (a first part, prefix.c, or one from further on) leaves its footnotes
 * out: the whole document shows them at its end. */
#define FEED_STEP (1u << 20) /* fed at a time when the load may stop */

/* Feed LEN bytes at IN to P, a megabyte at a time while *STOP (unless
 * STOP is NULL) is not set; whether all were fed. */
static int
feed(cmark_parser *p, const char *in, size_t len, const atomic_int *stop)
{
	size_t n;

	if (stop == NULL) {
		cmark_parser_feed(p, in, len);
		return 1;
	}
	for (; len > 0; in += n, len -= n) {
		if (atomic_load(stop))
			return 0;
		n = len < FEED_STEP ? len : FEED_STEP;
		cmark_parser_feed(p, in, n);
	}
	return !atomic_load(stop);
}

static struct doc *
load_notes(char *md, size_t len, int flags, const struct note_map *map,
    const atomic_int *stop)
{
	cmark_parser *p;
	cmark_node *root;
	struct doc *d;
	struct guard g;
	struct buf fm = { 0 }, text = { 0 };
	const char *in = md;
	size_t source_len, n;
	int autolinks, owned = flags & LOAD_OWNED, fed;

	if (owned)
		text.data = md, text.cap = len; /* for once cmark-gfm is fed */

	if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
		in += 3, len -= 3;
	source_len = len;
	if ((n = meta_len(in, len)) > 0) { /* front matter is not Markdown */
		buf_put(&fm, in, n);
		in += n, len -= n;
	}
	if (guard_input(in, len, &g))
		in = g.out.data, len = g.out.len;
	/* Footnotes cost cmark-gfm two more walks over the tree, and
	 * neither a note nor a reference begins but with "[^". */
	p = parse_begin(PARSE_GFM | PARSE_ARENA |
	    (may_have_notes(in, len) ? PARSE_NOTES : 0) |
	    (flags & LOAD_BESIDE ? PARSE_BESIDE : 0), len);
	fed = feed(p, in, len, stop);
	buf_free(&g.out);
	if (!owned) /* the text is about as long as the source */
		GROW(text.data, text.cap, 0, len + 1);
	root = flags & LOAD_BESIDE ? parse_finish_beside(p) : parse_finish(p);
	if (!fed || (stop != NULL && atomic_load(stop))) { /* given up */
		guard_free(&g);
		parse_free(root, PARSE_ARENA);
		buf_free(&fm);
		if (owned)
			free(text.data);
		return NULL;
	}
	guard_repair(root, &g);
	autolinks = !g.no_autolink;
	guard_free(&g);
	if (flags & LOAD_PART)
		drop_notes(root);
	if ((flags & LOAD_ORDER) && cmark_node_first_child(root) != NULL &&
	    cmark_node_get_type(cmark_node_first_child(root)) ==
	    CMARK_NODE_PARAGRAPH)
		cmark_node_free(cmark_node_first_child(root));
	if (map != NULL && map->skip > 0)
		drop_first_notes(root, map->skip);
	d = build_doc_notes(root, autolinks, fm.data, fm.len, &text, map);
	buf_free(&fm);
	parse_free(root, PARSE_ARENA);
	d->source_len = source_len;
	return d;
}

static struct doc *
load(char *md, size_t len, int flags)
{
	return load_notes(md, len, flags, NULL, NULL);
}

struct doc *
doc_load_buffer(const char *md, size_t len)
{
	return load((char *)md, len, 0);
}

struct doc *
doc_load_take(char *md, size_t len)
{
	return load(md, len, LOAD_OWNED);
}

struct doc *
doc_load_take_until(char *md, size_t len, const atomic_int *stop)
{
	return load_notes(md, len, LOAD_OWNED, NULL, stop);
}

struct doc *
doc_load_part(const char *md, size_t len)
{
	return load((char *)md, len, LOAD_PART);
}

struct doc *
doc_load_beside(const char *md, size_t len)
{
	struct doc *d = load((char *)md, len, LOAD_PART | LOAD_BESIDE);

	d->may_differ = 1;
	return d;
}

#define NOTES_TAIL (16u * 1024) /* the last notes a part shows, about */

/* Put note I of NOTES in B: the label alone ("[^a]"), or all of its
 * definition (ALL), and a blank line. */
static void
put_note(struct buf *b, const struct doc_notes *notes, size_t i, int all)
{
	const char *s = notes->md + notes->v[i].at;
	const char *end = memchr(s, ']', notes->v[i].len);

	if (all || end == NULL)
		buf_put(b, s, notes->v[i].len);
	else
		buf_put(b, s, (size_t)(end - s) + 1);
}

struct doc *
doc_load_notes(const char *md, size_t len, size_t from,
    const struct doc_notes *notes)
{
	struct buf b = { 0 }, defs = { 0 };
	struct doc *d;
	struct note_map map = { NULL, 0, 0 };
	unsigned *v = xmalloc((notes->n ? notes->n : 1) * sizeof(*v));
	size_t i, k, tail = 0;

	/* The last notes, NOTES_TAIL bytes of them, and those the part
	 * refers to: a paragraph of references to them in the whole's
	 * order numbers them in that order (it is dropped once parsed),
	 * and the map gives each its number in the whole.  The notes the
	 * part refers to before the last ones are there only to be
	 * numbered: a word each, dropped from the tree too. */
	for (k = notes->n; k > 0 && tail < NOTES_TAIL; k--)
		tail += notes->v[k - 1].len;
	for (i = 0; i < notes->n; i++)
		if (i >= k || notes->v[i].last >= from) {
			v[map.n++] = (unsigned)(i + 1);
			map.skip += i < k;
			put_note(&b, notes, i, 0);
			buf_putc(&b, ' ');
		}
	buf_puts(&b, "\n\n");
	buf_put(&b, md, len);
	buf_puts(&b, "\n\n");
	for (i = 0; i < notes->n; i++) {
		if ((i < k && notes->v[i].last < from) ||
		    (notes->v[i].off >= from && notes->v[i].off - from < len))
			continue; /* not shown, or the part has it */
		put_note(&b, notes, i, i >= k);
		buf_puts(&b, i >= k ? "\n\n" : ": x\n\n");
	}
	/* The links by reference of the notes shown and of the part, with
	 * their definitions elsewhere in the file. */
	doc_notes_links(notes, b.data, b.len, from, from + len, &defs);
	buf_put(&b, defs.data, defs.len);
	buf_free(&defs);
	map.v = v;
	d = load_notes(b.data, b.len, LOAD_BESIDE | LOAD_ORDER, &map,
	    NULL);
	buf_free(&b);
	free(v);
	d->source_len = len;
	d->may_differ = 1;
	return d;
}

const char *
doc_strerror(enum doc_error err, int errnum)
{
	switch (err) {
	case DOC_OK:
		return "no error";
	case DOC_ERR_OPEN:
	case DOC_ERR_READ:
		return strerror(errnum);
	case DOC_ERR_ISDIR:
		return "is a directory";
	case DOC_ERR_BINARY:
		return "looks like a binary file (NUL bytes); --force opens it";
	case DOC_ERR_TOOBIG:
		return "is larger than the 64 MiB limit";
	}
	return "unknown error";
}
