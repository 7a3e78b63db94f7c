#pragma once
// A focus on some parties (docs/format.md 6.2): the scenario as those parties alone would see
// it, made before anything is derived.

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/model.h"
#include "entente/position_graph.h"

namespace entente {

/// Focuses one validated scenario on any number of sets of its parties (coalitions, 6.4),
/// each in time proportional to what the focus keeps: the positions addressed to the parties
/// and their stances, found by an index made once. The scenario must outlive it.
class Focuser {
 public:
  explicit Focuser(const Scenario& scenario);
  Focuser(Focuser&&) noexcept;
  ~Focuser();

  /// The scenario focused on `parties` (indexes into its parties, distinct): they become its
  /// parties, in the scenario's order, and the others its outsiders; a position is kept, its
  /// audience narrowed to them, unless none of its audience is among them; stances by the
  /// other parties go, as do stances on positions not kept; a `via` a position not kept falls
  /// back to the party. Warnings are not copied. With `left_out`, the refs of the positions
  /// not kept are appended to it, in position order.
  Scenario focus(std::span<const PartyId> parties,
                 std::vector<std::string>* left_out = nullptr) const;

 private:
  struct Index;
  const Scenario& s_;
  std::unique_ptr<const Index> index_;
};

/// Restricts a validated scenario to `parties` (two or more distinct parties of it, given by
/// id) as Focuser::focus does, its warnings kept and the positions left out added to
/// `withdrawn` (so that a what-if or an explanation naming one says why it names nothing). An
/// unknown name (with the closest ones), a name given twice or fewer than two parties is an
/// error about the Argument `parties`.
[[nodiscard]] Expected<Scenario> focus_on(Scenario scenario, std::span<const std::string> parties);

}  // namespace entente
