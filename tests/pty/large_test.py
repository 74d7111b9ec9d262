#!/usr/bin/env python3
"""A large file in the pager: its first page is shown from a first part
while the whole is parsed on a second thread, and nothing a person can
see or do tells the two apart, except that the status line has no page
total until the whole is there.

usage: large_test.py VTDRIVE QUIRE ARTICLE
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


def drive(script, path, env=(), args=("--no-state",)):
    rc, screens, out, err = tap.drive(VTDRIVE, script,
                                      [QUIRE, *args, path], "80x24", env)
    return rc, screens, err


with open(ARTICLE, encoding="utf-8") as f:
    article = f.read()

with tempfile.TemporaryDirectory() as tmp:
    big = os.path.join(tmp, "big.md")
    # The article over and over (about 3 MB, past the size that is shown
    # from a first part), its headings numbered; a link in the first
    # paragraph whose reference is defined at the very end.
    parts = ["# A long read\n\nStart with [the last part][end] or read "
             "on.\n\n"]
    size, n = 0, 0
    while size < 3_000_000:
        n += 1
        copy = re.sub(r"^(#+) ", lambda m: "%s Part %d: " % (m.group(1), n),
                      article, flags=re.M)
        parts.append(copy + "\n")
        size += len(copy)
    parts.append("## The very end\n\nThe last words of the long read.\n\n"
                 "[end]: #the-very-end\n")
    with open(big, "w", encoding="utf-8") as f:
        f.write("".join(parts))

    rc, s, err = drive("""
expect-row 0 A long read
expect Start with the last part or read on.
expect-row 23 0%
settle
screen
send G
expect The last words of the long read.
send g
expect-row 0 A long read
send q
wait-exit 0
""", big)
    ok(rc == 0, "a 3 MB file opens at its first page; G reaches its end",
       err)
    if rc == 0:
        status = s[0][23]
        ok(re.search(r"page 1/\d+ +0%", status) is not None,
           "once the whole is loaded the status line counts its pages",
           status)

    # The link in the first part follows its reference, defined 3 MB on.
    rc, s, err = drive("""
expect Start with the last part
send <Tab>
settle
send <Enter>
expect The last words of the long read.
send q
wait-exit 0
""", big)
    ok(rc == 0, "a reference defined at the end makes a link on the first "
       "page, and Enter follows it", err)

    # A second large file opens the same way from :n; :p comes back.
    second = os.path.join(tmp, "second.md")
    with open(second, "w", encoding="utf-8") as f:
        f.write("# The second read\n\n" + "".join(parts[1:]))
    rc, _, _, err = tap.drive(VTDRIVE, """
expect-row 23 0%
send :n
expect-row 0 The second read
expect-row 23 0%
send G
expect The last words of the long read.
send :p
expect-row 0 A long read
send q
wait-exit 0
""", [QUIRE, "--no-state", big, second], "80x24")
    ok(rc == 0, "two large files: :n opens the second from its first part, "
       ":p goes back", err)

    # A directory: its documents view loads every file first (for their
    # titles); the large one must still be shown whole after.
    d = os.path.join(tmp, "dir")
    os.mkdir(d)
    os.link(big, os.path.join(d, "a.md"))
    with open(os.path.join(d, "b.md"), "w") as f:
        f.write("# Small\n\nx\n")
    rc, _, _, err = tap.drive(VTDRIVE, """
expect Documents (2)
send <Esc>
expect-row 0 A long read
expect-row 23 0%
send G
expect The last words of the long read.
send q
wait-exit 0
""", [QUIRE, "--no-state", d], "80x24")
    ok(rc == 0, "a directory with a large file: the whole is shown after "
       "the documents view", err)

    # A key pressed while the whole is parsed says why it waits (a file of
    # some 20 MB takes a few hundred milliseconds, and more under ASan).
    huge = os.path.join(tmp, "huge.md")
    with open(huge, "w", encoding="utf-8") as f:
        f.write("".join(parts[:-1]) * 7 + parts[-1])
    # (The first part's scans of the rest stop short of the definition
    # 20 MB on: it shows "[the last part][end]" as written.)
    rc, _, _, err = tap.drive(VTDRIVE, """
expect Start with
send 5000j
expect reading the rest of the file
expect-row 23 %
send G
expect The last words of the long read.
send q
wait-exit 0
""", [QUIRE, "--no-state", huge], "80x24")
    ok(rc == 0, "a key that moves past the first part of a 20 MB file: a "
       "note, then the key on the whole", err)

    # Keys that move within the first part act on it at once: no note,
    # the part's next page, and the whole takes its place there.
    log = os.path.join(tmp, "space.log")
    rc, screens, _, err = tap.drive(VTDRIVE, """
