/*
 * Syntax highlighting of code: a code block's language from its info
 * string (or a guess), and its lines as token kinds over byte ranges.
 * GNU Source-highlight does the work, in a module of C++ the binary
 * opens with dlopen() on the first run (src/highlight/highlight.cc,
 * loaded by hlload.c; hl_lang and hl_kind_name load nothing); it reads
 * its language definitions from /usr/share/source-highlight, so this is
 * I/O, kept out of the layout: the screen's cache (hlcache.h) asks it,
 * on the main thread only.
 * Nothing here writes escape sequences: callers map kinds to styles.
 */
#ifndef QUIRE_HIGHLIGHT_H
#define QUIRE_HIGHLIGHT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a token is; the style table has a row for each (UI_TOKEN + it). */
enum hl_kind {
	HL_NONE,
	HL_KEYWORD,
	HL_TYPE,
	HL_STRING,     /* strings, characters, regular expressions */
	HL_COMMENT,
	HL_NUMBER,     /* numbers, and literals like true and null */
	HL_PREPROC,    /* preprocessor lines, attributes, shebangs */
	HL_FUNCTION,
	HL_VARIABLE,
	HL_INSERTED,   /* a diff's added line */
	HL_DELETED,    /* a diff's removed line */
	HL_HUNK,       /* a diff's @@ line */
	HL_PROMPT,     /* a shell session's prompt ($ ) */
	HL_OUTPUT,     /* a shell session's output */
	HL__MAX
};

struct hl_token {
	uint32_t off, len;  /* bytes of the line (or block, see hlcache.h) */
	uint8_t kind;       /* HL_* */
};

/* Lines longer than this are not highlighted (they are left as code). */
#define HL_LINE_MAX 4096

struct highlighter;
struct hl_run;

/*
 * A highlighter reading language definitions from DATADIR (NULL:
 * Source-highlight's own).  Nothing is read, and the module is not
 * opened, until a run needs it.  Free with hl_free().
 */
struct highlighter *hl_new(const char *datadir);

/* Free a highlighter and the definitions it loaded; NULL does nothing. */
void hl_free(struct highlighter *h);

/*
 * The language of a code block: from INFO (its info string, LEN bytes:
 * the first word, "{.rust}" and "rust,ignore" read as "rust"), or, with
 * no info string, "console" when TEXT (TLEN bytes) starts with a "$ "
 * prompt.  Returns a static name quire knows ("rust", "console", ...),
 * or NULL.  Reads no file.
 */
const char *hl_lang(const char *info, size_t len, const char *text,
    size_t tlen);

/*
 * Start highlighting a block in LANG (hl_lang's answer, or a
 * Source-highlight language name).  NULL when the language is unknown
 * or its definition cannot be read, or the module cannot be opened
 * (the block stays plain; nothing is reported).  The run
 * keeps what is open at a line's end (a comment, a string) for the
 * next line.  Free with hl_run_free().
 */
struct hl_run *hl_run_new(struct highlighter *h, const char *lang);

/*
 * Highlight the next line of the block, LINE (LEN bytes, no '\n'): write
 * its tokens, in order and apart, into OUT (room for LEN of them: a
 * token is at least a byte), offsets from the line's start; return how
 * many.  Never throws; on any failure the line has no tokens.
 */
size_t hl_run_line(struct hl_run *r, const char *line, size_t len,
    struct hl_token *out);

/* Free a run; NULL does nothing. */
void hl_run_free(struct hl_run *r);

/* The name of token kind K ("keyword", ...), for tests and goldens. */
const char *hl_kind_name(enum hl_kind k);

#ifdef __cplusplus
}
#endif

#endif
