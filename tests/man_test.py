#!/usr/bin/env python3
"""The man page against the program: every key that `quire --keys` prints
is listed under its view in KEYS, with the keymap's text, and KEYS lists
no other; every option that `quire --help` lists is an item of OPTIONS,
and OPTIONS lists no other; every exit status of include/quire/exit.h
is an item of EXIT STATUS and is named by --help; and the page renders
without a warning from mandoc or groff.

The page is read as mandoc renders it to HTML, so its structure (.Sh,
.Ss, and the .It tag of each list item) is what mandoc understood, not
what a regular expression guesses from the source.

usage: man_test.py QUIRE MANPAGE
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile

from tap import done, ok, skip

QUIRE, PAGE = sys.argv[1], sys.argv[2]


def norm(s):
    """Whitespace runs as one space; hyphen and minus signs as '-'."""
    s = s.replace("\u2010", "-").replace("\u2212", "-").replace("\u00ad", "")
    return " ".join(s.split())


class Page(html.parser.HTMLParser):
    """mandoc's HTML as sections: for each .Sh title, its text and the
    items of its tagged lists as (.Ss title, tag text, body text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = {}      # Sh title -> all its text
        self.items = {}     # Sh title -> [(Ss title, tag, body)]
        self.subs = {}      # Sh title -> [Ss titles]
        self.sh = self.ss = None
        self.head = None    # "h1" or "h2" while reading a heading
        self.buf = ""
        self.open = []      # [kind, text] for each dt or dd open
        self.tag = None     # the last dt's text, waiting for its dd

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2"):
            self.head, self.buf = tag, ""
        elif tag in ("dt", "dd"):
            self.open.append([tag, ""])

    def handle_endtag(self, tag):
        if tag == self.head:
            title = norm(self.buf)
            if tag == "h1":
                self.sh, self.ss = title, None
                self.text.setdefault(title, "")
                self.items.setdefault(title, [])
                self.subs.setdefault(title, [])
            else:
                self.ss = title
                self.subs[self.sh].append(title)
            self.head = None
        elif tag in ("dt", "dd") and self.open and self.open[-1][0] == tag:
            kind, text = self.open.pop()
            if kind == "dt":
                self.tag = norm(text)
            elif self.sh is not None:
                self.items[self.sh].append((self.ss, self.tag, norm(text)))
                self.tag = None

    def handle_data(self, data):
        if self.head:
            self.buf += data
            return
        for o in self.open:
            o[1] += data
        if self.sh is not None:
            self.text[self.sh] += data


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60,
                          **kw)


env = dict(os.environ, MANWIDTH="80", MAN_DISABLE_SECCOMP="1")
keys = run([QUIRE, "--keys"])
helptext = run([QUIRE, "--help"])
ok(keys.returncode == 0 and keys.stdout, "quire --keys prints the keymap",
   [keys.stderr])
ok(helptext.returncode == 0 and helptext.stdout, "quire --help prints",
   [helptext.stderr])

keymap = []     # (view, key, what it does), in the keymap's order
for line in keys.stdout.splitlines():
    f = line.split("\t")
    if len(f) == 3:
        keymap.append(tuple(f))
views = list(dict.fromkeys(v for v, _, _ in keymap))

page = None
mandoc = shutil.which("mandoc")
if mandoc:
    r = run([mandoc, "-T", "html", "-O", "fragment", PAGE])
    ok(r.returncode == 0, "mandoc renders the page to HTML", [r.stderr])
    page = Page()
    page.feed(r.stdout)
    page.close()

# (a) every key under the heading of its view, in KEYS
if page is None:
    skip("every key of --keys is in KEYS under its view", "no mandoc")
    skip("every key's item says what the keymap says", "no mandoc")
    skip("KEYS lists no key the keymap lacks", "no mandoc")
