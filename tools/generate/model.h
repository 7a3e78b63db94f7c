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

/// The scenario's `description`, in every form.
inline constexpr std::string_view k_generated_description =
    "Made by entente-generate for benchmarks and tests. Parties, positions and stances are "
    "drawn at random from the options and the seed.";

/// The id of source `index` (0-based): `source-01`, ...
std::string source_id(int index);
/// A position's reference `PARTY/POSITION`.
std::string reference(const Model& m, int position);

/// The positions and stances of each party (indices into the model), in generation order.
struct ByParty {
  std::vector<std::vector<int>> positions{}, stances{};
};
ByParty group(const Model& m);

/// The JSON files of `model` (write_json.cpp): scenario.json and one `<party>.json` each, or
/// scenario.json alone holding everything.
std::vector<GeneratedFile> json_files(const Model& model, const ByParty& by, bool single_file);

/// The files of `model` in the form `options` asks for.
GeneratedScenario write_model(const Model& model, const GeneratorOptions& options);

}  // namespace entente::generate::detail
