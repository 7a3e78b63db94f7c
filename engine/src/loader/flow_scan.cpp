#include "loader/flow_scan.h"

#include <fmt/format.h>

namespace entente::detail {

std::size_t end_of_quoted(std::string_view text, std::size_t open) {
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is an escaped quote
        continue;
      }
      return i + 1;
    }
  }
  return std::string_view::npos;
}

namespace {

// Where the scan stands in the YAML text. Block context is read a line at a time: a line
// is indentation, then node starts ("- ", "? ", "key: ") and at most one scalar or flow
// collection. Block scalars (| and >) are skipped by indentation.
class FlowScanner {
 public:
  FlowScanner(std::string_view text, std::string_view file, const FlowLimits& limits)
      : s_(text), file_(file), limits_(limits) {}

  Expected<std::string_view> run() {
    while (i_ < s_.size() && !failed_) scan_line();
    if (failed_) return tl::unexpected(std::vector<Diagnostic>{error_});
    return s_;
  }

 private:
  char peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\n'; }
  static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  void fail(std::size_t at, std::string message) {
    if (failed_) return;
    failed_ = true;
    int line = 1, column = 1;
    for (std::size_t k = 0; k < at && k < s_.size(); ++k) {
      if (s_[k] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    error_ = {{std::string(file_), line, column}, Severity::error, std::move(message)};
  }

  void skip_to_eol() {
    while (i_ < s_.size() && s_[i_] != '\n') ++i_;
  }

  // From an opening quote to just past its close; a quoted scalar may span lines.
  void skip_quoted() {
    const std::size_t end = end_of_quoted(s_, i_);
    i_ = end == std::string_view::npos ? s_.size() : end;
  }

  std::size_t indentation_of_line(std::size_t line_start) const {
    std::size_t k = line_start;
    while (k < s_.size() && s_[k] == ' ') ++k;
    return k - line_start;
  }

  // Skips the lines of a block scalar: blank lines and lines indented deeper than the
  // line that introduced it.
  void skip_block_scalar(std::size_t parent_indent) {
    skip_to_eol();
    while (i_ < s_.size()) {
      const std::size_t next = i_ + 1;
      std::size_t k = next;
      while (k < s_.size() && s_[k] == ' ') ++k;
      const bool is_blank = k >= s_.size() || s_[k] == '\n' || s_[k] == '\r';
      if (!is_blank && k - next <= parent_indent) return;
      i_ = k;
      skip_to_eol();
    }
  }

  // A flow collection from its opening bracket to its close, quotes and comments skipped.
  void scan_flow_collection() {
    const std::size_t start = i_;
    int depth = 0;
    char previous = '[';  // a quote right after an opener starts a quoted scalar
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (i_ - start > limits_.max_span) {
        return fail(start, fmt::format("a [...] or {{...}} collection longer than {} KiB; write "
                                       "long lists in block style, one '- item' a line",
                                       limits_.max_span >> 10));
      }
      if (c == '[' || c == '{') {
        if (++depth > limits_.max_depth) {
          return fail(i_, fmt::format("nesting deeper than {} levels", limits_.max_depth));
        }
      } else if (c == ']' || c == '}') {
        if (--depth == 0) {
          ++i_;
          return;
        }
      } else if ((c == '"' || c == '\'') &&
                 (previous == '[' || previous == '{' || previous == ',' || previous == ':')) {
        skip_quoted();
        previous = 'q';
        continue;
      } else if (c == '#' && (i_ == 0 || blank(s_[i_ - 1]))) {
        skip_to_eol();
        continue;
      }
      if (!blank(c)) previous = c;
      ++i_;
    }
  }

  // One node start in block context; returns false when the rest of the line is a scalar.
  bool scan_node_start(std::size_t line_indent) {
    while (peek() == ' ' || peek() == '\t') ++i_;
    const char c = peek();
    if ((c == '-' || c == '?' || c == ':') && blank(peek(1))) {
      ++i_;
      return true;
    }
    if (c == '[' || c == '{') {
      scan_flow_collection();
      return true;
    }
    if (c == '"' || c == '\'') {
      skip_quoted();
      return true;
    }
    if (c == '|' || c == '>') {
      skip_block_scalar(line_indent);
      return false;
    }
    if (c == '#' || c == '\n') {
      skip_to_eol();
      return false;
    }
    // A plain scalar: a key if ": " follows on this line, else a value to the line's end.
    while (i_ < s_.size() && s_[i_] != '\n') {
      if (s_[i_] == ':' && blank(peek(1))) {
        ++i_;
        return true;
      }
      if (s_[i_] == '#' && blank(s_[i_ - 1])) break;
      ++i_;
    }
    skip_to_eol();
    return false;
  }

  void scan_line() {
    const std::size_t line_indent = indentation_of_line(i_);
    while (!failed_ && i_ < s_.size() && s_[i_] != '\n') {
      const std::size_t before = i_;
      if (!scan_node_start(line_indent)) break;
      if (i_ == before) ++i_;  // always move on
    }
    if (i_ < s_.size() && s_[i_] == '\n') ++i_;
  }

  std::string_view s_;
  std::string_view file_;
  FlowLimits limits_;
  std::size_t i_ = 0;
  bool failed_ = false;
  Diagnostic error_{};
};

}  // namespace

Expected<std::string_view> scan_flow(std::string_view text, std::string_view file,
                                     const FlowLimits& limits) {
  return FlowScanner(text, file, limits).run();
}

}  // namespace entente::detail
