#include "loader/yaml_nodes.h"

#include <cctype>
#include <memory>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>    // DeepRecursion
#include <yaml-cpp/eventhandler.h>  // not pulled in by yaml.h
#include <yaml-cpp/yaml.h>

#include "loader/byte_checks.h"
#include "loader/flow_scan.h"

namespace entente::detail {
namespace {

// Thrown from inside yaml-cpp's callbacks to stop at once when going on would cost
// unbounded time or memory; everything else is collected and parsing goes on.
struct Fatal {
  Diagnostic diagnostic;
};

// `<<: *base`, YAML's merge key, which the loader refuses.
bool is_merge_key(const YamlNode& key) { return key.plain && key.value == "<<"; }

// yaml-cpp resolves `!!str` to its full name; messages show it as the user wrote it.
std::string written_tag(const std::string& tag) {
  constexpr std::string_view k_core = "tag:yaml.org,2002:";
  return tag.starts_with(k_core) ? "!!" + tag.substr(k_core.size()) : tag;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, std::string_view file, const YamlLimits& limits)
      : text_(text), file_(file), limits_(limits) {}

  YamlNode take_root() { return std::move(root_); }
  std::vector<Diagnostic> take_errors() { return std::move(errors_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    add(make(YamlNode::Kind::null, mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    error(mark, "aliases (*name) are not supported; write the value out");
    add(make(YamlNode::Kind::null, mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    if (tag != "?" && tag != "!") {
      error(mark, fmt::format("tags ({}) are not supported", written_tag(tag)));
    }
    YamlNode node = make(YamlNode::Kind::scalar, mark);
    node.plain = tag == "?";
    check_scalar(mark, value);
    node.value = value;
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::sequence);
  }
  void OnSequenceEnd() override { stack_.pop_back(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::mapping);
  }
  void OnMapEnd() override { stack_.pop_back(); }

 private:
  struct Frame {
    YamlNode* node = nullptr;
    EarlierKeys earlier_keys{};
  };

  SourceLocation at(const YAML::Mark& mark) const {
    if (mark.is_null()) return {std::string(file_), 0, 0};
    return {std::string(file_), mark.line + 1, mark.column + 1};
  }
  void error(const YAML::Mark& mark, std::string message) {
    errors_.push_back({at(mark), Severity::error, std::move(message)});
  }
  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) error(mark, "anchors (&name) are not supported");
  }
  void check_scalar(const YAML::Mark& mark, std::string_view value) {
    const auto pos = static_cast<std::size_t>(mark.pos);
    if (!mark.is_null() && pos < text_.size() && (text_[pos] == '"' || text_[pos] == '\'') &&
        end_of_quoted(text_, pos) == std::string_view::npos) {
      // yaml-cpp 0.7 takes a quoted scalar still open at the end of the file as ending there.
      error(mark, "unterminated quoted string");
    }
    if (holds_control(value)) error(mark, std::string(k_control_in_value));
  }

  YamlNode make(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (++node_count_ > limits_.max_nodes) {
      throw Fatal{{at(mark), Severity::error,
                   fmt::format("more than {} YAML nodes in one file", limits_.max_nodes)}};
    }
    YamlNode node;
    node.kind = kind;
    if (!mark.is_null()) {  // not at(mark): a node's place needs no interned file name
      node.line = mark.line + 1;
      node.column = mark.column + 1;
    }
    return node;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YamlNode::Kind kind) {
    check_anchor(mark, anchor);
    if (tag != "?" && tag != "!") {
      error(mark, fmt::format("tags ({}) are not supported", written_tag(tag)));
    }
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Fatal{{at(mark), Severity::error,
                   fmt::format("nesting deeper than {} levels", limits_.max_depth)}};
    }
    stack_.push_back(Frame{add(make(kind, mark))});
  }

  // Appends to the innermost open collection (or sets the root) and returns the node's
  // place. Ancestors' vectors do not grow while a child is open, so the pointers held in
  // `stack_` stay valid.
  YamlNode* add(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return &root_;
    }
    Frame& frame = stack_.back();
    YamlNode& parent = *frame.node;
    if (parent.kind == YamlNode::Kind::sequence) {
      parent.items.push_back(std::move(node));
      return &parent.items.back();
    }
    if (parent.keys.size() > parent.items.size()) {
      parent.items.push_back(std::move(node));
      return &parent.items.back();
    }
    check_key(frame, node);
    parent.keys.push_back(std::move(node));
    return &parent.keys.back();
  }

