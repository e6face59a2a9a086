#!/usr/bin/env bash
# Installs what the browser test (tests/browser/) needs: Debian's chromium, Node.js with npm,
# and the pinned playwright-core from tests/browser/package-lock.json. Does nothing when all
# are present. `make deps` runs it after install-deps.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    sudo=(false)
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Node.js may come from elsewhere (nodesource bundles npm): only ask Debian when npm is absent.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "attache: installing Debian packages for the browser test: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! { "${sudo[@]}" apt-get update -qq &&
        "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; then
        echo "attache: could not install ${missing[*]}: the browser test will be skipped" >&2
        exit 0
    fi
fi

browser="$root/tests/browser"
if [ ! -d "$browser/node_modules/playwright-core" ] ||
    [ "$browser/package-lock.json" -nt "$browser/node_modules/.package-lock.json" ]; then
    echo "attache: npm ci in tests/browser (playwright-core, pinned)" >&2
    (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error) ||
        echo "attache: npm ci failed: the browser test will be skipped" >&2
fi
