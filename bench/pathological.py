#!/usr/bin/env python3
"""How long `quire --dump` takes, and its peak resident memory, on the
worst inputs known for cmark-gfm 0.29 (the SCALED cases of
tests/hostile/gen.py) as they grow: 1, 2, 4, 8 and 64 MB by default
(64 MB cut to fit quire's size limit, 64 MiB).  Each cell is the seconds (CPU time, user + system) and the peak in MiB;
"stop" marks a run that ended with exit status 4, its parse past the
memory budget (the time and peak are then those of reaching it).
Linear work shows as the last column near the size ratio (64 for 1 to
64 MB); quadratic work as its square.  The bounds: at most 1 GiB and 5 s
a run, or a stop.  A benchmark, not a test: it
asserts nothing.

usage: bench/pathological.py [-q QUIRE] [-s MB,MB,...] [-t SECONDS] [CASE...]
QUIRE defaults to build/quire beside this script; CASE to them all.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(HERE, "..", "tests", "hostile"))
import gen  # noqa: E402

LIMIT = 4  # quire's exit status for a parse past its memory budget
MAX_SIZE = 64 << 20  # quire's size limit, bytes


def make(name, size):
    """Case NAME at SIZE bytes, made shorter to fit the size limit."""
    data = gen.SCALED[name](size)
    if len(data) > MAX_SIZE:
        data = gen.SCALED[name](size - (len(data) - MAX_SIZE))
    return data


def run(quire, path, timeout):
    """CPU seconds, peak resident MiB and exit status of one --dump, or
    None when it takes longer than TIMEOUT or fails otherwise."""
    t0 = time.monotonic()
    p = subprocess.Popen([quire, "--dump", "--force", path],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            p.returncode = os.waitstatus_to_exitcode(status)
            break
        if time.monotonic() - t0 > timeout:
            p.kill()
            p.wait()
            return None
        time.sleep(0.005)
    if p.returncode not in (0, LIMIT):
        return None
    return (usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
            p.returncode)


def cell(r, timeout):
    """One size's figures, 18 columns wide."""
    if r is None:
        return "%18s" % (">%gs" % timeout)
    took, peak, status = r
    return "%18s" % ("%s%.2fs %4.0fM" % ("stop " if status == LIMIT else "",
                                          took, peak))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-q", "--quire",
                    default=os.path.join(HERE, "..", "build", "quire"))
    ap.add_argument("-s", "--sizes", default="1,2,4,8,64",
                    help="sizes in MB, comma-separated")
    ap.add_argument("-t", "--timeout", type=float, default=60)
    ap.add_argument("cases", nargs="*", default=list(gen.SCALED))
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    head = "%-24s" % "case" + "".join("%18s" % ("%g MB" % s) for s in sizes)
    print(head + "  %s" % "growth")
    with tempfile.TemporaryDirectory(prefix="quire-bench-") as tmp:
        path = os.path.join(tmp, "in.md")
        for name in args.cases:
            runs = []
            for mb in sizes:
                with open(path, "wb") as f:
                    f.write(make(name, int(mb * (1 << 20))))
                runs.append(run(args.quire, path, args.timeout))
                if runs[-1] is None or runs[-1][2] == LIMIT:
                    break
            cells = "".join(cell(r, args.timeout) for r in runs)
            cells += " " * 18 * (len(sizes) - len(runs))
            whole = len(runs) == len(sizes) and all(
                r is not None and r[2] == 0 for r in runs)
            grow = ("%6.1fx" % (runs[-1][0] / runs[0][0])
                    if whole and runs[0][0] else "     -")
            print("%-24s%s  %s" % (name, cells, grow), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
