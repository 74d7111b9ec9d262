#!/usr/bin/env python3
"""Invisible format controls on the screen, in a pseudo-terminal: a link
whose target holds U+202E (RIGHT-TO-LEFT OVERRIDE) shows the code
"<U+202E>" in the text, dim, and in the link's note; the OSC 52 copy of
its address carries no raw format control; the text shown is found by a
search.

usage: bidi_test.py VTDRIVE QUIRE ARTICLE
"""
import base64
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]
HIDDEN = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060"
                    "\u2066-\u2069\ufeff]")

with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "bidi.md")
    with open(doc, "w") as f:
        f.write("# Downloads\n\nGet [report\u202Efdp.exe]"
                "(https://files.example/report\u202Efdp.exe) today, "
                "\u2066isolated\u2069 too, and \u202E again.\n")
    log = os.path.join(tmp, "raw")
    rc, screens, out, err = tap.drive(VTDRIVE, f"""
raw-log {log}
expect Downloads
expect report<U+202E>fdp.exe
send <Tab>
expect-row -1 https://files.example/report<U+202E>fdp.exe
send c
sleep 200
send /2066>isolated\\r
expect-row -1 match 1/1
send /U\\\\+202E\\r
expect-row -1 match 1/2
send q
wait-exit 0
""", [QUIRE, "--no-state", doc], "80x24")
    ok(rc == 0, "the code <U+202E> in the text and in the link's note; a "
       "search finds 2066>isolated, and U\\+202E both", err)
    raw = open(log, "rb").read()
    text = raw.decode("utf-8", "replace")
    ok(not HIDDEN.search(text), "no raw format control written to the "
       "terminal", [m.group() for m in HIDDEN.finditer(text)][:5])
    copies = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", raw)
    payloads = [base64.b64decode(c).decode("utf-8", "replace")
                for c in copies]
    ok(payloads and all(not HIDDEN.search(p) for p in payloads) and
       any("report<U+202E>fdp.exe" in p for p in payloads),
       "the OSC 52 copy carries the shown code, no raw control", payloads)
    # The code is drawn dim: SGR 2 in the attributes ncurses sets before
    # it (its sgr, "ESC [ 0 ; ... m"; colours come apart, "ESC [ 3 8 ;").
    i = raw.find(b"<U+202E>")
    sets = list(re.finditer(rb"\x1b\[0((?:;\d+)*)m", raw[:i]))
    attrs = sets[-1].group(1).split(b";") if sets else []
    ok(i > 0 and b"2" in attrs, "<U+202E> is drawn dim",
       raw[max(0, i - 40):i + 10])
done()
