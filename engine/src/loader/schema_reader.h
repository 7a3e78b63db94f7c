#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/format_keys.h"
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
  /// As position_ref(), kept as its two names (a stance's `position:`).
  std::optional<PositionRef> stance_target(const YamlNode& node, std::string_view what);
  std::optional<int> integer(const YamlNode& node, std::string_view what, int min, int max);
  std::optional<bool> boolean(const YamlNode& node, std::string_view what);
  /// An unsigned decimal (docs/format.md 6.1), as written.
  std::optional<std::string> weight(const YamlNode& node, std::string_view what);
  std::optional<std::string> date(const YamlNode& node, std::string_view what);
  /// The items of a list (an error and none for anything else; a null node is empty).
  const std::vector<YamlNode>* list(const YamlNode& node, std::string_view what);

 private:
  bool is_position_ref(const YamlNode& node, std::string_view what, const std::string& value);

  FileName file_;  ///< interned once: at() runs for every node the model keeps
  std::vector<Diagnostic> diagnostics_{};
};

/// The keys of one mapping, a kind of item of the format (entente/format_keys.h). Keys that
/// the item does not have are reported at once (a typo must not drop data), with the closest
/// one suggested.
class Fields {
 public:
  Fields(SchemaReader& reader, const YamlNode& node, std::string_view what, const FormatItem& item);

  bool ok() const { return node_ != nullptr; }
  /// The value under `key`, one of the item's keys, or null when absent or given as nothing
  /// (`key:`).
  const YamlNode* find(std::string_view key) const;
  /// The key `key` itself as written (for an error about a value that is missing), or null.
  const YamlNode* key_node(std::string_view key) const;
  /// Like find(), with an error when the key, one the item requires, is missing.
  const YamlNode* require(std::string_view key);

 private:
  /// The item's key named `name`, if it has one.
  const FormatKey* format_key(std::string_view name) const;
  /// Where `key` stands among the mapping's keys, if it is given.
  std::optional<std::size_t> index_of(std::string_view key) const;

  SchemaReader& reader_;
  const YamlNode* node_ = nullptr;
  std::string what_;
  std::span<const FormatKey> keys_;
};

}  // namespace entente::detail
