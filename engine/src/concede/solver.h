#pragma once
// The Z3 side of `entente concede`: the only code that includes z3++.h.

#include <cstddef>
#include <optional>
#include <vector>

#include "concede/problem.h"

namespace entente::detail {

struct Solution {
  int cost = 0;
  std::vector<std::vector<char>> plans{};  ///< per plan, one flag per Problem::moves entry
  bool more_plans = false;                 ///< plans of the same cost beyond `top` exist
};

/// The optimum cost and up to `top` distinct sets of moves of that cost; none when no set
/// of the allowed moves meets the target. A solver failure throws std::runtime_error.
std::optional<Solution> solve(const Problem& problem, int top);

}  // namespace entente::detail
