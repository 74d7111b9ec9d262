#!/usr/bin/env python3
"""Golden files for what quire prints: `quire --dump` at 40 and 80 columns
of every fixture document in GOLDEN_DIR/docs/ (GOLDEN_DIR/NAME-40.txt,
NAME-80.txt) and of every GFM spec example (GOLDEN_DIR/spec-40.txt,
spec-80.txt, each example led by a line "=== example N: SECTION (spec
line L)").  A difference fails and prints `diff -u` against the golden;
each hunk header names the spec example it is in.

With --update (or QUIRE_UPDATE_GOLDEN=1 in the environment) the goldens
are rewritten from the current output instead; review them with
`git diff tests/golden/` before committing.

usage: golden_test.py [--update] QUIRE GOLDEN_DIR EXAMPLES SECTIONS
"""
import atexit
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

from tap import done, ok

WIDTHS = (40, 80)
DIFF_LINES = 150        # lines of diff shown per failing golden

args = sys.argv[1:]
UPDATE = os.environ.get("QUIRE_UPDATE_GOLDEN", "") not in ("", "0")
if args[:1] == ["--update"]:
    UPDATE = True
    args = args[1:]
if len(args) != 4:
    sys.exit(__doc__)
QUIRE, GOLDEN, EXAMPLES, SECTIONS = args

# The output must not depend on the machine: a fixed UTF-8 locale, no
# colour, no configuration file, no saved reading positions.
HOME = tempfile.mkdtemp(prefix="quire-golden-")
atexit.register(shutil.rmtree, HOME, ignore_errors=True)
ENV = {k: v for k, v in os.environ.items()
       if not k.startswith(("LC_", "QUIRE_", "XDG_")) and
       k not in ("COLUMNS", "LINES", "NO_COLOR")}
ENV.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", NO_COLOR="1", TERM="dumb",
           HOME=HOME, XDG_CONFIG_HOME=os.path.join(HOME, "config"),
           XDG_STATE_HOME=os.path.join(HOME, "state"),
           QUIRE_NO_STATE="1", QUIRE_OPTS="")


def width(s):
    """Display columns of S as quire counts them (utf8proc: marks, spacing
    ones too, and format characters take none)."""
    return sum(0 if unicodedata.category(c) in ("Mn", "Mc", "Me", "Cf") else
               2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)


def dump(w, path="-", data=None):
    """quire --dump at width W of PATH (or DATA on standard input):
    (exit status, stdout, stderr)."""
    r = subprocess.run([QUIRE, "--dump", "--width=%d" % w, path],
                       input=data, capture_output=True, env=ENV, timeout=60)
    return (r.returncode, r.stdout.decode("utf-8", "replace"),
            r.stderr.decode("utf-8", "replace"))


def read(path):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        return None


def show_diff(golden_path, text, label):
    """Print `diff -u` of the golden against TEXT as TAP comments, at most
    DIFF_LINES lines."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="",
                                     suffix=".txt", delete=False) as f:
        f.write(text)
        new = f.name
    old = golden_path if os.path.exists(golden_path) else os.devnull
    try:
        r = subprocess.run(["diff", "-u", "-F", "^=== example",
                            "--label", os.path.relpath(golden_path),
                            "--label", label, old, new],
                           capture_output=True, text=True)
        lines = r.stdout.splitlines()
    except FileNotFoundError:       # no diff(1): the same, less the names
        lines = list(difflib.unified_diff(
            (read(old) or "").splitlines(), text.splitlines(),
            os.path.relpath(golden_path), label, lineterm=""))
    os.unlink(new)
    for l in lines[:DIFF_LINES]:
        print("#", l)
    if len(lines) > DIFF_LINES:
        print("# ... %d more lines of diff" % (len(lines) - DIFF_LINES))


def check(name, w, text, what):
    """Compare TEXT with GOLDEN/NAME-W.txt (or write it, updating)."""
    path = os.path.join(GOLDEN, "%s-%d.txt" % (name, w))
    old = read(path)
    if UPDATE:
        if old != text:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        ok(True, "%s: %s %s" % (what, "updated" if old != text else
                                "unchanged", os.path.basename(path)))
        return
    if old != text:
        show_diff(path, text, "quire --dump --width=%d %s" % (w, what))
    ok(old == text, "%s matches %s" % (what, os.path.basename(path)),
       "no golden: run with --update" if old is None else "")


def fits(what, w, text):
    wide = [(i + 1, width(l)) for i, l in enumerate(text.split("\n"))
            if width(l) > w]
    ok(not wide, "%s: no line wider than %d" % (what, w),
       "; ".join("line %d is %d columns" % x for x in wide[:10]))


def fixtures():
    docs = os.path.join(GOLDEN, "docs")
    names = sorted(f[:-3] for f in os.listdir(docs) if f.endswith(".md"))
    ok(len(names) >= 8, "%d fixture documents" % len(names))
    for name in names:
        for w in WIDTHS:
            what = "docs/%s.md at %d" % (name, w)
            rc, out, err = dump(w, os.path.join(docs, name + ".md"))
            ok(rc == 0 and err == "", "%s: exit 0, nothing on stderr" % what,
               "exit %d: %s" % (rc, err))
            fits(what, w, out)
            check(name, w, out, what)


def examples():
    """The spec examples: [(number, spec line, section, markdown bytes)]."""
    with open(SECTIONS, encoding="utf-8") as f:
        sections = dict(l.rstrip("\n").split(" ", 1) for l in f)
    with open(EXAMPLES, "rb") as f:
        data = f.read()
    out, off = [], 0
    while off < len(data):
        nl = data.index(b"\n", off)
        _, n, line, size = data[off:nl].split()
        md = data[nl + 1:nl + 1 + int(size)]
        out.append((int(n), int(line), sections.get(n.decode(), "?"), md))
        off = nl + 1 + int(size) + 1
    return out


def chunks(text):
    """The examples of a spec golden, by header line."""
    out, head = {}, None
    for l in (text or "").splitlines(True):
        if l.startswith("=== example "):
            head = l.rstrip("\n")
            out[head] = ""
        elif head is not None:
            out[head] += l
    return out


def spec():
    ex = examples()
    ok(len(ex) > 600, "read %d spec examples" % len(ex))
    for w in WIDTHS:
        parts, bad, wide = [], [], []
        for n, line, section, md in ex:
            rc, out, err = dump(w, data=md)
            parts.append("=== example %d: %s (spec line %d)\n" %
                         (n, section, line))
            parts.append(out)
            if rc != 0 or err:
                parts.append("[exit %d] %s" % (rc, err))
                bad.append(n)
            if any(width(l) > w for l in out.split("\n")):
                wide.append(n)
        what = "spec examples at %d" % w
        ok(not bad, "%s: every one exits 0, nothing on stderr" % what,
           "examples %s" % bad[:20])
        ok(not wide, "%s: no line wider than %d" % (what, w),
           "examples %s" % wide[:20])
        text = "".join(parts)
        if not UPDATE:
            old = chunks(read(os.path.join(GOLDEN, "spec-%d.txt" % w)))
            new = chunks(text)
            moved = [h[len("=== example "):].split(":")[0] for h in new
                     if old.get(h) != new[h]]
            if moved:
                print("# %d examples changed at %d: %s%s" % (
                    len(moved), w, ", ".join(moved[:40]),
                    " ..." if len(moved) > 40 else ""))
        check("spec", w, text, what)


fixtures()
spec()
done()
