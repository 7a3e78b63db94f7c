#pragma once

#include <string_view>

#include "entente/diagnostic.h"
#include "loader/yaml_nodes.h"

namespace entente::detail {

/// True for text with no file name (standard input) that is read as JSON: its first byte
/// past blanks and a UTF-8 byte order mark is `{`, which no block-style YAML scenario starts with.
[[nodiscard]] bool looks_like_json(std::string_view text);

/// Parses one JSON text (RFC 8259), already through check_bytes(), into the located nodes the
/// YAML reader makes: a string is a quoted scalar (`plain` false), a number, `true` or `false`
/// a plain scalar holding its text as written, `null` a null node, an array a sequence, an
/// object a mapping whose keys are quoted scalars. Lines and columns are 1-based, columns in
/// bytes. Duplicate keys, control characters from escapes and anything after the value are
/// refused; `limits` bound the depth and the number of nodes. Whitespace alone gives a null node.
[[nodiscard]] Expected<YamlNode> parse_json(std::string_view text, std::string_view file,
                                            const YamlLimits& limits = {});

}  // namespace entente::detail
