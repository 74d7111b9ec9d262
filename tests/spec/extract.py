#!/usr/bin/env python3
"""Extract the Markdown of every example in the GFM spec into the test
data file test_spec.c reads, or (with --sections) the spec section each
example is in.

usage: extract.py [SPEC] > examples.txt
       extract.py --sections [SPEC] > sections.txt
SPEC defaults to /usr/share/doc/cmark-gfm/spec.txt.gz (Debian's cmark-gfm
package); a .gz is read compressed.

An example in the spec is the lines between a fence of 32 backticks
followed by " example" (and maybe an extension name) and a closing fence
of 32 backticks; its Markdown is the part before a line holding one ".",
with "\u2192" standing for a tab.  Each example is written as a header
line "example N LINE BYTES", N counting from 1 and LINE the spec line of
its fence, then BYTES bytes of UTF-8 Markdown, then a newline.

With --sections, each example is one line "N SECTION", SECTION being the
text of the last level-1 or level-2 heading before it, outside examples
("Tabs", "Tables (extension)").
"""
import gzip
import sys

FENCE = "`" * 32


def examples(lines):
    """Yield (spec line, markdown, section) for each example."""
    i = 0
    section = ""
    while i < len(lines):
        if lines[i].startswith(("# ", "## ")):
            section = lines[i].split(" ", 1)[1].strip()
        elif lines[i].startswith(FENCE + " example"):
            start = i + 1
            md = []
            i += 1
            while lines[i] != ".\n":
                md.append(lines[i])
                i += 1
            while not lines[i].startswith(FENCE):
                i += 1
            yield start, "".join(md).replace("\u2192", "\t"), section
        i += 1


def main():
    args = sys.argv[1:]
    sections = args[:1] == ["--sections"]
    if sections:
        args = args[1:]
    path = args[0] if args else "/usr/share/doc/cmark-gfm/spec.txt.gz"
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        lines = f.readlines()
    out = sys.stdout.buffer
    for n, (line, md, section) in enumerate(examples(lines), 1):
        if sections:
            out.write(b"%d %s\n" % (n, section.encode("utf-8")))
            continue
        data = md.encode("utf-8")
        out.write(b"example %d %d %d\n" % (n, line, len(data)))
        out.write(data + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
