#pragma once
// What the text, Markdown and HTML forms of `entente deals` share: each deal's facts as
// people read them (gains, who pays what, what the deal relies on) and the blocked reasons.
// Plain words: each format escapes them itself.

#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "entente/concede.h"
#include "entente/deals.h"

namespace entente::reports::detail {

/// Whether two deals are the same point: the same gain for every party.
inline bool same_point(const Deal& a, const Deal& b) { return a.gains == b.gains; }

/// "+4", "0", "-3".
inline std::string signed_gain(std::int64_t g) {
  return g > 0 ? fmt::format("+{}", g) : fmt::format("{}", g);
}

/// "nato +2, russia +4, usa 0".
inline std::string gains_line(const std::vector<std::string>& parties,
                              const std::vector<int>& gains) {
  std::vector<std::string> items;
  for (std::size_t q = 0; q < parties.size(); ++q) {
    items.push_back(fmt::format("{} {}", parties[q], signed_gain(gains[q])));
  }
  return fmt::format("{}", fmt::join(items, ", "));
}

/// "usa agrees to russia/x (was reject via usa/y: priced as its loss)" and the like.
inline std::string move_words(const DealMove& m) {
  const std::string from = m.from ? std::string(to_string(*m.from)) : std::string("silent");
  if (!m.via.empty()) {
    return fmt::format("{} agrees to {} (was {} via {}: priced as its loss)", m.party, m.position,
                       from, m.via);
  }
  if (!m.from)
    return fmt::format("{} agrees to {} (was silent): cost {}", m.party, m.position, m.cost);
  return fmt::format("{} agrees to {} (was {}{}): cost {}", m.party, m.position, from,
                     *m.from == Stance::reject ? ", reversed" : "", m.cost);
}

/// "usa loses usa/y: cost 6 (priority 3, x2: a reject reversed via it)".
inline std::string loss_words(const DealLoss& l) {
  std::string why = l.red_line     ? std::string("a red line")
                    : l.doubled    ? fmt::format("x{}: a reject reversed via it", k_reject_factor)
                    : l.superseded ? std::string("another alternative of its issue is agreed")
                                   : std::string("a move gives it up");
  if (l.superseded && (l.red_line || l.doubled)) why += "; superseded";
  return fmt::format("{} loses {}: cost {} ({})", l.party, l.position, l.cost, why);
}

/// "russia gains russia/x: +4".
inline std::string gain_words(const DealGain& g) {
  return fmt::format("{} gains {}: +{}", g.party, g.position, g.gain);
}

/// "usa agrees to russia/x because usa/a, usa/b are in the deal".
inline std::string condition_words(const MetCondition& c) {
  return fmt::format("{} agrees to {} as {} {} in the deal", c.party, c.position,
                     fmt::join(c.agree_if, ", "), c.agree_if.size() == 1 ? "is" : "are");
}

/// What a deal relies on, one line each: conditions met inside it, moves from silence, red
/// lines crossed. Empty when it relies on none of them.
inline std::vector<std::string> relies_on(const Deal& d) {
  std::vector<std::string> out;
  for (const MetCondition& c : d.conditions_met)
    out.push_back("condition met: " + condition_words(c));
  for (const DealMove& m : d.moves) {
    if (!m.from) out.push_back(fmt::format("a move from silence: {} on {}", m.party, m.position));
  }
  for (const DealLoss& l : d.lost) {
    if (l.red_line) out.push_back(fmt::format("a red line crossed: {} ({})", l.position, l.party));
  }
  return out;
}

/// Why a position is in no acceptable deal, in a sentence.
inline std::string blocked_words(const BlockedPosition& b) {
  switch (b.reason) {
    case BlockedReason::red_line:
      return "every deal that holds it loses a red line";
    case BlockedReason::by:
      return "it needs a move by a party outside --by";
    case BlockedReason::binding:
      return "it needs a conditional stance overridden, which --binding forbids";
    case BlockedReason::several:
      return "every deal that holds it breaks more than one limit (red lines, --by, --binding)";
    case BlockedReason::unacceptable:
      break;
  }
  if (!b.worst) return "every deal that holds it leaves some party worse off than no deal";
  return fmt::format(
      "every deal that holds it leaves some party worse off than no deal (at best, the "
      "worst-off party gains {})",
      *b.worst);
}

/// "3 positions", "no position".
inline std::string positions_count(const Deal& d) {
  if (d.positions.empty()) return "no position";
  return d.positions.size() == 1 ? std::string("1 position")
                                 : fmt::format("{} positions", d.positions.size());
}

}  // namespace entente::reports::detail
