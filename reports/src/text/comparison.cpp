// The what-if and diff reports for a terminal: the verdict, then one section of aligned lines
// per kind of change (comparison_tables.h). The JSON is json/comparison.cpp.
#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/args.h>
#include <fmt/format.h>

#include "comparison_tables.h"
#include "entente/reports/comparison.h"
#include "escape.h"
#include "support/terminal.h"
#include "writers.h"

namespace entente::reports {
namespace {

// Text: one section per kind of change, only those that have entries.
class TextWriter {
 public:
  TextWriter(std::ostream& out, const WriteOptions& options) : out_(out), color_(options.color) {}

  void section(std::string_view title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    out_ << '\n' << bold(fmt::format("{} ({})", title, lines.size())) << '\n';
    for (const std::string& line : lines) out_ << "  " << line << '\n';
  }
  std::string bold(std::string_view s) const {
    return color_ ? support::paint(s, support::k_bold) : std::string(s);
  }
  std::ostream& out() { return out_; }

 private:
  std::ostream& out_;
  bool color_;
};

// A table's rows as the text format's lines, made safe for a terminal.
std::vector<std::string> text_lines(const detail::ChangeTable& table) {
  std::vector<std::vector<std::string>> rows;
  std::size_t width = 0;
  for (const auto& row : table.rows) {
    std::vector<std::string>& cells = rows.emplace_back();
    for (const detail::ChangeCell& cell : row) cells.push_back(detail::cell_text(cell));
    width = std::max(width, cells.front().size());
  }
  std::vector<std::string> lines;
  for (std::vector<std::string>& cells : rows) {
    if (table.aligned) cells.front() = fmt::format("{:<{}}", cells.front(), width);
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const std::string& cell : cells) args.push_back(cell);
    lines.push_back(detail::terminal(fmt::vformat(table.line, args)));
  }
  return lines;
}

}  // namespace

void write_comparison_text(const ComparisonKind& kind, const StreamedReport& /*before*/,
                           const StreamedReport& after, const Comparison& c, std::ostream& out,
                           const WriteOptions& options) {
  TextWriter w(out, options);
  out << w.bold(detail::terminal(after.header().title)) << '\n';
  if (kind.kind == ComparisonKind::what_if) {
    out << "What if: " << detail::terminal(fmt::format("{}", fmt::join(kind.items, "; ")));
  } else {
    out << "Compared: " << detail::terminal(fmt::format("{}", fmt::join(kind.items, " -> ")));
  }
  out << "\nVerdict: " << detail::terminal(detail::verdict(c)) << '\n';
  for (const detail::ChangeTable& table : detail::change_tables(kind, c)) {
    w.section(table.title, text_lines(table));
  }
}

}  // namespace entente::reports
