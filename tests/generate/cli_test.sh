#!/usr/bin/env bash
# entente-generate from the command line: the same seed writes the same bytes, another seed
# other bytes, `entente check` accepts both forms without a warning, a chain is agreed to its
# first step and a cycle is one package (docs/format.md 3.2), and a folder of old YAML files
# is refused.
#   cli_test.sh ENTENTE_GENERATE ENTENTE
set -euo pipefail
generate=$1
entente=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/entente-generate-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

small=(--parties 5 --issues 7 --positions-per-party 12 --conditional 0.3 --red-lines 0.2)
"$generate" "${small[@]}" --seed 11 -o "$work/a" >/dev/null
"$generate" "${small[@]}" --seed 11 -o "$work/b" >/dev/null
"$generate" "${small[@]}" --seed 12 -o "$work/c" >/dev/null
diff -r "$work/a" "$work/b" >/dev/null || fail "same seed, different files"
diff -r -q "$work/a" "$work/c" >/dev/null && fail "different seeds, same files"
[ "$(ls "$work/a" | wc -l)" -eq 6 ] || fail "expected scenario.yaml and 5 party files"

"$entente" check "$work/a" >"$work/check.out" 2>"$work/check.err" || fail "entente check: $(cat "$work/check.err")"
[ ! -s "$work/check.err" ] || fail "entente check warned: $(cat "$work/check.err")"

"$generate" "${small[@]}" --seed 11 --single-file -o "$work/single.yaml" >/dev/null
"$entente" check "$work/single.yaml" 2>"$work/single.err" >/dev/null || fail "single file: $(cat "$work/single.err")"
[ ! -s "$work/single.err" ] || fail "single file warned: $(cat "$work/single.err")"
"$entente" report "$work/a" --format json -o "$work/a.json"
"$entente" report "$work/single.yaml" --format json -o "$work/single.json"
cmp -s "$work/a.json" "$work/single.json" || fail "folder and single file report differently"

# Usage errors exit 2, as entente's do; --help exits 0 and names the exit codes.
for bad in "--parties 0 -o $work/u" "" "--no-such-option -o $work/u"; do
  set +e
  # shellcheck disable=SC2086 # the words of each case are separate arguments
  "$generate" $bad >/dev/null 2>&1
  code=$?
  set -e
  [ "$code" -eq 2 ] || fail "usage error '$bad' exited $code, not 2"
done
"$generate" --help | grep -q 'Exit codes: 0 written' || fail "--help names no exit codes"

# A folder with YAML files in it is refused without --force, and replaced with it.
if "$generate" --parties 2 -o "$work/a" >/dev/null 2>"$work/refused.err"; then
  fail "an existing scenario folder was overwritten without --force"
fi
grep -q 'already holds YAML or JSON files' "$work/refused.err" || fail "no reason given: $(cat "$work/refused.err")"
"$generate" --parties 2 --force -o "$work/a" >/dev/null
[ "$(ls "$work/a" | wc -l)" -eq 3 ] || fail "--force left old party files behind"

# A chain of 25: every step agreed (common ground), no package.
"$generate" --parties 2 --issues 1 --positions-per-party 0 --chain 25 -o "$work/chain" >/dev/null
"$entente" report "$work/chain" --format json -o "$work/chain.json"
agreed=$(grep -o '"status": *"agreed"' "$work/chain.json" | wc -l)
[ "$agreed" -eq 26 ] || fail "chain: expected 25 agreed positions and the agreed issue, got $agreed"
grep -q '"packages": *\[\]' "$work/chain.json" || fail "chain: expected no package"

# A cycle of 25: one package naming every step, and nothing agreed.
"$generate" --parties 2 --issues 1 --positions-per-party 0 --cycle 25 -o "$work/cycle" >/dev/null
"$entente" report "$work/cycle" --format json -o "$work/cycle.json"
members=$(tr -d ' \n' <"$work/cycle.json" | grep -o '"packages":\[\[[^]]*\]\]' | grep -o 'cycle-' | wc -l)
[ "$members" -eq 25 ] || fail "cycle: expected one package of 25, got $members members"
grep -q '"status": *"agreed"' "$work/cycle.json" && fail "cycle: nothing may be agreed"
echo "entente-generate CLI: ok"
