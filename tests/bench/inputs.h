#pragma once

// The inputs of the stage benchmarks: a generated scenario written to a temporary folder,
// and every intermediate value of the pipeline built from it once.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "entente/analysis.h"
#include "entente/model.h"
#include "entente/position_graph.h"
#include "entente/reports/report.h"
#include "entente/resolution.h"

namespace entente::bench {

/// What to generate: `--scenario=PARTIES,ISSUES,POSITIONS_PER_PARTY`, `--links=N` (the
/// length of the chain and of the cycle) and `--concede=PARTIES,POSITIONS_PER_PARTY` (one
/// issue) on the benchmark's command line.
struct Sizes {
  int parties = 20;
  int issues = 50;
  int positions_per_party = 100;
  int links = 20000;
  int concede_parties = 12;
  int concede_positions_per_party = 5;
  std::uint64_t seed = 2026;
};

/// Removes our own flags from argv (Google Benchmark rejects flags it does not know);
/// none when a flag is malformed.
std::optional<Sizes> take_sizes(int& argc, char** argv);

struct File {
  std::filesystem::path path{};
  std::string text{};
};

/// A scenario's files on disk and in memory, and the pipeline's values built from them.
struct Inputs {
  std::filesystem::path dir{};
  std::vector<File> files{};  ///< scenario.yaml first
  std::size_t bytes = 0;
  Scenario parsed{};  ///< parsed and merged, not validated
  Scenario scenario{};
  Resolution resolution{};  ///< the scenario's, as validate() hands it on
  std::optional<PositionGraph> graph{};
  Analysis analysis{};
  reports::Report report{};
  std::string set_change{};  ///< a valid `--set` argument for a what-if of one change
};

/// Generates the scenario of `sizes` into a fresh temporary folder and builds everything.
/// Exits with a message if the generated scenario does not load (a generator bug).
Inputs make_inputs(const Sizes& sizes);

/// A validated scenario of one chain (or cycle) of `length` conditional stances.
Scenario make_links(int length, bool cycle);

/// A validated scenario of `sizes.concede_parties` parties with
/// `sizes.concede_positions_per_party` positions each on one issue, `issue-001`.
Scenario make_concede_scenario(const Sizes& sizes);

/// Removes the temporary folder.
void remove_inputs(const Inputs& inputs);

}  // namespace entente::bench
