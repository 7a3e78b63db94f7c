#include "loader/json_nodes.h"

#include <cassert>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/error/en.h>
#include <rapidjson/error/error.h>
#include <rapidjson/reader.h>

#include "loader/byte_checks.h"
#include "support/utf8.h"

namespace entente::detail {
namespace {

// RapidJSON's SAX reader: iterative (no recursion, whatever the nesting), validating UTF-8,
// numbers handed over as the text they are written with.
constexpr unsigned k_parse_flags = rapidjson::kParseIterativeFlag |
                                   rapidjson::kParseValidateEncodingFlag |
                                   rapidjson::kParseNumbersAsStringsFlag;

// The text as RapidJSON's input stream, so that Tell() is a byte offset into it. Its end reads
// as '\0', which check_bytes() keeps out of the text itself.
class TextStream {
 public:
  using Ch = char;
  explicit TextStream(std::string_view text) : text_(text) {}
  [[nodiscard]] Ch Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  Ch Take() { return pos_ < text_.size() ? text_[pos_++] : '\0'; }
  [[nodiscard]] std::size_t Tell() const { return pos_; }
  // Only written to by in-place parsing, which is not used.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) { assert(false); }
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// Byte offsets to 1-based lines and byte columns. Offsets come nearly in order: a token's
// start is found after its end, but on the same line (JSON strings hold no line break).
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  std::pair<int, int> at(std::size_t offset) {
    if (offset < line_begin_) *this = Lines(text_);  // never in practice; correct anyway
    for (; scanned_ < offset && scanned_ < text_.size(); ++scanned_) {
      if (text_[scanned_] == '\n') {
        ++line_;
        line_begin_ = scanned_ + 1;
      }
    }
    return {line_, static_cast<int>(offset - line_begin_) + 1};
  }

