#!/usr/bin/env bash
# Runs `entente check` on one hostile file under a time and memory limit and checks that it
# ends as bad input should: exit 1 and a first line `FILE:LINE:COL: error: ...` (or
# `FILE: error: ...` where there is no place). Usage: run_case.sh ENTENTE FILE
set -u
entente=$1
file=$2
. "$(dirname "$0")/located_error.sh"

expect_located_error "$file" "$entente" check "$file" || exit 1
echo "ok: $first"
