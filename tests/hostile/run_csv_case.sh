#!/usr/bin/env bash
# Runs `entente import csv` on the sheets of SCENARIO (exported first) with one sheet replaced
# by a hostile FILE, named `<sheet>-<what>.csv` (stances-nul-byte.csv replaces stances.csv),
# under a time and memory limit, and checks that it ends as bad input should: exit 1, a first
# line `DIR/<sheet>.csv:LINE:FIELD: error: ...` (or `DIR/<sheet>.csv: error: ...` where there
# is no place), no raw escape byte on the terminal, and no output file written.
# Usage: run_csv_case.sh ENTENTE SCENARIO FILE
set -u
entente=$1
scenario=$2
file=$3
. "$(dirname "$0")/located_error.sh"
export ENTENTE_NO_CACHE=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sheets="$work/sheets"
if ! "$entente" export csv "$scenario" -o "$sheets"; then
  echo "FAIL: cannot export $scenario"; exit 1
fi
sheet=$(basename "$file")
sheet=${sheet%%-*}.csv
[ -f "$sheets/$sheet" ] || { echo "FAIL: $file names no sheet ($sheet)"; exit 1; }
cp "$file" "$sheets/$sheet"

expect_located_error "$sheets/$sheet" "$entente" import csv "$sheets" -o "$work/out.yaml" ||
  exit 1
if [ -e "$work/out.yaml" ]; then
  echo "FAIL: $file: the output was written"; exit 1
fi
echo "ok: ${first#"$work"/}"
