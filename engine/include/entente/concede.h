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
  std::string via{};  ///< agree: ref of the own position that stance is via, or empty
  /// The party's own position the move gives up (its via, or the position withdrawn), or
  /// empty: that position's price is the plan's, once (Plan::given_up), not the move's.
  std::string gives_up{};
  /// A move that gives nothing up: the stance's own priority (1 when it has none, or from
  /// silence), times `factor`. A move that gives a position up costs nothing of its own.
  int basis = 1;
  int factor = 1;         ///< k_reject_factor when a reject is reversed, else 1
  bool red_line = false;  ///< gives a red line up
  int cost = 0;           ///< its own cost: basis x factor, or 0 when it gives a position up

  friend bool operator==(const Move&, const Move&) = default;
};

/// One of a party's own positions that a plan gives up, priced once however many of its
/// moves give it up (docs/concede.md).
struct GivenUp {
  std::string party{};
  std::string position{};  ///< ref
  int priority = 1;
  bool doubled = false;   ///< some move via it reverses a reject: k_reject_factor x priority
  bool red_line = false;  ///< then it costs k_red_line_cost
  int cost = 0;

  friend bool operator==(const GivenUp&, const GivenUp&) = default;
};

/// What one party pays in a plan: its moves' own costs and its positions given up.
struct PartyCost {
  std::string party{};
  int cost = 0;

  friend bool operator==(const PartyCost&, const PartyCost&) = default;
};

/// A set of moves that meets every target, and what is agreed once they are made.
struct Plan {
  int cost = 0;               ///< the moves' own costs plus the positions given up
  std::vector<Move> moves{};  ///< sorted by position, kind, party
  std::vector<GivenUp> given_up{};    ///< sorted by position
  std::vector<PartyCost> by_party{};  ///< every party that pays, sorted by party
  /// Positions the targets depend on that are agreed after the moves (greatest fixpoint of
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
  /// No set of moves at all meets the targets together (two alternatives of one exclusive
  /// issue both required): then nothing else is set.
  bool contradictory = false;

  friend bool operator==(const Blocked&, const Blocked&) = default;
};

struct ConcedeOptions {
  /// `PARTY/POSITION`s and issue ids, all met at once; at least one, none twice.
  std::vector<std::string> targets{};
  std::vector<std::string> by{};  ///< parties that may move; empty: every party
  bool allow_red_lines = false;
  /// Conditional stances bind: a party with agree_if on a position agrees to it only
  /// through its conditions, never by an agree move.
  bool binding = false;
  int top = 3;     ///< plans listed at most
  int within = 0;  ///< plans up to this much dearer than the optimum are listed too
};

/// One target as the result names it.
struct ConcedeTarget {
  std::string name{};  ///< as given: `PARTY/POSITION` or an issue id
  bool issue = false;
  bool exclusive = false;    ///< an exclusive issue (docs/format.md 7): one alternative settles it
  std::string status_quo{};  ///< an exclusive issue's status quo, or empty
  std::string text{};        ///< the issue's title or the position's text
  std::vector<std::string> positions{};  ///< sorted refs

  friend bool operator==(const ConcedeTarget&, const ConcedeTarget&) = default;
};

struct ConcedeResult {
  std::vector<ConcedeTarget> targets{};  ///< in the order given
  std::vector<std::string> by{};         ///< sorted; empty: every party
  bool allow_red_lines = false;
  bool binding = false;
  int within = 0;
  bool already_agreed = false;       ///< every target met before any move (least fixpoint)
  std::optional<int> cost{};         ///< the optimum; none when no plan exists
  /// At most `top`: the optimum plans and those up to `within` dearer, by cost, then moves.
  std::vector<Plan> plans{};
  bool more_plans = false;           ///< further plans in that range exist
  std::optional<Blocked> blocked{};  ///< set exactly when no plan exists

  friend bool operator==(const ConcedeResult&, const ConcedeResult&) = default;
};

/// The cheapest sets of moves that meet every target at once (a position: agreed; an issue:
/// each of its positions agreed or withdrawn; an exclusive issue: settled by one alternative
/// or by its status quo, docs/concede.md), proven optimal by an SMT optimiser, and the plans
/// up to `within` dearer. `scenario` must have passed validate(); an unknown or repeated
/// target, an unknown party or a negative `within` or `top` is an error that suggests the
/// closest name and names its field (Argument: `targets`, `by`, `within`); a failure of the
/// solver is an error of no origin (the engine's own).
[[nodiscard]] Expected<ConcedeResult> concede(const Scenario& scenario,
                                              const ConcedeOptions& options);

}  // namespace entente
