#include "loader/schema_reader.h"

#include <algorithm>
#include <cassert>
#include <charconv>

#include <fmt/format.h>

#include "support/spelling.h"

namespace entente::detail {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  // Digits only: from_chars would read `-001` as a year.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  int y = 0, m = 0, d = 0;
  const auto number = [&](std::size_t from, std::size_t len, int& out) {
    const auto [ptr, ec] = std::from_chars(s.data() + from, s.data() + from + len, out);
    return ec == std::errc{} && ptr == s.data() + from + len;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return false;
  constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= k_days[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
}

// How a value that has the wrong type is named in an error. A quoted `"4"` is text in YAML,
// which is not obvious when the message shows just 4, so that case says so.
std::string describe_value(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::scalar) return std::string(to_string(node.kind));
  if (node.plain) return fmt::format("'{}'", node.value);
  return fmt::format("the quoted text '{}'", node.value);
}

}  // namespace

void SchemaReader::error(const YamlNode& node, std::string message) {
  diagnostics_.push_back({at(node), Severity::error, std::move(message)});
}

void SchemaReader::warning(const YamlNode& node, std::string message) {
  diagnostics_.push_back({at(node), Severity::warning, std::move(message)});
}

bool SchemaReader::has_errors() const { return entente::has_errors(diagnostics_); }

std::optional<std::string> SchemaReader::text(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::scalar) return node.value;
  error(node, fmt::format("{} must be text, not {}", what, to_string(node.kind)));
  return std::nullopt;
}

std::optional<std::string> SchemaReader::slug(const YamlNode& node, std::string_view what) {
  auto value = text(node, what);
  if (value && !is_slug(*value)) {
    error(node, fmt::format("{} '{}' is not a valid id (use lowercase letters, digits and '-', "
                            "starting with a letter or digit)",
                            what, *value));
    return std::nullopt;
  }
  return value;
}

std::optional<IdRef> SchemaReader::id_ref(const YamlNode& node, std::string_view what) {
  auto value = slug(node, what);
  if (!value) return std::nullopt;
  return IdRef{std::move(*value), at(node)};
}

// Whether `value` is `PARTY/POSITION`, two slugs and a '/'; an error if not.
bool SchemaReader::is_position_ref(const YamlNode& node, std::string_view what,
                                   const std::string& value) {
  const auto slash = value.find('/');
  if (slash == std::string::npos || !is_slug(std::string_view(value).substr(0, slash)) ||
      !is_slug(std::string_view(value).substr(slash + 1))) {
    error(node, fmt::format("{} '{}' is not a position reference (expected PARTY/POSITION)", what,
                            value));
    return false;
  }
  return true;
}

std::optional<IdRef> SchemaReader::position_ref(const YamlNode& node, std::string_view what) {
  auto value = text(node, what);
  if (!value || !is_position_ref(node, what, *value)) return std::nullopt;
  return IdRef{std::move(*value), at(node)};
}

std::optional<PositionRef> SchemaReader::stance_target(const YamlNode& node,
                                                       std::string_view what) {
  const auto value = text(node, what);
  if (!value || !is_position_ref(node, what, *value)) return std::nullopt;
  return PositionRef(*value, at(node));
}

std::optional<int> SchemaReader::integer(const YamlNode& node, std::string_view what, int min,
                                         int max) {
  int value = 0;
  if (node.kind == YamlNode::Kind::scalar && node.plain) {
    const auto [ptr, ec] =
        std::from_chars(node.value.data(), node.value.data() + node.value.size(), value);
    if (ec == std::errc{} && ptr == node.value.data() + node.value.size() && value >= min &&
        value <= max) {
      return value;
    }
  }
  error(node, fmt::format("{} must be a whole number from {} to {}, not {}", what, min, max,
                          describe_value(node)));
  return std::nullopt;
}

