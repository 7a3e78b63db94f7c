#pragma once
// A scenario as CSV sheets (docs/csv.md): what `entente export csv` writes (the reports'
// csv/sheets.cpp) and `entente import csv` reads back (the loader's csv_loader.cpp). The
// files and their columns are defined here once, so that the two cannot drift apart. The
// columns are the keys of the format (docs/format.md), in its order.

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace entente {

/// The sheets, in the order of k_csv_sheets.
enum class CsvSheet { scenario, parties, issues, sources, positions, stances };

struct CsvColumn {
  std::string_view name{};
  /// The column must be in the header, and an empty cell is empty text, not a key left out
  /// (which is what an empty cell of any other column is).
  bool required = false;
};

/// The scenario's own keys, one `key,value` row each in scenario.csv.
inline constexpr std::array<CsvColumn, 4> k_csv_scenario_keys{
    {{"format", true}, {"title", true}, {"date"}, {"description"}}};

inline constexpr std::array<CsvColumn, 2> k_csv_scenario_columns{{{"key", true}, {"value", true}}};
inline constexpr std::array<CsvColumn, 3> k_csv_party_columns{{{"id", true}, {"name"}, {"weight"}}};
inline constexpr std::array<CsvColumn, 4> k_csv_issue_columns{
    {{"id", true}, {"title"}, {"exclusive"}, {"status_quo"}}};
inline constexpr std::array<CsvColumn, 4> k_csv_source_columns{
    {{"id", true}, {"title"}, {"date"}, {"url"}}};
/// `party` is the holder; the others are the keys of a position.
inline constexpr std::array<CsvColumn, 11> k_csv_position_columns{{{"party", true},
                                                                   {"id", true},
                                                                   {"issue", true},
                                                                   {"kind", true},
                                                                   {"text", true},
                                                                   {"priority"},
                                                                   {"red_line"},
                                                                   {"to"},
                                                                   {"sources"},
                                                                   {"quote"},
                                                                   {"note"}}};
/// `party` is the party that takes the stance; the others are the keys of a stance.
inline constexpr std::array<CsvColumn, 9> k_csv_stance_columns{{{"party", true},
                                                                {"position", true},
                                                                {"stance", true},
                                                                {"via"},
                                                                {"agree_if"},
                                                                {"priority"},
                                                                {"quote"},
                                                                {"note"},
                                                                {"sources"}}};

struct CsvSheetInfo {
  CsvSheet sheet{};
  std::string_view file{};               ///< its name in the folder
  std::span<const CsvColumn> columns{};  ///< in the order export writes them
};

inline constexpr std::array<CsvSheetInfo, 6> k_csv_sheets{{
    {CsvSheet::scenario, "scenario.csv", k_csv_scenario_columns},
    {CsvSheet::parties, "parties.csv", k_csv_party_columns},
    {CsvSheet::issues, "issues.csv", k_csv_issue_columns},
    {CsvSheet::sources, "sources.csv", k_csv_source_columns},
    {CsvSheet::positions, "positions.csv", k_csv_position_columns},
    {CsvSheet::stances, "stances.csv", k_csv_stance_columns},
}};

/// The sheet `s`'s entry of k_csv_sheets.
constexpr const CsvSheetInfo& csv_sheet(CsvSheet s) {
  return k_csv_sheets[static_cast<std::size_t>(s)];
}

/// Between the items of a list in one cell (`to`, `agree_if`, `sources`): `usa;nato`.
inline constexpr char k_csv_list_separator = ';';

}  // namespace entente
