#!/usr/bin/env bash
# The page of `entente deals --format html` in a real browser: headless Chromium opens the
# flagship's page from a file:// URL, logs no console message (the page runs no script, and
# its Content-Security-Policy would log any load it refused) and draws a page that is not
# blank; its DOM has every section and the frontier's picture, an inline SVG with one line
# per frontier point (as many as the JSON answer lists) and one of them the nash point. The
# same answer gives the same bytes. The edge cases load too: --top 0 (no picture), --score,
# six parties (labels turned), --top 3 (the nash point not among those listed), and two
# parties whose only deal is no deal (all gains 0).
#
#   tests/browser/html_deals.sh ENTENTE [OUT_DIR]
#
# OUT_DIR keeps the pages and the screenshot for a person to look at (default: a temporary
# folder). Exits 77, which CTest counts as skipped, with the reason when there is no Chromium;
# with ENTENTE_REQUIRE_BROWSER=1 (set by .ci/run, since CI must have one) that is a failure.
set -euo pipefail
entente=$1
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/browser/chromium.sh
. "$here/chromium.sh" "${2:-}"

# dom NAME WHAT: $out/NAME.dom, the DOM of $out/NAME.html, with no console message and no
# <script> element.
dom() {
  chrome --dump-dom "file://$out/$1.html" >"$out/$1.dom" 2>"$out/$1-dom.log" ||
    fail "Chromium could not load $2"
  if grep -E 'CONSOLE|Uncaught|Refused to' "$out/$1-dom.log"; then
    fail "$2 logged console messages (above)"
  fi
  if grep -qi '<script' "$out/$1.dom"; then fail "$2 has a <script> element"; fi
}
# lines NAME: how many frontier points the picture in $out/NAME.dom draws.
lines() { grep -o '<polyline class="point' "$out/$1.dom" | wc -l; }
# points ARGS...: how many frontier points the JSON answer lists.
points() {
  "$entente" deals "$@" --format json |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["deals"]["frontier"]))'
}
# nash_line ARGS...: the class of the nash point's line: "point nash" when the JSON answer
# lists it among the frontier points, else "nash-extra" (drawn dashed beside them).
nash_line() {
  "$entente" deals "$@" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)["deals"]
nash = d["solutions"]["nash"]["gains"]
print("point nash" if any(f["gains"] == nash for f in d["frontier"]) else "nash-extra")'
}

flagship=$root/positions/russia-us-nato-2022
"$entente" deals "$flagship" --format html -o "$out/deals.html"
"$entente" deals "$flagship" --format html -o "$out/deals-again.html"
cmp -s "$out/deals.html" "$out/deals-again.html" || fail "two runs wrote different pages"

chrome --screenshot="$out/deals.png" --window-size=1280,2400 "file://$out/deals.html" \
  >"$out/deals-screenshot.log" 2>&1 ||
  fail "Chromium could not take a screenshot of the deals page: $(tail -5 "$out/deals-screenshot.log")"
if grep -E 'CONSOLE|Uncaught|Refused to' "$out/deals-screenshot.log"; then
  fail "the deals page logged console messages (above)"
fi
read -r colours ink < <(python3 "$here/png_stats.py" "$out/deals.png")
echo "screenshot $out/deals.png: $colours colours, $ink% of pixels not white"
[ "$colours" -ge 64 ] && [ "$ink" -ge 20 ] || fail "the screenshot of the deals page looks blank"

dom deals "the deals page"
for section in nash solutions frontier blocked; do
  grep -q "<section id=\"$section\">" "$out/deals.dom" || fail "no '$section' section in the DOM"
done
grep -q '<svg' "$out/deals.dom" || fail "the frontier has no picture"
grep -q '<title id="frontier-title">' "$out/deals.dom" || fail "the picture has no <title>"
grep -q '<desc id="frontier-desc">' "$out/deals.dom" || fail "the picture has no <desc>"
want=$(points "$flagship")
[ "$want" -gt 0 ] || fail "the flagship's JSON answer lists no frontier point"
[ "$(lines deals)" -eq "$want" ] ||
  fail "the picture draws $(lines deals) lines for $want frontier points"
[ "$(grep -o '<td class="refs">' "$out/deals.dom" | wc -l)" -eq "$want" ] ||
  fail "the frontier table does not have a row per frontier point"
nash=$(nash_line "$flagship")
[ "$(grep -o "<polyline class=\"$nash\"" "$out/deals.dom" | wc -l)" -eq 1 ] ||
  fail "the picture does not draw the nash point as one line of class '$nash'"

# --top 0: the section says none are listed, and there is no picture.
"$entente" deals "$flagship" --top 0 --format html -o "$out/deals-top0.html"
dom deals-top0 "the deals page with --top 0"
grep -q '<section id="frontier">' "$out/deals-top0.dom" || fail "--top 0: no frontier section"
grep -q 'None listed' "$out/deals-top0.dom" || fail "--top 0: the page does not say none are listed"
if grep -q '<polyline' "$out/deals-top0.dom"; then fail "--top 0: the page draws frontier lines"; fi

# --score: a deal that is not feasible, judged in its own section.
"$entente" deals "$flagship" --score russia/no-nato-enlargement --format html \
  -o "$out/deals-score.html"
dom deals-score "the deals page with --score"
grep -q '<section id="score">' "$out/deals-score.dom" || fail "--score: no score section"
grep -q 'not feasible' "$out/deals-score.dom" || fail "--score: the deal is not called not feasible"

# Six parties, some ids too wide to stand level under their axes.
council=$root/positions/city-council
"$entente" deals "$council" --format html -o "$out/deals-council.html"
dom deals-council "the council's deals page"
want=$(points "$council")
[ "$(lines deals-council)" -eq "$want" ] ||
  fail "the council's picture draws $(lines deals-council) lines for $want frontier points"

# --top 3 stops before the flagship's nash point (the 9th today): the picture draws it dashed
# beside the three.
"$entente" deals "$flagship" --top 3 --format html -o "$out/deals-top3.html"
dom deals-top3 "the deals page with --top 3"
[ "$(lines deals-top3)" -eq 3 ] || fail "--top 3: the picture draws $(lines deals-top3) lines"
nash=$(nash_line "$flagship" --top 3)
[ "$(grep -o "<polyline class=\"$nash\"" "$out/deals-top3.dom" | wc -l)" -eq 1 ] ||
  fail "--top 3: the picture does not draw the nash point as one line of class '$nash'"

# No deal beats no deal: with only nato and usa, the one frontier point is the empty deal and
# every gain is 0 (the picture's scale must not divide by zero).
"$entente" deals "$flagship" --parties nato,usa --format html -o "$out/deals-none.html"
dom deals-none "the deals page of no deal"
grep -q 'No deal: nothing is agreed' "$out/deals-none.dom" || fail "no deal: the page does not say so"
[ "$(lines deals-none)" -eq "$(points "$flagship" --parties nato,usa)" ] ||
  fail "no deal: the picture does not draw a line per frontier point"
if grep -Eq ' (points|x[12]?|y[12]?|c[xy]|width|height|viewBox)="[^"]*(nan|inf)' "$out/deals-none.dom"; then
  fail "no deal: the picture has a coordinate that is not a number"
fi

echo "PASS: the deals pages load in $("$browser" --version 2>/dev/null | head -1)"
