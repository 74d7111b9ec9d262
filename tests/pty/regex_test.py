#!/usr/bin/env python3
"""Regular expressions at the pager's / prompt, in a pseudo-terminal:
^ anchors at a paragraph's start, not at a wrapped line's; go.*rust
finds the lines it should and highlights from its first letter; n and
the count; a bad pattern is a note in the status line, and quire goes
on.

usage: regex_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, size="80x24"):
    return tap.drive(VTDRIVE, script, [QUIRE, "--no-state", ARTICLE], size,
                     ["NO_COLOR="])


# At 80x24 the intro paragraph is rows 7-14: "Rust and Go embody two
# distinct philosophies ... The" / "difference between rust and go ...".
rc, s, out, err = drive("""
expect Difference
send /^Rust<Enter>
expect match 1/17
attr-at 7 0 char=R bg=2
attr-at 8 19 char=r bg=default
send n
expect match 2/17
expect-row 2 Rust prioritizes safety
attr-at 2 0 char=R bg=2
send /rust<Enter>
expect match 12/65
send q
wait-exit 0
""")
ok(rc == 0, "/^Rust: 17 paragraphs that start with Rust, not the rust "
   "inside one (65 without ^); n goes to the next", err)

rc, s, out, err = drive("""
expect Difference
send /go.*rust<Enter>
expect match 1/
attr-at 7 9 char=G bg=2
attr-at 8 0 char=d bg=2
attr-at 7 0 char=R bg=default
send q
wait-exit 0
""")
ok(rc == 0, "/go.*rust: from the Go of the first paragraph, across its "
   "wrapped lines", err)

rc, s, out, err = drive("""
expect Difference
send /a(<Enter>
expect-row -1 bad pattern: missing closing parenthesis (at character 3)
send n
expect-row -1 no search yet
send /[<Enter>
expect-row -1 bad pattern: missing terminating ] for character class
send /goroutine<Enter>
expect match 1/5
send q
wait-exit 0
""")
ok(rc == 0, "/a( and /[: a note naming the problem; quire goes on and "
   "searches again", err)

rc, s, out, err = drive("""
expect Difference
send /\\\\Q(GoLang)\\\\E<Enter>
expect match 1/1
attr-at 20 72 char=( bg=2
attr-at 20 79 char=) bg=2
send /x*<Enter>
expect match 1/
send q
wait-exit 0
""")
ok(rc == 0, "\\Q...\\E searches text; x* finds the x's and ends", err)

# n and N go on from the current match while it is on screen, else
# from the screen, as less's do: after G, n finds the matches on the
# last screen, not the one after the match the reader left on page 1.
rc, s, out, err = drive("""
expect Difference
send /Rust<Enter>
expect match 1/59
send G
expect page 16/16
send n
expect-row -1 match 55/59
send g
expect page 1/16
send 10j
send N
expect-row -1 match 4/59
send n
expect-row -1 match 5/59
send q
wait-exit 0
""")
ok(rc == 0, "n after G: from the last screen, not the match left behind; "
   "N after g and 10j: from the screen", err)

# A regular expression longer than 1024 bytes is refused, as the manual
# says, not cut to what the prompt holds (it held 255) and searched.
rc, s, out, err = drive("""
expect Difference
send /
%ssend <Enter>
expect-row -1 bad pattern: longer than 1024 bytes
send q
wait-exit 0
""" % (("send %s\n" % ("a." * 100)) * 10))  # lines of 255 bytes at most
ok(rc == 0, "/a.a.a... of 2000 bytes: refused with a note, not cut and "
   "searched", err)

done()
