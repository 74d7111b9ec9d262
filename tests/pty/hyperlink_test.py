#!/usr/bin/env python3
"""Terminal hyperlinks, by the raw bytes quire writes: with
--hyperlinks=always every link on screen is wrapped in a well-formed OSC 8
whose target carries only printable URL characters, however hostile the
document's targets (ESC, BEL, C1 controls, a raw 0x9c byte, a newline, an
overlong or javascript: target); nothing else reaches the terminal as a
control sequence; auto links in a terminal known to take OSC 8 and in no
other; never, TERM=dumb and --dump write none.

usage: hyperlink_test.py VTDRIVE QUIRE ARTICLE
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok, skip  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]

OSC8 = re.compile(rb"\x1b\]8;([^;\x1b\x07]*);([^\x1b\x07]*)\x1b\\")
URL_BYTES = re.compile(rb"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
SCHEMES = (b"http://", b"https://", b"ftp://", b"file://", b"mailto:")
LONG = "https://long.example/" + "a" * 3000
SPACED = "https://spaced.example/" + "a%20" * 100 + "end"


def document():
    """A note on links, with targets a hostile author would write."""
    return (
        "# Reading list\n\n"
        "Start with [the CommonMark spec](https://spec.commonmark.org/0.31.2/"
        "#links) and [its tests](https://spec.commonmark.org/0.31.2/spec.json"
        "?a=1&b=2), then mail [the list](mailto:reader@example.org).\n\n"
        "## Targets that try to escape\n\n"
        "An [escape](http://evil.example/\x1b]0;pwned\x07/x) in a target, "
        "a [bell](http://evil.example/a\x07b), "
        "a [C1 string end](http://evil.example/\u009c\u009b6n), "
        "an <a href=\"http://evil.example/a&#10;b&#27;[31m\">entity</a> "
        "newline, a [script](javascript:alert(1)), a [relative](notes.md), "
        "an [anchor](#reading-list), an [overlong](" + LONG + ") one, a "
        "[spaced](<" + SPACED.replace("%20", " ") + ">) one, and "
        "[accents](https://example.org/caf\u00e9).\n\n"
        "A raw byte: [raw](http://raw.example/\udc9cq).\n"
    )


def drive(script, args, env=(), size="100x30"):
    rc, screens, out, err = tap.drive(VTDRIVE, script,
                                      [QUIRE, "--no-state"] + args, size,
                                      env=env)
    return rc, screens, err


def run(tmp, name, args, env=(), keys="send q\n"):
    """Show the document, then KEYS; the raw bytes written."""
    log = os.path.join(tmp, "raw-" + name)
    rc, s, err = drive("raw-log %s\nexpect Reading list\nsettle\n%s"
                       "wait-exit 0\n" % (log, keys), args, env)
    raw = open(log, "rb").read() if os.path.exists(log) else b""
    return rc, raw, err


def problems(raw):
    """What is wrong with the OSC 8 sequences in RAW, and what else in it
    a terminal would act on."""
    found = []
    opens = 0
    for m in OSC8.finditer(raw):
        params, url = m.group(1), m.group(2)
        if url == b"":
            if params != b"":
                found.append("a close with parameters %r" % params)
            opens -= 1
            continue
        opens += 1
        if not re.match(rb"^id=quire[0-9]+$", params):
            found.append("parameters %r" % params)
        if not URL_BYTES.match(url):
            found.append("a target with other bytes: %r" % url[:80])
        if not url.startswith(SCHEMES):
            found.append("a scheme not allowed: %r" % url[:40])
        if len(url) > 2048:
            found.append("a target of %d bytes" % len(url))
        if opens != 1:
            found.append("a link opened inside another")
        opens = 1
    if opens not in (0,):
        found.append("a link left open")
    rest = OSC8.sub(b"", raw)
    for pat, what in ((rb"\x1b[\]P_^X]", "another OSC/DCS/APC/PM/SOS"),
                      (rb"[\x00\x07\x7f]", "NUL, BEL or DEL"),
                      (rb"\xc2[\x80-\x9f]", "a C1 control")):
        if re.search(pat, rest):
            found.append(what)
    return found


def targets(raw):
    return [m.group(2) for m in OSC8.finditer(raw) if m.group(2)]


with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "links.md")
    with open(doc, "w", encoding="utf-8", errors="surrogateescape",
              newline="") as f:
        f.write(document())
    with open(doc, "rb") as f:
        ok(b"\x1b]0;pwned\x07" in f.read() and True, "the document holds "
           "raw ESC and BEL in a target")

    # always: every link on screen, clean.
    rc, raw, err = run(tmp, "always", ["--hyperlinks=always", doc],
                       keys="send j\nsettle\nsend k\nsettle\nsend q\n")
    got = set(targets(raw))
    ok(rc == 0 and got, "--hyperlinks=always writes OSC 8 links", err)
    ok(not problems(raw), "every OSC 8 is well formed and carries only "
       "printable URL characters; nothing else escapes", problems(raw))
    for want in (b"https://spec.commonmark.org/0.31.2/#links",
                 b"https://spec.commonmark.org/0.31.2/spec.json?a=1&b=2",
                 b"mailto:reader@example.org",
                 b"https://example.org/caf%C3%A9",
                 SPACED.encode()):
        ok(want in got, "linked: %s" % want[:60].decode(), sorted(got))
    ok(not any(b"pwned" in t and b"%" not in t for t in got) and
       not any(t.startswith(b"javascript") for t in got),
       "no hostile target written as it was", sorted(got))
    ok(not any(b"long.example" in t for t in got),
       "an overlong target is not linked", sorted(got))
    ok(not any(b"notes.md" in t or t.startswith(b"#") for t in got),
       "relative and in-document targets are not linked", sorted(got))
    ok(any(t.startswith(b"http://raw.example/") for t in got),
       "a raw 0x9c byte in a target is encoded, not written",
       sorted(got))
    # The link text is in the terminal's cells once, where curses put it.
    rc, s, err = drive("expect Reading list\nsettle\nscreen\nsend q\n"
                       "wait-exit 0\n", ["--hyperlinks=always", doc])
    rows = "\n".join(s[0]) if s else ""
    ok(rc == 0 and "Start with the CommonMark spec and its tests, then "
       "mail the list." in rows.replace("\n", " ").replace("  ", " "),
       "the text reads as without links", rows)

    # Only what changed is written again: a note on the status line
    # writes no link; a line's scroll writes every link again, at its new
    # row; Tab, selecting a link, writes that link's row again.
    logs = [os.path.join(tmp, "step%d" % i) for i in range(4)]
    rc, s, err = drive("raw-log %s\nexpect Reading list\nsettle\n"
                       "raw-log %s\nsend =\nexpect lines\nsettle\n"
                       "raw-log %s\nsend j\nsettle\n"
                       "raw-log %s\nsend <Tab>\nexpect spec\nsettle\n"
                       "send q\nwait-exit 0\n" % tuple(logs),
                       ["--hyperlinks=always", doc], size="100x12")
    step = [open(f, "rb").read() if os.path.exists(f) else b""
            for f in logs]
    ok(rc == 0 and targets(step[0]) and b"\x1b]8" not in step[1],
       "a change elsewhere on the screen writes no link again", err or
       step[1][:300])
    ok(set(targets(step[2])) >= set(targets(step[0])) and
       not problems(step[2]), "a scroll writes every link again",
       [sorted(set(targets(x))) for x in step[:3]])
    ok(b"https://spec.commonmark.org/0.31.2/#links" in targets(step[3])
       and not problems(step[3]), "Tab writes the selected link again",
       targets(step[3]))

    # auto: a terminal known to show links, and one that is not.
    rc, raw, err = run(tmp, "wezterm", [doc], env=["TERM_PROGRAM=WezTerm"])
    ok(rc == 0 and targets(raw) and not problems(raw),
       "auto in WezTerm (TERM_PROGRAM): links", err or problems(raw))
    rc, raw, err = run(tmp, "xterm", [doc])
    ok(rc == 0 and b"\x1b]8" not in raw,
       "auto in a terminal not known to show them: none", err)
    rc, raw, err = run(tmp, "tmux", [doc], env=["TERM_PROGRAM=WezTerm",
                                                "TMUX=/tmp/tmux-0/x,1,0"])
    ok(rc == 0 and b"\x1b]8" not in raw, "auto inside tmux: none", err)
    rc, raw, err = run(tmp, "never", ["--hyperlinks=never", doc],
                       env=["TERM_PROGRAM=WezTerm"])
    ok(rc == 0 and b"\x1b]8" not in raw, "--hyperlinks=never: none", err)

    # TERM=dumb prints; --dump prints: neither writes a link.
    log = os.path.join(tmp, "raw-dumb")
    rc, s, err = drive("raw-log %s\nwait-exit 0\n" % log,
                       ["--hyperlinks=always", doc], env=["TERM=dumb"])
    raw = open(log, "rb").read()
    ok(rc == 0 and b"Reading list" in raw and b"\x1b" not in raw,
       "TERM=dumb: printed, no link", err or raw[:200])
    r = subprocess.run([QUIRE, "--dump", "--hyperlinks=always", doc],
                       capture_output=True, timeout=60)
    ok(r.returncode == 0 and b"\x1b" not in r.stdout,
       "--dump writes no link", r.stderr)

    # The option and the configuration key.
    r = subprocess.run([QUIRE, "--hyperlinks=sometimes", doc],
                       capture_output=True, timeout=60)
    ok(r.returncode == 2 and b"--hyperlinks is auto, always or never" in
       r.stderr, "a bad --hyperlinks is a usage error", r.stderr)
    conf = os.path.join(tmp, "conf", "quire")
    os.makedirs(conf)
    with open(os.path.join(conf, "config"), "w") as f:
        f.write("hyperlinks = always\n")
    rc, raw, err = run(tmp, "config", [doc],
                       env=["XDG_CONFIG_HOME=" + os.path.dirname(conf)])
    ok(rc == 0 and targets(raw) and not problems(raw),
       "hyperlinks = always in the configuration file", err)

# Real documents: Markdown files on this system with web links, their
# first and last screens at 160 columns.
real = [f for f in sorted(glob.glob("/usr/share/doc/*/*.md"))
        if b"](http" in open(f, "rb").read()][:8]
if not real:
    skip("real documents' links", "no Markdown with links in /usr/share/doc")
with tempfile.TemporaryDirectory() as tmp:
    for path in real:
        log = os.path.join(tmp, "raw")
        rc, s, err = drive("raw-log %s\nsettle\nsend G\nsettle\nsend q\n"
                           "wait-exit 0\n" % log,
                           ["--hyperlinks=always", path], size="160x50")
        raw = open(log, "rb").read()
        ok(rc == 0 and targets(raw) and not problems(raw),
           "%s: %d links, well formed" % (path, len(targets(raw))),
           err or problems(raw))
        os.unlink(log)

done()
