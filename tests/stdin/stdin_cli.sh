#!/usr/bin/env bash
# A single-file scenario piped in as `-`: the same report as from its file, errors located at
# <stdin>, the size limit, no parse cache, and the uses of `-` that cannot work refused.
# Usage: stdin_cli.sh ENTENTE SOURCE_DIR
set -euo pipefail
entente=$1
single="$2/positions/lease-renewal.yaml"
party="$2/positions/lease-renewal/landlord.yaml"
unset ENTENTE_NO_CACHE  # the cache is on, to show that standard input never gets one
export XDG_CACHE_HOME=/nonexistent/xdg  # and never in the user's folder either
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "stdin_cli: $*" >&2; exit 1; }
expect_exit() {  # CODE COMMAND...: runs it, stdout to out, stderr to err
  local want=$1 got=0
  shift
  "$@" > out 2> err || got=$?
  [ "$got" -eq "$want" ] || fail "'$*' exited $got, not $want: $(cat err)"
}

for format in text json md html dot; do
  "$entente" report "$single" --format $format --no-cache > from-file
  expect_exit 0 "$entente" report - --format $format < "$single"
  cmp -s from-file out || fail "report - --format $format differs from the report of its file"
done
"$entente" check "$single" --no-cache | sed "s|^$single:|-:|" > from-file
expect_exit 0 "$entente" check - < "$single"
cmp -s from-file out || fail "check - differs: $(cat out)"
"$entente" schema "$single" --no-cache > from-file
expect_exit 0 "$entente" schema - < "$single"
cmp -s from-file out || fail "schema - differs from the schema of its file"
expect_exit 0 "$entente" diff - "$single" --no-cache < "$single"
grep -q 'Verdict: nothing moved' out || fail "diff - FILE of the same scenario: $(head -n 3 out)"
[ -z "$(find "$work" -name .entente-cache)" ] || fail "a parse cache was written for standard input"

# --stats says that standard input is parsed without the cache.
expect_exit 0 "$entente" check - --stats < "$single"
grep -q 'parse (no parse cache)' err || fail "--stats does not say the cache is off: $(cat err)"

# Errors name <stdin> with line and column; nothing on standard output.
expect_exit 1 "$entente" report - < "$party"
# (line 1 of a shipped file names its JSON Schema, docs/schema.md)
grep -q "^<stdin>:2:1: error: unknown key 'party' in the scenario" err || fail "a party file: $(cat err)"
[ ! -s out ] || fail "a report was written for bad input"
printf 'format: 1\ntitle: [x\n' > broken.yaml
expect_exit 1 "$entente" check - < broken.yaml
grep -q '^<stdin>:3:1: error: ' err || fail "broken YAML: $(cat err)"
# An empty file, not /dev/null: where /dev/null is a regular file (as on some CI machines),
# tests running beside this one write into it.
: > empty.yaml
expect_exit 1 "$entente" check - < empty.yaml
grep -q '^<stdin>: error: the file is empty' err || fail "empty input: $(cat err)"
head -c 2000 /dev/zero | tr '\0' 'a' > big.yaml
expect_exit 1 "$entente" check - --max-file-size 1k < big.yaml
grep -q '^<stdin>: error: larger than the limit of 1024 bytes (raise it with --max-file-size)' err ||
  fail "too large: $(cat err)"

# What cannot work with standard input is a usage error.
expect_exit 2 "$entente" report --watch - < "$single"
grep -q 'needs files to watch' err || fail "--watch -: $(cat err)"
expect_exit 2 "$entente" diff - - < "$single"
grep -q 'only one of OLD and NEW' err || fail "diff - -: $(cat err)"
echo "stdin_cli: ok"