raw-log %s
expect Start with
send <Space>
expect-row 23 page 2/...
screen
send j
expect-row 23 %%
screen
send q
wait-exit 0
""" % log, [QUIRE, "--no-state", huge], "80x24")
    with open(log, "rb") as f:
        raw = f.read()
    first = screens[0] if screens else []
    ok(rc == 0 and b"reading the rest of the file" not in raw and
       not any("Start with" in line for line in first),
       "Space while a 20 MB file loads: the first part's next page at "
       "once, no note", err + "\n".join(first))
    ok(len(screens) > 1 and screens[1][0] == first[1],
       "then j on the whole moves on from the same line",
       "\n".join(screens[1] if len(screens) > 1 else []))

    # The wheel, too: three lines down on the first part, no note.
    log = os.path.join(tmp, "wheel.log")
    rc, screens, _, err = tap.drive(VTDRIVE, """
raw-log %s
expect Start with
screen
send \\e[<65;10;10M
expect-row 23 page 1/...
screen
send q
wait-exit 0
""" % log, [QUIRE, "--no-state", huge], "80x24")
    with open(log, "rb") as f:
        raw = f.read()
    ok(rc == 0 and len(screens) > 1 and screens[1][0] == screens[0][3] and
       b"reading the rest of the file" not in raw,
       "the wheel while a 20 MB file loads: three lines on the first part "
       "at once, no note",
       err + "\n".join(screens[1] if len(screens) > 1 else []))

    # A count before the wheel moves as many lines more, as on the whole:
    # past the first part, so it waits for the whole.
    counted = []
    for wait in ("", "expect-row 23 %\nsettle\n"):
        rc, screens, _, err = tap.drive(VTDRIVE, """
expect Start with
%ssend 3000
send \\e[<65;10;10M
expect-row 23 %%
settle
screen
send q
wait-exit 0
""" % wait, [QUIRE, "--no-state", huge], "80x24")
        counted.append(screens[0] if rc == 0 and screens else None)
    ok(counted[0] is not None and counted[0] == counted[1],
       "3000 then the wheel while a 20 MB file loads: where it goes on "
       "the whole", "\n".join((counted[0] or [])[:2] + ["--"] +
                              (counted[1] or [])[:2]))

    # Keys on the first part hold when the whole takes its place: ] jumps
    # on the part (its outline is read before the whole), 5 of 5j is
    # typed there while j waits for the whole, and '' goes back on the
    # whole to where ] was pressed on the part.
    rc, _, _, err = tap.drive(VTDRIVE, """
expect Start with
send ]
expect-row 0 Part 1: Difference between Rust and Go
send 5j
expect-row 0 choice for your next project.
expect-row 23 0%
send ''
expect-row 0 A long read
send q
wait-exit 0
""", [QUIRE, "--no-state", huge], "80x24")
    ok(rc == 0, "] on the part of a 20 MB file, 5j as the whole arrives, "
       "then '' on the whole: the history and the count held", err)

    # Two far jumps before the whole is in: G, then 50% from the part at
    # the end; '' goes back to the end, and again to the middle, as on
    # the whole (the place left in a part is kept for the history).
    rc, screens, _, err = tap.drive(VTDRIVE, """
expect Start with
send G
expect The last words of the long read.
expect-row 23 page ?/?
send 50%
expect-row 23 page ?/?
reject The last words of the long read.
screen
timeout 90
send ''
expect The last words of the long read.
expect-row 23 100%
send ''
reject The last words of the long read.
screen
send q
wait-exit 0
""", [QUIRE, "--no-state", huge], "80x24")
    ok(rc == 0 and len(screens) == 2 and screens[0][:23] == screens[1][:23],
       "G then 50% on parts of a 20 MB file: '' goes back to the end, and "
       "again to the middle", err)

    # Back on the first part after G, then ]: '' goes to where ] was
    # pressed, and Backspace on back to the end, in the order they were
    # left.
    rc, _, _, err = tap.drive(VTDRIVE, """
expect Start with
send G
expect The last words of the long read.
send g
expect-row 0 A long read
send ]
expect-row 0 Part 1: Difference between Rust and Go
timeout 90
send ''
expect-row 23 0%
expect-row 0 A long read
send ''
expect-row 0 Part 1: Difference between Rust and Go
send <BS>
expect-row 0 A long read
send <BS>
expect The last words of the long read.
send q
wait-exit 0
""", [QUIRE, "--no-state", huge], "80x24")
    ok(rc == 0, "G, g, ] on parts of a 20 MB file: '' goes to where ] was "
       "pressed (and '' again back), Backspace then to the end", err)

    # A book: compiler output quoted as "> error[E0106]: ..." all through
    # it, and a reference defined inside a quote far on, used on the
    # first page.  The first part is shown all the same, the reference
    # still as written, then the whole replaces it in place, the
    # reference a link.
    book = os.path.join(tmp, "book.md")
    quote = ("> error[E0106]: missing lifetime specifier\n"
             "> help: consider introducing a named lifetime parameter\n\n")
    with open(book, "w", encoding="utf-8") as f:
        f.write("# A book of errors\n\nRead about [lifetimes][e0106] "
                "first.\n\n" + quote)
        for chunk in parts[1:-1] * 7:
            f.write(chunk + quote)
        f.write("## Notes\n\n> [e0106]: /errors#lifetimes\n")
    rc, s, err = drive("""
