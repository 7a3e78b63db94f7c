#pragma once
// Scenarios and reports from YAML text, loaded and validated as the CLI does, for tests.

#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
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

/// The report of a scenario with issue i and source s, whose `parties:` list is `parties`.
/// A report views its scenario's strings, so the scenario is kept until the test program
/// ends (a deque never moves what it holds).
inline reports::Report report_of(std::string_view parties) {
  static std::deque<Scenario> kept;
  const Scenario& scenario = kept.emplace_back(valid_scenario(fmt::format(R"(format: 1
title: Test
date: 2026-01-01
issues: [{{id: i, title: The issue}}]
sources: [{{id: s, title: A letter, date: 2026-01-02}}]
parties:
{}
)",
                                                                          parties)));
  return reports::make_report(scenario, analyze(PositionGraph::build(scenario)));
}

}  // namespace entente::testing
