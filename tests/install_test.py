#!/usr/bin/env python3
"""`meson install` into a scratch DESTDIR: the binary, the man page, the
bundled article and the highlighting module land under the prefix, the
installed binary finds its article and its module (through QUIRE_DATADIR
and QUIRE_LIBDIR, since DESTDIR moved them) and highlights a Rust block
with it, and the installed page renders.

usage: install_test.py BUILD_DIR
"""
import json
import os
import re
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
libdir = option(opts, "libdir")
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
    modules = under(tmp, prefix, libdir, "quire")
    module = os.path.join(modules, "quire-highlight.so")
    ok(os.path.isfile(exe) and os.access(exe, os.X_OK),
       "PREFIX/%s/quire is installed and executable" % bindir, [exe])
    ok(os.path.isfile(page), "PREFIX/%s/man1/quire.1 is installed" % mandir,
       [page])
    ok(os.path.isfile(article),
       "PREFIX/%s/quire/rust-vs-go.md is installed" % datadir, [article])
    ok(os.path.isfile(module),
       "PREFIX/%s/quire/quire-highlight.so is installed" % libdir, [module])

    # The installed binary, output not a terminal: it prints the article.
    env = dict(os.environ, QUIRE_DATADIR=data, QUIRE_LIBDIR=modules,
               QUIRE_NO_STATE="1",
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

    # The installed binary highlights with the installed module: the
    # Rust block's line carries several colours, not its one.
    code = "fn main() { let x = 1; }"
    rust = os.path.join(tmp, "rust.md")
    with open(rust, "w") as f:
        f.write("# Listing\n\n```rust\n%s\n```\n" % code)
    if os.path.isfile(exe):
        r = subprocess.run([exe, "--dump", "--color=always", rust],
                           stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=60, env=env)
        line = next((l for l in r.stdout.splitlines() if "main" in l), "")
        sgr = re.findall(r"\x1b\[[0-9;]*m", line)
        ok(r.returncode == 0 and code in re.sub(r"\x1b\[[0-9;]*m", "",
                                                line) and
           code not in line and len(set(sgr)) >= 3,
           "the installed quire highlights with the installed module",
           ["exit status %d" % r.returncode, repr(line)] + lines(r.stderr))
    else:
        ok(False, "the installed quire highlights with the installed module",
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
