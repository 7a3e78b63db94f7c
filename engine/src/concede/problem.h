#pragma once
// The optimisation problem behind `entente concede`, as plain data: the positions the target
// depends on, what each audience party needs to agree, and the moves allowed, with costs.
// Solver-independent, so that the Z3 encoding (solver.h) stays a thin translation.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "entente/concede.h"
#include "graph/graph.h"

namespace entente::detail {

/// Who may move and whether red lines may be crossed.
struct MoveRules {
  std::vector<char> may_move{};  ///< per PartyId
  bool allow_red_lines = false;
};

struct CandidateMove {
  MoveKind kind = MoveKind::agree;
  PartyId party = 0;
  std::size_t position = 0;  ///< local index in Problem::positions
  std::optional<Stance> was{};
  std::optional<PositionId> via{};
  int basis = 1;
  int factor = 1;
  bool red_line = false;
  int cost = 0;
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

struct Problem {
  std::vector<PositionId> positions{};  ///< local index -> position: the targets, then the rest
  std::vector<std::vector<Requirement>> requirements{};  ///< per local position
  std::vector<std::optional<std::size_t>> withdraw{};    ///< per local position: its move
  std::vector<std::size_t> targets{};                    ///< local indices of the target positions
  bool issue_target = false;  ///< a target may also be met by withdrawing it
  std::vector<CandidateMove> moves{};
};

/// The problem for `targets`, restricted to them and every position reachable backwards
/// through conditions: nothing else can change whether a target is agreed.
Problem build_problem(const Graph& g, std::span<const PositionId> targets, bool issue_target,
                      const MoveRules& rules);

/// The greatest fixpoint of docs/format.md 3.2 after the chosen moves (one flag per move),
/// per local position: analysis/fixpoint.h on the needs edges that no chosen move makes moot.
std::vector<char> agreed_after(const Graph& g, const Problem& problem,
                               const std::vector<char>& chosen);

/// True when the chosen moves make every target agreed (or withdrawn, for an issue).
bool meets_target(const Graph& g, const Problem& problem, const std::vector<char>& chosen);

}  // namespace entente::detail
