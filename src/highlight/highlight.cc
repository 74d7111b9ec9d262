/*
 * Syntax highlighting by GNU Source-highlight: its language definitions
 * (loaded once per language and kept), its highlighter run line by line
 * over a block, and a formatter per element name that records token
 * kinds as byte ranges rather than writing any markup.  Shell sessions
 * ($ prompts), YAML and TOML, which Source-highlight has no definition
 * for, have small rules of their own here.  This file is the loadable
 * module quire-highlight (hlmodule.h): the binary opens it with dlopen()
 * only when a block is first highlighted (hlload.c), so starting quire
 * loads no C++.  No exception leaves this file: every entry point
 * catches all and answers "no highlighting".
 */
#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>

#include "config_hl.h"
#include "hlmodule.h"

namespace {

/* Where a run's formatters put the tokens of the line being highlighted. */
struct sink {
	std::vector<hl_token> toks;
};

/* Records each string of one element as a token of one kind. */
class kind_formatter : public srchilite::Formatter {
public:
	kind_formatter(sink *s, hl_kind k) : out(s), kind(k) {}
	void format(const std::string &s,
	    const srchilite::FormatterParams *p) override
	{
		if (kind == HL_NONE || s.empty() || p == nullptr || p->start < 0)
			return;
		out->toks.push_back(hl_token{ (uint32_t)p->start,
		    (uint32_t)s.size(), (uint8_t)kind });
	}

private:
	sink *out;
	hl_kind kind;
};

/* Source-highlight's element names and the kinds quire shows them as;
 * any other element (normal, symbol, cbracket, ...) is plain code. */
const struct {
	const char *elem;
	hl_kind kind;
} elems[] = {
	{ "keyword", HL_KEYWORD },
	{ "type", HL_TYPE },
	{ "usertype", HL_TYPE },
	{ "classname", HL_TYPE },
	{ "section", HL_TYPE },
	{ "string", HL_STRING },
	{ "regexp", HL_STRING },
	{ "specialchar", HL_STRING },
	{ "comment", HL_COMMENT },
	{ "todo", HL_COMMENT },
	{ "number", HL_NUMBER },
	{ "preproc", HL_PREPROC },
	{ "label", HL_PREPROC },
	{ "function", HL_FUNCTION },
	{ "predef_func", HL_FUNCTION },
	{ "variable", HL_VARIABLE },
	{ "predef_var", HL_VARIABLE },
	{ "newfile", HL_INSERTED },
	{ "oldfile", HL_DELETED },
	{ "difflines", HL_HUNK },
};

/* The definition file of each language; TypeScript reads as JavaScript,
 * the nearest Source-highlight has.  YAML and TOML, which it has no
 * definition for (its INI one, desktop.lang, takes a TOML inline table
 * for a key), have rules of their own below. */
const struct {
	const char *lang, *file;
} files[] = {
	{ "rust", "rust.lang" }, { "go", "go.lang" }, { "c", "c.lang" },
	{ "cpp", "cpp.lang" }, { "sh", "sh.lang" }, { "python", "python.lang" },
	{ "javascript", "javascript.lang" }, { "typescript", "javascript.lang" },
	{ "json", "json.lang" },
	{ "diff", "diff.lang" }, { "html", "html.lang" }, { "xml", "xml.lang" },
	{ "sql", "sql.lang" }, { "make", "makefile.lang" },
	{ "java", "java.lang" }, { "ruby", "ruby.lang" }, { "lua", "lua.lang" },
	{ "perl", "perl.lang" }, { "php", "php.lang" }, { "css", "css.lang" },
	{ "haskell", "haskell.lang" }, { "scala", "scala.lang" },
	{ "csharp", "csharp.lang" },
};

const char *
lang_file(const char *lang)
{
	for (const auto &f : files)
		if (std::strcmp(f.lang, lang) == 0)
			return f.file;
	return nullptr;
}

bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

} // namespace

