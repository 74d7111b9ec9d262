#!/usr/bin/env python3
"""Command-line behaviour of the real binary: options, output without a
screen, and every error case with its message and exit status.

usage: cli_test.py QUIRE ARTICLE
"""
import os
import shutil
import subprocess
import sys
import tempfile

from tap import done, ok

QUIRE, ARTICLE = sys.argv[1], sys.argv[2]


def run(*args, stdin=subprocess.DEVNULL, user=None):
    cmd = [QUIRE, *args]
    if user is not None:
        cmd = ["setpriv", "--reuid=" + user, "--regid=" + user,
               "--clear-groups", *cmd]
    return subprocess.run(cmd, stdin=stdin, capture_output=True,
                          timeout=60)


def has_control(data):
    """Whether bytes hold a C0 control (but newline), DEL, or C1."""
    text = data.decode("utf-8", "replace")
    return any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F
               for c in text)


tmp = tempfile.mkdtemp(prefix="quire-cli-")
try:
    # --help, --version
    r = run("--help")
    ok(r.returncode == 0 and b"Usage: quire" in r.stdout, "--help exits 0")
    ok(all(len(l) < 80 for l in r.stdout.decode().splitlines()),
       "--help fits in 80 columns")
    for opt in (b"--dump", b"--width", b"--toc", b"--force", b"--version"):
        ok(opt in r.stdout, "--help lists " + opt.decode())
    r = run("--version")
    ok(r.returncode == 0 and r.stdout.startswith(b"quire ") and
       b"cmark-gfm" in r.stdout and b"ncurses" in r.stdout,
       "--version names quire, cmark-gfm and ncurses", r.stdout)

    # output without a screen
    r = run("--dump", "--width", "60", ARTICLE)
    lines = r.stdout.decode().split("\n")
    ok(r.returncode == 0 and lines[0] == "Difference between Rust and Go",
       "--dump starts with the title", r.stdout[:200])
    ok(not has_control(r.stdout), "--dump writes no control character")
    ok(max(len(l) for l in lines) <= 60, "--dump --width 60 fits 60 columns")
    # a long code line: its rest after the continuation mark, or whole
    long_cmd = ("docker run --rm -it -v $PWD:/src -w /src "
                "ghcr.io/example/builder:latest make -j8 all check "
                "install DESTDIR=/tmp/stage PREFIX=/usr TAILWORD")
    code_md = os.path.join(tmp, "code.md")
    with open(code_md, "w") as f:
        f.write("Build it:\n\n```sh\n%s\n```\n" % long_cmd)
    r = run("--dump", "--width", "60", code_md)
    out = r.stdout.decode().split("\n")
    ok(r.returncode == 0 and out[2] == "\u2502 " + long_cmd[:58] and
       len(out) == 6 and all(l.startswith("\u21aa ") for l in out[3:-1]) and
       "".join(l[2:] for l in out[2:-1]) == long_cmd and
       "\u203a" not in r.stdout.decode(),
       "--dump wraps a long code line, the rest after the mark \u21aa",
       r.stdout.decode())
    r = run("--dump", "-S", "--width", "60", code_md)
    ok(r.returncode == 0 and r.stdout.decode().split("\n")[2] ==
       "\u2502 " + long_cmd, "--dump -S prints it whole", r.stdout.decode())
    r2 = run(ARTICLE)
    ok(r2.returncode == 0 and r2.stdout == run("--dump", ARTICLE).stdout,
       "stdout not a terminal: quire dumps at 80 columns")
    r = run()
    ok(r.returncode == 0 and r.stdout.startswith(
        b"Difference between Rust and Go"),
       "no FILE: the bundled article", r.stderr)
    r = run("--toc", ARTICLE)
    toc = r.stdout.decode().splitlines()
    ok(r.returncode == 0 and toc[0] == "Difference between Rust and Go" and
       toc[1] == "1 What are Rust and Go? A primer" and
       "  17.2 Is Rust harder to learn than Go?" in toc,
       "--toc numbers and indents sections", r.stdout)
    with open(ARTICLE, "rb") as f:
        r = run("--dump", "-", stdin=f)
    ok(r.returncode == 0 and r.stdout.startswith(b"Difference"),
       "FILE - reads standard input")

    # No FILE and a pipe: the pipe is the document in every mode.
    piped = (b"# Piped title\n\nhello from the pipe\n\n## FAQ\n\n"
             b"### Why pipe?\n\n> Because.\n\nIt reads.\n\n"
             b"| Name | Kind |\n|---|---|\n| pipe | fifo |\n")

    def pipe(*args):
        return subprocess.run([QUIRE, *args], input=piped,
                              capture_output=True, timeout=60)
    for args, want in ((["--toc"], b"Piped title\n"),
                       (["--dump"], b"Piped title\n"),
                       ([], b"Piped title\n"),
                       (["--search", "hello"], b"hello from the pipe"),
                       (["--faq", "why"], b"Why pipe?"),
                       (["--table", "list"], b"1 rows x 2 columns")):
        r = pipe(*args)
        ok(r.returncode == 0 and want in r.stdout and
           b"Difference between Rust and Go" not in r.stdout,
           "a pipe into quire %s is the document" % " ".join(args),
           [r.stdout[:300], r.stderr])
    r = subprocess.run("printf '# Through cat\\n\\nline\\n' | %s | head -1"
                       % QUIRE, shell=True, capture_output=True, timeout=60)
    ok(r.stdout == b"Through cat\n", "cat x.md | quire | head reads the pipe",
       [r.stdout, r.stderr])
    r = run("--toc")
    ok(r.returncode == 0 and r.stdout.startswith(b"Difference"),
       "stdin /dev/null and no FILE: the bundled article", r.stderr)

    # usage errors: exit 2
    for args, what in ((["--bogus"], "unknown option"),
                       (["-Z"], "unknown short option"),
                       (["--width", "0", ARTICLE], "width 0"),
                       (["--width", "1001", ARTICLE], "width 1001"),
                       (["--width", "x", ARTICLE], "width not a number"),
                       (["--width"], "missing argument"),
                       (["--theme", "neon"], "unknown theme")):
        r = run(*args)
        ok(r.returncode == 2 and r.stderr.startswith(b"quire: ") and
           r.stdout == b"", "usage error (%s) exits 2" % what, r.stderr)
    r = run("--bogus\x1b[31m")
    ok(r.returncode == 2 and b"\x1b" not in r.stderr and b"^[" in r.stderr,
       "an unknown option is echoed escaped", r.stderr)

    # file errors: exit 1, one line naming the file and the reason
    def file_error(path, reason, what, **kw):
        r = run("--dump", path, **kw)
        err = r.stderr.decode("utf-8", "replace")
        ok(r.returncode == 1 and err.count("\n") == 1 and
           err.startswith("quire: ") and reason in err and r.stdout == b"",
           what + " exits 1 with one clear line", err)
        return r

    file_error(os.path.join(tmp, "missing.md"), "No such file",
               "a missing file")
    file_error(tmp, "is a directory", "a directory")
    binary = os.path.join(tmp, "bin.md")
    with open(binary, "wb") as f:
        f.write(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 8)
    file_error(binary, "binary", "a binary file")
    r = run("--dump", "--force", binary)
    ok(r.returncode == 0 and not has_control(r.stdout),
       "--force opens a binary file, harmlessly")
    big = os.path.join(tmp, "big.md")
    with open(big, "wb") as f:
        f.truncate(64 * 1024 * 1024 + 1)
    file_error(big, "64 MiB", "a file over the size limit")
    os.unlink(big)
    evil = os.path.join(tmp, "evil\x1b]0;pwned\x07.md")
    r = file_error(evil, "No such file", "a name with control characters")
    ok(b"\x1b" not in r.stderr and b"\x07" not in r.stderr and
       b"^[]0;pwned^G" in r.stderr, "the file name is escaped", r.stderr)
    secret = os.path.join(tmp, "secret.md")
    with open(secret, "w") as f:
        f.write("# secret\n")
    os.chmod(secret, 0)
    if os.geteuid() == 0 and shutil.which("setpriv"):
        os.chmod(tmp, 0o755)
        os.environ["XDG_CONFIG_HOME"] = tmp  # not root's, unreadable
        file_error(secret, "Permission denied", "an unreadable file",
                   user="65534")
    elif os.geteuid() != 0:
        file_error(secret, "Permission denied", "an unreadable file")
    else:
        ok(False, "an unreadable file: no setpriv to drop root")

    # several files print one after the other, each under its name
    r = run("--toc", ARTICLE, ARTICLE)
    out = r.stdout.decode()
    ok(r.returncode == 0 and out.count("==> ") == 2 and
       out.count("17.2 Is Rust harder") == 2, "two files: both, with headers",
       out[:300])

    # an empty file opens (nothing to print), exit 0
    empty = os.path.join(tmp, "empty.md")
    open(empty, "w").close()
    r = run("--dump", empty)
    ok(r.returncode == 0 and r.stdout == b"", "an empty file dumps nothing")
    ws = os.path.join(tmp, "ws.md")
    with open(ws, "w") as f:
        f.write("  \n\n\t\n")
    r = run("--dump", ws)
    ok(r.returncode == 0 and r.stdout == b"", "a whitespace-only file")

    # QUIRE_OPTS is split as a shell would: quotes and backslashes
    for opts in ("--faq 'is rust harder to learn' --limit 1",
                 '--faq "is \\"rust\\" harder to learn" --limit 1',
                 "--faq is\\ rust\\ harder\\ to\\ learn --limit 1",
                 "  --limit   1\t--faq 'is rust harder to learn'  "):
        os.environ["QUIRE_OPTS"] = opts
        r = run("--no-state", ARTICLE)
        ok(r.returncode == 0 and
           r.stdout.decode().startswith("Is Rust harder to learn than Go?"),
           "QUIRE_OPTS=%s: one query of five words" % opts, r.stderr)
    os.environ["QUIRE_OPTS"] = "--faq 'is rust"
    r = run("--no-state", ARTICLE)
    ok(r.returncode == 2 and b"QUIRE_OPTS: a quote is not closed" in
       r.stderr, "QUIRE_OPTS with a quote left open is a usage error",
       r.stderr)
    os.environ["QUIRE_OPTS"] = ""

    # --dump shows structure without colour
    struct = os.path.join(tmp, "struct.md")
    with open(struct, "w") as f:
        f.write("# T\n\n> quote one\n\n> quote two\n\n- item\n\n"
                "  > quoted in item\n\n```sh\necho hi\n```\n\n"
                "> | a | b |\n> |---|---|\n> | 1 | 2 |\n\n### H3\n\n"
                "#### H4\n\n~~strike~~ `code` **bold**\n")
    r = run("--dump", "-w", "60", struct)
    lines = r.stdout.decode().split("\n")
    qbar, cbar = "\u258c ", "\u2502 "
    ok(r.returncode == 0 and "\u258c quote one" in lines and
       "\u2502 echo hi" in lines, "--dump: quote and code gutters differ",
       r.stdout)
    i = lines.index(qbar + "quote one") if qbar + "quote one" in lines else 0
    ok(lines[i + 1:i + 3] == ["", qbar + "quote two"],
       "--dump: two quotes stay two", lines[i:i + 3])
    ok("  " + qbar + "quoted in item" in lines,
       "--dump: a quote in a list item is indented with it")
    table = [l for l in lines if "\u2502 1 \u2502" in l or
             "\u250c" in l or "\u2514" in l]
    ok(len(table) == 3 and all(l.startswith(qbar) for l in table),
       "--dump: a table in a quote keeps the bar", table)
    ok("### H3" in lines and "#### H4" in lines,
       "--dump: heading levels 3 and 4 are marked")
    ok("~~strike~~ `code` bold" in lines,
       "--dump: strikethrough and code spans are marked, bold is not")

    # The configuration file: a line is a line however long, and only a
    # regular file is read (a FIFO or /dev/zero once hung or spun).
    cfg_home = os.path.join(tmp, "cfg")
    os.makedirs(os.path.join(cfg_home, "quire"))
    cfg = os.path.join(cfg_home, "quire", "config")
    os.environ["XDG_CONFIG_HOME"] = cfg_home
    with open(cfg, "w") as f:
        f.write("# " + "x" * 1021 + "width = 33\n")
    r = run("--dump", "--no-state", ARTICLE)
    widest = max(len(l) for l in r.stdout.decode().split("\n"))
    ok(r.returncode == 0 and widest > 33 and r.stderr == b"",
       "a comment line of 1,044 bytes is one comment (its end sets no "
       "width): widest line %d" % widest, r.stderr)
    with open(cfg, "w") as f:
        f.write("width = 33 # " + "y" * 5000 + "\n")
    r = run("--dump", "--no-state", ARTICLE)
    widest = max(len(l) for l in r.stdout.decode().split("\n"))
    ok(r.returncode == 0 and widest <= 33, "a long line is read whole",
       widest)
    for what, make in (("/dev/zero", lambda: os.symlink("/dev/zero", cfg)),
                       ("a FIFO", lambda: os.mkfifo(cfg)),
                       ("a directory", lambda: os.mkdir(cfg))):
        if os.path.isdir(cfg):
            os.rmdir(cfg)
        elif os.path.lexists(cfg):
            os.unlink(cfg)
        make()
        r = run("--version")
        ok(r.returncode == 0 and r.stdout.startswith(b"quire ") and
           b"not a regular file; ignored" in r.stderr,
           "a configuration file that is %s: ignored, saying so" % what,
           r.stderr)
    os.rmdir(cfg)
    os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "no-config")

    # A write error on standard output is status 1 with a message.
    with open("/dev/full", "wb") as full:
        for args in (("--list",), ("--keys",), ("--help",), ("--version",),
                     ("--dump", ARTICLE), ("--toc", ARTICLE),
                     ("--faq", "rust", ARTICLE), ("--table", "list", ARTICLE),
                     ("--search", "Go", ARTICLE)):
            r = subprocess.run([QUIRE, *args], stdin=subprocess.DEVNULL,
                               stdout=full, stderr=subprocess.PIPE,
                               timeout=60)
            ok(r.returncode == 1 and b"cannot write standard output: No "
               b"space left on device" in r.stderr,
               "%s > /dev/full: exit 1 with a message" % " ".join(
                   a if a != ARTICLE else "FILE" for a in args),
               (r.returncode, r.stderr))

    # Printing to a terminal under a locale that is not UTF-8 writes
    # ASCII, as the pager draws there; to a pipe it stays UTF-8.
    import pty
    utf = os.path.join(tmp, "utf.md")
    with open(utf, "w") as f:
        f.write("# Caf\u00e9 \u201cquoted\u201d\n\n- \u4e2d\u6587 "
                "text \u2014 dash\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")

    def on_tty(*args):
        master, slave = pty.openpty()
        env = dict(os.environ, LC_ALL="C", LANG="C")
        p = subprocess.Popen([QUIRE, *args], stdin=subprocess.DEVNULL,
                             stdout=slave, stderr=subprocess.PIPE, env=env)
        os.close(slave)
        out = b""
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            out += data
        p.wait()
        os.close(master)
        return p.returncode, out

    for args in (("--dump", utf), ("--toc", utf), ("--table", "1", utf),
                 ("--search", "text", utf), ("--dump", ARTICLE),
                 ("--faq", "rust", ARTICLE), ("--list",), ("--keys",)):
        rc, out = on_tty(*args)
        ok(rc == 0 and out and max(out) < 0x80,
           "LC_ALL=C, %s to a terminal: ASCII only" % " ".join(
               os.path.basename(a) for a in args), out[:300])
    rc, out = on_tty("--dump", utf)
    ok(b"Caf? \"quoted\"" in out and b"====" in out and
       b"text -- dash" in out, "ASCII look-alikes for quotes, dashes and "
       "the heading rule", out[:300])
    r = subprocess.run([QUIRE, "--dump", utf], capture_output=True,
                       env=dict(os.environ, LC_ALL="C", LANG="C"))
    ok(r.returncode == 0 and "Caf\u00e9".encode() in r.stdout,
       "LC_ALL=C to a pipe: UTF-8 as it is", r.stdout[:200])

    # Invisible format controls are shown by their code in --dump.
    bidi = os.path.join(tmp, "bidi.md")
    with open(bidi, "w") as f:
        f.write("# Bidi\n\nopen report\u202Efdp.exe and "
                "\u2066isolated\u2069, a\u200Bb\n")
    r = run("--dump", bidi)
    text = r.stdout.decode()
    ok("report<U+202E>fdp.exe" in text and "<U+2066>isolated<U+2069>" in
       text and "a<U+200B>b" in text and "\u202E" not in text,
       "--dump shows U+202E, U+2066/2069 and U+200B by their code", text)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

done()
