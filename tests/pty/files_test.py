#!/usr/bin/env python3
"""The files quire keeps and reloads, in a pseudo-terminal: R on a file
that became binary, too big, a directory or a FIFO says why (and never
blocks); a FIFO or a directory at the positions path neither hangs quire
nor is replaced, and the lost save is exit status 1 with a message; a
damaged positions file is moved aside to positions.bad and the note says
so; an empty one is no warning; a FIFO as the configuration file does not
hang the start.

usage: files_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import stat
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, args, env=()):
    rc, screens, out, err = tap.drive(VTDRIVE, script, [QUIRE] + args,
                                      "80x24", env)
    return rc, screens, err


with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "doc.md")

    def write_doc():
        if os.path.isdir(doc):
            os.rmdir(doc)
        elif os.path.lexists(doc):
            os.unlink(doc)
        with open(doc, "w") as f:
            f.write("# Reload me\n\nsome text\n")

    # R on a file that can no longer be read says why, and keeps the text.
    for what, make, reason in (
            ("binary", "printf 'a\\000b' > '%s'", "looks like a binary file"),
            ("too big", "rm '%s' && truncate -s 65M '%s'",
             "is larger than the 64 MiB limit"),
            ("a directory", "rm '%s' && mkdir '%s'", "is a directory"),
            ("a FIFO", "rm '%s' && mkfifo '%s'", "not a regular file")):
        write_doc()
        cmd = make.replace("%s", doc)
        rc, s, err = drive(f"""
expect Reload me
shell {cmd}
send R
expect-row -1 cannot reload: {reason}
expect-row 0 Reload me
send q
wait-exit 0
""", ["--no-state", doc])
        ok(rc == 0, "R on a file that became %s: 'cannot reload: %s'" %
           (what, reason), err)
    write_doc()

    # The positions path: a FIFO, a directory, a damaged file, an empty one.
    state = os.path.join(tmp, "state")
    qdir = os.path.join(state, "quire")
    os.makedirs(qdir)
    pos = os.path.join(qdir, "positions")
    env = ["XDG_STATE_HOME=" + state, "QUIRE_NO_STATE="]
    for what, make in (("a FIFO", lambda: os.mkfifo(pos)),
                       ("a directory", lambda: os.mkdir(pos))):
        make()
        rc, s, err = drive("""
expect Reload me
send q
expect quire: cannot read
expect not a regular file
wait-exit 1
""", [doc], env)
        ok(rc == 0,
           "%s at the positions path: no hang; the lost save is exit 1 "
           "with a message" % what, err)
        st = os.lstat(pos)
        ok(not stat.S_ISREG(st.st_mode), "%s at the positions path is not "
           "replaced" % what)
        if os.path.isdir(pos):
            os.rmdir(pos)
        else:
            os.unlink(pos)

    with open(pos, "wb") as f:
        f.write(b"quire-positions 1\n1\t0\t0\tpath:/x\n\0\n")
    rc, s, err = drive("""
expect Reload me
expect-row -1 damaged (a NUL byte); moved to
send q
wait-exit 0
""", [doc], env)
    ok(rc == 0 and os.path.exists(pos + ".bad") and
       open(pos, "rb").read().startswith(b"quire-positions 1\n"),
       "a damaged positions file: moved to positions.bad, said so, and a "
       "fresh one saved", err)

    open(pos, "w").close()
    rc, s, err = drive("""
expect Reload me
reject damaged
send q
wait-exit 0
""", [doc], env)
    ok(rc == 0, "an empty positions file is not called damaged", err)

    # A FIFO as the configuration file does not hang the start.
    cfg = os.path.join(tmp, "config")
    os.makedirs(os.path.join(cfg, "quire"))
    os.mkfifo(os.path.join(cfg, "quire", "config"))
    rc, s, err = drive("""
expect Reload me
expect-row -1 not a regular file
send q
wait-exit 0
""", ["--no-state", doc], ["XDG_CONFIG_HOME=" + cfg])
    ok(rc == 0, "a FIFO as the configuration file: quire starts and "
       "says so", err)

done()
