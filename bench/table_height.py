#!/usr/bin/env python3
"""How tall each table of the FILEs is in quire's comparison view and in
w3m, at 40, 60, 80 and 120 columns.

For every table of every FILE: quire --table N --width W (the view's
layout) against w3m -dump -cols W of cmark-gfm's HTML of the same table
(quire --table N --format=markdown, so only the table is rendered).
Prints one row per table and width -- quire's lines and widest line,
w3m's -- then how many were shorter, as tall, and taller than w3m's
(with a note on each taller one).  A w3m
rendering wider than the screen is marked (w3m then overflows rather
than wraps) and left out of the counts.

usage: table_height.py QUIRE FILE...
Needs cmark-gfm and w3m.
"""
import subprocess
import sys
import unicodedata

WIDTHS = (40, 60, 80, 120)


def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)


def run(argv, data=None):
    r = subprocess.run(argv, input=data, capture_output=True)
    return r.returncode, r.stdout


def main():
    quire, files = sys.argv[1], sys.argv[2:]
    rows = taller = shorter = skipped = 0
    print("%-40s %3s %4s  %5s %5s  %5s %5s" % ("table", "", "cols", "quire",
                                              "wide", "w3m", "wide"))
    for f in files:
        rc, listing = run([quire, "--table", "list", f])
        if rc != 0:
            continue
        for n in range(1, len(listing.splitlines()) + 1):
            rc, md = run([quire, "--table", str(n), "--format=markdown", f])
            _, html = run(["cmark-gfm", "-e", "table"], md)
            for w in WIDTHS:
                _, q = run([quire, "--table", str(n), "--width", str(w), f])
                _, b = run(["w3m", "-dump", "-T", "text/html", "-cols",
                            str(w), "-O", "UTF-8", "-I", "UTF-8"], html)
                ql = q.decode().splitlines()
                bl = [l for l in b.decode().splitlines() if l.strip()]
                qw = max((width(l) for l in ql), default=0)
                bw = max((width(l) for l in bl), default=0)
                note = ""
                if bw > w:
                    note = "  w3m wider than the screen"
                    skipped += 1
                else:
                    if len(ql) > len(bl):
                        note = "  %d more" % (len(ql) - len(bl))
                    rows += 1
                    taller += len(ql) > len(bl)
                    shorter += len(ql) < len(bl)
                name = "%s #%d" % (f[-36:], n)
                print("%-40s %3s %4d  %5d %5d  %5d %5d%s" % (
                    name, "", w, len(ql), qw, len(bl), bw, note))
    print("%d table renderings: %d shorter than w3m's, %d as tall, %d "
          "taller; %d where w3m overflows left out" % (
              rows, shorter, rows - shorter - taller, taller, skipped))


if __name__ == "__main__":
    main()
