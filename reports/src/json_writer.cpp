// The JSON report. Its shape is a contract (FORMAT.md section 5): keys are never renamed or
// given a new meaning; new keys may be added, and then "schema_version" goes up.
//
// {
//   "format": 1,                         // the position-file format that was read
//   "schema_version": 1,                 // this shape
//   "scenario": {
//     "title": "...",
//     "parties": ["landlord", ...],      // ids, sorted
//     "issues": ["rent", ...],           // ids, sorted
//     "date": "2026-03-01" | null,
//     "description": "..." | null
//   },
//   "positions": [                       // sorted by ref
//     {
//       "ref": "landlord/rent-plus-8",
//       "party": "landlord", "issue": "rent",
//       "kind": "demand" | "concession",
//       "priority": 1..5, "red_line": bool,
//       "status": "agreed" | "sticking" | "open" | "unanswered",
//       "deadlock": bool,
//       "stances": {"tenant": "agree" | "reject" | "consider" | "silent"},  // effective (3.1, 3.2)
//       "id": "rent-plus-8", "text": "...",
//       "to": ["tenant"],                // the audience, sorted
//       "in_package": bool,
//       "source": "letter-2026-02" | null, "quote": "..." | null, "note": "..." | null,
//       "answers": [                     // the stances again, with what the files say, by party
//         {"party": "tenant", "stance": "reject", "via": "tenant/rent-freeze" | null,
//          "agree_if": ["landlord/x", ...], "conditional": bool, "condition_met": bool,
//          "note": "..." | null, "source": "..." | null}
//       ]
//     }
//   ],
//   "common_ground": ["ref", ...],       // sorted by ref
//   "bargaining_space": ["ref", ...],    // sorted by ref
//   "sticking_points": [                 // ranked (FORMAT.md 3.5)
//     {"ref": "...", "rejected_by": ["party", ...], "deadlock": bool}
//   ],
//   "packages": [["ref", ...], ...],
//   "issues": [{"id": "rent", "status": "deadlocked" | "contested" | "agreed" | "open"}],
//   "diagnostics": [
//     {"level": "warning", "file": "...", "line": 3, "column": 5, "message": "..."}
//   ]
// }
//
// Printed with two-space indentation and a final newline; equal reports give equal bytes.
#include "writers.h"

#include <cassert>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "escape.h"
#include "json_value.h"

