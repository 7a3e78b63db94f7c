// Reads a scenario from the CSV sheets of docs/csv.md (entente/csv_sheets.h) into the model.
// Each record becomes the located nodes a YAML item would give, read by the same code as the
// YAML files (loader/schema.h), so that every key is checked as it is there and says so in the
// same words. What is CSV's own is checked here: the headers, the width of each record, the
// bytes of each field, ids that look like formulas, and the holders and takers of positions
// and stances (the party files' `party:` of the folder form). Then validate(), as for YAML.
// A place in a sheet is a record's first line and a field's number (Diagnostic::column_is_field).

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "entente/csv_sheets.h"
#include "entente/loader.h"
#include "loader/read_file.h"
#include "loader/schema.h"
#include "loader/schema_reader.h"
#include "loader/yaml_nodes.h"
#include "support/csv.h"
#include "support/spelling.h"
#include "support/stats.h"
#include "support/utf8.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

using detail::Fields;
using detail::SchemaReader;
using detail::YamlNode;

// A record of more fields is refused as it is read: no sheet has more than 11 columns, and a
// line of a million commas must not become a million strings.
constexpr std::size_t k_max_fields = 256;

Diagnostic error_at(const std::string& file, int line, int field, std::string message) {
  return {{file, line, field}, Severity::error, std::move(message)};
}

// Columns whose cells are ids or references: one that looks like a formula is refused as such.
bool holds_ids(std::string_view column) {
  for (const std::string_view c :
       {"id", "party", "issue", "sources", "to", "position", "via", "agree_if"}) {
    if (c == column) return true;
  }
  return false;
}

bool is_list(std::string_view column) {
  return column == "to" || column == "agree_if" || column == "sources";
}

// What a field may not hold, as the YAML loader refuses it in a file or a value: bytes that are
// not UTF-8, and controls but tab, line feed and NEL.
std::optional<std::string> bad_bytes(std::string_view cell) {
  for (std::size_t i = 0; i < cell.size();) {
    const support::CodePoint c = support::decode_utf8(cell, i);
    if (!c.valid) {
      return fmt::format("invalid UTF-8 byte 0x{:02X}; the sheet must be UTF-8 encoded",
                         static_cast<unsigned char>(cell[i]));
    }
    if (c.value != '\t' && c.value != '\n' && c.value != 0x85 && support::is_control(c.value)) {
      return fmt::format("control character U+{:04X} is not allowed",
                         static_cast<std::uint32_t>(c.value));
    }
    i += c.length;
  }
  return std::nullopt;
}

std::string column_names(std::span<const CsvColumn> columns) {
  std::string names;
  for (const CsvColumn& column : columns) {
    names += names.empty() ? "" : ",";
    names += column.name;
  }
  return names;
}

// One sheet: its records whose fields are all good, and where each of its columns is.
struct Sheet {
  std::string file{};
  std::span<const CsvColumn> columns{};
  std::vector<int> field_of{};  ///< by column: its 0-based field, -1 when the header lacks it
  int header_line = 1;
  bool ok = false;  ///< read, and its header is good: its rows are to be read
  std::vector<support::CsvRecord> rows{};

  int field(std::string_view column) const {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].name == column) return field_of[c];
    }
    return -1;
  }
  bool required(std::string_view column) const {
    return std::any_of(columns.begin(), columns.end(),
                       [&](const CsvColumn& c) { return c.name == column && c.required; });
  }
};

// The header: every column known, none twice, every required one there. False on an error.
bool read_header(Sheet& sheet, const support::CsvRecord& header, std::vector<Diagnostic>& out) {
  const std::size_t errors = out.size();
  std::vector<std::string> names;
  for (const CsvColumn& column : sheet.columns) names.emplace_back(column.name);
  sheet.header_line = header.line;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    const auto known = std::find(names.begin(), names.end(), name);
    const int field = static_cast<int>(i) + 1;
    if (known == names.end()) {
      out.push_back(
          error_at(sheet.file, header.line, field,
                   fmt::format("unknown column '{}'{} (the columns are {})", name,
                               detail::did_you_mean(name, names), column_names(sheet.columns))));
      continue;
    }
    int& at = sheet.field_of[static_cast<std::size_t>(known - names.begin())];
    if (at >= 0) {
      out.push_back(
          error_at(sheet.file, header.line, field,
                   fmt::format("column '{}' is given twice (first as field {})", name, at + 1)));
      continue;
    }
    at = static_cast<int>(i);
  }
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    if (sheet.columns[c].required && sheet.field_of[c] < 0) {
      out.push_back(error_at(sheet.file, header.line, 1,
                             fmt::format("missing column '{}' (the columns are {})",
                                         sheet.columns[c].name, column_names(sheet.columns))));
    }
  }
  return out.size() == errors;
}