expect-row 0 A book of errors
expect Read about [lifetimes][e0106] first.
expect Read about lifetimes first.
expect-row 23 0%
expect-row 0 A book of errors
send <Tab>
expect /errors#lifetimes
send q
wait-exit 0
""", book)
    ok(rc == 0, "a book whose definitions the first part cannot be sure "
       "of opens from its first part; the whole replaces it in place, "
       "with the link", err)

    # Quitting at once, while the whole is still being parsed.
    rc, s, err = drive("""
send q
wait-exit 0
""", big)
    ok(rc == 0, "q at once quits cleanly while the file loads", err)

    rc, s, err = drive("""
signal TERM
wait-exit 143
""", big)
    ok(rc == 0, "SIGTERM while the file loads ends with status 143", err)

    # A directory of many large files opens on its list at once: the
    # titles come from each file's first lines, no document is parsed
    # for them (300 of these took 15 s when each was).  One large file
    # linked under 300 names, and small ones of other titles; Esc leaves
    # the list for the first document, q quits.
    many = os.path.join(tmp, "many")
    os.mkdir(many)
    vol = os.path.join(tmp, "vol.md")
    body = re.sub(r"^# .*$", "", article, count=1, flags=re.M)
    with open(vol, "w", encoding="utf-8") as f:
        f.write("# One volume\n\n" + body * (1_350_000 // len(body) + 1))
    for i in range(300):
        os.link(vol, os.path.join(many, "vol%03d.md" % i))
    for name, head in (("x-setext.md", "Set in Two Lines\n=====\n"),
                       ("y-front.md", "---\ntitle: From the Front\n---\n"
                        "\n## One\n## Two\n"),
                       ("z-none.md", "# One\n\n# Two\n")):
        with open(os.path.join(many, name), "w", encoding="utf-8") as f:
            f.write(head + "\ntext\n")
    rc, s, err = drive("""
expect Documents (303)
expect-row 1 > One volume  vol000.md
expect-row 2 One volume  vol001.md
send <End>
expect Set in Two Lines  x-setext.md
expect From the Front  y-front.md
expect-row 22   z-none.md
send <Esc>
expect-row 0 One volume
send q
wait-exit 0
""", many)
    ok(rc == 0, "a directory of 300 large files shows its list with every "
       "title at once; Esc reads the first, q quits", err)

    # A whole past the memory budget (its first part is fine): quire
    # ends with status 4 and one line, the terminal restored, whether the
    # second thread's parse reaches the budget before the screen is up
    # or after.
    over = os.path.join(tmp, "over.md")
    with open(over, "w", encoding="utf-8") as f:
        f.write(parts[0] + parts[1] + "- a\n" * (2 << 20))
    log = os.path.join(tmp, "raw")
    rc, s, err = drive(f"""
raw-log {log}
wait-exit 4
altscreen off
expect MiB to parse; quire stops there
""", over)
    raw = open(log, "rb").read()
    ok(rc == 0 and raw.rfind(b"\x1b[?1049l") >= raw.rfind(b"\x1b[?1049h")
       and raw.rfind(b"\x1b[?25h") >= raw.rfind(b"\x1b[?25l"),
       "a whole past the memory budget: status 4, its line, the screen "
       "and the cursor restored", err)

    # The place kept from last time lies far past the first part.
    env = ["XDG_STATE_HOME=" + tmp, "QUIRE_NO_STATE="]
    rc, s, err = drive("""
expect A long read
send G
expect The last words of the long read.
send q
wait-exit 0
""", big, env=env, args=())
    rc2, s2, err2 = drive("""
expect resumed at
expect The last words of the long read.
send q
wait-exit 0
""", big, env=env, args=())
    ok(rc == 0 and rc2 == 0, "the next run resumes at the end of the file",
       err + err2)

done()
