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
finally:
    shutil.rmtree(tmp, ignore_errors=True)

done()
