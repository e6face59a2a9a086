#!/usr/bin/env bash
# Builds the libFuzzer targets (clang) and runs each reader's for SECONDS (default 150), one at a
# time, seeded with corpus/ and tests/data/. Crashing inputs are copied to
# tests/data/fuzz/<format>/, which the fuzz_regressions unit test replays.
#   scripts/fuzz.sh [SECONDS] [FORMAT...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-150}
shift || true
formats=("$@")
[ ${#formats[@]} -eq 0 ] && formats=(jsonl json rss atom nitf newsml html text)
build=${FUZZ_BUILD:-build-fuzz}
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DATTACHE_FUZZ=ON -DATTACHE_BUILD_TESTS=OFF >/dev/null
for f in "${formats[@]}"; do
    cmake --build "$build" --target "fuzz_$f" -j2 >/dev/null
    work=$(mktemp -d)
    cp corpus/samples/* corpus/articles.jsonl tests/data/jsonl/* "$work/" 2>/dev/null || true
    mkdir -p "$work/crashes"
    echo "== fuzz_$f for ${seconds}s"
    status=0
    "$build/fuzz/fuzz_$f" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/crashes/" -print_final_stats=1 "$work" 2>"$work/log" || status=$?
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/log" || true
    if compgen -G "$work/crashes/*" >/dev/null; then
        mkdir -p "tests/data/fuzz/$f"
        cp "$work"/crashes/* "tests/data/fuzz/$f/"
        echo "fuzz_$f: crashing inputs kept in tests/data/fuzz/$f/ (exit $status)"
        grep -m3 -E 'ERROR|SUMMARY' "$work/log" || true
    fi
    rm -rf "$work"
done
