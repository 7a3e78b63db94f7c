#pragma once

#include <iosfwd>

#include "entente/csv_sheets.h"
#include "entente/model.h"

// A scenario's model written out as it is, in the two forms `entente export` and `entente
// import` need: nothing derived, every key of the format.
namespace entente::reports {

/// One sheet of `scenario` as CSV (docs/csv.md, entente/csv_sheets.h): a header row, then one
/// row per item in the scenario's order. What `entente export csv` writes and
/// parse_csv_scenario() reads back.
void write_csv_sheet(const Scenario& scenario, CsvSheet sheet, std::ostream& out);

/// `scenario` as one YAML file of the single-file form (docs/format.md), each position and
/// stance under its party's entry: what `entente import csv` writes. Loading it gives back
/// `scenario`, but for the places of its items. `scenario` is valid (its holders are parties).
void write_yaml_scenario(const Scenario& scenario, std::ostream& out);

}  // namespace entente::reports
