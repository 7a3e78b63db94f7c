#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/model.h"

namespace entente {

/// `PARTY:PARTY2/POS=agree|reject|consider|silent`: replaces the party's stance, `via` and
/// `agree_if` included; silent (no value) removes it.
struct SetStance {
  std::string party{};
  std::string position{};
  std::optional<Stance> stance{};
};

/// `PARTY/POS`: the holder withdraws the position (docs/format.md section 4).
struct DropPosition {
  std::string position{};
};

/// `PARTY/POS=N`.
struct SetPriority {
  std::string position{};
  int priority = 3;
};

/// `PARTY/POS`: every party in its audience agrees, replacing whatever stance it had.
struct AcceptPosition {
  std::string position{};
};

enum class ChangeKind { set, drop, priority, accept };

/// "set", "drop", "priority" or "accept": the field an error about a change names.
std::string_view to_string(ChangeKind k);

/// One what-if change, with the words it was given as (for messages and reports).
struct Change {
  std::variant<SetStance, DropPosition, SetPriority, AcceptPosition> what{};
  ChangeKind kind = ChangeKind::set;
  std::string argument{};  ///< as given, e.g. "russia/package-whole"
  /// How the caller shows the change (the CLI: its option and argument); the stances it
  /// makes say so in their note. parse_change() gives `KIND ARGUMENT`.
  std::string label{};
};

/// Parses the argument of `--set`, `--drop`, `--priority` or `--accept`. Only the shape is
/// checked here; names are checked against the scenario by apply_changes().
[[nodiscard]] Expected<Change> parse_change(ChangeKind kind, std::string_view argument);

/// Applies `changes` in order to a validated scenario, in memory. A change that names an
/// unknown party or position, or a party outside the position's audience, is an error
/// that suggests the closest known name. Errors name the change as an Argument (its kind
/// and its argument).
[[nodiscard]] Expected<Scenario> apply_changes(Scenario scenario, std::span<const Change> changes);

}  // namespace entente
