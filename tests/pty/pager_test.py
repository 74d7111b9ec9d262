#!/usr/bin/env python3
"""The pager as a person uses it: the real binary in a pseudo-terminal
(tests/vt/vtdrive, on libvterm), keys pressed, the screen read back.

usage: pager_test.py VTDRIVE QUIRE ARTICLE
"""
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, args, size="80x24", env=()):
    rc, screens, out, err = tap.drive(VTDRIVE, script, [QUIRE] + args,
                                      size, env)
    return rc, screens, err


def dump_lines(width):
    r = subprocess.run([QUIRE, "--dump", "--width", str(width), ARTICLE],
                       capture_output=True, text=True, check=True)
    return r.stdout.rstrip("\n").split("\n")


lines80 = dump_lines(80)
pages = math.ceil(len(lines80) / 23)

# Opens on the title, pages forward and back, ends, quits cleanly.
# Without colour the pager shows the very lines --dump prints.
rc, screens, err = drive(f"""
expect Difference between Rust and Go
altscreen on
expect-row -1 page 1/{pages}
expect-row -1 h help
screen
send <Space>
expect-row -1 page 2/{pages}
reject h help
screen
send <PgDn>
expect-row -1 page 3/{pages}
send b
expect-row -1 page 2/{pages}
send <PgUp>
expect-row -1 page 1/{pages}
send j
screen
send G
expect-row -1 page {pages}/{pages}
expect-row -1 100%
screen
send g
expect-row -1 page 1/{pages}
send q
wait-exit 0
altscreen off
""", [ARTICLE], env=["NO_COLOR=1"])
ok(rc == 0, "pager: title, page keys, page numbers, quit", err)
if rc == 0:
    first, second, down1, last = screens
    ok(first[0].strip() == lines80[0] and first[:23] == [
        l.rstrip() for l in lines80[:23]],
       "the first screen is the first 23 lines of the layout",
       "\n".join(first))
    ok(second[:23] == lines80[23:46], "Space shows the next 23 lines",
       "\n".join(second))
    ok(down1[0] == lines80[1], "j scrolls one line")
    ok(last[:23] == lines80[-23:], "G shows the last lines")
    ok("] next section  i index  a ask  t table  / search  h help" in
       first[23] and "page 1/%d" % pages in first[23],
       "status line of the first screen: the main keys and the page",
       first[23])
    ok("Difference between Rust and Go" in second[23] and
       "next section" not in second[23],
       "after a key: the title in their place", second[23])

# The status line names the section at the top of the screen.
rc, screens, err = drive("""
expect Difference between Rust and Go
send <Space><Space><Space>
settle
screen
send q
wait-exit 0
""", [ARTICLE])
ok(rc == 0 and " - " in screens[0][23], "status line names the section",
   err or screens[0][23])

# Resize reflows the text and keeps the top line's text on screen.
rc, screens, err = drive("""
expect Difference between Rust and Go
send <Space><Space><Space><Space><Space>
settle
screen
resize 120 30
expect-row -1 page
screen
resize 50 20
expect-row -1 page
screen
resize 80 24
screen
send q
wait-exit 0
""", [ARTICLE])
ok(rc == 0, "resize sequence runs", err)
if rc == 0:
    before, wide, narrow, back = screens
    top_words = [w for w in before[0].split() if w.strip("│─═")][:2]
    ok(len(wide[0]) > 80 or len(wide[1]) > 80 or
       max(len(l) for l in wide[:29]) > 80, "text reflows to 120 columns",
       "\n".join(wide))
    # vtdrive prints at most the screen's width: the rows must be the
    # 50-column layout's lines, not the 80-column ones cut at the edge.
    lines50 = [l.rstrip() for l in dump_lines(50)]
    ok(any(lines50[i:i + 19] == narrow[:19]
           for i in range(len(lines50) - 18)),
       "and to 50 columns: the rows are lines of the 50-column layout",
       "\n".join(narrow))
    for name, scr in (("120", wide), ("50", narrow), ("80", back)):
        ok(" ".join(top_words) in " ".join(scr[:3]),
           "after resize to %s the top text is still at the top" % name,
           "top words %r\n%s" % (top_words, "\n".join(scr[:3])))

# Terminal restored: on q, and on SIGINT (Ctrl-C).
with tempfile.TemporaryDirectory() as tmp:
    log = os.path.join(tmp, "raw")
    rc, screens, err = drive(f"""
raw-log {log}
expect Difference between Rust and Go
send q
wait-exit 0
altscreen off
""", [ARTICLE])
    raw = open(log, "rb").read()
    ok(rc == 0 and b"\x1b[?1049h" in raw and b"\x1b[?1049l" in raw and
       raw.rfind(b"\x1b[?1049l") > raw.rfind(b"\x1b[?1049h"),
       "q leaves the alternate screen", err)
    ok(b"\x1b[?25h" in raw[raw.rfind(b"\x1b[?25l"):],
       "q shows the cursor again")
