#include "support/spelling.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace entente {
namespace {

// Words longer than this are not compared: the quadratic distance would let one long id
// cost more than the whole file.
constexpr std::size_t k_max_compared_length = 128;

// Levenshtein distance where swapping two neighbouring letters also counts as one edit
// (optimal string alignment): "titel" is one slip away from "title", not two.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), above(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) above[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] =
          std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, above);
    std::swap(above, row);
  }
  return above[b.size()];
}

}  // namespace

namespace detail {

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
  if (word.size() > k_max_compared_length) return std::nullopt;
  // A third of the word may be wrong (at least one edit), as clang's typo correction allows.
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    if (candidate.size() > k_max_compared_length) continue;
    const std::size_t lengths = candidate.size() > word.size() ? candidate.size() - word.size()
                                                               : word.size() - candidate.size();
    if (lengths >= best_distance) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance || (d == best_distance && best && candidate < *best)) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  const auto match = closest_match(word, candidates);
  return match ? fmt::format(" (did you mean '{}'?)", *match) : std::string{};
}

}  // namespace detail
}  // namespace entente
