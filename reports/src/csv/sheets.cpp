// A scenario as the CSV sheets of docs/csv.md, for `entente export csv`: every key of the
// format, one row per item, in the scenario's order. The loader reads them back
// (parse_csv_scenario); their files and columns are entente/csv_sheets.h's.

#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "entente/csv_sheets.h"
#include "entente/reports/scenario.h"
#include "support/csv.h"

namespace entente::reports {
namespace {

using support::append_csv_record;

std::string header(CsvSheet sheet) {
  std::vector<std::string> names;
  for (const CsvColumn& column : csv_sheet(sheet).columns) names.emplace_back(column.name);
  std::string out;
  append_csv_record(out, names);
  return out;
}

// `to`, `agree_if` and `sources`: ids joined by k_csv_list_separator.
std::string list(std::span<const IdRef> refs) {
  std::string out;
  for (const IdRef& ref : refs) {
    if (!out.empty()) out += k_csv_list_separator;
    out += ref.id.view();
  }
  return out;
}

std::string_view optional_id(const HeapOptional<IdRef>& ref) {
  return ref ? ref->id.view() : std::string_view();
}

std::string scenario_sheet(const Scenario& s) {
  std::string out = header(CsvSheet::scenario);
  append_csv_record(out, {"format", std::to_string(s.format)});
  append_csv_record(out, {"title", s.title});
  append_csv_record(out, {"date", s.date});
  append_csv_record(out, {"description", s.description});
  return out;
}

std::string parties_sheet(const Scenario& s) {
  std::string out = header(CsvSheet::parties);
  for (const Party& p : s.parties) append_csv_record(out, {p.id.view(), p.name, p.weight});
  return out;
}

std::string issues_sheet(const Scenario& s) {
  std::string out = header(CsvSheet::issues);
  for (const Issue& i : s.issues) {
    append_csv_record(out, {i.id.view(), i.title, i.exclusive ? "true" : "false",
                            i.status_quo ? i.status_quo->id.view() : std::string_view()});
  }
  return out;
}

std::string sources_sheet(const Scenario& s) {
  std::string out = header(CsvSheet::sources);
  for (const Source& x : s.sources) append_csv_record(out, {x.id.view(), x.title, x.date, x.url});
  return out;
}

std::string positions_sheet(const Scenario& s) {
  std::string out = header(CsvSheet::positions);
  for (const Position& p : s.positions) {
    append_csv_record(
        out, {p.party.view(), p.id.view(), p.issue.id.view(), to_string(p.kind), p.text.view(),
              std::to_string(p.priority), p.red_line ? "true" : "false", list(p.to),
              list(p.sources), p.quote.view(), p.note.view()});
  }
  return out;
}

std::string stances_sheet(const Scenario& s) {
  std::string out = header(CsvSheet::stances);
  for (const StanceDecl& st : s.stances) {
    append_csv_record(out, {st.party.view(), st.position.text(), to_string(st.stance),
                            optional_id(st.via), list(st.agree_if), std::to_string(st.priority),
                            st.quote.view(), st.note.view(), list(st.sources)});
  }
  return out;
}

// Indexed by CsvSheet, as k_csv_sheets is.
constexpr std::array<std::string (*)(const Scenario&), k_csv_sheets.size()> k_sheet_writers{
    scenario_sheet, parties_sheet, issues_sheet, sources_sheet, positions_sheet, stances_sheet};

}  // namespace

void write_csv_sheet(const Scenario& scenario, CsvSheet sheet, std::ostream& out) {
  out << k_sheet_writers[static_cast<std::size_t>(sheet)](scenario);
}

}  // namespace entente::reports