namespace entente::reports {
namespace detail {
namespace {

constexpr int k_format = 1;
constexpr int k_schema_version = 1;

Json string_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json string_array(const std::vector<std::string>& items) {
  Json array = Json::array();
  for (const std::string& item : items) array.push_back(item);
  return array;
}

Json answer_json(const StanceRow& row) {
  return {{"party", row.party},
          {"stance", to_string(row.stance)},
          {"via", string_or_null(row.via)},
          {"agree_if", string_array(row.agree_if)},
          {"conditional", row.conditional},
          {"condition_met", row.condition_met},
          {"note", string_or_null(row.note)},
          {"source", string_or_null(row.source)}};
}

Json position_json(const PositionRow& row) {
  Json stances = Json::object();
  Json answers = Json::array();
  for (const StanceRow& stance : row.stances) {
    stances[stance.party] = to_string(stance.stance);
    answers.push_back(answer_json(stance));
  }
  return {{"ref", row.ref},
          {"party", row.party},
          {"issue", row.issue},
          {"kind", to_string(row.kind)},
          {"priority", row.priority},
          {"red_line", row.red_line},
          {"status", to_string(row.status)},
          {"deadlock", row.deadlock},
          {"stances", std::move(stances)},
          {"id", row.id},
          {"text", row.text},
          {"to", string_array(row.to)},
          {"in_package", row.in_package},
          {"source", string_or_null(row.source)},
          {"quote", string_or_null(row.quote)},
          {"note", string_or_null(row.note)},
          {"answers", std::move(answers)}};
}

Json scenario_json(const Report& report) {
  Json parties = Json::array();
  for (const PartyRow& party : report.parties) parties.push_back(party.id);
  Json issues = Json::array();
  for (const IssueRow& issue : report.issues) issues.push_back(issue.id);
  return {{"title", report.title},
          {"parties", std::move(parties)},
          {"issues", std::move(issues)},
          {"date", string_or_null(report.date)},
          {"description", string_or_null(report.description)}};
}

Json lists_json(const Report& report, Json json) {
  json["common_ground"] = string_array(report.common_ground);
  json["bargaining_space"] = string_array(report.bargaining_space);
  Json sticking = Json::array();
  for (const StickingPoint& point : report.sticking_points) {
    sticking.push_back({{"ref", point.ref},
                        {"rejected_by", string_array(point.rejected_by)},
                        {"deadlock", point.deadlock}});
  }
  json["sticking_points"] = std::move(sticking);
  Json packages = Json::array();
  for (const std::vector<std::string>& package : report.packages) {
    packages.push_back(string_array(package));
  }
  json["packages"] = std::move(packages);
  return json;
}

Json diagnostic_json(const Diagnostic& d) {
  return {{"level", to_string(d.severity)},
          {"file", d.where.file},
          {"line", d.where.line},
          {"column", d.where.column},
          {"message", d.message}};
}

}  // namespace

Json report_json(const Report& report) {
  Json json = {{"format", k_format}, {"schema_version", k_schema_version}};
  json["scenario"] = scenario_json(report);
  Json positions = Json::array();
  for (const PositionRow& row : report.positions) positions.push_back(position_json(row));
  json["positions"] = std::move(positions);
  json = lists_json(report, std::move(json));
  Json issues = Json::array();
  for (const IssueRow& issue : report.issues) {
    issues.push_back({{"id", issue.id}, {"status", to_string(issue.status)}});
  }
  json["issues"] = std::move(issues);
  Json diagnostics = Json::array();
  for (const Diagnostic& d : report.diagnostics) diagnostics.push_back(diagnostic_json(d));
  json["diagnostics"] = std::move(diagnostics);
  return json;
}

namespace {

void print(const Json& value, int indent, std::string& out);

// Printed by hand rather than by Json::dump() so that strings go through detail::json_string,
// the one escaper, and invalid UTF-8 in a file degrades to U+FFFD instead of throwing.
void print_container(const Json& value, int indent, std::string& out) {
  const bool object = value.is_object();
  out += object ? '{' : '[';
  if (value.empty()) {
    out += object ? '}' : ']';
    return;
  }
  const std::string inner(static_cast<std::size_t>(indent + 2), ' ');
  bool first = true;
  for (const auto& item : value.items()) {
    out += first ? "\n" : ",\n";
    first = false;
    out += inner;
    if (object) out += json_string(item.key()) + ": ";
    print(item.value(), indent + 2, out);
  }
  out += '\n';
  out.append(static_cast<std::size_t>(indent), ' ');
  out += object ? '}' : ']';
}

void print(const Json& value, int indent, std::string& out) {
  using Type = Json::value_t;
  switch (value.type()) {
    case Type::object:
    case Type::array:
      print_container(value, indent, out);
      return;
    case Type::string:
      out += json_string(value.get_ref<const std::string&>());
      return;
    case Type::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case Type::number_integer:
      out += fmt::format("{}", value.get<std::int64_t>());
      return;
    case Type::number_unsigned:
      out += fmt::format("{}", value.get<std::uint64_t>());
      return;
    default:
      assert(value.is_null() && "the report holds no floats or binary values");
      out += "null";
      return;
  }
}

}  // namespace

std::string print_json(const Json& value) {
  std::string text;
  print(value, 0, text);
  text += '\n';
  return text;
}

}  // namespace detail

void write_json(const Report& report, std::ostream& out) {
  out << detail::print_json(detail::report_json(report));
}

}  // namespace entente::reports
