#!/usr/bin/env python3
"""quire --dump next to cmark-gfm -e table, in CPU time and peak memory,
and how each grows from 1.2 MB to 12 MB.

The inputs are bench/real.py's: every *.md under /usr/share/doc with the
GFM spec, concatenated to 1.2 MB and 12 MB; the book of bench/book.py,
1.2 MB and repeated to 12 MB; the generated article of quire-bench at
1.2 MB and 12 MB.  Each run is quire --dump --width=80 then cmark-gfm on
the same file, so both see the same load; CPU time is user + system
(wait4), peak memory /usr/bin/time's, both the median of the runs.  The
goal: quire at most 2x cmark-gfm's CPU time and 1.5x its memory at
12 MB, and each growing about as the input does (10x).

Not a test: it prints figures and fails on none.

usage: bench/dump.py QUIRE [--runs N] [--only concat,book,generated]
                     [--inputs DIR]
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real import TIME, corpus, fmt_size, peak, read_peak  # noqa: E402


def cpu(argv):
    """Run ARGV, output discarded: its CPU seconds (user + system)."""
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    return ru.ru_utime + ru.ru_stime


def mem(argv, tmp):
    """Run ARGV under /usr/bin/time, output discarded: its peak KiB."""
    out = os.path.join(tmp, "peak")
    subprocess.run(peak(argv, out), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return read_peak(out)


def measure(quire, path, runs, tmp):
    """Medians of RUNS runs: quire's and cmark-gfm's CPU s and peak KiB."""
    q = [quire, "--dump", "--width=80", path]
    c = ["cmark-gfm", "-e", "table", path]
    qc, cc, qm, cm = [], [], [], []
    for _ in range(runs):
        qc.append(cpu(q))
        cc.append(cpu(c))
        qm.append(mem(q, tmp))
        cm.append(mem(c, tmp))
    med = statistics.median
    return med(qc), med(cc), med([m for m in qm if m] or [0]), \
        med([m for m in cm if m] or [0])


def main():
    ap = argparse.ArgumentParser(usage=__doc__.split("usage: ")[1])
    ap.add_argument("quire")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default="concat,book,generated")
    ap.add_argument("--inputs")
    a = ap.parse_args()
    quire = os.path.abspath(a.quire)
    tmp = tempfile.TemporaryDirectory()
    d = a.inputs or tmp.name
    os.makedirs(d, exist_ok=True)
    start, load = time.monotonic(), os.getloadavg()[0]
    docs, _ = corpus(quire, set(a.only.split(",")), d)
    rows, by_kind = [], {}
    for name, path, _ in docs:
        print("%s ..." % name, file=sys.stderr, flush=True)
        r = measure(quire, path, a.runs, tmp.name)
        rows.append((name, os.path.getsize(path)) + r)
        by_kind.setdefault(name.split(",")[0].split(" repeated")[0],
                           []).append(rows[-1])
    print("`bench/dump.py %s` -- %d-core machine, load average %.2f at the "
          "start, %.2f at the end, %.0f s; median of %d runs"
          % (" ".join(shlex.quote(x) for x in sys.argv[1:]), os.cpu_count(),
             load, os.getloadavg()[0], time.monotonic() - start, a.runs))
    print()
    print("| document | size | quire --dump CPU | cmark-gfm CPU | ratio | "
          "quire memory | cmark-gfm memory | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, size, qc, cc, qm, cm in rows:
        print("| %s | %s | %.0f ms | %.0f ms | %.2fx | %.1f MiB | %.1f MiB "
              "| %.2fx |" % (name, fmt_size(size), qc * 1e3, cc * 1e3,
                             qc / cc if cc else 0, qm / 1024, cm / 1024,
                             qm / cm if cm else 0))
    print()
    for kind, rs in by_kind.items():
        if len(rs) != 2:
            continue
        (_, s1, qc1, cc1, qm1, cm1), (_, s2, qc2, cc2, qm2, cm2) = rs
        print("- %s, %s to %s (%.1fx the bytes): quire's CPU time grows "
              "%.1fx (cmark-gfm's %.1fx), its memory %.1fx (cmark-gfm's "
              "%.1fx)" % (kind, fmt_size(s1), fmt_size(s2), s2 / s1,
                          qc2 / qc1 if qc1 else 0, cc2 / cc1 if cc1 else 0,
                          qm2 / qm1 if qm1 else 0, cm2 / cm1 if cm1 else 0))
    if not os.access(TIME, os.X_OK):
        print("- no %s: no memory figures" % TIME)


if __name__ == "__main__":
    main()
