#pragma once

#include <iosfwd>

#include "entente/blocs.h"
#include "entente/reports/report.h"

namespace entente::reports {

/// Writes the answer of `entente blocs` (docs/format.md 6.3) on `scenario`: the alignment and
/// shared matrices, the merges and the blocs, in text, JSON, Markdown or HTML (whose page shows
/// the scenario's title and the parties' names too).
void write_blocs(const Scenario& scenario, const Blocs& blocs, Format format, std::ostream& out,
                 const WriteOptions& options = {});

}  // namespace entente::reports
