#!/usr/bin/env python3
"""Navigation as a person uses it, in a pseudo-terminal: the section
index and its filter, ] through every section, back and forward, marks,
help listing every key of the keymap, the reading position kept across
runs (and a damaged state file), the mouse.

usage: nav_test.py VTDRIVE QUIRE ARTICLE
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


def drive(script, args=None, size="80x24", env=()):
    rc, screens, out, err = tap.drive(
        VTDRIVE, script, [QUIRE] + (args if args is not None else [ARTICLE]),
        size, env)
    return rc, screens, err


def toc():
    r = subprocess.run([QUIRE, "--toc", ARTICLE], capture_output=True,
                       text=True, check=True)
    return r.stdout.splitlines()


H2 = [l.split(" ", 1)[1] for l in toc()[1:] if not l.startswith(" ")]

# The index: filter by typing, Enter lands on the section at the top.
rc, s, err = drive("""
expect Difference between Rust and Go
send i
expect Sections (25)
expect-row 1 Difference between Rust and Go
send concurr
expect Sections matching: concurr
screen
send <Enter>
expect-row 0 Concurrency models: goroutines vs asynchronous patterns
send q
wait-exit 0
""")
ok(rc == 0, "index: 'concurr' then Enter shows Concurrency models at the top",
   err)
if rc == 0:
    items = [l for l in s[0][1:23] if l.strip()]
    ok(len(items) == 1 and "4 Concurrency models" in items[0],
       "the filter leaves the one matching title", "\n".join(s[0]))

# Numbers: typing 17.2 then Enter jumps to that section.
rc, s, err = drive("""
expect Difference
send i17.2<Enter>
expect-row 0 Is Rust harder to learn than Go?
send q
wait-exit 0
""")
ok(rc == 0, "index: a number then Enter jumps to that section", err)

# A handbook that numbers its own headings: the index shows its numbers,
# not quire's besides, and a number typed is one of them (its sections
# start at 0, so quire's would be one off).
with tempfile.TemporaryDirectory() as tmp:
    book = os.path.join(tmp, "handbook.md")
    with open(book, "w") as f:
        f.write("# Handbook\n\n")
        for n, name in enumerate(["Before you start", "Installing",
                                  "Configuring", "Running"]):
            f.write("## %d. %s\n\n" % (n, name) + "Some text.\n\n" * 30)
            f.write("### %d.1 Details of %s\n\n" % (n, name.lower()) +
                    "More text.\n\n" * 30)
    rc, s, err = drive("""
