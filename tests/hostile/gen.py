#!/usr/bin/env python3
"""Hostile Markdown inputs: cmark's pathological cases (test/
pathological_tests.py), the table shapes that are quadratic in the
cmark-gfm Debian 12 ships, huge or malformed files, and control
characters in every place a document can put them.

usage: gen.py DIR          write every case to DIR/NAME.md
       gen.py --list       print the case names

Other scripts import it: CASES maps a name to a function returning the
bytes; SCALED maps a name to a function of a size in bytes, for the
benchmark; MEMORY maps a name to a function returning the bytes and the
exit statuses allowed, for the memory checks.
"""
import itertools
import os
import sys


def rep(unit, n):
    """UNIT (str or bytes) N times, as bytes."""
    if isinstance(unit, str):
        unit = unit.encode()
    return unit * n


MIB = 1 << 20


def fill(unit, size):
    """UNIT repeated to SIZE bytes at most."""
    return rep(unit, size // len(unit))


def reference_bomb(n, uses=None):
    """One reference definition of about N/3 bytes, used until the file
    is N bytes (the issue's shape: cmark-gfm copies it into every use)."""
    url = max(n // 3, 16)
    return (b"[a]: /" + rep("u", url) + b"\n\n" +
            fill("[a] ", uses * 4 if uses else n - url - 8) + b"\n")


def hash_collisions():
    """cmark's "reference collisions": 50,000 labels in one bucket of a
    16-bucket reference map."""
    def badhash(ref):
        h = 0
        for c in ref:
            h = (ord(c) + ((h << 6) & 0xFFFFFFFF) + ((h << 16) & 0xFFFFFFFF)
                 - h) & 0xFFFFFFFF
        return h % 16 == 0
    keys = ("x%d" % i for i in itertools.count())
    coll = itertools.islice((k for k in keys if badhash(k)), 50000)
    bad = next(coll)
    return "".join("[%s]: /url\n\n[%s]\n\n" % (k, bad)
                   for k in coll).encode()


# Control characters and escape sequences a document might smuggle in.
ESCAPES = [
    b"\x1b[31mred\x1b[0m",             # CSI SGR
    b"\x1b[2J\x1b[H",                  # CSI clear screen, home
    b"\x1b]0;pwned\x07",               # OSC 0 title, BEL-terminated
    b"\x1b]8;;http://evil/\x1b\\x\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    b"\x1b]52;c;cHduZWQ=\x07",         # OSC 52 clipboard write
    b"\x1bP+q544e\x1b\\",              # DCS
    b"\xc2\x9b31m",                    # C1 CSI as UTF-8
    b"\xc2\x9d0;t\xc2\x9c",            # C1 OSC ... ST as UTF-8
    b"\x9b31m\x9d0;t\x9c",             # C1 as raw bytes
    b"&#27;[31m &#x1b;[1m &#155;31m &#x9b; &#7; &#x7f; &#0; &#127;",
    b"bell\x07 bs\x08 del\x7f vt\x0b ff\x0c so\x0e si\x0f",
]


def controls():
    """Every escape in headings, paragraphs, code, cells and links."""
    out = []
    for i, e in enumerate(ESCAPES):
        out += [b"# head ", e, b" %d\n\n" % i,
                b"para ", e, b" *em ", e, b"* `code ", e, b"`\n\n",
                b"```", e, b"\ncode ", e, b"\n```\n\n",
                b"    indented ", e, b"\n\n",
                b"| h ", e, b" | b |\n|---|---|\n| ", e, b" | [l", e,
                b"](http://x/", e, b") |\n\n",
                b"[link ", e, b"](http://a/", e.replace(b" ", b"%20"),
                b" \"title ", e, b"\") <http://b/", e.replace(b" ", b""),
                b">\n\n",
                b"![img ", e, b"](/i", e.replace(b" ", b""), b")\n\n",
                b"- item ", e, b"\n- [ ] task ", e, b"\n\n",
                b"> quote ", e, b"\n\n",
                b"<div>", e, b"</div>\n\n",
                b"inline <span>", e, b"</span>\n\n",
                b"[ref ", e, b"]\n\n[ref ", e, b"]: /r", e.replace(b" ", b""),
                b"\n\n"]
    return b"".join(out)


def controls_nul():
    """NUL bytes in every construct (refused as binary without --force)."""
    return controls().replace(b"\x1b", b"\x00\x1b")


def invalid_utf8():
    """Invalid UTF-8 everywhere: stray continuation bytes, overlongs,
    surrogates, truncated sequences, bytes over U+10FFFF."""
    bad = [b"\x80", b"\xbf", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80",
           b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xfe\xff",
           b"\xe2\x82", b"\xf0\x9f\x98", b"\xc3"]
    out = []
    for b in bad:
        out += [b"# h", b, b"\n\n", b, b" para *", b, b"* `", b, b"`\n\n",
                b"```", b, b"\n", b, b"\n```\n\n",
                b"| a", b, b" | ", b, b" |\n|-|-|\n| ", b, b" | [", b, b"](",
                b, b") |\n\n- ", b, b"\n\n> ", b, b"\n\n"]
    return b"".join(out) + b"ends mid-sequence \xe2\x82"


def table_rows(header_cols, row_pipes, nrows):
    """A table of HEADER_COLS columns, then NROWS rows of ROW_PIPES '|'."""
    return (b"|" + rep("a|", header_cols) + b"\n|" + rep("-|", header_cols) +
            b"\n" + rep(rep("|", row_pipes) + b"\n", nrows))


def wide_table(ncols, nrows):
    """A well-formed table NCOLS wide and NROWS deep."""
    head = b"|" + b"".join(b" c%d |" % i for i in range(ncols)) + b"\n"
    delim = b"|" + rep("---|", ncols) + b"\n"
    row = b"|" + b"".join(b" v%d |" % i for i in range(ncols)) + b"\n"
    return head + delim + row * nrows


def long_table(nrows):
    """A three-column table of NROWS rows."""
    rows = b"".join(b"| %d | cell %d | `x` *y* |\n" % (i, i)
                    for i in range(nrows))
    return b"| n | text | more |\n|--:|:-:|:--|\n" + rows


def headings(n):
    """N headings of all levels, each with a line of text."""
    return b"".join(b"%s heading %d?\n\ntext %d\n\n" %
                    (b"#" * (1 + i % 6), i, i) for i in range(n))


def misc_tabs():
    """Tabs in tables, code, lists and text."""
    return (b"|\ta\t|\tb\t|\n|\t---\t|\t:-:\t|\n|\t1\t|\t\t2\t|\n\n"
            b"```\n\tx\ty\n  \t z\n```\n\n\tcode\tblock\n\n"
            b"-\titem\twith\ttab\n\n>\tquote\ttab\n\ntext\twith\ttabs\n")


def line_ends(end):
    """A small document with line ending END (CRLF or lone CR)."""
    doc = (b"# Title\n\npara one\nline two  \nline three\n\n| a | b |\n"
           b"|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n- x\n- y\n")
    return doc.replace(b"\n", end)


# Cases from cmark's test/pathological_tests.py, and quadratic shapes
# of later cmark/cmark-gfm fixes.
CASES = {
    "nested-strong-emph": lambda: rep("*a **a ", 65000) + b"b" +
    rep(" a** a*", 65000),
    "emph-closers": lambda: rep("a_ ", 65000),
    "emph-openers": lambda: rep("_a ", 65000),
    "link-closers": lambda: rep("a]", 65000),
    "link-openers": lambda: rep("[a", 65000),
    "mismatched-emph": lambda: rep("*a_ ", 50000),
    "emph-multiple-of-3": lambda: b"a**b" + rep("c* ", 50000),
    "link-openers-emph-closers": lambda: rep("[ a_", 50000),
    "bracket-paren": lambda: rep("[ (](", 80000),
    "image-brackets": lambda: rep("![[]()", 160000),
    "nested-brackets": lambda: rep("[", 50000) + b"a" + rep("]", 50000),
    "nested-quotes": lambda: rep("> ", 50000) + b"a\n",
    "nested-lists": lambda: b"".join(rep("  ", x) + b"* a\n"
                                     for x in range(1000)),
    "nul": lambda: b"abc\x00de\x00",
    "backticks": lambda: b"".join(b"e" + rep("`", x) for x in range(1, 5000)),
    "unclosed-links-a": lambda: rep("[a](<b", 30000),
    "unclosed-links-b": lambda: rep("[a](b", 30000),
    "unclosed-comment": lambda: b"</" + rep("<!--", 300000),
    "unclosed-pi": lambda: rep("a <?", 100000),
    "unclosed-decl": lambda: rep("a <!A ", 100000),
    "unclosed-cdata": lambda: rep("a <![CDATA[", 50000),
    "tables-cr-vt": lambda: rep("aaa\rbbb\n-\v\n", 30000),
    "reference-collisions": hash_collisions,
    "many-references": lambda: b"".join(b"[%d]: u\n" % x
                                        for x in range(1, 80000)) +
    rep("[0] ", 5000),
    "list-blank-lines": lambda: rep("- ", 1000) + b"x" + rep("\n", 1000),
    "quote-list-blank-lines": lambda: b"> " + rep("- ", 1000) + b"x" +
    rep("\n>", 1000),
    "nested-quotes-refdef": lambda: rep("> ", 50000) + b"[a]: /u\n\n[a]\n",
    "deep-list-lazy-lines": lambda: rep("- ", 20000) + b"x\n" +
    rep("y\n", 100000),
    "deep-quote-lazy-lines": lambda: rep(">", 20000) + b"x\n" +
    rep("y\n", 100000),
    "quote-list-quoted-blanks": lambda: b"> " + rep("- ", 1000) + b"x\n" +
    rep(">\n", 100000),
    "tab-nested-lists": lambda: b"".join(rep("\t", i) + b"- a\n"
                                         for i in range(1000)),
    "nested-list-markers": lambda: rep("- ", 50000) + b"a\n",
    "nested-ordered-markers": lambda: rep("1. ", 30000) + b"a\n",
    "strike-runs": lambda: rep("~~a ", 65000),
    "strike-mismatched": lambda: rep("~a~~ ", 50000),
    "tilde-run": lambda: rep("~", 200000) + b"a",
    "star-run": lambda: rep("*", 200000) + b"a",
    "autolink-www": lambda: rep("www.a", 100000),
    "autolink-underscores": lambda: b"www.a" + rep("_", 200000) + b".b",
    "autolink-email": lambda: rep("a@", 100000),
    "autolink-colons": lambda: rep(":", 200000) + b"http",
    "autolink-parens": lambda: b"www.a.b/" + rep("(", 100000) +
    rep(")", 100000),
    "entities": lambda: rep("&#", 100000) + rep("&a", 100000),
    "backslashes": lambda: rep("\\", 200000) + b"|a|b\n-|-\n",
    "lt-run": lambda: rep("<", 200000),
    "link-ref-labels": lambda: rep("[" + "a" * 998 + "]", 1000),
    "tasklists": lambda: rep("- [ ] ", 30000) + b"a\n",
    "emph-then-links": lambda: rep("**[a](b) ", 80000),
    "emph-pairs-then-links": lambda: rep("*[a](b)* ", 80000),
    "emails": lambda: rep("a@b.c ", 100000),
    "code-spans-per-line": lambda: rep("`\n", 300000),
    "table-delim-wide-paragraph": lambda: rep(rep("|", 3000) + b"\n", 300) +
    b"-|-\n",
    "table-rows-then-lazy": lambda: b"a|b\n-|-\n|\n" + rep("**[a](b)\n",
                                                            50000),
    # Tables: quadratic in the '|' per line in Debian's cmark-gfm.
    "table-wide-header": lambda: table_rows(50000, 0, 0),
    "table-wide-rows": lambda: table_rows(2, 30000, 10),
    "table-many-wide-rows": lambda: table_rows(2, 3000, 3000),
    "table-pipe-line": lambda: rep("|", 1000000) + b"\n",
    "table-escaped-pipes": lambda: b"a|b\n-|-\n" + rep(rep("\\|", 30000) +
                                                       b"\n", 10),
    "table-double-backslash": lambda: b"a|b\n-|-\n" +
    rep(rep("\\\\|", 30000) + b"\n", 10),
    "table-delim-candidates": lambda: b"a|b\n" + rep("|-|\n|-|-|\n", 50000),
    "table-header-paragraph": lambda: rep("a|b|c\n", 50000) + b"-|-\n",
    "table-in-quotes": lambda: b"> a|b\n> -|-\n" + rep(b"> " + rep("|", 3000)
                                                       + b"\n", 3000),
    "table-cells-empty": lambda: table_rows(128, 129, 20000),
    "table-short-rows": lambda: table_rows(128, 0, 0) + rep("x\n", 500000),
    "table-short-rows-quoted": lambda: b"> " + table_rows(128, 0, 0)
    .replace(b"\n", b"\n> ") + rep("x\n> ", 200000),
    "table-400-columns": lambda: wide_table(400, 20),
    "table-128-columns": lambda: wide_table(128, 50),
    "table-20000-rows": lambda: long_table(20000),
    # Raw HTML: one parser reads every fragment, so depth, unmatched
    # end tags (libxml2 searches its stack for each) and fragments
    # left open must stay linear.
    "html-deep-nesting": lambda: rep("<div><b>", 200000),
    "html-unmatched-ends": lambda: rep("<b>", 100000) + rep("</i>", 100000),
    "html-inline-tags": lambda: rep("a <b>b</b> <kbd>c</kbd> <br> ", 100000),
    "html-inline-unclosed": lambda: rep("x <i><a href=u>", 100000),
    "html-huge-attribute": lambda: b'<a href="' + rep("x", 4 << 20) +
    b'" id="' + rep("y", 1 << 20) + b'">y</a>\n',
    "table-html-wide-row": lambda: b"<table><tr>" + rep("<td>x", 300000),
    "html-table-many-rows": lambda: b"<table>" + rep("<tr><td>a<td>b\n",
                                                     200000),
    "html-nested-tables": lambda: rep("<table><tr><td>", 50000),
    "html-unclosed-comments": lambda: rep("<div><!-- x\n\n", 50000),
    "html-unclosed-attrs": lambda: rep('<div title="x\n\n', 50000),
    "html-centred-blocks": lambda: rep("<div align=center>\n\n*x*\n\n",
                                       50000),
    "html-details": lambda: rep("<details><summary>s</summary>\n\nbody"
                                "\n\n", 50000),
    "html-anchors": lambda: rep('<a name="x"></a><span id="y">', 100000),
    "html-controls": lambda: b"<p>" + rep("&#27;[31m &#x9b; &#0; ", 10000) +
    b'</p>\n<img alt="\x1b[31m" src="a\x1b]0;t\x07.png">\n<pre>\x1b[2J' +
    b"\x9b31m</pre>\n<h1>\x1b]52;c;eA==\x07</h1>\n",
    # Footnotes: definitions nested in a line (each one referenced is
    # moved with all it holds), references by the thousand.
    "footnote-defs-nested": lambda: b"".join(b"[^a%d]: " % i
                                             for i in range(50000)) +
    b"x\n" + b"".join(b"[^a%d]" % i for i in range(50000)),
    "footnote-defs-nested-quotes": lambda: b"".join(
        b"> [^a%d]: " % i for i in range(20000)) + b"x\n" +
    b"".join(b"[^a%d]" % i for i in range(20000)),
    "footnote-defs-nested-lists": lambda: b"".join(
        b"- [^a%d]: " % i for i in range(20000)) + b"x\n" +
    b"".join(b"[^a%d]" % i for i in range(20000)),
    "footnote-refs-one-note": lambda: rep("x[^a] ", 200000) +
    b"\n\n[^a]: the note\n",
    "footnote-refs-undefined": lambda: rep("[^a] [^", 100000),
    "footnote-chain": lambda: b"x[^n0]\n\n" + b"".join(
        b"[^n%d]: see [^n%d] and [^n%d]\n\n" % (i, i + 1, i)
        for i in range(20000)),
    # Front matter: one 64 KiB line, never closed, bytes of every kind.
    "front-matter-long-line": lambda: b"---\nk: " + rep("ab ", 21846) +
    b"\n---\n\ntext\n",
    "front-matter-unclosed": lambda: b"---\ntitle: t\n" +
    rep("k: v\n", 200000),
    "front-matter-lists": lambda: b"---\nk:\n" + rep("  - item\n", 998) +
    b"---\n",
    "front-matter-controls": lambda: b"---\ntitle: " +
    b" ".join(ESCAPES) + b"\n" + b"".join(b"k%d%s: %s\n" % (i, e, e)
                                          for i, e in enumerate(ESCAPES)) +
    b"---\n\ntext\n",
    # Big, malformed or odd files.
    "long-line": lambda: rep("x", 1 << 20),
    "long-line-utf8": lambda: rep("\u4e2d", 1 << 18),
    "headings-20000": lambda: headings(20000),
    "invalid-utf8": invalid_utf8,
    "bom": lambda: b"\xef\xbb\xbf# Title\n\ntext\n",
    "bom-only": lambda: b"\xef\xbb\xbf",
    "crlf": lambda: line_ends(b"\r\n"),
    "lone-cr": lambda: line_ends(b"\r"),
    "tabs": misc_tabs,
    "controls": controls,
    "controls-nul": controls_nul,
}


# The worst cases, as functions of a size in bytes, for the benchmark.
SCALED = {
    "table-rows-3000": lambda n: table_rows(2, 3000, n // 3001),
    "table-rows-128": lambda n: table_rows(128, 129, n // 130),
    "table-short-rows": lambda n: table_rows(128, 0, 0) + rep("x\n",
                                                              n // 2),
    "table-one-line": lambda n: b"a|b\n-|-\n" + rep("|", n) + b"\n",
    "table-header": lambda n: table_rows(n // 4, 0, 0),
    "table-delim-candidates": lambda n: b"a|b\n" + rep("|-|\n|-|-|\n",
                                                       n // 10),
    "nested-brackets": lambda n: rep("[", n // 2) + b"a" + rep("]", n // 2),
    "nested-strong-emph": lambda n: rep("*a **a ", n // 14) + b"b" +
    rep(" a** a*", n // 14),
    "emph-then-links": lambda n: rep("**[a](b) ", n // 9),
    "image-brackets": lambda n: rep("![[]()", n // 6),
    "unclosed-pi": lambda n: rep("a <?", n // 4),
    "unclosed-cdata": lambda n: rep("a <![CDATA[", n // 11),
    "emails": lambda n: rep("a@b.c ", n // 6),
    "deep-list-blanks": lambda n: rep("- ", 20000) + b"x" +
    rep("\n", n - 40001),
    "deep-list-lazy-lines": lambda n: rep("- ", 20000) + b"x\n" +
    rep("y\n", (n - 40002) // 2),
    "code-spans-per-line": lambda n: rep("`\n", n // 2),
    # Memory per byte (MEMORY above): time and peak for each size.
    "reference-bomb": reference_bomb,
    "quote-markers": lambda n: fill(">", n),
    "quote-lines": lambda n: fill("> a\n", n),
    "list-tabs": lambda n: fill("-\t", n),
    "list-items": lambda n: fill("- a\n", n),
    "nested-bullets": lambda n: fill("* ", n),
    "paragraphs": lambda n: fill("a\n\n", n),
    "headings": lambda n: fill("# a\n", n),
    "table-rows-xy": lambda n: b"a|b\n-|-\n" + fill("x|y\n", n),
    "emphasis": lambda n: fill("*a* ", n),
    "html-inline": lambda n: fill("<b>x</b> ", n),
    "html-blocks": lambda n: fill("<div><b>x</b></div>\n\n", n),
    "html-lines": lambda n: fill("<div><b>x</b></div>\n", n),
    "words": lambda n: fill("word *em* ", n),
}
# Memory: the shapes whose tree costs cmark-gfm most per byte, up to the
# 64 MiB size limit, and reference definitions copied into every use.
# Each maps to a function returning the bytes and the exit statuses
# allowed: 0, or 4 when the parse passes its memory budget.
MEMORY = {
    "reference-bomb": (lambda: reference_bomb(150000, 25000), (0,)),
    "reference-bomb-folded": (lambda: b'[Label \xc3\x84]:\n/' +
                              rep("u", 40000) + b'\n"' + rep("t", 40000) +
                              b'"\n\n' + rep("[label\n\xc3\xa4] ", 20000) +
                              b"\n", (0,)),
    "quote-markers-8mb": (lambda: fill(">", 8 * MIB), (0, 4)),
    "quote-lines-8mb": (lambda: fill("> a\n", 8 * MIB), (0, 4)),
    "list-tabs-8mb": (lambda: fill("-\t", 8 * MIB), (0, 4)),
    "list-items-8mb": (lambda: fill("- a\n", 8 * MIB), (0, 4)),
    "paragraphs-8mb": (lambda: fill("a\n\n", 8 * MIB), (0, 4)),
    "table-rows-8mb": (lambda: b"a|b\n-|-\n" + fill("x|y\n", 8 * MIB),
                       (0, 4)),
    "quote-lines-64mb": (lambda: fill("> a\n", 64 * MIB - 4), (0, 4)),
    "bare-links-64mb": (lambda: fill("www.a ", 64 * MIB - 6), (0, 4)),
    "words-64mb": (lambda: fill("word *em* ", 64 * MIB - 10), (0, 4)),
    "table-pipe-row-64mb": (lambda: b"a|b\n-|-\n" +
                            fill("|", 64 * MIB - 9) + b"\n", (0,)),
    "html-lines-64mb": (lambda: fill("<div><b>x</b></div>\n", 64 * MIB),
                        (0, 4)),
    # One wide HTML row (or one cell spanning 128 columns) over a million
    # narrow rows: padded to the widest, a hundred times the cells.
    "table-html-wide-row": (lambda: b"<table><tr>" + rep("<td>x", 128) +
                            b"</tr>\n" + fill("<tr><td>x\n", 14 * MIB) +
                            b"</table>\n", (0, 4)),
    "table-html-colspan": (lambda: b"<table><tr><td colspan=128>x</tr>\n" +
                           fill("<tr><td>x\n", 14 * MIB) + b"</table>\n",
                           (0, 4)),
}


def binary(data):
    """Whether quire refuses DATA as binary without --force."""
    return b"\x00" in data[:8192]


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print("\n".join(CASES))
        return 0
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    os.makedirs(sys.argv[1], exist_ok=True)
    for name, fn in CASES.items():
        with open(os.path.join(sys.argv[1], name + ".md"), "wb") as f:
            f.write(fn())
    return 0


if __name__ == "__main__":
    sys.exit(main())
