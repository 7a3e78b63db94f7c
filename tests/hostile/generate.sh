#!/usr/bin/env bash
# Writes the hostile inputs too large or too special to keep in git into folder $1:
# megabytes of nesting and flow lists, a file over the size cap, a FIFO, a directory, and
# CSV sheets of millions of fields or records (csv/).
set -eu  # no pipefail: `yes | head` ends yes with SIGPIPE
out=$1
rm -rf "$out"
mkdir -p "$out"
repeat() { head -c "$2" /dev/zero | tr '\0' "$1"; }  # a byte, N times

repeat '[' $((10 << 20)) > "$out/g01-deep-flow-10m.yaml"
{ printf 'format: 1\ntitle: x\nparties: '; repeat '{' $((1 << 20)); } > "$out/g02-deep-map-1m.yaml"
{ printf 'format: 1\ntitle: x\nparties: ['; yes '1,' | head -n $((2 << 20)) | tr -d '\n'; printf '1]\n'; } \
  > "$out/g03-long-flow-list.yaml"
{ printf 'format: 1\ntitle: x\nparties: []\nissues: []\nnotes: '; repeat 'a' $((3 << 20)); printf '\n'; } \
  > "$out/g04-huge-scalar-under-unknown-key.yaml"
{ printf 'format: 1\ntitle: x\nparties:\n'; yes '  - 1' | head -n $((680 << 10)); } > "$out/g05-long-block-list-under-cap.yaml"
{ printf 'format: 1\ntitle: x\nparties: []\nissues: []\n'; repeat '#' $((5 << 20)); } > "$out/g06-over-size-cap.yaml"
{ printf 'format: 1\ntitle: "'; repeat 'a' $((1 << 20)); printf '\n'; } > "$out/g07-unterminated-long-quote.yaml"
{ printf 'format: 1\ntitle: x\nparties: []\nissues: []\nk: '; repeat 'k' 5000; printf ': v\n'; } \
  > "$out/g08-long-implicit-key.yaml"
# Text holding ': ' (quoting it is suggested), a megabyte long and continued over 200,000 lines.
{ printf 'format: 1\ntitle: a: '; repeat 'a' $((1 << 20)); printf '\n'; yes '  more text' | head -n $((200 << 10)); } \
  > "$out/g13-colon-in-long-text.yaml"
# JSON (read by RapidJSON, no flow guard): 100,000 nested arrays, and 4 MB of one array of
# numbers just under the size cap (2,000,000 values; the node limit is not reached, the
# schema refuses it).
repeat '[' 100000 > "$out/g14-json-deep-100k.json"
{ printf '['; yes '1,' | head -n 1999999 | tr -d '\n'; printf '1]\n'; } > "$out/g15-json-long-number-list.json"
{ printf '{"format": 1, "title": "x", "parties": [], "issues": [], "notes": ['; yes '{"a": [1, 2, {"b": null}]},' | head -n 120000 | tr -d '\n'; printf '{}]}\n'; } \
  > "$out/g16-json-many-objects-under-unknown-key.json"
# Billion laughs: nine levels of nine aliases.
{
  printf 'format: 1\ntitle: x\nparties: []\nissues: []\na0: &a0 [lol]\n'
  for i in 1 2 3 4 5 6 7 8 9; do
    p=$((i - 1))
    printf 'a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' $i $i $p $p $p $p $p $p $p $p $p
  done
} > "$out/g09-billion-laughs.yaml"
mkfifo "$out/g10-fifo.yaml"
mkdir "$out/g11-directory.yaml"
# A folder scenario whose party file is a FIFO: must not block.
mkdir "$out/g12-folder-with-fifo"
printf 'format: 1\ntitle: x\nparties: [{id: a}]\nissues: []\n' > "$out/g12-folder-with-fifo/scenario.yaml"
mkfifo "$out/g12-folder-with-fifo/a.yaml"
# CSV sheets for `import csv` (run_csv_case.sh): 4 MiB of commas in one record, a quote
# opened and never closed over 3 MiB, and 600,000 records of the wrong width.
mkdir "$out/csv"
{ printf 'party,position,stance\r\n'; repeat ',' $(((4 << 20) - 64)); } > "$out/csv/stances-4m-commas.csv"
{ printf 'party,id,issue,kind,text\r\nlandlord,x,rent,demand,"'; repeat 'a' $((3 << 20)); } \
  > "$out/csv/positions-3m-open-quote.csv"
{ printf 'id,title\r\n'; yes 'x' | head -n 600000; } > "$out/csv/issues-600k-narrow-records.csv"
