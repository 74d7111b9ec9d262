#!/usr/bin/env python3
"""Every hostile input of tests/hostile/gen.py opened in the pager, in a
pseudo-terminal: the first page shows, q quits cleanly and the terminal
is restored.  Each must show its first page in under 5 seconds (in a
sanitizer build, which runs several times slower, only the opening and
quitting are checked).

usage: pathological_test.py VTDRIVE QUIRE
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "hostile"))
import gen  # noqa: E402

VTDRIVE, QUIRE = sys.argv[1:3]
LIMIT = 5.0
ldd = subprocess.run(["ldd", QUIRE], capture_output=True, text=True).stdout
sanitized = "libasan" in ldd or "libubsan" in ldd

SCRIPT = """
expect-row -1 page
send q
wait-exit 0
altscreen off
"""

with tempfile.TemporaryDirectory() as tmp:
    gen_dir = os.path.join(tmp, "cases")
    subprocess.run([sys.executable, gen.__file__, gen_dir], check=True)
    slowest = (0.0, "")
    for name in sorted(os.listdir(gen_dir)):
        path = os.path.join(gen_dir, name)
        start = time.monotonic()
        rc, screens, out, err = tap.drive(
            VTDRIVE, "timeout %d\n" % (90 if sanitized else 30) + SCRIPT,
            [QUIRE, "--no-state", "--force", path])
        secs = time.monotonic() - start
        slowest = max(slowest, (secs, name))
        ok(rc == 0 and (sanitized or secs < LIMIT),
           "%s: first page, q, terminal restored (%.2f s)" % (name, secs),
           err)
    print("# slowest: %s, %.2f s (opening, drawing and quitting)"
          % (slowest[1], slowest[0]))

done()
