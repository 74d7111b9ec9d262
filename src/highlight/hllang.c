/*
 * The language of a code block from its info string (or a guess from
 * its text), and the names of token kinds: the part of highlight.h that
 * needs no highlighter, so deciding that a block is plain loads nothing.
 */
#include <string.h>

#include "quire/highlight.h"

/* Info-string words and the language each names. */
static const struct {
	const char *word;
	const char *lang;
} langs[] = {
	{ "rust", "rust" }, { "rs", "rust" },
	{ "go", "go" }, { "golang", "go" },
	{ "c", "c" }, { "h", "c" },
	{ "cpp", "cpp" }, { "c++", "cpp" }, { "cxx", "cpp" }, { "cc", "cpp" },
	{ "hpp", "cpp" },
	{ "sh", "sh" }, { "bash", "sh" }, { "shell", "sh" }, { "zsh", "sh" },
	{ "ksh", "sh" },
	{ "console", "console" }, { "shell-session", "console" },
	{ "sh-session", "console" }, { "terminal", "console" },
	{ "python", "python" }, { "py", "python" }, { "python3", "python" },
	{ "javascript", "javascript" }, { "js", "javascript" },
	{ "jsx", "javascript" }, { "mjs", "javascript" },
	{ "typescript", "typescript" }, { "ts", "typescript" },
	{ "tsx", "typescript" },
	{ "json", "json" }, { "jsonc", "json" },
	{ "toml", "toml" }, { "ini", "toml" },
	{ "yaml", "yaml" }, { "yml", "yaml" },
	{ "diff", "diff" }, { "patch", "diff" },
	{ "html", "html" }, { "xml", "xml" },
	{ "sql", "sql" },
	{ "make", "make" }, { "makefile", "make" }, { "mk", "make" },
	{ "java", "java" }, { "ruby", "ruby" }, { "rb", "ruby" },
	{ "lua", "lua" }, { "perl", "perl" }, { "php", "php" },
	{ "css", "css" }, { "haskell", "haskell" }, { "scala", "scala" },
	{ "csharp", "csharp" }, { "cs", "csharp" },
};

/* Whether C is a blank inside a line. */
static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

const char *
hl_lang(const char *info, size_t len, const char *text, size_t tlen)
{
	char word[32];
	size_t i = 0, n = 0, k;

	while (i < len && (is_space(info[i]) || info[i] == '{' ||
	    info[i] == '.'))
		i++;
	for (; i < len && n + 1 < sizeof(word); i++) {
		char c = info[i];

		if (is_space(c) || c == ',' || c == '}' || c == '{' || c == '\n')
			break;
		word[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	word[n] = '\0';
	if (n > 0) {
		for (k = 0; k < sizeof(langs) / sizeof(langs[0]); k++)
			if (strcmp(langs[k].word, word) == 0)
				return langs[k].lang;
		return NULL;
	}
	/* no info string: a shell session when it starts with a prompt */
	for (i = 0; i < tlen && (is_space(text[i]) || text[i] == '\n'); i++)
		;
	if (i + 1 < tlen && text[i] == '$' && text[i + 1] == ' ')
		return "console";
	return NULL;
}

const char *
hl_kind_name(enum hl_kind k)
{
	static const char *const names[HL__MAX] = {
		"none", "keyword", "type", "string", "comment", "number",
		"preproc", "function", "variable", "inserted", "deleted",
		"hunk", "prompt", "output",
	};

	return (unsigned)k < HL__MAX ? names[k] : "?";
}
