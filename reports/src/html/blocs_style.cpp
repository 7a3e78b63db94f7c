// The look of the blocs page: the heat map's colour scale and the CSS the page adds to the
// report's stylesheet.
//
// The scale is viridis (matplotlib's default, by van der Walt and Smith): sequential, even to
// the eye, readable with the common kinds of colour blindness and dark to light, so that it
// survives grey printing. An undefined alignment is a hatched grey, which no point of the
// scale is, and every cell also shows its figure.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "html/blocs_page.h"

namespace entente::reports::detail {
namespace {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

// Viridis at 0, 0.1, ..., 1; linear between them.
constexpr std::array<Rgb, 11> k_viridis = {{{0x44, 0x01, 0x54},
                                            {0x48, 0x24, 0x75},
                                            {0x41, 0x44, 0x87},
                                            {0x35, 0x5f, 0x8d},
                                            {0x2a, 0x78, 0x8e},
                                            {0x21, 0x91, 0x8c},
                                            {0x22, 0xa8, 0x84},
                                            {0x44, 0xbf, 0x70},
                                            {0x7a, 0xd1, 0x51},
                                            {0xbd, 0xdf, 0x26},
                                            {0xfd, 0xe7, 0x25}}};

constexpr std::string_view k_dark_ink = "#1d2329";  // the stylesheet's --ink
constexpr std::string_view k_light_ink = "#fff";

std::string hex(const Rgb& c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

Rgb scale(double v) {
  const double at = std::clamp(v, 0.0, 1.0) * static_cast<double>(k_viridis.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(at), k_viridis.size() - 2);
  const double f = at - static_cast<double>(i);
  const auto mix = [f](int a, int b) {
    return static_cast<int>(std::lround(a + f * static_cast<double>(b - a)));
  };
  const Rgb& lo = k_viridis[i];
  const Rgb& hi = k_viridis[i + 1];
  return {mix(lo.r, hi.r), mix(lo.g, hi.g), mix(lo.b, hi.b)};
}

// WCAG's relative luminance: dark ink from where it contrasts more than white does.
bool light(const Rgb& c) {
  const auto linear = [](int channel) {
    const double s = channel / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  const double luminance = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  return luminance > 0.179;
}

}  // namespace

HeatColour heat_colour(double alignment) {
  const Rgb c = scale(alignment);
  return {hex(c), light(c) ? k_dark_ink : k_light_ink};
}

std::string blocs_stylesheet() {
  std::string ramp;
  for (std::size_t i = 0; i < k_viridis.size(); ++i) {
    ramp += fmt::format("{}{} {}%", i == 0 ? "" : ", ", hex(k_viridis[i]), i * 10);
  }
  return fmt::format(R"css(
table.alignment {{ border-collapse: collapse; }}
.alignment th {{ padding: 4px 8px; font-size: 13px; font-weight: 600; color: var(--ink); }}
.alignment thead th {{ text-align: center; vertical-align: bottom; }}
.alignment tbody th {{ text-align: left; white-space: nowrap; }}
.alignment th .name {{ display: block; font-weight: 400; color: var(--muted); }}
.alignment td {{ min-width: 64px; padding: 8px 6px; border: 2px solid var(--paper);
  text-align: center; font-size: 13px; font-variant-numeric: tabular-nums; }}
.alignment td.undefined {{ color: var(--muted); background: var(--silent-bg)
  repeating-linear-gradient(45deg, transparent 0 5px, rgba(89, 99, 110, .2) 5px 7px); }}
.alignment tbody + tbody > tr:first-child > * {{ border-top: 3px solid var(--ink); }}
.alignment .bloc-start {{ border-left: 3px solid var(--ink); }}
.scale {{ max-width: 420px; margin: 14px 0 0; font-size: 13px; color: var(--muted); }}
.scale .ramp {{ height: 14px; border: 1px solid var(--line); border-radius: 4px;
  background: linear-gradient(to right, {}); }}
.scale .ticks {{ display: flex; justify-content: space-between; }}
.legend .swatch.undefined {{ color: var(--muted); background: var(--silent-bg)
  repeating-linear-gradient(45deg, transparent 0 5px, rgba(89, 99, 110, .2) 5px 7px); }}
ol.blocs, ol.merges {{ margin: 0; padding-left: 1.6em; }}
ol.blocs li, ol.merges li {{ margin: 4px 0; }}
ol.blocs .party {{ margin-right: 10px; overflow-wrap: anywhere; }}
.linkage {{ color: var(--muted); font-size: 13px; }}
figure.dendrogram {{ margin: 0; overflow-x: auto; }}
.dendrogram svg {{ display: block; max-width: 100%; height: auto; }}
.dendrogram .link {{ fill: none; stroke: var(--agree); stroke-width: 2; }}
.dendrogram .leaf {{ fill: var(--ink); font: 13px ui-monospace, "DejaVu Sans Mono", monospace; }}
.dendrogram .stub {{ fill: var(--agree); }}
.dendrogram .axis {{ stroke: var(--muted); }}
.dendrogram .tick {{ fill: var(--muted); font-size: 11px; }}
.dendrogram .threshold {{ stroke: var(--reject); stroke-width: 1.5; stroke-dasharray: 6 4; }}
.dendrogram .threshold-label {{ fill: var(--reject); font-size: 11px; }}
figure.dendrogram figcaption {{ margin-top: 8px; font-size: 13px; color: var(--muted); }}
)css",
                     ramp);
}

}  // namespace entente::reports::detail
