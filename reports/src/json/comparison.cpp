// The what-if and diff reports as JSON, with both full reports (docs/format.md section 5:
// "baseline", "whatif" and "changes"; a diff has "old", "new" and "changes"). The text for
// a terminal is text/comparison.cpp.
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
#include <string>
#include <vector>

#include "comparison_tables.h"
#include "entente/reports/comparison.h"
#include "json/stream.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::JsonStream;

std::string from_name(const StatusChange& c) { return detail::state_word(detail::state_before(c)); }
std::string to_name(const StatusChange& c) { return detail::state_word(detail::state_after(c)); }

void stream_conditions(const std::vector<ConditionChange>& changes, JsonStream& json) {
  json.begin_array();
  for (const ConditionChange& c : changes) {
    json.begin_object().member("position", c.position).member("party", c.party);
    json.key("agree_if").strings(c.agree_if).end_object();
  }
  json.end_array();
}

void stream_edits(const Comparison& c, JsonStream& json) {
  json.begin_array();
  for (const EditChange& e : c.edits) {
    json.begin_object()
        .member("ref", e.ref)
        .member("field", e.field)
        .member("from", e.from)
        .member("to", e.to)
        .end_object();
  }
  json.end_array();
}

void stream_stances(const Comparison& c, JsonStream& json) {
  json.begin_array();
  for (const StanceMove& m : c.stances) {
    json.begin_object()
        .member("position", m.position)
        .member("party", m.party)
        .member("from", to_string(m.from))
        .member("to", to_string(m.to))
        .end_object();
  }
  json.end_array();
}

void stream_positions(const Comparison& c, JsonStream& json) {
  json.begin_array();
  for (const StatusChange& p : c.positions) {
    json.begin_object()
        .member("ref", p.ref)
        .member("from", from_name(p))
        .member("to", to_name(p))
        .member("deadlock_from", p.deadlock_from)
        .member("deadlock_to", p.deadlock_to)
        .end_object();
  }
  json.end_array();
}

void stream_packages(const std::vector<std::vector<std::string>>& packages, JsonStream& json) {
  json.begin_array();
  for (const std::vector<std::string>& package : packages) json.strings(package);
  json.end_array();
}

void stream_issues(const Comparison& c, JsonStream& json) {
  json.begin_array();
  for (const IssueChange& i : c.issues) {
    json.begin_object()
        .member("id", i.id)
        .member("from", to_string(i.from))
        .member("to", to_string(i.to))
        .end_object();
  }
  json.end_array();
}

void stream_defaults(const std::vector<DefaultChange>& defaults, JsonStream& json) {
  json.begin_array();
  for (const DefaultChange& d : defaults) {
    json.begin_object().member("issue", d.issue).member("position", d.position).end_object();
  }
  json.end_array();
}

void stream_changes(const ComparisonKind& kind, const Comparison& c, JsonStream& json) {
  json.begin_object();
  json.key(kind.kind == ComparisonKind::what_if ? "applied" : "compared").strings(kind.items);
  json.member("verdict", detail::verdict(c));
  json.key("added").strings(c.added);
  json.key("withdrawn").strings(c.withdrawn);
  stream_edits(c, json.key("edits"));
  stream_stances(c, json.key("stances"));
  stream_positions(c, json.key("positions"));
  json.key("sticking_resolved").strings(c.sticking_resolved);
  json.key("sticking_created").strings(c.sticking_created);
  json.key("deadlocks_broken").strings(c.deadlocks_broken);
  json.key("deadlocks_created").strings(c.deadlocks_created);
  stream_packages(c.packages_formed, json.key("packages_formed"));
  stream_packages(c.packages_dissolved, json.key("packages_dissolved"));
  stream_conditions(c.conditions_met, json.key("conditions_met"));
  stream_conditions(c.conditions_unmet, json.key("conditions_unmet"));
  stream_issues(c, json.key("issues"));
  json.key("still_deadlocked").strings(c.still_deadlocked);
  json.key("superseded").strings(c.superseded);  // docs/format.md 7.4
  json.key("no_longer_superseded").strings(c.no_longer_superseded);
  stream_defaults(c.defaults_appeared, json.key("defaults_appeared"));
  stream_defaults(c.defaults_gone, json.key("defaults_gone"));
  json.end_object();
}

}  // namespace

void write_comparison_json(const ComparisonKind& kind, const StreamedReport& before,
                           const StreamedReport& after, const Comparison& comparison,
                           std::ostream& out, const WriteOptions& /*options*/) {
  const bool what_if = kind.kind == ComparisonKind::what_if;
  detail::JsonStream json(out);
  // 2 since the reports inside it have `sources` and the answers' `quote`, 3 since they have
  // `weights` (report.cpp), 4 since they and the changes have docs/format.md 7's keys.
  json.begin_object().member("format", 1).member("schema_version", 4);
  json.key(what_if ? "baseline" : "old");
  detail::stream_report(before, json);
  json.key(what_if ? "whatif" : "new");
  detail::stream_report(after, json);
  stream_changes(kind, comparison, json.key("changes"));
  json.end_object();
  json.finish();
}

}  // namespace entente::reports
