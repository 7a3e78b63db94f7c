#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/compact_list.h"
#include "entente/diagnostic.h"
#include "entente/format_keys.h"
#include "entente/heap_optional.h"
#include "entente/strings.h"

namespace entente {

/// A party's answer to a position. Silence is the absence of a stance, not a value.
enum class Stance : std::uint8_t { agree, reject, consider };
enum class PositionKind : std::uint8_t { demand, concession };

std::string_view to_string(Stance s);
std::string_view to_string(PositionKind k);
std::optional<Stance> parse_stance(std::string_view s);
std::optional<PositionKind> parse_position_kind(std::string_view s);

/// An id written in a file to name something else, with where it was written.
struct IdRef {
  Symbol id{};
  SourceLocation where{};

  friend bool operator==(const IdRef&, const IdRef&) = default;
};

/// `PARTY/POSITION`: a position's reference, from its holder's id and its own.
std::string join_ref(std::string_view party, std::string_view id);

/// The position a stance is on, `PARTY/POSITION` as written, kept as its two names: the ids of
/// a party and of one of its positions, which every file repeats, where the whole reference
/// would be a name of its own for nearly every stance. A text without a '/' after its first
/// character is kept whole in `position_id`, with no holder, so that text() gives back what
/// was written.
struct PositionRef {
  Symbol holder{};
  Symbol position_id{};
  SourceLocation where{};

  PositionRef() = default;
  PositionRef(std::string_view text, SourceLocation at = {});   // NOLINT: a ref is its text
  PositionRef(const std::string& text, SourceLocation at = {})  // NOLINT
      : PositionRef(std::string_view(text), std::move(at)) {}
  PositionRef(const char* text, SourceLocation at = {})  // NOLINT
      : PositionRef(std::string_view(text), std::move(at)) {}

  /// `PARTY/POSITION`, as written.
  std::string text() const;
  /// Whether this names `ref` (the place aside).
  bool names(std::string_view ref) const;

  friend bool operator==(const PositionRef&, const PositionRef&) = default;
};

struct Party {
  Symbol id{};
  std::string name{};
  SourceLocation where{};
  /// Seats, votes or shares (docs/format.md 6.1): an unsigned decimal as written (see
  /// is_unsigned_decimal), empty when not given.
  std::string weight{};

  friend bool operator==(const Party&, const Party&) = default;
};

struct Issue {
  Symbol id{};
  std::string title{};
  SourceLocation where{};
  /// Its positions are alternatives: at most one is the outcome (docs/format.md 7.1).
  bool exclusive = false;
  /// On an exclusive issue, the position that stands when no alternative is agreed (7.3).
  HeapOptional<IdRef> status_quo{};

  friend bool operator==(const Issue&, const Issue&) = default;
};

struct Source {
  Symbol id{};
  std::string title{};
  std::string date{};
  std::string url{};
  SourceLocation where{};

  friend bool operator==(const Source&, const Source&) = default;
};

/// A demand or concession held by one party.
struct Position {
  Symbol party{};
  Symbol id{};
  IdRef issue{};
  Text text{};
  int priority = k_default_priority;
  PositionKind kind = PositionKind::demand;
  bool red_line = false;
  CompactList<IdRef> to{};  ///< explicit audience; empty means every other party
  /// The sources cited, in the order written: `source: ID` is a list of one, `sources:` a list
  /// (docs/format.md section 1).
  CompactList<IdRef> sources{};
  Text quote{};
  Text note{};
  SourceLocation where{};

  /// `PARTY/POSITION`.
  std::string ref() const { return join_ref(party, id); }

  friend bool operator==(const Position&, const Position&) = default;
};

/// One party's stance on another party's position, as written.
struct StanceDecl {
  Symbol party{};          ///< who takes the stance
  PositionRef position{};  ///< `PARTY/POSITION` it is on
  Stance stance = Stance::consider;
  /// What this answer is worth to its party (docs/format.md 8.2), k_min_priority..k_max_priority.
  std::uint8_t priority = k_default_stance_priority;
  HeapOptional<IdRef> via{};  ///< the stance-taker's own position that says so
  CompactList<IdRef> agree_if{};
  Text quote{};  ///< the stance-taker's own words
  Text note{};
  CompactList<IdRef> sources{};  ///< as Position::sources
  SourceLocation where{};

  friend bool operator==(const StanceDecl&, const StanceDecl&) = default;
};

/// Everything a scenario's files say, in file order.
struct Scenario {
  int format = 1;
  std::string title{};
  std::string date{};
  std::string description{};
  std::vector<Party> parties{};
  /// Parties left out by a focus on some parties (docs/format.md 6.2), in `parties:` order:
  /// each is the holder of its kept positions and nothing else (no audience, no stance, no
  /// place among `parties`). Empty unless focused.
  std::vector<Party> outsiders{};
  std::vector<Issue> issues{};
  std::vector<Source> sources{};
  std::vector<Position> positions{};
  std::vector<StanceDecl> stances{};
  /// Refs of positions withdrawn by a what-if (DropPosition), or left out by a focus (6.2)
  /// because none of their audience is focused on: conditions that name them stay, and can
  /// never be met.
  std::vector<std::string> withdrawn{};
  /// Non-fatal findings of loading and validation (warnings), sorted.
  std::vector<Diagnostic> warnings{};

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

/// True for ids of the form [a-z0-9][a-z0-9-]*.
bool is_slug(std::string_view s);

/// True for a weight as docs/format.md 6.1 writes one: digits, then an optional fraction
/// (`.` and digits), then an optional exponent (`e` or `E`, an optional sign, one to three
/// digits): `12`, `3.5`, `1e3`; not `0x10`, `1_000`, `+5`, `-0`, `.5` or `5.`.
bool is_unsigned_decimal(std::string_view s);

}  // namespace entente

template <>
struct fmt::formatter<entente::PositionRef> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const entente::PositionRef& ref, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(ref.text(), ctx);
  }
};
