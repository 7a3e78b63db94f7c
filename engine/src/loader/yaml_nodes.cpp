#include "loader/yaml_nodes.h"

#include <sstream>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>    // DeepRecursion
#include <yaml-cpp/eventhandler.h>  // not pulled in by yaml.h
#include <yaml-cpp/yaml.h>

#include "loader/flow_scan.h"

namespace entente::detail {
namespace {

// Thrown from inside yaml-cpp's callbacks to stop at once when going on would cost
// unbounded time or memory; everything else is collected and parsing goes on.
struct Fatal {
  Diagnostic diagnostic;
};

bool is_forbidden_in_value(std::string_view v, std::size_t i) {
  const auto b = static_cast<unsigned char>(v[i]);
  if (b == '\t' || b == '\n') return false;
  if (b < 0x20 || b == 0x7F) return true;
  // C1 controls U+0080..U+009F (but NEL) are C2 80..C2 9F in UTF-8.
  if (b == 0xC2 && i + 1 < v.size()) {
    const auto next = static_cast<unsigned char>(v[i + 1]);
    return next >= 0x80 && next <= 0x9F && next != 0x85;
  }
  return false;
}

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
    std::unordered_map<std::string, std::pair<int, int>> seen_keys{};
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
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (is_forbidden_in_value(value, i)) {
        error(mark, "control character in a value (from an escape sequence) is not allowed");
        return;
      }
    }
  }

  YamlNode make(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (++node_count_ > limits_.max_nodes) {
      throw Fatal{{at(mark), Severity::error,
                   fmt::format("more than {} YAML nodes in one file", limits_.max_nodes)}};
    }
    YamlNode node;
    node.kind = kind;
    const SourceLocation where = at(mark);
    node.line = where.line;
    node.column = where.column;
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
    const SourceLocation where{std::string(file_), key.line, key.column};
    if (key.kind != YamlNode::Kind::scalar) {
      errors_.push_back({where, Severity::error,
                         key.kind == YamlNode::Kind::null ? "empty mapping key"
                                                          : "mapping keys must be plain words"});
      return;
    }
    if (key.plain && key.value == "<<") {
      errors_.push_back({where, Severity::error, "merge keys (<<) are not supported"});
      return;
    }
    const auto [it, inserted] = frame.seen_keys.try_emplace(key.value, key.line, key.column);
    if (!inserted) {
      errors_.push_back({where, Severity::error,
                         fmt::format("duplicate key '{}' (first given at line {}, column {})",
                                     key.value, it->second.first, it->second.second)});
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
    // yaml-cpp's own words ("illegal map value") do not say that the YAML is broken.
    return tl::unexpected(
        std::vector<Diagnostic>{from_mark(file, e.mark, fmt::format("invalid YAML: {}", e.msg))});
  }
  std::vector<Diagnostic> errors = builder.take_errors();
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return builder.take_root();
}

}  // namespace entente::detail
