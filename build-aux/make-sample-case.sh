#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the sample case from its extraction file: make-sample-case.sh CLI OUTPUT INPUT...
set -eu
cli=$1
out=$2
shift 2
rm -f "$out"
"$cli" import "$out" "$@" >/dev/null 2>&1 || {
  "$cli" import "$out" "$@" >&2
  exit 1
}
