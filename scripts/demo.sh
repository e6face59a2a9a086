#!/usr/bin/env bash
# Indexes corpus/ into a fresh demo database and runs a few example searches.
set -euo pipefail
attache=${1:-build/app/attache}
db=${2:-build/demo.db}
cd "$(dirname "$0")/.."

run() {
    echo
    echo "\$ attache $*"
    "$attache" "$@"
}

rm -rf "$db"
echo "\$ attache index --db $db corpus/"
"$attache" index --db "$db" corpus/
run stats --db "$db"
run search --db "$db" 'person:Blinken country:KR' --facet summit --facet person:5
run search --db "$db" --limit 3 'sanctions NOT Russia' --facet country:5
run search --db "$db" --limit 3 --sort newest 'summit:G20 date:2023..2025' --facet year
run search --db "$db" --limit 3 '"extended deterrence"' --facet org:5
run search --db "$db" --limit 2 --format json 'minister:"Cho Tae-yul" date:2024-10..2024-11'
echo
echo "Demo database: $db (try: $attache search --db $db 'your query')"
