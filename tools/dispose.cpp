#include "dispose.h"

#include <atomic>
#include <vector>

namespace entente::cli {
namespace {

std::atomic<bool> g_ends_after_command{false};

}  // namespace

void set_process_ends_after_command(bool ends) { g_ends_after_command = ends; }
bool process_ends_after_command() { return g_ends_after_command; }

void detail::bury(const void* kept) {
  // Never destroyed, so that nothing in it is freed at exit either.
  static auto* const graveyard = new std::vector<const void*>();
  graveyard->push_back(kept);
}

}  // namespace entente::cli
