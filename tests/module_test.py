#!/usr/bin/env python3
"""The highlighting module is loaded only when code is highlighted: the
binary links none of Source-highlight, Boost or the C++ runtime itself;
--version and a document with no language on its code open no module,
while --color on a Rust block opens the build tree's one and colours its
tokens; with the module missing ($QUIRE_LIBDIR pointing nowhere) the
block prints in its one colour, with status 0 and nothing on stderr.

usage: module_test.py QUIRE
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from tap import done, ok, skip

QUIRE = sys.argv[1]
SGR = re.compile(rb"\x1b\[[0-9;]*m")
CODE = b"fn main() { let x = 1; }"
DOC = b"# Listing\n\nSome text.\n\n```rust\n" + CODE + b"\n```\n"
PLAIN = b"# Plain\n\nSome text.\n\n```\nmake all\n```\n\n    indented\n"


def run(args, env=None):
    e = dict(os.environ)
    e.pop("QUIRE_LIBDIR", None)
    e.update(env or {})
    return subprocess.run([QUIRE, *args], stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120, env=e)


def opened(r):
    """Whether the loader's LD_DEBUG=files log names the module."""
    return b"quire-highlight.so" in r.stderr


readelf = shutil.which("readelf")
if readelf is None:
    skip("the binary needs no C++ library", "no readelf")
else:
    r = subprocess.run([readelf, "-d", QUIRE], capture_output=True,
                       text=True, timeout=60)
    needed = re.findall(r"\(NEEDED\).*\[(.*)\]", r.stdout)
    bad = [n for n in needed if re.search(
        r"stdc\+\+|boost|source-highlight|icui18n", n)]
    ok(r.returncode == 0 and needed and not bad,
       "the binary needs no C++ library (NEEDED: %s)" % ", ".join(needed),
       bad)

with tempfile.TemporaryDirectory(prefix="quire-module-") as tmp:
    doc = os.path.join(tmp, "rust.md")
    plain = os.path.join(tmp, "plain.md")
    with open(doc, "wb") as f:
        f.write(DOC)
    with open(plain, "wb") as f:
        f.write(PLAIN)
    debug = {"LD_DEBUG": "files"}

    r = run(["--version"], debug)
    ok(r.returncode == 0 and b"ld.so" not in r.stdout and not opened(r),
       "--version opens no module", r.stderr.decode(errors="replace"))
    r = run(["--dump", "--color=always", plain], debug)
    ok(r.returncode == 0 and b"make all" in SGR.sub(b"", r.stdout) and
       not opened(r), "--color on code with no language opens no module",
       r.stderr.decode(errors="replace"))

    r = run(["--dump", "--color=always", doc], debug)
    line = next((l for l in r.stdout.splitlines()
                 if b"main" in l), b"")
    ok(r.returncode == 0 and opened(r),
       "--color on a Rust block opens the module",
       r.stderr.decode(errors="replace"))
    ok(CODE in SGR.sub(b"", line) and CODE not in line and
       len(set(SGR.findall(line))) >= 3,
       "its tokens are coloured", [repr(line)])

    r = run(["--dump", "--color=always", doc],
            {"QUIRE_LIBDIR": os.path.join(tmp, "nowhere")})
    line = next((l for l in r.stdout.splitlines() if b"main" in l), b"")
    ok(r.returncode == 0 and r.stderr == b"" and CODE in line,
       "no module: the block prints whole in its one colour, no error",
       ["status %d" % r.returncode, repr(line), repr(r.stderr[:300])])

done()
