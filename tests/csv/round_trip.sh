#!/usr/bin/env bash
# The CSV sheets of `entente export csv` carry a whole scenario: for every shipped scenario
# under positions/ (folders and single files) and tests/csv/hostile.yaml, `export csv`, then
# `import csv`, then `report --format json` gives the bytes of the original's report. Also:
# the export of positions/lease-renewal is the one kept (and reviewed) in the golden case
# import-csv-lease; export's folder rules (a folder that holds something is replaced only
# with --force, never one that holds the scenario; nothing is left beside DIR; a scenario
# with errors writes nothing); import writes nothing from bad sheets.
# Usage: round_trip.sh ENTENTE REPO_ROOT
set -u
entente=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ENTENTE_NO_CACHE=1

fail() {
  echo "FAIL: $*"
  exit 1
}

count=0
for scenario in "$root"/positions/*/ "$root"/positions/*.yaml "$root"/tests/csv/hostile.yaml; do
  scenario=${scenario%/}
  [ -f "$scenario" ] || [ -f "$scenario/scenario.yaml" ] || continue
  name=$(basename "$scenario")
  "$entente" report "$scenario" --format json >"$work/$name.json" ||
    fail "$name: report of the original"
  "$entente" export csv "$scenario" -o "$work/$name.sheets" || fail "$name: export csv"
  "$entente" import csv "$work/$name.sheets" -o "$work/$name.imported.yaml" ||
    fail "$name: import csv"
  "$entente" report "$work/$name.imported.yaml" --format json >"$work/$name.imported.json" ||
    fail "$name: report of the imported scenario"
  if ! cmp -s "$work/$name.json" "$work/$name.imported.json"; then
    diff -u "$work/$name.json" "$work/$name.imported.json" | head -n 40
    fail "$name: the report of the imported scenario differs from the original's"
  fi
  echo "ok: $name: export csv, import csv, report --format json: the same bytes"
  count=$((count + 1))
done
[ "$count" -ge 5 ] || fail "only $count scenarios found under $root/positions"

# The export of the lease example, as reviewed in the golden case that imports it.
kept="$root/tests/golden/cases/import-csv-lease/input/export"
diff -r "$work/lease-renewal.sheets" "$kept" >/dev/null ||
  fail "the export of positions/lease-renewal differs from $kept (update it and review)"
echo "ok: the export of lease-renewal is $kept"

# A folder that holds something is replaced only with --force.
out="$work/out"
mkdir "$out" && echo keep >"$out/notes.txt"
if "$entente" export csv "$root/positions/lease-renewal" -o "$out" 2>"$work/err"; then
  fail "export replaced a folder that holds something, without --force"
fi
grep -q "not empty (--force replaces it)" "$work/err" || fail "no reason given: $(cat "$work/err")"
[ "$(ls "$out")" = notes.txt ] || fail "the refused folder was changed"
"$entente" export csv "$root/positions/lease-renewal" -o "$out" --force || fail "export --force"
[ -f "$out/stances.csv" ] && [ ! -e "$out/notes.txt" ] || fail "--force did not replace the folder"
echo "ok: a folder that holds something is replaced only with --force"

# Never a folder that holds the scenario, even with --force.
cp -r "$root/positions/lease-renewal" "$work/lease"
if "$entente" export csv "$work/lease" -o "$work/lease" --force 2>"$work/err"; then
  fail "export --force replaced the scenario's own folder"
fi
grep -q "holds the scenario's file" "$work/err" || fail "no reason given: $(cat "$work/err")"
[ -f "$work/lease/scenario.yaml" ] || fail "the scenario's folder was changed"
echo "ok: never over the scenario's own folder"

# A scenario with errors writes nothing, and nothing is left beside DIR.
printf 'format: 1\ntitle: Broken\nparties: []\nissues: [{id: i}]\nextra: 1\n' >"$work/broken.yaml"
if "$entente" export csv "$work/broken.yaml" -o "$work/broken.sheets" 2>/dev/null; then
  fail "a scenario with errors was exported"
fi
[ ! -e "$work/broken.sheets" ] || fail "a failed export left its folder"
leftovers=$(find "$work" -maxdepth 1 \( -name '*.tmp-*' -o -name '*.old-*' \))
[ -z "$leftovers" ] || fail "left beside the folders: $leftovers"
echo "ok: a failed export writes nothing, and no export leaves a temporary folder"

# Bad sheets: exit 1, and the output file is not written.
cp -r "$work/lease-renewal.sheets" "$work/bad.sheets"
printf 'party,position,stance\r\ntenant,landlord/rent-plus-8,maybe\r\n' >"$work/bad.sheets/stances.csv"
"$entente" import csv "$work/bad.sheets" -o "$work/bad.yaml" 2>"$work/err"
code=$?
[ "$code" -eq 1 ] || fail "import of bad sheets exited $code, not 1"
grep -q "stances.csv:2:3: error: unknown stance 'maybe'" "$work/err" ||
  fail "unexpected errors: $(cat "$work/err")"
[ ! -e "$work/bad.yaml" ] || fail "import of bad sheets wrote its output"
echo "ok: import of bad sheets exits 1 and writes nothing"
