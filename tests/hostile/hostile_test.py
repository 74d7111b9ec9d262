#!/usr/bin/env python3
"""Hostile files through the real binary: every input of gen.py with
--dump and --toc (and --width 1 for the small ones).  Each run must end
in time with the right status -- 0, or 1 for a file refused as binary
(NUL bytes) without --force -- write nothing to stderr, and write only
valid UTF-8 with no control character but newline: no ESC, no other C0,
no DEL, no C1.  The time limit is generous; bench/pathological.py is
where the growth with size is measured.

With --memory: each input of gen.MEMORY, up to the 64 MiB size limit,
with --dump must peak under 1 GiB resident and end with a status it
allows (0, or 4 with one line when the parse passed its budget); the
reference bombs must open (status 0) with their uses past the budget
shown as written, and so must the HTML past its budget (16 MiB).  In a sanitizer build the peak is not asserted: the
sanitizer's own memory would count.

usage: hostile_test.py QUIRE [--memory]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import gen  # noqa: E402
from tap import done, ok  # noqa: E402

QUIRE = sys.argv[1]
MEMORY = sys.argv[2:] == ["--memory"]
# A sanitizer build runs several times slower: it gets three times the
# time (ten for the memory inputs).
SANITIZED = any(lib in subprocess.run(["ldd", QUIRE], capture_output=True,
                                      text=True).stdout
                for lib in ("libasan", "libubsan"))
TIMEOUT = 20 * (3 if SANITIZED else 1)  # seconds per run
SMALL = 64 * 1024     # inputs also laid out one column wide
PEAK_MAX = 1024       # MiB resident, for the inputs of gen.MEMORY


def bad_output(data):
    """Why bytes are unsafe for a terminal, or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "invalid UTF-8 at byte %d: %r" % (e.start,
                                                 data[e.start:e.start + 8])
    for i, c in enumerate(text):
        o = ord(c)
        if (o < 0x20 and c != "\n") or 0x7F <= o <= 0x9F:
            return "U+%04X at character %d: %r" % (o, i,
                                                   text[max(0, i - 20):i + 20])
    return None


def run(args, what, want):
    """Run quire with ARGS; check status WANT, time, stderr, output."""
    t0 = time.monotonic()
    try:
        r = subprocess.run([QUIRE, *args], stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        ok(False, what, "no answer in %d s" % TIMEOUT)
        return
    took = time.monotonic() - t0
    why = bad_output(r.stdout) or bad_output(r.stderr)
    if r.returncode != want:
        why = "exit status %d, want %d; stderr %r" % (r.returncode, want,
                                                      r.stderr[:300])
    elif want == 0 and r.stderr:
        why = "stderr: %r" % r.stderr[:300]
    elif want != 0 and not (r.stderr.startswith(b"quire: ") and
                            r.stderr.count(b"\n") == 1):
        why = "stderr is not one line of quire's: %r" % r.stderr[:300]
    ok(why is None, "%s (%.2f s)" % (what, took), why)


def run_peak(args, timeout):
    """Run quire with ARGS: status, output, stderr and peak MiB, or
    None when it does not end within TIMEOUT seconds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([QUIRE, *args], stdin=subprocess.DEVNULL,
                             stdout=out, stderr=err)
        t0 = time.monotonic()
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > timeout:
                p.kill()
                p.wait()
                return None
            time.sleep(0.01)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return p.returncode, out.read(), err.read(), usage.ru_maxrss / 1024


def memory(tmp):
    """Every input of gen.MEMORY: its status and its peak."""
    timeout = 20 * (10 if SANITIZED else 3)
    for name, (make, allowed) in gen.MEMORY.items():
        data = make()
        path = os.path.join(tmp, name + ".md")
        with open(path, "wb") as f:
            f.write(data)
        del data
        r = run_peak(["--dump", path], timeout)
        os.unlink(path)
        if r is None:
            ok(False, name + ": memory", "no answer in %d s" % timeout)
            continue
        status, out, err, peak = r
        why = None
        if status not in allowed:
            why = "exit status %d, want %s; stderr %r" % (status, allowed,
                                                          err[:300])
        elif status == 0 and err:
            why = "stderr: %r" % err[:300]
        elif status == 4 and not (err.startswith(b"quire: ") and
                                  err.count(b"\n") == 1 and
                                  b"MiB to parse" in err):
            why = "stderr is not quire's one line on memory: %r" % err[:300]
        elif not SANITIZED and peak > PEAK_MAX:
            why = "peak %.0f MiB, over %d" % (peak, PEAK_MAX)
        elif name.startswith("html-") and status == 0 and \
                b"<div><b>x</b></div>" not in out:
            why = "no HTML past the budget shown as written"
        elif name.startswith("reference-bomb") and b"[a]" not in out and \
                "[label" not in out.decode(errors="replace").lower():
            why = "no use of the label shown as written"
        ok(why is None, "%s: status %d, peak %.0f MiB" % (name, status, peak),
           why)


def main():
    tmp = tempfile.mkdtemp(prefix="quire-hostile-")
    try:
        if MEMORY:
            memory(tmp)
        for name, make in {} if MEMORY else gen.CASES.items():
            data = make()
            path = os.path.join(tmp, name + ".md")
            with open(path, "wb") as f:
                f.write(data)
            refused = gen.binary(data)
            run(["--dump", path], name + ": --dump", 1 if refused else 0)
            run(["--toc", path], name + ": --toc", 1 if refused else 0)
            if refused:
                run(["--dump", "--force", path], name + ": --dump --force",
                    0)
            if len(data) <= SMALL:
                run(["--dump", "--force", "--width", "1", path],
                    name + ": --dump --width 1", 0)
            os.unlink(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    done()


if __name__ == "__main__":
    main()
