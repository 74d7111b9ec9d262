#!/usr/bin/env python3
"""Check that quire renders every sentence of a plain-text seed.

Usage: seed_coverage.py QUIRE_BINARY SEED_TXT MARKDOWN_FILE

Runs `QUIRE_BINARY --dump --width 1000 MARKDOWN_FILE` and checks that
every sentence of SEED_TXT appears in the plain-text dump.  Output is TAP;
the exit status is 0 when everything is found, 1 otherwise (including
when the dump command fails), 2 on a usage error.

How the check works:

* Each non-empty seed line is split into sentences at '. ', '? ' or '! '
  followed by a capital letter (but not after "e.g." or "i.e.").  A
  leading list marker ("- ", "* ", "• ") is dropped first, since quire
  draws its own bullet.
* Seed lines starting with '|' are table rows: the |---| separator row is
  skipped and each cell is checked on its own.
* The dump is joined into one line and normalised: table border
  characters are removed (box drawing, runs of 3+ '-' or '=', tokens made
  only of | + - = :, and '|' stuck to the ends of a word) and whitespace
  runs collapse to one space.  The seed sentence is normalised the same
  way (for ordinary prose that only collapses whitespace; "C/C++" and the
  like are left alone).
* A sentence must then be an exact substring of the normalised dump.  At
  width 1000 no paragraph wraps, so this is a word-for-word check.
* A table cell may be wrapped inside its column, interleaved with its
  neighbours' text, so for a cell it is enough that its words appear, in
  order, among the words of a table region of the dump (a run of
  consecutive lines with borders that includes a rule line).  When the
  dump has no recognisable table region, the whole dump is searched.
"""

import re
import subprocess
import sys

from tap import done, ok

WIDTH = 1000
TIMEOUT = 60  # seconds for the dump command

# Box-drawing characters quire (or another renderer) may draw.
BOX_CHARS = "│┃─━┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋═║╔╗╚╝╠╣╦╩╬╭╮╯╰╞╡╪╤╧"
BOX_RE = re.compile("[" + BOX_CHARS + "]")
RULE_RUN_RE = re.compile(r"-{3,}|={3,}")
BORDER_TOKEN_RE = re.compile(r"^[|+\-=:]+$")
LIST_MARKER_RE = re.compile(r"^\s*(?:[-*•]\s+)")
SEPARATOR_ROW_RE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
# Candidate sentence ends: . ? ! then whitespace then a capital letter.
SENTENCE_END_RE = re.compile(r"[.?!]\s+(?=[A-Z])")
NO_SPLIT_AFTER = ("e.g.", "i.e.")


def tokens(text):
    """Whitespace-separated words of TEXT with table borders removed."""
    text = BOX_RE.sub(" ", text)
    text = RULE_RUN_RE.sub(" ", text)
    out = []
    for tok in text.split():
        if BORDER_TOKEN_RE.match(tok):
            continue
        tok = tok.strip("|")
        if tok:
            out.append(tok)
    return out


def normalise(text):
    """TEXT as one line: borders removed, whitespace runs as one space."""
    return " ".join(tokens(text))


def split_sentences(line):
    """Split one seed line into sentences."""
    out = []
    start = 0
    for m in SENTENCE_END_RE.finditer(line):
        head = line[start:m.start() + 1]
        if head.lower().endswith(NO_SPLIT_AFTER):
            continue
        out.append(head.strip())
        start = m.end()
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def table_cells(line):
    """The cells of a pipe-table row, stripped; empty cells dropped."""
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [c.strip() for c in row.split("|") if c.strip()]


def seed_checks(seed_text):
    """List of (kind, lineno, text) for every check the seed asks for."""
    checks = []
    for lineno, line in enumerate(seed_text.splitlines(), 1):
        if not line.strip():
            continue
        if line.lstrip().startswith("|"):
            if SEPARATOR_ROW_RE.match(line):
                continue
            for cell in table_cells(line):
                checks.append(("cell", lineno, cell))
            continue
        line = LIST_MARKER_RE.sub("", line, count=1)
        for sentence in split_sentences(line):
            checks.append(("sentence", lineno, sentence))
    return checks


def is_table_line(line):
    """Whether LINE of the dump looks like part of a table."""
    if BOX_RE.search(line):
        return True
    s = line.lstrip()
    return s.startswith("|") or bool(re.match(r"\+[-=+:]", s))


def is_rule_line(line):
    """Whether LINE holds a horizontal table rule."""
    return "─" in line or "━" in line or "═" in line or \
        bool(RULE_RUN_RE.search(line))


def table_regions(lines):
    """Word lists of each run of table lines that contains a rule."""
    regions = []
    run = []
    for line in lines + [""]:
        if line.strip() and is_table_line(line):
            run.append(line)
            continue
        if run and any(is_rule_line(l) for l in run):
            regions.append(tokens("\n".join(run)))
        run = []
    return regions


def words_in_order(words, haystack):
    """Whether WORDS occur in HAYSTACK (a word list) in order."""
    i = 0
    for w in words:
        while i < len(haystack) and haystack[i] != w:
            i += 1
        if i == len(haystack):
            return False
        i += 1
    return True


def tap_text(s, limit=None):
    """S made safe for a TAP description line."""
    s = " ".join(s.split()).replace("\\", "\\\\").replace("#", "\\#")
    if limit is not None and len(s) > limit:
        s = s[:limit - 3] + "..."
    return s


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: seed_coverage.py QUIRE_BINARY SEED_TXT "
                         "MARKDOWN_FILE\n")
        return 2
    binary, seed_path, md_path = argv[1:]

    try:
        with open(seed_path, encoding="utf-8") as f:
            seed_text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        ok(False, "read seed %s" % tap_text(seed_path), tap_text(str(e)))
        done()

    cmd = [binary, "--dump", "--width", str(WIDTH), md_path]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as e:
        ok(False, "run %s" % tap_text(" ".join(cmd)), tap_text(str(e)))
        done()
    ok(proc.returncode == 0, "%s exited with status %d"
       % (tap_text(" ".join(cmd)), proc.returncode),
       ["stderr: %s" % tap_text(l) for l in
        proc.stderr.decode("utf-8", "replace").splitlines()])
    if proc.returncode != 0:
        done()

    dump = proc.stdout.decode("utf-8", "replace")
    lines = dump.splitlines()
    flat = " " + normalise("\n".join(lines)) + " "
    all_words = tokens(dump)
    regions = table_regions(lines)

    checks = seed_checks(seed_text)
    if not regions and any(k == "cell" for k, _, _ in checks):
        print("# no table region found in the dump; "
              "table cells are searched in the whole dump")

    failed = 0
    for kind, lineno, text in checks:
        if kind == "cell":
            words = tokens(text)
            haystacks = regions or [all_words]
            found = any(words_in_order(words, h) for h in haystacks)
            what = "seed line %d table cell" % lineno
        else:
            found = normalise(text) in flat
            what = "seed line %d" % lineno
        ok(found, "%s: %s" % (what, tap_text(text, 72)) if found else
           "%s missing: %s" % (what, tap_text(text)))
        failed += not found
    if failed:
        print("# %d of %d seed sentences/cells missing from the dump"
              % (failed, len(checks)))
    done()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
