/*
 * UTF-8 text: decoding, cleaning and display width.
 *
 * Every string quire stores from a document passes through text_clean()
 * once, at load.  Clean text is valid UTF-8 with no C0 control (except
 * '\n' where TEXT_NEWLINES asks for it), no DEL and no C1 control: such
 * characters are shown in caret notation (ESC as "^[", DEL as "^?"), C1
 * controls and invalid bytes as U+FFFD.  Invisible format controls
 * (category Cf: bidirectional overrides and isolates, LRM, RLM, ALM,
 * U+200B, U+FEFF inside text ...) are written as their code, "<U+202E>",
 * so text never displays otherwise than it is stored; the joiners
 * U+200C/U+200D, the soft hyphen, prepended concatenation marks and a
 * flag's tag sequence stay as they are.  Widths come from utf8proc, made
 * to agree with wcwidth(), so layout does not depend on the locale.
 */
#ifndef QUIRE_TEXT_H
#define QUIRE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "quire/util.h"

#define TEXT_NEWLINES 0x01 /* keep '\n' (code blocks); else it is a space */
#define TEXT_TABS 0x02     /* expand tabs to the next multiple of 4 */
#define TEXT_TABSTOP 4

/*
 * Decode one code point from S (LEN > 0 bytes) into *CP; return the bytes
 * used (1 to 4).  Invalid, overlong or surrogate sequences give U+FFFD
 * and consume one byte.
 */
size_t text_decode(const char *s, size_t len, uint32_t *cp);

/* Whether text_clean shows CP, after PREV, by its code ("<U+202E>"): an
 * invisible format control (see above). */
int text_is_hidden(uint32_t cp, uint32_t prev);

/* Encode CP as UTF-8 into OUT; return the length (1 to 4). */
size_t text_encode(uint32_t cp, char out[4]);

/*
 * Append a clean copy of S to OUT.  *COL is the display column, used for
 * tab expansion and updated; it may be NULL without TEXT_TABS.
 */
void text_clean(struct buf *out, const char *s, size_t len, int flags,
    int *col);

/*
 * Display width of one code point: 0, 1 or 2 columns, as the C
 * library's wcwidth() gives it in a UTF-8 locale (but for controls,
 * which clean text does not hold, and code points newer than the C
 * library knows: see tests/test_width.c).
 */
int text_cp_width(uint32_t cp);

/*
 * The grapheme cluster (a character and the marks joined to it) at the
 * start of S, LEN > 0 bytes: return its bytes, its width in *WIDTH.
 */
size_t text_cluster(const char *s, size_t len, int *width);

/* Display width of clean text S. */
size_t text_width(const char *s, size_t len);

/* Whether CP is a space that may break a line. */
int text_is_space(uint32_t cp);

#endif
