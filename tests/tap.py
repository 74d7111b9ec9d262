"""Shared by the Python tests: TAP output (ok, skip, done) and running a
vtdrive script against a command."""
import os
import subprocess
import sys
import tempfile

_count = 0
_failed = 0


def ok(cond, what, detail="", lines=40):
    """One TAP line; on failure, DETAIL as comments: a string's last LINES
    lines (the end of a program's output), a list's first LINES items."""
    global _count, _failed
    _count += 1
    if not cond:
        _failed += 1
    print(("ok" if cond else "not ok"), _count, "-", what)
    if not cond and detail:
        if isinstance(detail, (list, tuple)):
            shown = [str(d) for d in detail][:lines]
        else:
            shown = str(detail).splitlines()[-lines:]
        for line in shown:
            print("#  ", line)


def skip(what, why):
    """One TAP line for a check that cannot run here, and why."""
    global _count
    _count += 1
    print("ok %d - %s # SKIP %s" % (_count, what, why))


def drive(vtdrive, script, cmd, size="80x24", env=()):
    """Run CMD under VTDRIVE with SCRIPT; return (status, screens, stdout,
    stderr), a screen being the rows the script's 'screen' printed."""
    with tempfile.NamedTemporaryFile("w", suffix=".vt", delete=False) as f:
        f.write(script)
        path = f.name
    argv = [vtdrive, "-s", size, "-t", "10"]
    for e in env:
        argv += ["-e", e]
    argv += [path, "--", *cmd]
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=180)
    finally:
        os.unlink(path)
    screens = r.stdout.split("----\n")
    return (r.returncode, [s.split("\n") for s in screens[:-1]], r.stdout,
            r.stderr)


def done():
    """Print the plan and exit with the suite's status."""
    print("1..%d" % _count)
    sys.exit(1 if _failed else 0)
