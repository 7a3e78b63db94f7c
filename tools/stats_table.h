#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "support/stats.h"

namespace entente::cli {

/// The table `--stats` prints on standard error: a line per stage (wall and CPU time in
/// milliseconds, resident memory after it in MB of 10^6 bytes), then the whole run with the
/// peak resident memory.
std::string format_stats(const std::vector<stats::StageRecord>& stages,
                         const stats::Totals& totals);

/// Prints the table of the stages recorded so far, when `--stats` turned recording on and a
/// stage was recorded, and starts recording afresh (`report --watch` prints one per run).
void print_stats(std::ostream& err);

}  // namespace entente::cli
