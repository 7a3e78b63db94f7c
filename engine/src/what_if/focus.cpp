// A focus on some parties (docs/format.md 6.2), made in memory like a what-if.
#include "entente/focus.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "entente/flat_lists.h"
#include "entente/resolution.h"
#include "model/find_position.h"

namespace entente {

struct Focuser::Index {
  Resolution r{};
  std::vector<std::uint32_t> everyone{};  ///< positions addressed to every other party
  FlatLists<std::uint32_t> addressed{};   ///< by party: the positions whose `to` names it
  FlatLists<std::uint32_t> taken{};       ///< by party: the stances it takes
};

namespace {

// Lists of items by party, each in item order: `party_of(i)` for each item i (k_none: none).
template <class PartyOf>
FlatLists<std::uint32_t> by_party(std::size_t parties, std::size_t items, PartyOf party_of) {
  std::vector<std::uint32_t> counts(parties, 0);
  for (std::size_t i = 0; i < items; ++i) {
    party_of(i, [&](std::uint32_t p) { ++counts[p]; });
  }
  FlatLists<std::uint32_t> out;
  out.assign_sizes(parties, [&](std::size_t p) { return counts[p]; });
  std::fill(counts.begin(), counts.end(), 0);
  for (std::size_t i = 0; i < items; ++i) {
    party_of(i, [&](std::uint32_t p) { out[p][counts[p]++] = static_cast<std::uint32_t>(i); });
  }
  return out;
}

}  // namespace

Focuser::Focuser(const Scenario& scenario) : s_(scenario) {
  auto index = std::make_unique<Index>();
  index->r = resolve(s_);
  const Resolution& r = index->r;
  for (std::uint32_t i = 0; i < s_.positions.size(); ++i) {
    if (s_.positions[i].to.empty()) index->everyone.push_back(i);
  }
  index->addressed = by_party(s_.parties.size(), s_.positions.size(), [&](std::size_t i, auto f) {
    for (const std::uint32_t q : r.audience[i]) {
      if (q != Resolution::k_none) f(q);
    }
  });
  index->taken = by_party(s_.parties.size(), s_.stances.size(), [&](std::size_t d, auto f) {
    if (r.taker[d] != Resolution::k_none) f(r.taker[d]);
  });
  index_ = std::move(index);
}

Focuser::Focuser(Focuser&&) noexcept = default;
Focuser::~Focuser() = default;

Scenario Focuser::focus(std::span<const PartyId> parties,
                        std::vector<std::string>* left_out) const {
  const Index& x = *index_;
  std::vector<char> named(s_.parties.size(), 0);
  for (const PartyId p : parties) named[p] = 1;

  std::vector<std::uint32_t> kept = x.everyone;
  std::vector<std::uint32_t> stances;
  for (const PartyId p : parties) {
    kept.insert(kept.end(), x.addressed[p].begin(), x.addressed[p].end());
    stances.insert(stances.end(), x.taken[p].begin(), x.taken[p].end());
  }
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  std::sort(stances.begin(), stances.end());

  Scenario out{.format = s_.format,
               .title = s_.title,
               .date = s_.date,
               .description = s_.description,
               .issues = s_.issues,
               .sources = s_.sources,
               .withdrawn = s_.withdrawn};
  for (std::size_t p = 0; p < s_.parties.size(); ++p) {
    (named[p] != 0 ? out.parties : out.outsiders).push_back(s_.parties[p]);
  }
  // A scenario focused already keeps its own outsiders' positions' holders (in `parties:`
  // order no longer, which nothing reads).
  out.outsiders.insert(out.outsiders.end(), s_.outsiders.begin(), s_.outsiders.end());
  std::vector<std::uint32_t> new_index(s_.positions.size(), Resolution::k_none);
  out.positions.reserve(kept.size());
  for (const std::uint32_t i : kept) {
    new_index[i] = static_cast<std::uint32_t>(out.positions.size());
    Position& p = out.positions.emplace_back(s_.positions[i]);
    const auto audience = x.r.audience[i];
    if (std::all_of(audience.begin(), audience.end(),
                    [&](std::uint32_t q) { return q != Resolution::k_none && named[q] != 0; })) {
      continue;  // every other party, or only named ones: as it was
    }
    std::vector<IdRef> narrowed;
    for (std::size_t k = 0; k < audience.size(); ++k) {
      if (audience[k] != Resolution::k_none && named[audience[k]] != 0) {
        narrowed.push_back(p.to.begin()[k]);
      }
    }
    p.to = CompactList<IdRef>(std::move(narrowed));
  }
  if (left_out != nullptr) {
    for (std::size_t i = 0; i < s_.positions.size(); ++i) {
      if (new_index[i] == Resolution::k_none) left_out->push_back(s_.positions[i].ref());
    }
  }
  out.stances.reserve(stances.size());
  for (const std::uint32_t d : stances) {
    const std::uint32_t target = x.r.target[d];
    if (target == Resolution::k_none || new_index[target] == Resolution::k_none) continue;
    StanceDecl& decl = out.stances.emplace_back(s_.stances[d]);
    const std::uint32_t via = x.r.via[d];
    if (decl.via && (via == Resolution::k_none || new_index[via] == Resolution::k_none)) {
      decl.via.reset();  // back to the party, as when its holder drops it (4)
    }
  }
  return out;
}

namespace {

Diagnostic focus_error(const std::string& value, std::string message) {
  return argument_error("parties", value, std::move(message));
}

// The named parties as indexes, or why they cannot be focused on.
Expected<std::vector<PartyId>> named_parties(const Scenario& s,
                                             std::span<const std::string> names) {
  std::vector<Diagnostic> errors;
  std::vector<PartyId> named;
  for (const std::string& name : names) {
    const auto p = detail::find_party(s, name);
    if (!p) {
      errors.push_back(focus_error(name, detail::unknown_party(s, name)));
    } else if (std::find(named.begin(), named.end(), *p) != named.end()) {
      errors.push_back(focus_error(name, fmt::format("party '{}' is named twice", name)));
    } else {
      named.push_back(*p);
    }
  }
  if (errors.empty() && named.size() < 2) {
    errors.push_back(
        focus_error(names.empty() ? std::string() : names.front(),
                    "name two or more parties to focus on (with one, nothing is left to compare)"));
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return named;
}

}  // namespace

Expected<Scenario> focus_on(Scenario scenario, std::span<const std::string> names) {
  const auto named = named_parties(scenario, names);
  if (!named) return tl::unexpected(named.error());
  std::vector<std::string> left_out;
  Scenario out = Focuser(scenario).focus(*named, &left_out);
  out.withdrawn.insert(out.withdrawn.end(), left_out.begin(), left_out.end());
  out.warnings = std::move(scenario.warnings);
  return out;
}

}  // namespace entente
