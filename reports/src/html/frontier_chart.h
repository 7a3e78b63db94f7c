#pragma once
// The picture of html/deals.cpp: the frontier of a deals answer in parallel coordinates.

#include <iosfwd>

#include "entente/deals.h"

namespace entente::reports::detail {

/// The frontier listed in `r` as inline SVG and its figcaption: one vertical axis per party in
/// the answer's order, all on one scale with 0 (no deal) dashed, one polyline per point in
/// frontier order, the nash point drawn last, on top, thick, or dashed when the list does not
/// reach it. Coordinates to one decimal, so that the same answer gives the same bytes.
void write_frontier_chart(std::ostream& out, const DealsResult& r);

}  // namespace entente::reports::detail