// A record's fields: as many as the header's, each good UTF-8 with no control, no id that looks
// like a formula. False, with an error per bad field, when it is not to be read.
bool check_record(const Sheet& sheet, const support::CsvRecord& record, std::size_t width,
                  std::vector<Diagnostic>& out) {
  if (record.fields.size() != width) {
    out.push_back(error_at(
        sheet.file, record.line, static_cast<int>(std::min(record.fields.size(), width)) + 1,
        fmt::format("the record has {} field{} and the header {}", record.fields.size(),
                    record.fields.size() == 1 ? "" : "s", width)));
    return false;
  }
  bool good = true;
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    const int f = sheet.field_of[c];
    if (f < 0) continue;
    const std::string& cell = record.fields[static_cast<std::size_t>(f)];
    std::optional<std::string> problem = bad_bytes(cell);
    if (!problem && holds_ids(sheet.columns[c].name) && support::looks_like_formula(cell)) {
      problem = fmt::format("'{}' looks like a spreadsheet formula, not an id", cell);
    }
    if (problem) {
      out.push_back(error_at(sheet.file, record.line, f + 1, std::move(*problem)));
      good = false;
    }
  }
  return good;
}

Sheet read_sheet(const CsvSheetText& text, const CsvSheetInfo& info, std::vector<Diagnostic>& out) {
  Sheet sheet{text.file, info.columns, std::vector<int>(info.columns.size(), -1)};
  support::CsvText csv = support::read_csv(text.text, k_max_fields);
  if (csv.error) {
    out.push_back(error_at(sheet.file, csv.error->line, csv.error->field, csv.error->message));
    return sheet;
  }
  if (csv.records.empty()) {
    out.push_back({{sheet.file, 0, 0},
                   Severity::error,
                   fmt::format("the sheet is empty (expected a header row: {})",
                               column_names(info.columns))});
    return sheet;
  }
  if (!read_header(sheet, csv.records.front(), out)) return sheet;
  sheet.ok = true;
  const std::size_t width = csv.records.front().fields.size();
  for (std::size_t r = 1; r < csv.records.size(); ++r) {
    if (check_record(sheet, csv.records[r], width, out)) {
      sheet.rows.push_back(std::move(csv.records[r]));
    }
  }
  return sheet;
}

YamlNode scalar(std::string value, int line, int field) {
  YamlNode node;
  node.kind = YamlNode::Kind::scalar;
  node.value = std::move(value);
  node.line = line;
  node.column = field;
  return node;
}

// A list cell's items, split at k_csv_list_separator, spaces around them dropped.
YamlNode list(std::string_view cell, int line, int field) {
  YamlNode node;
  node.kind = YamlNode::Kind::sequence;
  node.line = line;
  node.column = field;
  for (;;) {
    const std::size_t end = std::min(cell.find(k_csv_list_separator), cell.size());
    std::string_view item = cell.substr(0, end);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    node.items.push_back(scalar(std::string(item), line, field));
    if (end == cell.size()) break;
    cell.remove_prefix(end + 1);
  }
  return node;
}

// A record as the mapping of a YAML item: a key per column (but `skip`), at its field. An
// empty cell of a column that is not required is a key left out; of a required one, empty
// text. The mapping itself is at the field of `named_by`, the column that names the item.
YamlNode mapping(const Sheet& sheet, const support::CsvRecord& record, std::string_view named_by,
                 std::string_view skip = {}) {
  YamlNode node;
  node.kind = YamlNode::Kind::mapping;
  node.line = record.line;
  node.column = sheet.field(named_by) + 1;
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    const std::string_view name = sheet.columns[c].name;
    const int f = sheet.field_of[c];
    if (f < 0 || name == skip) continue;
    const std::string& cell = record.fields[static_cast<std::size_t>(f)];
    if (cell.empty() && !sheet.columns[c].required) continue;
    node.keys.push_back(scalar(std::string(name), record.line, f + 1));
    node.items.push_back(is_list(name) ? list(cell, record.line, f + 1)
                                       : scalar(cell, record.line, f + 1));
  }
  return node;
}

