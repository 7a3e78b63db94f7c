#!/usr/bin/env bash
# Runs `entente check` on one hostile file under a time and memory limit and checks that it
# ends as bad input should: exit 1 and a first line `FILE:LINE:COL: error: ...` (or
# `FILE: error: ...` where there is no place). Usage: run_case.sh ENTENTE FILE
set -u
entente=$1
file=$2
limit_seconds=${ENTENTE_HOSTILE_SECONDS:-20}
limit_bytes=${ENTENTE_HOSTILE_MEMORY:-$((1024 * 1024 * 1024))}

err=$(prlimit --as="$limit_bytes" timeout "$limit_seconds" "$entente" check "$file" 2>&1 >/dev/null)
code=$?
first=$(printf '%s\n' "$err" | head -n 1)
if [ "$code" -eq 124 ]; then
  echo "FAIL: $file: no answer within ${limit_seconds}s"; exit 1
fi
if [ "$code" -ne 1 ]; then
  echo "FAIL: $file: exit code $code, expected 1"; printf '%s\n' "$err" | head -n 5; exit 1
fi
escaped=$(printf '%s' "$file" | sed 's/[][\.*^$/]/\\&/g')
if ! printf '%s\n' "$first" | grep -Eq "^${escaped}(/[^:]*)?(:[0-9]+:[0-9]+)?: error: "; then
  echo "FAIL: $file: first line is not a located error:"; printf '%s\n' "$err" | head -n 5; exit 1
fi
if printf '%s' "$err" | LC_ALL=C grep -q $'\x1b'; then
  echo "FAIL: $file: raw escape byte on stderr"; exit 1
fi
echo "ok: $first"
