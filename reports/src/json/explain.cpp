// `entente explain --format json`. Keys are never renamed or given a new meaning; new keys may
// be added, and then "schema_version" goes up.
//
// {
//   "schema_version": 2,                       // 2: `sources`, and `quote` on stances
//   "scenario": {"title": "...", "date": "2026-03-01" | null},
//   "ref": "landlord/two-year-term",
//   "holder": {"id": "landlord", "name": "Landlord Ltd"},
//   "issue": {"id": "term", "title": "Length of the lease"},
//   "kind": "demand" | "concession", "priority": 1..5, "red_line": bool,
//   "text": "...", "quote": "..." | null, "note": "..." | null, "source": SOURCE | null,
//   "sources": [SOURCE, ...],                  // every source cited; "source" is the first
//   "to": ["tenant"],                          // the audience, sorted
//   "status": "agreed" | "sticking" | "open" | "unanswered", "deadlock": bool,
//   "reason": "...",                           // the status in words
//   "stances": [                               // one per audience party, by party
//     {"party": "tenant", "name": "The tenant",
//      "stance": "agree" | "reject" | "consider" | "silent", // effective (docs/format.md 3.1, 3.2)
//      "via": {"ref": "...", "priority": 1..5, "red_line": bool, "quote": "..." | null,
//              "source": SOURCE | null, "sources": [SOURCE, ...]} | null,
//      "agree_if": ["ref", ...], "conditional": bool, "condition_met": bool,
//      "note": "..." | null, "quote": "..." | null, "source": SOURCE | null,
//      "sources": [SOURCE, ...]}
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
#include "json/stream.h"

namespace entente::reports {
namespace {

using detail::JsonStream;

constexpr int k_schema_version = 2;

void stream_source(const SourceRow& source, JsonStream& json) {
  json.begin_object().member("id", source.id).member("title", source.title);
  json.key("date").string_or_null(source.date);
  json.key("url").string_or_null(source.url);
  json.end_object();
}

// "source": the first (or null), then "sources": every one.
void stream_sources(const std::vector<SourceRow>& sources, JsonStream& json) {
  if (sources.empty()) {
    json.key("source").null();
  } else {
    stream_source(sources.front(), json.key("source"));
  }
  json.key("sources").begin_array();
  for (const SourceRow& source : sources) stream_source(source, json);
  json.end_array();
}

void stream_via(const std::optional<ViaPosition>& via, JsonStream& json) {
  if (!via) {
    json.null();
    return;
  }
  json.begin_object()
      .member("ref", via->ref)
      .member("priority", via->priority)
      .member("red_line", via->red_line);
  json.key("quote").string_or_null(via->quote);
  stream_sources(via->sources, json);
  json.end_object();
}

void stream_stance(const ExplainedStance& s, JsonStream& json) {
  const StanceRow& a = s.answer;
  json.begin_object()
      .member("party", a.party)
      .member("name", s.party_name)
      .member("stance", to_string(a.stance));
  stream_via(s.via, json.key("via"));
  json.key("agree_if").strings(a.agree_if);
  json.member("conditional", a.conditional).member("condition_met", a.condition_met);
  json.key("note").string_or_null(a.note);
  json.key("quote").string_or_null(a.quote);
  stream_sources(s.sources, json);
  json.end_object();
}

// A STANCE_NODE or a CONDITION_NODE up to its last member, the array of the nodes below it,
// which is left open for them.
void begin_node(const ConditionLine& line, JsonStream& json) {
  json.begin_object();
  if (line.kind == ConditionLine::Kind::stance) {
    json.member("party", line.party)
        .member("stance", to_string(line.stance))
        .member("condition_met", line.met)
        .key("agree_if");
  } else {
    json.member("ref", line.ref).key("status");
    if (line.status)
      json.value(to_string(*line.status));
    else
      json.null();
    json.member("agreed", line.met).member("deadlock", line.deadlock);
    json.key("conditional_by").strings(line.conditional_by).key("stop");
    if (line.stop == Stop::none)
      json.null();
    else
      json.value(to_string(line.stop));
    json.key("stances");
  }
  json.begin_array();
}

// The pre-order lines nested again: `open` nodes, those of the lines above this one, have
// their arrays open; a line of depth d closes all but d of them and opens its own.
void stream_conditions(const std::vector<ConditionLine>& lines, JsonStream& json) {
  std::size_t open = 0;
  const auto close_to = [&](std::size_t depth) {
    for (; open > depth; --open) json.end_array().end_object();
  };
  json.begin_array();
  for (const ConditionLine& line : lines) {
    const auto depth = static_cast<std::size_t>(line.depth);
    assert(depth <= open && "a line is at most one level below the one before");
    close_to(depth);
    begin_node(line, json);
    ++open;
  }
  close_to(0);
  json.end_array();
}

void stream_dependent(const Dependent& d, JsonStream& json) {
  json.begin_object()
      .member("party", d.party)
      .member("position", d.position)
      .member("stance", to_string(d.stance))
      .member("conditional", d.conditional)
      .member("condition_met", d.met);
  json.key("also_waits_for").strings(d.also_waits_for).end_object();
}

void stream_scenario(const Explanation& e, JsonStream& json) {
  json.begin_object().member("title", e.scenario_title);
  json.key("date").string_or_null(e.scenario_date).end_object();
}

// The position's facts, members of the explanation: "ref" to "deadlock".
void stream_position(const Explanation& e, JsonStream& json) {
  const PositionRow& row = e.position;
  json.member("ref", row.ref).key("holder").begin_object();
  json.member("id", row.party).member("name", e.holder_name).end_object();
  json.key("issue").begin_object();
  json.member("id", row.issue).member("title", e.issue_title).end_object();
  json.member("kind", to_string(row.kind))
      .member("priority", row.priority)
      .member("red_line", row.red_line)
      .member("text", row.text);
  json.key("quote").string_or_null(row.quote);
  json.key("note").string_or_null(row.note);
  stream_sources(e.sources, json);
  json.key("to").begin_array();
  for (const StanceRow& stance : row.stances) json.value(stance.party);
  json.end_array().member("status", to_string(row.status)).member("deadlock", row.deadlock);
}

void stream_explanation(const Explanation& e, JsonStream& json) {
  json.begin_object().member("schema_version", k_schema_version);
  stream_scenario(e, json.key("scenario"));
  stream_position(e, json);
  json.member("reason", e.reason).key("stances").begin_array();
  for (const ExplainedStance& s : e.stances) stream_stance(s, json);
  json.end_array();
  stream_conditions(e.conditions, json.key("conditions"));
  json.member("max_depth", e.max_depth).member("truncated", e.truncated);
  json.key("package").strings(e.package);
  json.key("dependents").begin_array();
  for (const Dependent& d : e.dependents) stream_dependent(d, json);
  json.end_array().end_object();
}

}  // namespace

void write_explanation_json(const Explanation& explanation, std::ostream& out) {
  JsonStream json(out);
  stream_explanation(explanation, json);
  json.finish();
}

}  // namespace entente::reports
