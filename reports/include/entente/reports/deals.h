#pragma once

#include <iosfwd>

#include "entente/deals.h"
#include "entente/reports/report.h"

namespace entente::reports {

/// Writes the answer of `entente deals` (docs/format.md 8): the balanced deal first, the
/// other solutions, the frontier and the blocked positions, and a scored deal, in text, JSON,
/// Markdown or HTML.
void write_deals(const DealsResult& result, Format format, std::ostream& out,
                 const WriteOptions& options = {});

}  // namespace entente::reports
