#!/usr/bin/env python3
"""Tables without a screen: the article's comparison table at several
widths (goldens, widths, every cell's words in order), the card
fallback, and hard tables -- 400 columns, 20,000 rows, empty cells, short
rows, wide characters, unbroken words, escape characters; real-shaped
tables (tests/data/tables) at 40, 60, 80 and 120 columns against their
goldens and against w3m's height; --format csv, tsv, json and markdown
cell by cell, of the article's table and of an HTML table.

usage: table_test.py QUIRE ARTICLE SEED GOLDEN_DIR
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

from tap import done, ok

QUIRE, ARTICLE, SEED, GOLDEN = sys.argv[1:5]


def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)


def run(*args):
    r = subprocess.run([QUIRE, *args], capture_output=True, timeout=120)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode()


def seed_cells():
    rows = [l for l in open(SEED, encoding="utf-8").read().splitlines()
            if l.startswith("|") and not l.startswith("|---")]
    return [[c.strip() for c in r.strip("|").split("|")] for r in rows]


def words_in_order(text, words):
    """Every word appears in TEXT, in order (other text may come between)."""
    pos = 0
    for w in words:
        i = text.find(w, pos)
        if i < 0:
            return False, w
        pos = i + len(w)
    return True, None


def cell_words(cell):
    # a hyphenated word may break after its hyphen
    return [p for w in cell.split() for p in re.split(r"(?<=-)", w) if p]


def rule_spans(lines):
    """The columns of a compact grid, from the rule under its header."""
    for l in lines:
        if l and set(l) <= {"─", " "}:
            return [(m.start(), m.end()) for m in re.finditer("─+", l)]
    return []


def header_spans(lines, heads):
    """The columns of the view's grid (no rule), from where its header
    cells HEADS (left-aligned) start on its first line."""
    starts = [lines[0].index(h) for h in heads]
    return list(zip(starts, starts[1:] + [10**6]))


def column_text(lines, col, spans=None):
    """The text of grid column COL, cells joined in reading order."""
    out = []
    if spans is None and not lines[0].startswith("┌"):
        spans = rule_spans(lines)
    if spans:
        a, b = spans[col]
        return " ".join(l[a:b].strip() for l in lines
                        if not set(l) <= {"─", " "})
    for l in lines:
        if "│" not in l or l.startswith(("┌", "├", "└")):
            continue
        parts = l.split("│")
        if len(parts) > col + 1:
            out.append(parts[col + 1].strip())
    return " ".join(out)


cells = seed_cells()
for w in (40, 60, 80, 120, 200):
    rc, out, err = run("--table", "1", "--width", str(w), ARTICLE)
    golden = open(os.path.join(GOLDEN, "table-%d.txt" % w),
                  encoding="utf-8").read()
    ok(rc == 0 and out == golden, "--table 1 at %d matches its golden" % w,
       "\n".join(l for l in out.splitlines()[:10]))
    lines = out.splitlines()
    ok(all(width(l) <= w for l in lines), "--table 1 at %d fits" % w)
    rc, dump, err = run("--dump", "--width", str(w), ARTICLE)
    dl = dump.splitlines()
    ok(all(width(l) <= w for l in dl), "--dump at %d fits" % w)
    start = next((i for i, l in enumerate(dl) if l.startswith("┌")), None)
    if start is None:  # cards: from the first card's rule
        start = dl.index("Feature") - 1
    end = max(i for i, l in enumerate(dl) if l.startswith(("└", "─")))
    region = dl[start:end + 1]
    for name, ls in (("--table", lines), ("--dump", region)):
        bad = []
        spans = None
        if name == "--table" and ls[0].startswith("Feature"):
            spans = header_spans(ls, [h for h in cells[0] if h in ls[0]])
        grid = (ls[0].startswith("┌") or len(rule_spans(ls[:4])) > 1 or
                spans is not None)
        ncols = (len(spans) if spans else len(ls[1].split("│")) - 2
                 if ls[0].startswith("┌") else len(rule_spans(ls))) \
            if grid else 3
        for c in range(ncols):
            text = re.sub(r"\s+", "", column_text(ls, c, spans) if grid
                          else " ".join(ls))
            pos = 0
            for row in cells:
                want = re.sub(r"\s+", "", row[c])
                i = text.find(want, pos)
                if i < 0:
                    bad.append(row[c])
                else:
                    pos = i + len(want)
        ok(not bad, "%s at %d: every cell's text, in order" % (name, w), bad)
        if name == "--table" and grid and ncols < 3:
            ok(re.search(r"more columns? to the right", ls[-1]),
               "--table at %d: the columns that do not fit are announced"
               % w)
    if w >= 60:
        ok(region[0].startswith("┌") and len(region[1].split("│")) == 5 and
           lines[0].split() == ["Feature", "Rust", "Go"],
           "at %d the table is a grid, all three side by side" % w)

# The card fallback: too narrow for side by side.
rc, out, err = run("--dump", "--width", "30", ARTICLE)
dl = out.splitlines()
i = dl.index("Feature")
ok(dl[i + 1] == "  Memory management" and dl[i + 2] == "Rust" and
   dl[i + 3].startswith("  Ownership-based"),
   "at 30 columns: cards, each header then its cell", "\n".join(dl[i:i+8]))
rc, out, err = run("--table", "1", "--width", "25", ARTICLE)
ok(out.splitlines()[1] == "Feature", "--table at 25: cards too", out[:200])
rc, out, err = run("--table", "1", "--width", "30", ARTICLE)
ok(out.splitlines()[0].split() == ["Feature", "Rust"],
   "--table at 30: two columns still side by side before cards", out[:200])

# --table list, and a table that does not exist.
rc, out, err = run("--table", "list", ARTICLE)
ok(rc == 0 and out == "1\t8 rows x 3 columns\t14 Comparison\n",
   "--table list: number, size, section", out)
rc, out, err = run("--table", "2", ARTICLE)
ok(rc == 2 and "no table 2" in err, "--table 2 of 1: exit 2", err)
rc, out, err = run("--table", "x", ARTICLE)
ok(rc == 2, "--table x: usage error")


def md_file(tmp, name, text):
    p = os.path.join(tmp, name)
    with open(p, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return p


def borders(line):
    """Display columns of the vertical borders in LINE."""
    cols, col = [], 0
    for ch in line:
        if ch in "│┼├┤┬┴┌┐└┘":
            cols.append(col)
        col += width(ch)
    return cols


with tempfile.TemporaryDirectory() as tmp:
    # Wide characters: every row's borders on the same columns.
    wide = md_file(tmp, "wide.md",
                   "| 名前 | 説明 | emoji |\n|---|:-:|--:|\n"
                   "| 中文 | 日本語のテキストはここにあります | 😀😀 |\n"
                   "| abc | mixed 中 text | 🎉 |\n| | empty first | |\n"
                   "| short |\n")
    for w in (40, 60, 80):
        rc, out, err = run("--dump", "--width", str(w), wide)
        ls = [l for l in out.splitlines() if l]
        ok(rc == 0 and len({tuple(borders(l)) for l in ls}) == 1 and
           all(width(l) <= w for l in ls),
           "wide characters align on column boundaries at %d" % w, out)
    ok("short" in out and out.count("\n") >= 8,
       "empty cells and a short row are laid out", out)

    # Long unbroken words break inside their cell; escapes are harmless.
    long_word = "x" * 300
    hard = md_file(tmp, "hard.md",
                   "| a | b |\n|---|---|\n| %s | y |\n"
                   "| \x1b[31mred\x1b[0m | &#27;]0;title&#7; |\n"
                   "| \t tab | \x9b C1 |\n" % long_word)
    for w in (20, 50, 80):
        rc, out, err = run("--dump", "--width", str(w), hard)
        ok(rc == 0 and all(width(l) <= w for l in out.splitlines()) and
           out.replace("\n", "").replace("│", "").replace(" ", "")
           .count("x") == 300, "a 300-letter word breaks inside its cell "
           "at %d" % w, out[:400])
        ok(not re.search("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]", out),
           "escape characters in cells come out harmless at %d" % w)

    # 400 columns: the pager shows cards; the view freezes and scrolls.
    head = "|" + "|".join("c%d" % i for i in range(1, 401)) + "|\n"
    sep = "|" + "|".join("---" for _ in range(400)) + "|\n"
    body = "".join("|" + "|".join("r%dc%d" % (r, i) for i in range(1, 401))
                   + "|\n" for r in range(1, 4))
    many = md_file(tmp, "many.md", head + sep + body)
    rc, out, err = run("--dump", "--width", "100", many)
    ok(rc == 0 and all(width(l) <= 100 for l in out.splitlines()) and
       "r3c400" in out, "400 columns in the pager: cards, all there")
    rc, out, err = run("--table", "1", "--width", "100", many)
    ls = out.splitlines()
    ok(rc == 0 and ls[0].split()[0] == "c1" and
       re.search(r"more columns? to the right", ls[-1]) and
       all(width(l) <= 100 for l in ls),
       "400 columns in the view: c1 frozen, the rest to the right", out[:300])

    # 20,000 rows lay out, linearly.
    rows = md_file(tmp, "rows.md", "| n | square |\n|---|---|\n" + "".join(
        "| %d | %d |\n" % (i, i * i) for i in range(1, 20001)))
    rc, out, err = run("--table", "1", "--width", "60", rows)
    ok(rc == 0 and "\n20000 400000000\n" in out, "20,000 rows: the last is"
       " there", out[-200:])

# Real-shaped tables: goldens, the width, and the height against w3m's.
TABLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                      "tables")
HAVE_W3M = shutil.which("w3m") and shutil.which("cmark-gfm")


def w3m_lines(md, w):
    """w3m's rendering of Markdown table MD at W columns: its lines."""
    html = subprocess.run(["cmark-gfm", "-e", "table"], input=md.encode(),
                          capture_output=True).stdout
    out = subprocess.run(["w3m", "-dump", "-T", "text/html", "-cols",
                          str(w), "-O", "UTF-8", "-I", "UTF-8"], input=html,
                         capture_output=True).stdout.decode()
    return [l for l in out.splitlines() if l.strip()]


