#include "escape.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "support/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace entente::reports::detail {
namespace {

using support::CodePoint;
using support::hex_bytes;
using support::is_control;

CodePoint decode(std::string_view s, std::size_t i) { return support::decode_utf8(s, i); }

// ASCII punctuation that can start markup somewhere in GitHub-flavoured Markdown: emphasis,
// code, links and images, raw HTML and entities, headings, lists, tables, strikethrough.
// CommonMark lets a backslash escape any of them.
constexpr std::string_view k_markdown_special = "\\`*_{}[]<>#+-!|~&";

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// The lines of `s` without their surrounding blanks, blank lines left out: Markdown would
// read leading blanks as an indented code block and an empty line as the end of the block.
std::vector<std::string_view> text_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  while (!s.empty()) {
    const std::size_t end = std::min(s.find_first_of("\r\n"), s.size());
    const std::string_view line = trim_blanks(s.substr(0, end));
    if (!line.empty()) lines.push_back(line);
    s.remove_prefix(std::min(end + 1, s.size()));
  }
  return lines;
}

// Whether the character at `i` would turn the line into a block other than a paragraph
// continuation: "1. " or "1) " opens an ordered list (`digits`: the line's leading digits), a
// line of "=" underlines a heading.
bool opens_block(std::string_view line, std::size_t i, std::size_t digits) {
  if (i == 0) return line[0] == '=';
  const bool marker = i == digits && (line[i] == '.' || line[i] == ')');
  return marker && (i + 1 == line.size() || is_blank(line[i + 1]));
}

// `line` with controls as spaces and bytes that are not UTF-8 as U+FFFD; with `escape`, with
// markup characters backslash-escaped as well.
std::string markdown_line(std::string_view line, bool escape) {
  const std::size_t digits = std::min(line.find_first_not_of("0123456789"), line.size());
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    const CodePoint cp = decode(line, i);
    if (!cp.valid) {
      out += k_replacement;
    } else if (is_control(cp.value)) {
      out += ' ';
    } else {
      const bool special =
          cp.value < 0x80 && k_markdown_special.find(line[i]) != std::string_view::npos;
      if (escape && (special || opens_block(line, i, digits))) out += '\\';
      out += line.substr(i, cp.length);
    }
    i += cp.length;
  }
  return out;
}

std::string markdown_lines(std::string_view s, std::string_view separator, bool escape) {
  std::string out;
  for (const std::string_view line : text_lines(s)) {
    if (!out.empty()) out += separator;
    out += markdown_line(line, escape);
  }
  return out;
}

}  // namespace

namespace {

// The bytes a JSON string holds as they are, as a table: short strings (ids, refs) are
// nearly all of the strings a report prints, and are tested a byte at a time.
constexpr std::array<bool, 256> k_plain_json_byte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// Where the run of bytes a JSON string holds as they are (printable ASCII but '"' and '\\')
// that starts at `i` ends. Reports are nearly all such bytes, so they are tested sixteen at a
// time where the processor has SSE2 (every x86-64), then eight at a time: a block passes when
// none of its bytes is below 0x20, 0x7F or above, '"' or '\\'.
std::size_t end_of_plain_run(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  // As signed bytes, those from 0x80 up are negative: one comparison below 0x20 finds
  // controls and non-ASCII alike.
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(x, space), _mm_cmpeq_epi8(x, quote)),
                     _mm_or_si128(_mm_cmpeq_epi8(x, backslash), _mm_cmpeq_epi8(x, del)));
    if (const int mask = _mm_movemask_epi8(special); mask != 0) {
      return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
  }
#endif
  constexpr std::uint64_t ones = 0x0101010101010101;
  constexpr std::uint64_t highs = 0x8080808080808080;
  // Bytes below n (n <= 0x80) set their high bit here, and no other byte does.
  const auto below = [](std::uint64_t x, std::uint64_t n) { return (x - ones * n) & ~x & highs; };
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, s.data() + i, 8);
    const std::uint64_t special = below(x, 0x20) | below(x ^ (ones * '"'), 1) |
                                  below(x ^ (ones * '\\'), 1) | below(x ^ (ones * 0x7F), 1) |
                                  (x & highs);
    if (special != 0) break;
  }
  while (i < s.size() && k_plain_json_byte[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace

bool plain_json(std::string_view s) { return end_of_plain_run(s, 0) == s.size(); }

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    // Runs of plain printable ASCII, nearly all of any report, are copied whole.
    const std::size_t plain = end_of_plain_run(s, i);
    out.append(s, i, plain - i);
    i = plain;
    if (i == s.size()) break;
    const CodePoint cp = decode(s, i);
    if (!cp.valid) {
      out += "\\ufffd";
    } else if (cp.value == '"' || cp.value == '\\') {
      out += '\\';
      out += static_cast<char>(cp.value);
    } else if (cp.value < 0x20 || cp.value == 0x7F) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp.value));
    } else {
      out += s.substr(i, cp.length);
    }
    i += cp.length;
  }
  out += '"';
  return out;
}

bool printable_ascii(std::string_view s) { return support::printable_ascii(s); }

std::string terminal(std::string_view s) { return support::terminal_safe(s); }

std::string html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string dot(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    if (!cp.valid) {
      out += k_replacement;  // Graphviz would read the whole file as Latin-1, with a warning
    } else if (cp.value == '\\' || cp.value == '"') {
      out += '\\';
      out += s[i];
    } else if (cp.value == '&') {
      out += "&amp;";  // Graphviz reads "&lt;" in any string as "<"
    } else if (cp.value == '\n') {
      out += "\\n";
    } else if (cp.value == '\r') {
      // "\r\n" is one line break; DOT's own \r means "right-justify"
    } else if (is_control(cp.value)) {
      out += ' ';
    } else {
      out += s.substr(i, cp.length);
    }
    i += cp.length;
  }
  return out;
}

std::string markdown(std::string_view s) { return markdown_lines(s, "\\\n", true); }

std::string markdown_cell(std::string_view s) { return markdown_lines(s, " ", true); }

std::string markdown_code(std::string_view s) {
  const std::string text = markdown_lines(s, " ", false);
  if (text.empty()) return text;
  // A fence longer than any run of backticks inside cannot be closed early.
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  // A backtick at either end would read as part of the fence; CommonMark strips one space
  // from each end when both are there, so the padding does not show.
  const std::string pad = text.front() == '`' || text.back() == '`' ? " " : "";
  return fence + pad + text + pad + fence;
}

int display_width(std::string_view utf8) { return support::display_width(utf8); }

std::string pad_right(std::string_view s, int width) {
  std::string out(s);
  const int missing = width - display_width(s);
  if (missing > 0) out.append(static_cast<std::size_t>(missing), ' ');
  return out;
}

std::string truncate(std::string_view s, int width) {
  if (display_width(s) <= width) return std::string(s);
  constexpr std::string_view k_ellipsis = "...";
  const int ellipsis_width = static_cast<int>(k_ellipsis.size());
  // Too narrow for "..." as well: cut without a mark rather than show nothing.
  const int room = width >= ellipsis_width ? width - ellipsis_width : std::max(0, width);
  int used = 0;
  std::size_t end = 0;
  while (end < s.size()) {
    const CodePoint cp = decode(s, end);
    if (used + support::char_width(cp) > room) break;
    used += support::char_width(cp);
    end += cp.length;
  }
  std::string out(s.substr(0, end));
  if (width >= ellipsis_width) out += k_ellipsis;
  return out;
}

}  // namespace entente::reports::detail
