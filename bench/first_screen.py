#!/usr/bin/env python3
"""How long the real binary takes from its start to its first screen, in
a pseudo-terminal of 80x24: the median of several runs per file, until
the document's own text is on the screen -- a word from its first lines
(quire --dump) written to a row above the status line, not merely the
status line.  Not a test: it prints figures.

usage: bench/first_screen.py QUIRE [FILE...]    (no FILE: the bundled article)

bench/real.py uses the Session below for its keys as well.
"""
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import termios
import time

RUNS = 7
ROWS, COLS = 24, 80

# What curses writes between characters: escape sequences (CSI, OSC,
# charset and keypad switches) and line feeds.
TOKEN = re.compile(rb"(\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
                   rb"|\x1b[()*+].|\x1b[=>78DEHMc]|\n)")
MOVES = b"HfdABCDGEF"  # CSI finals that move the cursor


class Screen:
    """Which row curses writes to, followed through its cursor moves, and
    the characters written since the last mark: the document's rows apart
    from the status line (the last row), and of those the ones drawn on a
    background colour or reversed (search matches).  A cursor move stands
    for spaces, so it parts words; a change of colour does not."""

    def __init__(self, rows, cols=80):
        self.rows, self.row, self.pending, self.bg = rows, 1, b"", False
        self.cols, self.col, self.last = cols, 0, " "
        self.bottom = [" "] * cols  # the status row as it stands
        self.mark()

    def put(self, part):
        """Write PART's characters at the cursor (kept, on the status
        row)."""
        for c in part.decode("utf-8", "replace"):
            if c == "\r":
                self.col = 0
            elif c == "\b":
                self.col = max(self.col - 1, 0)
            elif c >= " ":
                if self.col < self.cols and self.row >= self.rows:
                    self.bottom[self.col] = c
                self.col += 1
                self.last = c

    def edit(self, f, n, ps):
        """A CSI that edits a row (the status row kept): erase, insert,
        delete, repeat."""
        c, row = min(self.col, self.cols), self.bottom
        if f == b"b":
            self.put(self.last.encode() * n)
            return
        if self.row < self.rows:
            return
        if f == b"K":
            lo, hi = ((c, self.cols), (0, c + 1), (0, self.cols))[
                min(int(ps[0]) if ps[0].isdigit() else 0, 2)]
            row[lo:hi] = [" "] * (hi - lo)
        elif f == b"X":
            row[c:c + n] = [" "] * len(row[c:c + n])
        elif f == b"@":
            row[c:] = ([" "] * n + row[c:])[:self.cols - c]
        elif f == b"P":
            row[c:] = (row[c + n:] + [" "] * n)[:self.cols - c]

    def mark(self):
        self.text, self.status, self.lit = bytearray(), bytearray(), \
            bytearray()

    def sgr(self, params):
        """Follow whether a background colour (or reverse) is on."""
        ps = [int(p) if p.isdigit() else 0 for p in params.split(b";")]
        i = 0
        while i < len(ps):
            p = ps[i]
            if p in (0, 27, 49):
                self.bg = False
            elif p == 7 or 40 <= p <= 47 or 100 <= p <= 107:
                self.bg = True
            elif p in (38, 48):
                self.bg = self.bg or p == 48
                i += 2 if i + 1 < len(ps) and ps[i + 1] == 5 else 4
            i += 1

    def feed(self, data):
        data = self.pending + data
        k = data.rfind(b"\x1b")
        if k >= 0 and not TOKEN.match(data, k) and len(data) - k < 64:
            data, self.pending = data[:k], data[k:]
        else:
            self.pending = b""
        for i, part in enumerate(TOKEN.split(data)):
            if i % 2 == 0:
                if self.row >= self.rows:
                    self.status.extend(part)
                    self.put(part)
                else:
                    self.put(part)
                    self.text.extend(part)
                    if self.bg:
                        self.lit.extend(part)
                continue
            if part.startswith(b"\x1b[") and part.endswith(b"m"):
                self.sgr(part[2:-1])
                self.lit.extend(b"\n")
                continue
            ps = part[2:-1].split(b";") if part.startswith(b"\x1b[") \
                else [b""]
            n = int(ps[0]) if ps[0].isdigit() else 1
            f = part[-1:]
            if part == b"\n" or part in (b"\x1bE", b"\x1bD"):
                self.row = min(self.row + 1, self.rows)
                self.col = 0 if part == b"\x1bE" else self.col
            elif part.startswith(b"\x1b[") and f == b"b" and \
                    self.row < self.rows:
                rep = (self.last * n).encode()  # a row's text, repeated
                self.put(rep)
                self.text.extend(rep)
                if self.bg:
                    self.lit.extend(rep)
                continue
            elif part.startswith(b"\x1b[") and f in b"KX@Pb":
                self.edit(f, n, ps)
                continue
            elif part.startswith(b"\x1b[") and part[-1] in MOVES:
                m = int(ps[1]) if len(ps) > 1 and ps[1].isdigit() else 1
                if f in b"Hf":
                    self.row, self.col = n, m - 1
                elif f == b"d":
                    self.row = n
                elif f == b"G":
                    self.col = n - 1
                elif f == b"C":
                    self.col += n
                elif f == b"D":
                    self.col = max(self.col - n, 0)
                elif f == b"A":
                    self.row = max(self.row - n, 1)
                elif f in b"BE":
                    self.row = min(self.row + n, self.rows)
                    self.col = 0 if f == b"E" else self.col
            else:
                continue
            self.text.extend(b"\n")
            self.lit.extend(b"\n")
            self.status.extend(b" ")

    def words(self):
        return self.text.decode("utf-8", "replace")

    def highlighted(self):
        return self.lit.decode("utf-8", "replace")

    def status_now(self):
        """The status row as it stands on the screen."""
        return "".join(self.bottom)

    def status_line(self):
        """The status line's text since the mark, backspaces applied."""
        s = self.status.decode("utf-8", "replace")
        out = []
        for c in s:
            if c == "\b":
                out = out[:-1]
            else:
                out.append(c)
        return "".join(out)


