#!/usr/bin/env python3
"""--color: what --dump, --table and --toc print with the pager's styles.
Every escape sequence is an SGR one (ESC [ digits ; m), and with them
taken out the text is the plain output's, byte for byte, on the bundled
article, a chapter of listings and the Markdown files of the system;
code is highlighted (keywords in the keyword style) unless
--no-highlight or the configuration's highlight = no; auto and never
print plain text to a pipe; NO_COLOR yields to --color=always; mono
writes attributes only.

usage: color_test.py QUIRE ARTICLE LISTINGS
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

from tap import done, ok

QUIRE, ARTICLE, LISTINGS = sys.argv[1:4]
SGR = re.compile(rb"\x1b\[[0-9;]*m")
TERM256 = {"TERM": "xterm-256color", "COLORTERM": ""}


def run(*args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([QUIRE, *args], stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120, env=e)


def only_sgr(data):
    """Whether every ESC in DATA starts an SGR sequence and, those taken
    out, no control character but tab and newline is left."""
    rest = SGR.sub(b"", data)
    return data.count(b"\x1b") == len(SGR.findall(data)) and not any(
        b < 0x20 and b not in (0x09, 0x0A) or b == 0x7F for b in rest)


def params(data):
    """Every parameter of every SGR sequence in DATA."""
    out = set()
    for m in SGR.findall(data):
        out.update(p for p in m[2:-1].split(b";") if p)
    return out


docs = [ARTICLE, LISTINGS] + sorted(glob.glob("/usr/share/doc/*/*.md"))[:12]
for path in docs:
    name = os.path.basename(path)
    plain = run("--dump", "-w", "80", path)
    for theme in ("dark", "light", "mono"):
        for term in ({"TERM": "xterm-256color"}, {"TERM": "xterm"}):
            r = run("--dump", "-w", "80", "--color=always", "--theme",
                    theme, path, env=term)
            what = "%s, %s, %s" % (name, theme, term["TERM"])
            ok(r.returncode == plain.returncode and only_sgr(r.stdout),
               "%s: only SGR sequences" % what, r.stderr.decode()[:200])
            ok(SGR.sub(b"", r.stdout) == plain.stdout,
               "%s: the text is --dump's" % what)
            if theme == "mono":
                ok(params(r.stdout) <= {b"0", b"1", b"2", b"3", b"4", b"7"},
                   "%s: attributes only" % what, params(r.stdout))

r = run("--dump", "--color=always", LISTINGS, env=TERM256)
ok(b"\x1b[0;1;38;5;176mfn\x1b[" in r.stdout,
   "a Rust keyword in the keyword style (256 colours)")
ok(b"\x1b[0;38;5;245m// may fail" in r.stdout,
   "a Rust comment in the comment style")
ok(b"\x1b[0;1;38;5;114m$\x1b[" in r.stdout, "a session's prompt styled")
ok(b"\x1b[0;38;5;114m+width = 100" in r.stdout, "a diff's added line")
r8 = run("--dump", "--color=always", LISTINGS,
         env={"TERM": "xterm", "COLORTERM": ""})
ok(b"\x1b[0;1;35mfn\x1b[" in r8.stdout and b"38;5" not in r8.stdout,
   "8 colours when TERM names no more")
r = run("--dump", "--color=always", LISTINGS,
        env={"TERM": "xterm", "COLORTERM": "truecolor"})
ok(b"38;5;176" in r.stdout, "COLORTERM: 256 colours")
r = run("--dump", "--color=always", "--no-highlight", LISTINGS,
        env=TERM256)
ok(r.returncode == 0 and b"176m" not in r.stdout and
   b"\x1b[0;38;5;180mfn load" in r.stdout,
   "--no-highlight: code in the code colour alone")
with tempfile.TemporaryDirectory() as cfg:
    os.makedirs(os.path.join(cfg, "quire"))
    with open(os.path.join(cfg, "quire", "config"), "w") as f:
        f.write("highlight = no\n")
    r = run("--dump", "--color=always", LISTINGS,
            env=dict(TERM256, XDG_CONFIG_HOME=cfg))
    ok(r.returncode == 0 and r.stderr == b"" and b"176m" not in r.stdout,
       "config highlight = no: not highlighted", r.stderr)

plain = run("--dump", LISTINGS)
for args, env, what in (
        (["--color=never"], TERM256, "--color=never"),
        (["--color=auto"], TERM256, "--color=auto into a pipe"),
        ([], TERM256, "no --color, into a pipe"),
        (["--color=always", "--color=never"], TERM256, "the last one wins")):
    r = run("--dump", *args, LISTINGS, env=env)
    ok(r.stdout == plain.stdout and b"\x1b" not in r.stdout,
       "%s: plain" % what)
r = run("--dump", "--color=always", LISTINGS, env=dict(TERM256, NO_COLOR="1"))
ok(b"\x1b[0;1;38;5;176mfn" in r.stdout,
   "--color=always wins over NO_COLOR")
r = run("--dump", "--color=always", LISTINGS, env={"TERM": ""})
ok(b"\x1b[0;1;35mfn" in r.stdout and only_sgr(r.stdout),
   "--color=always with no TERM: 8 colours")

for args in (["--toc"], ["--table=1"], ["--table=list"]):
    p = run(*args, LISTINGS)
    r = run(*args, "--color=always", LISTINGS, env=TERM256)
    ok(r.returncode == p.returncode == 0 and only_sgr(r.stdout) and
       SGR.sub(b"", r.stdout) == p.stdout,
       "%s --color=always: only SGR, the same text" % " ".join(args))
r = run("--toc", "--color=always", ARTICLE, env=TERM256)
ok(b"\x1b[0;1;38;5;117m1\x1b[0m What are Rust and Go?" in r.stdout,
   "--toc: the numbers in the number style")
r = run("--table=1", "--color=always", LISTINGS, env=TERM256)
ok(b"\x1b[0;1m" in r.stdout, "--table: the header in bold")

r = run("--color=sometimes", LISTINGS)
ok(r.returncode == 2 and b"--color is auto, always or never" in r.stderr,
   "--color=sometimes is a usage error", r.stderr)
done()
