/*
 * Syntax highlighting through its C header: each language quire names
 * against a golden of token kinds (tests/highlight/LANG.txt ->
 * LANG.tokens; QUIRE_UPDATE_GOLDEN=1 rewrites them), info strings and
 * the shell-session guess, hostile lines (cleaned bad UTF-8, huge lines,
 * unknown languages, a missing data directory), the document cache, and
 * the module: not opened before a block is highlighted, and a missing
 * one leaving every block plain.
 *
 * usage: test_highlight DIR
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "quire/highlight.h"
#include "quire/hlcache.h"
#include "quire/text.h"

static const char *const golden_langs[] = {
	"rust", "go", "c", "cpp", "sh", "console", "python", "javascript",
	"typescript", "json", "toml", "yaml", "diff", "html", "sql", "make",
};

/* Whether TOKS (N) over a line of LEN bytes are in order, apart, inside
 * it and of known kinds. */
static int
well_formed(const struct hl_token *t, size_t n, size_t len)
{
	uint32_t end = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i].off < end || t[i].len == 0 || t[i].off + t[i].len > len ||
		    t[i].kind == HL_NONE || t[i].kind >= HL__MAX)
			return 0;
		end = t[i].off + t[i].len;
	}
	return 1;
}

/* The tokens of TEXT highlighted as LANG by H, a line "> source" then
 * "  kind text" for each token, appended to OUT; 0 if a line's tokens
 * are not well formed. */
static int
dump_tokens(struct highlighter *h, const char *lang, const char *text,
    struct buf *out)
{
	struct hl_run *r = hl_run_new(h, lang);
	const char *s = text, *nl;
	struct hl_token *t;
	size_t len, n, i;
	int good = r != NULL;

	while (r != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		t = xcalloc(len + 1, sizeof(*t));
		n = hl_run_line(r, s, len, t);
		good &= well_formed(t, n, len);
		buf_puts(out, "> ");
		buf_put(out, s, len);
		buf_putc(out, '\n');
		for (i = 0; i < n; i++) {
			buf_puts(out, "  ");
			buf_puts(out, hl_kind_name((enum hl_kind)t[i].kind));
			buf_putc(out, ' ');
			buf_put(out, s + t[i].off, t[i].len);
			buf_putc(out, '\n');
		}
		free(t);
		s += len + (nl != NULL);
	}
	hl_run_free(r);
	return good;
}

/* Whether OUT (N tokens dumped) holds a token of kind K. */
static int
has_kind(const struct buf *out, enum hl_kind k)
{
	char pat[32];

	snprintf(pat, sizeof(pat), "\n  %s ", hl_kind_name(k));
	return out->data != NULL && strstr(out->data, pat) != NULL;
}

/* Each language's sample against its golden. */
static void
test_goldens(struct highlighter *h, const char *dir)
{
	int update = getenv("QUIRE_UPDATE_GOLDEN") != NULL &&
	    strcmp(getenv("QUIRE_UPDATE_GOLDEN"), "") != 0 &&
	    strcmp(getenv("QUIRE_UPDATE_GOLDEN"), "0") != 0;
	char path[4096];
	size_t i;

	for (i = 0; i < NELEM(golden_langs); i++) {
		const char *word = golden_langs[i];
		const char *lang = hl_lang(word, strlen(word), "", 0);
		struct buf out = { 0 };
		char *src, *want;
		int good;

		OK(lang != NULL, "%s: an info string quire knows", word);
		snprintf(path, sizeof(path), "%s/%s.txt", dir, word);
		src = t_slurp(path, NULL);
		OK(src != NULL, "%s: the sample %s reads", word, path);
		if (src == NULL || lang == NULL) {
			free(src);
			continue;
		}
		good = dump_tokens(h, lang, src, &out);
		OK(good, "%s: tokens in order, apart, inside their lines", word);
		OK(has_kind(&out, HL_KEYWORD) || has_kind(&out, HL_TYPE) ||
		    has_kind(&out, HL_INSERTED) || has_kind(&out, HL_PROMPT),
		    "%s: keywords, keys, prompts or changed lines found", word);
		OK(has_kind(&out, HL_COMMENT) || has_kind(&out, HL_STRING) ||
		    has_kind(&out, HL_NUMBER) || has_kind(&out, HL_DELETED) ||
		    has_kind(&out, HL_OUTPUT),
		    "%s: comments, strings, numbers or output found", word);
		snprintf(path, sizeof(path), "%s/%s.tokens", dir, word);
		if (update) {
			FILE *f = fopen(path, "w");

			if (f != NULL) {
				fwrite(out.data, 1, out.len, f);
				fclose(f);
			}
		}
		want = t_slurp(path, NULL);
		OK(want != NULL && out.data != NULL &&
		    strcmp(want, out.data) == 0,
		    "%s: tokens as in %s.tokens", word, word);
		free(want);
		free(src);
		buf_free(&out);
	}
}