class Session:
    """QUIRE's argv running in a pseudo-terminal of ROWS x COLS, its output
    collected; times are seconds from the process's start."""

    def __init__(self, argv, rows=ROWS, cols=COLS):
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            os.environ.update({"TERM": "xterm-256color",
                               "QUIRE_NO_STATE": "1", "QUIRE_OPTS": ""})
            for v in ("LINES", "COLUMNS"):
                os.environ.pop(v, None)
            os.execvp(argv[0], argv)
        fcntl.ioctl(fd, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))
        self.pid, self.fd, self.screen = pid, fd, Screen(rows, cols)
        self.eof, self.rusage = False, None

    def _read(self, timeout):
        """Read what has come within TIMEOUT seconds; False at its end."""
        if self.eof:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        if not data:
            self.eof = True
            return False
        self.screen.feed(data)
        return True

    def send(self, keys):
        """Type KEYS; later waits look only at what is drawn after them.
        Returns the time they were sent."""
        self.screen.mark()
        os.write(self.fd, keys)
        return time.monotonic() - self.t0

    def wait(self, pred, timeout=10.0):
        """The time PRED(screen) first held, PRED looking at what was
        drawn since the last send, or None if it did not within TIMEOUT
        seconds."""
        end = time.monotonic() + timeout
        while True:
            if pred(self.screen):
                return time.monotonic() - self.t0
            left = end - time.monotonic()
            if left <= 0 or (not self._read(left) and self.eof):
                return None

    def settle(self, quiet=0.05, timeout=5.0):
        """Wait until nothing has been drawn for QUIET seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and self._read(quiet):
            pass

    def close(self):
        """Quit (q, then a kill if need be); the child's rusage."""
        if self.rusage is None:
            try:
                os.write(self.fd, b"q")
            except OSError:
                pass
            end = time.monotonic() + 2
            while time.monotonic() < end:
                pid, _, ru = os.wait4(self.pid, os.WNOHANG)
                if pid:
                    self.rusage = ru
                    break
                self._read(0.02)
            else:
                os.killpg(self.pid, 9)  # and what it started
                self.rusage = os.wait4(self.pid, 0)[2]
            os.close(self.fd)
        return self.rusage


WORD = re.compile(r"[A-Za-z][A-Za-z0-9]{3,}")


def marker(lines, avoid=()):
    """The longest word of the first of LINES that has one not in AVOID."""
    for line in lines:
        ws = [w for w in WORD.findall(line) if w.lower() not in avoid]
        if ws:
            return max(ws, key=len)
    return None


def dump(quire, path, width=COLS):
    """quire --dump of PATH at WIDTH, as lines."""
    r = subprocess.run([quire, "--dump", "--width=%d" % width, path],
                       capture_output=True)
    return r.stdout.decode("utf-8", "replace").splitlines()


def first_text(lines):
    """A word from the first of the dumped LINES: on the first screen."""
    return marker(lines[:ROWS - 4])


def first_screen(argv, word):
    """Seconds from starting ARGV to WORD on its screen, or None."""
    s = Session(argv)
    t = s.wait(lambda scr: word in scr.words())
    s.close()
    return t


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[-3])
    quire, files = sys.argv[1], sys.argv[2:] or [None]
    for f in files:
        argv = [quire] + ([f] if f else [])
        word = first_text(dump(quire, f)) if f else "analytical"
        if word is None:
            print("%s: no text to wait for" % f)
            continue
        ts = [first_screen(argv, word) for _ in range(RUNS)]
        if None in ts:
            print("%s: no first screen within 10 s" % (f or "the article"))
            continue
        print("%s: first screen (\"%s\") in %.1f ms (median of %d, fastest "
              "%.1f)" % (f or "the bundled article", word,
                         statistics.median(ts) * 1e3, RUNS, min(ts) * 1e3))


if __name__ == "__main__":
    main()
