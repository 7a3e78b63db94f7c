#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "entente/reports/report.h"
#include "escape.h"

// What the files of the Markdown output share: markdown/report.cpp (the report) and
// markdown/comparison.cpp (diff and what-if) write the same headings, table rows, references
// and issue statuses. Every piece of user text goes through escape.h's markdown functions right
// where it is written.
namespace entente::reports::detail {

/// References as code spans joined by `separator`: std::string refs (a package) or views (a
/// stance's conditions).
template <class Ref>
std::string markdown_code_list(const std::vector<Ref>& refs, std::string_view separator) {
  std::string out;
  for (const std::string_view ref : refs) {
    out += (out.empty() ? "" : std::string(separator)) + markdown_code(ref);
  }
  return out;
}

/// A section's heading with its count: "## Sticking points (3)", a blank line either side.
void write_markdown_heading(std::ostream& out, std::string_view name, std::size_t count);

/// One table row; every cell is escaped text or markup of our own around escaped text.
void write_markdown_row(std::ostream& out, const std::vector<std::string>& cells);

/// An issue's status for a table cell, bold when deadlocked.
std::string markdown_issue_status(IssueStatus status);

}  // namespace entente::reports::detail
