#!/usr/bin/env python3
"""Reading positions are never lost to quire processes ending together:
20 quire processes, each on a document of its own in a pseudo-terminal
of its own, all get SIGTERM within a few milliseconds once their first
screen is up, and save their position as they end; 8 rounds.  Every one
of the 160 positions must be in the file after (they are merged under
an flock on positions.lock; without it, 12 of 160 were once lost).

usage: positions_test.py VTDRIVE QUIRE ARTICLE (VTDRIVE, ARTICLE unused)
"""
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from tap import done, ok  # noqa: E402

QUIRE = sys.argv[2]
PROCS, ROUNDS, TIMEOUT = 20, 8, 60


def child_setup():
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def start(doc, env):
    """quire on DOC in a new pty: (process, master fd)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    p = subprocess.Popen([QUIRE, doc], stdin=slave, stdout=slave,
                         stderr=slave, env=env, start_new_session=True,
                         preexec_fn=child_setup)
    os.close(slave)
    return p, master


def drain(masters, until):
    """Read every master; return those whose output satisfies UNTIL."""
    seen = {m: b"" for m in masters}
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end and not all(until(v) for v in seen.values()):
        r, _, _ = select.select([m for m in masters if not until(seen[m])],
                                [], [], 0.1)
        for m in r:
            try:
                seen[m] += os.read(m, 65536)
            except OSError:
                seen[m] += b"\0EOF"
    return [m for m in masters if until(seen[m])]


with tempfile.TemporaryDirectory() as tmp:
    state = os.path.join(tmp, "state")
    env = dict(os.environ, TERM="xterm-256color", XDG_STATE_HOME=state,
               QUIRE_NO_STATE="", LC_ALL="C.UTF-8")
    failed, slow = 0, 0
    for rnd in range(ROUNDS):
        procs = []
        for i in range(PROCS):
            doc = os.path.join(tmp, "doc-%d-%d.md" % (rnd, i))
            with open(doc, "w") as f:
                f.write("# Title %d %d\n\ntext\n" % (rnd, i))
            procs.append(start(doc, env))
        masters = [m for _, m in procs]
        up = drain(masters, lambda b: b"Title" in b)
        slow += PROCS - len(up)
        for p, _ in procs:  # all within a few milliseconds
            p.send_signal(signal.SIGTERM)
        for p, m in procs:
            try:
                p.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
            if p.returncode != 128 + signal.SIGTERM:
                failed += 1
            os.close(m)
    ok(slow == 0 and failed == 0, "%d processes x %d rounds started and "
       "ended on SIGTERM with status 143" % (PROCS, ROUNDS),
       "%d not up, %d other status" % (slow, failed))
    with open(os.path.join(state, "quire", "positions")) as f:
        lines = f.read().splitlines()[1:]
    keys = {l.split("\t")[3] for l in lines if l.count("\t") == 3}
    want = {"path:" + os.path.realpath(os.path.join(
        tmp, "doc-%d-%d.md" % (r, i))) for r in range(ROUNDS)
        for i in range(PROCS)}
    ok(want <= keys, "all %d positions saved (%d lost)" %
       (len(want), len(want - keys)), sorted(want - keys)[:5])

done()