expect Handbook
send i
expect Sections (9)
screen
send 2.1<Enter>
expect-row 0 2.1 Details of configuring
send q
wait-exit 0
""", [book])
    rows = s[0] if s else []
    ok(rc == 0 and any(l.strip().startswith("2. Configuring") or
                       "  2. Configuring" in l for l in rows) and
       not any(re.search(r"\b3 2\. Configuring", l) for l in rows),
       "a self-numbered handbook's index: its own numbers, and 2.1 typed "
       "jumps to its 2.1", err + "\n".join(rows))

# The index opens on the reader's section; Esc/q close without moving.
rc, s, err = drive("""
expect Difference
send 5}
expect-row 0 Performance characteristics
send i
expect-row 6 > 5 Performance
send <Esc>
expect-row 0 Performance characteristics
send i
send <Up>
send <Esc>
expect-row 0 Performance characteristics
send i
send <Up><C-p><Enter>
expect-row 0 Memory management and safety
send q
wait-exit 0
""")
ok(rc == 0, "index marks the reader's section; Esc closes; Up, Ctrl-P and "
   "Enter",
   err)

# ] from the title visits every H2 in order; the last one is on the last
# screen, which stays full, and the status line names it.
script = "expect Difference\n"
for title in H2[:-1]:
    script += "send ]\nexpect-row 0 %s\n" % title
script += "send ]\nexpect-row -1 - %s\n" % H2[-1]
script += "send ]\nexpect no next section\nsend q\nwait-exit 0\n"
rc, s, err = drive(script)
ok(rc == 0, "] from the title visits all %d sections in order" % len(H2),
   err)

# [ goes to the start of the section, then the previous one; } {, and
# a count before } for a top-level section.
rc, s, err = drive("""
expect Difference
send 3}
expect-row 0 Memory management and safety
send jj[
expect-row 0 Memory management and safety
send [
expect-row 0 Design philosophies
send }
expect-row 0 Memory management and safety
send i17<Enter>
expect-row 0 Quick Answers
send ]
expect-row -1 - Quick Summary
send [
expect-row 0 Quick Answers
send i17.2<Enter>
expect-row 0 Is Rust harder to learn than Go?
send ]
expect-row 0 Which language is better for backend services?
send [
expect-row 0 Is Rust harder to learn than Go?
send }
expect-row -1 - Quick Summary
send {{
expect-row 0 Cons
send q
wait-exit 0
""")
ok(rc == 0, "[ ] { } and N} move by sections", err)

# Back returns to the exact previous line; forward again.
rc, s, err = drive("""
expect Difference
send <Space><Space><Space>jj
settle
screen
send 9}
expect-row 0 Industry adoption
send <BS>
settle
screen
send U
expect-row 0 Industry adoption
send B
settle
screen
send 2}
expect-row 0 Design philosophies
send ''
settle
screen
send q
wait-exit 0
""")
ok(rc == 0, "back (Backspace, u, '') and forward (U)", err)
if rc == 0:
    ok(s[1][:23] == s[0][:23], "Backspace returns to the exact line",
       "\n".join(s[0][:3] + ["--"] + s[1][:3]))
    ok(s[2][:23] == s[0][:23], "u returns to the exact line")
    ok(s[3][:23] == s[0][:23], "'' returns to the exact line")

# Marks as in less.
rc, s, err = drive("""
expect Difference
send <Space><Space>j
settle
screen
send ma
expect mark a set
send G
expect-row -1 100%
send 'a
settle
screen
send 'z
expect mark z is not set
send q
wait-exit 0
""")
ok(rc == 0 and s[0][:23] == s[1][:23], "m a then ' a returns to the mark",
   err)

# Help lists every key of the keymap, under its view.
keys = [l.split("\t") for l in subprocess.run(
    [QUIRE, "--keys"], capture_output=True, text=True,
    check=True).stdout.splitlines()]
script = "expect Difference\nsend h\nexpect quire keys\nscreen\n"
script += "send q\nexpect-row -1 page\nsend q\nwait-exit 0\n"
rc, s, err = drive(script, size="120x200")
ok(rc == 0, "h opens the help, q closes it", err)
if rc == 0:
    text = "\n".join(s[0])
    missing = []
    for view, name, helptext in keys:
        start = text.find("\n" + view + "\n")
        end = text.find("\n\n", start + 1)
        end = end if end >= 0 else len(text)
        block = text[start:end]
        row = []
        for l in block.split("\n"):
            parts = re.split(r"\s{2,}", l.strip(), maxsplit=1)
            if len(parts) == 2 and parts[1].strip() == helptext:
                row.append(parts[0])
        if start < 0 or not row or name not in [
                k.strip() for k in row[0].split(",")]:
            missing.append((view, name))
    ok(not missing, "help shows all %d keys of the keymap, by view" %
       len(keys), "missing: %r" % (missing,))
rc, s, err = drive("""
expect h help
send j
reject h help
send q
wait-exit 0
""")
ok(rc == 0, "the status line says 'h help' until the first key", err)

# The reading position is kept across runs, keyed by the file.
with tempfile.TemporaryDirectory() as tmp:
    env = ["XDG_STATE_HOME=" + tmp, "QUIRE_NO_STATE="]
    rc, s, err = drive("""
expect Difference
send 7}jjj
settle
screen
send q
wait-exit 0
""", env=env)
    ok(rc == 0 and os.path.exists(os.path.join(tmp, "quire", "positions")),
       "quitting saves the position under XDG_STATE_HOME", err)
    rc2, s2, err2 = drive("""
expect resumed at Learning curve and developer experience
expect g for the start
settle
screen
send g
expect-row 0 Difference between Rust and Go
send q
wait-exit 0
""", env=env)
    ok(rc2 == 0, "the next run resumes there, with a note", err2)
    if rc == 0 and rc2 == 0:
        ok(s2[0][:23] == s[0][:23], "at the same line",
           "\n".join(s[0][:3] + ["--"] + s2[0][:3]))
    # A line that shows no text of its own -- a heading's rule -- is
    # resumed at too, not at the heading above it.
    rc, s, err = drive("""
expect Difference
send 7}j
settle
screen
send q
wait-exit 0
""", env=env)
    rc2, s2, err2 = drive("""
expect resumed at Learning curve and developer experience
settle
screen
send q
wait-exit 0
""", env=env)
    ok(rc == 0 and rc2 == 0 and s[0][0].strip().startswith("\u2500") and
       s2[0][:23] == s[0][:23], "a heading's rule at the top: resumed there",
       "\n".join(s[0][:3] + ["--"] + s2[0][:3]) + err + err2)
    rc, s, err = drive("""
