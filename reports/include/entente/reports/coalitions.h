#pragma once

#include <iosfwd>

#include "entente/coalitions.h"
#include "entente/reports/report.h"

namespace entente::reports {

/// Writes the answer of `entente coalitions` (docs/format.md 6.4): the ranked coalitions with
/// their figures and, for people, the one-line summary of each one's focused report, in text,
/// JSON, Markdown or HTML.
void write_coalitions(const Coalitions& coalitions, Format format, std::ostream& out,
                      const WriteOptions& options = {});

}  // namespace entente::reports
