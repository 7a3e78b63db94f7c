#!/usr/bin/env bash
# End-to-end timings of the performance targets (docs/performance.md), in one run, printed as the Markdown
# of docs/performance.md ("Results"): builds Release in ./build-release, generates the target
# scenario with entente-generate, times the `entente` binary against yaml-cpp alone on the
# same files, and compares each ratio with its target.
#
#   tools/bench.sh [--quick] [--runs N] [--jobs N]
#
# --quick   a scenario of 20 parties x 50 issues x 100 positions (a few seconds) instead of
#           200 x 500 x 500 (about 28 MB; several minutes)
# --runs N  runs per measurement, and turns per ratio, the median counts (default 5)
# --jobs N  build jobs (default 2)
# Times are wall-clock, output discarded into the null device (one of its own where /dev/null
# is a regular file); run it on a quiet machine. Needs /usr/bin/time (Debian `time`) and
# Google Benchmark (libbenchmark-dev), both installed by tools/build.sh --deps-only.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

quick=0
runs=5
jobs=2
while (($#)); do
  case "$1" in
    --quick) quick=1 ;;
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --jobs) jobs=${2:?--jobs needs a number}; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --runs must be a positive number" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  echo "bench.sh: /usr/bin/time not found: install Debian's 'time' (tools/build.sh --deps-only)" >&2
  exit 1
fi

if ((quick)); then parties=20 issues=50 per_party=100; else parties=200 issues=500 per_party=500; fi
links=20000
seed=6
concede_limit=120  # seconds; a concede run that takes longer is stopped and reported so
build=build-release
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

echo "bench.sh: building Release in $build" >&2
# Warnings stay warnings here: GCC 12 at -O3 reports false maybe-uninitialized positives that
# the default build (-O2) does not, and a benchmark build must not stop on them.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DENTENTE_BUILD_TESTS=OFF \
  -DENTENTE_BENCHMARKS=ON -DENTENTE_WARNINGS_AS_ERRORS=OFF "${launcher[@]}" >/dev/null
# The stage benchmarks too, so that build-release/tests/bench/entente_benchmarks times the
# same commit as the table.
if ! cmake --build "$build" -j "$jobs" \
  --target entente entente-generate entente_yaml_baseline entente_benchmarks \
  >"$build/bench-build.log" 2>&1; then
  tail -n 40 "$build/bench-build.log" >&2
  echo "bench.sh: the Release build failed (log: $build/bench-build.log)" >&2
  exit 1
fi
entente=$PWD/$build/tools/entente
generate=$PWD/$build/tools/entente-generate
baseline=$PWD/$build/tests/bench/entente_yaml_baseline

work=$PWD/$build/bench
rm -rf "$work"
mkdir -p "$work"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "bench.sh: generating the scenarios in $work" >&2
scenario=$work/scenario
"$generate" --parties "$parties" --issues "$issues" --positions-per-party "$per_party" \
  --seed "$seed" -o "$scenario" >"$tmp/generated"
"$generate" --parties 2 --issues 1 --positions-per-party 0 --chain "$links" -o "$work/chain" >/dev/null
"$generate" --parties 2 --issues 1 --positions-per-party 0 --cycle "$links" -o "$work/cycle" >/dev/null
"$generate" --parties 12 --issues 1 --positions-per-party 5 --seed "$seed" \
  -o "$work/concede" >"$tmp/concede-generated"
# Coalitions talks of 40 parties, a position each (issue 20's 40-party case).
"$generate" --parties 40 --issues 10 --positions-per-party 1 --seed "$seed" \
  -o "$work/forty" >/dev/null
