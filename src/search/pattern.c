/*
 * Regular expressions for the full-text search, as less takes them:
 * PCRE2 in UTF mode (Unicode classes, Unicode case folding for smart
 * case), compiled once per search and matched against the folded text
 * of each run of lines.  A pattern's length and the work of each match
 * are capped, so a hostile pattern ends with an error instead of
 * backtracking for ever; matches are never empty, so a pattern that can
 * match nothing (x*) still moves on.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>
#include <utf8proc.h>

#include "quire/exit.h"
#include "quire/text.h"
#include "quire/util.h"
#include "search_priv.h"

#define MATCH_LIMIT 200000 /* backtracking steps per match attempt */
#define DEPTH_LIMIT 2000   /* nested backtracking points */
#define HEAP_LIMIT 16384   /* KiB of backtracking memory per match */

struct pattern {
	pcre2_general_context *gctx;
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
};

int
pattern_is_regex(const char *q)
{
	return strpbrk(q, "\\^$.[]|()?*+{}") != NULL;
}

int
pattern_has_upper(const char *q)
{
	size_t i, len = strlen(q);
	uint32_t cp;

	for (i = 0; i < len; i++) {
		if (q[i] != '\\') {
			if (q[i] >= 'A' && q[i] <= 'Z')
				return 1;
			if ((unsigned char)q[i] >= 0x80) {
				i += text_decode(q + i, len - i, &cp) - 1;
				if (utf8proc_isupper((utf8proc_int32_t)cp))
					return 1;
			}
			continue;
		}
		/* \S, \W, \D, \B, \Q, \E name no letter; nor \p{Lu} */
		if (++i < len && (q[i] == 'p' || q[i] == 'P') &&
		    i + 1 < len && q[i + 1] == '{') {
			while (i < len && q[i] != '}')
				i++;
		}
	}
	return 0;
}

/* PCRE2's allocations, through xmalloc(): they never fail. */
static void *
pat_alloc(PCRE2_SIZE size, void *data)
{
	(void)data;
	return xmalloc(size);
}

/* Free what pat_alloc() gave. */
static void
pat_release(void *ptr, void *data)
{
	(void)data;
	free(ptr);
}

/* Put PCRE2's message for error CODE at OFFSET of the pattern in ERR. */
static void
compile_error(int code, size_t offset, char *err, size_t errlen)
{
	PCRE2_UCHAR msg[160];

	if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
		snprintf((char *)msg, sizeof(msg), "error %d", code);
	snprintf(err, errlen, "bad pattern: %s (at character %zu)",
	    (char *)msg, offset + 1);
}

struct pattern *
pattern_new(const char *q, int caseless, char *err, size_t errlen)
{
	struct pattern *p;
	pcre2_general_context *gctx;
	pcre2_compile_context *cctx;
	pcre2_code *code;
	PCRE2_SIZE offset = 0;
	int e = 0;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C;

	if (strlen(q) > PATTERN_MAX) {
		snprintf(err, errlen, "bad pattern: longer than %d bytes",
		    PATTERN_MAX);
		return NULL;
	}
	if (caseless)
		opts |= PCRE2_CASELESS;
	gctx = pcre2_general_context_create(pat_alloc, pat_release, NULL);
	cctx = pcre2_compile_context_create(gctx);
	if (gctx == NULL || cctx == NULL)
		fatal(EXIT_NOMEM, "out of memory compiling a pattern");
	pcre2_set_max_pattern_length(cctx, PATTERN_MAX);
	code = pcre2_compile((PCRE2_SPTR)q, PCRE2_ZERO_TERMINATED, opts, &e,
	    &offset, cctx);
	pcre2_compile_context_free(cctx);
	if (code == NULL) {
		compile_error(e, offset, err, errlen);
		pcre2_general_context_free(gctx);
		return NULL;
	}
	p = xcalloc(1, sizeof(*p));
	p->gctx = gctx;
	p->code = code;
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* or interpret */
	p->md = pcre2_match_data_create_from_pattern(code, gctx);
	p->mctx = pcre2_match_context_create(gctx);
	if (p->md == NULL || p->mctx == NULL)
		fatal(EXIT_NOMEM, "out of memory compiling a pattern");
	pcre2_set_match_limit(p->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(p->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(p->mctx, HEAP_LIMIT);
	return p;
}

int
pattern_next(struct pattern *p, const char *s, size_t len, size_t from,
    size_t *x, size_t *y)
{
	PCRE2_SIZE *ov;
	int r;

	while (from <= len) {
		/* the haystack is valid UTF-8: fold.c decodes, encodes it */
		r = pcre2_match(p->code, (PCRE2_SPTR)s, len, from,
		    PCRE2_NOTEMPTY | PCRE2_NO_UTF_CHECK, p->md, p->mctx);
		if (r == PCRE2_ERROR_NOMATCH)
			return 0;
		if (r < 0) /* a limit: the match limit, depth or heap */
			return -1;
		ov = pcre2_get_ovector_pointer(p->md);
		*x = ov[0];
		*y = ov[1];
		if (*y > *x)
			return 1;
		/* \K can still end a match before its start: go on after */
		from = *x > *y ? *x : *y;
		if (from >= len)
			return 0;
		from++;
		while (from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
			from++;
	}
	return 0;
}

int
pattern_required(const struct pattern *p)
{
	static const uint32_t what[2][2] = {
		{ PCRE2_INFO_LASTCODETYPE, PCRE2_INFO_LASTCODEUNIT },
		{ PCRE2_INFO_FIRSTCODETYPE, PCRE2_INFO_FIRSTCODEUNIT },
	};
	uint32_t type, unit;
	int k;

	for (k = 0; k < 2; k++)
		if (pcre2_pattern_info(p->code, what[k][0], &type) == 0 &&
		    type == 1 && pcre2_pattern_info(p->code, what[k][1],
		    &unit) == 0 && unit > ' ' && unit < 0x7F)
			return (int)unit;
	return -1;
}

void
pattern_free(struct pattern *p)
{
	if (p == NULL)
		return;
	pcre2_match_context_free(p->mctx);
	pcre2_match_data_free(p->md);
	pcre2_code_free(p->code);
	pcre2_general_context_free(p->gctx);
	free(p);
}
