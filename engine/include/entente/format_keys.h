#pragma once
// The keys of the position-file format (docs/format.md section 1): for each kind of mapping,
// its keys, what each holds, whether it is required and what it means. The loader reads the
// files by this table (an unknown key is one it does not list) and `entente schema` writes
// the JSON Schema of the files from it (docs/schema.md), so that the two cannot drift apart.

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace entente {

/// The version of the format this Entente reads: `format: 1`.
inline constexpr int k_format_version = 1;
/// A position's priority: a whole number from k_min_priority to k_max_priority.
inline constexpr int k_min_priority = 1;
inline constexpr int k_max_priority = 5;
inline constexpr int k_default_priority = 3;
/// A stance's priority (docs/format.md 8.2): what that answer is worth to its party, the cost
/// of moving it when it is via none of the party's positions; 1 when absent.
inline constexpr int k_default_stance_priority = 1;

/// What a key's value is. Any key given with no value (`note:`) counts as absent.
enum class KeyType {
  format,      ///< the plain number k_format_version
  text,        ///< any scalar
  date,        ///< a real date, `YYYY-MM-DD`
  id,          ///< the item's own id: a slug, `[a-z0-9][a-z0-9-]*`
  reference,   ///< names an item of the scenario (FormatKey::names)
  references,  ///< a list of references
  kind,        ///< `demand` or `concession`
  stance,      ///< `agree`, `reject` or `consider`
  priority,    ///< a plain whole number, k_min_priority..k_max_priority
  flag,        ///< `true` or `false` (also `True`, `TRUE`, `False`, `FALSE`)
  weight,      ///< a plain unsigned decimal number (is_unsigned_decimal in entente/model.h)
  items,       ///< a list of mappings of FormatKey::item
};

/// The kinds of mapping in the files, in the order of k_format_items.
enum class Item { scenario, party_file, party, issue, source, position, stance };

/// What a reference names.
enum class Names {
  nothing,       ///< not a reference
  party,         ///< a party's id
  issue,         ///< an issue's id
  source,        ///< a source's id
  position,      ///< any party's position, `PARTY/POSITION`
  own_position,  ///< one of the stance-taker's own positions, by its id alone
};

struct FormatKey {
  std::string_view name{};
  KeyType type = KeyType::text;
  bool required = false;
  Names names = Names::nothing;  ///< what a reference or a list of references names
  Item item = Item::scenario;    ///< the mapping of each entry of a list of items
  /// A list of references that, when given, names at least one item and none twice.
  bool distinct = false;
  /// A key of the same mapping that may not be given beside this one, or empty.
  std::string_view excludes{};
  std::string_view description{};
  /// Whether `key:` with no value counts as absent; when false it is an error (docs/format.md
  /// 7.1: `exclusive` takes a plain true or false).
  bool nullable = true;
};

struct FormatItem {
  Item item{};
  std::string_view name{};  ///< a name for it, as a JSON Schema definition
  std::string_view description{};
  std::span<const FormatKey> keys{};  ///< in the order of docs/format.md
};

inline constexpr std::array<FormatKey, 7> k_scenario_keys{{
    {.name = "format",
     .type = KeyType::format,
     .required = true,
     .description = "The version of the format: the number 1, unquoted."},
    {.name = "title",
     .type = KeyType::text,
     .required = true,
     .description = "The scenario's title, the heading of its report."},
    {.name = "date",
     .type = KeyType::date,
     .description = "When the scenario stood as written, YYYY-MM-DD."},
    {.name = "description",
     .type = KeyType::text,
     .description = "What the scenario is about, in a few sentences."},
    {.name = "parties",
     .type = KeyType::items,
     .required = true,
     .item = Item::party,
     .description =
         "The parties. In the single-file form each also holds its positions and stances."},
    {.name = "issues",
     .type = KeyType::items,
     .required = true,
     .item = Item::issue,
     .description = "The issues that positions are on."},
    {.name = "sources",
     .type = KeyType::items,
     .item = Item::source,
     .description = "The documents that positions and stances cite."},
}};

inline constexpr std::array<FormatKey, 3> k_party_file_keys{{
    {.name = "party",
     .type = KeyType::reference,
     .required = true,
     .names = Names::party,
     .description = "The party whose positions and stances the file holds: the id of one of the "
                    "scenario's parties."},
    {.name = "positions",
     .type = KeyType::items,
     .item = Item::position,
     .description = "The party's own positions: its demands and concessions."},
    {.name = "stances",
     .type = KeyType::items,
     .item = Item::stance,
     .description = "The party's answers to other parties' positions."},
}};

inline constexpr std::array<FormatKey, 5> k_party_keys{{
    {.name = "id",
     .type = KeyType::id,
     .required = true,
     .description =
         "The party's id: lowercase letters, digits and '-', starting with a letter or digit."},
    {.name = "name",
     .type = KeyType::text,
     .description = "The party's name in reports; its id when absent."},
    {.name = "weight",
     .type = KeyType::weight,
     .description = "The party's seats, votes or shares: a number of 0 or more, such as 12, 3.5 "
                    "or 1e3, unquoted. Used by coalitions with a quota."},
    {.name = "positions",
     .type = KeyType::items,
     .item = Item::position,
     .description = "The party's own positions, held here rather than in a party file."},
    {.name = "stances",
     .type = KeyType::items,
     .item = Item::stance,
     .description =
         "The party's answers to other parties' positions, held here rather than in a party file."},
}};

inline constexpr std::array<FormatKey, 4> k_issue_keys{{
    {.name = "id",
     .type = KeyType::id,
     .required = true,
     .description =
         "The issue's id: lowercase letters, digits and '-', starting with a letter or digit."},
    {.name = "title",
     .type = KeyType::text,
     .description = "The issue's title in reports; its id when absent."},
    {.name = "exclusive",
     .type = KeyType::flag,
     .description = "true: its positions are alternatives, of which at most one can be the "
                    "outcome (docs/format.md 7.1); false when absent.",
     .nullable = false},
    {.name = "status_quo",
     .type = KeyType::reference,
     .names = Names::position,
     .description = "On an exclusive issue, the position (PARTY/POSITION) on it that stands "
                    "when no alternative is agreed: the law or the practice as it is."},
}};

inline constexpr std::array<FormatKey, 4> k_source_keys{{
    {.name = "id",
     .type = KeyType::id,
     .required = true,
     .description =
         "The source's id: lowercase letters, digits and '-', starting with a letter or digit."},
    {.name = "title",
     .type = KeyType::text,
     .description = "The document's title in reports; its id when absent."},
    {.name = "date", .type = KeyType::date, .description = "The document's date, YYYY-MM-DD."},
    {.name = "url", .type = KeyType::text, .description = "Where the document can be read."},
}};

/// What a position or a stance cites: one source, or several (not both).
inline constexpr FormatKey k_source_key{
    .name = "source",
    .type = KeyType::reference,
    .names = Names::source,
    .excludes = "sources",
    .description = "The document it comes from: the id of one of the scenario's sources (or "
                   "write 'sources' for several)."};
inline constexpr FormatKey k_sources_key{
    .name = "sources",
    .type = KeyType::references,
    .names = Names::source,
    .distinct = true,
    .excludes = "source",
    .description = "The documents it comes from, at least one and each once: ids of the "
                   "scenario's sources (instead of 'source')."};

inline constexpr std::array<FormatKey, 11> k_position_keys{{
    {.name = "id",
     .type = KeyType::id,
     .required = true,
     .description = "The position's id, unique within its party; others name it PARTY/ID."},
    {.name = "issue",
     .type = KeyType::reference,
     .required = true,
     .names = Names::issue,
     .description = "The issue it is on: the id of one of the scenario's issues."},
    {.name = "kind",
     .type = KeyType::kind,
     .required = true,
     .description = "demand: the holder asks for it; concession: the holder offers it."},
    {.name = "text",
     .type = KeyType::text,
     .required = true,
     .description = "What the position says. Text that holds ': ' must be in quotes."},
    {.name = "priority",
     .type = KeyType::priority,
     .description =
         "How much it matters to its holder, from 1 (minor) to 5 (vital); 3 when absent."},
    {.name = "red_line",
     .type = KeyType::flag,
     .description = "true: the holder will not give it up; false when absent."},
    {.name = "to",
     .type = KeyType::references,
     .names = Names::party,
     .distinct = true,
     .description = "The parties it is addressed to, at least one and not its holder; every other "
                    "party when absent."},
    k_source_key,
    k_sources_key,
    {.name = "quote", .type = KeyType::text, .description = "The source's own words, verbatim."},
    {.name = "note", .type = KeyType::text, .description = "The analyst's remark."},
}};

inline constexpr std::array<FormatKey, 9> k_stance_keys{{
    {.name = "position",
     .type = KeyType::reference,
     .required = true,
     .names = Names::position,
     .description = "The position it answers, another party's: PARTY/POSITION."},
    {.name = "stance",
     .type = KeyType::stance,
     .required = true,
     .description = "The answer: agree, reject or consider."},
    {.name = "via",
     .type = KeyType::reference,
     .names = Names::own_position,
     .description =
         "The party's own position that makes it answer so, by its id alone (no PARTY/ prefix)."},
    {.name = "agree_if",
     .type = KeyType::references,
     .names = Names::position,
     .description = "Agree once every one of these positions (PARTY/POSITION) is agreed."},
    {.name = "priority",
     .type = KeyType::priority,
     .description = "How much this answer matters to the party, from 1 to 5; 1 when absent. "
                    "The cost of moving it when it is via none of the party's positions."},
    {.name = "quote",
     .type = KeyType::text,
     .description = "The party's own words for this answer, verbatim from the source."},
    {.name = "note", .type = KeyType::text, .description = "The analyst's remark."},
    k_source_key,
    k_sources_key,
}};

inline constexpr std::array<FormatItem, 7> k_format_items{{
    {Item::scenario, "scenario",
     "A scenario: the scenario.yaml of a scenario folder, or a whole scenario in one file, its "
     "parties holding their positions and stances.",
     k_scenario_keys},
    {Item::party_file, "party_file",
     "A party file of a scenario folder: one party's positions and stances.", k_party_file_keys},
    {Item::party, "party", "A party of the scenario.", k_party_keys},
    {Item::issue, "issue", "An issue that positions are on.", k_issue_keys},
    {Item::source, "source", "A document that positions and stances cite.", k_source_keys},
    {Item::position, "position", "A demand or a concession of the party.", k_position_keys},
    {Item::stance, "stance", "The party's answer to another party's position.", k_stance_keys},
}};

/// The entry of k_format_items for `item`.
constexpr const FormatItem& format_item(Item item) {
  return k_format_items[static_cast<std::size_t>(item)];
}

static_assert(
    [] {
      for (std::size_t i = 0; i < k_format_items.size(); ++i) {
        if (k_format_items[i].item != static_cast<Item>(i)) return false;
      }
      return true;
    }(),
    "k_format_items is in the order of Item");

/// The values of KeyType::kind and KeyType::stance, as to_string() spells them.
inline constexpr std::array<std::string_view, 2> k_kind_values{"demand", "concession"};
inline constexpr std::array<std::string_view, 3> k_stance_values{"agree", "reject", "consider"};

}  // namespace entente