/* Info strings and the guess for sessions. */
static void
test_lang(void)
{
	static const struct {
		const char *info, *text, *want;
	} c[] = {
		{ "rust", "", "rust" },
		{ "rust,ignore", "", "rust" },
		{ "rust,no_run,edition2021", "", "rust" },
		{ "{.python}", "", "python" },
		{ "Python title=\"a.py\"", "", "python" },
		{ "JSON", "", "json" },
		{ "ts", "", "typescript" },
		{ "shell-session", "", "console" },
		{ "yml", "", "yaml" },
		{ "Makefile", "", "make" },
		{ "brainfuck", "", NULL },
		{ "text", "$ ls", NULL },
		{ "", "$ cargo build\n   Compiling x\n", "console" },
		{ "", "\n  $ ls -l\n", "console" },
		{ "", "ls -l\n", NULL },
		{ "", "$HOME/bin\n", NULL },
		{ "", "", NULL },
	};
	size_t i;

	for (i = 0; i < NELEM(c); i++) {
		const char *got = hl_lang(c[i].info, strlen(c[i].info), c[i].text,
		    strlen(c[i].text));

		OK((got == NULL && c[i].want == NULL) ||
		    (got != NULL && c[i].want != NULL &&
		    strcmp(got, c[i].want) == 0),
		    "info \"%s\" over \"%.8s\": %s", c[i].info, c[i].text,
		    c[i].want ? c[i].want : "none");
	}
}

/* Lines no highlighter should trip on. */
static void
test_hostile(struct highlighter *h)
{
	static const char bad[] = "let s = \"\xff\xfe\xc0\x80 caf\xc3\xa9\"; // \xed\xa0\x80";
	struct hl_token t[HL_LINE_MAX + 8];
	struct hl_run *r;
	struct buf clean = { 0 };
	char *huge;
	size_t n, i;
	int found;

	OK(hl_run_new(h, "no-such-language") == NULL,
	    "an unknown language has no run");
	OK(hl_run_new(NULL, "rust") == NULL, "no highlighter, no run");
	OK(hl_run_new(h, NULL) == NULL, "no language, no run");
	OK(hl_run_line(NULL, "fn", 2, t) == 0, "no run, no tokens");

	text_clean(&clean, bad, sizeof(bad) - 1, 0, NULL);
	r = hl_run_new(h, "rust");
	OK(r != NULL, "rust has a run");
	n = hl_run_line(r, clean.data, clean.len, t);
	OK(n > 0 && well_formed(t, n, clean.len),
	    "cleaned bad UTF-8: %zu tokens, in order and inside the line", n);
	for (found = 0, i = 0; i < n; i++)
		found |= t[i].kind == HL_KEYWORD && t[i].len == 3 &&
		    memcmp(clean.data + t[i].off, "let", 3) == 0;
	OK(found, "its keyword is found");

	huge = xmalloc(HL_LINE_MAX * 4);
	for (i = 0; i + 4 <= HL_LINE_MAX * 4; i += 4)
		memcpy(huge + i, "\"/*'", 4);
	OK(hl_run_line(r, huge, HL_LINE_MAX * 4, t) == 0,
	    "a line past HL_LINE_MAX has no tokens");
	n = hl_run_line(r, "fn main() {}", 12, t);
	OK(n > 0 && t[0].kind == HL_KEYWORD && t[0].off == 0 && t[0].len == 2,
	    "the line after it is highlighted afresh");
	for (i = 0; i < HL_LINE_MAX; i++)
		huge[i] = "([{\"'\\/*"[i % 8];
	n = hl_run_line(r, huge, HL_LINE_MAX, t);
	OK(well_formed(t, n, HL_LINE_MAX), "a line of HL_LINE_MAX brackets, "
	    "quotes and escapes: %zu tokens, well formed", n);
	hl_run_free(r);
	free(huge);
	buf_free(&clean);

	{
		struct highlighter *none = hl_new("/nonexistent/quire-test");
		struct hl_run *y;

		OK(none != NULL && hl_run_new(none, "rust") == NULL,
		    "a data directory that is not there: no run, no throw");
		y = hl_run_new(none, "yaml");
		OK(y != NULL, "yaml needs no data directory");
		hl_run_free(y);
		hl_free(none);
	}
}

