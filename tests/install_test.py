#!/usr/bin/env python3
"""`meson install` into a scratch DESTDIR: the binary, the man page and
the bundled article land under the prefix, the installed binary finds its
article (through QUIRE_DATADIR, since DESTDIR moved it), and the
installed page renders.

usage: install_test.py BUILD_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from tap import done, ok, skip

BUILD = sys.argv[1]


def lines(*texts):
    return [l for t in texts for l in (t or "").splitlines()]


def option(opts, name):
    return next(o["value"] for o in opts if o["name"] == name)


def under(root, *parts):
    """ROOT joined with PARTS, absolute ones (the prefix) made relative,
    as DESTDIR does."""
    return os.path.join(root, *(p.lstrip("/") for p in parts))


meson = shutil.which("meson") or "meson"
r = subprocess.run([meson, "introspect", BUILD, "--buildoptions"],
                   capture_output=True, text=True, timeout=60)
opts = json.loads(r.stdout) if r.returncode == 0 else []
ok(opts, "meson introspect gives the build options", lines(r.stderr))
if not opts:
    done()
prefix = option(opts, "prefix")
bindir = option(opts, "bindir")
datadir = option(opts, "datadir")
mandir = option(opts, "mandir")

tmp = tempfile.mkdtemp(prefix="quire-install-")
try:
    # --no-rebuild: meson test has built everything already, and the
    # tests may run in parallel with nothing else touching the build.
    r = subprocess.run([meson, "install", "-C", BUILD, "--no-rebuild",
                        "--quiet", "--destdir", tmp],
                       capture_output=True, text=True, timeout=120)
    ok(r.returncode == 0, "meson install --destdir succeeds",
       lines(r.stdout, r.stderr))

    exe = under(tmp, prefix, bindir, "quire")
    page = under(tmp, prefix, mandir, "man1", "quire.1")
    data = under(tmp, prefix, datadir, "quire")
    article = os.path.join(data, "rust-vs-go.md")
    ok(os.path.isfile(exe) and os.access(exe, os.X_OK),
       "PREFIX/%s/quire is installed and executable" % bindir, [exe])
    ok(os.path.isfile(page), "PREFIX/%s/man1/quire.1 is installed" % mandir,
       [page])
    ok(os.path.isfile(article),
       "PREFIX/%s/quire/rust-vs-go.md is installed" % datadir, [article])

    # The installed binary, output not a terminal: it prints the article.
    env = dict(os.environ, QUIRE_DATADIR=data, QUIRE_NO_STATE="1",
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("QUIRE_OPTS", None)
    env["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")  # none there
    if os.path.isfile(exe):
        r = subprocess.run([exe], stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=60,
                           env=env)
        ok(r.returncode == 0 and
           r.stdout.startswith("Difference between Rust and Go"),
           "the installed quire prints the installed article",
           ["exit status %d" % r.returncode] + lines(r.stdout[:300],
                                                     r.stderr))
    else:
        ok(False, "the installed quire prints the installed article",
           ["not installed"])

    man = shutil.which("man")
    if man is None:
        skip("man -l renders the installed page", "no man")
    elif not os.path.isfile(page):
        ok(False, "man -l renders the installed page", ["not installed"])
    else:
        r = subprocess.run([man, "-l", page], capture_output=True,
                           text=True, timeout=60,
                           env=dict(env, MANWIDTH="80",
                                    MAN_DISABLE_SECCOMP="1"))
        ok(r.returncode == 0 and "quire" in r.stdout and
           "NAME" in r.stdout, "man -l renders the installed page",
           ["exit status %d" % r.returncode] + lines(r.stderr))
finally:
    shutil.rmtree(tmp, ignore_errors=True)

done()
