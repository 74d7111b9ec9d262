#!/usr/bin/env python3
"""Footnotes and front matter in the pager, in a pseudo-terminal: Tab
selects a footnote reference, Enter shows its note, the back key returns
to the reference; the front matter's title names the document in the
status line, and its entries show before the text.

usage: notes_test.py VTDRIVE QUIRE
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE = sys.argv[1:3]


def drive(script, args, size="80x24"):
    rc, screens, out, err = tap.drive(VTDRIVE, script,
                                      [QUIRE, "--no-state"] + args, size)
    return rc, screens, err


with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "notes.md")
    with open(doc, "w") as f:
        f.write("---\ntitle: Field notes\nauthor: A. Writer\n---\n\n"
                "## Opening\n\n" + "Filler paragraph.\n\n" * 6 +
                "The claim needs a source[^src] here.\n\n" +
                "More filler.\n\n" * 40 +
                "[^src]: The source of the claim, at the end.\n")

    rc, s, err = drive("""
expect Field notes
expect-row 0 title:  Field notes
expect author: A. Writer
send <C-l>
reject next section
screen
send <Tab>
expect #fn-1
expect a source[1] here
send <Enter>
expect-row 22 [1] The source of the claim, at the end.
screen
send <BS>
expect-row 0 title:  Field notes
expect a source[1] here
screen
send q
wait-exit 0
""", [doc])
    ok(rc == 0, "Tab selects a footnote reference, Enter shows the note, "
       "Backspace returns", err)
    if rc == 0 and len(s) == 3:
        status = [l for l in s[0] if l.strip()][-1]
        ok("Field notes" in status,
           "the front matter's title names the document: " + status)
        ok(not any("source[1]" in l for l in s[1][:-2]),
           "the reference is off the screen at the note",
           "\n".join(s[1]))
        ok(any("source[1]" in l for l in s[2][:-2]) and s[2][0] == s[0][0],
           "back at the reference, where the reader was",
           "\n".join(s[2]))
done()
