#include "escape.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace entente::reports::detail {
namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  ///< bytes consumed
  bool valid = false;      ///< false: `length` is 1 and the byte is not UTF-8
};

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. A lenient
// decoder would let "\xC0\x8A" through as a newline in disguise.
CodePoint decode(std::string_view s, std::size_t i) {
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

struct Range {
  char32_t first;
  char32_t last;
};

// Characters a terminal draws in no column: the combining blocks, zero-width space/joiners and
// direction marks, word joiners, variation selectors and the BOM.
constexpr auto k_zero_width = std::to_array<Range>({{0x0300, 0x036F},
                                                    {0x1AB0, 0x1AFF},
                                                    {0x1DC0, 0x1DFF},
                                                    {0x200B, 0x200F},
                                                    {0x2060, 0x2064},
                                                    {0x20D0, 0x20FF},
                                                    {0xFE00, 0xFE0F},
                                                    {0xFE20, 0xFE2F},
                                                    {0xFEFF, 0xFEFF},
                                                    {0xE0100, 0xE01EF}});

// East Asian Wide and Fullwidth (Unicode 15, UAX #11) and emoji with default emoji
// presentation (approximated by block where a block is mostly wide); sorted for binary search.
constexpr auto k_wide = std::to_array<Range>({
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248},
    {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD},
});

template <std::size_t N>
bool in_ranges(const std::array<Range, N>& ranges, char32_t c) {
  const auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                                   [](char32_t v, const Range& r) { return v < r.first; });
  return it != ranges.begin() && c <= std::prev(it)->last;
}

int code_point_width(const CodePoint& cp) {
  if (!cp.valid) return 1;
  if (in_ranges(k_zero_width, cp.value)) return 0;
  return in_ranges(k_wide, cp.value) ? 2 : 1;
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
  return out;
}

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

bool printable_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= ' ' && c < 0x7F; });
}

std::string terminal(std::string_view s) {
  if (printable_ascii(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    const std::string_view bytes = s.substr(i, cp.length);
    out += !cp.valid || is_control(cp.value) ? hex_bytes(bytes) : std::string(bytes);
    i += cp.length;
  }
  return out;
}

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

int display_width(std::string_view utf8) {
  if (printable_ascii(utf8)) return static_cast<int>(utf8.size());
  int width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const CodePoint cp = decode(utf8, i);
    width += code_point_width(cp);
    i += cp.length;
  }
  return width;
}

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
    if (used + code_point_width(cp) > room) break;
    used += code_point_width(cp);
    end += cp.length;
  }
  std::string out(s.substr(0, end));
  if (width >= ellipsis_width) out += k_ellipsis;
  return out;
}

}  // namespace entente::reports::detail
