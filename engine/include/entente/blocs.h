#pragma once
// Who answers alike (docs/format.md 6.3): the alignment of every two parties over the
// positions both answer, and the blocs that average-linkage clustering makes of it.

#include <cstdint>
#include <optional>
#include <vector>

#include "entente/analysis.h"
#include "entente/position_graph.h"
#include "entente/strings.h"

namespace entente {

/// Every two parties' alignment and shared count, the parties in id order.
struct Alignment {
  std::vector<Symbol> parties{};  ///< in id order: rows and columns
  /// Row-major over `parties`: the number of positions both answer (0 on the diagonal).
  std::vector<std::uint32_t> shared{};
  /// Row-major: the mean score over those positions, none where `shared` is 0.
  std::vector<std::optional<double>> alignment{};

  std::size_t size() const { return parties.size(); }
  std::uint32_t shared_by(std::size_t p, std::size_t q) const { return shared[p * size() + q]; }
  std::optional<double> of(std::size_t p, std::size_t q) const { return alignment[p * size() + q]; }

  friend bool operator==(const Alignment&, const Alignment&) = default;
};

/// One merge of two clusters, each sorted by id, `a` the one with the smaller first member.
struct BlocMerge {
  std::vector<Symbol> a{};
  std::vector<Symbol> b{};
  double linkage = 0;

  friend bool operator==(const BlocMerge&, const BlocMerge&) = default;
};

struct Blocs {
  Alignment alignment{};
  double threshold = 0.5;
  std::vector<BlocMerge> merges{};           ///< in the order made
  std::vector<std::vector<Symbol>> blocs{};  ///< each sorted, sorted by first member
  /// For each bloc, the linkage of the merge that completed it; none for a party never merged.
  std::vector<std::optional<double>> completed_at{};
  /// Every party in bloc order: the blocs in turn, each in the order its merges joined it.
  std::vector<Symbol> order{};
  /// `order` as rows (and columns) of `alignment`.
  std::vector<std::size_t> order_rows{};

  friend bool operator==(const Blocs&, const Blocs&) = default;
};

/// The default of `threshold`.
inline constexpr double k_default_bloc_threshold = 0.5;

/// Each party's answers (a party holding a position agrees with it; an audience party's
/// effective stance; silence is no answer), every two parties' alignment, and the blocs of
/// the clusters whose linkage reaches `threshold` (0 to 1).
Blocs find_blocs(const PositionGraph& graph, const Analysis& analysis,
                 double threshold = k_default_bloc_threshold);

/// docs/format.md 6.3's rounding for comparisons: to 9 decimal places, half up, as a count of
/// billionths.
double round_to_9(double x);

}  // namespace entente
