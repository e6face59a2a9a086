#!/usr/bin/env bash
# Installs the Debian 12 packages the benchmark suite (`make bench`) needs on top of the build's:
# the peers it compares attache with, and GNU time for peak RSS. Kept apart from
# install-deps.sh so that building and testing stay lean. Does nothing when all are present.
set -euo pipefail

packages=(
    xapian-omega    # scriptindex, the Xapian indexer peer
    xapian-tools    # xapian-compact, for compacted index sizes
    sqlite3         # SQLite with FTS5 (python3's sqlite3 module drives it)
    postgresql      # PostgreSQL full-text search peer (started privately by bench/peers/pg.py)
    time            # /usr/bin/time: peak RSS of each indexer
    python3         # the generator and the driver (standard library only)
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "attache: installing Debian packages for the benchmark: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "attache: not root and no sudo: install these packages first: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
