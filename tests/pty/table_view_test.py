#!/usr/bin/env python3
"""The comparison view as a person uses it, in a pseudo-terminal: open
with t, move to a row, its detail side by side, g to the section it
names and back to the same row, columns, filter, horizontal scrolling of
a 400-column table, cards when narrow, a 20,000-row table.

usage: table_view_test.py VTDRIVE QUIRE ARTICLE
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


def drive(script, args=None, size="80x24"):
    rc, screens, out, err = tap.drive(
        VTDRIVE, script, [QUIRE, "--no-state"] + (args if args is not None else [ARTICLE]),
        size)
    return rc, screens, err


# t, the concurrency row, Enter: Rust and Go side by side.
rc, s, err = drive("""
expect Difference
send t
expect Table 1 of 1, 8 x 3 - Comparison
expect-row -1 row 1/8
send j
expect-row -1 row 2/8
expect-row -1 g: Concurrency models
send <Enter>
expect-row 1 Concurrency model
expect Goroutines with built-in scheduler and channels
screen
send q
expect-row -1 row 2/8
send g
expect-row 0 Concurrency models: goroutines vs asynchronous patterns
send <BS>
expect-row -1 row 2/8
expect Table 1 of 1
send q
expect-row -1 page
send q
wait-exit 0
""", size="160x30")
ok(rc == 0, "t, j, Enter, q, g, Backspace: the concurrency row round trip",
   err)
if rc == 0:
    side = [l for l in s[0] if "Goroutines with built-in scheduler and "
            "channels" in l]
    ok(side and "Fine-grained control; async/await with optional runtime "
       "(e.g., Tokio)" in side[0],
       "the detail shows Go's text beside Rust's", "\n".join(s[0]))

# At 80 columns the grid shows all three columns; j highlights rows.
rc, s, err = drive("""
expect Difference
send t
expect Feature
screen
send q
send q
wait-exit 0
""")
ok(rc == 0 and "Feature" in s[0][2] and "Rust" in s[0][2] and
   "Go" in s[0][2], "at 80 columns Feature, Rust and Go side by side",
   err or "\n".join(s[0]))

# c hides a column; / filters rows; Esc clears the filter.
rc, s, err = drive("""
expect Difference
send t
expect Feature
send c
expect Columns to compare
send <Space><Enter>
expect-row 2 Feature
reject Rust
send /learn
expect-row 4 Learning curve
send <Enter>
expect-row -1 row 1/1 (filter: learn)
send <Esc>
expect-row -1 row 5/8
send q
send q
wait-exit 0
""")
ok(rc == 0, "c hides the Rust column; / filters rows; Esc clears", err)

# Narrow: cards, said in the status line; widening brings the grid back.
rc, s, err = drive("""
expect Difference
send t
expect cards: too narrow
resize 80 24
expect-row -1 row 1/8
reject cards
expect-row 2 Feature
send q
send q
wait-exit 0
""", size="30x20")
ok(rc == 0, "below 40 columns: cards, and back to the grid when wider",
   err)
rc, s, err = drive("""
expect Diff
send t
settle
send jjG
settle
resize 10 3
settle
resize 80 24
expect-row -1 row 8/8
send q
send q
wait-exit 0
""", size="20x5")
ok(rc == 0, "20x5 and 10x3 do not crash the view", err)

with tempfile.TemporaryDirectory() as tmp:
    many = os.path.join(tmp, "many.md")
    with open(many, "w") as f:
        f.write("# Many\n\n")
        f.write("|" + "|".join("col%d" % i for i in range(1, 401)) + "|\n")
        f.write("|" + "|".join("---" for _ in range(400)) + "|\n")
        for r in range(1, 4):
            f.write("|" + "|".join("r%dc%d" % (r, i)
                                   for i in range(1, 401)) + "|\n")
    rc, s, err = drive("""
expect Many
send t
expect col2
expect-row -1 l columns
send l
expect hl columns
reject col2 
send h
expect col2
send lllll
settle
screen
send q
send q
wait-exit 0
""", args=[many])
    ok(rc == 0, "400 columns: l and h scroll, the first column stays", err)
    if rc == 0:
        head = s[0][2]
        ok(head.split("│")[1].strip() == "col1" and "col7" in head and
           "col2 " not in head, "after 5 x l: col1 frozen, then col7",
           head)

    rows = os.path.join(tmp, "rows.md")
    with open(rows, "w") as f:
        f.write("# Rows\n\n| n | square |\n|---|---|\n")
        for i in range(1, 20001):
            f.write("| %d | %d |\n" % (i, i * i))
    rc, s, err = drive("""
expect Rows
send t
expect row 1/20000
send G
expect row 20000/20000
expect 400000000
send k
expect row 19999/20000
send <Home>
expect row 1/20000
send q
send q
wait-exit 0
""", args=[rows])
    ok(rc == 0, "a 20,000-row table: G reaches the last row", err)

done()
