# Sourced by run_case.sh and run_csv_case.sh: what "ends as bad input should" means.
#
# expect_located_error PLACE COMMAND...: runs COMMAND under the time and memory limits and
# checks that it exits 1 with a first line `PLACE[/FILE][:LINE:COL]: error: ...` on standard
# error and no raw escape byte there. Prints why and returns 1 when it does not; sets `first`
# to that first line. Limits: ENTENTE_HOSTILE_SECONDS (20) and ENTENTE_HOSTILE_MEMORY (bytes,
# 1 GiB, or `unlimited`).
expect_located_error() {
  local place=$1
  shift
  local limit_seconds=${ENTENTE_HOSTILE_SECONDS:-20}
  local limit_bytes=${ENTENTE_HOSTILE_MEMORY:-$((1024 * 1024 * 1024))}
  local err code escaped
  err=$(prlimit --as="$limit_bytes" timeout "$limit_seconds" "$@" 2>&1 >/dev/null)
  code=$?
  first=$(printf '%s\n' "$err" | head -n 1)
  if [ "$code" -eq 124 ]; then
    echo "FAIL: $place: no answer within ${limit_seconds}s"; return 1
  fi
  if [ "$code" -ne 1 ]; then
    echo "FAIL: $place: exit code $code, expected 1"; printf '%s\n' "$err" | head -n 5; return 1
  fi
  escaped=$(printf '%s' "$place" | sed 's/[][\.*^$/]/\\&/g')
  if ! printf '%s\n' "$first" | grep -Eq "^${escaped}(/[^:]*)?(:[0-9]+:[0-9]+)?: error: "; then
    echo "FAIL: $place: first line is not a located error:"; printf '%s\n' "$err" | head -n 5
    return 1
  fi
  if printf '%s' "$err" | LC_ALL=C grep -q $'\x1b'; then
    echo "FAIL: $place: raw escape byte on stderr"; return 1
  fi
}
