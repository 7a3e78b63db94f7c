#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace entente::cli {

/// A picture drawn by Graphviz, or why there is none.
struct Drawing {
  std::string svg{};      ///< one `<svg>` element, ready to inline in HTML; empty on failure
  std::string problem{};  ///< one sentence on what went wrong, empty when `svg` was drawn
};

struct GraphvizOptions {
  std::string program = "dot";  ///< looked up on PATH
  std::chrono::milliseconds timeout{60'000};
};

/// Lays out DOT text with Graphviz's `dot -Tsvg`, fed through a pipe.
Drawing draw_svg(std::string_view dot, const GraphvizOptions& options = {});

/// The `<svg>...</svg>` element of an SVG document, without the XML declaration, doctype and
/// comments that HTML has no use for; empty when there is no such element.
std::string svg_element(std::string_view document);

}  // namespace entente::cli
