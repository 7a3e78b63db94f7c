// The look of the HTML report: one stylesheet and the marks and colours of the four stances.
//
// The palette is safe for the common kinds of colour blindness (blue / yellow / vermilion, after
// Paul Tol and ColorBrewer's RdBu), and colour never carries meaning alone: every stance also
// has a mark (✓ ? ✗ ·) and a word, and the heat map's cells a texture that survives grey
// printing.
#include <ostream>

#include <fmt/format.h>

#include "escape.h"
#include "html/parts.h"

namespace entente::reports::detail {

std::string_view stance_class(EffectiveStance s) { return to_string(s); }

std::string_view stance_symbol(EffectiveStance s) {
  switch (s) {
    case EffectiveStance::agree:
      return "\u2713";  // ✓
    case EffectiveStance::consider:
      return "?";
    case EffectiveStance::reject:
      return "\u2717";  // ✗
    case EffectiveStance::silent:
      return "\u00b7";  // ·
  }
  return "";
}

std::string badge(std::string_view css_class, std::string_view symbol, std::string_view word) {
  return fmt::format(
      R"(<span class="badge {}"><span class="mark" aria-hidden="true">{}</span> {}</span>)",
      css_class, symbol, word);
}

std::string issue_badge(IssueStatus s) {
  switch (s) {
    case IssueStatus::deadlocked:
      return badge("deadlock", stance_symbol(EffectiveStance::reject), "deadlocked");
    case IssueStatus::contested:
      return badge("reject", stance_symbol(EffectiveStance::reject), "contested");
    case IssueStatus::open:
      return badge("consider", stance_symbol(EffectiveStance::consider), "open");
    case IssueStatus::agreed:
      return badge("agree", stance_symbol(EffectiveStance::agree), "agreed");
    case IssueStatus::conflicting:
      return badge("deadlock", "\u2260", "conflicting");
  }
  return {};
}

// The Content-Security-Policy forbids every load and every script: the page needs none, and a
// piece of markup that slipped through escaping could then still do nothing.
void write_html_head(std::ostream& out, std::string_view title, std::string_view more_css) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << R"(<meta name="viewport" content="width=device-width, initial-scale=1">)" << '\n'
      << R"(<meta http-equiv="Content-Security-Policy" content="default-src 'none'; )"
      << R"(style-src 'unsafe-inline'; img-src data:">)" << '\n'
      << "<title>" << html(title) << "</title>\n<style>" << html_stylesheet() << more_css
      << "</style>\n</head>\n<body>\n<div class=\"page\">\n";
}

void write_html_foot(std::ostream& out) {
  out << "</main>\n<footer>Written by Entente.</footer>\n</div>\n</body>\n</html>\n";
}

void write_html_card(std::ostream& out, std::string_view css_class, std::string_view mark,
                     std::size_t n, std::string_view label) {
  out << fmt::format(R"(<div class="card {}"><span class="n">{}</span><span class="label">)",
                     css_class, n);
  if (!mark.empty()) out << fmt::format(R"(<span class="mark" aria-hidden="true">{}</span>)", mark);
  out << label << "</span></div>\n";
}