expect Difference between Rust and Go
expect-row 0 Difference between Rust and Go
send q
wait-exit 0
""", env=env + ["QUIRE_NO_STATE=1"])
    ok(rc == 0, "QUIRE_NO_STATE opens at the start", err)
    rc, s, err = drive("""
expect-row 0 Difference between Rust and Go
send q
wait-exit 0
""", args=["--no-state", ARTICLE], env=env)
    ok(rc == 0, "--no-state opens at the start", err)
    with open(os.path.join(tmp, "quire", "positions"), "wb") as f:
        f.write(b"\x00garbage\xff\nnot a state file\n")
    rc, s, err = drive("""
expect damaged
expect-row 0 Difference between Rust and Go
send 3}
send q
wait-exit 0
""", env=env)
    ok(rc == 0, "a damaged state file is set aside with a warning", err)
    data = open(os.path.join(tmp, "quire", "positions"), "rb").read()
    ok(data.startswith(b"quire-positions 1\n") and b"garbage" not in data,
       "and a good one written on quit", data[:200])
    bad = open(os.path.join(tmp, "quire", "positions.bad"), "rb").read()
    ok(bad.startswith(b"\x00garbage"), "the damaged one kept as "
       "positions.bad", bad[:200])
    left = [n for n in os.listdir(os.path.join(tmp, "quire"))
            if n not in ("positions", "positions.bad", "positions.lock")]
    ok(not left, "no temporary file left behind", left)

# The mouse: the wheel scrolls the pager and the index; a click jumps.
rc, s, err = drive(r"""
expect Difference
send \e[<65;10;10M
expect-row 0 An analytical comparison of Rust and Go
send i
expect Sections (25)
send \e[<0;10;4M\e[<0;10;4m
expect-row 0 Design philosophies
send q
wait-exit 0
""")
ok(rc == 0, "mouse wheel scrolls 3 lines; a click in the index jumps", err)

# Tiny and huge terminals.
rc, s, err = drive("""
send i
expect Sections
resize 30 8
settle
send <Enter>
expect-row -1 page
resize 1 1
settle
resize 80 24
expect-row -1 page
send q
wait-exit 0
""")
ok(rc == 0, "the index at 30x8, then 1x1 and back: no crash", err)

# Resize while the index is open keeps the reader's place.
rc, s, err = drive("""
expect Difference
send 4}jjjj
settle
screen
send i
expect Sections (25)
resize 100 30
expect Sections (25)
resize 80 24
send <Esc>
expect-row -1 page
settle
screen
send q
wait-exit 0
""")
ok(rc == 0 and s[0][:23] == s[1][:23],
   "resize with the index open keeps the reader's place", err)

# Twenty thousand headings: the index opens, pages and reaches the end.
with tempfile.TemporaryDirectory() as tmp:
    big = os.path.join(tmp, "many.md")
    with open(big, "w") as f:
        for i in range(1, 20001):
            f.write("## Heading number %d\n\ntext %d\n\n" % (i, i))
    rc, s, err = drive("""
expect Heading number 1
send i
expect Sections (20000)
send <PgDn><PgDn><PgDn>
expect 64 Heading number 64
send <End>
expect 20000 Heading number 20000
send <Enter>
expect-row -1 - Heading number 20000
expect-row 22 text 20000
send i
send 19999<Enter>
expect-row -1 - Heading number 19999
expect-row 22 text 20000
send q
wait-exit 0
""", args=["--no-state", big])
    ok(rc == 0, "20,000 headings: the index scrolls, ends, jumps", err)

# Links to headings by GitHub's slugs beyond ASCII: an emoji dropped, a
# capital letter lowered (Ñ, Cyrillic), a %-escaped name.
with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "slugs.md")
    with open(doc, "w", encoding="utf-8") as f:
        f.write("# Slugs\n\n[one](#-rocket-launch) [two](#café-ñ) "
                "[three](#установка) [four](#caf%C3%A9-%C3%B1)\n\n")
        f.write("".join("Filler %d.\n\n" % i for i in range(40)))
        f.write("## 🚀 Rocket launch\n\nA.\n\n## Café Ñ\n\nB.\n\n"
                "## Установка\n\nC.\n\n")
        f.write("".join("More filler %d.\n\n" % i for i in range(40)))
    for n, title in ((1, "Rocket launch"), (2, "Café Ñ"), (3, "Установка"),
                     (4, "Café Ñ")):
        rc, s, err = drive("""
expect Slugs
send %s
expect Enter follows
send <Enter>
expect-row -1 %s
send q
wait-exit 0
""" % ("<Tab>" * n, title), args=["--no-state", doc])
        ok(rc == 0, "link %d of GitHub slugs beyond ASCII reaches %s"
           % (n, title), err)

done()
