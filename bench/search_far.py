#!/usr/bin/env python3
"""Searches whose first match is far into a large file, typed at once
after the first screen, while the whole is still parsed: the time from
the key to the match drawn highlighted, in an 80x24 pseudo-terminal (as
real.py times /WORD).

The file is bench/book.py's book repeated to 12 MB with a last section
of its own.  The searches: a phrase found only in that section, the
same as a regular expression (the file's bytes are matched line by
line), and ?WORD from the first page, which wraps to the file's last
match.  Each figure is the median of the runs, with the fastest and
the slowest.  Not a test: it prints figures.

usage: bench/search_far.py QUIRE [--runs N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from first_screen import Session, dump, first_text  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
END = b"\n## The very end\n\nThe last words of the book, after every chapter.\n"
SEARCHES = [
    ("text at the end", "/last words of the book", "last words"),
    ("pattern at the end", "/last words of the bo.k", "last words"),
    ("? from the first page", "?garbage", "garbage"),
]


def once(quire, path, first, keys, word):
    """Seconds from KEYS<Enter> to WORD highlighted, or None."""
    s = Session([quire, "--no-state", path])
    t = None
    if s.wait(lambda scr: first in scr.words()) is not None:
        sent = s.send(keys.encode() + b"\r")
        t = s.wait(lambda scr: word in scr.highlighted().lower(),
                   timeout=30)
        t = t - sent if t is not None else None
    s.close()
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("quire")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    quire = os.path.abspath(a.quire)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "book.md")
        with open(path, "wb") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "book.py"),
                            "1200000", "10"], stdout=f, check=True)
            f.write(END)
        first = first_text(dump(quire, path))
        print("`bench/search_far.py %s --runs %d` -- load average %.2f; "
              "book of %.1f MB" % (a.quire, a.runs, os.getloadavg()[0],
                                   os.path.getsize(path) / 1e6))
        print()
        print("| search | keys | median | fastest | slowest |")
        print("| --- | --- | ---: | ---: | ---: |")
        for name, keys, word in SEARCHES:
            ts = [once(quire, path, first, keys, word)
                  for _ in range(a.runs)]
            ok = [t * 1e3 for t in ts if t is not None]
            cells = ["%.0f ms" % v for v in
                     (statistics.median(ok), min(ok), max(ok))] if ok \
                else ["-"] * 3
            print("| %s | `%s` | %s |" % (name, keys, " | ".join(cells)))


if __name__ == "__main__":
    main()
