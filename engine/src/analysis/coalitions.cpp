// Coalitions (docs/format.md 6.4): the candidates, each one's focused figures, and the ranking.
#include "entente/coalitions.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "entente/analysis.h"
#include "entente/focus.h"
#include "entente/position_graph.h"
#include "model/find_position.h"
#include "support/parallel.h"

namespace entente {
namespace {

// A candidate: indexes into the scenario's parties, in id order.
using Members = std::vector<PartyId>;

class Finder {
 public:
  Finder(const Scenario& s, const Alignment& alignment, const CoalitionQuery& query)
      : s_(s), alignment_(alignment), query_(query) {
    by_id_.resize(s.parties.size());
    std::iota(by_id_.begin(), by_id_.end(), 0);
    std::sort(by_id_.begin(), by_id_.end(),
              [&](PartyId a, PartyId b) { return s.parties[a].id < s.parties[b].id; });
  }

  Expected<Coalitions> run() {
    check_names("with", query_.with, with_);
    check_names("without", query_.without, without_);
    for (const PartyId p : with_) {
      if (std::find(without_.begin(), without_.end(), p) != without_.end()) {
        errors_.push_back(
            argument_error("with", s_.parties[p].id,
                           fmt::format("party '{}' cannot be both kept in and left out",
                                       s_.parties[p].id.view())));
      }
    }
    if (!errors_.empty()) return tl::unexpected(std::move(errors_));
    for (const PartyId p : by_id_) {
      if (std::find(without_.begin(), without_.end(), p) == without_.end()) pool_.push_back(p);
    }
    Coalitions out{.size = query_.size};
    std::vector<Members> candidates;
    if (query_.size) {
      candidates = of_size(*query_.size);
    } else if (query_.quota) {
      auto quota = minimal_winning(*query_.quota);
      if (quota) out.quota = std::move(*quota);
      candidates = std::move(found_);
    }
    if (!errors_.empty()) return tl::unexpected(std::move(errors_));
    std::erase_if(candidates, [&](const Members& m) {
      return !std::all_of(with_.begin(), with_.end(),
                          [&](PartyId p) { return std::find(m.begin(), m.end(), p) != m.end(); });
    });
    out.candidates = candidates.size();
    out.ranked = ranked(candidates);
    return out;
  }

 private:
  // Each name of `names` as a party index, or an error about it.
  void check_names(const char* field, const std::vector<std::string>& names, Members& out) {
    for (const std::string& name : names) {
      if (const auto p = detail::find_party(s_, name)) {
        out.push_back(*p);
      } else {
        errors_.push_back(argument_error(field, name, detail::unknown_party(s_, name)));
      }
    }
  }

  std::string count_message(const Decimal& count, std::string_view what) const {
    return fmt::format("there would be {} {}, more than the {} that can be compared", count.str(),
                       what, k_max_coalition_candidates);
  }

  // Every coalition of k parties of the pool (k from 2 to the scenario's parties), counted
  // before `with` is applied, and made only with the `with` parties in.
  std::vector<Members> of_size(std::size_t k) {
    const std::size_t n = s_.parties.size();
    if (k < 2 || k > n) {
      errors_.push_back(argument_error(
          "size", std::to_string(k),
          fmt::format("a coalition has from 2 to {} parties, the parties of the scenario", n)));
      return {};
    }
    // Pascal's triangle, exactly: the count may be far beyond any integer type.
    std::vector<Decimal> row(k + 1);
    row[0] = *Decimal::parse("1");
    for (std::size_t i = 1; i <= pool_.size(); ++i) {
      for (std::size_t j = std::min(i, k); j > 0; --j) row[j] += row[j - 1];
    }
    if (row[k] > *Decimal::parse(std::to_string(k_max_coalition_candidates))) {
      errors_.push_back(
          argument_error("size", std::to_string(k),
                         count_message(row[k], fmt::format("coalitions of {} parties", k))));
      return {};
    }
    Members rest;
    for (const PartyId p : pool_) {
      if (std::find(with_.begin(), with_.end(), p) == with_.end()) rest.push_back(p);
    }
    std::vector<Members> out;
    if (with_.size() > k || k - with_.size() > rest.size()) return out;
    const std::size_t pick = k - with_.size();
    std::vector<std::size_t> chosen(pick);
    std::iota(chosen.begin(), chosen.end(), 0);
    for (;;) {
      Members m = with_;
      for (const std::size_t c : chosen) m.push_back(rest[c]);
      sort_by_id(m);
      out.push_back(std::move(m));
      // The next combination in lexicographic order.
      std::size_t i = pick;
      while (i > 0 && chosen[i - 1] == rest.size() - pick + i - 1) --i;
      if (i == 0) break;
      ++chosen[i - 1];
      for (std::size_t j = i; j < pick; ++j) chosen[j] = chosen[j - 1] + 1;
    }
    return out;
  }

