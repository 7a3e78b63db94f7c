// The frontier of `entente deals` in parallel coordinates (html/frontier_chart.h), for the
// deals page (html/deals.cpp).
#include "html/frontier_chart.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "deals_parts.h"
#include "escape.h"

namespace entente::reports::detail {
namespace {

// The picture's room, in SVG units.
constexpr double k_top = 18;         // above the scale's highest tick
constexpr double k_plot = 220;       // the axes, from the highest tick to the lowest
constexpr double k_gap = 96;         // between two axes, at least
constexpr double k_axes = 480;       // the first axis to the last, when that leaves them room
constexpr double k_left = 56;        // the ticks' labels, left of the first axis
constexpr double k_right = 84;       // the zero line's and nash's labels
constexpr double k_char = 7.3;       // a character of the axes' 12px monospace labels, at most
constexpr int k_label_columns = 24;  // a longer party id is cut in the picture, not the table
constexpr double k_cos = 0.766, k_sin = 0.643;  // labels too wide to stand level turn 40 degrees

// The scale every axis shares, in whole gains: ticks every 1, 2, 5, 10, 20... with at most 8
// steps, 0 always inside, and never an empty range (all gains 0 would divide by zero).
struct Scale {
  long long lo = 0, hi = 1, step = 1;
};

Scale scale_for(const std::vector<const Deal*>& deals) {
  long long lo = 0, hi = 0;
  for (const Deal* d : deals) {
    for (const int g : d->gains) {
      lo = std::min<long long>(lo, g);
      hi = std::max<long long>(hi, g);
    }
  }
  long long step = 1;
  for (long long base = 1; step * 8 < hi - lo; base *= 10) {
    for (const long long m : {1LL, 2LL, 5LL}) {
      step = base * m;
      if (step * 8 >= hi - lo) break;
    }
  }
  Scale s{
      .lo = -((-lo + step - 1) / step) * step, .hi = (hi + step - 1) / step * step, .step = step};
  if (s.hi == s.lo) s.hi = s.lo + step;
  return s;
}

// The parallel-coordinates picture of the frontier listed: one axis per party in the
// answer's order, one polyline per point in frontier order (the nash point drawn last, on
// top, thick), and the nash deal dashed when the list does not reach it.
class Chart {
 public:
  explicit Chart(const DealsResult& r) : r_(r) {
    for (const Deal& d : r.frontier) lines_.push_back(&d);
    const auto it = std::find_if(r.frontier.begin(), r.frontier.end(),
                                 [&](const Deal& d) { return detail::same_point(d, r.nash); });
    if (it != r.frontier.end()) nash_ = static_cast<std::size_t>(it - r.frontier.begin());
    scale_ = scale_for(nash_ ? lines_ : with_nash());
    int longest = 1;
    for (const std::string& id : r.parties) {
      labels_.push_back(detail::truncate(id, k_label_columns));
      longest = std::max(longest, detail::display_width(labels_.back()));
    }
    const std::size_t n = r.parties.size();
    gap_ = n > 1 ? std::clamp(k_axes / static_cast<double>(n - 1), k_gap, 1.25 * k_gap) : k_gap;
    const double widest = k_char * longest;
    turned_ = widest + 12 > gap_;
    left_ = std::max(k_left, turned_ ? widest * k_cos + 12 : widest / 2 + 8);
    below_ = turned_ ? widest * k_sin + 30 : 34;
  }

  void write(std::ostream& out) const {
    out << fmt::format(
               R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0:.0f}" height="{1:.0f}" )"
               R"(viewBox="0 0 {0:.0f} {1:.0f}" role="img" )"
               R"(aria-labelledby="frontier-title frontier-desc">)",
               width(), k_top + k_plot + below_)
        << "\n<title id=\"frontier-title\">The frontier: each point's gain for each party</title>\n"
        << "<desc id=\"frontier-desc\">" << html(description()) << "</desc>\n";
    write_scale(out);
    write_axes(out);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (i != nash_) write_line(out, i);
    }
    write_line(out, nash_ ? *nash_ : lines_.size());
    write_nash_label(out);
    out << "</svg>\n<figcaption>Each line is a frontier point of the table, through its gain "
           "for each party (an axis each, one scale for all); the "
        << (nash_ ? "thick" : "dashed") << " orange line is the balanced deal (nash)"
        << (nash_ ? "" : ", which is not among the points listed")
        << "; the dashed grey line is 0, no deal.</figcaption>\n";
  }

