#!/usr/bin/env bash
# Installs the Debian 12 packages attache needs to build, test and run. Does nothing when they
# are all present (so it is cheap to run before every build); uses sudo when not root.
set -euo pipefail

packages=(
    build-essential cmake pkg-config git
    libxapian-dev xapian-tools          # the engine, and xapian-tcpsrv for remote shards
    libcli11-dev                        # command line
    libarchive-dev                      # readers: gzip, bzip2, xz, zstd, tar
    libxml2-dev                         # readers: RSS, Atom, NITF, NewsML-G2, HTML
    libjemalloc-dev                     # allocator: Xapian's writer allocates small and often
    nlohmann-json3-dev                  # JSON in readers, KB and output
    libboost-test-dev                   # unit tests
    iso-codes                           # ISO 3166 countries, embedded in the KB
    clang-format                        # the format check test
    libcpp-httplib-dev                  # attache serve: HTTP server (and the serve test's client)
)

exec "$(dirname "$0")/apt-install.sh" "the build and the tests" "${packages[@]}"
