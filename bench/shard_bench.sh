#!/usr/bin/env bash
# Latency and throughput of one batch of queries over 1, 2 and 4 shards, local (a stub of `auto`
# lines: one process, no network) and remote (one xapian-tcpsrv per shard on 127.0.0.1).
# Prints a Markdown table (docs/sharding.md); each row is the median of REPEAT (default 3)
# timed runs after a warm-up. Usage:
#   bench/shard_bench.sh ATTACHE CORPUS.jsonl QUERIES.txt WORKDIR [EXTRA SEARCH FLAGS...]
set -euo pipefail
attache=$(realpath "$1"); corpus=$(realpath "$2"); queries=$(realpath "$3"); work=$4; shift 4
extra=("$@")
mkdir -p "$work"; cd "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done; }
trap cleanup EXIT

[ -d one.db ] || "$attache" index -q --db one.db "$corpus"
for n in 2 4; do [ -f shards$n.db ] || "$attache" index -q --db shards$n.db --shards "$n" "$corpus"; done

port=$((20000 + RANDOM % 20000))
serve() {  # serve DIR -> prints "remote tcp 127.0.0.1 PORT"
    port=$((port + 1))
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$1" >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.05; done
    echo "remote tcp 127.0.0.1 $port"
}
serve one.db > remote1.db
for n in 2 4; do
    : > remote$n.db
    for s in shards$n.db.shards/*; do serve "$s" >> remote$n.db; done
done

run() {  # run LABEL DB: a warm-up, then REPEAT timed runs; prints the run with the median rate
    "$attache" search --db "$2" --batch "$queries" --format jsonl "${extra[@]}" > /dev/null
    local start end
    for r in $(seq "${REPEAT:-3}"); do
        start=$(date +%s.%N)
        "$attache" search --db "$2" --batch "$queries" --format jsonl "${extra[@]}" > "out$r.jsonl"
        end=$(date +%s.%N)
        echo "$start $end out$r.jsonl"
    done | python3 -c '
import json, sys
label = sys.argv[1]
runs = []
for line in sys.stdin:
    start, end, path = line.split()
    took = sorted(json.loads(l)["took_ms"] for l in open(path))
    pct = lambda p: took[min(len(took) - 1, int(p * len(took)))]
    runs.append((len(took) / (float(end) - float(start)), pct(0.50), pct(0.95), len(took)))
rate, p50, p95, n = sorted(runs)[len(runs) // 2]
print("| %s | %d | %.2f | %.2f | %.0f |" % (label, n, p50, p95, rate))
' "$1"
}
echo "| database | queries | p50 ms | p95 ms | queries/s |"
echo "|---|---|---|---|---|"
run "1 database, local" one.db
run "2 shards, local stub" shards2.db
run "4 shards, local stub" shards4.db
run "1 shard, xapian-tcpsrv" remote1.db
run "2 shards, xapian-tcpsrv" remote2.db
run "4 shards, xapian-tcpsrv" remote4.db