for name in sorted(os.listdir(TABLES)):
    path = os.path.join(TABLES, name)
    rc, listing, err = run("--table", "list", path)
    for t in range(1, len(listing.splitlines()) + 1):
        rc, md, err = run("--table", str(t), "--format", "markdown", path)
        for w in (40, 60, 80, 120):
            rc, out, err = run("--table", str(t), "--width", str(w), path)
            gname = "%s-%d-%d.txt" % (name[:-3], t, w)
            gpath = os.path.join(GOLDEN, "tables", gname)
            if os.environ.get("QUIRE_UPDATE_GOLDEN"):
                with open(gpath, "w", encoding="utf-8") as f:
                    f.write(out)
            golden = open(gpath, encoding="utf-8").read()
            lines = out.splitlines()
            ok(rc == 0 and out == golden, "%s table %d at %d matches its "
               "golden" % (name, t, w), "\n".join(lines[:8]))
            ok(all(width(l) <= w for l in lines), "%s table %d at %d fits"
               % (name, t, w))
            if not HAVE_W3M:
                continue
            b = w3m_lines(md, w)
            if max(width(l) for l in b) > w:
                print("# %s %d at %d: quire %d lines; w3m %d, wider than "
                      "the screen" % (name, t, w, len(lines), len(b)))
                continue
            ok(len(lines) <= len(b), "%s table %d at %d: %d lines, w3m %d"
               % (name, t, w, len(lines), len(b)))

