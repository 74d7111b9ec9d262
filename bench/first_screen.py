#!/usr/bin/env python3
"""How long the real binary takes from its start to its first screen, in
a pseudo-terminal of 80x24: the median of several runs per file, until
the status line ("page 1/") appears.  Not a test: it prints figures.

usage: bench/first_screen.py QUIRE [FILE...]    (no FILE: the bundled article)
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

RUNS = 7


def first_screen(argv, marker=b"page 1/"):
    """Seconds from starting ARGV to MARKER on its screen, or None."""
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "QUIRE_NO_STATE": "1",
                           "QUIRE_OPTS": ""})
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen, t = b"", None
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        if marker in seen:
            t = time.monotonic() - t0
            break
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return t


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    quire, files = sys.argv[1], sys.argv[2:] or [None]
    for f in files:
        argv = [quire] + ([f] if f else [])
        ts = [first_screen(argv) for _ in range(RUNS)]
        if None in ts:
            print("%s: no first screen within 10 s" % (f or "the article"))
            continue
        print("%s: first screen in %.1f ms (median of %d, fastest %.1f)" %
              (f or "the bundled article", statistics.median(ts) * 1e3,
               RUNS, min(ts) * 1e3))


main()
