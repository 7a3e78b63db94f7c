#pragma once

// Synthetic scenarios of any size for benchmarks and tests (`entente-generate`). The output
// follows docs/format.md section 1 and depends only on the options: the same seed gives the
// same bytes on every platform.

#include <cstdint>
#include <string>
#include <vector>

namespace entente::generate {

struct GeneratorOptions {
  int parties = 3;
  int issues = 5;
  int positions_per_party = 10;
  /// Parties each position is addressed to (`to:`); 0, or parties - 1 or more, means every
  /// other party (no `to:` key).
  int audience = 3;
  double answer_rate = 0.53;  ///< share of audience parties that state a stance
  double conditional = 0.1;   ///< share of stances that carry `agree_if`
  double red_lines = 0.05;    ///< share of positions that are red lines
  /// A chain of this many positions on issue `chain`, each agreed only once the next is; the
  /// last is agreed outright, so the least fixpoint agrees all of them.
  int chain = 0;
  /// A cycle of this many positions on issue `cycle`, each agreed only once the next is (the
  /// last waits for the first): one package, none agreed.
  int cycle = 0;
  std::uint64_t seed = 1;
  bool single_file = false;
  bool json = false;  ///< JSON files (scenario.json, `<party>.json`) instead of YAML
};

/// One output file: a name relative to the output folder (or the single file's name).
struct GeneratedFile {
  std::string name{};
  std::string text{};
};

struct GeneratedScenario {
  std::vector<GeneratedFile> files{};  ///< folder form: scenario.yaml first, then parties
  std::size_t positions = 0;
  std::size_t stances = 0;
  std::size_t conditional_stances = 0;
  std::size_t bytes = 0;
};

/// The scenario `options` describe. Options must be in range (parties >= 1, issues >= 1,
/// rates in [0, 1], parties >= 2 for a chain or cycle); the CLI checks them.
GeneratedScenario generate_scenario(const GeneratorOptions& options);

/// The id of party `index` (0-based), as the generator writes it: `p-001`, ...
std::string party_id(int index, int parties);

/// The id of chain or cycle step `step` (1-based), as the generator writes it.
std::string chain_id(int step, int length);
std::string cycle_id(int step, int length);

}  // namespace entente::generate
