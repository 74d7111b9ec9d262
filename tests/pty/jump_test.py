#!/usr/bin/env python3
"""Jumps far into a large file before the whole of it is parsed: G, N%,
N} and g act at once on a part of the file read there, the status line
saying "page ?/?", and the whole, when it arrives, takes its place at
the same text with its page numbers.  A search, too, looks in the part
shown at once ("match 1/..."); when the part has no match, a part where
the file's bytes have one, a text or a regular expression ("match
?/...", "page ?/?"; ? from the first page wraps to the file's end, as
in the whole), or, when the bytes have none, it waits for the whole;
the whole keeps the same match current with its count.  q quits at
once, giving up the parse of the rest.

The book is bench/book.py's (fenced listings, compiler output in quotes,
reference definitions at chapter ends, footnotes), repeated to some 20
MB so that its whole takes a while to parse, with a last section of its
own that cites a note defined at the top of the file.  The whole ends
with its notes; so does the part at its end, G at once showing the last
note with the number the whole gives it.

usage: jump_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE = sys.argv[1:3]
BOOK = os.path.join(HERE, "..", "..", "bench", "book.py")


def drive(script, path, env=()):
    args = [] if env else ["--no-state"]
    rc, screens, out, err = tap.drive(VTDRIVE, script,
                                      [QUIRE, *args, path], "80x24", env)
    return rc, screens, err


def page(screen):
    """(page, pages) in a screen's status line, or None."""
    m = re.search(r"page (\d+)/(\d+)", screen[23] if len(screen) > 23 else "")
    return (int(m.group(1)), int(m.group(2))) if m else None


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "book.md")
    book = subprocess.run([sys.executable, BOOK, "1200000", "16"],
                          stdout=subprocess.PIPE, check=True).stdout
    title = book.split(b"\n", 1)[0].decode().lstrip("# ").strip()
    last_note = "The very last note, defined at the top of the file."
    with open(path, "wb") as f:
        f.write(b"[^the-end]: " + last_note.encode() + b"\n\n")
        f.write(book)
        f.write(b"\n## The very end\n\nThe last words of the book, "
                b"after every chapter[^the-end].\n\nA coda *in* emphasis, found "
                b"once.\n\nThe quux-marker itself.\n")
    # Half way, a link whose address (not shown) holds the same word.
    with open(path, "rb") as f:
        data = f.read()
    mid = data.find(b"\n## ", len(data) // 2)
    early = data.find(b"\n## ", 8000)  # in the first part, past page 2
    with open(path, "wb") as f:
        f.write(data[:early] + b"\nThe zyzzyva-prologue, once.\n" +
                data[early:mid] + b"\nSee [the notes](https://example."
                b"com/quux-marker).\n" + data[mid:])

    def note_number(screen):
        """The number the last note is shown with, or None."""
        m = re.search(r"\[(\d+)\] " + re.escape(last_note[:20]),
                      "\n".join(screen))
        return int(m.group(1)) if m else None

    # G at once: the notes the whole ends with, from a part of the
    # file's end, then the whole's last page.
    rc, s, err = drive("""
expect-row 0 %s
send G
expect %s
expect-row -1 page ?/?
screen
timeout 300
expect-row -1 100%%
screen
send g
expect-row 0 %s
send q
wait-exit 0
""" % (title, last_note, title), path)
    ok(rc == 0, "G before the whole: the last note at once, page ?/?, "
       "then the whole's last page", err)
    if rc == 0:
        p = page(s[1])
        ok(p is not None and p[0] == p[1] and p[1] > 1000,
           "the whole's page numbers follow: the last page", s[1][23])
        n = note_number(s[0][:23])
        ok(n is not None and n > 1000 and n == note_number(s[1][:23]),
           "the part numbers the last note as the whole does",
           "%s / %s" % (n, note_number(s[1][:23])))

    # N% at once: a part from the middle, then the whole at the same text.
    rc, s, err = drive("""
expect-row 0 %s
send 50%%
expect-row -1 page ?/?
screen
timeout 300
expect-row -1 %%
screen
send q
wait-exit 0
""" % title, path)
    ok(rc == 0, "50% before the whole: a part from the middle, "
       "page ?/?, then the whole", err)
    if rc == 0:
        words = [w for row in s[0][:23] for w in row.split() if len(w) > 8]
        p = page(s[1])
        ok(p is not None and 0.4 < p[0] / p[1] < 0.6,
           "the whole's page is half way through", s[1][23])
        text = "\n".join(s[1][:23])
        ok(len(words) > 0 and sum(w in text for w in words) > len(words) / 2,
           "the whole shows the part's text where it was",
           "\n".join(s[0][:23]) + "\n----\n" + text)

    # A far section: 200} from the outline a scan of the file makes, the
    # part starting at its heading; the whole puts the same one there.
    rc, s, err = drive("""
expect-row 0 %s
send 200}
expect-row -1 page ?/?
screen
timeout 300
expect-row -1 %%
send g
expect-row -1 page 1/
send 200}
screen
send q
wait-exit 0
""" % title, path)
    ok(rc == 0, "200} before the whole: a part from that heading on, "
       "page ?/?", err)
    if rc == 0:
        ok(s[0][0].startswith("Chapter") and s[0][0] == s[1][0],
           "the part and the whole show the same heading for 200}",
           s[0][0] + " / " + s[1][0])

    # Quitting on a part from further on saves the place in the whole's
    # terms: the next run resumes at the same text.
    env = ["XDG_STATE_HOME=" + tmp, "QUIRE_NO_STATE="]
    rc, s, err = drive("""
expect-row 0 %s
send 50%%
expect-row -1 page ?/?
screen
timeout 300
send q
wait-exit 0
""" % title, path, env)
    rc2, s2, err2 = drive("""
timeout 300
expect resumed at
screen
send q
wait-exit 0
""", path, env)
    ok(rc == 0 and rc2 == 0, "q on a part from the middle, then again: "
       "resumed", err + err2)
    if rc == 0 and rc2 == 0:
        words = [w for row in s[0][:23] for w in row.split() if len(w) > 8]
        text = "\n".join(s2[0][:23])
        ok(len(words) > 0 and sum(w in text for w in words) > len(words) / 2,
           "the next run resumes at the part's text",
           "\n".join(s[0][:23]) + "\n----\n" + text)

    # g from the part at the end goes back to the first part.
    rc, s, err = drive("""
expect-row 0 %s
send G
expect-row -1 page ?/?
send g
expect-row 0 %s
expect-row -1 page 1/
timeout 300
send q
wait-exit 0
""" % (title, title), path)
    ok(rc == 0, "g from the part at the end: the first page at once", err)

    # '' after G to the part at the end waits for the whole, which keeps
    # the history made on the parts: '' goes back to the first page,
    # where G was pressed, '' again to the end, as in less; Backspace
    # then to the first page, and again has nowhere to go.
    rc, s, err = drive("""
expect-row 0 %s
send G
expect-row -1 page ?/?
send ''
timeout 300
expect-row -1 %%
timeout 10
expect-row 0 %s
expect-row -1 page 1/
send ''
expect-row -1 100%%
send <BS>
expect-row 0 %s
send <BS>
expect-row -1 no earlier place
send q
wait-exit 0
""" % (title, title, title), path)
    ok(rc == 0, "'' after G to the part at the end: the first page once "
       "the whole is in, '' again the end, Backspace nothing before the "
       "first page", err)

    # / at once, a word in the first part: its first match highlighted
    # there and then, the page total not known yet; n goes on (in the
    # part, if the whole is not there yet); the whole keeps match 2
    # current and gives the count.  The match is two lines below the top
    # (a heading's rule, a blank line), on the part and on the whole
    # alike: the whole's arrival does not move the screen.
    with open(path, encoding="utf-8") as f:
        garbage = len(re.findall("garbage", f.read(), re.I))
    rc, s, err = drive("""
expect-row 0 %s
send /garbage\\r
expect-row -1 match 1/...
expect-row -1 page 2/...
attr-at 2 61 char=g bg=2
send n
expect-row -1 match 2/
timeout 300
expect-row -1 match 2/%d
screen
send q
wait-exit 0
""" % (title, garbage), path)
    ok(rc == 0, "/garbage before the whole: match 1/... highlighted at "
       "once, n to match 2/..., then match 2/%d" % garbage, err)
    if rc == 0:
        # The screen printed follows attr-at's line.
        p = page(s[0][-25:])
        ok(p is not None and p[1] > 1000 and "garbage" in "".join(s[0]),
           "the whole has the page total, the match still on screen",
           s[0])

    # ? from the first page: nothing before it in the part, so the search
    # wraps, as it does in the whole: the file's bytes are searched from
    # the end, and the last match shows at once from a part there,
    # "search wrapped", then the whole's last match, wrapped, counted.
    rc, s, err = drive("""
expect-row 0 %s
send ?garbage\\r
expect-row -1 search wrapped: match ?/...
expect-row -1 page ?/?
screen
timeout 300
expect-row -1 /%d 
screen
send q
wait-exit 0
""" % (title, garbage), path)
    ok(rc == 0, "? from the first page: the file's last match at once from "
       "a part, wrapped, then the whole's count, %d" % garbage, err)
    if rc == 0:
        # The notes, written at the chapters' ends, come last in the
        # whole: the part's match stays current, the last in the text.
        ok(re.search("garbage", "\n".join(s[0][-25:-1]), re.I) and
           "search wrapped: match " in s[1][-25:][23] and
           page(s[1][-25:]) is not None and
           re.search("garbage", "\n".join(s[1][-25:-1]), re.I),
           "the part shows the match; the whole the same, wrapped, with "
           "its page numbers", s)
    rc, s, err = drive("""
expect-row 0 %s
send /Listing 1-1\\r
expect-row -1 match 1/...
send n
expect Listing 1-1
expect-row -1 match ?/...
expect-row -1 page ?/?
timeout 300
expect-row -1 match 2/
expect Listing 1-1
send q
wait-exit 0
""" % title, path)
    ok(rc == 0, "n past the first part's last match: the file's bytes "
       "searched, a part there at once, then match 2 in the whole", err)

    # ? from the part at the end: the part has none, the bytes before it
    # have; the last match shows from a part there, then the whole's.
    with open(path, encoding="utf-8") as f:
        listings = len(re.findall(r"Listing\s+1-1", f.read()))
    rc, s, err = drive("""
expect-row 0 %s
send G
expect-row -1 page ?/?
send ?Listing 1-1\\r
expect Listing 1-1
expect-row -1 match ?/...
expect-row -1 page ?/?
timeout 300
expect-row -1 match %d/%d
expect Listing 1-1
send q
wait-exit 0
""" % (title, listings, listings), path)
    ok(rc == 0, "? from the part at the end: the bytes before it searched, "
       "the last match from a part there, then match %d/%d" %
       (listings, listings), err)

    # A phrase only at the far end: found in the file's bytes, it shows
    # at once from a part there, then the whole keeps it with its count
    # and page numbers.  A regular expression waits for the whole
    # instead; Ctrl-C gives the wait up, n searches on.
    rc, s, err = drive("""
expect-row 0 %s
send /last words of the book\\r
expect The last words of the book, after every chapter
expect-row -1 match ?/...
expect-row -1 page ?/?
timeout 300
expect-row -1 match 1/1
screen
send q
wait-exit 0
""" % title, path)
    ok(rc == 0, "a phrase past the first part: a part there at once, "
       "match ?/..., then match 1/1 in the whole", err)
    if rc == 0:
        p = page(s[0][-25:])
        ok(p is not None and p[1] > 1000 and
           "The last words of the book" in "".join(s[0][-25:]),
           "the whole's page numbers, the match still on screen", s[0])
    # A regular expression whose only match is at the far end: the file's
    # bytes are matched line by line, and the part there shows at once.
    rc, s, err = drive("""
expect-row 0 %s
send /last words of the bo.k\\r
expect The last words of the book, after every chapter[
expect-row -1 match ?/...
expect-row -1 page ?/?
screen
timeout 300
expect-row -1 match 1/1
screen
send q
wait-exit 0
""" % title, path)
    ok(rc == 0, "a pattern past the first part: a part there at once, "
       "match ?/..., then match 1/1 in the whole", err)
    if rc == 0:
        p = page(s[1][-25:])
        ok(page(s[0][-25:]) is None and p is not None and p[1] > 1000 and
           "The last words of the book" in "".join(s[1][-25:]),
           "page ?/? on the part, the whole's numbers after it", s)

    # / from the part at the end for a word of the first part only: the
    # bytes past the part have none, so the search wraps, as in the
    # whole, to the first part's match.
    rc, s, err = drive("""
expect-row 0 %s
send G
expect-row -1 page ?/?
send /zyzzyva\\r
expect The zyzzyva-prologue, once.
expect-row -1 search wrapped: match 1/...
timeout 300
expect-row -1 search wrapped: match 1/1
send q
wait-exit 0
""" % title, path)
    ok(rc == 0, "/ from the part at the end for a word of the first part: "
       "wrapped to it at once, then search wrapped: match 1/1", err)

    # The bytes hold the pattern first in a link's address, which the text
    # does not show: the part there has no match, so the scan goes on to
    # the text at the end.
    rc, s, err = drive("""
expect-row 0 %s
send /quux-mark.r\\r
expect The quux-marker itself.
expect-row -1 match ?/...
expect-row -1 page ?/?
timeout 300
expect-row -1 match 1/1
send q
wait-exit 0
""" % title, path)
    ok(rc == 0, "a pattern first in the bytes of a link's address: the scan "
       "goes on past the part, to the match in the text, then match 1/1",
       err)

    # A pattern the bytes have nowhere, the text only (emphasis inside):
    # the search waits for the whole; Ctrl-C gives the wait up, n
    # searches on in the whole.
    rc, s, err = drive("""
expect-row 0 %s
send /coda in emph.sis\\r
expect-row -1 searching the rest of the file
send \\x03
expect-row -1 search stopped
timeout 300
expect-row -1 0%%
expect-row 0 %s
send n
expect A coda in emphasis, found once.
expect-row -1 match 1/1
send q
wait-exit 0
""" % (title, title), path)
    ok(rc == 0, "Ctrl-C while the rest is searched: the search stops, the "
       "place stays; n then finds it in the whole", err)

    # q at once quits from the first part: it does not wait for the
    # whole (whose parse is given up), so the note a waiting key gets is
    # never drawn.
    for keys in ("q", "ZZ"):
        log = os.path.join(tmp, "quit.log")
        rc, s, err = drive("""
raw-log %s
expect-row 0 %s
send %s
wait-exit 0
""" % (log, title, keys), path)
        with open(log, "rb") as f:
            raw = f.read()
        ok(rc == 0 and b"reading the rest of the file" not in raw,
           "%s while the rest loads quits at once, without waiting for it"
           % keys, err or raw[-300:])

done()
