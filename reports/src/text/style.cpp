#include "text/style.h"

#include <algorithm>
#include <ostream>
#include <utility>

#include <fmt/format.h>

#include "escape.h"

namespace entente::reports::detail {

std::string safe(std::string_view s) { return terminal(s); }

std::string Painter::operator()(std::string_view text, std::string_view sgr) const {
  return color_ ? support::paint(text, sgr) : std::string(text);
}

std::string_view stance_color(EffectiveStance s) {
  switch (s) {
    case EffectiveStance::agree:
      return k_green;
    case EffectiveStance::reject:
      return k_red;
    case EffectiveStance::consider:
      return k_yellow;
    case EffectiveStance::silent:
      return k_dim;
  }
  return {};
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Whitespace runs (newlines included) become one space. A word longer than the line stays
// whole on its own line rather than being cut.
std::vector<std::string> wrap(std::string_view text, int first_width, int width) {
  std::vector<std::string> lines;
  std::string line;
  int line_width = 0;  // display_width(line), kept as words are added
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find_first_of(" \t\r\n", i), text.size());
    if (end > i) {
      const std::string word = safe(text.substr(i, end - i));
      const int word_width = display_width(word);
      const int room = lines.empty() ? first_width : width;
      if (!line.empty() && line_width + 1 + word_width > room) {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
      }
      if (!line.empty()) {
        line += ' ';
        ++line_width;
      }
      line += word;
      line_width += word_width;
    }
    i = end + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

void write_wrapped(std::ostream& out, std::string_view text, int indent) {
  const std::string margin(static_cast<std::size_t>(indent), ' ');
  const int width = k_wrap_width - indent;
  for (const std::string& line : wrap(text, width, width)) out << margin << line << '\n';
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : std::string(separator)) + safe(item);
  }
  return out;
}

}  // namespace entente::reports::detail
