#pragma once

// The generator's own picture of a scenario, between drawing it and writing it as YAML.

#include <string>
#include <string_view>
#include <vector>

#include "generate/scenario_generator.h"

namespace entente::generate::detail {

struct Pos {
  int holder = 0;
  std::string id{};
  std::string issue{};
  bool demand = true;
  std::string text{};
  int priority = 3;
  bool red_line = false;
  std::vector<int> to{};  ///< party indices, sorted; empty: every other party
  int source = -1;
  std::string quote{};
  std::string note{};
};

struct StanceOut {
  int party = 0;
  int position = 0;  ///< index into Model::positions
  std::string_view stance{};
  int via = -1;                 ///< index into Model::positions
  std::vector<int> agree_if{};  ///< indices into Model::positions
  std::string note{};
  int source = -1;
};

struct Model {
  std::string title{};
  std::vector<std::string> party_ids{}, party_names{};
  std::vector<std::string> issue_ids{}, issue_titles{};
  std::vector<std::string> source_titles{}, source_dates{};
  std::vector<Pos> positions{};
  std::vector<StanceOut> stances{};
};

/// Decimal digits of n >= 0.
int digits(int n);
/// `prefix` and n, zero-padded to `width` digits.
std::string numbered(std::string_view prefix, int n, int width);

/// The files of `model` in the form `options` asks for.
GeneratedScenario write_model(const Model& model, const GeneratorOptions& options);

}  // namespace entente::generate::detail
