#pragma once

#include <string_view>

#include "entente/diagnostic.h"

namespace entente::detail {

/// Checks raw file bytes before any YAML parser sees them: strict UTF-8, no UTF-16/32,
/// no control characters, no CR-only line endings. Returns the text without a UTF-8 BOM.
[[nodiscard]] Expected<std::string_view> check_bytes(std::string_view raw, std::string_view file);

/// True when a value, as its escapes decoded it, holds a control character: C0 but TAB and LF,
/// DEL, or C1 but NEL. YAML's and JSON's escapes can write what check_bytes() refuses raw.
[[nodiscard]] bool holds_control(std::string_view value);

/// The error for such a value, the same in YAML and JSON files.
inline constexpr std::string_view k_control_in_value =
    "control character in a value (from an escape sequence) is not allowed";

}  // namespace entente::detail
