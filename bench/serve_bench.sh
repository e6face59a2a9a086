#!/usr/bin/env bash
# Load test of `attache serve` with wrk on loopback: requests/s, p99 latency and errors for a
# mixed set of API requests (bench/serve_paths.txt) at 2 and 16 connections. Not part of
# `make test`. Results: docs/benchmarks.md ("HTTP API").
#   bench/serve_bench.sh [ATTACHE] [DB] [SECONDS]
# Without an existing DB it indexes corpus/ plus, when present, the shared Reuters-21578 and
# Wikipedia current-events corpora.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
attache="${1:-$root/build/app/attache}"
db="${2:-$root/build/serve-bench.db}"
seconds="${3:-10}"
shared="$root/../shared/corpora"

command -v wrk >/dev/null || { echo "serve_bench: wrk is not installed (scripts/install-bench-deps.sh installs it)" >&2; exit 1; }
if [ ! -d "$db" ]; then
    inputs=("$root/corpus/articles.jsonl")
    for f in reuters21578-labelled/articles.jsonl wiki-current-events/articles.jsonl; do
        [ -f "$shared/$f" ] && inputs+=("$shared/$f")
    done
    "$attache" index -q --db "$db" "${inputs[@]}" || [ $? -eq 3 ]
fi
articles=$("$attache" stats --db "$db" --format json | sed -n 's/^  "articles": \([0-9]*\),/\1/p')

log="$(mktemp)"
"$attache" serve --db "$db" --listen 127.0.0.1:0 >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do
    grep -q 'serving' "$log" && break
    sleep 0.1
done
url=$(sed -n 's/.* on \(http:[^ ]*\) .*/\1/p' "$log")
url="${url%/}"
[ -n "$url" ] || { echo "serve_bench: the server did not start: $(cat "$log")" >&2; exit 1; }

# Every path must answer 200 before it is timed.
while read -r path; do
    [ -z "$path" ] && continue
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url$path")
    [ "$code" = 200 ] || { echo "serve_bench: $path answered $code" >&2; exit 1; }
done <"$root/bench/serve_paths.txt"

echo "attache serve, $articles articles, $(nproc) cores, $(grep -o 'with [0-9]* threads' "$log")"
echo "connections  requests/s  p50_ms  p99_ms  errors"
for c in 2 16; do
    out=$(ATTACHE_BENCH_PATHS="$root/bench/serve_paths.txt" wrk -t2 -c"$c" -d"${seconds}s" \
        --latency --timeout 10s -s "$root/bench/serve_mix.lua" "$url")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    sockerr=$(awk '/Socket errors/ {print $0}' <<<"$out")
    printf '%11s  %10s  %6s  %6s  %s\n' "$c" "$rps" "$p50" "$p99" "${non2xx:-0} non-2xx${sockerr:+; $sockerr}"
done
