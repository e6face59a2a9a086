#!/usr/bin/env python3
"""Latency of the benchmark's facet class alone, without the rest of `bench/run`:

  bench/facet_latency.py ATTACHE DB [--queries FILE] [--repeat N]

Runs FILE (default bench/queries/facet.txt) as one `attache search --batch` with the three
facets bench/run uses (country, person, year), REPEAT times, after one untimed warm-up query,
and prints p50/p95/p99 of `took_ms` over all runs, plus the median batch wall time.
"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
FACETS = ["--facet", "country", "--facet", "person", "--facet", "year"]


def nearest_rank(sorted_ms, q):
    return sorted_ms[max(0, min(len(sorted_ms) - 1, int(q * len(sorted_ms) + 0.999999) - 1))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("attache")
    ap.add_argument("db")
    ap.add_argument("--queries", default=os.path.join(BENCH, "queries", "facet.txt"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        queries = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    took, walls = [], []
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as batch:
        # The first query once more, untimed: the first one of a run loads the KB.
        batch.write("warmup\t%s\n" % queries[0])
        batch.writelines("%d\t%s\n" % (i + 1, q) for i, q in enumerate(queries))
        batch.flush()
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            out = subprocess.run([args.attache, "search", "--db", args.db, "--batch", batch.name,
                                  "--limit", "10", "--format", "jsonl", "--fields",
                                  "id,score,title"] + FACETS,
                                 stdout=subprocess.PIPE, check=True).stdout
            walls.append(time.perf_counter() - t0)
            took += [json.loads(l)["took_ms"] for l in out.splitlines()
                     if not l.startswith(b'{"qid":"warmup"')]
    s = sorted(took)
    print("%d queries x %d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, mean %.2f ms; batch %.2f s"
          % (len(queries), args.repeat, nearest_rank(s, 0.5), nearest_rank(s, 0.95),
             nearest_rank(s, 0.99), statistics.fmean(s), statistics.median(walls)))


if __name__ == "__main__":
    main()
