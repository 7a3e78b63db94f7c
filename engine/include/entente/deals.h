#pragma once
// `entente deals` (docs/format.md 8): the agreements every party prefers to no agreement,
// their efficient frontier, and the balanced ones (nash, leximin, utilitarian), computed
// exactly from the position files (docs/deals.md).

#include <optional>
#include <string>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/model.h"

namespace entente {

/// An audience party agrees to a position of a deal that it does not support (8.1).
struct DealMove {
  std::string party{};
  std::string position{};        ///< ref
  std::optional<Stance> from{};  ///< the answer given up; none: silence
  std::string via{};             ///< ref of the own position it gives up, or empty
  /// Its own cost (8.2): 0 when it is via a position (that position's loss is priced once),
  /// else the stance's priority, doubled for a reject, or 1 from silence.
  int cost = 0;

  friend bool operator==(const DealMove&, const DealMove&) = default;
};

/// A position its holder loses in a deal (8.2), and what that costs the holder.
struct DealLoss {
  std::string party{};
  std::string position{};  ///< ref
  int cost = 0;
  bool red_line = false;    ///< a flat k_red_line_cost
  bool doubled = false;     ///< a move via it reverses a reject
  bool superseded = false;  ///< the deal holds another alternative of its exclusive issue

  friend bool operator==(const DealLoss&, const DealLoss&) = default;
};

/// A demand of the deal that gains its holder its priority (8.2).
struct DealGain {
  std::string party{};
  std::string position{};  ///< ref
  int gain = 0;

  friend bool operator==(const DealGain&, const DealGain&) = default;
};

/// A conditional stance the deal meets from inside: every position of its agree_if is in it.
struct MetCondition {
  std::string party{};
  std::string position{};               ///< ref of the position the stance is on
  std::vector<std::string> agree_if{};  ///< refs

  friend bool operator==(const MetCondition&, const MetCondition&) = default;
};

/// A set of positions agreed together, and what it gives and costs each party.
struct Deal {
  std::vector<std::string> positions{};        ///< sorted refs
  std::vector<int> gains{};                    ///< per DealsResult::parties
  int joint = 0;                               ///< the sum of the gains
  std::vector<DealMove> moves{};               ///< by party, then position
  std::vector<DealLoss> lost{};                ///< by position
  std::vector<DealGain> gained{};              ///< by position
  std::vector<MetCondition> conditions_met{};  ///< by position, then party

  friend bool operator==(const Deal&, const Deal&) = default;
};

/// Why a position is in no acceptable deal.
enum class BlockedReason {
  red_line,     ///< every deal holding it loses a red line
  by,           ///< it needs a move by a party outside `--by`
  binding,      ///< it needs a conditional stance overridden (`--binding`)
  several,      ///< it breaks more than one of those limits at once
  unacceptable  ///< feasible deals hold it, but each leaves some party below no deal
};

struct BlockedPosition {
  std::string position{};  ///< ref
  BlockedReason reason = BlockedReason::unacceptable;
  /// unacceptable: the worst-off party's gain in the feasible deal holding it where that
  /// party fares best (below 0).
  std::optional<int> worst{};

  friend bool operator==(const BlockedPosition&, const BlockedPosition&) = default;
};

/// `--score`: one given deal judged (8.3).
struct DealScore {
  Deal deal{};
  bool feasible = false;
  std::vector<std::string> why_not{};  ///< sentences; empty exactly when feasible
  bool acceptable = false;
  std::vector<Deal> dominated_by{};  ///< frontier points, in frontier order, at most `top`
  bool more_dominating = false;      ///< `top` cut that list

  friend bool operator==(const DealScore&, const DealScore&) = default;
};

struct DealsOptions {
  std::vector<std::string> by{};  ///< parties that may move; empty: every party
  bool binding = false;           ///< no move on a conditional stance
  bool allow_red_lines = false;
  int top = 10;  ///< frontier points listed at most
  /// The searches stop with an error once this many seconds have passed (1 or more).
  int time_limit = 60;
  /// `--score`: the refs of a deal to judge, none twice.
  std::optional<std::vector<std::string>> score{};
};

struct DealsResult {
  std::vector<std::string> parties{};  ///< sorted ids: whose gains are counted
  std::vector<std::string> by{};       ///< sorted; empty: every party
  bool binding = false;
  bool allow_red_lines = false;
  int top = 10;
  std::vector<Deal> frontier{};  ///< in frontier order, at most `top`
  bool complete = true;          ///< false when `top` cut the frontier
  Deal nash{};
  Deal leximin{};
  Deal utilitarian{};
  std::vector<BlockedPosition> blocked{};  ///< by ref
  std::optional<DealScore> score{};

  friend bool operator==(const DealsResult&, const DealsResult&) = default;
};

std::string_view to_string(BlockedReason r);

/// The deals of docs/format.md 8, exact (an SMT solver proves each optimum). `scenario` must
/// have passed validate(). An unknown `by` party, a negative `top`, or an unknown or
/// repeated `score` reference, or a `time_limit` below 1, is an error that names its field
/// (Argument: `by`, `top`, `score`, `time_limit`); so is running out of `time_limit` (its
/// Argument `time_limit`); a failure of the solver is an error of no origin.
[[nodiscard]] Expected<DealsResult> find_deals(const Scenario& scenario,
                                               const DealsOptions& options);

}  // namespace entente
