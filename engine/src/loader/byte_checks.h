#pragma once

#include <string_view>

#include "entente/diagnostic.h"

namespace entente::detail {

/// Checks raw file bytes before any YAML parser sees them: strict UTF-8, no UTF-16/32,
/// no control characters, no CR-only line endings. Returns the text without a UTF-8 BOM.
[[nodiscard]] Expected<std::string_view> check_bytes(std::string_view raw, std::string_view file);

}  // namespace entente::detail
