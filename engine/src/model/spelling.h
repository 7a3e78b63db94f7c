#pragma once

#include <span>
#include <string>
#include <string_view>

#include "entente/spelling.h"

namespace entente::detail {

using entente::closest_match;

/// " (did you mean 'x'?)" or an empty string.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

}  // namespace entente::detail
