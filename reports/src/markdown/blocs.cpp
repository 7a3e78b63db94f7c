// The answer of `entente blocs` in Markdown: the matrix as a table, parties in bloc order,
// then the blocs and the merges (as text/blocs.cpp).
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "blocs_parts.h"
#include "entente/reports/blocs.h"
#include "escape.h"
#include "text/style.h"
#include "writers.h"

namespace entente::reports {
namespace {

std::string codes(const std::vector<Symbol>& ids) {
  std::vector<std::string> out;
  for (const Symbol id : ids) out.push_back(detail::markdown_code(id));
  return detail::join(out, ", ");
}

}  // namespace

void write_blocs_markdown(const Blocs& blocs, std::ostream& out) {
  const auto& parties = blocs.alignment.parties;
  const std::vector<std::size_t>& rows = blocs.order_rows;  // bloc order
  out << fmt::format("# Blocs\n\n{} parties, threshold {:.3f}.\n\n", rows.size(), blocs.threshold);
  out << "## Alignment\n\nThe parties in bloc order; - where nothing is shared.\n\n|  |";
  for (const std::size_t q : rows) out << ' ' << detail::markdown_code(parties[q]) << " |";
  out << "\n|---|";
  for (std::size_t i = 0; i < rows.size(); ++i) out << "---:|";
  out << '\n';
  for (const std::size_t p : rows) {
    out << "| " << detail::markdown_code(parties[p]) << " |";
    for (const std::size_t q : rows) out << ' ' << detail::figure(blocs.alignment.of(p, q)) << " |";
    out << '\n';
  }
  out << "\n## Blocs\n\n";
  for (std::size_t b = 0; b < blocs.blocs.size(); ++b) {
    out << fmt::format("{}. {}{}\n", b + 1, codes(blocs.blocs[b]), detail::completed_at(blocs, b));
  }
  out << "\n## Merges\n\n";
  if (blocs.merges.empty()) out << "None: no two parties reach the threshold.\n";
  for (std::size_t i = 0; i < blocs.merges.size(); ++i) {
    const BlocMerge& m = blocs.merges[i];
    out << fmt::format("{}. {} + {} at {:.3f}\n", i + 1, codes(m.a), codes(m.b), m.linkage);
  }
}

}  // namespace entente::reports
