// Dresses the engine's explanation of one position with the report's facts (looked up by id)
// and says its status in words.
#include "entente/reports/explain.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace entente::reports {
namespace {

std::vector<SourceRow> sources_of(const Report& report, const std::vector<std::string_view>& ids) {
  std::vector<SourceRow> out;
  for (const std::string_view id : ids) {
    if (const SourceRow* row = report.find_source(id)) out.push_back(*row);
  }
  return out;
}

ExplainedStance explained_stance(const Report& report, const StanceRow& answer) {
  ExplainedStance out{.answer = answer, .sources = sources_of(report, answer.sources)};
  if (const PartyRow* party = report.find_party(answer.party)) {
    out.party_name = party->name;
  }
  if (const PositionRow* via = answer.via.empty() ? nullptr : report.find(answer.via)) {
    out.via = ViaPosition{.ref = via->ref,
                          .priority = via->priority,
                          .red_line = via->red_line,
                          .quote = std::string(via->quote),
                          .sources = sources_of(report, via->sources)};
  }
  return out;
}

// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i == 0 ? "" : i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// The verb for a list of parties as its subject: "nato considers", "nato and usa consider".
std::string_view verb(const std::vector<std::string>& subjects, std::string_view one,
                      std::string_view many) {
  return subjects.size() == 1 ? one : many;
}

std::vector<std::string> parties_with(const Explanation& e, EffectiveStance stance) {
  std::vector<std::string> out;
  for (const ExplainedStance& s : e.stances) {
    if (s.answer.stance == stance) out.emplace_back(s.answer.party);
  }
  return out;
}

// "; usa agrees; nato has not answered": the rest of the audience of an open or unanswered
// position.
std::string others_clause(const Explanation& e) {
  std::string out;
  const auto agreeing = parties_with(e, EffectiveStance::agree);
  if (!agreeing.empty()) {
    out += fmt::format("; {} {}", and_list(agreeing), verb(agreeing, "agrees", "agree"));
  }
  const auto silent = parties_with(e, EffectiveStance::silent);
  if (!silent.empty()) {
    out += fmt::format("; {} {} not answered", and_list(silent), verb(silent, "has", "have"));
  }
  return out;
}

std::string status_sentence(const Explanation& e) {
  switch (e.position.status) {
    case PositionStatus::agreed:
      return fmt::format("Agreed: every party it is addressed to agrees ({}).",
                         and_list(parties_with(e, EffectiveStance::agree)));
    case PositionStatus::sticking:
      return fmt::format("Sticking: rejected by {}.",
                         and_list(parties_with(e, EffectiveStance::reject)));
    case PositionStatus::open: {
      const auto considering = parties_with(e, EffectiveStance::consider);
      return fmt::format("Open: nobody rejects it; {} {} it{}.", and_list(considering),
                         verb(considering, "considers", "consider"), others_clause(e));
    }
    case PositionStatus::unanswered:
      return fmt::format("Unanswered: nobody rejects or considers it{}.", others_clause(e));
    case PositionStatus::superseded:
      return fmt::format(
          "Superseded: its issue '{}' is exclusive, and another of its "
          "alternatives is agreed, so it can no longer be the outcome.",
          e.position.issue);
  }
  return {};
}

// Deadlock is the test of docs/format.md 3.3: a red line, and a rejection via a red line. Both
// halves are named, so a near miss says which half is missing.
std::string deadlock_sentence(const Explanation& e) {
  if (e.position.status != PositionStatus::sticking) return {};
  std::vector<std::string> red_vias;
  for (const ExplainedStance& s : e.stances) {
    if (s.answer.stance == EffectiveStance::reject && s.via && s.via->red_line) {
      red_vias.push_back(s.via->ref);
    }
  }
  if (e.position.deadlock) {
    return fmt::format(" Deadlock: a red line rejected via the red {} {}.",
                       verb(red_vias, "line", "lines"), and_list(red_vias));
  }
  if (e.position.red_line) return " Not a deadlock: no rejection comes via a red line.";
  if (red_vias.empty()) return {};
  return fmt::format(" Not a deadlock: rejected via the red {} {}, but not a red line itself.",
                     verb(red_vias, "line", "lines"), and_list(red_vias));
}

std::string conditions_sentence(const Explanation& e) {
  std::vector<std::string> waiting, met;
  for (const ExplainedStance& s : e.stances) {
    if (!s.answer.conditional) continue;
    (s.answer.condition_met ? met : waiting).emplace_back(s.answer.party);
  }
  std::vector<std::string> clauses;
  if (!met.empty()) {
    clauses.push_back(fmt::format("{} {} because {} conditions are met", and_list(met),
                                  verb(met, "agrees", "agree"), verb(met, "its", "their")));
  }
  if (!waiting.empty()) {
    clauses.push_back(fmt::format("{} would agree once {} conditions are agreed", and_list(waiting),
                                  verb(waiting, "its", "their")));
  }
  if (clauses.empty()) return {};
  return fmt::format(" Conditional: {}.", fmt::join(clauses, "; "));
}

std::string package_sentence(const Explanation& e) {
  std::vector<std::string> others;
  for (const std::string& ref : e.package) {
    if (ref != e.position.ref) others.push_back(ref);
  }
  if (others.empty()) return {};
  return fmt::format(" In a package with {}: agreed if accepted together, never alone.",
                     and_list(others));
}

std::string reason(const Explanation& e) {
  return status_sentence(e) + deadlock_sentence(e) + conditions_sentence(e) + package_sentence(e);
}

}  // namespace

Explanation explain(const Report& report, const PositionExplanation& derived) {
  const PositionRow* row = report.find(derived.ref);
  assert(row != nullptr);
  Explanation e{.scenario_title = report.title,
                .scenario_date = report.date,
                .position = *row,
                .sources = sources_of(report, row->sources),
                .conditions = derived.conditions,
                .max_depth = derived.max_depth,
                .truncated = derived.truncated,
                .package = derived.package,
                .dependents = derived.dependents};
  if (const PartyRow* holder = report.find_party(row->party)) {
    e.holder_name = holder->name;
  }
  if (const IssueRow* issue = report.find_issue(row->issue)) {
    e.issue_title = issue->title;
  }
  for (const StanceRow& answer : row->stances) {
    e.stances.push_back(explained_stance(report, answer));
  }
  e.reason = reason(e);
  return e;
}

}  // namespace entente::reports
