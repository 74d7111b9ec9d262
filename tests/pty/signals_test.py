#!/usr/bin/env python3
"""Every signal that ends quire gives the terminal back: quire runs in a
pseudo-terminal, the test sends it a signal once the first screen is
drawn, and checks the exit status (128 + N), the terminal's modes (the
same as before quire started, compared with tcgetattr on the terminal
itself, as `stty -g` would) and the last bytes quire wrote (the
alternate screen left, the cursor shown, mouse reporting off).  The
crash signals (SEGV, ABRT, ...) end quire as they would have, after the
same restore.

usage: signals_test.py VTDRIVE QUIRE ARTICLE (VTDRIVE unused)
"""
import fcntl
import os
import re
import resource
import select
import signal
import struct
import subprocess
import sys
import termios
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from tap import done, ok  # noqa: E402

QUIRE, ARTICLE = sys.argv[2:4]
TIMEOUT = 20


def child_setup():
    """In the child: the pty as controlling terminal, no core files."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def read_until(fd, pred, buf, proc=None):
    """Read FD into BUF until PRED(BUF), PROC exits or the time is out."""
    end = time.monotonic() + TIMEOUT
    while not pred(buf) and time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            buf += data
        elif proc is not None and proc.poll() is not None:
            break
    return buf


def run(sig):
    """Run quire, send SIG when the screen is up; return (status, modes
    before, modes while running, modes after, raw output)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    before = termios.tcgetattr(slave)
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([QUIRE, "--no-state", ARTICLE], stdin=slave,
                            stdout=slave, stderr=slave, env=env,
                            start_new_session=True, preexec_fn=child_setup)
    raw = read_until(master, lambda b: b"\x1b[?1049h" in b and b"Rust" in
                     b[b.find(b"\x1b[?1049h"):], bytearray())
    time.sleep(0.2)
    during = termios.tcgetattr(slave)
    proc.send_signal(sig)
    try:
        end = time.monotonic() + TIMEOUT
        while proc.poll() is None and time.monotonic() < end:
            raw = read_until(master, lambda b: False, raw, proc)
        proc.wait(timeout=1)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    raw = read_until(master, lambda b: False, raw, proc)
    after = termios.tcgetattr(slave)
    os.close(master)
    os.close(slave)
    return proc.returncode, before, during, after, bytes(raw)


MOUSE_ON = re.compile(rb"\x1b\[\?(?:1006;)?1000h")
MOUSE_OFF = re.compile(rb"\x1b\[\?(?:1006;)?1000l")


def screen_left(raw):
    """What is wrong with the end of RAW, or ''."""
    wrong = []
    if raw.rfind(b"\x1b[?1049l") < raw.rfind(b"\x1b[?1049h"):
        wrong.append("still on the alternate screen")
    if raw.rfind(b"\x1b[?25h") < raw.rfind(b"\x1b[?25l"):
        wrong.append("cursor hidden")
    on = [m.end() for m in MOUSE_ON.finditer(raw)]
    off = [m.end() for m in MOUSE_OFF.finditer(raw)]
    if not on:
        wrong.append("mouse reporting never turned on (test broken?)")
    elif not off or off[-1] < on[-1]:
        wrong.append("mouse reporting on")
    return ", ".join(wrong)


def modes_wrong(before, during, after):
    """What is wrong with the terminal's modes, or ''."""
    if during[3] & termios.ICANON:
        return "quire never set its modes (test broken?)"
    if after != before:
        names = ("iflag", "oflag", "cflag", "lflag", "ispeed", "ospeed", "cc")
        return "modes differ: " + ", ".join(
            n for n, a, b in zip(names, before, after) if a != b)
    return ""


ENDING = ["TERM", "HUP", "QUIT", "USR1", "USR2", "ALRM", "PIPE", "VTALRM",
          "PROF", "XCPU", "XFSZ", "IO", "PWR", "STKFLT"]
sigs = [(n, getattr(signal, "SIG" + n)) for n in ENDING
        if hasattr(signal, "SIG" + n)]
sigs += [("RTMIN", signal.SIGRTMIN), ("RTMAX", signal.SIGRTMAX)]
for name, sig in sigs:
    rc, before, during, after, raw = run(sig)
    why = modes_wrong(before, during, after) or screen_left(raw)
    ok(rc == 128 + sig and not why,
       "SIG%s: exit %d, terminal modes and screen restored" % (name, 128 + sig),
       "exit %s; %s; last bytes %r" % (rc, why, raw[-200:]))

# A crash cannot wait for the key loop: the handler restores the
# terminal and the signal then ends quire as it would have.
for name in ("SEGV", "ABRT", "BUS", "FPE", "ILL"):
    sig = getattr(signal, "SIG" + name)
    rc, before, during, after, raw = run(sig)
    why = modes_wrong(before, during, after)
    if not why and raw.rfind(b"\x1b[?1049l") < raw.rfind(b"\x1b[?1049h"):
        why = "still on the alternate screen"
    ok(rc != 0 and not why,
       "SIG%s (a crash): quire ends, terminal modes restored, screen left"
       % name, "exit %s; %s; last bytes %r" % (rc, why, raw[-200:]))

done()