 private:
  std::string_view text_;
  std::size_t scanned_ = 0;
  std::size_t line_begin_ = 0;
  int line_ = 1;
};

// The opening quote of the string that ends just before `end` (its closing quote at end - 1):
// the nearest quote before it not escaped by an odd run of backslashes.
std::size_t string_start(std::string_view text, std::size_t end) {
  std::size_t quote = end - 1;
  for (;;) {
    quote = text.rfind('"', quote - 1);
    std::size_t backslashes = 0;
    while (backslashes < quote && text[quote - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote;
  }
}

class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  TreeBuilder(std::string_view text, std::string_view file, const YamlLimits& limits,
              const TextStream& stream)
      : text_(text), file_(file), limits_(limits), stream_(stream), lines_(text) {}

  YamlNode take_root() { return std::move(root_); }
  std::vector<Diagnostic> take_errors() { return std::move(errors_); }
  // The error that stopped the parse from inside a callback, if one did.
  std::optional<Diagnostic> take_fatal() { return std::move(fatal_); }

  bool Null() { return add(make(YamlNode::Kind::null, stream_.Tell() - 4)) != nullptr; }
  bool Bool(bool b) {
    const std::string_view word = b ? "true" : "false";
    return scalar(stream_.Tell() - word.size(), word, true);
  }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    return scalar(stream_.Tell() - length, {str, length}, true);
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    return scalar(string_start(text_, stream_.Tell()), {str, length}, false);
  }
  bool Key(const char* str, rapidjson::SizeType length, bool copy) {
    return String(str, length, copy);
  }
  bool StartObject() { return open(YamlNode::Kind::mapping); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(YamlNode::Kind::sequence); }
  bool EndArray(rapidjson::SizeType) { return close(); }

 private:
  struct Frame {
    YamlNode* node = nullptr;
    EarlierKeys earlier_keys{};
  };

  SourceLocation at(const YamlNode& node) const {
    return {std::string(file_), node.line, node.column};
  }
  bool stop(const YamlNode& node, std::string message) {
    fatal_ = Diagnostic{at(node), Severity::error, std::move(message)};
    return false;
  }

  std::optional<YamlNode> make(YamlNode::Kind kind, std::size_t offset) {
    YamlNode node;
    node.kind = kind;
    std::tie(node.line, node.column) = lines_.at(offset);
    if (++node_count_ > limits_.max_nodes) {
      stop(node, fmt::format("more than {} JSON values and keys in one file", limits_.max_nodes));
      return std::nullopt;
    }
    return node;
  }

  bool scalar(std::size_t offset, std::string_view value, bool plain) {
    std::optional<YamlNode> node = make(YamlNode::Kind::scalar, offset);
    if (!node) return false;
    node->plain = plain;
    node->value = value;
    if (!plain) check_string(*node);
    return add(std::move(node)) != nullptr;
  }

  // What JSON's escapes can write and check_bytes() saw no byte of: controls, and halves of
  // a surrogate pair (`\ud800` alone), which are no UTF-8.
  void check_string(const YamlNode& node) {
    const std::string_view v = node.value;
    if (holds_control(v)) {
      errors_.push_back({at(node), Severity::error, std::string(k_control_in_value)});
      return;
    }
    if (v.find('\xED') == std::string_view::npos) return;  // surrogates are ED A0..ED BF
    for (std::size_t i = 0; i < v.size();) {
      const support::CodePoint c = support::decode_utf8(v, i);
      if (!c.valid) {
        errors_.push_back({at(node), Severity::error,
                           "a \\u escape in a string writes half a surrogate pair, which is not "
                           "a character"});
        return;
      }
      i += c.length;
    }
  }

  // The iterative reader calls StartObject() and StartArray() before it takes the '{' or
  // '[', so the stream is still at it (unlike every value, which is read when they are called).
  bool open(YamlNode::Kind kind) {
    std::optional<YamlNode> node = make(kind, stream_.Tell());
    if (!node) return false;
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      return stop(*node, fmt::format("nesting deeper than {} levels", limits_.max_depth));
    }
    YamlNode* placed = add(std::move(node));
    if (placed == nullptr) return false;
    stack_.push_back(Frame{placed});
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  // Appends to the innermost open array or object (or sets the root) and returns the node's
  // place, as the YAML reader does; null when `node` is empty (a limit was hit).
  YamlNode* add(std::optional<YamlNode> node) {
    if (!node) return nullptr;
    if (stack_.empty()) {
      root_ = std::move(*node);
      return &root_;
    }
    Frame& frame = stack_.back();
    YamlNode& parent = *frame.node;
    if (parent.kind == YamlNode::Kind::sequence || parent.keys.size() > parent.items.size()) {
      parent.items.push_back(std::move(*node));
      return &parent.items.back();
    }
    if (const YamlNode* first = frame.earlier_keys.find(parent, node->value)) {
      errors_.push_back({at(*node), Severity::error,
                         duplicate_key_message(node->value, first->line, first->column)});
    }
    parent.keys.push_back(std::move(*node));
    return &parent.keys.back();
  }

  std::string_view text_;
  std::string_view file_;
  YamlLimits limits_;
  const TextStream& stream_;
  Lines lines_;
  YamlNode root_{};
  std::vector<Frame> stack_{};
  std::vector<Diagnostic> errors_{};
  std::optional<Diagnostic> fatal_{};
  std::size_t node_count_ = 0;
};

std::size_t skip_back_blanks(std::string_view text, std::size_t offset) {
  while (offset > 0 &&
         std::string_view(" \t\r\n").find(text[offset - 1]) != std::string_view::npos) {
    --offset;
  }
  return offset;
}

// Where the string that is open at `offset` (unterminated: the line or the file ended) starts:
// a string never spans lines, so a scan of the line from its start finds its opening quote.
std::size_t open_string_start(std::string_view text, std::size_t offset) {
  const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  std::size_t i = newline == std::string_view::npos ? 0 : newline + 1;
  std::size_t start = offset;
  bool in_string = false;
  for (; i < offset && i < text.size(); ++i) {
    if (in_string && text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      in_string = !in_string;
      start = i;
    }
  }
  return in_string ? start : offset;
}

// RapidJSON's errors whose words need no look at the text, in the project's words.
constexpr std::pair<rapidjson::ParseErrorCode, std::string_view> k_messages[] = {
    {rapidjson::kParseErrorDocumentRootNotSingular,
     "more text after the JSON value (a file holds one value)"},
    {rapidjson::kParseErrorValueInvalid,
     "expected a value (a string, number, object, array, true, false or null)"},
    {rapidjson::kParseErrorObjectMissName, "expected a key in double quotes"},
    {rapidjson::kParseErrorObjectMissColon, "expected ':' after an object key"},
    {rapidjson::kParseErrorObjectMissCommaOrCurlyBracket,
     "expected ',' or '}' after an object member"},
    {rapidjson::kParseErrorArrayMissCommaOrSquareBracket,
     "expected ',' or ']' after an array element"},
    {rapidjson::kParseErrorStringUnicodeEscapeInvalidHex,
     "a \\u escape needs four hexadecimal digits"},
    {rapidjson::kParseErrorStringUnicodeSurrogateInvalid,
     "a \\u escape of a surrogate pair's first half needs the second after it"},
    {rapidjson::kParseErrorStringInvalidEncoding, "a string holds bytes that are not UTF-8"},
    {rapidjson::kParseErrorNumberTooBig, "number too large"},
    {rapidjson::kParseErrorNumberMissFraction, "expected a digit after the decimal point"},
    {rapidjson::kParseErrorNumberMissExponent, "expected a digit in the exponent"},
};

// RapidJSON's error, in the project's words, and the offset it is best shown at: a trailing
// comma at the comma, an unterminated string at its opening quote.
std::pair<std::string, std::size_t> describe(rapidjson::ParseErrorCode code, std::string_view text,
                                             std::size_t offset) {
  using rapidjson::kParseErrorObjectMissName;
  using rapidjson::kParseErrorValueInvalid;
  const char here = offset < text.size() ? text[offset] : '\0';
  const bool wants_value = code == kParseErrorValueInvalid || code == kParseErrorObjectMissName;
  const std::size_t before = skip_back_blanks(text, offset);
  if ((here == ']' || here == '}') && before > 0 && text[before - 1] == ',' && wants_value) {
    return {fmt::format("a comma before '{}' (JSON allows no trailing comma)", here), before - 1};
  }
  if (here == '\'' && wants_value) {
    return {"strings and keys take double quotes (\"...\"), not single ones", offset};
  }
  if (code == rapidjson::kParseErrorStringMissQuotationMark ||
      code == rapidjson::kParseErrorStringEscapeInvalid) {
    if (here == '\n' || here == '\r' || offset >= text.size()) {
      return {"unterminated string (a string ends on its line; write a line break as \\n)",
              open_string_start(text, offset)};
    }
    if (static_cast<unsigned char>(here) < 0x20) {
      return {"a tab in a string must be written as \\t", offset};
    }
    return {"invalid escape in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
            offset};
  }
  for (const auto& [known, message] : k_messages) {
    if (known == code) return {std::string(message), offset};
  }
  return {rapidjson::GetParseError_En(code), offset};
}

}  // namespace

bool looks_like_json(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

Expected<YamlNode> parse_json(std::string_view text, std::string_view file,
                              const YamlLimits& limits) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return YamlNode{};
  TextStream stream(text);
  TreeBuilder builder(text, file, limits, stream);
  rapidjson::Reader reader;
  const rapidjson::ParseResult result = reader.Parse<k_parse_flags>(stream, builder);
  if (auto fatal = builder.take_fatal()) return tl::unexpected(std::vector<Diagnostic>{*fatal});
  if (result.IsError()) {
    auto [message, offset] = describe(result.Code(), text, result.Offset());
    const auto [line, column] = Lines(text).at(offset);
    // As with broken YAML, the syntax error alone: what was read before it may mislead.
    return tl::unexpected(std::vector<Diagnostic>{{{std::string(file), line, column},
                                                   Severity::error,
                                                   fmt::format("invalid JSON: {}", message)}});
  }
  std::vector<Diagnostic> errors = builder.take_errors();
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return builder.take_root();
}

}  // namespace entente::detail
