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
  const detail::BlocView view(blocs);
  const std::size_t n = view.order.size();
  out << fmt::format("Blocs of {} parties, threshold {:.3f}\n", n, blocs.threshold);
  std::size_t width = 5;
  for (const std::size_t p : view.order) {
    width = std::max(width, detail::safe(blocs.alignment.parties[p]).size());
  }
  out << "\nAlignment (the parties in bloc order; - where nothing is shared)\n";
  out << fmt::format("  {:<{}}", "", width);
  for (const std::size_t q : view.order) {
    out << fmt::format("  {:>{}}", detail::safe(blocs.alignment.parties[q]), width);
  }
  out << '\n';
  for (const std::size_t p : view.order) {
    out << fmt::format("  {:<{}}", detail::safe(blocs.alignment.parties[p]), width);
    for (const std::size_t q : view.order) out << fmt::format("  {:>{}}", view.cell(p, q), width);
    out << '\n';
  }
  out << "\nBlocs\n";
  for (std::size_t b = 0; b < blocs.blocs.size(); ++b) {
    const BlocMerge* last = view.completed_by(b);
    out << fmt::format("  {}. {}{}\n", b + 1, names(blocs.blocs[b]),
                       last != nullptr ? fmt::format(" (linkage {:.3f})", last->linkage) : "");
  }
  out << "\nMerges, in the order made\n";
  if (blocs.merges.empty()) out << "  none: no two parties reach the threshold\n";
  for (std::size_t i = 0; i < blocs.merges.size(); ++i) {
    const BlocMerge& m = blocs.merges[i];
    out << fmt::format("  {}. {} + {} at {:.3f}\n", i + 1, names(m.a), names(m.b), m.linkage);
  }
}

}  // namespace entente::reports
