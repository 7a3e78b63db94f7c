#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "entente/strings.h"

namespace entente {

/// A file's name: interned, so a location costs 12 bytes however long its path.
using FileName = Symbol;

/// A place in an input file; line and column are 1-based, 0 when unknown.
struct SourceLocation {
  FileName file{};
  int line = 0;
  int column = 0;

  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
  friend auto operator<=>(const SourceLocation&, const SourceLocation&) = default;
};

enum class Severity { error, warning };

std::string_view to_string(Severity s);

/// A value a caller of the engine passed, named by the caller's own field (a what-if change
/// of kind `set`, ConcedeOptions::target as `target`): the caller says it in its own words
/// (the CLI, as its option). The engine never names a command-line option.
struct Argument {
  std::string field{};
  std::string value{};

  friend bool operator==(const Argument&, const Argument&) = default;
  friend auto operator<=>(const Argument&, const Argument&) = default;
};

/// One problem, with its origin: a place in a file (`where`), or a value the caller passed
/// (`argument`), or neither: the engine itself.
struct Diagnostic {
  SourceLocation where{};
  Severity severity = Severity::error;
  std::string message{};
  std::optional<Argument> argument{};
  /// `where.column` is the 1-based number of a field of a CSV record (the sheets of
  /// docs/csv.md), not a byte of the line.
  bool column_is_field = false;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// An error about a value the caller passed: its field and value (see Argument).
Diagnostic argument_error(std::string_view field, std::string_view value, std::string message);

/// A value, or every problem that prevented it.
template <class T>
using Expected = tl::expected<T, std::vector<Diagnostic>>;

/// Sorts by file, line and column (stable for equal places) and drops exact repeats.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

/// The first `max` of sorted diagnostics, and a last one saying how many were left out.
std::vector<Diagnostic> limit_diagnostics(std::vector<Diagnostic> diagnostics, std::size_t max);

/// True when any diagnostic is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics);

/// `file:line:column: error: message`, or `file: error: message` when there is no line;
/// `field value: error: message` for an argument, `entente: error: message` for the engine.
std::string format_diagnostic(const Diagnostic& d);

/// The source line under a diagnostic and a caret under its column, ninja style. The line is
/// made safe for a terminal (control bytes escaped) and cut to a readable width around the
/// column. Empty when `line_text` is empty.
std::string format_excerpt(std::string_view line_text, int column);

}  // namespace entente
