// The stage recorder of stats.h.
#include "support/stats.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <utility>

namespace entente::stats {
namespace {

double wall_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

double cpu_now() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::uint64_t peak_resident() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // kilobytes on Linux
}

struct Recorder {
  std::atomic<bool> on{false};
  std::mutex mutex;
  std::vector<StageRecord> stages;
  double wall_start = 0;
  double cpu_start = 0;
};

Recorder& recorder() {
  static Recorder r;
  return r;
}

}  // namespace

// The second field of /proc/self/statm is in pages.
std::uint64_t resident_bytes() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return 0;
  unsigned long long size = 0, resident = 0;
  const int read = std::fscanf(statm, "%llu %llu", &size, &resident);
  std::fclose(statm);
  if (read != 2) return 0;
  return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

void enable() {
  Recorder& r = recorder();
  const std::lock_guard lock(r.mutex);
  r.stages.clear();
  r.wall_start = wall_now();
  r.cpu_start = cpu_now();
  r.on = true;
}

void disable() {
  Recorder& r = recorder();
  const std::lock_guard lock(r.mutex);
  r.on = false;
  r.stages.clear();
}

bool enabled() { return recorder().on.load(std::memory_order_relaxed); }

std::vector<StageRecord> recorded() {
  Recorder& r = recorder();
  const std::lock_guard lock(r.mutex);
  return r.stages;
}

Totals totals() {
  Recorder& r = recorder();
  const std::lock_guard lock(r.mutex);
  // The kernel updates its high-water mark lazily: it can lag a reading of statm.
  std::uint64_t peak = std::max(peak_resident(), resident_bytes());
  for (const StageRecord& stage : r.stages) peak = std::max(peak, stage.resident_bytes);
  return {.wall_seconds = wall_now() - r.wall_start,
          .cpu_seconds = cpu_now() - r.cpu_start,
          .peak_resident_bytes = peak};
}

Stage::Stage(std::string_view name) : name_(name), on_(enabled()) {
  if (!on_) return;
  wall_start_ = wall_now();
  cpu_start_ = cpu_now();
}

Stage::~Stage() {
  if (!on_ || !enabled()) return;
  StageRecord record{.name = std::string(name_),
                     .wall_seconds = wall_now() - wall_start_,
                     .cpu_seconds = cpu_now() - cpu_start_,
                     .resident_bytes = resident_bytes()};
  Recorder& r = recorder();
  const std::lock_guard lock(r.mutex);
  r.stages.push_back(std::move(record));
}

}  // namespace entente::stats