# --format: the article's table, cell by cell.
rc, out, err = run("--table", "1", "--format", "csv", ARTICLE)
ok(rc == 0 and list(csv.reader(io.StringIO(out, newline=""))) == cells,
   "--format csv: every cell, RFC 4180 quoting", out[:300])
ok(out.count("\r\n") == len(cells), "--format csv: lines end in CRLF")
rc, out, err = run("--table", "1", "--format", "tsv", ARTICLE)
ok(rc == 0 and [l.split("\t") for l in out.splitlines()] == cells,
   "--format tsv: every cell", out[:300])
rc, out, err = run("--table", "1", "--format", "json", ARTICLE)
ok(rc == 0 and json.loads(out) == [dict(zip(cells[0], r))
                                   for r in cells[1:]],
   "--format json: an object per row keyed by the header", out[:300])
rc, md, err = run("--table", "1", "--format", "markdown", ARTICLE)
with tempfile.TemporaryDirectory() as tmp:
    p = md_file(tmp, "again.md", md)
    rc2, out, err = run("--table", "1", "--format", "csv", p)
ok(rc == 0 and list(csv.reader(io.StringIO(out, newline=""))) == cells,
   "--format markdown reads back as the same cells", md[:300])
# Cells whose text Markdown would read as markup: escaped, so they read
# back as the same text.
marked = ("| a | b |\n|---|---|\n| `lib/*`, `src/*.c` | `<div>` \\_d\\_ & |\n"
          "| `[x](y)` | `~a~` \\| p |\n")
