#!/usr/bin/env python3
"""Raw HTML in the pager, in a pseudo-terminal: a contents link [Q](#q1)
followed with Tab and Enter reaches an <h3 name="q1"> heading, Backspace
comes back; Tab stops on an image, showing its address; a centred logo, kbd keys and a details summary read as
rendered text, with no tag on the screen.

usage: html_test.py VTDRIVE QUIRE
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE = sys.argv[1:3]

DOC = """<p align="center">
  <img src="docs/quire-logo.png" alt="quire logo">
</p>

# A reader's FAQ

Contents: [Why a pager?](#q1)

Press <kbd>q</kbd> to quit.

<details>
<summary>Build options</summary>

Use meson.

</details>

""" + "".join("Filler paragraph %d, to push the answer off the first "
              "screen.\n\n" % i for i in range(40)) + """
<h3 name="q1">Why a pager?</h3>

Because long documents need one.
"""


def drive(script, path):
    rc, screens, out, err = tap.drive(VTDRIVE, script, [QUIRE, path],
                                      "80x24")
    return rc, screens, err


with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
    f.write(DOC)
    path = f.name
try:
    rc, s, err = drive("""
expect A reader's FAQ
screen
send <Tab>
expect docs/quire-logo.png  (Enter shows, c copies)
send <Tab>
expect #q1  (Enter follows
send <Enter>
expect-row -1 - Why a pager?
expect-row 22 Because long documents need one.
screen
send <BS>
expect-row 0 [image: quire logo]
screen
send q
wait-exit 0
""", path)
    ok(rc == 0, "Tab selects the logo image (its address shown), Tab and "
       "Enter on [Why a pager?](#q1) reach <h3 name=q1>; Backspace returns",
       err)
    if rc == 0 and len(s) == 3:
        first = "\n".join(s[0])
        ok("<" not in first.replace("<Tab>", ""),
           "no tag on the first screen", first)
        ok(s[0][0].strip() == "[image: quire logo]" and
           s[0][0].startswith("   "), "the logo line is centred", s[0][0])
        ok("[q] to quit" in first, "<kbd>q</kbd> reads [q]", first)
        ok("\u25b8 Build options" in first, "the summary has its marker",
           first)
        ok("Because long documents need one." in "\n".join(s[1]),
           "the answer is on screen after the jump", "\n".join(s[1]))
        ok(s[2][:22] == s[0][:22], "back shows the first screen again",
           "\n".join(a + " | " + b for a, b in zip(s[0], s[2])))
    else:
        ok(False, "three screens", err)
finally:
    os.unlink(path)
done()
