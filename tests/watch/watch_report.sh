#!/usr/bin/env bash
# `entente report --watch` as a user runs it: a copy of the lease scenario is edited while
# entente watches it, and each edit must show up as a new report (on standard output, or in
# the `-o` file), a broken edit as located errors on standard error with entente still
# running, and SIGINT / SIGTERM as exit 0.
#
#   tests/watch/watch_report.sh ENTENTE SCENARIO_FOLDER
#
# No fixed sleeps: every step polls for what it waits for, and gives up after 20 s.
set -euo pipefail
# With the parse cache on, as users run it: its writes into the watched folder must not
# count as edits (ctest turns the cache off for the other tests).
unset ENTENTE_NO_CACHE
entente=$1
scenario=$2
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

out=/dev/null
err=/dev/null
fail() {
  echo "FAIL: $*"
  echo "--- standard output"; cat "$out"
  echo "--- standard error"; cat "$err"
  exit 1
}
# wait_for WHAT COMMAND...: runs COMMAND every 50 ms until it succeeds.
wait_for() {
  local what=$1
  shift
  for _ in $(seq 400); do
    if "$@"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || fail "entente ended while waiting for $what"
    sleep 0.05
  done
  fail "timed out waiting for $what"
}
separator='==== entente: end of report ===='
reports() { grep -c -x -- "$separator" "$out" || true; }
has_reports() { [ "$(reports)" -ge "$1" ]; }
# The last complete report on standard output.
last_report() { awk -v sep="$separator" '$0 == sep { last = text; text = ""; next } { text = text $0 "\n" } END { printf "%s", last }' "$out"; }
# grep -c reads to the end: grep -q would stop early, and pipefail would count awk's SIGPIPE.
last_report_has() { last_report | grep -c -- "$1" >/dev/null; }
count() { grep -c -- "$1" "$err" || true; }
has_count() { [ "$(count "$1")" -ge "$2" ]; }
located_error() { grep -Eq 'landlord\.yaml:[0-9]+:[0-9]+: error: ' "$err"; }
stop_with() {
  kill "-$1" "$pid"
  local status=0
  wait "$pid" || status=$?
  pid=
  [ "$status" -eq 0 ] || fail "SIG$1 ended entente with exit $status, not 0"
}

agree() { sed -i '/position: tenant\/rent-cap-3/{n;s/stance: consider/stance: agree/}' "$1/landlord.yaml"; }
break_yaml() { printf 'party: landlord\nstances:\n  - position: tenant/rent-cap-3\n    stance: maybe\n' >"$1/landlord.yaml"; }

# 1. Standard output (not a terminal): one report per run, each followed by the separator.
cp -r "$scenario" "$work/stdout"
out=$work/stdout.out
err=$work/stdout.err
"$entente" report --watch "$work/stdout" --format json >"$out" 2>"$err" &
pid=$!
wait_for "the first report" has_reports 1
# The status line goes to standard error after the report: wait for it too.
wait_for "the status line" has_count 'report written; watching 3 scenario files; Ctrl-C to stop' 1
last_report_has '"landlord": "consider"' || fail "the first report lacks the landlord's stance"
[ -d "$work/stdout/.entente-cache" ] || fail "the run kept no parse cache in the watched folder"

agree "$work/stdout"  # sed -i saves by renaming a new file over the old, as many editors do
wait_for "the report after the edit" has_reports 2
last_report_has '"landlord": "agree"' || fail "the second report does not show the edit"
cp "$work/stdout/landlord.yaml" "$work/landlord-good.yaml"

break_yaml "$work/stdout"
wait_for "the error of the broken file" located_error
wait_for "the status line after the error" has_count 'report not updated (errors above)' 1
kill -0 "$pid" || fail "entente ended on a broken file"
[ "$(reports)" -eq 2 ] || fail "a broken file gave a report"

cp "$work/landlord-good.yaml" "$work/stdout/landlord.yaml"  # written in place
wait_for "the report after the fix" has_reports 3
last_report_has '"landlord": "agree"' || fail "the report after the fix is not the fixed scenario"
stop_with INT
[ "$(reports)" -eq 3 ] || fail "expected 3 reports (one per save), got $(reports)"
echo "ok: standard output shows a new report per save and the errors of a broken one"

# 2. `-o FILE`, here inside the scenario folder (that the file's own rewrites are no change is
# ScenarioWatcher's unit test OtherFilesInTheFolderAreNotChanges).
cp -r "$scenario" "$work/file"
report=$work/file/report.md
out=$report
err=$work/file.err
"$entente" report --watch "$work/file" --format md -o "$report" --stats >"$work/file.out" 2>"$err" &
pid=$!
wait_for "the first report file" has_count 'report written' 1
first=$(cat "$report")

agree "$work/file"
wait_for "the rewritten report file" has_count 'report written' 2
second=$(cat "$report")
[ "$first" != "$second" ] || fail "the report file did not change after the edit"

break_yaml "$work/file"
wait_for "the error of the broken file" located_error
kill -0 "$pid" || fail "entente ended on a broken file"
[ "$(cat "$report")" = "$second" ] || fail "a broken file changed the report file"
if ls "$work/file" | grep -q 'tmp-'; then fail "a temporary file was left behind"; fi

stop_with TERM
[ "$(count 'report written')" -eq 2 ] || fail "expected 2 runs that wrote the file, got $(count 'report written')"
[ "$(cat "$report")" = "$second" ] || fail "the last good report is gone"
[ ! -s "$work/file.out" ] || fail "-o FILE wrote to standard output"
echo "ok: -o FILE is rewritten per save and kept as it was after a broken one"
# --stats: a table after each run (the broken one's ends at its reading), none at the end.
[ "$(count 'entente: stats')" -eq 3 ] || fail "expected 3 stats tables (one per run), got $(count 'entente: stats')"
[ "$(count '  write output ')" -eq 2 ] || fail "expected the 2 good runs to show their writing"
[ "$(tail -n 1 "$err" | grep -c '  whole run ')" -eq 1 ] || fail "the last line is not the last run's total"
echo "ok: --stats prints a table per run"
