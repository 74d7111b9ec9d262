#!/usr/bin/env python3
"""Long code lines in the pager: wrapped by default, the rest on a
continuation line marked in the code bar; -S (typed, as in less, or on
the command line) keeps them whole, Left and Right (and Esc-( Esc-))
scroll them sideways while prose stays put; a search finds a word at
the end of a long line and scrolls it into view.

usage: code_test.py VTDRIVE QUIRE
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE = sys.argv[1:3]

# A 150-column shell command whose last word is "ZEBRAFISH", and prose.
CMD = ("curl -fsSL https://example.org/install.sh | sh -s -- "
       "--prefix=/usr/local --with-docs --enable-completion "
       "--mirror=https://mirror.example.net ZEBRAFISH")
assert len(CMD) == 150, len(CMD)
DOC = f"""# Installing

Fetch the installer and run it in one go; the prose here is long enough
to wrap, so that we can see it does not move sideways with the code.

```sh
{CMD}
make
```

The end.
"""

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "install.md")
with open(path, "w") as f:
    f.write(DOC)


def drive(script, args, size="80x24"):
    rc, screens, out, err = tap.drive(VTDRIVE, script, [QUIRE] + args, size,
                                      ["QUIRE_OPTS="])
    return rc, screens, err


def row_with(screen, text):
    """The first row of SCREEN holding TEXT, or None."""
    for r in screen:
        if text in r:
            return r
    return None


# Wrapped: the rest of the command on a continuation line.
rc, screens, err = drive("""
expect Installing
expect ZEBRAFISH
screen
send q
wait-exit 0
""", ["--width", "80", path])
ok(rc == 0, "a long code line shows its end at 80 columns", err)
if rc == 0:
    s = screens[0]
    first = row_with(s, "curl -fsSL")
    rest = row_with(s, "ZEBRAFISH")
    ok(first is not None and first.startswith("\u2502 curl") and
       len(first.rstrip()) == 80, "the line fills the column after the bar",
       "\n".join(s))
    ok(rest is not None and rest.startswith("\u21aa ") and
       first is not None and s.index(rest) == s.index(first) + 1,
       "its rest is on the next line, after the continuation mark",
       "\n".join(s))
    ok("\u203a" not in "\n".join(s), "nothing is cut", "\n".join(s))

# -S typed: whole lines; Right shows the end; prose stays; Left returns.
rc, screens, err = drive("""
expect Installing
send -S
expect-row -1 -S
reject ZEBRAFISH
screen
send <Right>
expect-row -1 -S +40
send <Right>
expect ZEBRAFISH
screen
send \\e(
expect-row -1 -S +32
send <Left>
expect-row -1 -S page
send \\e)
expect-row -1 -S +40
send -S
expect ZEBRAFISH
expect-row -1 wrapped
send q
wait-exit 0
""", ["--width", "80", path])
ok(rc == 0, "-S, then Right, Esc-( , Left, Esc-) and -S again", err)
if rc == 0:
    whole, end = screens
    first = row_with(whole, "curl -fsSL")
    ok(first is not None and first.startswith("\u2502 curl") and
       first.rstrip().endswith("\u203a") and
       row_with(whole, "\u21aa") is None,
       "with -S the line is whole, cut at the edge with a mark",
       "\n".join(whole))
    ok(row_with(end, "ZEBRAFISH") is not None and
       row_with(end, "ZEBRAFISH").startswith("\u2502 ") and
       row_with(end, "curl") is None,
       "Right twice shows the line's end, the bar in place", "\n".join(end))
    ok(row_with(end, "Fetch the installer") is not None and
       row_with(end, "Fetch the installer").startswith("Fetch"),
       "prose does not move", "\n".join(end))

# -S on the command line, then a search for the last word scrolls to it.
rc, screens, err = drive("""
expect Installing
expect-row -1 -S
reject ZEBRAFISH
send /zebrafish\\r
expect ZEBRAFISH
expect-row -1 match 1/1
screen
send q
wait-exit 0
""", ["-S", "--width", "80", path])
ok(rc == 0, "with -S, a search for the end of a long line shows it", err)

# Without -S, Right says how to get whole lines.
rc, screens, err = drive("""
expect Installing
send <Right>
expect-row -1 -S shows them whole
send q
wait-exit 0
""", ["--width", "80", path])
ok(rc == 0, "Right without -S explains itself", err)

done()
