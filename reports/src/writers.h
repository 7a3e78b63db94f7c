#pragma once

#include <iosfwd>

#include "entente/reports/report.h"

// One writer per format (llvm-cov); write_report() picks one from its table.
namespace entente::reports {

/// The terminal report: sections, a ranked list of sticking points and an issue matrix.
void write_text(const Report& report, std::ostream& out, const WriteOptions& options);

/// The stable JSON report of FORMAT.md section 5.
void write_json(const Report& report, std::ostream& out);

}  // namespace entente::reports
