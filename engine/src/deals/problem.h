#pragma once
// The deals of docs/format.md 8 as plain data read off the graph: per position what it gains
// its holder and what losing it costs, per audience party that does not simply agree what
// it needs to support the position (its conditions) or what its move costs. Solver-
// independent, so that the Z3 encoding (deals/solver.h) stays a thin translation; the exact
// judgement of one deal (evaluate()) is here too, and every deal the solver finds is read
// back through it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "entente/model.h"
#include "graph/graph.h"

namespace entente::detail {

/// Who may move, whether red lines may be lost and whether conditions bind (8.1).
struct DealRules {
  std::vector<char> may_move{};  ///< per PartyId
  bool allow_red_lines = false;
  bool binding = false;
};

/// An audience party of a position whose stance is not plain agreement. In a deal holding
/// the position it supports it when `conditions` are all in the deal, else it moves.
struct Need {
  PositionId position = 0;
  PartyId party = 0;
  std::optional<Stance> from{};     ///< none: silent
  std::optional<PositionId> via{};  ///< the own position its move gives up
  bool conditional = false;         ///< a counting conditional stance (3.2)
  /// Its agree_if, when every name is a position; none for an unconditional stance or a
  /// condition that names no position (never met).
  std::optional<std::vector<PositionId>> conditions{};
  bool outside_by = false;  ///< its party may not move (`--by`)
  bool binds = false;       ///< conditional under `--binding`: it may not move
  int cost = 0;             ///< the move's own cost: 0 via a position (8.2)
  bool allowed() const { return !outside_by && !binds; }
  bool reverses_reject() const { return from == Stance::reject; }
};

struct DealProblem {
  std::size_t parties = 0;  ///< PartyId < parties have gains; the rest are outsiders
  bool allow_red_lines = false;
  std::vector<PartyId> party_order{};  ///< the named parties sorted by id
  std::vector<PartyId> holder{};       ///< per position
  std::vector<int> gain{};             ///< per position: its holder's gain when in a deal
  std::vector<int> priority{};         ///< per position
  std::vector<char> red_line{};        ///< per position
  std::vector<std::uint32_t>
      alternatives_of{};  ///< per position: its exclusive issue's group, or k_none
  std::vector<std::vector<PositionId>> alternatives{};  ///< per exclusive issue with positions
  std::vector<Need> needs{};                            ///< by position, in audience order
  std::vector<std::vector<std::size_t>> needs_of{};     ///< per position: its needs
  std::vector<std::vector<std::size_t>> via_users{};  ///< per position: needs whose move is via it
  /// What a loss costs: k_red_line_cost for a red line, else its priority, doubled.
  int loss_cost(PositionId v, bool doubled) const;
};

DealProblem build_deal_problem(const Graph& g, const Scenario& s, const DealRules& rules);

/// Why a deal is not feasible (8.1), one entry per broken rule.
struct Violation {
  enum Kind { two_alternatives, move_not_allowed, move_binding, via_in_deal, red_line_lost };
  Kind kind = two_alternatives;
  std::size_t need = 0;     ///< the move's need (move_*, via_in_deal)
  PositionId position = 0;  ///< two_alternatives: the first; red_line_lost: the red line
  PositionId other = 0;     ///< two_alternatives: the second
};

/// One deal judged exactly (8.1-8.2).
struct Evaluation {
  std::vector<std::size_t> moves{};  ///< needs that move, in needs order
  std::vector<char> met{};           ///< per need: supported through its conditions
  std::vector<char> lost{};          ///< per position
  std::vector<char> superseded{};    ///< per position: lost to another alternative
  std::vector<char> doubled{};       ///< per position: a move via it reverses a reject
  std::vector<int> gains{};          ///< per named party (PartyId)
  std::vector<Violation> violations{};
  bool feasible() const { return violations.empty(); }
  bool acceptable() const;
};

Evaluation evaluate(const DealProblem& problem, const std::vector<char>& in);

}  // namespace entente::detail