  // Every minimal winning coalition of the pool for the quota `written`, into found_: the
  // parties by weight, heaviest first, each set grown until it reaches the quota (then its
  // last and lightest member is needed, and so is every other), and no branch followed that
  // cannot reach it. Every branch followed ends in a coalition, so the work is bounded by
  // their number times the parties'.
  std::optional<Decimal> minimal_winning(const std::string& written) {
    auto quota = Decimal::parse(written);
    if (!quota) {
      errors_.push_back(argument_error(
          "quota", written,
          "expected an unsigned decimal number, such as 23, 50.5 or 1e3 (docs/format.md 6.4)"));
      return std::nullopt;
    }
    for (const Party& p : s_.parties) {
      if (p.weight.empty()) {
        errors_.push_back({.where = p.where,
                           .message = fmt::format("party '{}' has no weight, and a quota needs "
                                                  "every party's (docs/format.md 6.4)",
                                                  p.id.view())});
        return quota;
      }
    }
    if (quota->is_zero()) return quota;
    int exponent = quota->exponent();
    std::vector<Decimal> weights;
    for (const Party& p : s_.parties) {
      weights.push_back(*Decimal::parse(p.weight));
      exponent = std::min(exponent, weights.back().exponent());
    }
    for (Decimal& w : weights) w = w.scaled_to(exponent);
    const Decimal goal = quota->scaled_to(exponent);
    Members order = pool_;
    std::stable_sort(order.begin(), order.end(),
                     [&](PartyId a, PartyId b) { return weights[a] > weights[b]; });
    std::vector<Decimal> suffix(order.size() + 1);
    for (std::size_t i = order.size(); i-- > 0;) suffix[i] = suffix[i + 1] + weights[order[i]];
    Members chosen;
    bool too_many = false;
    const auto grow = [&](const auto& self, std::size_t from, const Decimal& sum) -> void {
      for (std::size_t i = from; i < order.size() && !too_many; ++i) {
        if (sum + suffix[i] < goal) return;  // not even all the rest reach it
        Decimal with = sum + weights[order[i]];
        chosen.push_back(order[i]);
        if (with < goal) {
          self(self, i + 1, with);
        } else if (chosen.size() >= 2) {
          if (found_.size() == k_max_coalition_candidates) {
            too_many = true;
          } else {
            Members m = chosen;
            sort_by_id(m);
            found_.push_back(std::move(m));
          }
        }
        chosen.pop_back();
      }
    };
    grow(grow, 0, Decimal());
    if (too_many) {
      found_.clear();
      errors_.push_back(argument_error(
          "quota", written,
          fmt::format("there would be more than {} minimal winning coalitions, more than can "
                      "be compared (counting them all is as hard as listing them)",
                      k_max_coalition_candidates)));
    }
    return quota;
  }

  void sort_by_id(Members& m) const {
    std::sort(m.begin(), m.end(),
              [&](PartyId a, PartyId b) { return s_.parties[a].id < s_.parties[b].id; });
  }

