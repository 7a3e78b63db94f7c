#pragma once
// What the text, Markdown and HTML forms of `entente blocs` share: each cell of the matrix as
// people read it, and a bloc's completing linkage.

#include <optional>
#include <string>

#include <fmt/format.h>

#include "entente/blocs.h"

namespace entente::reports::detail {

/// A figure to 3 decimals as printf's %.3f (docs/format.md 6.5), "-" when undefined.
inline std::string figure(std::optional<double> v) {
  return v ? fmt::format("{:.3f}", *v) : std::string("-");
}

/// " (linkage 0.750)" for a bloc that merges completed, "" for a party never merged.
inline std::string completed_at(const Blocs& blocs, std::size_t b) {
  const std::optional<double> at = blocs.completed_at[b];
  return at ? fmt::format(" (linkage {:.3f})", *at) : std::string();
}

}  // namespace entente::reports::detail
