/*
 * The configuration file: "key = value" lines, '#' comments.  Keys:
 * theme (dark, light, mono), width (a number of columns, or "full"),
 * number-sections, chop-long-lines, mouse, state and highlight (yes/no),
 * hyperlinks (auto, always, never), side-index (auto, on, off).  A bad line is reported with
 * its number and skipped: a configuration never stops quire starting.
 * Only a regular file of up to 64 KiB is read; a line is a line however
 * long.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quire/cli.h"
#include "quire/layout.h"
#include "quire/smallfile.h"
#include "quire/text.h"
#include "quire/util.h"

#define CONFIG_MAX_SIZE (64 * 1024)

/* The configuration file's path (caller frees), or NULL. */
static char *
config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct buf b = { 0 };

	if (xdg != NULL && xdg[0] == '/')
		buf_printf(&b, "%s/quire/config", xdg);
	else if (home != NULL && home[0] == '/')
		buf_printf(&b, "%s/.config/quire/config", home);
	return b.data;
}

/* yes/no, true/false, on/off, 1/0: 1 or 0, or -1. */
static int
boolean(const char *v)
{
	static const char *yes[] = { "yes", "true", "on", "1" };
	static const char *no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return 1;
		if (strcasecmp(v, no[i]) == 0)
			return 0;
	}
	return -1;
}

/* Strip blanks at both ends, in place. */
static char *
strip(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Apply KEY = VALUE; return NULL, or what is wrong with it. */
static const char *
apply(struct options *o, const char *key, const char *val)
{
	int b;

	if (strcmp(key, "theme") == 0) {
		if (strcmp(val, "dark") == 0)
			o->theme = THEME_DARK;
		else if (strcmp(val, "light") == 0)
			o->theme = THEME_LIGHT;
		else if (strcmp(val, "mono") == 0)
			o->theme = THEME_MONO;
		else
			return "theme is dark, light or mono";
		return NULL;
	}
	if (strcmp(key, "width") == 0) {
		char *end;
		long w;

		if (strcmp(val, "full") == 0) {
			o->full = 1;
			return NULL;
		}
		w = strtol(val, &end, 10);
		if (*val == '\0' || *end != '\0' || w < 20 || w > LAYOUT_MAX_WIDTH)
			return "width is a number from 20 to 1000, or full";
		o->width = (int)w;
		o->full = 0;
		return NULL;
	}
	if (strcmp(key, "hyperlinks") == 0)
		return cli_hyperlinks(val, &o->hyperlinks) < 0 ?
		    "hyperlinks is auto, always or never" : NULL;
	if (strcmp(key, "side-index") == 0)
		return cli_side_index(val, &o->side_index) < 0 ?
		    "side-index is auto, on or off" : NULL;
	if ((b = boolean(val)) < 0)
		return strcmp(key, "number-sections") == 0 ||
		    strcmp(key, "chop-long-lines") == 0 ||
		    strcmp(key, "mouse") == 0 || strcmp(key, "state") == 0 ||
		    strcmp(key, "highlight") == 0 ?
		    "the value is yes or no" : "unknown key";
	if (strcmp(key, "number-sections") == 0)
		o->numbers = b;
	else if (strcmp(key, "chop-long-lines") == 0)
		o->chop = b;
	else if (strcmp(key, "mouse") == 0)
		o->mouse = b;
	else if (strcmp(key, "state") == 0)
		o->no_state = !b;
	else if (strcmp(key, "highlight") == 0)
		o->highlight = b;
	else
		return "unknown key";
	return NULL;
}

/* Report a bad line, its text cleaned. */
static void
warn(struct options *o, const char *path, size_t lineno, const char *line,
    const char *why)
{
	struct buf p = { 0 }, l = { 0 };

	text_clean(&p, path, strlen(path), 0, NULL);
	text_clean(&l, line, strlen(line), 0, NULL);
	cli_warn(o, "%s:%zu: %s: '%s'; ignored", p.data ? p.data : "",
	    lineno, why, l.data ? l.data : "");
	buf_free(&p);
	buf_free(&l);
}

/* Apply one line (its end cut off) of the file at PATH. */
static void
config_line(struct options *o, const char *path, size_t lineno, char *line)
{
	char *eq, *key, *val, *s;
	const char *why;

	s = strip(line);
	if (*s == '\0' || *s == '#')
		return;
	if ((eq = strchr(s, '=')) == NULL) {
		warn(o, path, lineno, s, "not 'key = value'");
		return;
	}
	*eq = '\0';
	key = strip(s);
	val = eq + 1;
	val[strcspn(val, "#")] = '\0'; /* a comment after the value */
	val = strip(val);
	if ((why = apply(o, key, val)) != NULL) {
		struct buf shown = { 0 };

		buf_printf(&shown, "%.200s = %.200s", key, val);
		warn(o, path, lineno, shown.data, why);
		buf_free(&shown);
	}
}

void
config_load(struct options *o)
{
	char *path = config_path(), *p, *nl;
	size_t lineno = 0;
	enum smallfile_error err;
	struct buf f;

	if (path == NULL)
		return;
	err = smallfile_read(path, CONFIG_MAX_SIZE, &f);
	if (err != SMALLFILE_OK) {
		if (err != SMALLFILE_OPEN || errno != ENOENT)
			cli_warn(o, "cannot read %s: %s; ignored", path,
			    smallfile_strerror(err, errno));
		buf_free(&f);
		free(path);
		return;
	}
	for (p = f.data; p != NULL && p < f.data + f.len; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(f.data + f.len - p))) == NULL)
			nl = f.data + f.len;
		*nl = '\0';
		p[strcspn(p, "\r")] = '\0';
		config_line(o, path, lineno, p);
	}
	buf_free(&f);
	free(path);
}