std::string_view html_stylesheet() {
  return R"css(
:root {
  --ink: #1d2329; --muted: #59636e; --line: #d8dde3; --paper: #fff; --page: #f3f4f6;
  --agree: #1f5f9e; --agree-bg: #d4e6f4;
  --consider: #765900; --consider-bg: #fbe7a3;
  --reject: #a8182a; --reject-bg: #f8cbbd;
  --silent: #59636e; --silent-bg: #e8ebee;
  --deadlock: #67001f;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    "Liberation Sans", Arial, sans-serif;
}
.page { max-width: 1140px; margin: 0 auto; padding: 28px 24px 40px; }
a { color: var(--agree); }
code, .ref { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas,
  monospace; font-size: 0.86em; }
a.ref { text-decoration: none; border-bottom: 1px dotted currentColor; }
.top .kicker { margin: 0; font-size: 12px; letter-spacing: .1em; text-transform: uppercase;
  color: var(--muted); }
.top h1 { margin: 2px 0 2px; font-size: 30px; line-height: 1.2; }
.top .date { margin: 0; color: var(--muted); }
.top .description { max-width: 75ch; margin: 10px 0; }
.top .parties { margin: 6px 0 0; color: var(--muted); }
.top .parties .party { color: var(--ink); margin-right: 14px; white-space: nowrap; }
nav.toc { margin: 16px 0 0; display: flex; flex-wrap: wrap; gap: 6px; }
nav.toc a { text-decoration: none; color: var(--ink); background: var(--paper);
  border: 1px solid var(--line); border-radius: 999px; padding: 2px 12px; font-size: 13px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 24px 20px; margin: 18px 0; }
h2 { margin: 0 0 2px; font-size: 20px; }
h2 .count { display: inline-block; min-width: 1.8em; margin-left: 6px; padding: 0 8px;
  border-radius: 999px; background: var(--silent-bg); font-size: 14px; text-align: center;
  vertical-align: 2px; }
/* Line breaks written in the files are kept; the writer never adds any inside user text. */
.description, .pos .text, .pos .note, .citation blockquote { white-space: pre-line; }
.lede { margin: 0 0 14px; color: var(--muted); max-width: 90ch; }
.none { color: var(--muted); font-style: italic; margin: 0; }

.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-top: 5px solid var(--silent); border-radius: 8px;
  padding: 8px 14px 10px; }
