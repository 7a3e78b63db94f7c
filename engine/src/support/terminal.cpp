#include "support/terminal.h"

#include <fmt/format.h>

namespace entente::support {

std::string paint(std::string_view text, std::string_view sgr) {
  if (text.empty() || sgr.empty()) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
}

}  // namespace entente::support
