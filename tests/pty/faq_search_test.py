#!/usr/bin/env python3
"""Quick answers and search as a person uses them, in a pseudo-terminal:
type a question and see it ranked and highlighted, open the answer, go
to it in the article; search with / and ?, n and N with the count, smart
case, wrap-around, a match across a wrapped line, the prompt's history.

usage: faq_search_test.py VTDRIVE QUIRE ARTICLE
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tap  # noqa: E402
from tap import done, ok  # noqa: E402

VTDRIVE, QUIRE, ARTICLE = sys.argv[1:4]


def drive(script, args=None, size="80x24", env=()):
    return tap.drive(VTDRIVE, script, [QUIRE, "--no-state"] + (args if args is not None
                     else [ARTICLE]), size, env)


# a, "learn": the question first, the word highlighted; Enter: answer.
rc, s, out, err = drive("""
expect Difference
send a
expect Quick answers - 6 questions
expect-row 3 What is the main difference between Rust and Go?
send learn
expect-row 3 > Is Rust harder to learn than Go?
attr-at 3 20 bg=2
send <Enter>
expect-row 1 Is Rust harder to learn than Go?
expect In short:
expect Rust takes more time to learn because of ownership and lifetimes.
send g
expect-row 0 Is Rust harder to learn than Go?
send q
wait-exit 0
""", env=["NO_COLOR="])
ok(rc == 0, "a, learn: ranked first and highlighted; Enter: the answer and "
   "its short answer; g: in the article", err)

# The done-means: a then "back".
rc, s, out, err = drive("""
expect Difference
send aback
expect-row 3 > Which language is better for backend services?
send <Enter>
expect Go is commonly preferred for backend services
send q
expect Ask: back
send <Esc>
expect-row 3 What is the main difference
send <Esc>
expect-row -1 page
send q
wait-exit 0
""")
ok(rc == 0, "a, back: backend first, its answer one key away; Esc clears,"
   " then leaves", err)

# Nothing matches: say so; a section's paragraph is found with the
# questions, and Enter goes there with its words as the search.
rc, s, out, err = drive("""
expect Difference
send :faq<Enter>
expect Quick answers
send zzzz
expect Nothing matches.
send <C-u>tokio
reject Nothing matches.
expect in Concurrency models: goroutines vs asynchronous patterns
send <Enter>
expect match 1/
expect Tokio
send q
wait-exit 0
""")
ok(rc == 0, ":faq; zzzz finds nothing; tokio offers the article's "
   "paragraph, Enter goes to it", err)
rc, s, out, err = drive("""
expect Difference
send aconcurency
expect-row 3 >
reject Nothing matches
send <Esc>
settle
send <Esc>
settle
send q
wait-exit 0
""")
ok(rc == 0, "a typo (concurency) still finds a question", err)

# / and n: the count, wrap-around; N back.
rc, s, out, err = drive("""
expect Difference
send /goroutine<Enter>
expect match 1/5
send n
expect match 2/5
send nnn
expect match 5/5
send n
expect search wrapped: match 1/5
send N
expect search wrapped: match 5/5
send N
expect match 4/5
send q
wait-exit 0
""")
ok(rc == 0, "/goroutine then n cycles 1/5 .. 5/5 and wraps; N goes back",
   err)

rc, s, out, err = drive("""
expect Difference
send /Goroutine<Enter>
expect match 1/1
expect Goroutines with built-in
send q
wait-exit 0
""")
ok(rc == 0, "smart case: /Goroutine finds only the capitalised one, in the "
   "table", err)

rc, s, out, err = drive("""
expect Difference
send G?garbage collector<Enter>
expect match 3/3
send n
expect match 2/3
send q
wait-exit 0
""")
ok(rc == 0, "? searches backward from the end; n keeps going backward", err)

# A match across a wrapped line: both parts highlighted.
rc, s, out, err = drive("""
expect Difference
send /schedules thousands<Enter>
expect match 1/1
screen
send q
wait-exit 0
""", env=["NO_COLOR="])
ok(rc == 0, "a match across a line break is found", err)
if rc == 0:
    scr = s[0]
    r1 = next(i for i, l in enumerate(scr) if l.endswith("schedules"))
    ok(scr[r1 + 1].startswith("thousands"), "it spans two lines",
       "\n".join(scr))
    rc2, s2, out2, err2 = drive("""
expect Difference
send /schedules thousands<Enter>
expect match 1/1
attr-at %d %d bg=2
attr-at %d 0 bg=2
send q
wait-exit 0
""" % (r1, len(scr[r1]) - 1, r1 + 1), env=["NO_COLOR="])
    ok(rc2 == 0, "both parts are highlighted as the current match", err2)

# Esc cancels the prompt; the history recalls the last search.
rc, s, out, err = drive("""
expect Difference
send /cargo<Enter>
expect match 1/
send /xyz<Esc>
expect-row -1 page
send /<Up><Enter>
expect match 1/
send /<Enter>
expect match 2/
send ?<Enter>
expect quire keys
send q
send q
wait-exit 0
""")
ok(rc == 0, "Esc cancels; Up recalls the last search; ? Enter opens help",
   err)

done()