struct engine {
	std::string dir;
	srchilite::RegexRuleFactory rules;
	srchilite::LangDefManager defs{ &rules };
	/* Each definition file, loaded once; a null one failed to load. */
	std::map<std::string, srchilite::HighlightStatePtr> states;
};

/* What a run highlights with: Source-highlight, or a rule of quire's. */
enum run_mode { RUN_SRCHILITE, RUN_CONSOLE, RUN_YAML, RUN_TOML };

struct engine_run {
	run_mode mode;
	sink out;
	std::unique_ptr<srchilite::FormatterManager> fm;
	std::unique_ptr<srchilite::SourceHighlighter> sh;
	srchilite::FormatterParams params;
	bool more;          /* console: the command goes on (a trailing \) */
};

/* LANG's definition, loaded on first use; null when it cannot be. */
static srchilite::HighlightStatePtr
state_of(engine *h, const char *file)
{
	auto it = h->states.find(file);

	if (it != h->states.end())
		return it->second;
	srchilite::HighlightStatePtr st;
	try {
		st = h->defs.getHighlightState(h->dir, file);
	} catch (...) {
		st.reset();
	}
	h->states[file] = st;
	return st;
}

/* Take R's highlighter back to its language's first state. */
static void
restart(engine_run *r)
{
	if (r->sh) {
		r->sh->clearStateStack();
		r->sh->setCurrentState(r->sh->getMainState());
	}
}

/* Set up R's Source-highlight highlighter for definition FILE. */
static bool
run_srchilite(engine *h, engine_run *r, const char *file)
{
	srchilite::HighlightStatePtr st = state_of(h, file);

	if (!st)
		return false;
	r->fm.reset(new srchilite::FormatterManager(srchilite::FormatterPtr(
	    new kind_formatter(&r->out, HL_NONE))));
	for (const auto &e : elems)
		r->fm->addFormatter(e.elem, srchilite::FormatterPtr(
		    new kind_formatter(&r->out, e.kind)));
	r->sh.reset(new srchilite::SourceHighlighter(st));
	r->sh->setFormatterManager(r->fm.get());
	r->sh->setOptimize(false);
	r->sh->setFormatterParams(&r->params);
	return true;
}

/* Source-highlight over LINE: its tokens into R's sink. */
static void
line_srchilite(engine_run *r, const std::string &line)
{
	r->params.start = 0;
	r->sh->highlightParagraph(line);
}

/*
 * A shell session line: "$ " (after blanks) starts a command, highlighted
 * as sh, which a trailing backslash continues; other lines are output.
 */
static void
line_console(engine_run *r, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && is_space(s[i]))
		i++;
	if (!r->more && !(i + 1 < len && s[i] == '$' && s[i + 1] == ' ') &&
	    !(i + 1 == len && s[i] == '$')) {
		if (len > i)
			r->out.toks.push_back(hl_token{ (uint32_t)i,
			    (uint32_t)(len - i), HL_OUTPUT });
		return;
	}
	if (!r->more) {
		r->out.toks.push_back(hl_token{ (uint32_t)i, 1, HL_PROMPT });
		i += 1;
		restart(r);
	}
	size_t first = r->out.toks.size();
	line_srchilite(r, std::string(s + i, len - i));
	for (size_t k = first; k < r->out.toks.size(); k++)
		r->out.toks[k].off += (uint32_t)i;
	r->more = len > 0 && s[len - 1] == '\\';
}

/* Push a token of LINE from A to B of kind K (nothing when empty). */
static void
put(engine_run *r, size_t a, size_t b, hl_kind k)
{
	if (b > a)
		r->out.toks.push_back(hl_token{ (uint32_t)a,
		    (uint32_t)(b - a), (uint8_t)k });
}

/* Whether S (LEN) is a YAML scalar quire shows as a literal. */
static bool
yaml_literal(const char *s, size_t len)
{
	static const char *const words[] = { "true", "false", "null", "yes",
		"no", "on", "off", "~" };
	size_t i = 0;

	for (const char *w : words)
		if (std::strlen(w) == len && std::strncmp(s, w, len) == 0)
			return true;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	if (i == len)
		return false;
	for (; i < len; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '.' && s[i] != '_')
			return false;
	return true;
}

