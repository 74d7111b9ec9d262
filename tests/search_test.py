#!/usr/bin/env python3
"""--faq and --search, as scripts use them: the best question first for
each reader's query, --limit, exit statuses, and grep-like full-text
search including inside the table and across wrapped lines, with
regular expressions as grep -E takes them.

usage: search_test.py QUIRE ARTICLE
"""
import re
import subprocess
import sys

from tap import done, ok

QUIRE, ARTICLE = sys.argv[1:3]


def run(*args):
    r = subprocess.run([QUIRE, *args], capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


FIRST = {
    "learn": "Is Rust harder to learn than Go?",
    "backend": "Which language is better for backend services?",
    "back": "Which language is better for backend services?",
    "C interop": "Do Rust and Go interoperate with C?",
    "cgo": "Do Rust and Go interoperate with C?",
    "faster runtime": "Is Go faster at runtime than Rust?",
    "tooling": "Which language has better tooling?",
    "is rust harder to learn?": "Is Rust harder to learn than Go?",
    "LEARNING": "Is Rust harder to learn than Go?",
}
for query, want in FIRST.items():
    rc, out, err = run("--faq", query, ARTICLE)
    ok(rc == 0 and out.split("\n")[0] == want,
       "--faq %r: %s first" % (query, want), out[:300])

rc, out, err = run("--faq", "concurency", ARTICLE)
ok(rc == 0 and out.strip() != "", "--faq 'concurency' (a typo) still "
   "matches", err)
rc, out, err = run("--faq", "zzzz", ARTICLE)
ok(rc == 1 and out == "" and "no question matches" in err,
   "--faq 'zzzz': nothing, exit 1", (rc, out, err))
rc, out, err = run("--faq", "learn", "--limit", "1", ARTICLE)
ok(rc == 0 and out.count("In short: ") == 1 and
   "In short: Rust takes more time to learn because of ownership and "
   "lifetimes." in out, "--limit 1: one answer, with its short answer",
   out)
rc, out, err = run("--faq", "", ARTICLE)
qs = [l for l in out.split("\n\n") if l.endswith("?")]
ok(rc == 0 and out.count("In short: ") == 6 and
   out.startswith("What is the main difference between Rust and Go?"),
   "an empty query lists every question in the article's order", out[:200])
rc, out, err = run("--faq", "x", "--limit", "-1", ARTICLE)
ok(rc == 2, "--limit -1: usage error")

rc, out, err = run("--search", "goroutine", ARTICLE)
lines = out.splitlines()
ok(rc == 0 and len(lines) == 5 and all(":" in l for l in lines),
   "--search goroutine: five lines", out)
ok(any(l.startswith("14 Comparison:") and "Goroutines with" in l
       for l in lines), "a match inside the table is found, with its section",
   out)
ok(lines[0].startswith("2 Design philosophies: safety, simplicity, and "
                       "pragmatism:") and lines[0].split(":")[2].strip()
   .isdigit() if lines else False, "SECTION:LINE: TEXT", out)
rc, out, err = run("--search", "Goroutine", ARTICLE)
ok(rc == 0 and len(out.splitlines()) == 1, "smart case: a capital makes the"
   " search case-sensitive", out)
rc, out, err = run("--search", "schedules thousands", "--width", "80",
                   ARTICLE)
ok(rc == 0 and len(out.splitlines()) == 2,
   "a match across a wrapped line break (both lines printed)", out)
rc, out, err = run("--search", "zzzz", ARTICLE)
ok(rc == 1 and out == "", "--search with no match: exit 1")
# Patterns, as grep -E takes them (^ and $: a paragraph's start and end,
# a code line's, a table cell's).
rc, out, err = run("--search", "^Rust", ARTICLE)
lines = out.splitlines()
ok(rc == 0 and len(lines) == 17 and
   all("│ Rust " in t or t.lstrip("•▌ ").startswith("Rust")
       for t in (re.split(r":\d+: ", l, maxsplit=1)[1] for l in lines)),
   "--search ^Rust: the 17 paragraphs, items, cells that start with Rust",
   out)
ok(lines and lines[0].startswith("Difference between Rust and Go:8: Rust "
                                 "and Go embody"), "the first one, line 8",
   out[:200])
rc, out, err = run("--search", "^go$", ARTICLE)
ok(rc == 0 and len(out.splitlines()) == 1 and out.startswith("14 Comparison:")
   and "│ Go " in out, "--search ^go$: the table's header cell", out)
rc, out, err = run("--search", "go.*rust", ARTICLE)
lines = out.splitlines()
ok(rc == 0 and lines[0].startswith("Difference between Rust and Go:8: ") and
   lines[1].startswith("Difference between Rust and Go:9: "),
   "--search go.*rust: across the wrapped lines of a paragraph", out[:300])
rc, out, err = run("--search", "\\bcargo\\b|crates\\.io", ARTICLE)
ok(rc == 0 and "Cargo, crates.io" in out and "primary build system" in out,
   "--search with \\b, alternation and an escaped dot", out)
rc, out, err = run("--search", "goroutine", ARTICLE)
rc2, out2, err2 = run("--search", "g[o]routine", ARTICLE)
ok(rc == rc2 == 0 and out == out2 and len(out.splitlines()) == 5,
   "g[o]routine finds what goroutine finds", out2)
for pat, why in (("a(", "missing closing parenthesis (at character 3)"),
                 ("[", "missing terminating ]"),
                 ("*go", "quantifier does not follow a repeatable item")):
    rc, out, err = run("--search", pat, ARTICLE)
    ok(rc == 2 and out == "" and
       err.startswith("quire: --search: bad pattern: ") and why in err,
       "--search %r: a usage error naming the problem" % pat, (rc, err))
rc, out, err = run("--search", "x*", ARTICLE)
ok(rc == 0 and out != "" and err == "", "--search x*: ends, with the x's",
   err)
rc, out, err = run("--search", "(" * 600 + ")" * 600, ARTICLE)
ok(rc == 2 and "bad pattern: longer than 1024 bytes" in err,
   "a pattern of 1200 bytes is refused", err)
rc, out, err = run("--search", "\x1b[2J", ARTICLE)
ok("\x1b" not in out + err, "a query with ESC is not echoed raw")

done()
