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
    nlohmann-json3-dev                  # JSON in readers, KB and output
    libboost-test-dev                   # unit tests
    iso-codes                           # ISO 3166 countries, embedded in the KB
    clang-format                        # the format check test
    libcpp-httplib-dev                  # attache serve: HTTP server (and the serve test's client)
    wrk                                 # bench/serve_bench.sh: HTTP load
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

echo "attache: installing Debian packages: ${missing[*]}" >&2
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
