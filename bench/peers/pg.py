#!/usr/bin/env python3
"""The PostgreSQL full-text peer of the benchmark, at PostgreSQL's documented defaults: a stored
generated tsvector column (English configuration, title weighted 'A'), a GIN index on it,
ts_rank ordering.

  pg.py IN.jsonl QUERIES OUT.json [--exact]

Starts a private server (initdb into a temporary directory, pg_ctl on a free loopback port, run
as the `postgres` system user when we are root), loads the articles with COPY, builds the
index, VACUUM ANALYZE, then runs QUERIES (one tsquery expression per line, e.g.
plainto_tsquery('english', 'oil prices')) through one psql session: the top 10 (id and title)
and, with --exact, the exact count. Stops the server and deletes its files whatever happens.
Writes OUT.json: load_s, index_s, size_bytes, rss_kb (peak RSS of the loading backend, read
from its /proc/self/status: it includes the shared buffers it touched), latencies_ms (one per
query) and batch_s (the whole psql run).
"""

import csv
import glob
import io
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

TIME_LINE = re.compile(r"^Time: ([0-9.]+) ms", re.M)


def pg_bin(name):
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/" + name))
    if not found:
        sys.exit("pg.py: PostgreSQL server binaries not found (apt-get install postgresql)")
    return found[-1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="attache-bench-pg-")
        self.port = free_port()
        self.as_user = []
        if os.getuid() == 0:  # initdb refuses to run as root
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data = os.path.join(self.dir, "data")

    def start(self):
        run(self.as_user + [pg_bin("initdb"), "-D", self.data, "-U", "bench", "--auth=trust",
                            "-E", "UTF8", "--locale=C"])
        run(self.as_user + [pg_bin("pg_ctl"), "-D", self.data, "-l",
                            os.path.join(self.dir, "log"), "-w", "-o",
                            "-p %d -k %s -c listen_addresses=127.0.0.1" % (self.port, self.dir),
                            "start"])

    def stop(self):
        subprocess.run(self.as_user + [pg_bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w",
                                       "stop"], stdout=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)

    def psql(self, args, stdin=None):
        cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
               str(self.port), "-U", "bench", "-d", "postgres"] + args
        return subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, check=True).stdout


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def csv_rows(jsonl):
    out = io.StringIO()
    w = csv.writer(out)
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                w.writerow([a["id"], a.get("title", ""), a.get("body", ""),
                            a.get("published") or None, a.get("source", "")])
    return out.getvalue().encode("utf-8")


LOAD = r"""
CREATE TABLE articles (
    id text PRIMARY KEY, title text, body text, published timestamptz, source text,
    tsv tsvector GENERATED ALWAYS AS
        (setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
         to_tsvector('english', coalesce(body, ''))) STORED);
\copy articles (id, title, body, published, source) FROM pstdin WITH (FORMAT csv)
SELECT 'copied ' || clock_timestamp();
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
SELECT 'rss ' || substring(pg_read_file('/proc/self/status') from 'VmHWM:\s*(\d+)');
"""


def main():
    args = sys.argv[1:]
    exact = args[3:] == ["--exact"]
    if len(args) not in (3, 4) or (len(args) == 4 and not exact):
        sys.exit(__doc__)
    jsonl, queries_file, out_json = args[:3]
    data = csv_rows(jsonl)
    with open(queries_file, encoding="utf-8") as f:
        queries = [q.strip() for q in f if q.strip() and not q.startswith("#")]
    server = Server()
    try:
        server.start()
        t0 = time.perf_counter()
        # psql reads the script from a file and the CSV rows from its stdin (pstdin).
        script = os.path.join(server.dir, "load.sql")
        with open(script, "w") as f:
            f.write(LOAD)
        load_out = server.psql(["-t", "-A", "-f", script], data).decode()
        load_s = time.perf_counter() - t0
        rss_kb = int(re.search(r"^rss (\d+)", load_out, re.M).group(1))
        server.psql(["-c", "VACUUM ANALYZE articles"])
        size = int(server.psql(["-t", "-A", "-c",
                                "SELECT pg_total_relation_size('articles')"]).decode())
        lines = ["\\timing on"]
        for q in [queries[0]] + queries:  # the first one again, untimed, to warm up
            lines.append("SELECT id, title FROM articles, %s q WHERE tsv @@ q "
                         "ORDER BY ts_rank(tsv, q) DESC LIMIT 10;" % q)
            if exact:
                lines.append("SELECT count(*) FROM articles WHERE tsv @@ %s;" % q)
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        t0 = time.perf_counter()
        query_out = server.psql(["-t", "-A", "-f", script]).decode()
        batch_s = time.perf_counter() - t0
    finally:
        server.stop()
    times = [float(t) for t in TIME_LINE.findall(query_out)]
    per_query = 2 if exact else 1
    latencies = [sum(times[i:i + per_query]) for i in range(0, len(times), per_query)][1:]
    with open(out_json, "w") as f:
        json.dump({"load_s": load_s, "size_bytes": size, "rss_kb": rss_kb,
                   "latencies_ms": latencies, "batch_s": batch_s, "queries": len(queries)}, f)


if __name__ == "__main__":
    main()