// scenario.csv: one `key,value` row per key of the scenario itself.
void read_scenario_sheet(const Sheet& sheet, Scenario& s, std::vector<Diagnostic>& out) {
  SchemaReader r(sheet.file);
  YamlNode root;
  root.kind = YamlNode::Kind::mapping;
  root.line = sheet.header_line;
  root.column = 1;
  std::vector<std::string> keys;
  for (const CsvColumn& key : k_csv_scenario_keys) keys.emplace_back(key.name);
  std::map<std::string, int, std::less<>> line_of;
  const int key_field = sheet.field("key");
  const int value_field = sheet.field("value");
  for (const support::CsvRecord& row : sheet.rows) {
    const std::string& key = row.fields[static_cast<std::size_t>(key_field)];
    const std::string& value = row.fields[static_cast<std::size_t>(value_field)];
    const auto known = std::find_if(k_csv_scenario_keys.begin(), k_csv_scenario_keys.end(),
                                    [&](const CsvColumn& k) { return k.name == key; });
    if (known == k_csv_scenario_keys.end()) {
      out.push_back(error_at(sheet.file, row.line, key_field + 1,
                             fmt::format("unknown key '{}'{} (the keys are format, title, date "
                                         "and description)",
                                         key, detail::did_you_mean(key, keys))));
      continue;
    }
    if (const auto [it, first] = line_of.try_emplace(key, row.line); !first) {
      out.push_back(
          error_at(sheet.file, row.line, key_field + 1,
                   fmt::format("key '{}' is given twice (first on line {})", key, it->second)));
      continue;
    }
    if (value.empty() && !known->required) continue;
    root.keys.push_back(scalar(key, row.line, key_field + 1));
    root.items.push_back(scalar(value, row.line, value_field + 1));
  }
  Fields top(r, root, "the scenario", format_item(Item::scenario));
  if (line_of.contains("format")) {
    detail::read_format(r, top, root);
  } else {
    out.push_back(
        error_at(sheet.file, sheet.header_line, 1, "missing key 'format' (add the row: format,1)"));
  }
  detail::read_scenario_keys(r, top, s);
  auto found = r.take_diagnostics();
  out.insert(out.end(), found.begin(), found.end());
}

// parties.csv, issues.csv and sources.csv: one item per row, read by `read`.
template <class Item, class Read>
void read_items(const Sheet& sheet, std::vector<Item>& items, std::vector<Diagnostic>& out,
                Read read) {
  if (!sheet.ok) return;
  SchemaReader r(sheet.file);
  for (const support::CsvRecord& row : sheet.rows) {
    if (auto item = read(r, mapping(sheet, row, "id"))) items.push_back(std::move(*item));
  }
  auto found = r.take_diagnostics();
  out.insert(out.end(), found.begin(), found.end());
}

// positions.csv and stances.csv: each row an item of the party in its `party` column, which is
// kept in `parties` to be checked once every sheet is read.
template <class Item, class Read>
void read_party_items(const Sheet& sheet, std::string_view named_by, std::vector<Item>& items,
                      std::vector<IdRef>& parties, std::vector<Diagnostic>& out, Read read) {
  if (!sheet.ok) return;
  SchemaReader r(sheet.file);
  const int party_field = sheet.field("party");
  for (const support::CsvRecord& row : sheet.rows) {
    const YamlNode cell =
        scalar(row.fields[static_cast<std::size_t>(party_field)], row.line, party_field + 1);
    std::optional<IdRef> party = r.id_ref(cell, "party");
    std::optional<Item> item =
        read(r, mapping(sheet, row, named_by, "party"), party ? party->id : Symbol());
    if (item && party) {
      items.push_back(std::move(*item));
      parties.push_back(std::move(*party));
    }
  }
  auto found = r.take_diagnostics();
  out.insert(out.end(), found.begin(), found.end());
}

// Every position's holder and stance's taker is a party of parties.csv: an error for each
// that is not, and which those are.
std::vector<bool> check_parties(const Scenario& s, const std::vector<IdRef>& named,
                                std::string_view listed_in, std::vector<Diagnostic>& out) {
  std::vector<std::string> ids;
  for (const Party& p : s.parties) ids.emplace_back(p.id.view());
  const std::set<std::string_view> known(ids.begin(), ids.end());
  std::vector<bool> unknown(named.size(), false);
  for (std::size_t i = 0; i < named.size(); ++i) {
    const IdRef& party = named[i];
    if (known.contains(party.id.view())) continue;
    unknown[i] = true;
    out.push_back({party.where, Severity::error,
                   fmt::format("unknown party '{}'{}; parties are listed in {}", party.id,
                               detail::did_you_mean(party.id, ids), listed_in)});
  }
  return unknown;
}

void place_by_field(std::vector<Diagnostic>& diagnostics) {
  for (Diagnostic& d : diagnostics) d.column_is_field = d.where.line > 0;
}

}  // namespace

