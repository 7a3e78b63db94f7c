// Conditional stances (FORMAT.md 3.2). Both fixpoints are Horn-style propagations: each
// (stance, condition) pair is visited once, so chains and cycles of any length cost linear
// time, with no pass-until-nothing-changes loop and no recursion.
#include "analysis/conditions.h"

#include <algorithm>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

namespace entente::detail {
namespace {

// For each position R, the positions whose counting conditional stances name R, once per
// naming. Conditions that name no position are counted per target instead.
struct ConditionIndex {
  std::vector<std::vector<PositionId>> dependents{};
  std::vector<std::size_t> pairs{};       ///< per target: (stance, condition) pairs
  std::vector<char> can_agree{};          ///< no audience stance rules agreement out
  std::vector<char> names_nothing{};      ///< a counting condition names no position
};

ConditionIndex index_conditions(const PositionGraph::Impl& g) {
  const std::size_t n = g.positions.size();
  ConditionIndex index{std::vector<std::vector<PositionId>>(n), std::vector<std::size_t>(n, 0),
                       std::vector<char>(n, 1), std::vector<char>(n, 0)};
  for (PositionId t = 0; t < n; ++t) {
    for (const AudienceEntry& entry : g.audiences[t]) {
      if (entry.stance == k_no_stance) {
        index.can_agree[t] = 0;  // silence is never agreement
        continue;
      }
      const StanceInfo& s = g.stances[entry.stance];
      if (s.value == Stance::agree) continue;
      if (g.conditions_of(s).empty()) {
        index.can_agree[t] = 0;
        continue;
      }
      for (const PositionId condition : g.conditions_of(s)) {
        if (condition == k_no_position) {
          index.names_nothing[t] = 1;
          continue;
        }
        index.dependents[condition].push_back(t);
        ++index.pairs[t];
      }
    }
  }
  return index;
}

std::vector<char> least_fixpoint(const ConditionIndex& index) {
  const std::size_t n = index.pairs.size();
  std::vector<char> agreed(n, 0);
  std::vector<std::size_t> unmet = index.pairs;
  std::vector<PositionId> work;
  const auto consider = [&](PositionId t) {
    if (!agreed[t] && unmet[t] == 0 && index.can_agree[t] && !index.names_nothing[t]) {
      agreed[t] = 1;
      work.push_back(t);
    }
  };
  for (PositionId t = 0; t < n; ++t) consider(t);
  while (!work.empty()) {
    const PositionId r = work.back();
    work.pop_back();
    for (const PositionId t : index.dependents[r]) {
      --unmet[t];
      consider(t);
    }
  }
  return agreed;
}

std::vector<char> greatest_fixpoint(const ConditionIndex& index) {
  const std::size_t n = index.pairs.size();
  std::vector<char> in(n, 1);
  std::vector<PositionId> work;
  for (PositionId t = 0; t < n; ++t) {
    if (!index.can_agree[t] || index.names_nothing[t]) {
      in[t] = 0;
      work.push_back(t);
    }
  }
  while (!work.empty()) {
    const PositionId r = work.back();
    work.pop_back();
    for (const PositionId t : index.dependents[r]) {
      if (in[t]) {
        in[t] = 0;
        work.push_back(t);
      }
    }
  }
  return in;
}

}  // namespace

bool is_counting_conditional(const PositionGraph::Impl& g, const StanceInfo& s) {
  return s.in_audience && s.value != Stance::agree && !g.conditions_of(s).empty();
}

Fixpoints solve_conditions(const PositionGraph::Impl& g) {
  const ConditionIndex index = index_conditions(g);
  Fixpoints out{least_fixpoint(index), greatest_fixpoint(index)};
  for (std::size_t t = 0; t < out.agreed.size(); ++t) {
    if (out.agreed[t]) out.in_package[t] = 0;
  }
  return out;
}

std::vector<std::vector<PositionId>> group_packages(const PositionGraph::Impl& g,
                                                    const std::vector<char>& in_package) {
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Undirected links(g.positions.size());
  for (const StanceInfo& s : g.stances) {
    if (!is_counting_conditional(g, s) || !in_package[s.target]) continue;
    for (const PositionId condition : g.conditions_of(s)) {
      if (condition != k_no_position && in_package[condition]) {
        boost::add_edge(s.target, condition, links);
      }
    }
  }
  std::vector<std::size_t> component(g.positions.size());
  boost::connected_components(links, component.data());
  std::vector<std::vector<PositionId>> groups(g.positions.size());
  for (PositionId t = 0; t < g.positions.size(); ++t) {
    if (in_package[t]) groups[component[t]].push_back(t);
  }
  std::erase_if(groups, [](const auto& group) { return group.empty(); });
  const auto by_ref = [&](PositionId a, PositionId b) {
    return g.positions[a].ref < g.positions[b].ref;
  };
  for (auto& group : groups) std::sort(group.begin(), group.end(), by_ref);
  std::sort(groups.begin(), groups.end(),
            [&](const auto& a, const auto& b) { return by_ref(a.front(), b.front()); });
  return groups;
}

}  // namespace entente::detail