/* The document cache: a Rust block's keyword in document offsets, a
 * block with no language and a paragraph not highlighted. */
static void
test_cache(struct highlighter *h)
{
	static const char md[] = "# T\n\nSome text.\n\n```rust,ignore\n"
	    "fn main() {\n    let x = 1; // one\n}\n```\n\n```\nplain\n```\n";
	struct doc *d = doc_load_buffer(md, sizeof(md) - 1);
	struct hlcache *c = hlcache_new(h, d);
	const struct hl_token *t;
	uint32_t b, code = DOC_NONE, plain = DOC_NONE, off, len;
	size_t n, k;
	int found = 0;

	for (b = 0; b < d->nblocks; b++)
		if (block_kind(&d->blocks[b]) == BLOCK_CODE)
			*(code == DOC_NONE ? &code : &plain) = b;
	OK(code != DOC_NONE && plain != DOC_NONE, "two code blocks");
	if (code == DOC_NONE || plain == DOC_NONE)
		goto out;
	doc_block_text(d, code, &off, &len);
	t = hlcache_tokens(c, code, off, off + 2, &n);
	OK(t != NULL && n > 0, "the rust block has tokens (%zu)", n);
	for (k = 0; t != NULL && k < n; k++)
		found |= t[k].kind == HL_COMMENT &&
		    memcmp(d->text + t[k].off, "// one", 6) == 0;
	OK(found, "its comment, in document offsets");
	k = t != NULL ? hlcache_find(t, n, off) : 1;
	OK(t != NULL && k == 0 && t[0].off == off && t[0].kind == HL_KEYWORD,
	    "hlcache_find: the keyword at the block's start");
	OK(t != NULL && hlcache_find(t, n, off + len) == n,
	    "hlcache_find: none past the block");
	OK(hlcache_tokens(c, plain, 0, UINT32_MAX, &n) == NULL && n == 0,
	    "a block with no info string is plain");
	OK(hlcache_tokens(c, 0, 0, UINT32_MAX, &n) == NULL && n == 0,
	    "a heading is not highlighted");
	OK(hlcache_tokens(c, d->nblocks, 0, 0, &n) == NULL,
	    "a block past the end is not highlighted");
out:
	hlcache_free(c);
	doc_free(d);
}

/*
 * A long block asked for in pieces, out of order (a jump to its end,
 * back up, the middle): the tokens stay in order and apart, match what
 * one reading from the top gives (the code has nothing open across
 * lines), and a jump to the end highlights only around it.
 */