Expected<Scenario> parse_csv_scenario(std::span<const CsvSheetText> sheets) {
  if (sheets.size() != k_csv_sheets.size()) {
    return tl::unexpected(std::vector<Diagnostic>{
        {.message = fmt::format("{} CSV sheets given, where a scenario has {}", sheets.size(),
                                k_csv_sheets.size())}});
  }
  std::vector<Diagnostic> out;
  Scenario s;
  std::vector<IdRef> holders, takers;
  std::string parties_file;
  {
    const stats::Stage stage("parse sheets");
    std::vector<Sheet> read;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      read.push_back(read_sheet(sheets[i], k_csv_sheets[i], out));
    }
    const auto sheet = [&](CsvSheet which) -> const Sheet& {
      return read[static_cast<std::size_t>(which)];
    };
    if (sheet(CsvSheet::scenario).ok) read_scenario_sheet(sheet(CsvSheet::scenario), s, out);
    read_items(
        sheet(CsvSheet::parties), s.parties, out,
        [&](SchemaReader& r, const YamlNode& node) { return detail::read_party(r, node, s); });
    read_items(sheet(CsvSheet::issues), s.issues, out, &detail::read_issue);
    read_items(sheet(CsvSheet::sources), s.sources, out, &detail::read_source);
    read_party_items(sheet(CsvSheet::positions), "id", s.positions, holders, out,
                     &detail::read_position);
    read_party_items(sheet(CsvSheet::stances), "position", s.stances, takers, out,
                     &detail::read_stance);
    parties_file = fs::path(sheet(CsvSheet::parties).file).filename().string();
  }
  if (has_errors(out)) {
    place_by_field(out);
    sort_diagnostics(out);
    return tl::unexpected(std::move(out));
  }
  // As in a folder, references between sheets are checked once every sheet has been read
  // without error: until then a broken row would make its item look unknown elsewhere.
  s.warnings = std::move(out);
  std::vector<Diagnostic> unknown;
  check_parties(s, holders, parties_file, unknown);
  // The stances of a party that is not one are left out, as a party file of an unknown party
  // is (they could only be said to come from outside their positions' audiences).
  const std::vector<bool> unknown_taker = check_parties(s, takers, parties_file, unknown);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < s.stances.size(); ++i) {
    if (unknown_taker[i]) continue;
    if (i != kept) s.stances[kept] = std::move(s.stances[i]);
    ++kept;
  }
  s.stances.resize(kept);
  auto valid = [&] {
    const stats::Stage stage("validate");
    return validate(std::move(s));
  }();
  if (!unknown.empty()) {
    std::vector<Diagnostic>& all = valid ? valid->warnings : valid.error();
    unknown.insert(unknown.end(), all.begin(), all.end());
    place_by_field(unknown);
    sort_diagnostics(unknown);
    return tl::unexpected(std::move(unknown));
  }
  place_by_field(valid ? valid->warnings : valid.error());
  return valid;
}

Expected<Scenario> load_csv_scenario(const fs::path& folder, const LoadOptions& options) {
  const auto fail = [&](std::string message) -> Expected<Scenario> {
    return tl::unexpected(
        std::vector<Diagnostic>{{{folder.string(), 0, 0}, Severity::error, std::move(message)}});
  };
  std::error_code ec;
  const auto status = fs::status(folder, ec);
  if (ec || !fs::exists(status)) return fail("no such folder");
  if (!fs::is_directory(status)) {
    return fail("not a folder (expected a folder of CSV sheets: scenario.csv, parties.csv, ...)");
  }
  std::vector<CsvSheetText> sheets;
  std::vector<Diagnostic> errors;
  {
    const stats::Stage stage("read files");
    for (const CsvSheetInfo& info : k_csv_sheets) {
      const fs::path path = folder / info.file;
      auto data = detail::read_file(path, options.max_file_bytes, options.max_file_bytes_hint);
      if (data) {
        sheets.push_back({path.string(), std::move(data->text)});
      } else {
        errors.insert(errors.end(), data.error().begin(), data.error().end());
      }
    }
  }
  if (!errors.empty()) {
    sort_diagnostics(errors);
    return tl::unexpected(limit_diagnostics(std::move(errors), options.max_diagnostics));
  }
  auto scenario = parse_csv_scenario(sheets);
  if (!scenario) {
    return tl::unexpected(limit_diagnostics(std::move(scenario.error()), options.max_diagnostics));
  }
  scenario->warnings = limit_diagnostics(std::move(scenario->warnings), options.max_diagnostics);
  return scenario;
}

}  // namespace entente
