#!/usr/bin/env python3
"""JSON Lines articles -> scriptindex's input format, for the benchmark's scriptindex peer.

scriptindex reads records of `name=value` lines separated by a blank line; a line that starts
with `=` continues the previous value on a new line (how a body keeps its paragraph breaks).
`published` becomes `date` as YYYYMMDD for omega.script's value slot and date terms.
Usage: to_scriptindex.py IN.jsonl > OUT.txt
"""

import json
import sys


def field(out, name, value):
    lines = value.replace("\r", "").split("\n")
    out.write("%s=%s\n" % (name, lines[0]))
    for line in lines[1:]:
        out.write("=%s\n" % line)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: to_scriptindex.py IN.jsonl > OUT.txt")
    out = sys.stdout
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            a = json.loads(line)
            field(out, "id", a["id"])
            field(out, "title", a.get("title", ""))
            field(out, "body", a.get("body", ""))
            published = a.get("published", "")
            if len(published) >= 10:
                field(out, "date", published[:10].replace("-", ""))
            for name in ("source", "lang", "url"):
                if a.get(name):
                    field(out, name, a[name])
            out.write("\n")


if __name__ == "__main__":
    main()
