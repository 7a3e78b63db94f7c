#!/usr/bin/env bash
# JSON input (docs/format.md 1, "JSON input"): every shipped scenario and a generated one,
# written as JSON, give the report of their YAML form byte for byte, in every format; the
# YAML flow-size guard does not apply to a JSON file, and still applies to YAML.
# The shipped YAML is converted by an independent reader, npm `yaml` with YAML 1.2's core
# schema (tests/schema/yaml_to_json.js, installed by the fixture `schema.node-tools`).
# Usage: json_input.sh ENTENTE ENTENTE_GENERATE NODE_TOOLS SOURCE_DIR
set -euo pipefail
entente=$1
generate=$2
node_modules=$3/node_modules
root=$4
export ENTENTE_NO_CACHE=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "json_input: $*" >&2; exit 1; }
formats=(text md html json dot csv)

# Runs `report` on scenario NAME in folders yaml/ and json/ (the same argument in both, so
# that nothing but the input's syntax differs) and compares every format.
same_reports() {
  local name=$1 json_name=${2:-$1}
  for format in "${formats[@]}"; do
    (cd "$work/yaml" && "$entente" report "$name" --format "$format") > "$work/from-yaml" \
      || fail "$name: the YAML form does not load"
    (cd "$work/json" && "$entente" report "$json_name" --format "$format") > "$work/from-json" \
      2> "$work/err" || fail "$json_name: the JSON form does not load: $(head -n 3 "$work/err")"
    cmp -s "$work/from-yaml" "$work/from-json" \
      || fail "$json_name: --format $format differs from the YAML form's: $(diff "$work/from-yaml" "$work/from-json" | head -n 5)"
  done
  echo "ok: $json_name gives the report of $name in ${formats[*]}"
}

# Every shipped scenario, folder and single file: each .yaml becomes a .json of the same stem.
mkdir -p "$work/yaml" "$work/json"
list=$work/list
: > "$list"
for path in "$root"/positions/*; do
  name=$(basename "$path")
  if [ -d "$path" ]; then
    cp -r "$path" "$work/yaml/$name"
    mkdir -p "$work/json/$name"
    for file in "$path"/*.yaml; do
      printf '%s\t%s\n' "$file" "$work/json/$name/$(basename "$file" .yaml).json" >> "$list"
    done
  elif [ "${path%.yaml}" != "$path" ]; then
    cp "$path" "$work/yaml/$name"
    printf '%s\t%s\n' "$path" "$work/json/${name%.yaml}.json" >> "$list"
  fi
done
node "$root/tests/schema/yaml_to_json.js" "$node_modules" "$list"
if ls "$work"/json/*.error "$work"/json/*/*.error > /dev/null 2>&1; then
  fail "a shipped file does not convert: $(cat "$work"/json/*.error "$work"/json/*/*.error)"
fi
ls "$work/json/russia-us-nato-2022/scenario.json" > /dev/null || fail "the flagship was not converted"
for path in "$work"/yaml/*; do
  name=$(basename "$path")
  if [ -d "$path" ]; then same_reports "$name"; else same_reports "$name" "${name%.yaml}.json"; fi
done

# A generated scenario of the benchmark's shape (small): entente-generate --json against its
# YAML, folder and single file, and against the YAML converted by npm `yaml`.
shape=(--parties 6 --issues 12 --positions-per-party 40 --seed 6)
"$generate" "${shape[@]}" -o "$work/yaml/gen" > /dev/null
"$generate" "${shape[@]}" --json -o "$work/json/gen" > /dev/null
[ -f "$work/json/gen/scenario.json" ] && [ -f "$work/json/gen/p-001.json" ] \
  || fail "entente-generate --json wrote no scenario.json and party files: $(ls "$work/json/gen")"
[ -z "$(find "$work/json/gen" -name '*.yaml')" ] || fail "entente-generate --json wrote YAML"
same_reports gen
"$generate" "${shape[@]}" --single-file -o "$work/yaml/gen.yaml" > /dev/null
"$generate" "${shape[@]}" --json --single-file -o "$work/json/gen.json" > /dev/null
same_reports gen.yaml gen.json
mkdir -p "$work/json/gen-converted"
: > "$list"
for file in "$work"/yaml/gen/*.yaml; do
  printf '%s\t%s\n' "$file" "$work/json/gen-converted/$(basename "$file" .yaml).json" >> "$list"
done
node "$root/tests/schema/yaml_to_json.js" "$node_modules" "$list"
same_reports gen gen-converted

# Standard input that starts with '{' is JSON.
for format in "${formats[@]}"; do
  (cd "$work/json" && "$entente" report gen.json --format "$format") > "$work/from-file"
  "$entente" report - --format "$format" < "$work/json/gen.json" > "$work/from-stdin" \
    || fail "report - of JSON fails"
  cmp -s "$work/from-file" "$work/from-stdin" || fail "report - --format $format of JSON differs"
done
echo "ok: JSON on standard input gives the report of its file"

# One JSON file of more than 256 KiB, all of it one object: accepted. The same bytes named
# .yaml are YAML's flow mapping, which the flow-size guard still refuses.
"$generate" --parties 4 --issues 20 --positions-per-party 600 --seed 2 --json --single-file \
  -o "$work/big.json" > /dev/null
size=$(stat -c %s "$work/big.json")
[ "$size" -gt $((256 << 10)) ] || fail "big.json is only $size bytes"
"$entente" check "$work/big.json" > "$work/out" 2>&1 || fail "a $size-byte JSON file is refused: $(head -n 3 "$work/out")"
cp "$work/big.json" "$work/big.yaml"
code=0
"$entente" check "$work/big.yaml" > "$work/out" 2>&1 || code=$?
[ "$code" -eq 1 ] || fail "a $size-byte flow mapping in a .yaml file exits $code, not 1"
grep -q "^$work/big.yaml:1:1: error: a \[...\] or {...} collection longer than 256 KiB" "$work/out" \
  || fail "the .yaml flow mapping is refused for another reason: $(head -n 3 "$work/out")"
echo "ok: a $size-byte JSON file is read; the same as .yaml is refused by the flow guard"
