#pragma once
// Which coalitions could work together (docs/format.md 6.4): candidates of a size, or the
// minimal winning ones for a quota, each with the figures of the scenario focused on it,
// ranked.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/blocs.h"
#include "entente/decimal.h"
#include "entente/diagnostic.h"
#include "entente/model.h"

namespace entente {

/// What `entente coalitions` asks: exactly one of `size` and `quota`.
struct CoalitionQuery {
  std::optional<std::size_t> size{};   ///< every coalition of this many parties
  std::optional<std::string> quota{};  ///< every minimal winning one, as written
  std::vector<std::string> with{};     ///< kept only the candidates holding all of these
  std::vector<std::string> without{};  ///< left out of every candidate
  std::size_t top = 10;                ///< kept at most this many of the ranked
};

/// More candidates than this is an error that says how many there would be.
inline constexpr std::size_t k_max_coalition_candidates = 100'000;

struct Coalition {
  std::vector<Symbol> members{};     ///< sorted by id
  std::optional<Decimal> weight{};   ///< the members' weights summed, none unless all have one
  std::optional<double> cohesion{};  ///< mean alignment of its pairs, none if none is defined
  /// Positions of the scenario focused on it (6.2) by status; deadlocks are among `sticking`.
  std::uint32_t deadlocks = 0;
  std::uint32_t sticking = 0;
  std::uint32_t agreed = 0;
  std::uint32_t open = 0;
  std::uint32_t unanswered = 0;
  std::uint32_t superseded = 0;  ///< docs/format.md 7.2

  friend bool operator==(const Coalition&, const Coalition&) = default;
};

struct Coalitions {
  std::vector<Coalition> ranked{};  ///< the first `top` of the candidates, ranked
  std::size_t candidates = 0;       ///< how many were ranked (after `with`)
  std::optional<std::size_t> size{};
  std::optional<Decimal> quota{};
};

/// The candidates of `query` among the parties of `scenario` (validated, and focused already
/// when the command was), their figures and their rank. `alignment` is the scenario's (6.3).
/// Errors about `size`, `quota`, `with`, `without` or the number of candidates name their
/// Argument (usage); a party without a weight for a quota is an error at its place in a file.
[[nodiscard]] Expected<Coalitions> find_coalitions(const Scenario& scenario,
                                                   const Alignment& alignment,
                                                   const CoalitionQuery& query);

}  // namespace entente
