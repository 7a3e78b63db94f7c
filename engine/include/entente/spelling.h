#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

// Public so that the layers above the engine (a position ref typed on the command line, say)
// suggest names exactly as the loader's diagnostics do.
namespace entente {

/// The candidate closest to `word` by edit distance, when it is close enough to be a typo.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

}  // namespace entente
