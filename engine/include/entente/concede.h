#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/model.h"

namespace entente {

/// The cost model of docs/concede.md. A reject is reversed, a consider or silence only
/// settled, so flipping a reject costs twice as much.
inline constexpr int k_reject_factor = 2;
/// A move against a red line, when allowed: twice the dearest ordinary move (a reject via a
/// priority-5 position), so one red line outweighs any single ordinary concession.
inline constexpr int k_red_line_cost = 20;

enum class MoveKind { agree, withdraw };

std::string_view to_string(MoveKind k);

/// One concession: an audience party agrees to a position, or its holder withdraws it.
struct Move {
  MoveKind kind = MoveKind::agree;
  std::string party{};     ///< who moves
  std::string position{};  ///< ref of the position agreed to or withdrawn
  /// agree: the stance given up (none: silent); withdraw: none.
  std::optional<Stance> was{};
  std::string via{};      ///< agree: ref of the own position that stance is via, or empty
  int basis = 1;          ///< the priority given up (the via's or the withdrawn position's), or 1
  int factor = 1;         ///< k_reject_factor when a reject is reversed, else 1
  bool red_line = false;  ///< goes against a red line; then cost is k_red_line_cost
  int cost = 0;

  friend bool operator==(const Move&, const Move&) = default;
};

/// A set of moves of the optimum cost, and what is agreed once they are made.
struct Plan {
  int cost = 0;
  std::vector<Move> moves{};  ///< sorted by position, kind, party
  /// Positions the target depends on that are agreed after the moves (greatest fixpoint of
  /// docs/format.md 3.2) and were not agreed before, sorted.
  std::vector<std::string> agreed{};

  friend bool operator==(const Plan&, const Plan&) = default;
};

/// Why no plan exists, found by solving again with the restrictions lifted.
struct Blocked {
  /// Red-line moves of the cheapest plan once red lines may be crossed (empty when red lines
  /// were allowed or are not what stands in the way).
  std::vector<Move> red_line_moves{};
  /// Parties outside `--by` that the cheapest unrestricted plan needs, sorted.
  std::vector<std::string> other_parties{};
  int cost = 0;  ///< cost of that relaxed plan

  friend bool operator==(const Blocked&, const Blocked&) = default;
};

struct ConcedeOptions {
  std::string target{};           ///< `PARTY/POSITION`, or an issue id
  std::vector<std::string> by{};  ///< parties that may move; empty: every party
  bool allow_red_lines = false;
  int top = 3;  ///< plans of the optimum cost listed at most
};

struct ConcedeResult {
  bool issue_target = false;
  std::string target{};
  std::string target_text{};                    ///< the issue's title or the position's text
  std::vector<std::string> target_positions{};  ///< sorted refs
  std::vector<std::string> by{};                ///< sorted; empty: every party
  bool allow_red_lines = false;
  bool already_agreed = false;       ///< agreed before any move (least fixpoint)
  std::optional<int> cost{};         ///< the optimum; none when no plan exists
  std::vector<Plan> plans{};         ///< at most `top`, sorted by their moves
  bool more_plans = false;           ///< further plans of the same cost exist
  std::optional<Blocked> blocked{};  ///< set exactly when no plan exists

  friend bool operator==(const ConcedeResult&, const ConcedeResult&) = default;
};

/// The cheapest sets of moves that make the target agreed (an issue: each of its positions
/// agreed or withdrawn), proven optimal by an SMT optimiser. `scenario` must have passed
/// validate(); an unknown target or party is an error that suggests the closest name and
/// names its field (Argument: `target`, `by`); a failure of the solver is an error of no
/// origin (the engine's own).
[[nodiscard]] Expected<ConcedeResult> concede(const Scenario& scenario,
                                              const ConcedeOptions& options);

}  // namespace entente
