#!/usr/bin/env python3
"""The quick answers' display in a pseudo-terminal: comparison questions,
typos finding a section's sentence, nothing cut inside a word, the first
sentence of an answer without a short one, trimmed titles, "In short:"
without a quote bar, answers in the reading column, a document without
questions, Enter on a section (its words the search, n goes on), and g
then Backspace back to the answer.

usage: answers_test.py VTDRIVE QUIRE ARTICLE FIXTURES
"""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE, FIXTURES = sys.argv[1:5]


def drive(script, path=ARTICLE, size="80x24", env=()):
    return tap.drive(VTDRIVE, script, [QUIRE, "--no-state", path], size, env)


def flat(text):
    return re.sub(r"\s+", " ", text)


# "rust vs go" compares: the main difference comes first.
rc, s, out, err = drive("""
expect Difference
send arust vs go
expect-row 3 > What is the main difference between Rust and Go?
send <Esc><Esc>
send q
wait-exit 0
""")
ok(rc == 0, "rust vs go: the main difference first", err)

# A typo finds the article's sentence, highlighted, over its section.
rc, s, out, err = drive("""
expect Difference
send agorutines
expect in Concurrency models: goroutines vs asynchronous patterns
send <Down>
screen
send <Esc><Esc>
send q
wait-exit 0
""", env=["NO_COLOR="])
row = next((r for r in range(3, 8) if s and "goroutines" in s[0][r] and
            not s[0][r].strip().startswith("in ")), None) if rc == 0 else None
ok(row is not None, "gorutines: a sentence with goroutines", err)
if row is not None:
    col = s[0][row].index("goroutines")
    rc, s2, out, err = drive("""
expect Difference
send agorutines
expect in Concurrency models: goroutines vs asynchronous patterns
send <Down>
settle
attr-at %d %d bg=3
send <Esc><Esc>
send q
wait-exit 0
""" % (row, col + 2), env=["NO_COLOR="])
    ok(rc == 0, "the word found is highlighted", err)

# Nothing cut inside a word: every row that ends in an ellipsis ends at
# the end of a word of the article.
source = flat(open(ARTICLE, encoding="utf-8").read())
for cols in (60, 79):
    rc, s, out, err = drive("""
expect Difference
send a
expect Quick answers
screen
send <Esc>
send q
wait-exit 0
""", size="%dx30" % cols)
    bad = []
    for row in (s[0][3:-1] if rc == 0 else []):
        text = row.strip().lstrip("> ").rstrip()
        if not text.endswith("\u2026"):
            continue
        text = text[:-1].rstrip()
        at = source.find(text)
        if at < 0 or source[at + len(text):at + len(text) + 1].isalnum():
            bad.append(row)
    ok(rc == 0 and not bad, "%d columns: cut only after a word" % cols,
       err + "\n".join(bad))

# An FAQ without short answers: each question has its first sentence.
rc, s, out, err = drive("""
expect Inkwell
send a
expect Quick answers
screen
send <Esc>
send q
wait-exit 0
""", path=os.path.join(FIXTURES, "editor-notes.md"))
ok(rc == 0 and all(s[0][r].strip() for r in (4, 6, 8)) and
   s[0][4].strip().startswith("Give them all on the command line"),
   "no short answers: the answer's first sentence beneath", err)

# Raw-HTML questions: titles trimmed.
rc, s, out, err = drive("""
expect FAQ
send a
expect Quick answers
screen
send <Esc>
send q
wait-exit 0
""", path=os.path.join(FIXTURES, "sift-faq.md"))
ok(rc == 0 and s[0][3].rstrip() == "> Does sift support configuration files?",
   "an <h3> question's title is trimmed", err)

# The answer: "In short:" without a quote bar; g, then Backspace: back.
rc, s, out, err = drive("""
expect Difference
send alearn
expect-row 3 > Is Rust harder to learn than Go?
send <Enter>
expect In short:
screen
send g
expect-row 0 Is Rust harder to learn than Go?
send <BS>
expect In short:
expect-row 1 Is Rust harder to learn than Go?
send q
send <Esc><Esc>
send q
wait-exit 0
""")
short = [r for r in (s[0] if s else []) if "In short:" in r]
ok(rc == 0 and short and short[0].strip().startswith(
   "In short: Rust takes more time to learn"),
   "In short: the short answer after it, no quote bar; Backspace after g "
   "comes back to the answer", err)

# 200 columns: the answer keeps the reading column (100).
rc, s, out, err = drive("""
expect Difference
send alearn
expect-row 3 > Is Rust harder to learn than Go?
send <Enter>
expect In short:
screen
send q
send <Esc><Esc>
send q
wait-exit 0
""", size="200x24")
widest = max((len(r.rstrip()) for r in s[0][2:-1]), default=0) if s else 0
ok(rc == 0 and 60 < widest <= 102, "200 columns: answers 100 wide, not 200",
   err + " widest %d" % widest)

# A document without questions: `a` says so and searches its sections;
# Enter goes to the paragraph, its words the search, n goes on.
with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
    f.write("# Garden notes\n\nNotes on a small garden.\n\n"
            "## Soil\n\nCompost feeds the soil every spring.\n\n"
            "## Watering\n\nWater tomatoes in the morning; tomatoes "
            "split when watered unevenly.\n\nMulch keeps the soil "
            "moist.\n")
    plain = f.name
try:
    rc, s, out, err = drive("""
expect Garden notes
send a
expect has no questions
reject Nothing matches
screen
send tomato
expect in Watering
send <Enter>
expect match 1/2
send n
expect match 2/2
send q
wait-exit 0
""", path=plain)
finally:
    os.unlink(plain)
ok(rc == 0, "no questions: said before typing, sections searched, Enter "
   "goes there and n continues that search", err)

# A long answer: j stops when its end is at the bottom (it went on until
# one line was left), and a resize keeps the same text on top (it kept
# the line number, so a narrow screen scrolled far showed the end alone
# once wide).
with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
    f.write("# Handbook\n\n## FAQ\n\n### How long is the answer?\n\n" +
            "".join("Paragraph %02d of the answer, long enough to take two "
                    "lines at forty columns.\n\n" % i for i in range(1, 13)))
    long_doc = f.name
try:
    rc, s, out, err = drive("""
expect Handbook
send a
expect How long is the answer
send <Enter>
expect Paragraph 01
send """ + "j" * 60 + """
expect-row 10 Paragraph 12
send k
expect-row 9 Paragraph 11
send kkkkkk
expect-row 3 Paragraph 05
resize 40 12
expect-row 3 Paragraph 05
resize 80 12
expect-row 3 Paragraph 05
send q
send <Esc><Esc>
send q
wait-exit 0
""", path=long_doc, size="80x12")
finally:
    os.unlink(long_doc)
ok(rc == 0, "a long answer: j stops at its end, a resize keeps the text "
   "on top", err)

done()
