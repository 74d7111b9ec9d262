#!/usr/bin/env python3
"""How long `quire --dump` takes on the worst inputs known for cmark-gfm
0.29 (the SCALED cases of tests/hostile/gen.py) as they grow: 1, 2, 4 and
8 MB by default.  Linear work shows as the last column near the size
ratio (8.0 for 1 to 8 MB); quadratic work as its square.  A benchmark,
not a test: it asserts nothing.

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


def run(quire, path, timeout):
    """Seconds and peak resident MiB of one --dump, or (None, None)."""
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
            return None, None
        time.sleep(0.005)
    took = time.monotonic() - t0
    if p.returncode != 0:
        return None, None
    return took, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-q", "--quire",
                    default=os.path.join(HERE, "..", "build", "quire"))
    ap.add_argument("-s", "--sizes", default="1,2,4,8",
                    help="sizes in MB, comma-separated")
    ap.add_argument("-t", "--timeout", type=float, default=60)
    ap.add_argument("cases", nargs="*", default=list(gen.SCALED))
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    head = "%-24s" % "case" + "".join("%11s" % ("%g MB" % s) for s in sizes)
    print(head + "  %8s  %s" % ("peak MiB", "growth"))
    with tempfile.TemporaryDirectory(prefix="quire-bench-") as tmp:
        path = os.path.join(tmp, "in.md")
        for name in args.cases:
            times, peak = [], 0.0
            for mb in sizes:
                with open(path, "wb") as f:
                    f.write(gen.SCALED[name](int(mb * (1 << 20))))
                took, rss = run(args.quire, path, args.timeout)
                times.append(took)
                if took is None:
                    break
                peak = max(peak, rss)
            cells = "".join("%10.2fs" % t if t is not None else
                            "%11s" % (">%gs" % args.timeout if t is None and
                                      i == len(times) - 1 else "")
                            for i, t in enumerate(times))
            cells += " " * 11 * (len(sizes) - len(times))
            grow = ("%6.1fx" % (times[-1] / times[0])
                    if len(times) == len(sizes) and times[0] else "     -")
            print("%-24s%s  %8.0f  %s" % (name, cells, peak, grow),
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
