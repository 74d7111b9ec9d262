#!/usr/bin/env python3
"""Which documents read differently in quire than in a browser.

For each GFM spec example (or each Markdown FILE given), render it the
way a browser would show it -- cmark-gfm to HTML, w3m to text -- and
compare the words with those of `quire --dump`.  Decorations differ
(borders, bullets), so only the sequence of words counts.

usage: browser_diff.py QUIRE EXAMPLES [-v]
       browser_diff.py QUIRE --files FILE... [-v]

Needs cmark-gfm and w3m.  Prints one line: how many read differently.
"""
import difflib, re, subprocess, sys

def examples(path):
    text = open(path, encoding='utf-8', errors='surrogateescape').read()
    out = []
    for m in re.finditer(r'^example (\d+) (\d+) (\d+)\n', text, re.M):
        out.append((int(m.group(1)), m.start()))
    res = []
    for i, (n, start) in enumerate(out):
        hdr_end = text.index('\n', start) + 1
        end = out[i + 1][1] if i + 1 < len(out) else len(text)
        res.append((n, text[hdr_end:end].rstrip('\n') + '\n'))
    return res

WORD = re.compile(r'\w+')

def words(s):
    # the marks quire's plain output puts around code and struck text
    # join words as a browser's styles do
    return WORD.findall(s.lower().replace('`', '').replace('~~', ''))

def browser(md):
    html = subprocess.run(['cmark-gfm', '--unsafe', '-e', 'table',
        '-e', 'strikethrough', '-e', 'autolink', '-e', 'tasklist'],
        input=md.encode('utf-8', 'surrogateescape'), capture_output=True).stdout
    txt = subprocess.run(['w3m', '-dump', '-T', 'text/html', '-cols', '300',
        '-O', 'UTF-8', '-I', 'UTF-8'], input=html, capture_output=True).stdout
    return txt.decode('utf-8', 'replace')

def quire(q, md):
    r = subprocess.run([q, '--dump', '--width=300', '-'],
        input=md.encode('utf-8', 'surrogateescape'), capture_output=True)
    # quire marks an image "[image: ALT]" where a browser shows ALT
    return re.sub(r'\[image: ', '[', r.stdout.decode('utf-8', 'replace'))

def show(name, b, q):
    """The places where the words differ, a few words of context each."""
    print(name)
    sm = difflib.SequenceMatcher(None, b, q, autojunk=False)
    shown = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == 'equal':
            continue
        ctx = ' '.join(b[max(0, i1 - 3):i1])
        print('  ...%s [browser: %s] [quire: %s]' % (ctx, ' '.join(b[i1:i2])[:80],
              ' '.join(q[j1:j2])[:80]))
        shown += 1
        if shown == 4:
            break

def main():
    q = sys.argv[1]
    verbose = '-v' in sys.argv
    args = [a for a in sys.argv[2:] if a != '-v']
    diff = []
    if args[0] == '--files':
        exs = [(f, open(f, encoding='utf-8', errors='surrogateescape').read())
               for f in args[1:]]
    else:
        exs = examples(args[0])
    for n, md in exs:
        b, qq = words(browser(md)), words(quire(q, md))
        if b != qq:
            diff.append(n)
            if verbose:
                show(n, b, qq)
    print('%d of %d read differently: %s' % (len(diff), len(exs), ' '.join(map(str, diff))))

if __name__ == '__main__':
    main()
