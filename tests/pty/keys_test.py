#!/usr/bin/env python3
"""less's keys in the pager, keys read as whole sequences, and Ctrl-C:
the real binary in a pseudo-terminal, keys sent as the bytes terminals
send, the screen read back against the lines of --dump.

usage: keys_test.py VTDRIVE QUIRE ARTICLE
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
ROWS = 23   # text rows at 80x24


def drive(script, args=None, env=("NO_COLOR=1",)):
    rc, screens, out, err = tap.drive(
        VTDRIVE, script, [QUIRE, "--no-state"] + (args or [ARTICLE]),
        "80x24", env)
    return rc, screens, err


lines = subprocess.run([QUIRE, "--dump", "--width", "80", ARTICLE],
                       capture_output=True, text=True,
                       check=True).stdout.rstrip("\n").split("\n")
top = {}     # top-level section number -> its line in the layout
toc = subprocess.run([QUIRE, "--toc", ARTICLE], capture_output=True,
                     text=True, check=True).stdout


def row0(n):
    """What row 0 shows with line N at the top."""
    return lines[n].rstrip()


def at(n):
    """A script line: wait until line N of the layout is the top row,
    told by the first row from the top whose text no other line of the
    layout contains (a blank line or a heading's rule would match other
    screens too: expect-row looks for the text in the row)."""
    for k in range(ROWS):
        text = row0(n + k).strip() if n + k < len(lines) else ""
        if text and sum(text in l for l in lines) == 1:
            return "expect-row %d %s\n" % (k, text)
    raise ValueError("no line of its own on the screen at line %d" % n)


def heading(title):
    """The line of the layout where the heading TITLE is."""
    return next(i for i, l in enumerate(lines) if l.strip() == title)


# Counts: N j, N k, N G, N g, N %, N p, N d and u, N z and w, N }.
mem = heading("Memory management and safety: ownership vs garbage "
              "collection")
half = (ROWS + 1) // 2
rc, s, err = drive("expect Difference\n" +
                   "send 10j\n" + at(10) +
                   "send 3k\n" + at(7) +
                   "send 5G\n" + at(4) +
                   "send 40G\n" + at(39) +
                   "send 1g\n" + at(0) +
                   "send 50%\n" + at(len(lines) * 50 // 100) +
                   "send g25p\n" + at(len(lines) * 25 // 100) +
                   "send gd\n" + at(half) +
                   "send g4d\n" + at(4) +
                   "send d\n" + at(8) +
                   "send u\n" + at(4) +
                   "send g5z\n" + at(5) +
                   "send z\n" + at(10) +
                   "send <Space>\n" + at(15) +
                   "send w\n" + at(10) +
                   "send 3w\n" + at(7) +
                   "send b\n" + at(4) +
                   "send g3}\n" + at(mem) +
                   "send 2<C-e>\n" + at(mem + 2) +
                   "send <C-y>\n" + at(mem + 1) +
                   "send <C-n><C-n>\n" + at(mem + 3) +
                   "send <C-p>\n" + at(mem + 2) +
                   "send 99}\nexpect no section 99\n"
                   "send q\nwait-exit 0\n")
ok(rc == 0, "counts: 10j 3k 5G 40G 1g 50% 25p, d u with a count, z w with "
   "a count, 3}, Ctrl-E Ctrl-Y Ctrl-N Ctrl-P", err)

# Home and End in every encoding; the others too; arrows both ways.
home = ["\\e[1~", "\\e[7~", "\\e[H", "\\eOH", "<Home>"]
end = ["\\e[4~", "\\e[8~", "\\e[F", "\\eOF", "<End>"]
last = len(lines) - ROWS
script = "expect Difference\n"
for h, e in zip(home, end):
    script += "send %s\n%ssend %s\n%s" % (e, at(last), h, at(0))
script += ("send \\e[6~\n" + at(ROWS) + "send \\e[5~\n" + at(0) +
           "send \\e[B\n" + at(1) + "send \\eOB\n" + at(2) +
           "send \\e[A\n" + at(1) + "send \\eOA\n" + at(0) +
           "send j\n" + at(1) +
           # a key that does nothing leaves the screen as it was, so
           # the next key's line tells whether it did anything
           "send \\e[2~\\e[3~\\e[1;5H\n" "send j\n" + at(2) +
           "send q\nwait-exit 0\n")
rc, s, err = drive(script)
ok(rc == 0, "Home and End as ESC[1~ ESC[7~ ESC[H ESCOH and ESC[4~ ESC[8~ "
   "ESC[F ESCOF; PgDn, PgUp, arrows as ESC[ and ESCO; Insert, Delete "
   "and Ctrl-Home do nothing", err)

# An unknown sequence and Alt-7 do nothing, never the keys of their bytes.
rc, s, err = drive("expect Difference\n"
                   "send \\e[99~\n" "expect no such key\n" + at(0) +
                   "send j\n" + at(1) +
                   "send \\e7\n" "expect no such key\n"
                   "send j\n" + at(2) +
                   "send \\e[4;9~\n" "send j\n" + at(3) +
                   "settle\nsend q\nwait-exit 0\n")
ok(rc == 0, "ESC[99~ and Alt-7 do nothing (no count 7, no section 4, no "
   "end)", err)

# Ctrl-C cancels every prompt and filter; q still quits with status 0.
# less's keys quire has not say so, and change nothing.
rc, s, err = drive("""expect Difference
send F
expect-row -1 F: no such key in quire
send v
expect-row -1 v: no such key in quire
expect-row 0 Difference between Rust and Go
send q
wait-exit 0
""")
ok(rc == 0, "F and v, less keys quire has not, say so and do nothing", err)

rc, s, err = drive("""
expect Difference
send /gorout
expect-row -1 /gorout
send <C-c>
expect-row -1 page
send ?gorout
expect-row -1 ?gorout
send <C-c>
expect-row -1 page
send :tab
expect-row -1 :tab
send <C-c>
expect-row -1 page
send aconcurrency
expect concurrency_
send <C-c>
expect-row -1 page
send i/perf
expect perf
send <C-c>
expect-row 0 Difference between Rust and Go
send t
expect Table 1 of
send /rust
expect rust_
send <C-c>
reject filter: rust
send <C-c>
expect-row -1 page
send <C-c>
expect Ctrl-C does not quit
send q
wait-exit 0
""")
ok(rc == 0, "Ctrl-C cancels /, ?, :, quick answers, the index filter, the "
   "table filter; quire runs on and q exits 0", err)

# SIGINT from outside is Ctrl-C too; SIGTERM still ends quire cleanly.
rc, s, err = drive("""
expect Difference
signal INT
expect Ctrl-C does not quit
signal TERM
wait-exit 143
altscreen off
""")
ok(rc == 0, "SIGINT does not end quire; SIGTERM does (143), screen "
   "restored", err)

# =, '' and ZZ.  Each key's screen is waited for before the next key:
# '' must bring back the rule under the heading, which j had left at the
# top, and a check made before g's screen arrived would find it there
# still.
rc, s, err = drive("""
expect Difference
send 3}
send j=
expect-row -1 , lines %d-%d/%d
expect-row -1 %%: Difference between Rust and Go - Mem
send g
expect-row 0 Difference between Rust and Go
send ''
expect-row 0 %s
send ''
expect-row 0 Difference between Rust and Go
send Z
send Z
wait-exit 0
""" % (mem + 2, mem + 1 + ROWS, len(lines), row0(mem + 1).strip()))
ok(rc == 0, "= says the title, section, page and lines; '' goes back to "
   "the previous place and back again; ZZ quits", err)

# Esc-u: matches highlighted, not, and again with the next search.
rc, s, err = drive("""
expect Difference
send /goroutines<Enter>
expect match 1/
screen
""", env=())
hit = None
if rc == 0:
    for r, text in enumerate(s[0][:ROWS]):
        c = text.lower().find("goroutines")
        if c >= 0:
            hit = (r, c)
            break
ok(hit is not None, "a search shows a match on screen", err)
if hit:
    r, c = hit
    rc, s, err = drive("""
