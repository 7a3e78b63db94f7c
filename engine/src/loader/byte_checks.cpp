#include "loader/byte_checks.h"

#include <fmt/format.h>

#include "support/utf8.h"

namespace entente::detail {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

struct Cursor {
  int line = 1;
  int column = 1;
};

// YAML's c-printable, less what no position file needs: C0 controls but TAB, LF and CR,
// DEL, and C1 controls but NEL.
bool is_forbidden_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F && cp != 0x85);
}

Diagnostic error_at(std::string_view file, Cursor at, std::string message) {
  return Diagnostic{{std::string(file), at.line, at.column}, Severity::error, std::move(message)};
}

}  // namespace

Expected<std::string_view> check_bytes(std::string_view raw, std::string_view file) {
  const auto fail = [&](Cursor at, std::string message) -> Expected<std::string_view> {
    return tl::unexpected(std::vector<Diagnostic>{error_at(file, at, std::move(message))});
  };
  using std::string_view_literals::operator""sv;
  if (raw.starts_with("\x00\x00\xFE\xFF"sv) || raw.starts_with("\xFF\xFE"sv) ||
      raw.starts_with("\xFE\xFF"sv)) {
    return fail({}, "the file is UTF-16 or UTF-32 encoded; save it as UTF-8");
  }
  std::string_view text = raw;
  if (text.starts_with(k_utf8_bom)) text.remove_prefix(k_utf8_bom.size());
  Cursor at;
  for (std::size_t i = 0; i < text.size();) {
    const support::CodePoint c = support::decode_utf8(text, i);
    const char32_t cp = c.value;
    const auto n = static_cast<int>(c.length);
    if (!c.valid) {
      return fail(at, fmt::format("invalid UTF-8 byte 0x{:02X}; the file must be UTF-8 encoded",
                                  static_cast<unsigned char>(text[i])));
    }
    if (cp == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      return fail(at, "carriage return without line feed (use LF or CRLF line endings)");
    }
    if (is_forbidden_control(cp)) {
      return fail(at, fmt::format("control character U+{:04X} is not allowed",
                                  static_cast<std::uint32_t>(cp)));
    }
    i += static_cast<std::size_t>(n);
    if (cp == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      at.column += n;  // byte columns, as yaml-cpp's marks count them
    }
  }
  return text;
}

}  // namespace entente::detail
