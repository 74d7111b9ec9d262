#!/usr/bin/env python3
"""Every input that once broke quire (tests/regress/*.md, and the fuzzer's
finds) still loads, lays out at several widths and prints clean text;
one with a NAME.dump beside it prints that at 80 columns.

usage: regress_test.py QUIRE DIR
"""
import glob
import os
import re
import subprocess
import sys

from tap import done, ok

QUIRE, DIR = sys.argv[1:3]
# control characters, and the invisible format controls (bidirectional
# overrides, isolates and marks, U+200B, U+2060, U+FEFF) quire shows by
# their code
BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u061c\u200b"
                 "\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")

for path in sorted(glob.glob(os.path.join(DIR, "*"))):
    if path.endswith("README.md") or path.endswith(".dump"):
        continue
    name = os.path.basename(path)
    if os.path.exists(path + ".dump"):
        # what it must read as, at 80 columns
        r = subprocess.run([QUIRE, "--force", "--dump", "--width", "80",
                            path], capture_output=True, timeout=60)
        want = open(path + ".dump", encoding="utf-8").read()
        got = r.stdout.decode("utf-8", "replace")
        ok(got == want, "%s reads as %s.dump" % (name, name),
           "got:\n" + got)
    for args in (["--dump", "--width", "1"], ["--dump", "--width", "7"],
                 ["--dump", "--width", "80"], ["--toc"]):
        r = subprocess.run([QUIRE, "--force", *args, path],
                           capture_output=True, timeout=60)
        out = r.stdout.decode("utf-8", "replace")
        ok(r.returncode == 0 and not BAD.search(out),
           "%s %s" % (name, " ".join(args)), r.stderr[-300:])

done()
