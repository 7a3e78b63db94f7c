#pragma once
// The Z3 side of `entente concede`: the only code that includes z3++.h.

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "concede/problem.h"

namespace entente::detail {

struct Solution {
  int cost = 0;  ///< the optimum
  /// Per plan, one flag per Problem::moves entry: by cost (plan_cost()), then as found.
  std::vector<std::vector<char>> plans{};
  bool more_plans = false;  ///< plans in range beyond `top` exist
};

/// Whether a set of moves really meets the targets (meets_targets() of the problem's graph):
/// the encoding is exact but for exclusive issues, whose "no other alternative agreed" it
/// leaves to this check.
using PlanCheck = std::function<bool(const std::vector<char>& chosen)>;

/// The optimum cost and up to `top` distinct inclusion-minimal sets of moves that meet the
/// targets and cost at most `within` more, cheapest first (of equal cost, fewer moves
/// first); none when no set of the allowed moves meets the targets. A solver failure throws
/// std::runtime_error.
std::optional<Solution> solve(const Problem& problem, int top, int within, const PlanCheck& check);

}  // namespace entente::detail
