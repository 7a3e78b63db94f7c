#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "entente/analysis.h"
#include "support/terminal.h"

// What the text writers share, so that a report and an explanation read as one program's
// output: the page width, the colours, terminal-safe wrapping.
namespace entente::reports::detail {

// Long text is wrapped to this many columns; a fixed width keeps the output the same on every
// terminal (a writer may not ask the terminal how wide it is).
constexpr int k_wrap_width = 80;

using support::k_bold;
using support::k_bold_magenta;
using support::k_bold_red;
using support::k_dim;
using support::k_green;
using support::k_red;
using support::k_yellow;

/// User text made harmless for a terminal. Every piece of it goes through here before it is
/// painted or measured, so colour codes are the only escape sequences that reach the terminal.
std::string safe(std::string_view s);

/// Wraps text in colour codes, or not, as the writer was told.
class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view text, std::string_view sgr) const;

 private:
  bool color_;
};

std::string_view stance_color(EffectiveStance s);

/// "1 party", "2 parties".
std::string plural(std::size_t n, std::string_view one, std::string_view many);

/// Greedy word wrap of raw text into terminal-safe lines; the first line may be narrower, for
/// text that continues a line already started.
std::vector<std::string> wrap(std::string_view text, int first_width, int width);

/// `text` wrapped to the page, each line indented by `indent` columns.
void write_wrapped(std::ostream& out, std::string_view text, int indent);

/// The items made safe and joined by `separator`.
std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace entente::reports::detail
