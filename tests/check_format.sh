#!/usr/bin/env bash
# Fails when a C++ file is not formatted by the repository's .clang-format.
set -euo pipefail
cd "$1"
files=$(find app common schema kb indexer searcher tests bench -name '*.cpp' -o -name '*.h' | sort)
"${CLANG_FORMAT:-clang-format}" --dry-run -Werror $files
