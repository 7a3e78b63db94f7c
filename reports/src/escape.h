#pragma once

#include <string>
#include <string_view>

// The one place where report text is made safe for its destination. Writers never escape by
// hand, so a new format cannot forget a case.
namespace entente::reports::detail {

/// A JSON string literal, quotes included (RFC 8259). Bytes below 0x20 and DEL become \u00XX,
/// valid UTF-8 passes through, and invalid UTF-8 becomes U+FFFD so the output stays valid JSON.
std::string json_string(std::string_view s);

/// Text that cannot drive a terminal: C0 controls, DEL, C1 controls (U+0080..U+009F) and bytes
/// that are not UTF-8 are shown as \xNN; other UTF-8 passes through.
std::string terminal(std::string_view s);

/// Text for HTML element content and quoted attribute values.
std::string html(std::string_view s);

/// The inside of a Graphviz DOT quoted string.
std::string dot(std::string_view s);

/// Terminal columns taken by UTF-8 text: wide and emoji characters take 2, combining marks and
/// zero-width characters 0, bytes that are not UTF-8 1 each.
int display_width(std::string_view utf8);

/// `s` followed by spaces up to `width` columns (unchanged when already as wide).
std::string pad_right(std::string_view s, int width);

/// The longest prefix of `s` that fits `width` columns, ending in "..." when it was cut.
std::string truncate(std::string_view s, int width);

}  // namespace entente::reports::detail
