#!/usr/bin/env python3
"""A book-like Markdown file for the benchmark, the same bytes every run.

It has what real programming books have and generated articles lack:
chapters of prose with fenced Rust and C listings under
<span class="caption"> captions, compiler output quoted as
"> error[E0106]: ...", reference-style links whose definitions sit at
the chapter's end, inside list items and inside quotes, tables and
footnotes.  The text is this script's own, put together from the
sentences below by a fixed pseudo-random sequence.

usage: bench/book.py [SIZE [COPIES]] > book.md
  SIZE    bytes of one copy, about (default 1200000)
  COPIES  the book repeated, labels and headings numbered per copy
          (default 1; 10 gives the 12 MB file)
"""
import sys

TOPICS = [
    ("Owning a Value", "ownership"), ("Borrowing Without Fear", "borrowing"),
    ("Lifetimes in Signatures", "lifetimes"), ("Traits as Contracts", "traits"),
    ("Errors as Values", "errors"), ("Threads and Channels", "threads"),
    ("Memory the C Way", "memory"), ("Iterators and Closures", "iterators"),
    ("Modules and Crates", "modules"), ("Unsafe Corners", "unsafe"),
    ("Testing What You Build", "testing"), ("Smart Pointers", "pointers"),
]

SUBJECTS = [
    "The compiler", "A borrowed reference", "Every value", "The owner",
    "A slice", "The caller", "This function", "A mutable borrow",
    "The heap allocation", "Each thread", "The trait object", "A closure",
    "The iterator", "The linker", "A raw pointer", "The test harness",
]
VERBS = [
    "keeps track of", "refuses to outlive", "hands back", "moves",
    "checks", "releases", "copies", "shares", "locks", "drops",
    "borrows", "lends out", "frees", "validates", "spells out",
]
OBJECTS = [
    "the memory it points to", "the string it was given",
    "a single owner at a time", "the length of the buffer",
    "every path through the loop", "the lock before returning",
    "a copy of the integer", "the value when the scope ends",
    "the error to its caller", "the contents of the vector",
    "the reference count", "the lifetime of the input",
]
TAILS = [
    "", "", " before the program runs", " at compile time",
    " without a garbage collector", " so the bug never ships",
    " when the block closes", " as the signature promises",
    ", which is why the example below compiles",
    ", and the next listing shows what happens otherwise",
]
ASIDES = [
    "Read the message slowly: it names the line and the reason.",
    "In C the same mistake compiles quietly and fails at run time.",
    "Nothing here is checked at run time; the cost is paid once, "
    "while compiling.",
    "Try changing the listing and read what the compiler says.",
    "We come back to this idea when threads enter the picture.",
    "The rule sounds strict, yet most programs never notice it.",
    "A longer example follows at the end of the chapter.",
]
WORDS = ["buffer", "owner", "scope", "borrow", "lifetime", "thread",
         "closure", "pointer", "slice", "vector", "string", "channel"]


class Rand:
    """A linear congruential sequence: the same numbers on every Python."""

    def __init__(self, seed):
        self.x = seed

    def below(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) \
            % (1 << 64)
        return (self.x >> 33) % n

    def pick(self, seq):
        return seq[self.below(len(seq))]


def sentence(r, ch):
    s = "%s %s %s%s." % (r.pick(SUBJECTS), r.pick(VERBS), r.pick(OBJECTS),
                         r.pick(TAILS))
    k = r.below(9)
    if k == 0:
        s = s[:-1] + " (see [the %s notes][%s-%d])." % (
            r.pick(WORDS), ch["slug"], r.below(ch["nrefs"]) + 1)
    elif k == 1:
        s = s[:-1] + ", as `%s` shows." % r.pick(["&mut v", "Box<T>",
            "malloc(n)", "drop(x)", "Rc::clone(&a)", "free(p)", "'a"])
    elif k == 2:
        s += " " + r.pick(ASIDES)
    elif k == 3:
        s = s[:-1] + " *%s*." % r.pick(["every time", "by design",
                                         "for good reason", "at once"])
    return s


def paragraph(r, ch, n=None):
    return " ".join(sentence(r, ch) for _ in range(n or 3 + r.below(4)))


def rust_listing(r, ch, n):
    name = r.pick(["longest", "first_word", "largest", "split_at", "parse"])
    var = r.pick(WORDS)
    return """<span class="caption">Listing %d-%d: A function named `%s` that
%s</span>

```rust
fn %s(x: &str, y: &str) -> &str {
    // the result borrows from one of the inputs
    if x.len() > y.len() {
        x
    } else {
        y
    }
}

fn main() {
    let %s = String::from("%s %d");
    let result = %s(%s.as_str(), "ab");
    println!("The longer one is {result}");
}
```
""" % (ch["num"], n, name, r.pick(["does not compile yet",
        "returns a borrowed string", "compares two slices"]),
       name, var, var, n, name, var)


