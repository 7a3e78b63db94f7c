#pragma once
// What the text and Markdown forms of `entente blocs` share: the parties in bloc order, each
// cell of the matrix as people read it, and the merge that completed each bloc.

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "entente/blocs.h"

namespace entente::reports::detail {

class BlocView {
 public:
  explicit BlocView(const Blocs& blocs) : blocs_(blocs) {
    for (const Symbol id : blocs.order) {
      const auto& parties = blocs.alignment.parties;
      order.push_back(static_cast<std::size_t>(std::find(parties.begin(), parties.end(), id) -
                                               parties.begin()));
    }
  }

  /// Rows of the alignment matrix, in bloc order.
  std::vector<std::size_t> order{};

  /// Alignment of p and q to 3 decimals, "-" when undefined (a party with itself too).
  std::string cell(std::size_t p, std::size_t q) const {
    const auto v = blocs_.alignment.of(p, q);
    return v ? fmt::format("{:.3f}", *v) : std::string("-");
  }

  /// The merge that made bloc b, none for a party never merged.
  const BlocMerge* completed_by(std::size_t b) const {
    const std::vector<Symbol>& bloc = blocs_.blocs[b];
    for (const BlocMerge& m : blocs_.merges) {
      if (m.a.size() + m.b.size() != bloc.size()) continue;
      std::vector<Symbol> joined = m.a;
      joined.insert(joined.end(), m.b.begin(), m.b.end());
      std::sort(joined.begin(), joined.end());
      if (joined == bloc) return &m;
    }
    return nullptr;
  }

 private:
  const Blocs& blocs_;
};

}  // namespace entente::reports::detail
