#include "stats_table.h"

#include <algorithm>
#include <iterator>
#include <ostream>
#include <string_view>

#include <fmt/format.h>

namespace entente::cli {

std::string format_stats(const std::vector<stats::StageRecord>& stages,
                         const stats::Totals& totals) {
  constexpr std::string_view k_whole = "whole run";
  std::size_t width = k_whole.size();
  for (const stats::StageRecord& stage : stages) width = std::max(width, stage.name.size());
  std::string out;
  auto line = [&](std::string_view name, double wall, double cpu, std::string_view memory) {
    fmt::format_to(std::back_inserter(out), "  {:<{}}  {:>9.1f}  {:>9.1f}  {:>11}\n", name, width,
                   wall * 1e3, cpu * 1e3, memory);
  };
  fmt::format_to(std::back_inserter(out), "entente: stats\n  {:<{}}  {:>9}  {:>9}  {:>11}\n",
                 "stage", width, "wall ms", "cpu ms", "resident MB");
  for (const stats::StageRecord& stage : stages) {
    line(stage.name, stage.wall_seconds, stage.cpu_seconds,
         fmt::format("{:.1f}", static_cast<double>(stage.resident_bytes) / 1e6));
  }
  line(k_whole, totals.wall_seconds, totals.cpu_seconds,
       fmt::format("{:.1f} peak", static_cast<double>(totals.peak_resident_bytes) / 1e6));
  return out;
}

void print_stats(std::ostream& err) {
  if (!stats::enabled()) return;
  const std::vector<stats::StageRecord> stages = stats::recorded();
  if (!stages.empty()) err << format_stats(stages, stats::totals()) << std::flush;
  stats::enable();
}

}  // namespace entente::cli
