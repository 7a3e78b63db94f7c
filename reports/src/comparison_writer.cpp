// The what-if and diff reports: text for a terminal, JSON with both full reports (FORMAT.md
// section 5: "baseline", "whatif" and "changes"; a diff has "old", "new" and "changes").
//
// "changes": {
//   "applied": ["--drop russia/package-whole", ...],      // what-if: as given, in order
//   "compared": ["old/path", "new/path"],                 // diff, instead of "applied"
//   "verdict": "2 sticking points resolved, ...",
//   "added": [ref], "withdrawn": [ref],
//   "edits": [{"ref", "field": "text" | "priority" | "red_line" | "kind", "from", "to"}],
//   "stances": [{"position", "party", "from", "to"}],    // effective stances that moved
//   "positions": [{"ref", "from", "to", "deadlock_from", "deadlock_to"}],  // from/to: a status,
//                                                        // "withdrawn" or "new"
//   "sticking_resolved": [ref], "sticking_created": [ref],
//   "deadlocks_broken": [ref], "deadlocks_created": [ref],
//   "packages_formed": [[ref]], "packages_dissolved": [[ref]],
//   "conditions_met": [{"position", "party", "agree_if": [ref]}], "conditions_unmet": [...],
//   "issues": [{"id", "from", "to"}], "still_deadlocked": [issue id]
// }
#include <ostream>

#include <fmt/args.h>
#include <fmt/format.h>

#include "comparison_tables.h"
#include "support/terminal.h"
#include "entente/reports/comparison.h"
#include "escape.h"
#include "json_value.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::Json;

std::string from_name(const StatusChange& c) { return detail::state_word(detail::state_before(c)); }
std::string to_name(const StatusChange& c) { return detail::state_word(detail::state_after(c)); }

Json conditions_json(const std::vector<ConditionChange>& changes) {
  Json out = Json::array();
  for (const ConditionChange& c : changes) {
    out.push_back({{"position", c.position}, {"party", c.party}, {"agree_if", c.agree_if}});
  }
  return out;
}

Json edits_json(const Comparison& c) {
  Json edits = Json::array();
  for (const EditChange& e : c.edits) {
    edits.push_back({{"ref", e.ref}, {"field", e.field}, {"from", e.from}, {"to", e.to}});
  }
  return edits;
}

Json stances_json(const Comparison& c) {
  Json moves = Json::array();
  for (const StanceMove& m : c.stances) {
    moves.push_back({{"position", m.position}, {"party", m.party}, {"from", to_string(m.from)},
                     {"to", to_string(m.to)}});
  }
  return moves;
}

Json changes_json(const ComparisonKind& kind, const Comparison& c) {
  Json positions = Json::array();
  for (const StatusChange& p : c.positions) {
    positions.push_back({{"ref", p.ref}, {"from", from_name(p)}, {"to", to_name(p)},
                         {"deadlock_from", p.deadlock_from}, {"deadlock_to", p.deadlock_to}});
  }
  Json issues = Json::array();
  for (const IssueChange& i : c.issues) {
    issues.push_back({{"id", i.id}, {"from", to_string(i.from)}, {"to", to_string(i.to)}});
  }
  return {{kind.kind == ComparisonKind::what_if ? "applied" : "compared", kind.items},
          {"verdict", detail::verdict(c)},
          {"added", c.added},
          {"withdrawn", c.withdrawn},
          {"edits", edits_json(c)},
          {"stances", stances_json(c)},
          {"positions", std::move(positions)},
          {"sticking_resolved", c.sticking_resolved},
          {"sticking_created", c.sticking_created},
          {"deadlocks_broken", c.deadlocks_broken},
          {"deadlocks_created", c.deadlocks_created},
          {"packages_formed", c.packages_formed},
          {"packages_dissolved", c.packages_dissolved},
          {"conditions_met", conditions_json(c.conditions_met)},
          {"conditions_unmet", conditions_json(c.conditions_unmet)},
          {"issues", std::move(issues)},
          {"still_deadlocked", c.still_deadlocked}};
}

// Text: one section per kind of change, only those that have entries.
class TextWriter {
 public:
  TextWriter(std::ostream& out, const WriteOptions& options) : out_(out), color_(options.color) {}

  void section(std::string_view title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    out_ << '\n' << bold(fmt::format("{} ({})", title, lines.size())) << '\n';
    for (const std::string& line : lines) out_ << "  " << line << '\n';
  }
  std::string bold(std::string_view s) const {
    return color_ ? support::paint(s, support::k_bold) : std::string(s);
  }
  std::ostream& out() { return out_; }

 private:
  std::ostream& out_;
  bool color_;
};

// A table's rows as the text format's lines, made safe for a terminal.
std::vector<std::string> text_lines(const detail::ChangeTable& table) {
  std::vector<std::vector<std::string>> rows;
  std::size_t width = 0;
  for (const auto& row : table.rows) {
    std::vector<std::string>& cells = rows.emplace_back();
    for (const detail::ChangeCell& cell : row) cells.push_back(detail::cell_text(cell));
    width = std::max(width, cells.front().size());
  }
  std::vector<std::string> lines;
  for (std::vector<std::string>& cells : rows) {
    if (table.aligned) cells.front() = fmt::format("{:<{}}", cells.front(), width);
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const std::string& cell : cells) args.push_back(cell);
    lines.push_back(detail::terminal(fmt::vformat(table.line, args)));
  }
  return lines;
}

}  // namespace

void write_comparison_text(const ComparisonKind& kind, const Report& /*before*/,
                           const Report& after, const Comparison& c, std::ostream& out,
                           const WriteOptions& options) {
  TextWriter w(out, options);
  out << w.bold(detail::terminal(after.title)) << '\n';
  if (kind.kind == ComparisonKind::what_if) {
    out << "What if: " << detail::terminal(fmt::format("{}", fmt::join(kind.items, "; ")));
  } else {
    out << "Compared: " << detail::terminal(fmt::format("{}", fmt::join(kind.items, " -> ")));
  }
  out << "\nVerdict: " << detail::terminal(detail::verdict(c)) << '\n';
  for (const detail::ChangeTable& table : detail::change_tables(kind, c)) {
    w.section(table.title, text_lines(table));
  }
}

void write_comparison_json(const ComparisonKind& kind, const Report& before, const Report& after,
                           const Comparison& comparison, std::ostream& out,
                           const WriteOptions& /*options*/) {
  const bool what_if = kind.kind == ComparisonKind::what_if;
  detail::JsonStream json(out);
  json.begin_object().member("format", 1).member("schema_version", 1);
  json.key(what_if ? "baseline" : "old");
  detail::stream_report(before, json);
  json.key(what_if ? "whatif" : "new");
  detail::stream_report(after, json);
  json.member("changes", changes_json(kind, comparison)).end_object();
  json.finish();
}

}  // namespace entente::reports
