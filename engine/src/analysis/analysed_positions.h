#pragma once
// An analysed scenario's positions by reference, looked up once: what compare() and
// explain() walk and search.

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/analysis.h"
#include "entente/model.h"

namespace entente::detail {

class AnalysedPositions {
 public:
  AnalysedPositions(const Scenario& scenario, const Analysis& analysis)
      : s_(scenario), a_(analysis) {
    refs_.reserve(a_.by_ref.size());
    for (const PositionId p : a_.by_ref) refs_.push_back(s_.positions[p].ref());
  }

  const Scenario& scenario() const { return s_; }
  const Analysis& analysis() const { return a_; }

  /// How many positions; the k-th in ref order and its reference.
  std::size_t size() const { return refs_.size(); }
  PositionId at(std::size_t k) const { return a_.by_ref[k]; }
  const std::string& ref_at(std::size_t k) const { return refs_[k]; }
  /// Every reference, sorted.
  const std::vector<std::string>& refs() const { return refs_; }

  std::optional<PositionId> find(std::string_view ref) const {
    const auto it = std::lower_bound(refs_.begin(), refs_.end(), ref);
    if (it == refs_.end() || *it != ref) return std::nullopt;
    return at(static_cast<std::size_t>(it - refs_.begin()));
  }
  bool agreed(std::string_view ref) const {
    const auto p = find(ref);
    return p && a_.positions[*p].status == PositionStatus::agreed;
  }
  std::string ref(PositionId p) const { return s_.positions[p].ref(); }
  const std::string& party(PartyId q) const { return s_.parties[q].id; }
  /// An answer's agree_if, as written.
  std::span<const IdRef> agree_if(const AudienceStance& answer) const {
    if (!answer.decl) return {};
    return s_.stances[*answer.decl].agree_if;
  }

 private:
  const Scenario& s_;
  const Analysis& a_;
  std::vector<std::string> refs_{};
};

}  // namespace entente::detail
