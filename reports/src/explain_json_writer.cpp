// `entente explain --format json`. Keys are never renamed or given a new meaning; new keys may
// be added, and then "schema_version" goes up.
//
// {
//   "schema_version": 1,
//   "scenario": {"title": "...", "date": "2026-03-01" | null},
//   "ref": "landlord/two-year-term",
//   "holder": {"id": "landlord", "name": "Landlord Ltd"},
//   "issue": {"id": "term", "title": "Length of the lease"},
//   "kind": "demand" | "concession", "priority": 1..5, "red_line": bool,
//   "text": "...", "quote": "..." | null, "note": "..." | null, "source": SOURCE | null,
//   "to": ["tenant"],                          // the audience, sorted
//   "status": "agreed" | "sticking" | "open" | "unanswered", "deadlock": bool,
//   "reason": "...",                           // the status in words
//   "stances": [                               // one per audience party, by party
//     {"party": "tenant", "name": "The tenant",
//      "stance": "agree" | "reject" | "consider" | "silent",   // effective (FORMAT.md 3.1, 3.2)
//      "via": {"ref": "...", "priority": 1..5, "red_line": bool, "quote": "..." | null,
//              "source": SOURCE | null} | null,
//      "agree_if": ["ref", ...], "conditional": bool, "condition_met": bool,
//      "note": "..." | null, "source": SOURCE | null}
//   ],
//   "conditions": [STANCE_NODE, ...],          // its conditional stances, by party
//   "max_depth": 12, "truncated": bool,        // levels followed; a branch stopped at the limit
//   "package": ["ref", ...],                   // itself included, sorted; [] when in none
//   "dependents": [                            // stances whose agree_if names it
//     {"party": "landlord", "position": "tenant/repairs-first", "stance": "consider",
//      "conditional": bool, "condition_met": bool, "also_waits_for": ["ref", ...]}
//   ]
// }
// SOURCE = {"id": "...", "title": "...", "date": "..." | null, "url": "..." | null}
// STANCE_NODE = {"party": "tenant", "stance": "consider", "condition_met": bool,
//                "agree_if": [CONDITION_NODE, ...]}
// CONDITION_NODE = {"ref": "...", "status": "open" | ... | null (no such position),
//                   "agreed": bool, "deadlock": bool, "conditional_by": ["party", ...],
//                   "stop": null | "cycle" | "repeat" | "depth",
//                   "stances": [STANCE_NODE, ...]}  // its conditional stances; [] when stopped
//
// Printed like the report (two-space indentation, a final newline, strings escaped in one
// place); equal explanations give equal bytes.
#include <cassert>
#include <ostream>
#include <string>
#include <vector>

#include "entente/reports/explain.h"
#include "json_value.h"

namespace entente::reports {
namespace {

using detail::Json;

constexpr int k_schema_version = 1;

Json string_or_null(std::string_view s) { return s.empty() ? Json(nullptr) : Json(s); }

Json source_json(const std::optional<SourceRow>& source) {
  if (!source) return nullptr;
  return {{"id", source->id},
          {"title", source->title},
          {"date", string_or_null(source->date)},
          {"url", string_or_null(source->url)}};
}

Json via_json(const std::optional<ViaPosition>& via) {
  if (!via) return nullptr;
  return {{"ref", via->ref},
          {"priority", via->priority},
          {"red_line", via->red_line},
          {"quote", string_or_null(via->quote)},
          {"source", source_json(via->source)}};
}

Json stance_json(const ExplainedStance& s) {
  const StanceRow& a = s.answer;
  return {{"party", a.party},
          {"name", s.party_name},
          {"stance", to_string(a.stance)},
          {"via", via_json(s.via)},
          {"agree_if", Json(a.agree_if)},
          {"conditional", a.conditional},
          {"condition_met", a.condition_met},
          {"note", string_or_null(a.note)},
          {"source", source_json(s.source)}};
}

Json node_json(const ConditionLine& line) {
  if (line.kind == ConditionLine::Kind::stance) {
    return {{"party", line.party},
            {"stance", to_string(line.stance)},
            {"condition_met", line.met},
            {"agree_if", Json::array()}};
  }
  return {{"ref", line.ref},
          {"status", line.status ? Json(to_string(*line.status)) : Json(nullptr)},
          {"agreed", line.met},
          {"deadlock", line.deadlock},
          {"conditional_by", line.conditional_by},
          {"stop", line.stop == Stop::none ? Json(nullptr) : Json(to_string(line.stop))},
          {"stances", Json::array()}};
}

// The pre-order lines nested again, without recursion: open[d] is the array that takes the
// next line of depth d. Pushing into it may move its elements, but every pointer into them
// (open[d + 1] and deeper) is dropped first.
Json conditions_json(const std::vector<ConditionLine>& lines) {
  Json root = Json::array();
  std::vector<Json*> open{&root};
  for (const ConditionLine& line : lines) {
    const auto depth = static_cast<std::size_t>(line.depth);
    assert(depth < open.size() && "a line is at most one level below the one before");
    open.resize(depth + 1);
    Json& added = open[depth]->emplace_back(node_json(line));
    open.push_back(&added[line.kind == ConditionLine::Kind::stance ? "agree_if" : "stances"]);
  }
  return root;
}

Json dependent_json(const Dependent& d) {
  return {{"party", d.party},
          {"position", d.position},
          {"stance", to_string(d.stance)},
          {"conditional", d.conditional},
          {"condition_met", d.met},
          {"also_waits_for", d.also_waits_for}};
}

Json position_json(const Explanation& e, Json json) {
  const PositionRow& row = e.position;
  json["ref"] = row.ref;
  json["holder"] = {{"id", row.party}, {"name", e.holder_name}};
  json["issue"] = {{"id", row.issue}, {"title", e.issue_title}};
  json["kind"] = to_string(row.kind);
  json["priority"] = row.priority;
  json["red_line"] = row.red_line;
  json["text"] = row.text;
  json["quote"] = string_or_null(row.quote);
  json["note"] = string_or_null(row.note);
  json["source"] = source_json(e.source);
  json["to"] = Json::array();
  for (const StanceRow& stance : row.stances) json["to"].push_back(stance.party);
  json["status"] = to_string(row.status);
  json["deadlock"] = row.deadlock;
  return json;
}

Json explanation_json(const Explanation& e) {
  Json json = {
      {"schema_version", k_schema_version},
      {"scenario", {{"title", e.scenario_title}, {"date", string_or_null(e.scenario_date)}}}};
  json = position_json(e, std::move(json));
  json["reason"] = e.reason;
  Json stances = Json::array();
  for (const ExplainedStance& s : e.stances) stances.push_back(stance_json(s));
  json["stances"] = std::move(stances);
  json["conditions"] = conditions_json(e.conditions);
  json["max_depth"] = e.max_depth;
  json["truncated"] = e.truncated;
  json["package"] = e.package;
  Json dependents = Json::array();
  for (const Dependent& d : e.dependents) dependents.push_back(dependent_json(d));
  json["dependents"] = std::move(dependents);
  return json;
}

}  // namespace

void write_explanation_json(const Explanation& explanation, std::ostream& out) {
  detail::write_json_value(explanation_json(explanation), out);
}

}  // namespace entente::reports
