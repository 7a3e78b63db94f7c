#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

#include "entente/diagnostic.h"

namespace entente::cli {

/// The option that gave the engine the value of one of its fields (Argument::field).
struct OptionName {
  std::string_view field{};
  std::string_view option{};
};

struct PrintOptions {
  bool color = false;  ///< ANSI colours; the caller decides (terminal, NO_COLOR)
  /// A diagnostic about an argument is headed by its option and value: `--by rusia: error:`.
  std::span<const OptionName> options{};
};

/// Prints each diagnostic as `file:line:col: error: message` with its source line and a caret
/// under the column (the line is read from the file named in the diagnostic, when readable),
/// then `entente: N errors, M warnings` when any of them is an error.
void print_diagnostics(std::span<const Diagnostic> diagnostics, std::ostream& err,
                       const PrintOptions& options = {});

/// Prints `entente: error: message` for a problem that is not in an input file, with control
/// bytes escaped (messages may quote arguments).
void print_tool_error(std::string_view message, std::ostream& err,
                      const PrintOptions& options = {});

}  // namespace entente::cli
