#!/usr/bin/env python3
"""Every list with a text entry takes the same keys (the section index,
the documents, quick answers, the table view's filter); standard input
on a terminal; nothing cut without an ellipsis at 80 and 40 columns; the
first screen's keys and the warnings in the status line.

usage: lists_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, args=None, size="80x24", env=()):
    rc, screens, out, err = tap.drive(
        VTDRIVE, script, [QUIRE, "--no-state"] +
        (args if args is not None else [ARTICLE]), size, env)
    return rc, screens, err


def cut_rows(screen, width):
    """Rows that end in a letter at the last column: text cut without
    an ellipsis (a row of the help or a list is never that full)."""
    return [r for r in screen if len(r) >= width and r[-1].isalnum()]


TOC = subprocess.run([QUIRE, "--toc", ARTICLE], capture_output=True,
                     text=True, check=True).stdout.splitlines()

# Typing "quick" in the index: every letter is typed, the index stays.
rc, s, err = drive("""
expect Difference
send i
expect Sections (25)
send quick
expect-row 0 Sections matching: quick_
expect 17 Quick Answers
expect 18 Quick Summary
send <Esc>
expect-row 0 Sections (25)
send <Esc>
expect-row 0 Difference between Rust and Go
reject Sections
send q
wait-exit 0
""")
ok(rc == 0, "index: 'quick' is the filter and the index stays open; Esc "
   "clears, then closes", err)

# g and G are typed; the arrows, Home, End, PgDn and Ctrl-N move.
rc, s, err = drive("""
expect Difference
send i
expect Sections (25)
send gG
expect-row 0 Sections matching: gG_
send <BS><BS>
expect-row 0 Sections (25)
send <End>
expect-row -1 25/25
send <Home>
expect-row -1 1/25
send <PgDn>
expect-row -1 22/25
send <Up><C-p><Down><C-n><C-n>
expect-row -1 23/25
send <Enter>
expect-row 0 %s
send q
wait-exit 0
""" % TOC[22].strip().split(" ", 1)[1])
ok(rc == 0, "index: g, G typed; End, Home, PgDn, Up, Ctrl-P, Down, Ctrl-N "
   "move; Enter jumps", err)

# Quick answers: the same keys.
rc, s, err = drive("""
expect Difference
send a
expect Quick answers - 6 questions
expect-row 3 > What is the main difference
send <End>
expect-row 13 >
send <Home>
expect-row 3 > What is the main difference
send <C-n>
expect-row 5 >
send gGq
expect Ask: gGq_
send <Esc>
expect Ask: _
send <Esc>
reject Quick answers
send q
wait-exit 0
""")
ok(rc == 0, "quick answers: End, Home, Ctrl-N move; g, G, q typed; Esc "
   "clears, then leaves", err)

# The table view's filter: the arrows move rows while typing.
rc, s, err = drive("""
expect Difference
send t
expect Feature
send /
expect filter rows:
send g
expect-row -1 filter rows: g_
send <End>
expect-row -1 filter rows: g_
send <Enter>
expect (filter: g)
send <Esc>
reject filter: g
send q
send q
wait-exit 0
""")
ok(rc == 0, "table filter: g typed, End moves, Enter keeps the filter", err)

with tempfile.TemporaryDirectory() as tmp:
    long = os.path.join(tmp, "a-rather-long-folder-name-for-documents",
                        "that-goes-on-and-on-and-on")
    for sub, title in (("alpha", "Alpha guide"), ("beta", None)):
        os.makedirs(os.path.join(long, sub))
        with open(os.path.join(long, sub, "README.md"), "w") as f:
            f.write(("# %s\n\n" % title if title else "Untitled text.\n\n") +
                    "body\n")
    with open(os.path.join(long, "notes.md"), "w") as f:
        f.write("# Notes with a title long enough to be cut at forty "
                "columns wide\n\nbody\n")
    files = [os.path.join(long, "alpha", "README.md"),
             os.path.join(long, "beta", "README.md"),
             os.path.join(long, "notes.md")]

    # The documents list: titles and the names that tell files apart.
    rc, s, err = drive("""
expect Alpha guide
send o
expect Documents (3)
expect-row 1 > Alpha guide  alpha/README.md
expect-row 2 beta/README.md
expect-row 3 Notes with a title
reject a-rather-long-folder
screen
send <End>
expect-row -1 3/3
send <Home><C-n>
expect-row -1 2/3
send beta
expect Documents matching: beta_
expect-row -1 1/1
send <Enter>
expect Untitled text.
send <C-l>
expect-row -1 README.md
reject that-goes-on
send q
wait-exit 0
""", files)
    ok(rc == 0, "documents: titles and base names (alpha/ and beta/ told "
       "apart), End, Home, Ctrl-N, a typed filter, Enter; the status line "
       "names the base name", err)

    rc, s, err = drive("""
