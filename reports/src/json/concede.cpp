// The answer of `entente concede` as JSON (the text for a terminal is text/concede.cpp). The
// shape is a contract like the report's: keys are never renamed or given a new meaning.
//
// {
//   "schema_version": 2,        // 2: several targets, --binding, --within, positions given up
//                               // priced once, a stance's own priority
//   "target": {"id": "strike-assets", "kind": "issue" | "position", "text": "...",
//              "positions": ["ref", ...],            // sorted
//              "exclusive": bool, "status_quo": "ref" | null},  // docs/format.md 7
//   "targets": [target, ...],                         // every target, in the order given;
//                                                     // "target" is the first
//   "by": ["party", ...],                             // sorted; empty: every party may move
//   "allow_red_lines": bool,
//   "binding": bool,                                  // conditional stances bind
//   "within": 0,                                      // plans up to this much dearer listed
//   "already_agreed": bool,                           // met before any move
//   "possible": bool,
//   "cost": 8 | null,                                 // the optimum; null when impossible
//   "plans": [                                        // by cost, then moves
//     {"cost": 8,                                     // moves' own costs + given_up
//      "moves": [{"kind": "agree" | "withdraw", "party": "usa", "position": "ref",
//                 "was": "reject" | "consider" | "silent" | null,   // null for a withdrawal
//                 "via": "ref" | null,
//                 "gives_up": "ref" | null,     // its via, or the position withdrawn
//                 "basis": 1..5, "factor": 1 | 2,
//                 "red_line": bool,
//                 "cost": n}],                  // its own: basis x factor, 0 if it gives up
//      "given_up": [{"party": "usa", "position": "ref", "priority": 1..5,
//                    "doubled": bool, "red_line": bool, "cost": n}],  // each once
//      "by_party": {"usa": 8, ...},                   // what each party pays (sorted)
//      "agreed": ["ref", ...]}                        // newly agreed once the moves are made
//   ],
//   "more_plans": bool,                               // more plans in range than listed
//   "blocked": null | {                               // set exactly when impossible
//     "red_lines": [move, ...],       // the red-line moves of the cheapest relaxed plan
//     "other_parties": ["party", ...],  // parties outside "by" that plan needs
//     "cost": n | null,                 // its cost; null when contradictory
//     "contradictory": bool}            // no moves at all meet the targets together
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

constexpr int k_schema_version = 2;

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
  json.key("gives_up").string_or_null(m.gives_up);
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

void stream_target(const ConcedeTarget& t, JsonStream& json) {
  json.begin_object()
      .member("id", t.name)
      .member("kind", t.issue ? "issue" : "position")
      .member("text", t.text);
  json.key("positions").strings(t.positions);
  json.member("exclusive", t.exclusive).key("status_quo").string_or_null(t.status_quo);
  json.end_object();
}

void stream_plan(const Plan& p, JsonStream& json) {
  json.begin_object().member("cost", p.cost);
  stream_moves(p.moves, json.key("moves"));
  json.key("given_up").begin_array();
  for (const GivenUp& g : p.given_up) {
    json.begin_object()
        .member("party", g.party)
        .member("position", g.position)
        .member("priority", g.priority)
        .member("doubled", g.doubled)
        .member("red_line", g.red_line)
        .member("cost", g.cost)
        .end_object();
  }
  json.end_array().key("by_party").begin_object();
  for (const PartyCost& c : p.by_party) json.member(c.party, c.cost);
  json.end_object();
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
  json.key("cost");
  if (blocked->contradictory) {
    json.null();
  } else {
    json.value(blocked->cost);
  }
  json.member("contradictory", blocked->contradictory).end_object();
}

}  // namespace

void write_concede_json(const ConcedeResult& r, std::ostream& out) {
  JsonStream json(out);
  json.begin_object().member("schema_version", k_schema_version);
  if (r.targets.empty()) {
    json.key("target").null();
  } else {
    stream_target(r.targets.front(), json.key("target"));
  }
  json.key("targets").begin_array();
  for (const ConcedeTarget& t : r.targets) stream_target(t, json);
  json.end_array();
  json.key("by").strings(r.by);
  json.member("allow_red_lines", r.allow_red_lines)
      .member("binding", r.binding)
      .member("within", r.within)
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
