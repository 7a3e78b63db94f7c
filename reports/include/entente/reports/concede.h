#pragma once

#include <iosfwd>

#include "entente/concede.h"
#include "entente/reports/report.h"

namespace entente::reports {

/// Writes the answer of `entente concede`: the optimum plans, or why there are none.
void write_concede(const ConcedeResult& result, Format format, std::ostream& out,
                   const WriteOptions& options = {});

}  // namespace entente::reports
