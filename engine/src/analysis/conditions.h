#pragma once

#include <vector>

#include "entente/position_graph.h"
#include "graph/graph.h"

namespace entente::detail {

/// The two fixpoints of docs/format.md 3.2, one flag per vertex (a position's is its
/// PositionId).
struct Fixpoints {
  std::vector<char> agreed{};      ///< least fixpoint: agreed
  std::vector<char> in_package{};  ///< greatest fixpoint minus least fixpoint
};

/// Solves both fixpoints on the graph's needs edges (analysis/fixpoint.h).
Fixpoints solve_conditions(const Graph& g);

/// Splits package members into groups joined by needs edges between members (connected
/// components), members sorted by ref and groups by their first member.
std::vector<std::vector<PositionId>> group_packages(const Graph& g,
                                                    const std::vector<char>& in_package);

}  // namespace entente::detail
