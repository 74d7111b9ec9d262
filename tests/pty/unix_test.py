#!/usr/bin/env python3
"""quire as a Unix citizen, in a pseudo-terminal: two files and :n/:p,
the documents view, a directory, internal links followed and back, the
reading column on a wide terminal, themes and NO_COLOR, the
configuration file (with bad lines) and QUIRE_OPTS.

usage: unix_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, args, size="80x24", env=()):
    rc, screens, out, err = tap.drive(VTDRIVE, script, [QUIRE, "--no-state"] + args, size,
                                      env)
    return rc, screens, err


with tempfile.TemporaryDirectory() as tmp:
    second = os.path.join(tmp, "second.md")
    with open(second, "w") as f:
        f.write("# Second document\n\nSee [the setup](#set-up-quire), "
                "[again](#set-up-quire) and [the web](https://example.org/"
                "page).\n\n## Intro\n\ntext\n\n" + "filler\n\n" * 30 +
                "## Set up quire!\n\nsteps\n")

    rc, s, err = drive("""
expect Difference between Rust and Go
send :n
expect document 2 of 2
expect-row 0 Second document
send :n
expect no next document
send :p
expect-row 0 Difference between Rust and Go
send :n
expect-row 0 Second document
send :x
expect-row 0 Difference between Rust and Go
send :x
expect this is the first document
send o
expect Documents (2)
expect Second document
send <Down><Enter>
expect-row 0 Second document
send q
wait-exit 0
""", [ARTICLE, second])
    ok(rc == 0, "two files: :n, :p, :x at once (no Enter), and the documents view (o)", err)

    dirp = os.path.join(tmp, "docs")
    os.mkdir(dirp)
    for name, title in (("b.md", "Bee"), ("a.markdown", "Ay"),
                        ("notes.txt", "Not markdown")):
        with open(os.path.join(dirp, name), "w") as f:
            f.write("# %s\n\nbody\n" % title)
    rc, s, err = drive("""
expect Documents (2)
expect Ay
screen
send <Enter>
expect-row 0 Ay
send q
wait-exit 0
""", [dirp])
    ok(rc == 0 and "a.markdown" in s[0][1] and "b.md" in s[0][2] and
       "notes" not in "\n".join(s[0]), "a directory lists its Markdown files",
       err or "\n".join(s[0] if s else []))

    # Internal links: Tab selects, Enter follows, Backspace returns.
    rc, s, err = drive("""
expect Second document
send <Tab>
expect #set-up-quire
send <Enter>
expect-row -1 - Set up quire!
expect-row 22 steps
send <BS>
expect-row 0 Second document
send <Tab><Tab><Tab>
expect https://example.org/page
send <Enter>
expect quire opens nothing
send <BTab>
expect #set-up-quire
send q
wait-exit 0
""", [second])
    ok(rc == 0, "links: Tab, Enter follows #anchor, back; an external one is"
       " only shown; Shift-Tab", err)
    rc, s, err = drive("""
expect Second document
send i
expect Sections
send <Esc>
send <Tab>c
expect copied: #set-up-quire
send q
wait-exit 0
""", [second])
    ok(rc == 0, "c copies the selected link (terminfo Ms)", err)

    # The reading column: 100 columns, centred, on a 200-column screen
    # (the index beside it aside: side_index_test.py).
    rc, s, err = drive("""
expect Difference between Rust and Go
screen
send W
expect full width
screen
send q
wait-exit 0
""", ["--side-index=off", ARTICLE], size="200x30")
    if rc == 0:
        col = [l for l in s[0][:29] if l.strip()]
        left = min(len(l) - len(l.lstrip()) for l in col)
        ok(left == 50 and max(len(l) for l in col) <= 150,
           "200 columns: text in a 100-column column, centred", "\n".join(
               s[0][:5]))
        ok(max(len(l) for l in s[1][:29]) > 150,
           "w: the whole width", "\n".join(s[1][:5]))
    else:
        ok(False, "the reading column", err)

    # Themes and NO_COLOR, by the title's attributes.
    for args, env, want, what in (
            (["--theme", "dark"], ["NO_COLOR="], "bold=1 fg=117", "dark"),
            (["--theme", "light"], ["NO_COLOR="], "bold=1 fg=25", "light"),
            (["--theme", "mono"], ["NO_COLOR="], "bold=1 fg=default", "mono"),
            ([], ["NO_COLOR=1"], "bold=1 fg=default", "NO_COLOR"),
            (["--theme", "light"], ["NO_COLOR=", "TERM=xterm"],
             "bold=1 fg=4", "light, 8 colours")):
        rc, s, err = drive("""
expect Difference between Rust and Go
attr-at 0 0 %s
send q
wait-exit 0
""" % want, args + [ARTICLE], env=env)
        ok(rc == 0, "theme %s: the title is %s" % (what, want), err)

    # The configuration file, bad lines included, and QUIRE_OPTS.
    cfg = os.path.join(tmp, "cfg")
    os.makedirs(os.path.join(cfg, "quire"))
    with open(os.path.join(cfg, "quire", "config"), "w") as f:
        f.write("# my settings\ntheme = mono\nwidth = 60\n"
                "number-sections = yes\ncolour = red\nwidth = wide\n"
                "just words\n")
    env = dict(os.environ, XDG_CONFIG_HOME=cfg)
    r = subprocess.run([QUIRE, "--dump", ARTICLE], capture_output=True,
                       text=True, env=env, timeout=30)
    lines = r.stdout.splitlines()
    ok(r.returncode == 0 and max(len(l) for l in lines) <= 60 and
       "1 What are Rust and Go? A primer" in lines,
       "config: width and number-sections apply", r.stdout[:300])
    ok("config:5: unknown key: 'colour = red'" in r.stderr and
       "config:6: width is a number" in r.stderr and
       "config:7: not 'key = value'" in r.stderr,
       "config: each bad line is named with its number, and skipped",
       r.stderr)
    r = subprocess.run([QUIRE, "--dump", "--width", "90", ARTICLE],
                       capture_output=True, text=True, env=env, timeout=30)
    ok(max(len(l) for l in r.stdout.splitlines()) > 60,
       "a command-line flag wins over the config file")
    env["QUIRE_OPTS"] = "--width 50"
    r = subprocess.run([QUIRE, "--dump", ARTICLE], capture_output=True,
                       text=True, env=env, timeout=30)
    ok(max(len(l) for l in r.stdout.splitlines()) <= 50,
       "QUIRE_OPTS wins over the config file")
    env["QUIRE_OPTS"] = "--bogus"
    r = subprocess.run([QUIRE, "--dump", ARTICLE], capture_output=True,
                       text=True, env=env, timeout=30)
    ok(r.returncode == 2 and "QUIRE_OPTS: unknown option --bogus" in r.stderr,
       "a bad QUIRE_OPTS is a usage error that says where it came from",
       r.stderr)
    rc, s, err = drive("""
expect 1 What are Rust and Go? A primer
attr-at 0 10 bold=1 fg=default
send q
wait-exit 0
""", [ARTICLE], env=["XDG_CONFIG_HOME=" + cfg, "NO_COLOR="])
    ok(rc == 0, "config in the pager: mono theme, numbered sections", err)

r = subprocess.run([QUIRE, "--list"], capture_output=True, text=True)
ok(r.returncode == 0 and "rust-vs-go.md\tDifference between Rust and Go"
   in r.stdout, "--list names the bundled article and its title", r.stdout)

done()
