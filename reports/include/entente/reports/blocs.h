#pragma once

#include <iosfwd>

#include "entente/blocs.h"
#include "entente/reports/report.h"

namespace entente::reports {

/// Writes the answer of `entente blocs` (docs/format.md 6.3): the alignment and shared
/// matrices, the merges and the blocs, in text, JSON or Markdown.
void write_blocs(const Blocs& blocs, Format format, std::ostream& out,
                 const WriteOptions& options = {});

}  // namespace entente::reports
