#include "diagnostics_printer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "support/csv.h"
#include "support/terminal.h"

namespace entente::cli {
namespace {

// A hostile file may hold one enormous line; the excerpt only shows a window of it anyway.
constexpr std::size_t k_max_line_bytes = std::size_t{64} * 1024;

// Reads single lines of files, moving forward through an open file while the requested lines
// increase, since diagnostics come sorted by file and line: a file with many diagnostics is
// read once, and never more of it than the last line asked for.
class LineReader {
 public:
  std::optional<std::string> line(const std::string& file, int number) {
    if (file != file_ || number < next_) {
      open(file);
    }
    if (!in_.is_open()) {
      return std::nullopt;
    }
    for (; next_ < number; ++next_) {
      if (!in_.ignore(std::numeric_limits<std::streamsize>::max(), '\n')) {
        return std::nullopt;
      }
    }
    return read_line();
  }

 private:
  void open(const std::string& file) {
    file_ = file;
    next_ = 1;
    in_ = std::ifstream{};
    std::error_code ec;
    // Opening a FIFO or a device could block or consume data; only regular files are read.
    if (std::filesystem::is_regular_file(file, ec)) {
      in_.open(file, std::ios::binary);
    }
  }

  std::optional<std::string> read_line() {
    std::string text;
    char c = 0;
    bool any = false;
    while (in_.get(c)) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (text.size() < k_max_line_bytes) {
        text.push_back(c);
      }
    }
    ++next_;
    if (!any) {
      return std::nullopt;
    }
    if (!text.empty() && text.back() == '\r') {
      text.pop_back();
    }
    return text;
  }

  std::string file_{};
  std::ifstream in_{};
  int next_ = 1;
};

// An argument's field, named as the option that gave it.
Diagnostic with_option(Diagnostic d, std::span<const OptionName> options) {
  if (!d.argument) return d;
  for (const OptionName& o : options) {
    if (o.field == d.argument->field) d.argument->field = o.option;
  }
  return d;
}

// format_diagnostic() owns the layout; colour is laid over its `severity: message` tail.
void print_headline(const Diagnostic& d, std::ostream& err, bool color) {
  const std::string plain = format_diagnostic(d);
  const std::string severity{to_string(d.severity)};
  const std::string tail = severity + ": " + d.message;
  if (!color || !plain.ends_with(tail)) {
    err << plain << '\n';
    return;
  }
  const std::string_view prefix{plain.data(), plain.size() - tail.size()};
  const std::string_view hue =
      d.severity == Severity::error ? support::k_bold_red : support::k_bold_magenta;
  err << support::paint(prefix, support::k_bold) << support::paint(severity + ':', hue) << ' '
      << d.message << '\n';
}

void print_excerpt(const Diagnostic& d, LineReader& lines, std::ostream& err) {
  if (d.where.file.empty() || d.where.line <= 0) {
    return;
  }
  const std::optional<std::string> text = lines.line(d.where.file.str(), d.where.line);
  if (!text) {
    return;
  }
  // A field of a CSV record: the caret goes under the field's first byte, or after the line
  // when the field starts on a later one.
  const int column =
      d.column_is_field
          ? static_cast<int>(
                support::csv_field_offset(*text, d.where.column).value_or(text->size())) +
                1
          : d.where.column;
  const std::string excerpt = format_excerpt(*text, column);
  if (excerpt.empty()) {
    return;
  }
  err << excerpt;
  if (excerpt.back() != '\n') {
    err << '\n';
  }
}

std::string count(std::ptrdiff_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string{noun} + (n == 1 ? "" : "s");
}

void print_summary(std::span<const Diagnostic> diagnostics, std::ostream& err) {
  const auto errors =
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (errors == 0) {
    return;
  }
  const auto warnings = static_cast<std::ptrdiff_t>(diagnostics.size()) - errors;
  err << "entente: " << count(errors, "error");
  if (warnings > 0) {
    err << ", " << count(warnings, "warning");
  }
  err << '\n';
}

}  // namespace

void print_diagnostics(std::span<const Diagnostic> diagnostics, std::ostream& err,
                       const PrintOptions& options) {
  LineReader lines;
  for (const Diagnostic& d : diagnostics) {
    print_headline(with_option(d, options.options), err, options.color);
    print_excerpt(d, lines, err);
  }
  print_summary(diagnostics, err);
}

void print_tool_error(std::string_view message, std::ostream& err, const PrintOptions& options) {
  const Diagnostic d{.message = std::string{message}};  // of no origin: the tool's own
  print_headline(d, err, options.color);
}

}  // namespace entente::cli
