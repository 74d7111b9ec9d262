#!/usr/bin/env python3
"""Highlighted code in the pager, read from the terminal's cells: a Rust
keyword in the keyword style, a comment, a session's prompt; the code
colour alone with --no-highlight or highlight = no in the configuration;
bold keywords and underlined types in mono and under NO_COLOR; and a
long line scrolled sideways (-S) keeps its tokens' looks.

usage: highlight_test.py VTDRIVE QUIRE LISTINGS
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, LISTINGS = sys.argv[1:4]


def drive(script, args, env=()):
    rc, screens, out, err = tap.drive(VTDRIVE, script, [QUIRE] + args,
                                      "80x40", ["QUIRE_OPTS="] + list(env))
    return rc, screens, out, err


def find(screen, text):
    """(row, column) of TEXT's first appearance on SCREEN, or None."""
    for r, line in enumerate(screen):
        c = line.find(text)
        if c >= 0:
            return r, c
    return None


# Where things are: the screen once.
rc, screens, out, err = drive("expect The program\nscreen\nsend q\n"
                              "wait-exit 0\n", [LISTINGS])
ok(rc == 0 and screens, "the chapter opens", err)
s = screens[0] if screens else []
fn = find(s, "fn load")
cmt = find(s, "// may fail")
u32 = find(s, "u32")
prompt = find(s, "$ cargo build")
ok(None not in (fn, cmt, u32, prompt), "the listings are on the first screen",
   "\n".join(s))
if None in (fn, cmt, u32, prompt):
    done()


def cell(at, **want):
    return "attr-at %d %d %s\n" % (at[0], at[1], " ".join(
        "%s=%s" % kv for kv in want.items()))


def check(what, args, cells, env=(), first="The program"):
    script = "expect %s\n" % first + "".join(cells) + "send q\nwait-exit 0\n"
    rc, _, out, err = drive(script, args, env)
    ok(rc == 0, what, err.strip()[-600:])


check("fn in the keyword style, the comment, u32 and the prompt in theirs",
      [LISTINGS], [
          cell(fn, char="f", bold=1, fg=176),
          cell((fn[0], fn[1] + 1), char="n", bold=1, fg=176),
          cell((fn[0], fn[1] + 3), char="l", bold=0, fg=111),
          cell(cmt, char="/", fg=245),
          cell(u32, char="u", fg=80),
          cell(prompt, char="$", bold=1, fg=114)])
check("--no-highlight: the code colour alone", ["--no-highlight", LISTINGS],
      [cell(fn, char="f", bold=0, fg=180), cell(cmt, char="/", fg=180)])
with tempfile.TemporaryDirectory() as cfg:
    os.makedirs(os.path.join(cfg, "quire"))
    with open(os.path.join(cfg, "quire", "config"), "w") as f:
        f.write("highlight = off\n")
    check("config highlight = off: the code colour alone", [LISTINGS],
          [cell(fn, char="f", bold=0, fg=180)], ["XDG_CONFIG_HOME=" + cfg])
check("mono: keywords bold, types underlined, no colour",
      ["--theme=mono", LISTINGS], [
          cell(fn, char="f", bold=1, fg="default"),
          cell(u32, char="u", underline=1, bold=0, fg="default"),
          cell(cmt, char="/", bold=0, underline=0, fg="default")])
check("NO_COLOR: keywords bold, no colour", [LISTINGS],
      [cell(fn, char="f", bold=1, fg="default")], ["NO_COLOR=1"])

# A long line, whole with -S and scrolled: its end keeps its looks.
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "long.md")
pad = "x" * 90
with open(path, "w") as f:
    f.write("# Long\n\n```rust\nlet a = \"%s\"; let b = 2; // end\n```\n"
            % pad)
rc, screens, out, err = drive("expect Long\nsend <Right>\nsend <Right>\n"
                              "expect // end\nscreen\nsend q\nwait-exit 0\n",
                              ["-S", path])
s = screens[0] if screens else []
at = find(s, "let b")
ok(rc == 0 and at is not None, "-S: the line's end scrolled into view",
   "\n".join(s) + err)
if at is not None:
    check("scrolled sideways: the keyword and the comment keep their looks",
          ["-S", path], [
              "send <Right>\nsend <Right>\nexpect // end\n",
              cell(at, char="l", bold=1, fg=176),
              cell((at[0], at[1] + 4), char="b", bold=0, fg=180),
              cell((at[0], s[at[0]].find("// end")), char="/", fg=245)],
          first="Long")
done()