  void check_key(Frame& frame, const YamlNode& key) {
    const auto key_error = [&](std::string message) {
      errors_.push_back(
          {{std::string(file_), key.line, key.column}, Severity::error, std::move(message)});
    };
    if (key.kind != YamlNode::Kind::scalar) {
      key_error(key.kind == YamlNode::Kind::null ? "empty mapping key"
                                                 : "mapping keys must be plain words");
      return;
    }
    if (is_merge_key(key)) {
      key_error("merge keys (<<) are not supported");
      return;
    }
    if (const YamlNode* first = frame.earlier_keys.find(*frame.node, key.value)) {
      key_error(duplicate_key_message(key.value, first->line, first->column));
    }
  }

  std::string_view text_;
  std::string_view file_;
  YamlLimits limits_;
  YamlNode root_{};
  std::vector<Frame> stack_{};
  std::vector<Diagnostic> errors_{};
  std::size_t node_count_ = 0;
};

// Stops at the first event of a second document.
class SecondDocument final : public YAML::EventHandler {
 public:
  struct Found {
    YAML::Mark mark;
  };
  void OnDocumentStart(const YAML::Mark& m) override { throw Found{m}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { throw Found{m}; }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { throw Found{m}; }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    throw Found{m};
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    throw Found{m};
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    throw Found{m};
  }
  void OnMapEnd() override {}
};

// The offset in `text` of line `index` (0-based), or npos past the end.
std::size_t line_offset(std::string_view text, int index) {
  std::size_t begin = 0;
  for (int i = 0; i < index && begin != std::string_view::npos; ++i) {
    begin = text.find('\n', begin);
    if (begin != std::string_view::npos) ++begin;
  }
  return begin;
}

// The line of `text` that starts at `begin`, without its line break; empty past the end.
std::string_view line_from(std::string_view text, std::size_t begin) {
  if (begin >= text.size()) return {};
  std::string_view line = text.substr(begin, text.find('\n', begin) - begin);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// Where a plain value that starts at `from` ends on its line: at a comment (` #`), in a flow
// collection at `,`, `]` or `}`, or at the end of the line.
std::size_t plain_end(std::string_view line, std::size_t from, bool flow) {
  for (std::size_t end = from; end < line.size(); ++end) {
    if (line[end] == '#' && end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) return end;
    if (flow && (line[end] == ',' || line[end] == ']' || line[end] == '}')) return end;
  }
  return line.size();
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The lines from offset `begin` on that continue a plain value of a key at `key_column`
// (0-based): more indented, and neither blank nor a comment. YAML folds them into the value
// with spaces. Stops once it has more than `enough` bytes.
std::string continued_value(std::string_view text, std::size_t begin, std::size_t key_column,
                            std::size_t enough) {
  std::string out;
  while (begin < text.size() && out.size() <= enough) {
    const std::string_view line = line_from(text, begin);
    const std::size_t indent = skip_blanks(line, 0);
    if (indent <= key_column || indent == line.size() || line[indent] == '#') break;
    const std::size_t end = plain_end(line, indent, false);
    out.append(1, ' ').append(trim_end(line.substr(indent, end - indent)));
    const std::size_t newline = text.find('\n', begin);
    if (end < line.size() || newline == std::string_view::npos) break;  // a comment ends it
    begin = newline + 1;
  }
  return out;
}

// `value` as YAML text in quotes: double quotes, or single ones when it holds `"` or `\`.
std::string quoted(std::string_view value) {
  if (value.find_first_of("\"\\") == std::string_view::npos) {
    return fmt::format("\"{}\"", value);
  }
  std::string out = "'";
  for (const char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The longest text shown in quotes by colon_in_text(); a longer one is shown shortened.
constexpr std::size_t k_longest_shown = 200;

// `text: Speed limit: none` is text holding ': ', which YAML reads as a second key: yaml-cpp
// stops at its colon with "illegal map value" (inside `{...}`: "end of map flow not found").
// When the error's colon stands in the plain value of a `key: ` on its own line, says so and
// shows the value in quotes; otherwise nothing.
std::optional<std::string> colon_in_text(std::string_view text, const YAML::Mark& mark, bool flow) {
  if (mark.is_null()) return std::nullopt;
  const std::size_t line_begin = line_offset(text, mark.line);
  const std::string_view line = line_from(text, line_begin);
  const auto colon = static_cast<std::size_t>(mark.column);
  if (colon >= line.size() || line[colon] != ':') return std::nullopt;
  // The key: after the indentation and any `- ` in block context, after the last `{` or `,`
  // before the colon in a flow collection.
  std::size_t i = 0;
  if (flow) {
    const std::size_t open = line.substr(0, colon).find_last_of("{,");
    if (open == std::string_view::npos) return std::nullopt;
    i = open + 1;
  }
  i = skip_blanks(line, i);
  while (!flow && i + 1 < line.size() && line[i] == '-' && (line[i + 1] == ' ')) {
    i = skip_blanks(line, i + 1);
  }
  const std::size_t key_begin = i;
  while (i < colon && (std::isalnum(static_cast<unsigned char>(line[i])) != 0 || line[i] == '_' ||
                       line[i] == '-')) {
    ++i;
  }
  const std::string_view key = line.substr(key_begin, i - key_begin);
  i = skip_blanks(line, i);
  if (key.empty() || i >= colon || line[i] != ':' || (line[i + 1] != ' ' && line[i + 1] != '\t')) {
    return std::nullopt;
  }
  const std::size_t value_begin = skip_blanks(line, i + 1);
  // A value that starts as a quoted, flow, block, anchored or tagged one is not plain text.
  constexpr std::string_view k_not_plain = "\"'[{|>&*!%@`#";
  if (value_begin >= colon || k_not_plain.find(line[value_begin]) != std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t value_end = plain_end(line, value_begin, flow);
  if (value_end <= colon) return std::nullopt;
  std::string value(trim_end(line.substr(value_begin, value_end - value_begin)));
  const std::size_t newline = text.find('\n', line_begin);
  if (!flow && value_end == line.size() && newline != std::string_view::npos) {
    value += continued_value(text, newline + 1, key_begin, k_longest_shown);
  }
  std::string_view shortened;
  if (value.size() > k_longest_shown) {
    // Cut where a character starts, never inside one.
    std::size_t cut = k_longest_shown;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    value.resize(cut);
    value += "...";
    shortened = " (the whole text; shortened here)";
  }
  return fmt::format(
      "': ' inside unquoted text reads as a new key; put the text in quotes: {}: {}{}", key,
      quoted(value), shortened);
}

Diagnostic from_mark(std::string_view file, const YAML::Mark& mark, std::string message) {
  if (mark.is_null()) return {{std::string(file), 0, 0}, Severity::error, std::move(message)};
  return {{std::string(file), mark.line + 1, mark.column + 1}, Severity::error, std::move(message)};
}

}  // namespace

std::string_view to_string(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::null: return "nothing";
    case YamlNode::Kind::scalar: return "a scalar";
    case YamlNode::Kind::sequence: return "a list";
    case YamlNode::Kind::mapping: return "a mapping";
  }
  return "?";
}

const YamlNode* EarlierKeys::find(const YamlNode& mapping, const std::string& key) {
  const auto counts = [](const YamlNode& k) {
    return k.kind == YamlNode::Kind::scalar && !is_merge_key(k);
  };
  const std::vector<YamlNode>& keys = mapping.keys;
  if (!index_ && keys.size() < k_looked_through) {
    for (const YamlNode& earlier : keys) {
      if (counts(earlier) && earlier.value == key) return &earlier;
    }
    return nullptr;
  }
  if (!index_) {
    index_ = std::make_unique<std::unordered_map<std::string, std::size_t>>();
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (counts(keys[i])) index_->try_emplace(keys[i].value, i);
    }
  }
  const auto [it, inserted] = index_->try_emplace(key, keys.size());
  return inserted ? nullptr : &keys[it->second];
}

std::string duplicate_key_message(std::string_view key, int first_line, int first_column) {
  return fmt::format("duplicate key '{}' (first given at line {}, column {})", key, first_line,
                     first_column);
}

Expected<YamlNode> parse_yaml(std::string_view text, std::string_view file,
                              const YamlLimits& limits) {
  std::istringstream in{std::string(text)};
  TreeBuilder builder(text, file, limits);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      SecondDocument second;
      try {
        parser.HandleNextDocument(second);
      } catch (const SecondDocument::Found& found) {
        return tl::unexpected(std::vector<Diagnostic>{
            from_mark(file, found.mark, "only one YAML document is allowed in a file")});
      }
    }
  } catch (const Fatal& fatal) {
    return tl::unexpected(std::vector<Diagnostic>{fatal.diagnostic});
  } catch (const YAML::DeepRecursion& e) {
    return tl::unexpected(std::vector<Diagnostic>{
        from_mark(file, e.mark, fmt::format("nesting deeper than {} levels", limits.max_depth))});
  } catch (const YAML::Exception& e) {
    const bool in_block = e.msg == YAML::ErrorMsg::MAP_VALUE;
    if (in_block || e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW) {
      if (auto hint = colon_in_text(text, e.mark, !in_block)) {
        return tl::unexpected(std::vector<Diagnostic>{from_mark(file, e.mark, std::move(*hint))});
      }
    }
    // yaml-cpp's own words ("illegal map value") do not say that the YAML is broken.
    return tl::unexpected(
        std::vector<Diagnostic>{from_mark(file, e.mark, fmt::format("invalid YAML: {}", e.msg))});
  }
  std::vector<Diagnostic> errors = builder.take_errors();
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return builder.take_root();
}

}  // namespace entente::detail
