#!/usr/bin/env python3
"""quire on real documents, next to cmark-gfm in the same run.

The corpus: every *.md under /usr/share/doc (by size class: under 16 KB,
16-256 KB, 256 KB and more), the GFM spec text cmark-gfm ships, all of
those concatenated to 1.2 MB and 12 MB, a book-like file (bench/book.py)
of 1.2 MB and repeated to 12 MB, and the generated article of
quire-bench at 1.2 MB and 12 MB.

For each file, in a pseudo-terminal of 80x24 as first_screen.py does:
the first screen (process start to a word of the document's first lines
drawn above the status line), G right after it (the key to a word of the
document's last lines drawn, or the status line's "100%"; and, while the whole is parsed, to the end
of a part of the file shown with "page ?/?"), and, in a second session,
/WORD<Enter> typed at once right after the first screen, as a reader
types it (from the / key to WORD drawn highlighted, and the CPU time
quire's threads took meanwhile, the whole's load on the second thread
included, and, apart, to the status line's "match i/N" with both
numbers known: the row is followed cell by cell through curses' moves,
so "match 1/..." shown with the first hit and its total written over
later count as they stand), WORD being the dump's most frequent long
word.
Then quire --dump --width=80 (wall and CPU time, peak memory), and
cmark-gfm -e table to HTML (CPU time, peak memory).  The peak memory of
the pager session that pressed G goes to the JSON; memory is measured
once per file, under /usr/bin/time.  Each figure is the
median of the runs; each is printed with its ratio to cmark-gfm's CPU
time (times) or peak memory (memory).  A size class shows the median
over its files and the worst file.

Not a test: it prints figures and fails on none.

usage: bench/real.py QUIRE [--only doc,spec,concat,book,generated]
                     [--runs N] [--big-runs N] [--each-runs N] [--long]
                     [--json PATH] [--inputs DIR]
  --runs N       runs of each named file under 5 MB (default 5)
  --big-runs N   runs of each file of 5 MB or more (default 3)
  --each-runs N  runs of each /usr/share/doc file (default 1)
  --long         11, 5 and 3 runs
  --json PATH    the figures, per file (default: beside QUIRE,
                 bench-real.json)
  --inputs DIR   write the built inputs there and keep them
"""
import argparse
import glob
import gzip
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from first_screen import ROWS, Session, WORD, dump, first_text  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SMALL, LARGE = 16 << 10, 256 << 10
BIG = 5 << 20
TIME = "/usr/bin/time"
COLUMNS = ["first", "G", "G_part", "hit", "hit_cpu", "count", "dump_wall",
           "dump_cpu", "dump_mem", "pager_mem", "cmark_cpu", "cmark_mem"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# -- the corpus --------------------------------------------------------------

def doc_files():
    """Every readable *.md under /usr/share/doc, and how many were not."""
    ok, skipped = [], 0
    for p in sorted(glob.glob("/usr/share/doc/**/*.md", recursive=True)):
        try:
            with open(p, "rb") as f:
                f.read(1)
            if os.path.isfile(p):
                ok.append(p)
            else:
                skipped += 1
        except OSError:
            skipped += 1
    return ok, skipped


def spec_text(dirname):
    """The GFM spec as cmark-gfm ships it, else the tree's examples."""
    gz = "/usr/share/doc/cmark-gfm/spec.txt.gz"
    out = os.path.join(dirname, "gfm-spec.md")
    try:
        with gzip.open(gz) as f, open(out, "wb") as o:
            o.write(f.read())
        return out, gz
    except OSError:
        ex = os.path.join(HERE, "..", "tests", "spec", "examples.txt")
        return os.path.normpath(ex), "no spec text in the package: " + ex


def concat(paths, size, out):
    """PATHS one after another (over again if short), cut at the first
    line end past SIZE bytes, written to OUT."""
    data = bytearray()
    while len(data) < size:
        for p in paths:
            with open(p, "rb") as f:
                data += f.read().rstrip(b"\n") + b"\n\n"
            if len(data) >= size:
                break
    cut = data.find(b"\n", size)
    with open(out, "wb") as f:
        f.write(data[:cut + 1] if cut >= 0 else data)
    return out


def run_to(argv, out):
    with open(out, "wb") as f:
        subprocess.run(argv, stdout=f, check=True)
    return out


def corpus(quire, only, d):
    """(name, path, class) for each document, and notes on the corpus."""
    docs, notes = [], []
    files, skipped = doc_files()
    spec, spec_note = spec_text(d)
    notes.append("/usr/share/doc: %d *.md files read, %d skipped (not "
                 "readable)" % (len(files), skipped))
    notes.append("GFM spec: " + spec_note)
    if "doc" in only:
        for p in files:
            n = os.path.getsize(p)
            docs.append((p, p, "small" if n < SMALL else
                         "medium" if n < LARGE else "large"))
    if "spec" in only:
        docs.append(("GFM spec (spec.txt)", spec, None))
    if "concat" in only:
        for size, tag in ((1200000, "1.2 MB"), (12000000, "12 MB")):
            docs.append(("all of those, %s" % tag, concat(
                [spec] + files, size,
                os.path.join(d, "concat-%s.md" % tag.split()[0])), None))
    if "book" in only:
        book = os.path.join(HERE, "book.py")
        docs.append(("book, 1.2 MB", run_to([sys.executable, book],
                     os.path.join(d, "book-1.2.md")), None))
        docs.append(("book repeated, 12 MB", run_to(
            [sys.executable, book, "1200000", "10"],
            os.path.join(d, "book-12.md")), None))
    if "generated" in only:
        qb = os.path.join(os.path.dirname(quire), "bench", "quire-bench")
        if os.access(qb, os.X_OK):
            for size, tag in ((1200000, "1.2"), (12000000, "12")):
                docs.append(("generated article, %s MB" % tag, run_to(
                    [qb, "--generate", str(size)],
                    os.path.join(d, "generated-%s.md" % tag)), None))
        else:
            notes.append("generated: no %s, skipped" % qb)
    return docs, notes


# -- one file ----------------------------------------------------------------

def words_to_wait_for(quire, path):
    """The first screen's word, a word of the last lines for G (None when
    the document fits a screen or two), and the word to search for."""
    lines = dump(quire, path)
    first = first_text(lines)
    if first is None or len(lines) <= 2 * ROWS:
        return first, None, None
    head = {w.lower() for line in lines[:2 * ROWS] for w in WORD.findall(line)}
    # the rarest on the last page, so the page is drawn when it shows
    tail = Counter(w.lower() for line in lines[-ROWS:]
                   for w in WORD.findall(line))
    ws = [w for line in lines[-ROWS // 3:] for w in WORD.findall(line)
          if w.lower() not in head]
    last = min(ws, key=lambda w: (tail[w.lower()], -len(w))) if ws else None
    common = Counter(w.lower() for line in lines
                     for w in re.findall(r"\b[A-Za-z]{6,}\b", line))
    search = common.most_common(1)[0][0] if common else None
    return first, last, search


def peak(argv, out):
    """ARGV run under /usr/bin/time, which writes its peak memory to OUT.
    (A child forked from this process would count this one's memory as
    its own: Linux keeps the high-water mark across exec.)"""
    if not os.access(TIME, os.X_OK):
        return argv
    return [TIME, "-f", "%M", "-o", out] + argv


def read_peak(out):
    """The KiB /usr/bin/time wrote to OUT, or None."""
    try:
        with open(out) as f:
            return int(f.read().split()[-1])
    except (OSError, ValueError, IndexError):
        return None
    finally:
        if os.path.exists(out):
            os.unlink(out)



def press_g(s, first, last):
    """In session S, once FIRST is on the screen, G pressed at once:
    (seconds to the first screen, from the key to a part of the file
    shown with "page ?/?" or to LAST, whichever comes first, from the
    key to LAST); None where it did not come."""
    t1 = s.wait(lambda scr: first in scr.words())
    tp = tg = None
    if t1 is not None and last is not None:
        sent = s.send(b"G")
        t = s.wait(lambda scr: last in scr.words() or
                   "page ?/?" in scr.status_line() or
                   re.search(r"\b100%", scr.status_line()))
        tp = t - sent if t is not None else None
        # or the status line's "100%", drawn after the text: curses
        # leaves cells as they were, so LAST may be drawn in part
        t = s.wait(lambda scr: last in scr.words() or
                   re.search(r"\b100%", scr.status_line()))
        tg = t - sent if t is not None else None
    return t1, tp, tg

def session_g(quire, path, first, last, tmp):
    """First screen, then G pressed at once: (G, G answered from a part,
    in seconds; the pager's peak KiB).  G is the key to a word of the
    document's last lines; the part, the key to "page ?/?" (the end of
    a part of the file, shown before the whole is parsed; the whole
    replaces it, its last lines with it) or to that word, whichever comes
    first.  Under /usr/bin/time, so its first screen is not counted."""
    out = os.path.join(tmp, "peak")
    s = Session(peak([quire, path], out))
    t1, tp, tg = press_g(s, first, last)
    s.close()
    return tg, tp, read_peak(out)


def cpu(pid):
    """The CPU time PID has taken, its threads' that ended too, in
    seconds (/proc/PID/stat: clock ticks, 10 ms each here)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            v = f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(v[11]) + int(v[12])) / os.sysconf("SC_CLK_TCK")


def session_search(quire, path, first, word):
    """First screen, then /WORD<Enter> typed at once: (first, hit, CPU
    to the hit, count) in seconds, from the / key: the prompt is not
    waited for, so a search that waits for the whole load counts it."""
    s = Session([quire, path])
    t1 = s.wait(lambda scr: first in scr.words())
    hit = hit_cpu = count = None
    if t1 is not None and word is not None:
        c0 = cpu(s.pid)
        sent = s.send(b"/" + word.encode() + b"\r")
        lw = word.lower()
        t = s.wait(lambda scr: lw in scr.highlighted().lower() or
                   "not found" in scr.status_line())
        if t is not None and lw in s.screen.highlighted().lower():
            hit, hit_cpu = t - sent, cpu(s.pid) - c0
            # the row as it stands: "match 1/..." first, then the total
            t = s.wait(lambda scr: re.search(r"match \d+/\d+",
                                             scr.status_now()))
            count = t - sent if t is not None else None
    s.close()
    return t1, hit, hit_cpu, count


def timed(argv):
    """Run ARGV, output discarded: (wall s, CPU s)."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    p.returncode = 0
    return time.monotonic() - t0, ru.ru_utime + ru.ru_stime


def timed_peak(argv, tmp):
    """Run ARGV under /usr/bin/time, output discarded: its peak KiB."""
    out = os.path.join(tmp, "peak")
    subprocess.run(peak(argv, out), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return read_peak(out)


def med(v):
    v = [x for x in v if x is not None]
    return statistics.median(v) if v else None


def measure(quire, path, runs, tmp):
    """The medians of RUNS runs of each figure for PATH."""
    first, last, word = words_to_wait_for(quire, path)
    if first is None:
        return None
    f, g, gp, hit, hc, count, pm, dw, dc, dm, cc, cm = ([] for _ in
                                                        range(12))
    for _ in range(runs):
        # The first screen before G: a G that never comes (its word on
        # cells curses left as they were) waits 10 s with the machine
        # idle, and a start timed after that is timed on cold caches.
        a, b, h, c = session_search(quire, path, first, word)
        f.append(a), hit.append(b), hc.append(h), count.append(c)
        b, p, m = session_g(quire, path, first, last, tmp)
        g.append(b), gp.append(p), pm.append(m)
        w, c = timed([quire, "--dump", "--width=80", path])
        dw.append(w), dc.append(c)
        cc.append(timed(["cmark-gfm", "-e", "table", path])[1])
    dm.append(timed_peak([quire, "--dump", "--width=80", path], tmp))
    cm.append(timed_peak(["cmark-gfm", "-e", "table", path], tmp))
    r = dict(zip(COLUMNS, map(med, (f, g, gp, hit, hc, count, dw, dc, dm, pm,
                                    cc, cm))))
    r.update(size=os.path.getsize(path), runs=runs, first_word=first,
             last_word=last, search_word=word)
    return r


def ratio(r, k):
    """Figure K of R over cmark-gfm's CPU time or peak memory."""
    base = r["cmark_mem"] if k.endswith("_mem") else r["cmark_cpu"]
    if r.get(k) is None or not base:
        return None
    return r[k] / base


# -- the table ---------------------------------------------------------------

def fmt_time(s):
    if s is None:
        return "-"
    ms = s * 1e3
    return "%.2f s" % s if ms >= 1000 else "%.1f ms" % ms if ms < 10 \
        else "%.0f ms" % ms


def fmt_size(n):
    return "%.1f MB" % (n / 1e6) if n >= 1e6 else "%.0f KB" % (n / 1e3)


def cell(r, k, rt=None):
    v = r.get(k)
    if v is None:
        return "-"
    s = "%.1f MiB" % (v / 1024) if k.endswith("_mem") else fmt_time(v)
    if k.startswith("cmark"):
        return s
    rt = ratio(r, k) if rt is None else rt
    return s + (" %.2fx" % rt if rt is not None else "")


HEAD = ["document", "size", "first screen", "`G`", "`G`, a part",
        "first hit", "first hit CPU",
        "match i/N", "`--dump` wall", "`--dump` CPU", "`--dump` memory",
        "cmark-gfm CPU", "cmark-gfm memory"]
SHOWN = ["first", "G", "G_part", "hit", "hit_cpu", "count", "dump_wall",
         "dump_cpu", "dump_mem", "cmark_cpu", "cmark_mem"]


def class_rows(label, rs):
    """A size class's median row and its worst row, and who was worst."""
    med_row, worst_row, who = {}, {}, []
    for k in SHOWN:
        have = [(r[k], r) for r in rs if r.get(k) is not None]
        if not have:
            continue
        med_row[k] = statistics.median(v for v, _ in have)
        rts = [ratio(r, k) for _, r in have if ratio(r, k) is not None]
        med_row[k + "_ratio"] = statistics.median(rts) if rts else None
        v, r = max(have, key=lambda x: x[0])
        worst_row[k], worst_row[k + "_ratio"] = v, ratio(r, k)
        if k in ("first", "G", "hit", "dump_cpu", "dump_mem"):
            who.append("%s %s" % (dict(zip(SHOWN, HEAD[2:]))[k], r["path"]
                                  .replace("/usr/share/doc/", "")))
    size = statistics.median(r["size"] for r in rs)
    return ([label + ", median of %d" % len(rs), "%s each" % fmt_size(size)] +
            [cell(med_row, k, med_row.get(k + "_ratio")) for k in SHOWN],
            ["%s, worst" % label, fmt_size(max(r["size"] for r in rs))] +
            [cell(worst_row, k, worst_row.get(k + "_ratio"))
             for k in SHOWN], who)


def table(results):
    out = ["| " + " | ".join(HEAD) + " |",
           "| --- | ---: |" + " ---: |" * (len(HEAD) - 2)]
    who = []
    for cls, label in (("small", "/usr/share/doc, under 16 KB"),
                       ("medium", "/usr/share/doc, 16-256 KB"),
                       ("large", "/usr/share/doc, 256 KB and more")):
        rs = [r for r in results if r["class"] == cls]
        if rs:
            m, w, wh = class_rows(label, rs)
            out += ["| " + " | ".join(m) + " |", "| " + " | ".join(w) + " |"]
            who.append("%s: %s" % (label.split(", ")[1], ", ".join(wh)))
    for r in results:
        if r["class"] is None:
            out.append("| " + " | ".join([r["name"], fmt_size(r["size"])] +
                                         [cell(r, k) for k in SHOWN]) + " |")
    return out, who


def main():
    ap = argparse.ArgumentParser(usage=__doc__.split("usage: ")[1].split(
        "\n  --")[0])
    ap.add_argument("quire")
    ap.add_argument("--only", default="doc,spec,concat,book,generated")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big-runs", type=int, default=3)
    ap.add_argument("--each-runs", type=int, default=1)
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--inputs")
    a = ap.parse_args()
    if a.long:
        a.runs, a.big_runs, a.each_runs = 11, 5, 3
    quire = os.path.abspath(a.quire)
    only = set(a.only.split(","))
    jpath = a.json or os.path.join(os.path.dirname(quire), "bench-real.json")
    tmp = None
    if a.inputs:
        os.makedirs(a.inputs, exist_ok=True)
        d = a.inputs
    else:
        tmp = tempfile.TemporaryDirectory()
        d = tmp.name
    start, load = time.monotonic(), os.getloadavg()[0]
    docs, notes = corpus(quire, only, d)
    results = []
    for i, (name, path, cls) in enumerate(docs):
        size = os.path.getsize(path)
        runs = a.each_runs if cls else a.big_runs if size >= BIG else a.runs
        log("[%d/%d] %s (%s, %d run%s)" % (i + 1, len(docs), name,
                                          fmt_size(size), runs,
                                          "s" * (runs != 1)))
        r = measure(quire, path, runs, d)
        if r is None:
            notes.append("%s: no text to wait for, left out" % name)
            continue
        r.update(name=name, path=path if cls else name, **{"class": cls})
        results.append(r)
    cmd = "bench/real.py " + " ".join(shlex.quote(x) for x in sys.argv[1:])
    lines, who = table(results)
    print("`%s` -- %d-core machine, load average %.2f at the start, %.0f s;"
          " %s" % (cmd, os.cpu_count(), load, time.monotonic() - start,
                         subprocess.run([quire, "--version"],
                                        capture_output=True, text=True
                                        ).stdout.split("\n")[0]))
    print()
    print("\n".join(lines))
    print()
    print("Each quire figure with its ratio to cmark-gfm's CPU time (times) "
          "or peak memory (memory), same file, same run; medians of the "
          "runs.  Times in the pager are from the process's start (first "
          "screen) or from the key, in an 80x24 pseudo-terminal.  - : fits "
          "a screen or two, or no figure.")
    if not os.access(TIME, os.X_OK):
        notes.append("no %s: no memory figures" % TIME)
    for n in notes:
        print("- " + n)
    if who:
        print("- a worst row takes each column's worst file; they were, "
              "under /usr/share/doc/: " + "; ".join(who))
    with open(jpath, "w") as f:
        json.dump({"command": cmd, "load": load, "notes": notes,
                   "results": results}, f, indent=1)
    log("figures per file: " + jpath)


if __name__ == "__main__":
    main()
