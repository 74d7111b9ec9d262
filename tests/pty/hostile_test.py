#!/usr/bin/env python3
"""Hostile files and broken terminals, in a pseudo-terminal: a document
full of escape sequences and control characters shown through every view
(pager, index, table view, row detail, quick answers, search and command
prompts) and every printing option, with every byte quire writes checked;
TERM unset, dumb or unknown; a non-UTF-8 locale; keys from /dev/tty with
the document on a pipe; a FIFO; /dev/zero; a resize storm; a 1000x300
terminal; a file that changes while open (R reloads it).

usage: hostile_test.py VTDRIVE QUIRE ARTICLE
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
import threading

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, args, size="80x24", env=()):
    rc, screens, out, err = tap.drive(VTDRIVE, script, args, size, env)
    return rc, screens, err


# Payloads a document may try to send to the terminal.
PAYLOADS = ["\x1b]0;pwned\x07", "\x1b]8;;http://evil/\x1b\\", "\x1b]52;c;cHduZWQ=\x07",
            "\x1bP+q544e\x1b\\", "\x1b[6n", "\x1b[20t", "\x1b[2J", "\x07",
            "\x08", "\x7f", "\u009b6n", "\u009d0;c1\u009c"]
ENTITIES = "&#27;]0;ent&#7; &#x1b;[6n &#155;20t &#7; &#x9b;"


def hostile_doc():
    p = "".join(PAYLOADS)
    return ("# Title %s pwned\n\n"
            "Para %s and %s pwned.\n\n"
            "```\ncode %s pwned\n```\n\n"
            "| Feature %s | Value |\n|---|---|\n| Memory %s pwned | x %s |\n\n"
            "[link %s pwned](http://a/%s) and ![img %s](x)\n\n"
            "## FAQ\n\n### Is %s pwned?\n\nAnswer %s pwned.\n\n> Short %s.\n"
            % (p, p, ENTITIES, p, p, p, ENTITIES, p, p, p, p, p, p))


def bad_bytes(raw):
    """What in RAW a document could have chosen: OSC, DCS/APC/PM/SOS,
    queries, bells, C1 controls, invalid UTF-8.  ncurses' own cursor
    motion (CSI, and BS to step left) and SGR are allowed; it sends no
    OSC, DCS, query or bell."""
    text = raw.decode("utf-8", "replace")
    found = []
    if "\ufffd" in text and b"\xef\xbf\xbd" not in raw:
        found.append("invalid UTF-8")
    # xterm's smcup and rmcup save and restore the title themselves
    text = text.replace("\x1b[22;0;0t", "").replace("\x1b[23;0;0t", "")
    for pat, what in ((r"\x1b[\]P_^X]", "OSC/DCS/APC/PM/SOS"),
                      (r"\x1b\[[0-9;?>]*[nt]", "a query or window op"),
                      (r"\x1b\[[0-9;?>]*c", "a device query"),
                      (r"[\x00\x07\x7f]", "NUL, BEL or DEL"),
                      ("[\u0080-\u009f]", "a C1 control")):
        if re.search(pat, text):
            found.append(what)
    return found


with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "hostile.md")
    with open(doc, "w", encoding="utf-8", newline="") as f:
        f.write(hostile_doc())
    with open(doc, "ab") as f:
        f.write(b"\nRaw C1 \x9b6n and invalid \xff\xfe bytes pwned.\n")
    log = os.path.join(tmp, "raw")
    rc, s, err = drive(f"""
raw-log {log}
expect pwned
send <Space>G
send i
expect Sections
send <Esc>
settle
send t
expect Table 1 of 1
send <Enter>
expect Memory
send qq
send a
send pwned
expect Quick answers
send <Enter>
expect Answer
send qqq<Esc>
settle
send <Esc>
settle
send /pwned<Enter>
expect match
send :\\x1b
settle
send /\\xc2\\x9b6n<Enter>
send :bogus<Enter>
expect unknown command
send q
wait-exit 0
""", [QUIRE, "--no-state", doc], env=["NO_COLOR="])
    raw = open(log, "rb").read()
    ok(rc == 0, "every view over the hostile document, and quit", err)
    ok(not bad_bytes(raw), "no byte a document chose reached the terminal",
       bad_bytes(raw))
    ok(b"^[]0;pwned^G" in raw and b"^H" in raw and b"^?" in raw,
       "control characters are shown, visibly (caret notation)")

    for args in (["--dump"], ["--toc"], ["--faq", "pwned"],
                 ["--search", "pwned"], ["--table", "1"],
                 ["--table", "list"]):
        r = subprocess.run([QUIRE, *args, doc], capture_output=True,
                           timeout=60)
        ok(r.returncode == 0 and not bad_bytes(r.stdout + r.stderr),
           "%s writes no control sequence" % " ".join(args),
           bad_bytes(r.stdout + r.stderr) or r.stderr)
    evil = os.path.join(tmp, "e\x1b]0;x\x07\x9b.md")
    r = subprocess.run([QUIRE, "--dump", evil], capture_output=True,
                       timeout=30)
    ok(r.returncode == 1 and not bad_bytes(r.stderr),
       "an error message escapes the file name", r.stderr)

    # Terminals quire cannot drive: a printout and a note, not an error.
    for term in ("dumb", "no-such-terminal", ""):
        rc, s, err = drive("""
