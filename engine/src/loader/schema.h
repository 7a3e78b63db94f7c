#pragma once
// The keys of the format (docs/format.md), read from located nodes into the model: one
// definition for the YAML files (yaml_loader.cpp) and for the CSV sheets of `import`
// (csv_loader.cpp), which give each record to these as the mapping a YAML item would be.
// Only syntax and types are checked; references are validate()'s.

#include <optional>

#include "entente/model.h"
#include "loader/schema_reader.h"
#include "loader/yaml_nodes.h"

namespace entente::detail {

/// parse_scenario() with the syntax given (`json`, else YAML) rather than taken from the file
/// name: standard input has none (load_scenario_text()).
[[nodiscard]] Expected<Scenario> parse_scenario_as(std::string_view text,
                                                   std::string_view file_name, bool json);

/// `format` of `top`, which has it: the number 1, plain.
void read_format(SchemaReader& r, Fields& top, const YamlNode& root);

/// The scenario's own keys but `format`: `title` (required), `date`, `description`.
void read_scenario_keys(SchemaReader& r, Fields& top, Scenario& s);

/// An entry of `parties:`; the positions and stances it carries (the single-file form) go to
/// the end of `s`'s lists.
std::optional<Party> read_party(SchemaReader& r, const YamlNode& node, Scenario& s);
/// An entry of `issues:`.
std::optional<Issue> read_issue(SchemaReader& r, const YamlNode& node);
/// An entry of `sources:`.
std::optional<Source> read_source(SchemaReader& r, const YamlNode& node);

/// A position held by `party`.
std::optional<Position> read_position(SchemaReader& r, const YamlNode& node, Symbol party);
/// A stance taken by `party`.
std::optional<StanceDecl> read_stance(SchemaReader& r, const YamlNode& node, Symbol party);

}  // namespace entente::detail
