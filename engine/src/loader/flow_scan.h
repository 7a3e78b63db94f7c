#pragma once

#include <cstddef>
#include <string_view>

#include "entente/diagnostic.h"

namespace entente::detail {

struct FlowLimits {
  int max_depth = 64;                 ///< nested [ and { (the YAML tree has its own cap)
  std::size_t max_span = 256u << 10;  ///< bytes from an outermost [ or { to its close
};

/// Where the quoted scalar that opens at `open` (a ' or a ") ends: just past its closing
/// quote, or npos when the text ends first. Inside single quotes '' is a quote, inside double
/// quotes a backslash escapes the next character: neither closes it.
[[nodiscard]] std::size_t end_of_quoted(std::string_view text, std::size_t open);

/// A lexical pass over checked UTF-8 text that finds flow collections ([...] and {...})
/// before yaml-cpp sees them. yaml-cpp 0.7 buffers a whole run of flow indicators before
/// its depth guard fires (10 MiB of '[' costs 2.3 GB) and spends about 200 bytes per byte
/// inside long flow collections, so both are capped here, where they cost nothing.
/// It errs towards silence: what it cannot classify is left to the parser.
[[nodiscard]] Expected<std::string_view> scan_flow(std::string_view text, std::string_view file,
                                                   const FlowLimits& limits = {});

}  // namespace entente::detail
