#pragma once
// Colour on a terminal (ANSI SGR), once for the reports and the CLI's diagnostics. Text is
// made safe with terminal_safe() (support/utf8.h) before it is painted, so these codes are
// the only escape sequences that reach the terminal.

#include <string>
#include <string_view>

namespace entente::support {

// ANSI SGR parameters.
inline constexpr std::string_view k_bold = "1";
inline constexpr std::string_view k_dim = "2";
inline constexpr std::string_view k_red = "31";
inline constexpr std::string_view k_green = "32";
inline constexpr std::string_view k_yellow = "33";
inline constexpr std::string_view k_bold_red = "1;31";
inline constexpr std::string_view k_bold_magenta = "1;35";

/// `text` in the colour of `sgr`, reset after it; unchanged when either is empty.
std::string paint(std::string_view text, std::string_view sgr);

}  // namespace entente::support
