#pragma once
// The Z3 side of `entente deals`: a Boolean per position, moves and losses as Boolean
// functions of them, each party's gain as an integer sum, and the searches of docs/deals.md
// (frontier by lexicographic optimisation, nash by a proven band search, leximin by
// successive order statistics). The only code of deals that includes z3++.h.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "deals/problem.h"
#include "entente/deals.h"

namespace entente::detail {

/// A deal: one flag per position.
using DealSet = std::vector<char>;

/// Thrown when the searches would run past their time budget.
struct DealsTimeLimit : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class DealSolver {
 public:
  /// `by_ref`: every position in reference order (the representative's tie-break).
  /// Every search throws DealsTimeLimit once `budget` has passed since construction, and a
  /// solver failure as std::runtime_error.
  DealSolver(const DealProblem& problem, std::vector<PositionId> by_ref,
             std::chrono::milliseconds budget);
  ~DealSolver();
  DealSolver(const DealSolver&) = delete;
  DealSolver& operator=(const DealSolver&) = delete;

  /// The first `top` frontier points (8.3), each as its representative deal, in frontier
  /// order; with `floor`, only those that dominate that gain vector. `more` says whether
  /// further points exist.
  std::vector<DealSet> frontier(std::size_t top, const std::vector<int>* floor, bool& more);
  DealSet nash();
  /// `hint`: an acceptable deal to start the search from (nash's is often close).
  DealSet leximin(const DealSet* hint = nullptr);
  DealSet utilitarian();
  /// Per position: whether some acceptable deal holds it.
  std::vector<char> holdable();
  /// Why no acceptable deal holds `t`; for `unacceptable`, the largest gain of the worst-off
  /// party over the feasible deals holding it.
  BlockedReason why_blocked(PositionId t, std::optional<int>& worst);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente::detail
