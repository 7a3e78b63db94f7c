#pragma once
// Scenarios and reports from YAML text, loaded and validated as the CLI does, for tests.

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "entente/analysis.h"
#include "entente/loader.h"
#include "entente/position_graph.h"
#include "entente/reports/report.h"

namespace entente::testing {

/// The scenario of a single-file YAML text; throws with the first diagnostic if it is invalid.
inline Scenario valid_scenario(std::string_view yaml) {
  auto parsed = parse_scenario(yaml, "t.yaml");
  if (!parsed) throw std::runtime_error(format_diagnostic(parsed.error().front()));
  auto valid = validate(std::move(*parsed));
  if (!valid) throw std::runtime_error(format_diagnostic(valid.error().front()));
  return std::move(*valid);
}

/// A scenario kept until the test program ends, since reports view its strings (a deque
/// never moves what it holds).
inline const Scenario& kept(Scenario scenario) {
  static std::deque<Scenario> all;
  return all.emplace_back(std::move(scenario));
}

/// A scenario with its analysis and its report.
struct Analysed {
  const Scenario* scenario = nullptr;
  Analysis analysis{};
  reports::Report report{};
};

inline Analysed analysed(const Scenario& scenario) {
  Analysis analysis = analyze(PositionGraph::build(scenario));
  reports::Report report = reports::make_report(scenario, analysis);
  return {&scenario, std::move(analysis), std::move(report)};
}

/// The scenario with issue i and source s whose `parties:` list is `parties`, as text.
inline std::string scenario_text(std::string_view parties) {
  return fmt::format(R"(format: 1
title: Test
date: 2026-01-01
issues: [{{id: i, title: The issue}}]
sources: [{{id: s, title: A letter, date: 2026-01-02}}]
parties:
{}
)",
                     parties);
}

inline void forget_place(IdRef& r) { r.where = {}; }
inline void forget_place(PositionRef& r) { r.where = {}; }
inline void forget_place(HeapOptional<IdRef>& r) {
  if (r) r->where = {};
}

/// The parts of a scenario that do not depend on which file said them, in a fixed order: the
/// folder and the single-file form, or a scenario and its CSV sheets, give the same.
inline Scenario without_places(Scenario s) {
  for (Party& p : s.parties) p.where = {};
  for (Issue& i : s.issues) {
    i.where = {};
    forget_place(i.status_quo);
  }
  for (Source& src : s.sources) src.where = {};
  for (Position& p : s.positions) {
    p.where = {};
    forget_place(p.issue);
    for (IdRef& r : p.sources) forget_place(r);
    for (IdRef& r : p.to) forget_place(r);
  }
  for (StanceDecl& st : s.stances) {
    st.where = {};
    forget_place(st.position);
    forget_place(st.via);
    for (IdRef& r : st.sources) forget_place(r);
    for (IdRef& r : st.agree_if) forget_place(r);
  }
  std::sort(s.positions.begin(), s.positions.end(),
            [](const Position& a, const Position& b) { return a.ref() < b.ref(); });
  std::sort(s.stances.begin(), s.stances.end(), [](const StanceDecl& a, const StanceDecl& b) {
    return std::make_tuple(a.party, a.position.text()) <
           std::make_tuple(b.party, b.position.text());
  });
  s.warnings.clear();
  return s;
}

/// That scenario, analysed and reported.
inline Analysed analysed_of(std::string_view parties) {
  return analysed(kept(valid_scenario(scenario_text(parties))));
}

/// Its report.
inline reports::Report report_of(std::string_view parties) { return analysed_of(parties).report; }

}  // namespace entente::testing