input_bytes=$(cat "$scenario"/*.yaml | wc -c)
files=$(ls "$scenario"/*.yaml | wc -l)
# The same scenario as JSON files (scenario.json, <party>.json), read by RapidJSON.
scenario_json=$work/scenario-json
"$generate" --parties "$parties" --issues "$issues" --positions-per-party "$per_party" \
  --seed "$seed" --json -o "$scenario_json" >/dev/null
json_bytes=$(cat "$scenario_json"/*.json | wc -c)

# Output is discarded into the null device. Some sandboxes make /dev/null a regular file on a
# tmpfs, where "discarding" the 144 MB JSON report stores it in memory (about 50 ms of a
# run): there, a null device of our own is made beside the temporary files if we may (root),
# and the rerun is also timed into that /dev/null, as a row of its own.
sink=/dev/null
sink_note="/dev/null, the null device"
if [ ! -c /dev/null ]; then
  # (A folder mounted nodev makes the node but refuses to open it: then it is not used.)
  if mknod "$tmp/null" c 1 3 2>/dev/null && (: >"$tmp/null") 2>/dev/null; then
    sink=$tmp/null
    sink_note="a null device made by bench.sh (/dev/null here is a regular file, not the null device)"
  else
    sink_note="/dev/null, which here is a regular file, not the null device (and no other could be made)"
  fi
fi

# measure CMD...: runs CMD $runs times (stdout discarded into $sink); sets best (seconds, the
# median wall time: one slow or fast run of a VM moves it least), rss (KiB, the largest peak
# resident set) and cpu (user + system seconds, their median). `before_each` (a function
# name, or empty) runs untimed before every run, given a number no run has had before. With
# `limit` set, a run is stopped after that many seconds and best becomes "timeout".
before_each=""
limit=""
edits=0
measure() {
  best="" rss=0 cpu=0
  local i start end wall peak user sys status
  local walls=() cpus=()
  local wrap=()
  [ -z "$limit" ] || wrap=(timeout "$limit")
  for ((i = 1; i <= runs; i++)); do
    [ -z "$before_each" ] || "$before_each" "$((++edits))"
    start=$EPOCHREALTIME
    status=0
    /usr/bin/time -f '%M %U %S' -o "$tmp/time" "${wrap[@]}" "$@" >"$sink" 2>"$tmp/err" ||
      status=$?
    end=$EPOCHREALTIME
    if [ -n "$limit" ] && [ "$status" -eq 124 ]; then
      best=timeout
      return
    fi
    if [ "$status" -ne 0 ]; then
      echo "bench.sh: failed (exit $status): $*" >&2
      cat "$tmp/err" >&2
      exit 1
    fi
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
    read -r peak user sys < <(tail -n 1 "$tmp/time")
    ((peak > rss)) && rss=$peak
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
  done
  best=$(median "${walls[@]}")
  cpu=$(median "${cpus[@]}")
}

# against BASE CMD...: a ratio row's two commands, run in turns: the command in the array
# named BASE, then CMD (after `before_each`), $runs times each. The VM this runs on changes
# speed within minutes, so each ratio compares two runs made seconds apart: `paired` is the
# median of the turns' ratios CMD / BASE. Sets best, rss and cpu of CMD as measure does, and
# base, the median wall time of BASE.
against() {
  local -n base_command=$1
  shift
  local turns=$runs saved_before=$before_each i
  local times=() base_times=() cpus=() ratios=()
  local top=0
  runs=1
  for ((i = 1; i <= turns; i++)); do
    before_each=""
    measure "${base_command[@]}"
    base_times+=("$best")
    local b=$best
    before_each=$saved_before
    measure "$@"
    times+=("$best") cpus+=("$cpu")
    ((rss > top)) && top=$rss
    ratios+=("$(awk -v a="$best" -v b="$b" 'BEGIN { printf "%.6f", a / b }')")
  done
  runs=$turns
  best=$(median "${times[@]}") cpu=$(median "${cpus[@]}") rss=$top
  base=$(median "${base_times[@]}")
  paired=$(median "${ratios[@]}")
}

# median X...: the middle value (the mean of the two middle ones for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

cold=(--no-cache)  # a cold run: no parse cache read or written
yaml_alone=("$baseline" "$scenario")
cold_report=("$entente" report "$scenario" --format json "${cold[@]}")

echo "bench.sh: cold report, against yaml-cpp alone" >&2
against yaml_alone "${cold_report[@]}"
t_yaml=$base t_cold=$best rss_cold=$rss cpu_cold=$cpu r_cold=$paired

echo "bench.sh: blocs" >&2
against cold_report "$entente" blocs "$scenario" --format json "${cold[@]}"
t_blocs=$best r_blocs=$paired b_blocs=$base

echo "bench.sh: coalitions" >&2
# The first party's coalitions of two: one per other party, each focused analysis touching
# only the positions addressed to its members.
first_party=$(ls "$scenario"/*.yaml | grep -v '/scenario.yaml$' | sed -n 1p | xargs basename -s .yaml)
against cold_report "$entente" coalitions "$scenario" --size 2 --with "$first_party" \
  --top 1000 --format json "${cold[@]}"
t_coalitions=$best r_coalitions=$paired b_coalitions=$base
measure "$entente" coalitions "$work/forty" --size 2 --top 1000 --format json "${cold[@]}"
t_coalitions_forty=$best

echo "bench.sh: cold report of the JSON form" >&2
against cold_report "$entente" report "$scenario_json" --format json "${cold[@]}"
t_cold_json=$best rss_cold_json=$rss r_cold_json=$paired b_cold_json=$base

echo "bench.sh: whatif" >&2
# The first stance of the second party's file, set to its opposite: always a valid change.
party_file=$(ls "$scenario"/*.yaml | grep -v '/scenario.yaml$' | sed -n 2p)
party=$(basename "$party_file" .yaml)
stance_ref=$(awk '/^stances:/ { s = 1 } s && /^  - position: / { print $3; exit }' "$party_file")
against cold_report "$entente" whatif "$scenario" --format json \
  --set "$party:$stance_ref=silent" "${cold[@]}"
t_whatif=$best r_whatif=$paired b_whatif=$base
# The plain what-if answer is the change report (text); its JSON holds both full reports
# (docs/format.md section 5), so it is compared with a report of the same format.
report_text=("$entente" report "$scenario" "${cold[@]}")
against report_text "$entente" whatif "$scenario" --set "$party:$stance_ref=silent" "${cold[@]}"
t_whatif_text=$best t_report_text=$base r_whatif_text=$paired

echo "bench.sh: cold report on one core" >&2
against yaml_alone "${cold_report[@]}" --jobs 1
t_cold_one=$best r_cold_one=$paired b_cold_one=$base

echo "bench.sh: rerun after an edit" >&2
"$entente" report "$scenario" --format json >/dev/null  # fills a cache, if there is one
edit_party_file() {  # a content change: the first position's text gets a new first word
  sed -i "0,/^    text: /s//    text: Edit$1 /" "$party_file"
}
before_each=edit_party_file
against cold_report "$entente" report "$scenario" --format json
t_rerun=$best r_rerun=$paired b_rerun=$base
t_rerun_file=""
if [ "$sink" != /dev/null ]; then  # the same, into this machine's /dev/null (a regular file)
  saved_sink=$sink
  sink=/dev/null
  against cold_report "$entente" report "$scenario" --format json
  t_rerun_file=$best r_rerun_file=$paired b_rerun_file=$base
  sink=$saved_sink
fi
before_each=""

echo "bench.sh: stage by stage (--stats)" >&2
stages() { sed -n '/^entente: stats$/,$p' "$1"; }
"$entente" report "$scenario" --format json "${cold[@]}" --stats >"$sink" 2>"$tmp/stats-cold"
edit_party_file stats
"$entente" report "$scenario" --format json --stats >"$sink" 2>"$tmp/stats-rerun"

echo "bench.sh: chain, cycle, concede" >&2
measure "$entente" report "$work/chain" --format json "${cold[@]}"
t_chain=$best
measure "$entente" report "$work/cycle" --format json "${cold[@]}"
t_cycle=$best
limit=$concede_limit
measure "$entente" concede "$work/concede" --target issue-001 "${cold[@]}"
t_concede=$best
# Issue 21: --binding and three targets at once (two positions and the whole issue).
measure "$entente" concede "$work/concede" --target p-001/pos-0001 --target p-005/pos-0003 \
  --target issue-001 --binding "${cold[@]}"
t_concede_binding=$best
# Issue 22: deals on the same scenario (the solutions and 10 frontier points; the solutions
# only), and on the flagship.
measure "$entente" deals "$work/concede" "${cold[@]}"
t_deals=$best
measure "$entente" deals "$work/concede" --top 0 "${cold[@]}"
t_deals_solutions=$best
measure "$entente" deals positions/russia-us-nato-2022 "${cold[@]}"
t_deals_flagship=$best
limit=""

# row NAME SECONDS BASE_NAME RATIO TARGET_TEXT OK(1/0/-)
row() {
  local verdict="-"
  [ "$6" = 1 ] && verdict=PASS
  [ "$6" = 0 ] && verdict=FAIL
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$5" "$verdict"
}
# Ratios are printed with three decimals and judged unrounded: 0.154 is not "at most 0.15".
three() { awk -v r="$1" 'BEGIN { printf "%.3f", r }'; }
ratio() { three "$(awk -v a="$1" -v b="$2" 'BEGIN { print a / b }')"; }
ratio_at_most() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { print (a / b <= t) ? 1 : 0 }'; }
at_most() {
  if [ "$1" = timeout ]; then echo 0; return; fi
  awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t) ? 1 : 0 }'
}
secs() {
  if [ "$1" = timeout ]; then echo "over $concede_limit s (stopped)"; return; fi
  awk -v s="$1" 'BEGIN { printf "%.3f s", s }'
}

r_rss=$(ratio "$((rss_cold * 1024))" "$input_bytes")
r_rss_json=$(ratio "$((rss_cold_json * 1024))" "$json_bytes")
r_cpu=$(ratio "$cpu_cold" "$t_cold")
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=""
[ -z "$(git status --porcelain 2>/dev/null)" ] || dirty=" (with uncommitted changes)"
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
ram=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
compiler=$(c++ --version | head -n 1)

cat <<EOF2
Measured $(date +%Y-%m-%d) at commit $commit$dirty by \`tools/bench.sh$( ((quick)) && echo " --quick")\`; each time is the median of $runs run(s).
Each ratio is the median of $runs turns' ratios, a turn being the measured command run right after the one it is compared with.
Machine: $(nproc) cores, $cpu_model, $ram RAM; $compiler; yaml-cpp $(dpkg-query -W -f='${Version}' libyaml-cpp-dev 2>/dev/null || echo '?').
Output discarded into: $sink_note.
Scenario: \`entente-generate --parties $parties --issues $issues --positions-per-party $per_party --seed $seed\`: $(sed 's/^entente-generate: wrote //' "$tmp/generated").

| measurement | time | compared with | ratio | target | result |
|---|---|---|---|---|---|
EOF2
row "yaml-cpp alone: \`YAML::LoadFile\` on each of the $files files, one thread" "$(secs "$t_yaml")" "" "" "" "-"
row "cold \`entente report --format json --no-cache\`" "$(secs "$t_cold")" "yaml-cpp alone" "$(three "$r_cold")" "at most 0.6" "$(at_most "$r_cold" 0.6)"
row "cold \`entente report --format json --no-cache --jobs 1\`" "$(secs "$t_cold_one")" "yaml-cpp alone ($(secs "$b_cold_one"))" "$(three "$r_cold_one")" "at most 1.25" "$(at_most "$r_cold_one" 1.25)"
row "rerun after editing one party file" "$(secs "$t_rerun")" "cold report ($(secs "$b_rerun"))" "$(three "$r_rerun")" "at most 0.12" "$(at_most "$r_rerun" 0.12)"
if [ -n "$t_rerun_file" ]; then
  row "the same rerun, its output into this machine's /dev/null (a regular file)" "$(secs "$t_rerun_file")" "cold report ($(secs "$b_rerun_file"))" "$(three "$r_rerun_file")" "" "-"
fi
row "\`entente whatif\`, one \`--set\` (the change report)" "$(secs "$t_whatif_text")" "\`entente report\` (text, $(secs "$t_report_text"))" "$(three "$r_whatif_text")" "at most 1.05" "$(at_most "$r_whatif_text" 1.05)"
row "\`entente whatif --format json\`, one \`--set\` (both full reports)" "$(secs "$t_whatif")" "cold report (JSON, $(secs "$b_whatif"))" "$(three "$r_whatif")" "two reports' output" "-"
row "\`entente blocs\` on the benchmark scenario" "$(secs "$t_blocs")" "cold report ($(secs "$b_blocs"))" "$(three "$r_blocs")" "at most 1.2" "$(at_most "$r_blocs" 1.2)"
row "\`entente coalitions --size 2 --with $first_party\` on the benchmark scenario ($((parties - 1)) coalitions)" "$(secs "$t_coalitions")" "cold report ($(secs "$b_coalitions"))" "$(three "$r_coalitions")" "at most 3" "$(at_most "$r_coalitions" 3)"
row "\`entente coalitions --size 2\` on 40 parties of a position each (780 coalitions)" "$(secs "$t_coalitions_forty")" "" "" "under 1 s" "$(at_most "$t_coalitions_forty" 1)"
row "peak memory (RSS) of the cold report" "$(mb "$((rss_cold * 1024))")" "input files, $(mb "$input_bytes")" "$r_rss" "at most 3" "$(ratio_at_most "$((rss_cold * 1024))" "$input_bytes" 3)"
row "cold \`entente report --format json --no-cache\` of the same scenario as JSON files" "$(secs "$t_cold_json")" "cold report (YAML, $(secs "$b_cold_json"))" "$(three "$r_cold_json")" "" "-"
row "peak memory (RSS) of the cold report of the JSON files" "$(mb "$((rss_cold_json * 1024))")" "JSON input files, $(mb "$json_bytes")" "$r_rss_json" "at most 3" "$(ratio_at_most "$((rss_cold_json * 1024))" "$json_bytes" 3)"
row "cores used by the cold report (CPU time / wall time)" "$(secs "$cpu_cold") CPU" "wall time" "$r_cpu" "both cores where it pays" "-"
row "chain of $links conditional stances: \`entente report\`" "$(secs "$t_chain")" "" "" "under 0.5 s" "$(at_most "$t_chain" 0.5)"
row "cycle of $links conditional stances: \`entente report\`" "$(secs "$t_cycle")" "" "" "under 0.5 s" "$(at_most "$t_cycle" 0.5)"
row "\`entente concede\` on an issue of 60 positions, 12 parties" "$(secs "$t_concede")" "" "" "under 0.2 s" "$(at_most "$t_concede" 0.2)"
row "\`entente concede --binding\`, three targets (two positions and the issue), same scenario" "$(secs "$t_concede_binding")" "" "" "under 2 s" "$(at_most "$t_concede_binding" 2)"
row "\`entente deals\` (the solutions and 10 frontier points), same scenario" "$(secs "$t_deals")" "" "" "under 5 s" "$(at_most "$t_deals" 5)"
row "\`entente deals --top 0\` (the solutions only), same scenario" "$(secs "$t_deals_solutions")" "" "" "under 2 s" "$(at_most "$t_deals_solutions" 2)"
row "\`entente deals\` on the flagship" "$(secs "$t_deals_flagship")" "" "" "under 5 s" "$(at_most "$t_deals_flagship" 5)"

cat <<EOF2

Stage by stage, from \`--stats\` (one run each, after the table's runs): the cold report
(\`--no-cache\`), then a rerun after editing one party file.

\`\`\`text
$(stages "$tmp/stats-cold")

$(stages "$tmp/stats-rerun")
\`\`\`
EOF2