/*
 * A YAML line, by a small rule: a comment from a # at the start or after
 * a blank, a document marker (---, ...), a key before ": " (after any
 * "- "), and a value that is quoted (a string), a number or a literal.
 */
static void
line_yaml(engine_run *r, const char *s, size_t len)
{
	size_t i = 0, end = len, k;

	for (k = 0; k < len; k++) {
		if (s[k] == '#' && (k == 0 || is_space(s[k - 1]))) {
			put(r, k, len, HL_COMMENT);
			end = k;
			break;
		}
		if (s[k] == '"' || s[k] == '\'') { /* skip a quoted part */
			char q = s[k];

			for (k++; k < len && s[k] != q; k++)
				;
		}
	}
	if ((end == 3 || (end > 3 && is_space(s[3]))) &&
	    (std::strncmp(s, "---", 3) == 0 || std::strncmp(s, "...", 3) == 0)) {
		put(r, 0, 3, HL_PREPROC);
		return;
	}
	while (i < end && is_space(s[i]))
		i++;
	while (i + 1 < end && s[i] == '-' && is_space(s[i + 1]))
		for (i += 2; i < end && is_space(s[i]); i++)
			;
	for (k = i; k < end && s[k] != '"' && s[k] != '\''; k++)
		if (s[k] == ':' && (k + 1 == end || is_space(s[k + 1]))) {
			put(r, i, k, HL_TYPE);
			for (i = k + 1; i < end && is_space(s[i]); i++)
				;
			break;
		}
	size_t v = end;
	while (v > i && is_space(s[v - 1]))
		v--;
	if (v > i && (s[i] == '"' || s[i] == '\''))
		put(r, i, v, HL_STRING);
	else if (v > i && yaml_literal(s + i, v - i))
		put(r, i, v, HL_NUMBER);
}

/* The end of LINE's content before a # comment (outside quotes) at or
 * after FROM; the comment, if any, as a token of R. */
static size_t
hash_comment(engine_run *r, const char *s, size_t len, size_t from)
{
	for (size_t k = from; k < len; k++) {
		if (s[k] == '#') {
			put(r, k, len, HL_COMMENT);
			return k;
		}
		if (s[k] == '"' || s[k] == '\'') {
			char q = s[k];

			for (k++; k < len && s[k] != q; k++)
				if (s[k] == '\\' && q == '"')
					k++;
		}
	}
	return len;
}

/* The quoted strings of S from A to B as tokens of R; bare numbers and
 * true or false between them as literals. */
static void
toml_values(engine_run *r, const char *s, size_t a, size_t b)
{
	size_t k = a, w;

	while (k < b) {
		if (s[k] == '"' || s[k] == '\'') {
			char q = s[k];

			for (w = k + 1; w < b && s[w] != q; w++)
				if (s[w] == '\\' && q == '"')
					w++;
			w = w < b ? w + 1 : b;
			put(r, k, w, HL_STRING);
			k = w;
			continue;
		}
		for (w = k; w < b && !std::strchr(" \t,[]{}=\"'", s[w]); w++)
			;
		if (w > k) {
			if (yaml_literal(s + k, w - k))
				put(r, k, w, HL_NUMBER);
			k = w;
		} else
			k++;
	}
}

/*
 * A TOML line, by a small rule: a [table] header, a key before "=",
 * quoted strings, numbers and booleans, and # comments.
 */
static void
line_toml(engine_run *r, const char *s, size_t len)
{
	size_t i = 0, end = hash_comment(r, s, len, 0), k;

	while (i < end && is_space(s[i]))
		i++;
	if (i < end && s[i] == '[') {
		for (k = end; k > i && is_space(s[k - 1]); k--)
			;
		put(r, i, k, HL_TYPE);
		return;
	}
	for (k = i; k < end && s[k] != '=' && s[k] != '"'; k++)
		;
	if (k < end && s[k] == '=') {
		size_t e = k;

		while (e > i && is_space(s[e - 1]))
			e--;
		put(r, i, e, HL_TYPE);
		i = k + 1;
	}
	toml_values(r, s, i, end);
}