std::optional<std::string> SchemaReader::weight(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::scalar && node.plain && is_unsigned_decimal(node.value)) {
    return node.value;
  }
  if (node.kind == YamlNode::Kind::scalar && !node.plain && is_unsigned_decimal(node.value)) {
    error(node, fmt::format("{} must be a number, not the quoted text '{}' (remove the quotes)",
                            what, node.value));
  } else {
    error(node, fmt::format("{} must be a number of 0 or more, such as 12, 3.5 or 1e3, not {}",
                            what, describe_value(node)));
  }
  return std::nullopt;
}

std::optional<bool> SchemaReader::boolean(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::scalar && node.plain) {
    // YAML 1.2 core schema spellings.
    for (const std::string_view t : {"true", "True", "TRUE"}) {
      if (node.value == t) return true;
    }
    for (const std::string_view f : {"false", "False", "FALSE"}) {
      if (node.value == f) return false;
    }
  }
  error(node, fmt::format("{} must be true or false, not {}", what, describe_value(node)));
  return std::nullopt;
}

std::optional<std::string> SchemaReader::date(const YamlNode& node, std::string_view what) {
  auto value = text(node, what);
  if (value && !is_iso_date(*value)) {
    error(node, fmt::format("{} '{}' is not a date (expected YYYY-MM-DD)", what, *value));
    return std::nullopt;
  }
  return value;
}

const std::vector<YamlNode>* SchemaReader::list(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::sequence) return &node.items;
  if (node.kind == YamlNode::Kind::null) return &node.items;  // `key:` with nothing: empty
  error(node, fmt::format("{} must be a list, not {}", what, to_string(node.kind)));
  return nullptr;
}

Fields::Fields(SchemaReader& reader, const YamlNode& node, std::string_view what,
               const FormatItem& item)
    : reader_(reader), what_(what), keys_(item.keys) {
  if (node.kind != YamlNode::Kind::mapping) {
    reader.error(node, fmt::format("{} must be a mapping of keys to values, not {}", what,
                                   to_string(node.kind)));
    return;
  }
  node_ = &node;
  for (const YamlNode& key : node.keys) {
    if (format_key(key.value) != nullptr) continue;
    std::vector<std::string> names;
    for (const FormatKey& k : keys_) names.emplace_back(k.name);
    reader.error(key, fmt::format("unknown key '{}' in {}{}", key.value, what,
                                  did_you_mean(key.value, names)));
  }
}

const FormatKey* Fields::format_key(std::string_view name) const {
  const auto it = std::find_if(keys_.begin(), keys_.end(),
                               [&](const FormatKey& key) { return key.name == name; });
  return it == keys_.end() ? nullptr : &*it;
}

std::optional<std::size_t> Fields::index_of(std::string_view key) const {
  if (node_ == nullptr) return std::nullopt;
  for (std::size_t i = 0; i < node_->keys.size(); ++i) {
    if (node_->keys[i].value == key) return i;
  }
  return std::nullopt;
}

const YamlNode* Fields::find(std::string_view key) const {
  assert(format_key(key) != nullptr && "a key the format's table does not list");
  const std::optional<std::size_t> i = index_of(key);
  if (!i) return nullptr;
  const YamlNode& value = node_->items[*i];
  const bool absent = value.kind == YamlNode::Kind::null && format_key(key)->nullable;
  return absent ? nullptr : &value;
}

const YamlNode* Fields::key_node(std::string_view key) const {
  const std::optional<std::size_t> i = index_of(key);
  return i ? &node_->keys[*i] : nullptr;
}

const YamlNode* Fields::require(std::string_view key) {
  assert(format_key(key) != nullptr && format_key(key)->required &&
         "a key the format's table does not require");
  const YamlNode* value = find(key);
  if (value == nullptr && node_ != nullptr) {
    reader_.error(*node_, fmt::format("{} has no '{}'", what_, key));
  }
  return value;
}

}  // namespace entente::detail