  std::optional<double> cohesion(const Members& m) const {
    double sum = 0;
    std::size_t defined = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
      for (std::size_t j = i + 1; j < m.size(); ++j) {
        if (const auto a = alignment_.of(row_of(m[i]), row_of(m[j]))) {
          sum += *a;
          ++defined;
        }
      }
    }
    if (defined == 0) return std::nullopt;
    return sum / static_cast<double>(defined);
  }

  std::size_t row_of(PartyId p) const {
    const auto& parties = alignment_.parties;
    return static_cast<std::size_t>(
        std::lower_bound(parties.begin(), parties.end(), s_.parties[p].id) - parties.begin());
  }

  Coalition figures(const Focuser& focuser, const Members& m) const {
    Coalition c;
    for (const PartyId p : m) c.members.push_back(s_.parties[p].id);
    c.cohesion = cohesion(m);
    if (std::all_of(m.begin(), m.end(), [&](PartyId p) { return !s_.parties[p].weight.empty(); })) {
      Decimal sum;
      for (const PartyId p : m) sum += *Decimal::parse(s_.parties[p].weight);
      c.weight = std::move(sum);
    }
    const Scenario focused = focuser.focus(m);
    const Analysis analysis = analyze(PositionGraph::build(focused));
    for (const PositionAnalysis& p : analysis.positions) {
      switch (p.status) {
        case PositionStatus::agreed:
          ++c.agreed;
          break;
        case PositionStatus::sticking:
          ++c.sticking;
          break;
        case PositionStatus::open:
          ++c.open;
          break;
        case PositionStatus::unanswered:
          ++c.unanswered;
          break;
        case PositionStatus::superseded:
          ++c.superseded;
          break;
      }
      if (p.deadlock) ++c.deadlocks;
    }
    return c;
  }

  std::vector<Coalition> ranked(const std::vector<Members>& candidates) const {
    // Each candidate's focused analysis reads the scenario and writes only its own slot: on
    // two threads, each taking the next candidate not yet taken.
    std::vector<Coalition> all(candidates.size());
    if (!candidates.empty()) {
      const Focuser focuser(s_);
      for_each_index(candidates.size(), 2,
                     [&](std::size_t i) { all[i] = figures(focuser, candidates[i]); });
    }
    const auto rounded = [](const std::optional<double>& x) {
      return x ? std::optional<double>(round_to_9(*x)) : std::nullopt;
    };
    // Fewer deadlocks, higher cohesion (none last), fewer sticking points, more agreed, lower
    // weight (none last), then the member lists.
    const auto before = [&](const Coalition& a, const Coalition& b) {
      if (a.deadlocks != b.deadlocks) return a.deadlocks < b.deadlocks;
      const auto ca = rounded(a.cohesion);
      const auto cb = rounded(b.cohesion);
      if (ca.has_value() != cb.has_value()) return ca.has_value();
      if (ca && *ca != *cb) return *ca > *cb;
      if (a.sticking != b.sticking) return a.sticking < b.sticking;
      if (a.agreed != b.agreed) return a.agreed > b.agreed;
      if (a.weight.has_value() != b.weight.has_value()) return a.weight.has_value();
      if (a.weight && *a.weight != *b.weight) return *a.weight < *b.weight;
      return a.members < b.members;
    };
    const std::size_t top = std::min(query_.top, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(top), all.end(),
                      before);
    all.resize(top);
    return all;
  }

  const Scenario& s_;
  const Alignment& alignment_;
  const CoalitionQuery& query_;
  Members by_id_{};    ///< the scenario's parties in id order
  Members with_{};     ///< as given
  Members without_{};  ///< as given
  Members pool_{};     ///< the parties in id order, but for `without`
  std::vector<Members> found_{};
  std::vector<Diagnostic> errors_{};
};

}  // namespace

Expected<Coalitions> find_coalitions(const Scenario& scenario, const Alignment& alignment,
                                     const CoalitionQuery& query) {
  return Finder(scenario, alignment, query).run();
}

}  // namespace entente
