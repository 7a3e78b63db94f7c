#pragma once
// The optimisation problem behind `entente concede`, as plain data: the positions the targets
// depend on, what each audience party needs to agree, the moves allowed and what they give
// up, with costs (docs/concede.md). Solver-independent, so that the Z3 encoding (solver.h)
// stays a thin translation; the exact checks of a plan (its fixpoint, whether it meets the
// targets, its cost) are here too, so that the solver's answers are judged by them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "entente/concede.h"
#include "graph/graph.h"

namespace entente::detail {

/// Who may move, whether red lines may be crossed and whether conditions bind.
struct MoveRules {
  std::vector<char> may_move{};  ///< per PartyId
  bool allow_red_lines = false;
  bool binding = false;  ///< no agree move on a counting conditional stance
};

/// One of a party's own positions that some candidate move gives up (its via, or withdrawn):
/// priced once per plan (docs/concede.md).
struct GiveUp {
  PositionId position = 0;
  PartyId party = 0;
  int priority = 1;
  bool red_line = false;
  int price() const { return red_line ? k_red_line_cost : priority; }
  /// The extra price when a move via it reverses a reject (never for a red line).
  int doubling() const { return red_line ? 0 : priority * (k_reject_factor - 1); }
};

struct CandidateMove {
  MoveKind kind = MoveKind::agree;
  PartyId party = 0;
  std::size_t position = 0;  ///< local index in Problem::positions
  std::optional<Stance> was{};
  std::optional<PositionId> via{};
  std::optional<std::size_t> gives_up{};  ///< index in Problem::give_ups
  int basis = 1;
  int factor = 1;
  bool red_line = false;
  int cost = 0;  ///< its own: 0 when it gives a position up
  /// Reverses a reject via the position it gives up: that position's price doubles.
  bool doubles() const { return gives_up && was == Stance::reject; }
};

/// One audience party of a position whose stance is not plain agreement. It is met by its
/// agree move, or by all of its conditions being agreed.
struct Requirement {
  std::optional<std::size_t> move{};  ///< index in Problem::moves, when that move is allowed
  std::uint32_t stance = k_none;      ///< the stance's index in Scenario::stances, if any
  /// Local indices of the agree_if positions of a counting conditional stance; none when the
  /// stance is not conditional or a condition names no position (then it is never met).
  std::optional<std::vector<std::size_t>> conditions{};
};

enum class TargetKind : std::uint8_t { position, issue, exclusive_issue };

/// A target as the engine resolved it.
struct TargetSpec {
  TargetKind kind = TargetKind::position;
  std::vector<PositionId> positions{};
  std::optional<PositionId> status_quo{};  ///< an exclusive issue's
};

/// A target in the problem's local indices.
struct TargetGroup {
  TargetKind kind = TargetKind::position;
  std::vector<std::size_t> members{};
  std::optional<std::size_t> status_quo{};
};

struct Problem {
  std::vector<PositionId> positions{};  ///< local index -> position: the targets', then the rest
  std::vector<std::vector<Requirement>> requirements{};  ///< per local position
  std::vector<std::optional<std::size_t>> withdraw{};    ///< per local position: its move
  std::vector<TargetGroup> targets{};
  std::vector<CandidateMove> moves{};
  std::vector<GiveUp> give_ups{};
};

/// The problem for `targets`, restricted to them and every position reachable backwards
/// through conditions: nothing else can change whether a target is met.
Problem build_problem(const Graph& g, std::span<const TargetSpec> targets, const MoveRules& rules);

/// The greatest fixpoint of docs/format.md 3.2 after the chosen moves (one flag per move),
/// per local position: analysis/fixpoint.h on the needs edges that no chosen move makes moot.
std::vector<char> agreed_after(const Graph& g, const Problem& problem,
                               const std::vector<char>& chosen);

/// Whether `group` is met when `in` (per local position) is what is agreed and `withdrawn`
/// what is withdrawn (docs/concede.md, Targets).
bool group_met(const TargetGroup& group, const std::vector<char>& in,
               const std::vector<char>& withdrawn);

/// True when the chosen moves meet every target.
bool meets_targets(const Graph& g, const Problem& problem, const std::vector<char>& chosen);

/// A chosen set's cost: its moves' own costs, and each position it gives up, once.
struct PlanCost {
  int total = 0;
  std::vector<char> given_up{};  ///< per Problem::give_ups entry
  std::vector<char> doubled{};   ///< per Problem::give_ups entry
};
PlanCost plan_cost(const Problem& problem, const std::vector<char>& chosen);

}  // namespace entente::detail
