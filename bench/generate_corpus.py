#!/usr/bin/env python3
"""Scale real JSON Lines articles up to N synthetic ones for benchmarks.

Each generated article takes the title and a run of opening paragraphs from one real "lead"
article, then adds a few paragraphs drawn from other real articles. Text is never invented, so
the vocabulary, the word frequencies and the entity mentions stay those of real news; only the
mix changes. Dates are spread uniformly over a decade so that date filters and year facets have
something to select. The same seed files, N and --seed always give the same bytes.

Usage: generate_corpus.py [--seed S] [--from YEAR] [--years N] -n COUNT [-o OUT] SEED_PATH...
A SEED_PATH is a .jsonl file or a directory whose *.jsonl files are read (sorted by name).
"""

import argparse
import datetime
import json
import os
import random
import re
import sys

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Paragraphs shorter than this are mostly datelines and bylines; longer ones are rare in news
# and would make a few articles dominate the size of the corpus.
MIN_PARAGRAPH, MAX_PARAGRAPH = 40, 2000


def seed_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, _, names in sorted(os.walk(path)):
                for name in sorted(names):
                    if name.endswith(".jsonl"):
                        yield os.path.join(root, name)
        else:
            yield path


def load_seeds(paths):
    """Returns [(title, [paragraph...], source)] for every usable seed article."""
    seeds = []
    for path in seed_files(paths):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue  # the benchmark wants volume, not a validation report
                paragraphs = [
                    p.strip()
                    for p in PARAGRAPH_BREAK.split(record.get("body") or "")
                    if MIN_PARAGRAPH <= len(p.strip()) <= MAX_PARAGRAPH
                ]
                title = (record.get("title") or "").strip()
                if title and paragraphs:
                    seeds.append((title, paragraphs, record.get("source") or ""))
    return seeds


def generate(seeds, count, seed, first_year, years, out):
    rng = random.Random(seed)
    start = datetime.date(first_year, 1, 1).toordinal()
    span = datetime.date(first_year + years, 1, 1).toordinal() - start
    for i in range(count):
        title, paragraphs, source = seeds[rng.randrange(len(seeds))]
        # The lead keeps its opening (a title and its first paragraphs belong together)...
        lead = rng.randint(1, min(3, len(paragraphs)))
        body = paragraphs[:lead]
        # ...then paragraphs from elsewhere, like an article that quotes background material.
        for _ in range(rng.randint(1, 4)):
            other = seeds[rng.randrange(len(seeds))][1]
            body.append(other[rng.randrange(len(other))])
        day = datetime.date.fromordinal(start + rng.randrange(span))
        published = "%sT%02d:%02d:00Z" % (day.isoformat(), rng.randrange(24), rng.randrange(60))
        article = {
            "id": "gen-%d-%07d" % (seed, i + 1),
            "title": title,
            "body": "\n\n".join(body),
            "published": published,
            "source": source or "Generated Wire",
            "url": "https://bench.example.org/%d/%07d" % (seed, i + 1),
            "lang": "en",
        }
        out.write(json.dumps(article, ensure_ascii=False))
        out.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, required=True, help="articles to write")
    parser.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--from", dest="first_year", type=int, default=2016,
                        help="first year of the dates (default 2016)")
    parser.add_argument("--years", type=int, default=10, help="years of dates (default 10)")
    parser.add_argument("paths", nargs="*", default=["corpus"],
                        help="seed .jsonl files or directories (default corpus/)")
    args = parser.parse_args()
    if args.count < 0 or args.years < 1:
        parser.error("--count must be >= 0 and --years >= 1")
    seeds = load_seeds(args.paths)
    if not seeds:
        sys.exit("generate_corpus: no article with a title and a body in %s" % " ".join(args.paths))
    if args.output == "-":
        generate(seeds, args.count, args.seed, args.first_year, args.years, sys.stdout)
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as out:
            generate(seeds, args.count, args.seed, args.first_year, args.years, out)
        os.replace(tmp, args.output)  # never leave a half-written corpus under the final name


if __name__ == "__main__":
    main()
