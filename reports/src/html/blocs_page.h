#pragma once
// What the files of the HTML page of `entente blocs` share: html/blocs.cpp writes the page,
// html/dendrogram.cpp its picture of the merges, html/blocs_style.cpp its colour scale and
// the stylesheet it adds to the report's.

#include <iosfwd>
#include <string>
#include <string_view>

#include "entente/blocs.h"

namespace entente::reports::detail {

/// A heat-map cell's colours for an alignment from 0 to 1: the scale's colour as "#rrggbb",
/// and the ink that reads best on it.
struct HeatColour {
  std::string background{};
  std::string_view ink{};
};
HeatColour heat_colour(double alignment);

/// The CSS that the blocs page adds to the report's stylesheet, the legend's ramp included.
std::string blocs_stylesheet();

/// The dendrogram of the merges as inline SVG: the leaves in bloc order, each merge at its
/// linkage (1 on the left, 0 on the right), the threshold as a dashed line.
void write_html_dendrogram(std::ostream& out, const Blocs& blocs);

}  // namespace entente::reports::detail