raw-log %s
wait-exit 0
""" % (log + "-term-" + term), [QUIRE, "--no-state", ARTICLE],
            env=["TERM=" + term])
        raw = open(log + "-term-" + term, "rb").read()
        ok(rc == 0 and b"printing the document instead" in raw and
           b"Quick Summary" in raw and b"\x1b" not in raw,
           "TERM=%r: printed plainly, with a note" % term, err or raw[:200])

    # A non-UTF-8 locale: ASCII borders, '?' for the rest, nothing else.
    rc, s, err = drive("""
raw-log %s
expect Difference between Rust and Go
send t
expect Feature         Rust
send q
expect-row -1 page 1/
send 14}
expect Comparison
send /Ownership-based<Enter>
expect | Memory 
send q
wait-exit 0
""" % (log + "2"), [QUIRE, "--no-state", ARTICLE],
        env=["LANG=C", "LC_ALL=C"])
    raw = open(log + "2", "rb").read()
    ok(rc == 0, "LANG=C: the table view, and the pager's table with +-|", err)
    ok(all(b < 0x80 for b in raw),
       "LANG=C: only ASCII is written (no mojibake)",
       [hex(b) for b in raw if b >= 0x80][:10])

    # The document on a pipe, the keys from /dev/tty.
    rc, s, err = drive("""
expect Difference between Rust and Go
send <Space>
expect-row -1 page 2/
send q
wait-exit 0
""", ["sh", "-c", "cat '%s' | '%s' --no-state" % (ARTICLE, QUIRE)])
    ok(rc == 0, "cat FILE | quire: the document from the pipe, keys from "
       "the terminal", err)

    # A FIFO, and /dev/zero.
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "w") as w:
            w.write("# From a FIFO\n\nhello\n")
    t = threading.Thread(target=feed)
    t.start()
    r = subprocess.run([QUIRE, "--dump", fifo], capture_output=True,
                       timeout=30)
    t.join()
    ok(r.returncode == 0 and b"From a FIFO" in r.stdout, "a FIFO is read")
    r = subprocess.run([QUIRE, "--dump", "/dev/zero"], capture_output=True,
                       timeout=60)
    ok(r.returncode == 1 and b"64 MiB" in r.stderr,
       "/dev/zero: the size limit holds for non-regular files", r.stderr)

    # A resize storm, then the layout is right for the final size.
    storm = "expect Difference\nsend <Space>\n" + "".join(
        "resize %d %d\n" % (40 + i % 60, 10 + i % 30) for i in range(50))
    storm += "resize 100 30\nsettle\nexpect-row 29 page\nscreen\nsend q\n" \
        "wait-exit 0\n"
    rc, s, err = drive(storm, [QUIRE, "--no-state", ARTICLE])
    if rc != 0 and "vterm_" in err and "Sanitizer" in err:
        # Debian 12's libvterm 0.1.4, inside the driver, sometimes trips
        # over output written for the size before a resize; that is the
        # driver's library, not quire: storm once more.
        print("# the driver's libvterm failed; once more:", err.splitlines()[0:1])
        rc, s, err = drive(storm, [QUIRE, "--no-state", ARTICLE])
    # Rows come back at most 100 wide whatever the layout: the 29 text
    # rows must be 29 consecutive lines of the 100-column layout.
    r = subprocess.run([QUIRE, "--dump", "--width", "100", ARTICLE],
                       capture_output=True, text=True, timeout=60)
    lines100 = [l.rstrip() for l in r.stdout.rstrip("\n").split("\n")]
    ok(rc == 0 and any(lines100[i:i + 29] == s[0][:29]
                       for i in range(len(lines100) - 28)) and
       max(len(l) for l in s[0][:29]) > 80,
       "50 resizes, then 100x30: laid out for 100 columns",
       err or "\n".join(s[0] if s else []))

    # Huge.
    rc, s, err = drive("""
expect Difference
send G
expect-row -1 100%
send q
wait-exit 0
""", [QUIRE, "--no-state", ARTICLE], size="1000x300")
    ok(rc == 0, "a 1000x300 terminal", err)

    # A file that changes while open: the old text stays until R.
    doc2 = os.path.join(tmp, "changing.md")
    with open(doc2, "w") as f:
        f.write("# First version\n\n" + "old line\n\n" * 100)
    rc, s, err = drive(f"""
expect First version
shell printf '# Second version\\n\\nnew text\\n' > '{doc2}'
send G
expect old line
send g
expect-row 0 First version
send R
expect reloaded
expect-row 0 Second version
shell : > '{doc2}'
send R
expect empty document
send q
wait-exit 0
""", [QUIRE, "--no-state", doc2])
    ok(rc == 0, "a changed file: the loaded text stays; R loads the new one,"
       " even when emptied", err)

done()