.card .n { display: block; font-size: 30px; font-weight: 700; line-height: 1.15; }
.card .label { color: var(--muted); font-size: 13px; }
.card .mark { font-weight: 700; margin-right: 4px; }
.card.agree { border-top-color: var(--agree); } .card.agree .mark { color: var(--agree); }
.card.consider { border-top-color: #c79a00; } .card.consider .mark { color: var(--consider); }
.card.reject { border-top-color: var(--reject); } .card.reject .mark { color: var(--reject); }
.card.deadlock { border-top-color: var(--deadlock); } .card.deadlock .mark { color: var(--deadlock); }
.card.package { border-top-color: #6a3d9a; }
.bar { display: flex; height: 16px; margin: 14px 0 4px; border-radius: 8px; overflow: hidden;
  border: 1px solid var(--line); }
.bar span { display: block; height: 100%; }
.bar-caption { margin: 0; font-size: 12px; color: var(--muted); }

.scroll { overflow-x: auto; }
table.heat { border-collapse: separate; border-spacing: 3px; min-width: 100%; }
.heat th { padding: 4px 8px; font-size: 13px; font-weight: 600; text-align: left;
  color: var(--muted); vertical-align: bottom; }
.heat th.party { text-align: center; color: var(--ink); }
.heat th.party .ref { display: block; font-weight: 400; color: var(--muted); }
.heat td.issue { padding: 4px 8px; min-width: 180px; }
.heat td.issue .ref { display: block; color: var(--muted); }
.heat td.status { padding: 4px 6px; }
.heat td.cell { min-width: 96px; padding: 5px 8px; border-radius: 6px; text-align: center;
  line-height: 1.25; }
.cell .mark { display: block; font-size: 19px; font-weight: 700; }
.cell .word { font-size: 12px; }
.cell .holds { display: block; font-size: 11px; color: var(--ink); opacity: .8; }
.cell.agree { background: var(--agree-bg); color: var(--agree); }
.cell.consider { color: var(--consider); background: var(--consider-bg)
  radial-gradient(rgba(118, 89, 0, .22) 1px, transparent 1.6px) 0 0 / 7px 7px; }
.cell.reject { color: var(--reject); background: var(--reject-bg) repeating-linear-gradient(
  135deg, transparent 0 6px, rgba(168, 24, 42, .16) 6px 8px); }
.cell.silent { background: var(--silent-bg); color: var(--silent); }
.cell.none { background: #fafbfc; color: var(--muted); border: 1px dashed var(--line); }
.legend { display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 12px 0 0; padding: 0;
  list-style: none; font-size: 13px; color: var(--muted); }
.legend .swatch { display: inline-block; width: 2.2em; margin-right: 6px; border-radius: 4px;
  text-align: center; font-weight: 700; }

.badge { display: inline-block; padding: 0 9px; border: 1px solid currentColor;
  border-radius: 999px; font-size: 12px; font-weight: 600; line-height: 1.6; white-space: nowrap; }
.badge.agree { color: var(--agree); background: var(--agree-bg); }
.badge.consider { color: var(--consider); background: var(--consider-bg); }
.badge.reject { color: var(--reject); background: var(--reject-bg); }
.badge.silent { color: var(--silent); background: var(--silent-bg); }
.badge.deadlock { color: #fff; background: var(--deadlock); border-color: var(--deadlock); }

ol.cards-list { list-style: none; margin: 0; padding: 0; }
.pos { margin: 12px 0; padding: 12px 16px; border: 1px solid var(--line);
  border-left: 6px solid var(--silent); border-radius: 8px; }
.pos.agree { border-left-color: var(--agree); } .pos.consider { border-left-color: #c79a00; }
.pos.reject { border-left-color: var(--reject); } .pos.deadlock { border-left-color: var(--deadlock); }
.pos-head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
.pos-head .rank { min-width: 1.6em; font-size: 18px; font-weight: 700; color: var(--muted); }
.pos-head .ref { font-weight: 600; font-size: 14px; }
.chip { display: inline-block; padding: 0 7px; border-radius: 4px; background: var(--silent-bg);
  font-size: 12px; color: var(--ink); }
.chip.red-line { background: var(--reject); color: #fff; }
.rejected-by { margin-left: auto; font-size: 13px; color: var(--reject); }
.pos .text { margin: 8px 0 6px; font-size: 16px; max-width: 80ch; }
.pos .note { margin: 4px 0; font-size: 14px; color: var(--muted); }
.citation { margin: 8px 0; padding: 6px 12px; border-left: 3px solid var(--line);
  background: #f8f9fa; border-radius: 0 6px 6px 0; }
.citation blockquote { margin: 0; font-style: italic; }
.citation p { margin: 2px 0 0; font-size: 13px; color: var(--muted); }
.answers { margin: 8px 0 0; padding: 0; list-style: none; }
.answers li { padding: 5px 0; border-top: 1px dashed var(--line); font-size: 14px; }
.answers .party { display: inline-block; min-width: 6em; font-weight: 600; }
.answers .details { color: var(--ink); }
.answers .source { color: var(--muted); font-size: 13px; }

ol.packages { margin: 0; padding-left: 1.6em; }
ol.packages li { margin: 6px 0; }
ol.packages .plus { margin: 0 6px; color: var(--muted); }

figure.graph { margin: 0; }
.graph-box { overflow: auto; border: 1px solid var(--line); border-radius: 8px;
  background: #fff; }
.graph-box svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.zoom + label { display: inline-block; margin: 0 0 8px 4px; font-size: 13px; color: var(--muted);
  cursor: pointer; }
.zoom:checked ~ .graph-box { max-height: 85vh; }
.zoom:checked ~ .graph-box svg { max-width: none; }
.graph-missing { padding: 12px 16px; border: 1px dashed var(--reject); border-radius: 8px;
  background: #fff7f5; }
figure.graph figcaption { margin-top: 8px; font-size: 13px; color: var(--muted); }

.top .compared { margin: 6px 0 0; color: var(--muted); }
.top .compared code { color: var(--ink); }
table.changes { border-collapse: collapse; min-width: 60%; }
.changes th { padding: 4px 10px; font-size: 13px; font-weight: 600; text-align: left;
  color: var(--muted); border-bottom: 2px solid var(--line); }
.changes td { padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top;
  white-space: pre-line; }
ul.refs, ol.applied { margin: 0; padding-left: 1.4em; }
ul.refs li, ol.applied li { margin: 3px 0; }

ul.warnings { margin: 0; padding-left: 1.2em; }
ul.warnings li { margin: 4px 0; font-size: 14px; }
footer { margin: 24px 0 0; font-size: 12px; color: var(--muted); text-align: center; }

@media print {
  body { background: #fff; font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  nav.toc, .zoom, .zoom + label { display: none; }
  section { border: none; padding: 0; margin: 0 0 18pt; }
  .pos, tr, figure.graph { break-inside: avoid; }
  .graph-box { max-height: none; overflow: visible; border: none; }
  a { color: inherit; }
}
)css";
}

}  // namespace entente::reports::detail
