#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/diagnostic.h"

namespace entente::detail {

/// A YAML node as the loader needs it: no anchors, tags or complex keys, every node located.
/// Built from yaml-cpp's parser events, never from YAML::Node trees (which accept cyclic
/// aliases and duplicate keys).
struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  bool plain = true;     ///< an unquoted scalar, so `4` and `true` may be read as typed
  std::string value{};   ///< scalar text
  int line = 0;          ///< 1-based
  int column = 0;        ///< 1-based, in bytes
  std::vector<YamlNode> items{};    ///< sequence items, or mapping values
  std::vector<YamlNode> keys{};     ///< mapping keys (scalars), parallel to `items`
};

std::string_view to_string(YamlNode::Kind kind);

struct YamlLimits {
  int max_depth = 64;
  std::size_t max_nodes = 8'000'000;
};

/// The error for a mapping key given twice, the same in YAML and JSON files.
std::string duplicate_key_message(std::string_view key, int first_line, int first_column);

/// Finds a key given twice in a mapping as it is built, key by key: by a look through the
/// keys so far, and past k_looked_through of them through an index, so that a mapping of a
/// million keys is checked in linear time. One per open mapping.
class EarlierKeys {
 public:
  /// The key of `mapping` with the text `key`, about to be added as its next key, if one
  /// before it has that text. Keys that are not scalars, and YAML's merge key `<<` (refused
  /// on their own), are not ones a later key repeats.
  const YamlNode* find(const YamlNode& mapping, const std::string& key);

 private:
  static constexpr std::size_t k_looked_through = 16;
  std::unique_ptr<std::unordered_map<std::string, std::size_t>> index_{};
};

/// Parses exactly one YAML document. Rejects anchors, aliases, explicit tags, merge keys,
/// non-scalar and duplicate keys, unterminated quotes and control characters in values.
/// An empty document gives a null node.
[[nodiscard]] Expected<YamlNode> parse_yaml(std::string_view text, std::string_view file,
                                            const YamlLimits& limits = {});

}  // namespace entente::detail
