#!/usr/bin/env python3
"""Extract the Markdown of every example in the GFM spec into the test
data file test_spec.c reads.

usage: extract.py [SPEC] > examples.txt
SPEC defaults to /usr/share/doc/cmark-gfm/spec.txt.gz (Debian's cmark-gfm
package); a .gz is read compressed.

An example in the spec is the lines between a fence of 32 backticks
followed by " example" (and maybe an extension name) and a closing fence
of 32 backticks; its Markdown is the part before a line holding one ".",
with "\u2192" standing for a tab.  Each example is written as a header
line "example N LINE BYTES", N counting from 1 and LINE the spec line of
its fence, then BYTES bytes of UTF-8 Markdown, then a newline.
"""
import gzip
import sys

FENCE = "`" * 32


def examples(lines):
    """Yield (spec line, markdown) for each example."""
    i = 0
    while i < len(lines):
        if lines[i].startswith(FENCE + " example"):
            start = i + 1
            md = []
            i += 1
            while lines[i] != ".\n":
                md.append(lines[i])
                i += 1
            while not lines[i].startswith(FENCE):
                i += 1
            yield start, "".join(md).replace("\u2192", "\t")
        i += 1


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else \
        "/usr/share/doc/cmark-gfm/spec.txt.gz"
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        lines = f.readlines()
    out = sys.stdout.buffer
    for n, (line, md) in enumerate(examples(lines), 1):
        data = md.encode("utf-8")
        out.write(b"example %d %d %d\n" % (n, line, len(data)))
        out.write(data + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