/* Sort R's tokens by offset, drop any that overlap one before, clip them
 * to LEN bytes, join neighbours of one kind, and copy them to OUT. */
static size_t
settle(engine_run *r, size_t len, hl_token *out)
{
	std::vector<hl_token> &t = r->out.toks;
	size_t n = 0;
	uint32_t end = 0;

	std::stable_sort(t.begin(), t.end(),
	    [](const hl_token &a, const hl_token &b) { return a.off < b.off; });
	for (const hl_token &k : t) {
		if (k.off < end || k.off >= len || k.len == 0)
			continue;
		if (n > 0 && k.off == end && k.kind == out[n - 1].kind) {
			out[n - 1].len += k.len;
			n--;
		} else
			out[n] = k;
		if (out[n].off + out[n].len > len)
			out[n].len = (uint32_t)(len - out[n].off);
		end = out[n].off + out[n].len;
		n++;
	}
	return n;
}

/* A highlighter reading definitions from DATADIR (NULL: the default). */
static void *
engine_new(const char *datadir)
{
	try {
		engine *h = new engine;

		h->dir = datadir != nullptr ? datadir : QUIRE_SRCHILITE_DATADIR;
		return h;
	} catch (...) {
		return nullptr;
	}
}

/* Free a highlighter and the definitions it loaded. */
static void
engine_free(void *h)
{
	try {
		delete static_cast<engine *>(h);
	} catch (...) {
	}
}

/* Free a run; NULL does nothing. */
static void
engine_run_free(void *r)
{
	try {
		delete static_cast<engine_run *>(r);
	} catch (...) {
	}
}

/* A run over a block in LANG, or NULL (see hl_run_new). */
static void *
engine_run_new(void *hv, const char *lang)
{
	engine *h = static_cast<engine *>(hv);
	engine_run *r = nullptr;

	if (h == nullptr || lang == nullptr)
		return nullptr;
	try {
		r = new engine_run;
		r->more = false;
		if (std::strcmp(lang, "yaml") == 0 ||
		    std::strcmp(lang, "toml") == 0) {
			r->mode = lang[0] == 'y' ? RUN_YAML : RUN_TOML;
			return r;
		}
		r->mode = std::strcmp(lang, "console") == 0 ? RUN_CONSOLE :
		    RUN_SRCHILITE;
		const char *file = lang_file(r->mode == RUN_CONSOLE ? "sh" : lang);
		if (file != nullptr && run_srchilite(h, r, file))
			return r;
	} catch (...) {
	}
	engine_run_free(r);
	return nullptr;
}

/* The tokens of the run's next line (see hl_run_line). */
static size_t
engine_run_line(void *rv, const char *line, size_t len, hl_token *out)
{
	engine_run *r = static_cast<engine_run *>(rv);

	if (r == nullptr || len == 0)
		return 0;
	try {
		r->out.toks.clear();
		if (len > HL_LINE_MAX) {
			restart(r); /* start afresh after it */
			return 0;
		}
		switch (r->mode) {
		case RUN_SRCHILITE:
			line_srchilite(r, std::string(line, len));
			break;
		case RUN_CONSOLE:
			line_console(r, line, len);
			break;
		case RUN_YAML:
			line_yaml(r, line, len);
			break;
		case RUN_TOML:
			line_toml(r, line, len);
			break;
		}
		return settle(r, len, out);
	} catch (...) {
		try {
			restart(r);
		} catch (...) {
		}
		return 0;
	}
}

extern "C" {

/* The one symbol the module exports. */
__attribute__((visibility("default")))
extern const struct hl_module HL_MODULE_SYMBOL;

const struct hl_module HL_MODULE_SYMBOL = {
	HL_MODULE_ABI,
	engine_new,
	engine_free,
	engine_run_new,
	engine_run_line,
	engine_run_free,
};

} // extern "C"
