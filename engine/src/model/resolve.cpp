// Every reference of a scenario looked up once, for validate() and the graph.
#include <string>

#include "support/parallel.h"
#include "entente/resolution.h"
#include "support/id_table.h"

namespace entente {
namespace {

using detail::IdTable;

constexpr std::uint32_t k_none = Resolution::k_none;

template <class T>
IdTable index_ids(const std::vector<T>& items, std::vector<std::uint32_t>& first) {
  IdTable table(items.size());
  first.reserve(items.size());
  for (const T& item : items) first.push_back(table.add(item.id.number()).first);
  return table;
}

std::uint32_t find(const IdTable& table, Symbol id) {
  return table.find(id.number()).value_or(k_none);
}

// A position's name in the table of positions: its holder's id and its own.
std::uint64_t position_key(Symbol holder, Symbol id) {
  return (std::uint64_t{holder.number()} << 32U) | id.number();
}

std::uint32_t find_position(const IdTable& positions, const PositionRef& ref) {
  // A ref without a holder names no position: every position has one, if only ''.
  if (ref.holder.empty()) return k_none;
  return positions.find(position_key(ref.holder, ref.position_id)).value_or(k_none);
}

std::uint32_t find_position(const IdTable& positions, const IdRef& ref) {
  return find_position(positions, PositionRef(ref.id.view()));
}

}  // namespace

bool Resolution::fits(const Scenario& s) const {
  return first_party.size() == s.parties.size() && first_issue.size() == s.issues.size() &&
         first_source.size() == s.sources.size() && position_sources.size() == s.positions.size() &&
         stance_sources.size() == s.stances.size() && first_position.size() == s.positions.size() &&
         holder.size() == s.positions.size() && issue.size() == s.positions.size() &&
         audience.size() == s.positions.size() && taker.size() == s.stances.size() &&
         target.size() == s.stances.size() && via.size() == s.stances.size() &&
         conditions.size() == s.stances.size() && status_quo.size() == s.issues.size();
}

Resolution resolve(const Scenario& s) {
  Resolution r;
  const IdTable parties = index_ids(s.parties, r.first_party);
  const IdTable issues = index_ids(s.issues, r.first_issue);
  const IdTable sources = index_ids(s.sources, r.first_source);
  IdTable positions(s.positions.size());
  // The positions' table (in order: a repeated ref names its first position) and each
  // position's own references need nothing of each other: two threads on a large scenario.
  const auto index_positions = [&] {
    r.first_position.reserve(s.positions.size());
    for (const Position& p : s.positions) {
      r.first_position.push_back(positions.add(position_key(p.party, p.id)).first);
    }
  };
  // A holder left out by a focus (docs/format.md 6.2) comes after the parties.
  const auto holder_of = [&](const Position& p) {
    const std::uint32_t party = find(parties, p.party);
    if (party != k_none || s.outsiders.empty()) return party;
    for (std::uint32_t k = 0; k < s.outsiders.size(); ++k) {
      if (s.outsiders[k].id == p.party) return static_cast<std::uint32_t>(s.parties.size()) + k;
    }
    return k_none;
  };
  const auto resolve_positions = [&] {
    r.holder.reserve(s.positions.size());
    r.issue.reserve(s.positions.size());
    for (const Position& p : s.positions) {
      r.holder.push_back(holder_of(p));
      r.issue.push_back(find(issues, p.issue.id));
      for (const IdRef& q : p.sources) r.position_sources.push(find(sources, q.id));
      r.position_sources.end_list();
      for (const IdRef& q : p.to) r.audience.push(find(parties, q.id));
      r.audience.end_list();
    }
  };
  run_both(s.positions.size() >= k_worth_a_second_thread, index_positions, resolve_positions);
  r.conditions.assign_sizes(s.stances.size(),
                            [&](std::size_t d) { return s.stances[d].agree_if.size(); });
  r.taker.resize(s.stances.size());
  r.target.resize(s.stances.size());
  r.via.resize(s.stances.size());
  r.stance_sources.assign_sizes(s.stances.size(),
                                [&](std::size_t d) { return s.stances[d].sources.size(); });
  // Lookups in no order are most of the time: on two threads past 20,000 stances.
  const auto resolve_stances = [&](std::size_t begin, std::size_t end) {
    for (std::size_t d = begin; d < end; ++d) {
      const StanceDecl& st = s.stances[d];
      r.taker[d] = find(parties, st.party);
      r.target[d] = find_position(positions, st.position);
      r.via[d] =
          st.via ? positions.find(position_key(st.party, st.via->id)).value_or(k_none) : k_none;
      const std::span<std::uint32_t> cited = r.stance_sources[d];
      for (std::size_t k = 0; k < cited.size(); ++k) cited[k] = find(sources, st.sources[k].id);
      const std::span<std::uint32_t> conditions = r.conditions[d];
      for (std::size_t k = 0; k < conditions.size(); ++k) {
        conditions[k] = find_position(positions, st.agree_if[k]);
      }
    }
  };
  for_two_halves(s.stances.size(), k_worth_a_second_thread, resolve_stances);
  r.status_quo.reserve(s.issues.size());
  for (const Issue& issue : s.issues) {
    r.status_quo.push_back(issue.status_quo ? find_position(positions, *issue.status_quo) : k_none);
  }
  return r;
}

}  // namespace entente
