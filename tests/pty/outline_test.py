#!/usr/bin/env python3
"""The outline and places, in a pseudo-terminal: ] } 2 and the index walk
the sections of four shapes of headings (a lone setext H2 title over
H3, no title, skipped levels, an H2 FAQ over <h3> questions); :n and :p
keep each document's place with --no-state; G then b give the last two
page numbers; the last section's jump leaves the last screen full and k
moves one line; a search match's section names the status line.

usage: outline_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, args, size="80x24"):
    rc, screens, out, err = tap.drive(VTDRIVE, script,
                                      [QUIRE, "--no-state"] + args, size)
    return rc, screens, err


def fill(name):
    """A screenful of paragraphs, so each section can reach the top."""
    return "".join("Filler %d of %s.\n\n" % (i, name) for i in range(12))


# Each shape: its Markdown, the text of its first screen, its three
# top-level sections in order.
SHAPES = [
    ("a lone setext H2 title over H3",
     "Project\n-------\n\nIntro.\n\n### Install\n\n" + fill("install") +
     "### Usage\n\n" + fill("usage") + "#### Flags\n\n" + fill("flags") +
     "### License\n\n" + fill("license"),
     "Project", ["Install", "Usage", "License"]),
    ("no title, several H2",
     "Intro.\n\n## Alpha\n\n" + fill("alpha") + "## Beta\n\n" +
     fill("beta") + "### Beta one\n\n" + fill("beta one") + "## Gamma\n\n" +
     fill("gamma"),
     "Intro.", ["Alpha", "Beta", "Gamma"]),
    ("skipped levels, H1 then H4",
     "# Book\n\n" + fill("book") + "#### First\n\n" + fill("first") +
     "#### Second\n\n" + fill("second") + "###### Deep\n\n" + fill("deep") +
     "#### Third\n\n" + fill("third"),
     "Book", ["First", "Second", "Third"]),
    ("an H2 FAQ over <h3> questions",
     "## FAQ\n\nQuestions people ask.\n\n<h3>Why quire?</h3>\n\n" +
     fill("why") + "<h3>How fast is it?</h3>\n\n" + fill("fast") +
     "<h3>Does it page?</h3>\n\n" + fill("page"),
     "Questions people ask.", ["Why quire?", "How fast is it?",
                               "Does it page?"]),
]

with tempfile.TemporaryDirectory() as tmp:
    for what, md, first, tops in SHAPES:
        path = os.path.join(tmp, "shape.md")
        with open(path, "w") as f:
            f.write(md)
        rc, s, err = drive("""
expect %(first)s
send ]
expect-row 0 %(t1)s
send ]
expect-row 0 %(t2)s
send ]
expect-row 0 %(t3)s
send ]
expect no next section
send g}
expect-row 0 %(t1)s
send }
expect-row 0 %(t2)s
send 2}
expect-row 0 %(t2)s
send i
expect 1 %(t1)s
expect 2 %(t2)s
expect 3 %(t3)s
send 3<Enter>
expect-row 0 %(t3)s
send q
wait-exit 0
""" % {"first": first, "t1": tops[0], "t2": tops[1], "t3": tops[2]},
                         [path])
        ok(rc == 0, "%s: ], }, 2} and the index reach every top-level "
           "section" % what, err)

    # :n and :p keep each document's place, without a state file.
    second = os.path.join(tmp, "second.md")
    with open(second, "w") as f:
        f.write("# Second\n\n## One\n\n" + fill("one") + "## Two\n\n" +
                fill("two") + "## Three\n\n" + fill("three"))
    rc, s, err = drive("""
expect Difference between Rust and Go
send 5}
expect-row 0 Performance characteristics
send :n
expect-row 0 Second
send 2}
expect-row 0 Two
send :p
expect-row 0 Performance characteristics
send :n
expect-row 0 Two
send q
wait-exit 0
""", [ARTICLE, second])
    ok(rc == 0, ":n and :p with --no-state keep each document's place", err)

# Page numbers agree forward and back.
rc, s, err = drive("""
expect Difference between Rust and Go
expect-row -1 page 1/16
send <Space>
expect-row -1 page 2/16
send b
expect-row -1 page 1/16
send G
expect-row -1 page 16/16
send b
expect-row -1 page 15/16
send b
expect-row -1 page 14/16
send <Space>
expect-row -1 page 15/16
send q
wait-exit 0
""", [ARTICLE])
ok(rc == 0, "G then b: page 16/16, 15/16, 14/16; forward again 15/16", err)

# The last section: the last screen stays full and k moves one line.
rc, s, err = drive("""
expect Difference between Rust and Go
send i18<Enter>
expect-row -1 - Quick Summary
screen
send k
settle
screen
send q
wait-exit 0
""", [ARTICLE])
ok(rc == 0, "the last section's jump names it in the status line", err)
if rc == 0 and len(s) == 2:
    text = s[0][:23]
    ok(text[22].strip() != "" and
       not all(r.strip() == "" for r in text[12:23]),
       "no blank screenful after the last section", "\n".join(s[0]))
    ok(s[1][1:23] == s[0][0:22],
       "k then moves one line", "\n".join(a + " | " + b for a, b in
                                          zip(s[0], s[1])))
else:
    ok(False, "two screens", err)

# A search match just under a heading: the status line names its section.
rc, s, err = drive("""
expect Difference between Rust and Go
send /Industry adoption<Enter>
expect match 1/
expect-row 2 Industry adoption and real-world patterns
send <Esc>
expect-row -1 - Industry adoption
send q
wait-exit 0
""", [ARTICLE])
ok(rc == 0, "a search match's section is the status line's", err)
done()