expect Alpha guide
send o
expect Documents (3)
screen
send <Esc>
send q
wait-exit 0
""", files, size="40x12")
    if rc == 0:
        row = [r for r in s[0] if "Notes" in r]
        ok(row and "\u2026" in row[0] and not cut_rows(s[0], 40),
           "documents at 40 columns: a long title ends in an ellipsis",
           "\n".join(s[0]))
    else:
        ok(False, "documents at 40 columns", err)

    # A warning printed before the screen is in the status line.
    conf = os.path.join(tmp, "conf")
    os.makedirs(os.path.join(conf, "quire"))
    with open(os.path.join(conf, "quire", "config"), "w") as f:
        f.write("width = wide\nnonsense\n")
    rc, s, err = drive("""
expect-row -1 1 of 2 warnings: 
expect config:1:
send j
reject warnings
send q
wait-exit 0
""", env=["XDG_CONFIG_HOME=" + conf])
    ok(rc == 0, "config warnings: the first in the status line, with the "
       "count, until a key", err)

# The first screen names the main keys, as many as fit, until a key.
rc, s, err = drive("""
expect-row -1 ] next section  i index  a ask  t table  / search  h help
send j
expect-row -1 Difference between Rust and Go
reject next section
send q
wait-exit 0
""")
ok(rc == 0, "first screen at 80 columns: the main keys, gone after a key",
   err)
rc, s, err = drive("""
expect-row -1 ] next section  h help
reject t table
send q
wait-exit 0
""", size="40x12")
ok(rc == 0, "first screen at 40 columns: fewer keys, help kept", err)

# The help wraps at 80 and 40 columns: no row cut without an ellipsis.
for size in ("80x24", "40x24"):
    script = "expect Difference\nsend h\nexpect quire keys\nscreen\n"
    script += "send <Space>\nsettle\nscreen\n" * 12
    script += "send q\nsend q\nwait-exit 0\n"
    rc, s, err = drive(script, size=size)
    bad = [r for screen in s
           for r in cut_rows(screen, int(size.split("x")[0]))]
    text = " ".join(" ".join(screen) for screen in s)
    ok(rc == 0 and not bad and "the selected link; else next line" in
       " ".join(text.split()),
       "help at %s: wrapped, nothing cut mid-word" % size,
       err or "\n".join(bad))

# Quick answers at 40 columns: long questions end in an ellipsis.
rc, s, err = drive("""
expect Difference
send a
expect Quick answers
screen
send <Esc>
send q
wait-exit 0
""", args=[ARTICLE], size="40x16")
ok(rc == 0 and any(r.rstrip().endswith("\u2026") for r in s[0]) and
   not cut_rows(s[0], 40), "quick answers at 40 columns: cut with an ellipsis",
   err or "\n".join(s[0] if s else []))

# The status line at 40 columns: a long section name ends in an ellipsis.
rc, s, err = drive("""
expect Difference
send ]]]jjj
settle
screen
send q
wait-exit 0
""", size="40x12")
ok(rc == 0 and [r for r in s[0] if r][-1].split("  ")[0].endswith("\u2026"),
   "status line at 40 columns: the title cut with an ellipsis", err or "\n".join(s[0] if s else []))

# ASCII: the ellipsis is three dots (the rule under the heading, dashes,
# scrolled off so the screen splits where it should).
rc, s, err = drive("""
expect Difference
send ]]]jjj
settle
screen
send q
wait-exit 0
""", size="40x12", env=["LC_ALL=C", "LANG=C"])
ok(rc == 0 and [r for r in s[0] if r][-1].split("  ")[0].endswith("..."),
   "without UTF-8 the ellipsis is '...'",
   err or "\n".join(s[0] if s else []))

# quire - on a terminal says it waits for standard input.
rc, s, err = drive("""
expect reading standard input...
send # Typed here\\r\\rbody\\r
send \\x04
expect-row 0 Typed here
send q
wait-exit 0
""", args=["-"])
ok(rc == 0, "quire - on a terminal: 'reading standard input...', then "
   "the text typed", err)

# TERM unset: said so, and the document printed.
with tempfile.TemporaryDirectory() as tmp:
    short = os.path.join(tmp, "short.md")
    with open(short, "w") as f:
        f.write("# A short note\n\nIt fits on one screen.\n")
    rc, s, err = drive("""
expect TERM is not set
expect It fits on one screen.
wait-exit 0
""", args=[short], env=["TERM="])
    ok(rc == 0, "TERM unset: 'TERM is not set' and the document printed",
       err)

done()
