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
    wrk             # bench/serve_bench.sh: HTTP load on attache serve
)

exec "$(dirname "$0")/apt-install.sh" "the benchmark" "${packages[@]}"
