#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/model.h"
#include "loader/yaml_nodes.h"

namespace entente::detail {

/// Turns YAML nodes into typed values, collecting a located error for each thing that is
/// wrong instead of stopping at the first.
class SchemaReader {
 public:
  explicit SchemaReader(std::string_view file) : file_(file) {}

  SourceLocation at(const YamlNode& node) const { return {file_, node.line, node.column}; }
  void error(const YamlNode& node, std::string message);
  void warning(const YamlNode& node, std::string message);
  std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }
  bool has_errors() const;

  /// `node` as a scalar; an error naming `what` when it is not one.
  std::optional<std::string> text(const YamlNode& node, std::string_view what);
  std::optional<std::string> slug(const YamlNode& node, std::string_view what);
  std::optional<IdRef> id_ref(const YamlNode& node, std::string_view what);
  /// A `PARTY/POSITION` reference.
  std::optional<IdRef> position_ref(const YamlNode& node, std::string_view what);
  std::optional<int> integer(const YamlNode& node, std::string_view what, int min, int max);
  std::optional<bool> boolean(const YamlNode& node, std::string_view what);
  std::optional<std::string> date(const YamlNode& node, std::string_view what);
  /// The items of a list (an error and none for anything else; a null node is empty).
  const std::vector<YamlNode>* list(const YamlNode& node, std::string_view what);

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_{};
};

/// The keys of one mapping. Unknown keys are reported at once (a typo must not drop data),
/// with the closest allowed key suggested.
class Fields {
 public:
  Fields(SchemaReader& reader, const YamlNode& node, std::string_view what,
         std::initializer_list<std::string_view> allowed);

  bool ok() const { return node_ != nullptr; }
  /// The value under `key`, or null when absent or given as nothing (`key:`).
  const YamlNode* find(std::string_view key) const;
  /// Like find(), with an error when the key is missing.
  const YamlNode* require(std::string_view key);

 private:
  SchemaReader& reader_;
  const YamlNode* node_ = nullptr;
  std::string what_;
};

}  // namespace entente::detail
