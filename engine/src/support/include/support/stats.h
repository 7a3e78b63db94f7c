#pragma once
// Where a run's time and memory go, stage by stage (`entente ... --stats`, after ninja's
// `-d stats`): each Stage records its wall and CPU time and the memory resident after it.
// Off unless enabled, when a stage costs one relaxed load. The CPU time of a stage counts
// every thread of the process: where two stages run at once (the two reports of a large
// `whatif`), each counts both, and they are listed in the order they end.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace entente::stats {

struct StageRecord {
  std::string name{};
  double wall_seconds = 0;
  double cpu_seconds = 0;            ///< user and system, every thread
  std::uint64_t resident_bytes = 0;  ///< resident set size at the stage's end
};

/// What the process has used from enable() on.
struct Totals {
  double wall_seconds = 0;
  double cpu_seconds = 0;
  std::uint64_t peak_resident_bytes = 0;  ///< the process's largest resident set so far
};

/// The process's resident set now, in bytes; 0 where there is no /proc.
std::uint64_t resident_bytes();

/// Starts recording, with no stage recorded yet.
void enable();
/// Stops recording and forgets what was recorded.
void disable();
bool enabled();

/// The stages recorded since enable(), in the order they ended.
std::vector<StageRecord> recorded();
Totals totals();

/// Times the scope it lives in as the stage `name` (which outlives it) when recording is on.
class Stage {
 public:
  explicit Stage(std::string_view name);
  ~Stage();
  Stage(const Stage&) = delete;
  Stage& operator=(const Stage&) = delete;

 private:
  std::string_view name_;
  bool on_ = false;
  double wall_start_ = 0;
  double cpu_start_ = 0;
};

}  // namespace entente::stats
