#!/usr/bin/env bash
# apt-install.sh PURPOSE PACKAGE...: installs the Debian packages of the list that are missing,
# with sudo when not root. Does nothing when all are present, so callers can run it before every
# build. Shared by install-deps.sh (build and test) and install-bench-deps.sh (make bench).
set -euo pipefail

purpose=$1
shift
missing=()
for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "attache: installing Debian packages for $purpose: ${missing[*]}" >&2
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
