// The answer of `entente concede`, as text for a terminal or as JSON. The JSON shape is a
// contract like the report's: keys are never renamed or given a new meaning.
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
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "entente/reports/concede.h"
#include "escape.h"
#include "json/stream.h"
#include "text/style.h"

namespace entente::reports {
namespace {

using detail::JsonStream;

constexpr int k_schema_version = 1;
constexpr int k_text_width = 76;

std::string was_name(const Move& m) {
  return m.was ? std::string(to_string(*m.was)) : std::string("silent");
}

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

void write_json(const ConcedeResult& r, std::ostream& out) {
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

using detail::safe;

std::string join(const std::vector<std::string>& items) { return detail::join(items, ", "); }

// What the move gives up, and how that makes its cost.
std::string move_reason(const Move& m) {
  if (m.kind == MoveKind::withdraw) {
    return m.red_line ? "withdraws a red line"
                      : fmt::format("gives up a position of priority {}", m.basis);
  }
  if (m.red_line) return fmt::format("now {} via the red line {}", was_name(m), safe(m.via));
  std::string out =
      m.via.empty() ? fmt::format("now {}{} (basis 1)", was_name(m), m.was ? " with no via" : "")
                    : fmt::format("now {} via {} (priority {})", was_name(m), safe(m.via), m.basis);
  if (m.factor != 1) out += fmt::format(", x{} to reverse a reject", m.factor);
  return out;
}

std::string move_line(const Move& m) {
  const std::string_view verb = m.kind == MoveKind::agree ? "agrees to" : "withdraws";
  return fmt::format("{} {} {}", safe(m.party), verb, safe(m.position));
}

void write_plan(std::ostream& out, const Plan& plan, std::size_t number) {
  out << fmt::format("\nPlan {} (cost {})\n", number, plan.cost);
  for (const Move& m : plan.moves) {
    out << fmt::format("  - {}: cost {}\n      {}\n", move_line(m), m.cost, move_reason(m));
  }
  if (!plan.agreed.empty()) {
    out << fmt::format("  Agreed once made: {}\n", join(plan.agreed));
  }
}

void write_header(std::ostream& out, const ConcedeResult& r) {
  out << fmt::format("What it takes to agree on {} {}\n", r.issue_target ? "issue" : "position",
                     safe(r.target));
  if (!r.target_text.empty())
    out << "  " << detail::truncate(safe(r.target_text), k_text_width) << '\n';
  if (r.issue_target) out << fmt::format("  positions: {}\n", join(r.target_positions));
  out << fmt::format("  moves by: {}; red lines: {}\n", r.by.empty() ? "every party" : join(r.by),
                     r.allow_red_lines ? fmt::format("may be crossed (cost {})", k_red_line_cost)
                                       : std::string("kept"));
}

// The red line a blocked move would cross, and how the party stands on it.
std::string red_line_line(const Move& m) {
  if (m.kind == MoveKind::withdraw) {
    return fmt::format("{}: {} would have to withdraw it", safe(m.position), safe(m.party));
  }
  return fmt::format("{}: {} {}s {} via it", safe(m.via), safe(m.party), was_name(m),
                     safe(m.position));
}

std::string relaxed_limits(const Blocked& b) {
  if (b.other_parties.empty()) return "With --allow-red-lines";
  if (b.red_line_moves.empty()) return "With every party moving";
  return "With red lines crossed and every party moving";
}

void write_blocked(std::ostream& out, const ConcedeResult& r, const Blocked& b) {
  const std::string what =
      r.issue_target ? "every position on it agreed or withdrawn" : std::string("it agreed");
  out << fmt::format("\nImpossible: no set of moves{} makes {}{}.\n",
                     b.other_parties.empty() ? "" : " by " + join(r.by), what,
                     b.red_line_moves.empty() ? "" : " while red lines are kept");
  if (!b.red_line_moves.empty()) {
    out << "Red lines in the way:\n";
    for (const Move& m : b.red_line_moves) out << "  - " << red_line_line(m) << '\n';
  }
  if (!b.other_parties.empty()) {
    out << fmt::format("Moves by {} are needed too.\n", join(b.other_parties));
  }
  out << fmt::format("{}, the cheapest plan costs {}.\n", relaxed_limits(b), b.cost);
}

void write_text(const ConcedeResult& r, std::ostream& out) {
  write_header(out, r);
  if (r.blocked) {
    write_blocked(out, r, *r.blocked);
    return;
  }
  if (r.already_agreed) {
    out << "\nAlready agreed: no moves needed.\n";
    return;
  }
  if (*r.cost == 0) {
    out << fmt::format("\nNo moves needed: agreed once these are accepted together: {}\n",
                       join(r.plans.front().agreed));
    return;
  }
  out << fmt::format("\nCheapest: cost {}, {}{}\n", *r.cost,
                     detail::plural(r.plans.size(), "plan", "plans"),
                     r.more_plans ? " shown; more of that cost exist" : "");
  for (std::size_t i = 0; i < r.plans.size(); ++i) write_plan(out, r.plans[i], i + 1);
}

}  // namespace

void write_concede(const ConcedeResult& result, Format format, std::ostream& out,
                   const WriteOptions& /*options*/) {
  if (format == Format::json) {
    write_json(result, out);
  } else {
    write_text(result, out);
  }
}

}  // namespace entente::reports
