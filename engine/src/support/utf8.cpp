#include "support/utf8.h"

#include <algorithm>

#include <fmt/format.h>
#include <utf8proc.h>

namespace entente::support {

CodePoint decode_utf8(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {};
  }
  if (i + length > s.size()) return {};
  if (byte(i + 1) < low || byte(i + 1) > high) return {};
  char32_t value = lead & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    if (k > 1 && (byte(i + k) & 0xC0) != 0x80) return {};
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  return {value, length, true};
}

bool printable_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= ' ' && c < 0x7F; });
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

int char_width(const CodePoint& c) {
  if (!c.valid) return 1;
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(c.value));
}

int display_width(std::string_view s) {
  if (printable_ascii(s)) return static_cast<int>(s.size());
  int width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint c = decode_utf8(s, i);
    width += char_width(c);
    i += c.length;
  }
  return width;
}

std::string hex_bytes(std::string_view s) {
  std::string out;
  for (const char c : s) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
  return out;
}

std::string terminal_safe(std::string_view s) {
  if (printable_ascii(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint c = decode_utf8(s, i);
    const std::string_view bytes = s.substr(i, c.length);
    out += !c.valid || is_control(c.value) ? hex_bytes(bytes) : std::string(bytes);
    i += c.length;
  }
  return out;
}

}  // namespace entente::support
