#!/usr/bin/env python3
"""The SQLite FTS5 peer of the benchmark, at FTS5's documented defaults (unicode61 tokenizer,
bm25 ranking through the `rank` column).

  fts5.py index IN.jsonl DB        build DB (one transaction, then FTS5's 'optimize' merge)
  fts5.py query DB QUERIES [--exact]

`query` reads one FTS5 MATCH expression per line and fetches the top 10 (id and title, as a
search page would); with --exact it also counts every match, as attache always does. It prints
one line per query: milliseconds and the count (or -1 without --exact), like xapian_query. The
first query runs once before timing.
"""

import json
import sqlite3
import sys
import time


def index(jsonl, path):
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE articles USING fts5("
               "id UNINDEXED, title, body, published UNINDEXED, source UNINDEXED)")
    with open(jsonl, encoding="utf-8") as f, db:
        rows = ((a["id"], a.get("title", ""), a.get("body", ""), a.get("published", ""),
                 a.get("source", "")) for a in map(json.loads, filter(str.strip, f)))
        db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)", rows)
    with db:
        db.execute("INSERT INTO articles(articles) VALUES ('optimize')")
    db.execute("VACUUM")
    db.close()


def query(path, queries_file, exact):
    db = sqlite3.connect(path)
    with open(queries_file, encoding="utf-8") as f:
        queries = [q.rstrip("\n") for q in f if q.strip() and not q.startswith("#")]

    def run(q):
        top = db.execute("SELECT id, title FROM articles WHERE articles MATCH ? "
                         "ORDER BY rank LIMIT 10", (q,)).fetchall()
        if exact:
            return db.execute("SELECT count(*) FROM articles WHERE articles MATCH ?",
                              (q,)).fetchone()[0]
        return -1 if top else 0

    if queries:
        run(queries[0])
    started = time.perf_counter()
    out = []
    for q in queries:
        t0 = time.perf_counter()
        total = run(q)
        out.append("%.3f\t%d\n" % ((time.perf_counter() - t0) * 1000.0, total))
    elapsed = time.perf_counter() - started
    sys.stdout.writelines(out)
    sys.stderr.write("# %d queries, %.3f s\n" % (len(queries), elapsed))


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "index":
        index(args[1], args[2])
    elif len(args) in (3, 4) and args[0] == "query" and args[3:] in ([], ["--exact"]):
        query(args[1], args[2], len(args) == 4)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
