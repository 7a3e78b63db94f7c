#include "entente/diagnostic.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "support/utf8.h"

namespace entente {
namespace {

// Echoed source lines are cut to this many bytes around the caret (clang-format echoes a
// whole 2,000-character line; nobody reads that).
constexpr std::size_t k_excerpt_width = 100;

struct Shown {
  std::string text;
  std::size_t bytes = 0;  ///< taken from the input
  std::size_t cells = 0;  ///< terminal columns it takes, one per character
};

// One character of `s` made safe for a terminal: control characters (C0, DEL and C1, which
// would let a file rewrite the user's terminal, CVE-2021-25743 in kubectl) and bytes that are
// not UTF-8 (a raw 0x9B is CSI to some terminals) become \xNN; a tab becomes a space.
Shown show_char(std::string_view s, std::size_t i) {
  if (s[i] == '\t') return {" ", 1, 1};
  const support::CodePoint c = support::decode_utf8(s, i);
  const std::string_view bytes = s.substr(i, c.length);
  if (!c.valid || support::is_control(c.value)) {
    std::string text = support::hex_bytes(bytes);
    const std::size_t cells = text.size();
    return {std::move(text), c.length, cells};
  }
  return {std::string(bytes), c.length, 1};
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Shown c = show_char(s, i);
    out += c.text;
    i += c.bytes;
  }
  return out;
}

}  // namespace

std::string_view to_string(Severity s) { return s == Severity::error ? "error" : "warning"; }

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.where < b.where; });
  // Repeats share a place but need not be neighbours: look back over the current place only.
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& d : diagnostics) {
    bool repeat = false;
    for (auto it = kept.rbegin(); it != kept.rend() && it->where == d.where && !repeat; ++it) {
      repeat = *it == d;
    }
    if (!repeat) kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

std::vector<Diagnostic> limit_diagnostics(std::vector<Diagnostic> diagnostics, std::size_t max) {
  if (diagnostics.size() <= max) return diagnostics;
  const std::size_t left_out = diagnostics.size() - max;
  const Severity severity = has_errors(diagnostics) ? Severity::error : Severity::warning;
  const FileName file = diagnostics[max].where.file;
  diagnostics.resize(max);
  diagnostics.push_back(
      {{file, 0, 0},
       severity,
       fmt::format("{} more problems not shown (the first {} are)", left_out, max)});
  return diagnostics;
}

Diagnostic argument_error(std::string_view field, std::string_view value, std::string message) {
  return {.message = std::move(message),
          .argument = Argument{std::string(field), std::string(value)}};
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string format_diagnostic(const Diagnostic& d) {
  // A party file's name comes from a folder listing, so it is as untrusted as the message.
  const std::string file =
      terminal_safe(d.argument ? fmt::format("{} {}", d.argument->field, d.argument->value)
                    : d.where.file.empty() ? std::string_view("entente")
                                           : d.where.file.view());
  const std::string message = terminal_safe(d.message);
  if (d.where.line <= 0) return fmt::format("{}: {}: {}", file, to_string(d.severity), message);
  return fmt::format("{}:{}:{}: {}: {}", file, d.where.line, d.where.column, to_string(d.severity),
                     message);
}

std::string format_excerpt(std::string_view line_text, int column) {
  if (line_text.empty()) return {};
  const std::size_t caret =
      std::min(column > 0 ? static_cast<std::size_t>(column - 1) : 0, line_text.size());
  std::string out = "    ";
  std::size_t begin = 0;
  std::size_t cells = 0;  // display cells before the caret
  if (line_text.size() > k_excerpt_width && caret > k_excerpt_width / 2) {
    begin = std::min(caret - k_excerpt_width / 2, line_text.size() - k_excerpt_width);
    // Never start inside a UTF-8 sequence.
    while (begin < caret && (static_cast<unsigned char>(line_text[begin]) & 0xC0) == 0x80) {
      ++begin;
    }
    out += "...";
    cells = 3;
  }
  std::size_t i = begin;
  while (i < line_text.size()) {
    const Shown c = show_char(line_text, i);
    if (i + c.bytes > begin + k_excerpt_width) break;  // never end inside one either
    if (i < caret) cells += c.cells;
    out += c.text;
    i += c.bytes;
  }
  if (i < line_text.size()) out += "...";
  return fmt::format("{}\n    {}^", out, std::string(cells, ' '));
}

}  // namespace entente