with tempfile.TemporaryDirectory() as tmp:
    p = md_file(tmp, "marked.md", marked)
    rc, want, err = run("--table", "1", "--format", "tsv", p)
    rc2, md, err2 = run("--table", "1", "--format", "markdown", p)
    p = md_file(tmp, "again.md", md)
    rc3, out, err3 = run("--table", "1", "--format", "tsv", p)
ok(rc == rc2 == rc3 == 0 and out == want and "lib/*" in want,
   "--format markdown escapes what reads as markup: * _ ~ ` [ < &",
   md + "--\n" + out)

# An HTML table: markup reduced to text, links to their text; quotes,
# commas and pipes kept by each format's rules.
html = os.path.join(TABLES, "html.md")
want = [["Name", "Size", "Notes"],
        ["alpha", "12 MB", "The first build, with debug info"],
        ["beta", "900 KB", 'Stripped, "quoted", a, comma'],
        ["gamma", "1.5 GB", "Everything | with a pipe"]]
rc, out, err = run("--table", "1", "--format", "csv", html)
ok(rc == 0 and list(csv.reader(io.StringIO(out, newline=""))) == want,
   "an HTML table as CSV", out)
rc, out, err = run("--table", "1", "--format", "json", html)
ok(rc == 0 and json.loads(out) == [dict(zip(want[0], r)) for r in want[1:]],
   "an HTML table as JSON", out)
rc, md, err = run("--table", "1", "--format", "markdown", html)
ok(rc == 0 and "Everything \\| with a pipe" in md, "a pipe escaped in "
   "Markdown", md)
with tempfile.TemporaryDirectory() as tmp:
    p = md_file(tmp, "again.md", md)
    rc, out, err = run("--table", "1", "--format", "csv", p)
ok(list(csv.reader(io.StringIO(out, newline=""))) == want,
   "... and reads back as the same cells", out)

# --format errors: exit 2 with the usage hint.
for args, what in ((["--table", "1", "--format", "xml"], "csv, tsv"),
                   (["--format", "csv"], "--table N"),
                   (["--table", "list", "--format", "csv"], "--table N")):
    rc, out, err = run(*args, ARTICLE)
    ok(rc == 2 and what in err and "Try 'quire --help'" in err,
       "%s: a usage error naming the fix" % " ".join(args), err)

done()