else:
    items = page.items.get("KEYS", [])
    listed = {}     # (view, key) -> body of its item
    for ss, tag, body in items:
        for k in (tag or "").split(","):
            listed.setdefault((ss, k.strip()), body)
    subs = page.subs.get("KEYS", [])
    missing = ["no heading '%s'" % v for v in views if v not in subs]
    missing += ["%s: %s" % (v, k) for v, k, _ in keymap
                if v in subs and (v, k) not in listed]
    ok("KEYS" in page.text and not missing,
       "every key of --keys is in KEYS under its view (%d keys, %d views)"
       % (len(keymap), len(views)), missing)

    wrong = ["%s: %s: want '%s', page says '%s'" % (v, k, h, listed[(v, k)])
             for v, k, h in keymap
             if (v, k) in listed and norm(h) not in listed[(v, k)]]
    ok(not wrong, "every key's item says what the keymap says", wrong)

    # Keys the page documents that the binary does not have: stale.
    have = {(v, k) for v, k, _ in keymap}
    extra = ["%s: %s" % vk for vk in listed if vk not in have and vk[1]]
    extra += ["heading '%s' is no view" % s for s in subs if s not in views]
    ok(not extra, "KEYS lists no key the keymap lacks", extra)

# (b) every option of --help is an item of OPTIONS
opts = list(dict.fromkeys(
    re.findall(r"(?<![\w-])--[a-z][a-z-]*", helptext.stdout) +
    re.findall(r"(?m)^\s+(-[A-Za-z0-9])\b", helptext.stdout)))
if page is None:
    skip("every option of --help is in OPTIONS", "no mandoc")
else:
    tags = " ".join(t or "" for _, t, _ in page.items.get("OPTIONS", []))
    documented = set(re.findall(r"(?<![\w-])--?[A-Za-z0-9][a-z-]*", tags))
    missing = [o for o in opts if o not in documented]
    ok(opts and not missing,
       "every option of --help is in OPTIONS (%d options)" % len(opts),
       missing)
    extra = sorted(o for o in documented if o not in opts)
    ok(not extra, "OPTIONS lists no option --help lacks", extra)

# (c) every exit status quire has is in EXIT STATUS and in --help
exit_h = os.path.join(os.path.dirname(os.path.abspath(PAGE)), "..",
                      "include", "quire", "exit.h")
with open(exit_h) as f:
    statuses = re.findall(r"\bEXIT_[A-Z]+ = (\d+)", f.read())
said = re.search(r"Exit status:(.*?)\.\n", helptext.stdout, re.S)
unsaid = [s for s in statuses
          if said is None or not re.search(r"\b%s " % s, said.group(1))]
ok(statuses and not unsaid,
   "--help names every exit status (%s)" % ", ".join(statuses), unsaid)
if page is None:
    skip("EXIT STATUS lists every exit status", "no mandoc")
else:
    tags = [t for _, t, _ in page.items.get("EXIT STATUS", [])]
    missing = [s for s in statuses if s not in tags]
    ok(statuses and not missing,
       "EXIT STATUS lists every exit status (%s)" % ", ".join(statuses),
       missing)

# (d) the page renders without warnings
if mandoc is None:
    skip("mandoc -T lint finds nothing", "no mandoc")
else:
    # An empty MANPATH: whether less(1) is installed is not the page's
    # business, and "referenced manual not found" is then not checked.
    with tempfile.TemporaryDirectory() as d:
        r = run([mandoc, "-T", "lint", "-W", "style", PAGE],
                env=dict(env, MANPATH=d))
    msgs = [l for l in (r.stdout + r.stderr).splitlines()
            if re.search(r": (STYLE|WARNING|ERROR|UNSUPP|BADARG|SYSERR):", l)
            and "referenced manual not found" not in l]
    ok(not msgs, "mandoc -T lint finds nothing", msgs)

man = shutil.which("man")
if man is None:
    skip("man --warnings renders the page silently", "no man")
else:
    r = run([man, "--warnings", "-l", PAGE], env=env)
    ok(r.returncode == 0 and r.stderr == "" and "quire" in r.stdout,
       "man --warnings renders the page silently",
       r.stderr.splitlines() or ["exit status %d" % r.returncode])

done()
