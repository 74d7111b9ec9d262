#!/usr/bin/env python3
"""Two (or more) quire binaries side by side on the same files, runs
interleaved so that the machine's load weighs on each alike: the first
screen (process start to a word of the document's first lines), then G
pressed at once, to a part of the file shown with "page ?/?" (or the
last lines, if they come first), and to a word of the document's last
lines.  Medians of RUNS runs, in an 80x24 pseudo-terminal as
bench/real.py times them.  Not a test: it prints figures.

usage: bench/jump_ab.py QUIRE[,QUIRE...] FILE...
"""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from first_screen import Session  # noqa: E402
from real import press_g, words_to_wait_for  # noqa: E402

RUNS = int(os.environ.get("RUNS", "5"))


def once(quire, path, first, last):
    """(first screen, G to a part, G to the last lines) in seconds."""
    s = Session([quire, path])
    t1, tp, tg = press_g(s, first, last)
    s.close()
    return t1, tp, tg


def ms(v):
    v = [x for x in v if x is not None]
    return "%.1f ms" % (statistics.median(v) * 1e3) if v else "-"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    bins = sys.argv[1].split(",")
    print("load average %.2f" % os.getloadavg()[0])
    for path in sys.argv[2:]:
        first, last, _ = words_to_wait_for(bins[0], path)
        got = {b: ([], [], []) for b in bins}
        for _ in range(RUNS):
            for b in bins:
                for v, x in zip(got[b], once(b, path, first, last)):
                    v.append(x)
        for b in bins:
            print("%s %s: first screen %s, G to a part %s, G to the last "
                  "lines %s" % (os.path.basename(path), b, *map(ms, got[b])))


if __name__ == "__main__":
    main()
