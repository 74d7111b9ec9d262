#!/usr/bin/env python3
"""The section index beside the text, in a pseudo-terminal: at 160x50 the
outline shows on the left with the reader's section marked, the mark
follows ] and scrolling, the text keeps its reading column (100 wide,
moved right), I gives it the keys, I again hides it and I shows it
again, a click on an entry jumps; with the keys, a cursor apart from the
reader's mark moves over the entries, Enter jumps to its section and
Backspace comes back, Esc (or q) gives the keys back without jumping;
at 120 columns it does not show by default and I says why; the
side-index option and configuration key.

usage: side_index_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]

SECTIONS = ["Choosing a site", "Preparing the soil", "Compost",
            "Raised beds", "Sowing", "Watering", "Mulch", "Pests",
            "Harvest", "Keeping records"]
PANE = 40       # the index's width at 160 columns
LEFT = 51       # the text column's first column beside it: 40, a rule,
                # a blank, and the rest of the room halved
CENTRED = 30    # the text column's first column without it
ROWS = 49       # rows of text at 50 rows
KEYS_NOTE = "The index beside the text has the keys"  # its status line


def article():
    """Garden notes: ten sections (two with subsections) of several
    paragraphs each, so that every section can reach the top."""
    out = ["# Notes on a small vegetable garden\n\n"
           "What a season of growing vegetables in a small plot taught "
           "me, section by section.\n\n"]
    for i, title in enumerate(SECTIONS):
        out.append("## %s\n\n" % title)
        for k in range(6):
            out.append("Paragraph %d about %s: the plot faces south and "
                       "gets six hours of sun, so the beds along the "
                       "fence carry tomatoes, beans and squash, while "
                       "lettuce waits in the shade of the shed.\n\n"
                       % (k + 1, title.lower()))
        if i in (2, 7):
            out.append("### More on %s\n\nA shorter note.\n\n"
                       % title.lower())
    return "".join(out)


def drive(script, args, size="160x50", env=()):
    rc, screens, out, err = tap.drive(VTDRIVE, script,
                                      [QUIRE, "--no-state"] + args, size,
                                      env=env)
    return rc, screens, err


def text_at(screen, col):
    """The rows of the text column from COL, right-trimmed."""
    return [r[col:].rstrip() for r in screen[:ROWS]]


with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "garden.md")
    with open(doc, "w") as f:
        f.write(article())

    # 160x50: shown; the mark on the title, then on each section ] goes to.
    script = "expect-row 0 Sections\nexpect-row 1 >Notes on a small\n" \
        "screen\n"
    for i, title in enumerate(SECTIONS[:4]):
        script += "send ]\nexpect-row 0 %s\nexpect >%d %s\nreject  %d %s\n" \
            % (title, i + 1, title, i + 1, title)
    script += "screen\nsend I\nexpect %s\nsend I\n" \
        "expect section index hidden\nscreen\n" % KEYS_NOTE + \
        "send I\nexpect-row 0 Sections\nscreen\nsend q\nwait-exit 0\n"
    rc, s, err = drive(script, [doc])
    ok(rc == 0 and len(s) == 4, "160x50: the index beside the text, the "
       "mark following ]", err)
    if len(s) == 4:
        first, fourth, hidden, again = s
        ok(first[0][:PANE].strip() == "Sections" and
           all(r[PANE] == "\u2502" for r in first[:ROWS]),
           "the index takes the first %d columns, a rule after it" % PANE,
           first[:5])
        widths = [len(r) for r in text_at(first, LEFT) if r]
        ok(first[0][LEFT:].startswith("Notes on a small vegetable garden")
           and first[0][:LEFT].rstrip().endswith("\u2502") and
           max(widths) <= 100 and max(widths) > 90,
           "the text column starts at %d and is at most 100 wide" % LEFT,
           first[:5])
        ok(text_at(fourth, LEFT) == text_at(hidden, CENTRED),
           "I gives it the keys, I again hides it: the text moves back to the centre, line for line "
           "the same", hidden[:5])
        ok(all(not r[:CENTRED].strip() for r in hidden[:ROWS]),
           "hidden: nothing left of the text", hidden[:5])
        ok(text_at(again, LEFT) == text_at(fourth, LEFT),
           "I again: shown where it was", again[:5])
        marked = [r[:PANE] for r in fourth if r.startswith(">")]
        ok(marked == [">4 Raised beds".ljust(PANE)],
           "one entry marked: the reader's section", marked)

    # Scrolling moves the mark; a click on an entry jumps there.
    rc, s, err = drive(r"""
