#pragma once

#include <vector>

#include "entente/position_graph.h"
#include "graph/bgl_graph.h"

namespace entente::detail {

/// The two fixpoints of FORMAT.md 3.2, one flag per position.
struct Fixpoints {
  std::vector<char> agreed{};      ///< least fixpoint: agreed
  std::vector<char> in_package{};  ///< greatest fixpoint minus least fixpoint
};

/// A stance that counts (3.2): by a party in the audience, with a value other than agree.
bool is_counting_conditional(const PositionGraph::Impl& g, const StanceInfo& s);

/// Solves both fixpoints with worklists, in time linear in positions plus conditions.
Fixpoints solve_conditions(const PositionGraph::Impl& g);

/// Splits package members into groups joined by counting conditions (3.2), members sorted
/// by ref and groups by their first member.
std::vector<std::vector<PositionId>> group_packages(const PositionGraph::Impl& g,
                                                    const std::vector<char>& in_package);

}  // namespace entente::detail
