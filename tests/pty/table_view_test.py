#!/usr/bin/env python3
"""The comparison view as a person uses it, in a pseudo-terminal: open
with t, move to a row, its detail side by side, g to the section it
names and back to the same row, columns, filter, horizontal scrolling of
a 400-column table, cards when narrow, a 20,000-row table.

usage: table_view_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import re
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
ok(rc == 0 and "Feature" in s[0][1] and "Rust" in s[0][1] and
   "Go" in s[0][1], "at 80 columns Feature, Rust and Go side by side",
   err or "\n".join(s[0]))

# c hides a column; / filters rows; Esc clears the filter.
rc, s, err = drive("""
expect Difference
send t
expect Feature
send c
expect Columns to compare
send <Space><Enter>
expect-row 1 Feature
reject Rust
send /learn
expect-row 2 Learning curve
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
expect-row -1 cards
resize 80 24
expect-row -1 row 1/8
reject cards
expect-row 1 Feature
send q
send q
wait-exit 0
""", size="25x20")
ok(rc == 0, "too narrow for two columns: cards, and back to the grid when "
   "wider", err)
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
expect-row -1 columns 2-
expect-row -1 of 400 >
send llllllllllllllllllll
expect-row -1 < columns
reject col2 
send hhhhhhhhhhhhhhhhhhh
expect col2
send llllllllllllllllllll
settle
screen
send q
send q
wait-exit 0
""", args=[many])
    ok(rc == 0, "400 columns: l and h move the column cursor and scroll, "
       "the first column stays", err)
    if rc == 0:
        head = s[0][1]
        ok(head.split()[0] == "col1" and "col21" in head.split() and
           "col2" not in head.split(), "after 20 x l: col1 frozen, col21 "
           "in view", head)

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

    bench = os.path.join(tmp, "bench.md")
    with open(bench, "w") as f:
        f.write("# Bench\n\n| Tool | Time | Size |\n|---|--:|--:|\n"
                "| fast | 0.082s (1.00x) | 12 MB |\n"
                "| slow | 2.929s (35.94x) | 900 KB |\n"
                "| middle | 443 ms | 1.5 GB |\n")
    rc, s, err = drive("""
expect Bench
send t
expect Table 1
send ls
expect-row -1 sorted by Time, rising
expect-row 2 fast
expect-row 3 middle
expect-row 4 slow
send s
expect-row -1 sorted by Time, falling
expect-row 2 slow
send s
expect-row 2 fast
expect-row 3 slow
reject sorted by
send \\e[<0;3;2M\\e[<0;3;2m
expect-row -1 sorted by Tool, rising
send \\e[<0;3;2M\\e[<0;3;2m
expect-row -1 sorted by Tool, falling
send \\e[<0;3;4M\\e[<0;3;4m
expect-row -1 row 2/3
send \\e[<0;3;4M\\e[<0;3;4m
expect-row 1 middle
expect 443 ms
send q
send g
expect-row -1 no section of the article matches this row
send n
expect-row -1 this is the last table
send q
send q
wait-exit 0
""", args=[bench])
    ok(rc == 0, "s sorts by Time with units, again reverses, again restores;"
       " a click on a header sorts, on a row chooses it, again opens it", err)

# Resizing from 80x24 to 200x50 with the cursor on row 2: row 1 comes back.
rc, s, err = drive("""
expect Difference
send t
expect Table 1
send jjjjjjjkkkkkk
expect-row -1 row 2/8
reject Memory management
resize 200 50
expect-row -1 row 2/8
expect-row 2 Memory management
send q
send q
wait-exit 0
""", size="80x12")
ok(rc == 0, "a resize that lets every row fit shows row 1 again", err)

# At 50 columns the view fills the width.
rc, s, err = drive("""
expect Difference
send t
expect Table 1
screen
send q
send q
wait-exit 0
""", size="50x20")
ok(rc == 0 and max(len(l.rstrip()) for l in s[0][1:-2]) >= 48,
   "at 50 columns the columns fill the screen", "\n".join(s[0][:4]))

# Opened from a row far down a table whose rows take two lines each, the
# view shows the cursor's row (it drew the first rows, the cursor off
# the screen).
with tempfile.TemporaryDirectory() as tmp:
    tall = os.path.join(tmp, "tall.md")
    with open(tall, "w") as f:
        f.write("# Tall rows\n\n| Name | Notes |\n|---|---|\n")
        for i in range(1, 21):
            f.write("| item%02d | a note long enough to wrap onto a second "
                    "line here |\n" % i)
    rc, s, err = drive("""
expect Tall rows
send /item16<Enter>
expect-row -1 match 1/1
send t
expect-row -1 /20
screen
send q
send q
wait-exit 0
""", args=[tall], size="40x12")
    m = re.search(r" row (\d+)/20", "\n".join(s[0])) if rc == 0 else None
    ok(m and int(m.group(1)) > 10 and
       any("item%02d" % int(m.group(1)) in l for l in s[0][1:-1]),
       "t from a row far down a table of two-line rows shows that row",
       err or "\n".join(s[0]))

    # t after a search opens on the row of the match on screen, not on
    # the row at the top line.
    rc, s, err = drive("""
expect Tall rows
send /item16<Enter>
expect-row -1 match 1/1
send t
expect-row -1 row 16/20
send q
send q
wait-exit 0
""", args=[tall], size="40x12")
    ok(rc == 0, "t after /item16 opens on item16's row", err)

# A line break in a cell: lines of the cell in the grid, a blank where
# the cell is one line (the detail's title), never a '?'.
with tempfile.TemporaryDirectory() as tmp:
    brk = os.path.join(tmp, "brk.md")
    with open(brk, "w") as f:
        f.write("# Breaks\n\n| Release | Changes |\n|---|---|\n"
                "| 2.0<br>beta | new parser<br>faster start |\n")
    rc, s, err = drive("""
expect Breaks
send t
expect-row 2 2.0     new parser
expect-row 3 beta    faster start
send <Enter>
expect-row 1 2.0 beta
reject ?
send q
send q
send q
wait-exit 0
""", args=[brk])
    ok(rc == 0, "a cell's line break: its own line in the view, a blank in "
       "the detail's title", err)

# A row's detail scrolls no further than its last line at the bottom (j
# went on until the box's bottom line alone was left).
rc, s, err = drive("""
expect Difference
send t
expect Table 1
send <Enter>
send """ + "j" * 30 + """
expect-row 6 \u2514
screen
send q
send q
send q
wait-exit 0
""", size="80x8")
ok(rc == 0 and s and not s[0][3].startswith("\u2514"),
   "a row's detail stops scrolling with its end at the bottom",
   err or "\n".join(s[0] if s else []))

done()