rc, screens, err = drive("""
expect Difference between Rust and Go
send <C-c>
expect-row -1 Ctrl-C does not quit: q quits
send q
wait-exit 0
altscreen off
""", [ARTICLE])
ok(rc == 0, "Ctrl-C does not quit (q does), exits 0, restores the screen",
   err)

# SIGTERM and SIGHUP restore the terminal too; so does suspend (Ctrl-Z
# sends SIGTSTP; the pty's process group is orphaned here, so the kernel
# would drop the one the key makes, and the test sends the signal), and
# fg (SIGCONT) brings the screen back.
for sig, status in (("TERM", 143), ("HUP", 129)):
    rc, screens, err = drive(f"""
expect Difference between Rust and Go
signal {sig}
wait-exit {status}
altscreen off
""", [ARTICLE])
    ok(rc == 0, "SIG%s: terminal restored, exit %d" % (sig, status), err)
# (A stop signal that lands while ncurses is mid-update can be deferred
# by it; the test tries three times.)
for attempt in range(3):
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "raw")
        rc, screens, err = drive(f"""
raw-log {log}
expect Difference between Rust and Go
send <Space>
expect-row -1 page 2/
sleep 200
signal TSTP
sleep 300
signal CONT
sleep 300
send j
expect-row -1 page 2/
send q
wait-exit 0
altscreen off
""", [ARTICLE])
        raw = open(log, "rb").read()
    leave, enter = b"\x1b[?1049l", b"\x1b[?1049h"
    first_leave = raw.find(leave)
    good = rc == 0 and raw.count(leave) >= 2 and raw.count(enter) >= 2 and \
        raw.find(enter, first_leave) > first_leave
    if good:
        break
ok(good, "SIGTSTP leaves the screen; SIGCONT brings it back; keys work",
   err or repr(raw.count(leave)))

# NO_COLOR: no colour attribute is used; without it, headings are coloured.
rc, screens, err = drive("""
expect Difference between Rust and Go
attr-at 0 0 bold=1 fg=default
send q
wait-exit 0
""", [ARTICLE], env=["NO_COLOR=1"])
ok(rc == 0, "NO_COLOR: the title is bold, in the default colour", err)
rc, screens, err = drive("""
expect Difference between Rust and Go
attr-at 0 0 bold=1 fg=117
send q
wait-exit 0
""", [ARTICLE], env=["NO_COLOR="])
ok(rc == 0, "colour, 256 colours: the title is bold sky blue", err)
rc, screens, err = drive("""
expect Difference between Rust and Go
attr-at 0 0 bold=1 fg=6
send q
wait-exit 0
""", [ARTICLE], env=["NO_COLOR=", "TERM=xterm"])
ok(rc == 0, "colour, 8 colours: the title is bold cyan", err)

# Without colour, code spans and bold differ by their attributes; with
# colour, a code span takes the code's ink instead of bold.
with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
    f.write("`code` and **bold** and ~~gone~~\n")
    spans = f.name
try:
    for how, args, env in (("mono theme", ["--theme", "mono"], ["NO_COLOR="]),
                           ("NO_COLOR", [], ["NO_COLOR=1"])):
        rc, screens, err = drive("""
expect `code` and bold and ~~gone~~
attr-at 0 1 char=c reverse=1 bold=0 fg=default
attr-at 0 11 char=b bold=1 reverse=0
attr-at 0 20 char=~ bold=0 reverse=0
attr-at 0 22 char=g bold=0 reverse=0
send q
wait-exit 0
""", args + [spans], env=env)
        ok(rc == 0, "%s: code spans reversed in backquotes, bold bold, "
           "struck text in ~~" % how, err)
    rc, screens, err = drive("""
expect code and bold and gone
attr-at 0 0 char=c bold=0 reverse=0 fg=180
attr-at 0 9 char=b bold=1
send q
wait-exit 0
""", [spans], env=["NO_COLOR="])
    ok(rc == 0, "colour: a code span in the code's ink, not bold", err)
finally:
    os.unlink(spans)

# A tiny terminal, and an empty file.
rc, screens, err = drive("""
expect Diff
send <Space>
screen
send q
wait-exit 0
""", [ARTICLE], size="20x5")
ok(rc == 0 and "page 2/" in screens[0][4],
   "20x5 works: the status line still shows the page", err or screens)
rc, screens, err = drive("""
expect too small
resize 80 24
expect-row 0 Difference between Rust and Go
resize 9 2
expect too small
send q
wait-exit 0
""", [ARTICLE], size="9x2")
ok(rc == 0, "below the minimum: 'terminal too small', recovers, q quits",
   err)
with tempfile.TemporaryDirectory() as tmp:
    empty = os.path.join(tmp, "empty.md")
    open(empty, "w").close()
    rc, screens, err = drive("""
expect empty file
send q
wait-exit 0
""", [empty])
    ok(rc == 0, "an empty file opens with a note", err)

done()