expect-row 0 Sections
send 5]
expect-row 0 Sowing
expect >5 Sowing
send <PgDn>
expect >7 Mulch
reject >5 Sowing
send \e[<0;6;5M\e[<0;6;5m
expect-row 0 Compost
expect >3 Compost
send <BS>
expect >7 Mulch
reject >3 Compost
send \e[<0;70;5M\e[<0;70;5m
expect >7 Mulch
send q
wait-exit 0
""", [doc])
    ok(rc == 0, "the mark follows the pages; a click on an entry jumps, "
       "Backspace comes back; a click on the text does not jump", err)

    # I gives the index the keys: a cursor apart from the reader's mark.
    rc, s, err = drive("""
expect-row 0 Sections
send I
expect-row 49 %s
expect 1/13
attr-at 1 5 reverse=1
send j<Down><C-n>
expect-row 49 4/13
attr-at 4 5 reverse=1
attr-at 1 5 reverse=0 bold=1
expect-row 1 >Notes on a small
expect-row 0 Notes on a small
screen
send <Enter>
expect-row 0 Compost
expect >3 Compost
reject %s
attr-at 4 5 reverse=1
screen
send <BS>
expect-row 0 Notes on a small
expect >Notes on a small
send I
expect %s
send <End>
expect 13/13
send <C-p>k<Up>
expect 10/13
send <Home>
expect 1/13
send <PgDn>
expect 13/13
send <Esc>
reject %s
expect-row 0 Notes on a small
expect >Notes on a small
send ]
expect-row 0 Choosing a site
expect >1 Choosing a site
send I
expect 2/13
send q
reject %s
expect-row 0 Choosing a site
send I
expect %s
send I
expect section index hidden
reject Sections
send q
wait-exit 0
""" % ((KEYS_NOTE,) * 6), [doc])
    ok(rc == 0, "I gives the index the keys: the cursor moves, Enter jumps "
       "to its section (Backspace returns), Esc and q give the keys back "
       "without jumping, I hides it", err)
    # attr-at prints its cell before the screens: not a row of them
    s = [[r for r in sc if not re.match(r"\d+ \d+ '", r)] for sc in s]
    if len(s) == 2:
        moved, jumped = s
        ok(moved[4][:PANE].rstrip() == " 3 Compost" and
           moved[1].startswith(">Notes") and
           text_at(moved, LEFT)[0].startswith("Notes on a small"),
           "three down: the cursor on 3 Compost, the mark and the text "
           "where they were", moved[:6])
        ok(jumped[0][LEFT:].startswith("Compost") and
           jumped[4].startswith(">3 Compost"),
           "Enter: Compost's heading at the top, the mark on it",
           jumped[:6])
    else:
        ok(False, "two screens", s)

    # With the keys: the help over it and back; a click on an entry
    # jumps, one on the text gives the keys back; the wheel moves the
    # cursor; a screen too narrow for the index takes the keys back.
    rc, s, err = drive(r"""
expect-row 0 Sections
send I
expect %s
send h
expect Reading (the pager)
send q
expect %s
send \e[<0;6;5M\e[<0;6;5m
expect-row 0 Compost
reject %s
send I
expect 4/13
send \e[<0;70;5M\e[<0;70;5m
reject %s
expect-row 0 Compost
send I
send \e[<65;6;5M
expect 5/13
resize 120 40
reject Sections
send j
expect no room beside the text
send q
wait-exit 0
""" % ((KEYS_NOTE,) * 4), [doc])
    ok(rc == 0, "with the keys: help and back, a click jumps, a click on "
       "the text leaves, the wheel moves the cursor, too narrow leaves",
       err)

    # A long outline scrolls to keep the reader's section on screen.
    many = os.path.join(tmp, "many.md")
    with open(many, "w") as f:
        f.write("# Almanac\n\n" + "".join(
            "## Week %d\n\nSow, weed and water; week %d of the year.\n\n"
            % (w, w) for w in range(1, 53)))
    rc, s, err = drive("""
expect-row 0 Sections
send 40}
expect-row 0 Week 40
expect >40 Week 40
expect  42 Week 42
send g
expect >Almanac
expect  1 Week 1
send q
wait-exit 0
""", [many], size="160x30")
    ok(rc == 0, "52 sections in 28 rows: the index scrolls with the reader",
       err)

    # 120 columns: not by default; I says why; a wider screen shows it.
    rc, s, err = drive("""
expect Notes on a small vegetable garden
reject Sections
send I
expect no room beside the text for the section index
reject The index beside the text has the keys
send j
send I
expect no room beside the text for the section index: it needs
reject The index beside the text has the keys
resize 160 50
expect-row 0 Sections
send I
expect The index beside the text has the keys
send q
reject The index beside the text has the keys
send q
wait-exit 0
""", [doc], size="120x40")
    ok(rc == 0, "120 columns: no index; I says there is no room and "
       "gives it no keys; 160 columns after I: shown, I gives it the keys",
       err)

    # The option and the configuration key.
    rc, s, err = drive("""
expect Notes on a small vegetable garden
reject Sections
send I
expect-row 0 Sections
send q
wait-exit 0
""", ["--side-index=off", doc])
    ok(rc == 0, "--side-index=off: hidden at 160 columns; I shows it", err)
    conf = os.path.join(tmp, "conf", "quire")
    os.makedirs(conf)
    with open(os.path.join(conf, "config"), "w") as f:
        f.write("side-index = off\n")
    rc, s, err = drive("""
expect Notes on a small vegetable garden
reject Sections
send q
wait-exit 0
""", [doc], env=["XDG_CONFIG_HOME=" + os.path.dirname(conf)])
    ok(rc == 0, "side-index = off in the configuration file", err)
    rc, s, err = drive("""
expect Difference between Rust and Go
reject Sections
send q
wait-exit 0
""", ["--side-index=off", ARTICLE], size="200x30")
    ok(rc == 0, "--side-index=off at 200 columns", err)

done()
