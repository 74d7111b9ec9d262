#!/usr/bin/env python3
"""A search in a large file: its first match is shown highlighted, then
the status line's "match i/N" once every match is counted, the count
going on between keys; a key pressed meanwhile is honoured, and Ctrl-C
stops the count, n going on all the same.

usage: search_count_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, path):
    rc, screens, out, err = tap.drive(VTDRIVE, script,
                                      [QUIRE, "--no-state", path], "80x24")
    return rc, screens, err


with open(ARTICLE, encoding="utf-8") as f:
    article = f.read()

with tempfile.TemporaryDirectory() as tmp:
    # The article over and over (about 3 MB), a quokka in each copy: too
    # much to lay out and count before the keys sent with Enter are read.
    big = os.path.join(tmp, "big.md")
    parts = ["# A long read\n\nquokka starts it.\n\n"]
    size, n = 0, 0
    while size < 3_000_000:
        n += 1
        copy = re.sub(r"^(#+) ", lambda m: "%s Part %d: " % (m.group(1), n),
                      article, flags=re.M)
        parts.append(copy + "\nA quokka in part %d.\n\n" % n)
        size += len(copy)
    with open(big, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    total = n + 1

    # The first match, highlighted as the current one, then its count.
    rc, s, err = drive("""
expect-row 23 0%%
send /quokka\\r
attr-at 3 0 char=q bg=2
expect-row 23 match 1/%d
send q
wait-exit 0
""" % total, big)
    ok(rc == 0, "/quokka in a 3 MB file: the first match highlighted, then "
       "match 1/%d" % total, err)

    # n typed with Enter, while the rest is counted (a pattern: every line
    # folded and matched, below): it goes to match 2, and the note takes
    # the total when the count is done.
    rc, s, err = drive("""
expect-row 23 0%%
send /quok+a\\rn
expect-row 23 match 2/%d
expect A quokka in part 1.
send n
expect-row 23 match 3/%d
send q
wait-exit 0
""" % (total, total), big)
    ok(rc == 0, "n pressed during the count goes to match 2; the count "
       "then completes its note", err)

    # Ctrl-C with Enter stops the count; n still finds the next match.  A
    # pattern, so every line is folded and matched: a count of some
    # tens of milliseconds, where the word's is a walk over the lines.
    rc, s, err = drive("""
expect-row 23 0%
send /quok+a\\r\\x03
expect-row 23 count stopped at
send n
expect-row 23 match 2/...
expect A quokka in part 1.
send q
wait-exit 0
""", big)
    ok(rc == 0, "Ctrl-C stops the count; n goes on to match 2 of an "
       "unknown total", err)

    # G, then ? from the last page: the last match above it, its index
    # known at once (everything before it is searched to find it).
    rc, s, err = drive("""
expect-row 23 0%%
send G
expect A quokka in part %d.
send ?quokka\\r
expect A quokka in part %d.
expect-row 23 match %d/%d
send q
wait-exit 0
""" % (n, n - 1, total - 1, total), big)
    ok(rc == 0, "? from the last page: the match above it, match %d/%d" %
       (total - 1, total), err)

    # A pattern found nowhere: looked for between keys if it takes long,
    # then said so; the screen has not moved.
    rc, s, err = drive("""
expect-row 23 0%
send /quok+a in part 9999$\\r
expect-row 23 not found: quok+a in part 9999$
expect-row 0 A long read
send q
wait-exit 0
""", big)
    ok(rc == 0, "a pattern found nowhere in 3 MB: not found", err)

done()