static void
test_ranges(struct highlighter *h)
{
	static const char line[] = "    int n = f(x, \"s\") + 42; /* c */\n";
	static const uint32_t at[] = { 900000, 20000, 899000, 450000, 0,
		901500, 5000, 300 };
	struct buf md = { 0 };
	struct hlcache *c;
	struct doc *d;
	const struct hl_token *t;
	struct hl_token *whole;
	uint32_t off, len, i, k;
	size_t n, nw = 0, per = 0, lines;
	int same = 1, bounded;

	buf_puts(&md, "# Long\n\n```c\n");
	for (lines = 0; md.len < 1000000; lines++)
		buf_puts(&md, line);
	buf_puts(&md, "```\n");
	d = doc_load_buffer(md.data, md.len);
	doc_block_text(d, 1, &off, &len);
	c = hlcache_new(h, d);
	{ /* one line's tokens, to know a reading from the top */
		struct hl_run *r = hl_run_new(h, "c");
		struct hl_token lt[64];

		per = hl_run_line(r, line, sizeof(line) - 2, lt);
		whole = xcalloc(per * lines + 1, sizeof(*whole));
		for (i = 0; i < lines; i++)
			for (k = 0; k < per; k++) {
				whole[nw] = lt[k];
				whole[nw++].off += off + i * (uint32_t)(sizeof(line) - 1);
			}
		hl_run_free(r);
	}
	t = hlcache_tokens(c, 1, off + 900000, off + 900080, &n);
	bounded = t != NULL && n < per * 200;
	OK(bounded, "a jump 900 KB into a block highlights around it: %zu "
	    "tokens, not the %zu before", n, nw);
	for (i = 1; i < NELEM(at); i++)
		t = hlcache_tokens(c, 1, off + at[i], off + at[i] + 80, &n);
	OK(t != NULL && well_formed(t, n, off + len) && n > 0,
	    "after jumps about: %zu tokens in order and apart", n);
	for (k = 0; t != NULL && k < n && same; k++) {
		size_t w = hlcache_find(whole, nw, t[k].off);

		same = w < nw && whole[w].off == t[k].off &&
		    whole[w].len == t[k].len && whole[w].kind == t[k].kind;
	}
	OK(t != NULL && same, "each is the token a reading from the top finds");
	t = hlcache_tokens(c, 1, off, off + len, &n);
	for (same = t != NULL && n == nw, k = 0; same && k < n; k++)
		same = t[k].off == whole[k].off && t[k].len == whole[k].len &&
		    t[k].kind == whole[k].kind;
	OK(same, "the whole block asked for: every token, as from the top");
	free(whole);
	hlcache_free(c);
	doc_free(d);
	buf_free(&md);
}

/* Whether the highlighting module is mapped into this process. */
static int
module_mapped(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[4096];
	int found = 0;

	if (f == NULL)
		return -1;
	while (!found && fgets(line, sizeof(line), f) != NULL)
		found = strstr(line, "/quire-highlight.so") != NULL;
	fclose(f);
	return found;
}

/* A module that is not there: no run in any language, hl_lang as ever. */
static void
test_no_module(void)
{
	struct highlighter *h;
	const char *langs[] = { "rust", "yaml", "console" };
	size_t i;
	int none = 1;

	setenv("QUIRE_LIBDIR", "/nonexistent/quire-test", 1);
	h = hl_new(NULL);
	OK(h != NULL, "no module: a highlighter still");
	for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++)
		none &= hl_run_new(h, langs[i]) == NULL;
	OK(none, "no module: no run, rust, yaml or console (blocks plain)");
	OK(hl_run_new(h, "rust") == NULL, "no module: asked again, still none");
	OK(hl_run_line(NULL, "fn x", 4, NULL) == 0, "a NULL run has no tokens");
	OK(strcmp(hl_lang("rust", 4, "", 0), "rust") == 0,
	    "no module: a block's language is still known");
	hl_free(h);
	unsetenv("QUIRE_LIBDIR");
}

int
main(int argc, char **argv)
{
	struct highlighter *h = hl_new(NULL);

	if (argc < 2) {
		fprintf(stderr, "usage: test_highlight DIR\n");
		return 2;
	}
	OK(h != NULL, "a highlighter");
	test_lang();
	OK(module_mapped() == 0, "hl_new and hl_lang do not open the module");
	test_no_module();
	OK(module_mapped() == 0, "a missing module leaves nothing mapped");
	test_goldens(h, argv[1]);
	OK(module_mapped() == 1, "the first run opens the build tree's module");
	test_hostile(h);
	test_cache(h);
	test_ranges(h);
	hl_free(h);
	return t_done();
}
