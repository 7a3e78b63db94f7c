// The answer of `entente concede` as JSON (the text for a terminal is text/concede.cpp). The
// shape is a contract like the report's: keys are never renamed or given a new meaning.
//
// {
//   "schema_version": 1,
//   "target": {"id": "strike-assets", "kind": "issue" | "position", "text": "...",
//              "positions": ["ref", ...]},           // sorted
//   "by": ["party", ...],                             // sorted; empty: every party may move
//   "allow_red_lines": bool,
//   "already_agreed": bool,                           // agreed before any move
//   "possible": bool,
//   "cost": 8 | null,                                 // the optimum; null when impossible
//   "plans": [                                        // every plan costs "cost"
//     {"cost": 8,
//      "moves": [{"kind": "agree" | "withdraw", "party": "usa", "position": "ref",
//                 "was": "reject" | "consider" | "silent" | null,   // null for a withdrawal
//                 "via": "ref" | null,
//                 "basis": 1..5, "factor": 1 | 2,   // cost = basis x factor, except that
//                 "red_line": bool, "cost": n}],    // a red-line move costs 20 flat
//      "agreed": ["ref", ...]}                        // newly agreed once the moves are made
//   ],
//   "more_plans": bool,                               // more plans of that cost than listed
//   "blocked": null | {                               // set exactly when impossible
//     "red_lines": [move, ...],       // the red-line moves of the cheapest relaxed plan
//     "other_parties": ["party", ...],  // parties outside "by" that plan needs
//     "cost": n}                        // its cost
// }
#include <optional>
#include <ostream>
#include <vector>

#include "entente/reports/concede.h"
#include "json/stream.h"
#include "report_summary.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::JsonStream;
using detail::was_name;

constexpr int k_schema_version = 1;

void stream_move(const Move& m, JsonStream& json) {
  json.begin_object()
      .member("kind", to_string(m.kind))
      .member("party", m.party)
      .member("position", m.position)
      .key("was");
  if (m.kind == MoveKind::agree)
    json.value(was_name(m));
  else
    json.null();
  json.key("via").string_or_null(m.via);
  json.member("basis", m.basis)
      .member("factor", m.factor)
      .member("red_line", m.red_line)
      .member("cost", m.cost)
      .end_object();
}

void stream_moves(const std::vector<Move>& moves, JsonStream& json) {
  json.begin_array();
  for (const Move& m : moves) stream_move(m, json);
  json.end_array();
}

void stream_target(const ConcedeResult& r, JsonStream& json) {
  json.begin_object()
      .member("id", r.target)
      .member("kind", r.issue_target ? "issue" : "position")
      .member("text", r.target_text);
  json.key("positions").strings(r.target_positions).end_object();
}

void stream_plan(const Plan& p, JsonStream& json) {
  json.begin_object().member("cost", p.cost);
  stream_moves(p.moves, json.key("moves"));
  json.key("agreed").strings(p.agreed).end_object();
}

void stream_blocked(const std::optional<Blocked>& blocked, JsonStream& json) {
  if (!blocked) {
    json.null();
    return;
  }
  json.begin_object();
  stream_moves(blocked->red_line_moves, json.key("red_lines"));
  json.key("other_parties").strings(blocked->other_parties);
  json.member("cost", blocked->cost).end_object();
}

}  // namespace

void write_concede_json(const ConcedeResult& r, std::ostream& out) {
  JsonStream json(out);
  json.begin_object().member("schema_version", k_schema_version);
  stream_target(r, json.key("target"));
  json.key("by").strings(r.by);
  json.member("allow_red_lines", r.allow_red_lines)
      .member("already_agreed", r.already_agreed)
      .member("possible", r.cost.has_value())
      .key("cost");
  if (r.cost)
    json.value(*r.cost);
  else
    json.null();
  json.key("plans").begin_array();
  for (const Plan& p : r.plans) stream_plan(p, json);
  json.end_array().member("more_plans", r.more_plans);
  stream_blocked(r.blocked, json.key("blocked"));
  json.end_object();
  json.finish();
}

}  // namespace entente::reports
