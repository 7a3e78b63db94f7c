#pragma once

#include <string>
#include <string_view>

// The one place where report text is made safe for its destination. Writers never escape by
// hand, so a new format cannot forget a case.
namespace entente::reports::detail {

/// A JSON string literal, quotes included (RFC 8259). Bytes below 0x20 and DEL become \u00XX,
/// valid UTF-8 passes through, and invalid UTF-8 becomes U+FFFD so the output stays valid JSON.
std::string json_string(std::string_view s);
/// True when json_string() only puts `s` in quotes: it is all printable ASCII but '"' and
/// '\\', as nearly all report text is.
bool plain_json(std::string_view s);

/// True when every byte is printable ASCII (space to '~'), as nearly all report text is: such
/// text is safe for a terminal as it is and takes one column a byte.
bool printable_ascii(std::string_view s);

/// Text that cannot drive a terminal: C0 controls, DEL, C1 controls (U+0080..U+009F) and bytes
/// that are not UTF-8 are shown as \xNN; other UTF-8 passes through.
std::string terminal(std::string_view s);

/// Text for HTML element content and quoted attribute values.
std::string html(std::string_view s);

/// The inside of a Graphviz DOT quoted string, shown as written in a label: quotes, backslashes
/// and "&" (Graphviz decodes HTML entities) escaped, line breaks as \n, controls as spaces and
/// bytes that are not UTF-8 as U+FFFD.
std::string dot(std::string_view s);

/// Markdown (GitHub-flavoured) that shows `s` as text inside a paragraph or list item: markup
/// characters are backslash-escaped, so nothing becomes emphasis, a link or raw HTML; each line
/// break becomes a hard break ("\" at the end of the line) and a line that would open a block
/// (an ordered-list number, a setext "=" underline) is escaped too.
std::string markdown(std::string_view s);

/// As markdown(), on one line: line breaks become spaces. For table cells and headings.
std::string markdown_cell(std::string_view s);

/// A Markdown code span showing `s` verbatim (for references and file names). Not for table
/// cells, where a "|" inside a code span still ends the cell.
std::string markdown_code(std::string_view s);

/// Terminal columns taken by UTF-8 text: wide and emoji characters take 2, combining marks and
/// zero-width characters 0, bytes that are not UTF-8 1 each.
int display_width(std::string_view utf8);

/// `s` followed by spaces up to `width` columns (unchanged when already as wide).
std::string pad_right(std::string_view s, int width);

/// The longest prefix of `s` that fits `width` columns, ending in "..." when it was cut.
std::string truncate(std::string_view s, int width);

}  // namespace entente::reports::detail
