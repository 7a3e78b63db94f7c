#include "loader/byte_checks.h"

#include <algorithm>
#include <cctype>
#include <string>

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

// `s` as one word of a POSIX shell: as it is when nothing in it is special, else in single
// quotes.
std::string shell_word(std::string_view s) {
  const auto plain = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("_-./+,:@%=").find(c) != std::string_view::npos;
  };
  if (!s.empty() && std::all_of(s.begin(), s.end(), plain)) return std::string(s);
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The bytes Windows-1252 leaves undefined: a file that holds one is not Windows-1252.
bool undefined_in_cp1252(unsigned char byte) {
  return byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D;
}

// The error for a byte that is not UTF-8. Text saved on Windows is often Windows-1252: when
// all before the byte was ASCII (so that converting would spoil no UTF-8) and the byte is
// one Windows-1252 defines, it shows the command that makes a UTF-8 copy.
std::string invalid_utf8(std::string_view file, unsigned char byte, bool ascii_before) {
  std::string message =
      fmt::format("invalid UTF-8 byte 0x{:02X}; the file must be UTF-8 encoded", byte);
  if (ascii_before && !undefined_in_cp1252(byte)) {
    const std::string from = shell_word(file);
    const std::string to = shell_word(fmt::format("{}.utf8", file));
    message += fmt::format(
        ", and if it is Windows-1252, this makes a UTF-8 copy to use "
        "instead: iconv -f cp1252 -t utf-8 {} > {}",
        from, to);
  }
  return message;
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
  bool ascii_before = true;  // so far: no byte order mark, no character past ASCII
  if (text.starts_with(k_utf8_bom)) {
    text.remove_prefix(k_utf8_bom.size());
    ascii_before = false;
  }
  Cursor at;
  for (std::size_t i = 0; i < text.size();) {
    const support::CodePoint c = support::decode_utf8(text, i);
    const char32_t cp = c.value;
    const auto n = static_cast<int>(c.length);
    if (!c.valid) {
      return fail(at, invalid_utf8(file, static_cast<unsigned char>(text[i]), ascii_before));
    }
    ascii_before = ascii_before && cp < 0x80;
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

bool holds_control(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto b = static_cast<unsigned char>(value[i]);
    if (b == '\t' || b == '\n') continue;
    if (b < 0x20 || b == 0x7F) return true;
    // C1 controls U+0080..U+009F (but NEL) are C2 80..C2 9F in UTF-8.
    if (b == 0xC2 && i + 1 < value.size()) {
      const auto next = static_cast<unsigned char>(value[i + 1]);
      if (next >= 0x80 && next <= 0x9F && next != 0x85) return true;
    }
  }
  return false;
}

}  // namespace entente::detail
