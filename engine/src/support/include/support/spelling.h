#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

// Spelling suggestions for every "unknown name" diagnostic of the engine, said one way.
namespace entente::detail {

/// The candidate closest to `word` by edit distance, when it is close enough to be a typo.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

/// " (did you mean 'x'?)" or an empty string.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

}  // namespace entente::detail
