#pragma once

#include <vector>

#include "entente/reports/explain.h"

namespace entente::reports::detail {

struct ConditionTree {
  std::vector<ConditionLine> lines{};
  bool truncated = false;  ///< some branch stopped at the depth limit
};

/// The conditions of `root`'s conditional stances followed to their roots, in pre-order.
/// Iterative, so a long chain in a file cannot overflow the stack; each position is followed
/// once, so the tree is no larger than the stances of the report.
ConditionTree condition_tree(const Report& report, const PositionRow& root, int max_depth);

}  // namespace entente::reports::detail
