#!/usr/bin/env python3
"""Generates a benchmark corpus: N JSON Lines articles recombined from real ones.

Each generated article takes its title from one input article and 2-5 paragraphs from others,
gets its own id (gen-000001...), a published date spread over 2016-2025 and a source from the
inputs, so that term statistics look like news and not like N copies of a few texts. The same
inputs, N and --seed give the same output, byte for byte.

    bench/make_corpus.py -n 20000 corpus/articles.jsonl ../shared/corpora/*/articles.jsonl > big.jsonl
    bench/make_corpus.py --queries 500 corpus/articles.jsonl > queries.txt
"""
import argparse
import json
import random
import re
import sys


def load(paths):
    titles, paragraphs, sources = [], [], set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                a = json.loads(line)
                if a.get("title"):
                    titles.append(a["title"])
                for p in (a.get("body") or "").split("\n\n"):
                    if len(p) > 80:
                        paragraphs.append(p)
                if a.get("source"):
                    sources.add(a["source"])
    return titles, paragraphs, sorted(sources)


def queries(titles, n, rng):
    # Words of 5+ letters that recur in titles: the kind of keywords people type.
    counts = {}
    for t in titles:
        for w in re.findall(r"[A-Za-z]{5,}", t):
            counts[w.lower()] = counts.get(w.lower(), 0) + 1
    common = sorted((w for w, c in counts.items() if c >= 3), key=lambda w: (-counts[w], w))[:400]
    for _ in range(n):
        k = 1 if rng.random() < 0.6 else 2
        print(" ".join(rng.sample(common, k)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+", help="JSON Lines articles to recombine")
    ap.add_argument("-n", type=int, default=20000, help="articles to generate")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--queries", type=int, default=0, help="print N keyword queries instead")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    titles, paragraphs, sources = load(args.inputs)
    if not titles or not paragraphs:
        sys.exit("make_corpus: no articles in the inputs")
    if args.queries:
        queries(titles, args.queries, rng)
        return
    out = sys.stdout
    for i in range(1, args.n + 1):
        day = rng.randrange(0, 3650)
        year, rest = 2016 + day // 365, day % 365
        month, mday = 1 + rest // 31 % 12, 1 + rest % 28
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(2, 5)))
        a = {
            "id": "gen-%06d" % i,
            "title": rng.choice(titles),
            "body": body,
            "published": "%04d-%02d-%02d" % (year, month, mday),
            "source": rng.choice(sources) if sources else "Generated",
            "lang": "en",
        }
        out.write(json.dumps(a, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
