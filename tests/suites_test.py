#!/usr/bin/env python3
"""Every test of the build is in exactly one of the suites unit, pty and
slow, so `meson test --suite unit` (or pty, or slow) leaves none out: a
test added without `suite:` is in the project's default suite only, and
fails here.

usage: suites_test.py BUILD_DIR
"""
import json
import shutil
import subprocess
import sys

from tap import done, ok

SUITES = {"unit", "pty", "slow"}

meson = shutil.which("meson") or "meson"
r = subprocess.run([meson, "introspect", sys.argv[1], "--tests"],
                   capture_output=True, text=True, timeout=60)
tests = json.loads(r.stdout) if r.returncode == 0 else []
ok(len(tests) > 1, "meson introspect lists the tests", r.stderr)
for t in tests:
    # meson names a suite PROJECT:SUITE
    names = {s.split(":")[-1] for s in t["suite"]}
    ok(len(names & SUITES) == 1, "%s is in one of unit, pty and slow"
       % t["name"], ["its suites: %s" % ", ".join(t["suite"])])
done()
