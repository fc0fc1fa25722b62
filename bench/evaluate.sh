#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Scores the extractor against gold annotations and prints the figures.
#
#   bench/evaluate.sh [CORPUS...]
#
# Without arguments: the shared corpus (../shared/corpus beside the
# repository) and tests/corpus. Builds _build first if needed (BUILD_DIR
# overrides it). Always exits 0: it prints figures, it is not a test.

set -u

src_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$src_dir/_build}
scorer=${SCORER:-$src_dir/../shared/tools/score-extraction}
cli=$build_dir/src/cli/actorgraph-cli

if [ ! -d "$build_dir" ]; then
  meson setup "$build_dir" "$src_dir" >/dev/null || { echo "evaluate: meson setup failed"; exit 0; }
fi
ninja -C "$build_dir" >/dev/null 2>&1 || echo "evaluate: build failed, using the last binaries"

if [ ! -x "$cli" ]; then
  echo "evaluate: no $cli"
  exit 0
fi
if [ ! -f "$scorer" ]; then
  echo "evaluate: no scorer at $scorer (set SCORER)"
  exit 0
fi

# Built-in knowledge from the source tree, as the tests use it.
AG_KNOWLEDGE_DIR=${AG_KNOWLEDGE_DIR:-$src_dir/data/knowledge}
export AG_KNOWLEDGE_DIR

if [ $# -eq 0 ]; then
  set -- "$src_dir/../shared/corpus" "$src_dir/tests/corpus"
fi

for corpus in "$@"; do
  if [ ! -d "$corpus" ]; then
    echo "== $corpus: not a folder"
    continue
  fi
  echo "== $(cd "$corpus" && pwd)"
  python3 "$scorer" "$corpus" --cli "$cli" || true
  echo
done

exit 0
