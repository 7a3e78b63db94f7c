#pragma once
// UTF-8, once for the whole program: strict decoding, terminal columns (Debian's libutf8proc)
// and text made safe for a terminal. A support library (entente_support) that the engine,
// the reports and the CLI link privately: plumbing, not the engine's public API.

#include <cstddef>
#include <string>
#include <string_view>

namespace entente::support {

/// One character of UTF-8 text.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  ///< bytes it takes
  bool valid = false;      ///< false: `length` is 1 and the byte there starts no character
};

/// The character at `s[i]`, strict UTF-8 (RFC 3629): no overlong forms, no surrogates,
/// nothing above U+10FFFF (a lenient decoder would let "\xC0\x8A" through as a newline in
/// disguise).
CodePoint decode_utf8(std::string_view s, std::size_t i);

/// True when every byte is printable ASCII (space to '~'), as nearly all text is: safe for a
/// terminal as it is, one column a byte.
bool printable_ascii(std::string_view s);

/// A C0 control, DEL or a C1 control (U+0080..U+009F): what can drive a terminal.
bool is_control(char32_t c);

/// Terminal columns a character takes, as libutf8proc says: 2 for wide and emoji
/// characters, 0 for combining marks and other zero-width characters, 1 otherwise and for a
/// byte that is not UTF-8.
int char_width(const CodePoint& c);

/// The columns of a text: the sum of its characters' widths.
int display_width(std::string_view s);

/// `s` with what can drive a terminal (controls, and bytes that are not UTF-8: a raw 0x9B is
/// CSI to some terminals) shown as \xNN; other UTF-8 passes through.
std::string terminal_safe(std::string_view s);

/// The bytes of `s` as \xNN each.
std::string hex_bytes(std::string_view s);

}  // namespace entente::support