def compiler_output(r, ch, n):
    line = 1 + r.below(40)
    return """Building it, the compiler stops with:

> error[E0106]: missing lifetime specifier
>  --> src/main.rs:%d:33
>   |
> %d | fn longest(x: &str, y: &str) -> &str {
>   |               ----     ----     ^ expected named lifetime parameter
>   |
>   = help: this function's return type contains a borrowed value, but the
>     signature does not say whether it is borrowed from `x` or `y`
> help: consider introducing a named lifetime parameter
>   |
> %d | fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
>   |           ++++     ++          ++          ++
>
> For more information about this error, try `rustc --explain E0106`.
> error: could not compile `chapter%d` (bin "chapter%d") due to 1 previous
> error

%s
""" % (line, line, line, ch["num"], ch["num"], paragraph(r, ch, 2))


def c_listing(r, ch, n):
    fn = r.pick(["copy_name", "join_words", "read_line", "grow"])
    return """<span class="caption">Listing %d-%d: The same idea in C, where
nothing stops the mistake</span>

```c
#include <stdlib.h>
#include <string.h>

char *
%s(const char *src)
{
	size_t n = strlen(src);
	char *dst = malloc(n + 1);

	if (dst == NULL)
		return NULL;
	memcpy(dst, src, n + 1);
	free(dst);
	return dst; /* dangling: the caller reads freed memory */
}
```
""" % (ch["num"], n, fn)


def table(r, ch):
    rows = ["| Type | Size (bytes) | Copy | Owner frees |",
            "| --- | ---: | :---: | --- |"]
    for t in ["i32", "&str", "String", "Vec<u8>", "Box<T>", "Rc<T>",
              "char *", "struct buf"][:4 + r.below(5)]:
        rows.append("| `%s` | %d | %s | %s |" % (
            t, r.pick([4, 8, 16, 24]), r.pick(["yes", "no"]),
            r.pick(["on drop", "never", "by hand", "last clone"])))
    return "\n".join(rows) + "\n"


def chapter(r, num, copy):
    title, slug = TOPICS[(num - 1) % len(TOPICS)]
    ch = {"num": num, "slug": "%s%d" % (slug, num), "nrefs": 4}
    if copy:
        ch["slug"] += "-%d" % copy
    out = ["# Chapter %d: %s%s\n" % (num, title,
           " (part %d)" % copy if copy else ""),
           paragraph(r, ch) + "\n", paragraph(r, ch) + "\n"]
    listing = 0
    for sec in range(1, 5 + r.below(3)):
        out.append("## %d.%d %s %s\n" % (num, sec, r.pick(
            ["When", "Why", "How", "Where"]), r.pick(OBJECTS)))
        for _ in range(2 + r.below(3)):
            out.append(paragraph(r, ch) + "\n")
        k = r.below(6)
        if k <= 1:
            listing += 1
            out.append(rust_listing(r, ch, listing))
            out.append(compiler_output(r, ch, listing))
        elif k == 2:
            listing += 1
            out.append(c_listing(r, ch, listing))
        elif k == 3:
            out.append(table(r, ch))
            out.append('<span class="caption">Table %d-%d: What each type '
                       'costs and who frees it</span>\n' % (num, sec))
        elif k == 4:
            label = "%s-item%d" % (ch["slug"], sec)
            out.append(
                "Three things to remember:\n\n"
                "1. %s\n"
                "2. The [manual page][%s] says more about it.\n\n"
                "   [%s]: https://example.org/%s/%d \"a definition "
                "inside a list item\"\n\n"
                "3. %s\n" % (sentence(r, ch), label, label, ch["slug"], sec,
                             sentence(r, ch)))
        else:
            label = "%s-quote%d" % (ch["slug"], sec)
            out.append(
                "> **Note:** %s See [the reference][%s].\n>\n"
                "> [%s]: https://example.org/reference/%s#%d\n" % (
                    paragraph(r, ch, 2), label, label, ch["slug"], sec))
        if r.below(3) == 0:
            out.append("That is the whole trick[^%s-%d].\n" %
                       (ch["slug"], sec))
            out.append("[^%s-%d]: %s\n" % (ch["slug"], sec,
                                          sentence(r, ch)))
    out.append("## Summary\n")
    out.append(paragraph(r, ch) + " Further reading: [the %s chapter][%s-1] "
               "and [its exercises][%s-%d].\n" % (
                   slug, ch["slug"], ch["slug"], ch["nrefs"]))
    for i in range(1, ch["nrefs"] + 1):
        out.append("[%s-%d]: https://example.org/book/%s/%d.html" %
                   (ch["slug"], i, ch["slug"], i))
    return "\n".join(out) + "\n\n"


def book(size, copy=0):
    r = Rand(2024 + copy)
    parts = ["# A Field Guide to Owning Memory%s\n\n" %
             (" (part %d)" % copy if copy else ""),
             "This book walks from values and their owners to threads, "
             "one chapter at a time, with Rust and C side by side. Every "
             "listing compiles unless its caption says it does not.\n\n"]
    total, num = sum(map(len, parts)), 0
    while total < size:
        num += 1
        parts.append(chapter(r, num, copy))
        total += len(parts[-1])
    return "".join(parts)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1200000
    copies = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    out = sys.stdout
    for c in range(copies):
        out.write(book(size, c + 1 if copies > 1 else 0))


if __name__ == "__main__":
    main()
