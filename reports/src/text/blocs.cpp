// The answer of `entente blocs` for a terminal: the alignment matrix with the parties in bloc
// order, the blocs with the linkage that completed each, and the merges (the JSON is
// json/blocs.cpp). Figures are rounded to 3 decimals as printf's %.3f does (docs/format.md
// 6.5).
#include <algorithm>
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

std::string names(const std::vector<Symbol>& ids) {
  std::vector<std::string> safe_ids;
  for (const Symbol id : ids) safe_ids.push_back(detail::safe(id));
  return detail::join(safe_ids, ", ");
}

}  // namespace

void write_blocs_text(const Blocs& blocs, std::ostream& out) {
  const std::size_t n = blocs.order_rows.size();
  const std::vector<std::size_t>& rows = blocs.order_rows;  // bloc order
  out << fmt::format("Blocs of {} parties, threshold {:.3f}\n", n, blocs.threshold);
  std::size_t width = 5;
  for (const std::size_t p : rows) {
    width = std::max(width, detail::safe(blocs.alignment.parties[p]).size());
  }
  out << "\nAlignment (the parties in bloc order; - where nothing is shared)\n";
  out << fmt::format("  {:<{}}", "", width);
  for (const std::size_t q : rows) {
    out << fmt::format("  {:>{}}", detail::safe(blocs.alignment.parties[q]), width);
  }
  out << '\n';
  for (const std::size_t p : rows) {
    out << fmt::format("  {:<{}}", detail::safe(blocs.alignment.parties[p]), width);
    for (const std::size_t q : rows)
      out << fmt::format("  {:>{}}", detail::figure(blocs.alignment.of(p, q)), width);
    out << '\n';
  }
  out << "\nBlocs\n";
  for (std::size_t b = 0; b < blocs.blocs.size(); ++b) {
    out << fmt::format("  {}. {}{}\n", b + 1, names(blocs.blocs[b]),
                       detail::completed_at(blocs, b));
  }
  out << "\nMerges, in the order made\n";
  if (blocs.merges.empty()) out << "  none: no two parties reach the threshold\n";
  for (std::size_t i = 0; i < blocs.merges.size(); ++i) {
    const BlocMerge& m = blocs.merges[i];
    out << fmt::format("  {}. {} + {} at {:.3f}\n", i + 1, names(m.a), names(m.b), m.linkage);
  }
}

}  // namespace entente::reports
