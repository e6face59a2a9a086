#!/usr/bin/env python3
"""Turns the plain keyword list into the same question for every engine: all the words, ANDed.

  peer_queries.py KEYWORDS.txt OUTDIR

writes OUTDIR/keywords.xapian.txt (the words as they are: Xapian's QueryParser ANDs them with
attache's settings), keywords.fts5.txt (each word as an FTS5 string, implicitly ANDed) and
keywords.pg.txt (plainto_tsquery('english', ...), which ANDs the words after stemming).
Lines keep their order, so line N asks the same thing everywhere.
"""

import os
import re
import sys

WORD = re.compile(r"^[a-z0-9][a-z0-9 ]*$")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        keywords = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    for k in keywords:
        if not WORD.match(k):  # anything else would mean different things to different engines
            sys.exit("peer_queries: not a plain lower-case keyword query: %r" % k)
    os.makedirs(sys.argv[2], exist_ok=True)
    forms = {
        "xapian": lambda k: " ".join(k.split()),
        "fts5": lambda k: " ".join('"%s"' % w for w in k.split()),
        "pg": lambda k: "plainto_tsquery('english', '%s')" % " ".join(k.split()),
    }
    for name, form in forms.items():
        with open(os.path.join(sys.argv[2], "keywords.%s.txt" % name), "w") as out:
            out.writelines(form(k) + "\n" for k in keywords)


if __name__ == "__main__":
    main()