 private:
  std::vector<const Deal*> with_nash() const {
    std::vector<const Deal*> all = lines_;
    all.push_back(&r_.nash);
    return all;
  }
  double x(std::size_t axis) const { return left_ + gap_ * static_cast<double>(axis); }
  double y(long long gain) const {
    return k_top + static_cast<double>(scale_.hi - gain) * k_plot /
                       static_cast<double>(scale_.hi - scale_.lo);
  }
  double last_x() const { return x(r_.parties.size() - 1); }
  double width() const { return last_x() + k_right; }

  std::string description() const {
    const std::string nash = nash_ ? fmt::format("point {}, the thick orange line", *nash_ + 1)
                                   : std::string("not listed: the dashed orange line");
    return fmt::format(
        "One vertical axis per party ({}), all on one scale from {} to {}, with a "
        "dashed line at 0, no deal; one line per frontier point listed in the "
        "table ({}), through its gain for each party. The balanced deal (nash) "
        "is {}.",
        fmt::join(r_.parties, ", "), detail::signed_gain(scale_.lo), detail::signed_gain(scale_.hi),
        lines_.size(), nash);
  }

  void write_scale(std::ostream& out) const {
    for (long long t = scale_.lo; t <= scale_.hi; t += scale_.step) {
      const char* line = t == 0 ? "zero" : "grid";
      out << fmt::format(R"(<line class="{}" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)"
                         R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)",
                         line, x(0) - 8, y(t), last_x() + 8, y(t), x(0) - 12, y(t) + 4,
                         detail::signed_gain(t))
          << '\n';
    }
    out << fmt::format(R"(<text class="zero-label" x="{:.1f}" y="{:.1f}">no deal</text>)",
                       last_x() + 12, y(0) + 4)
        << '\n';
  }

  void write_axes(std::ostream& out) const {
    const double foot = k_top + k_plot;
    for (std::size_t q = 0; q < r_.parties.size(); ++q) {
      const double at = x(q);
      const std::string full =
          labels_[q] == r_.parties[q] ? "" : fmt::format("<title>{}</title>", html(r_.parties[q]));
      const std::string place =
          turned_ ? fmt::format(R"(x="{0:.1f}" y="{1:.1f}" text-anchor="end" )"
                                R"~(transform="rotate(-40 {0:.1f} {1:.1f})")~",
                                at + 4, foot + 16)
                  : fmt::format(R"(x="{:.1f}" y="{:.1f}" text-anchor="middle")", at, foot + 22);
      out << fmt::format(R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" )"
                         R"(y2="{2:.1f}"/><text class="party" {3}>{4}{5}</text>)",
                         at, k_top, foot, place, html(labels_[q]), full)
          << '\n';
    }
  }

  // Line `i` of the frontier listed, or the nash deal when `i` is past the list.
  void write_line(std::ostream& out, std::size_t i) const {
    const bool extra = i >= lines_.size();
    const Deal& d = extra ? r_.nash : *lines_[i];
    const bool nash = extra || i == nash_;
    std::string points;
    std::string dots;
    for (std::size_t q = 0; q < r_.parties.size(); ++q) {
      points += fmt::format("{}{:.1f},{:.1f}", q == 0 ? "" : " ", x(q), y(d.gains[q]));
      dots += fmt::format(R"(<circle class="dot{}" cx="{:.1f}" cy="{:.1f}" r="{}"/>)",
                          nash ? " nash" : "", x(q), y(d.gains[q]), nash ? 4 : 3);
    }
    const std::string name = extra  ? std::string("nash, not listed")
                             : nash ? fmt::format("{}, nash", i + 1)
                                    : fmt::format("{}", i + 1);
    out << fmt::format(R"(<polyline class="{}" points="{}"><title>{}: joint {}: {}</title>)"
                       "</polyline>{}\n",
                       extra  ? "nash-extra"
                       : nash ? "point nash"
                              : "point",
                       points, name, detail::signed_gain(d.joint),
                       html(detail::gains_line(r_.parties, d.gains)), dots);
  }

  // "nash" beside the last axis, moved up off the zero line's label when they would touch.
  void write_nash_label(std::ostream& out) const {
    if (r_.nash.gains.empty()) return;
    double at = y(r_.nash.gains.back());
    if (std::abs(at - y(0)) < 14) at = y(0) - 14;
    out << fmt::format(R"(<text class="nash-label" x="{:.1f}" y="{:.1f}">nash</text>)",
                       last_x() + 12, at + 4)
        << '\n';
  }

  const DealsResult& r_;
  std::vector<const Deal*> lines_;
  std::optional<std::size_t> nash_;
  Scale scale_;
  std::vector<std::string> labels_;
  double gap_ = k_gap;
  bool turned_ = false;
  double left_ = k_left;
  double below_ = 0;
};

}  // namespace

void write_frontier_chart(std::ostream& out, const DealsResult& r) { Chart(r).write(out); }

}  // namespace entente::reports::detail
