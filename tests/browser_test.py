#!/usr/bin/env python3
"""Every GFM spec example reads as a browser shows it: the words of
`quire --dump` against those of cmark-gfm's HTML rendered by w3m (see
bench/browser_diff.py).  The examples listed below differ on purpose;
any other difference fails, and so does a listed one that no longer
differs, so the list stays true.

usage: browser_test.py QUIRE EXAMPLES BENCHDIR
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402

# Why these read differently, by example number.
UNKNOWN_TAG = ("a tag that names no HTML element is text in quire; a "
               "browser hides it")
UNTERMINATED = ("an HTML tag never closed (no '>') is shown as text "
                "rather than swallow what follows")
W3M_DECORATION = "w3m's own marks ([DEL: ...], [INS: ...], [*])"
KNOWN = {
    120: UNKNOWN_TAG,            # <foo><a>
    126: UNTERMINATED,           # <div id="foo"
    127: UNTERMINATED,           # <div class="foo
    128: UNTERMINATED,           # <div *???-&&&-<---
    133: UNKNOWN_TAG,            # <Warning>
    135: W3M_DECORATION,         # </ins>
    136: W3M_DECORATION,
    137: W3M_DECORATION,
    138: W3M_DECORATION,
    170: UNKNOWN_TAG,            # [foo]: <bar>(baz)
    279: W3M_DECORATION,         # - [x] bar
    280: W3M_DECORATION,
    491: W3M_DECORATION,
    500: UNKNOWN_TAG,            # [link](<foo\nbar>)
    532: UNKNOWN_TAG,            # <bar attr="](baz)">
    544: UNKNOWN_TAG,
    632: UNKNOWN_TAG,            # <a><bab><c2c>
    633: UNKNOWN_TAG,
    634: UNKNOWN_TAG,
    636: UNKNOWN_TAG,            # <responsive-image src="foo.jpg" />
    642: UNKNOWN_TAG,            # </a></foo >
}


def main():
    quire, examples, bench = sys.argv[1:4]
    sys.path.insert(0, bench)
    import browser_diff
    missing = [p for p in ("cmark-gfm", "w3m") if shutil.which(p) is None]
    if missing:
        print("1..0 # SKIP no %s (sh .ci/deps installs it)" % " ".join(missing))
        return 0
    for n, md in browser_diff.examples(examples):
        b = browser_diff.words(browser_diff.browser(md))
        q = browser_diff.words(browser_diff.quire(quire, md))
        if n in KNOWN:
            tap.ok(b != q, "example %d differs on purpose: %s" % (n, KNOWN[n]),
                   "it now reads as the browser shows it: take it off the list")
        else:
            tap.ok(b == q, "example %d reads as in a browser" % n,
                   "browser: %s\nquire:   %s" % (" ".join(b)[:400],
                                                 " ".join(q)[:400]))
    tap.done()


sys.exit(main())