expect Difference
send /goroutines<Enter>
expect match 1/
attr-at %d %d bg=2
send \\eu
expect matches not highlighted
attr-at %d %d bg=default
send <Esc>
settle
send u
expect matches highlighted
attr-at %d %d bg=2
send \\eu
attr-at %d %d bg=default
send nN
attr-at %d %d bg=2
send q
wait-exit 0
""" % ((r, c) * 5), env=())
    ok(rc == 0, "Esc-u (together or typed apart) turns highlighting off "
       "and on; n shows it again", err)

# :n, :p and :x at once, with no Enter, between two files.
with tempfile.TemporaryDirectory() as tmp:
    second = os.path.join(tmp, "second.md")
    with open(second, "w") as f:
        f.write("# Second document\n\nThe second one.\n")
    rc, s, err = drive("""
expect Difference
send :n
expect-row 0 Second document
send :p
expect-row 0 Difference between Rust and Go
send :n
expect-row 0 Second document
send :x
expect-row 0 Difference between Rust and Go
send :table
expect-row -1 :table
send <Esc>
settle
send q
wait-exit 0
""", [ARTICLE, second])
    ok(rc == 0, ":n, :p, :x act at once; other commands still take a line",
       err)

    # The place left in a document is the line, even the title's rule
    # (which shows the title's block and offset, both 0).
    rc, s, err = drive("""
expect Difference
send j
expect-row 0 %s
send :n
expect-row 0 Second document
send :p
expect-row 0 %s
send q
wait-exit 0
""" % (row0(1).strip(), row0(1).strip()), [ARTICLE, second])
    ok(rc == 0, ":n then :p comes back to the title's rule, where it left",
       err)

done()
