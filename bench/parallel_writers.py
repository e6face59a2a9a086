#!/usr/bin/env python3
"""Prototype measurement of one indexing lever: N writers building partial databases in
parallel, merged by Xapian's compactor, against one `attache index` run.

  parallel_writers.py --attache BIN [--writers N] [--repeat R] CORPUS.jsonl

Splits CORPUS into N contiguous parts, runs N `attache index -q --jobs 1` processes at once (one
per part, each with its own database), then `xapian-compact` merges them into one database.
The baseline is `attache index -q` (default jobs) on the whole file into a fresh database.
Runs are interleaved (baseline, parallel, baseline, ...) so that load from other work on the
machine hits both alike; prints wall and CPU seconds of each and the best of R.
This is a measurement, not an implementation: the merged database's sequence metadata and
labels come from the first part only.
"""

import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def split(corpus, n, workdir):
    with open(corpus, "rb") as f:
        lines = f.readlines()
    per = (len(lines) + n - 1) // n
    parts = []
    for i in range(n):
        path = os.path.join(workdir, "part-%d.jsonl" % i)
        with open(path, "wb") as out:
            out.writelines(lines[i * per:(i + 1) * per])
        parts.append(path)
    return parts


def baseline(attache, corpus, workdir):
    db = os.path.join(workdir, "one.db")
    shutil.rmtree(db, ignore_errors=True)
    cpu0, t0 = children_cpu(), time.perf_counter()
    subprocess.run([attache, "index", "-q", "--db", db, corpus], check=True,
                   stderr=subprocess.DEVNULL)
    wall, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    shutil.rmtree(db)
    return wall, cpu, None


def parallel(attache, parts, workdir):
    dbs = [os.path.join(workdir, "part-%d.db" % i) for i in range(len(parts))]
    merged = os.path.join(workdir, "merged.db")
    for d in dbs + [merged]:
        shutil.rmtree(d, ignore_errors=True)
    cpu0, t0 = children_cpu(), time.perf_counter()
    procs = [subprocess.Popen([attache, "index", "-q", "--jobs", "1", "--db", d, p],
                              stderr=subprocess.DEVNULL)
             for d, p in zip(dbs, parts)]
    for p in procs:
        if p.wait() != 0:
            raise SystemExit("parallel_writers: a writer failed")
    built = time.perf_counter() - t0
    subprocess.run(["xapian-compact", "-q"] + dbs + [merged], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    for d in dbs + [merged]:
        shutil.rmtree(d)
    return wall, cpu, built


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--attache", required=True)
    p.add_argument("--writers", type=int, default=2)
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("corpus")
    a = p.parse_args()
    workdir = tempfile.mkdtemp(prefix="attache-writers-")
    try:
        parts = split(a.corpus, a.writers, workdir)
        best = {}
        for r in range(a.repeat):
            for name, run in (("one writer", lambda: baseline(a.attache, a.corpus, workdir)),
                              ("%d writers + compact" % a.writers,
                               lambda: parallel(a.attache, parts, workdir))):
                wall, cpu, built = run()
                extra = " (writers done at %.2f s)" % built if built else ""
                print("run %d  %-22s wall %6.2f s  cpu %6.2f s%s" % (r + 1, name, wall, cpu, extra))
                best[name] = min(best.get(name, wall), wall)
        for name, wall in best.items():
            print("best   %-22s wall %6.2f s" % (name, wall))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
