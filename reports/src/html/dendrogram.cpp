// The blocs page's dendrogram: the merges of average-linkage clustering as inline SVG, drawn
// from the answer's merges alone. The leaves are the parties in bloc order, top to bottom, so
// every cluster is a run of neighbouring leaves and no two links cross; a merge is a bracket
// at its linkage on an axis that runs from 1 (the leaves) to 0; the threshold is a dashed
// line, past which nothing merged. Coordinates are printed to one decimal: the same answer
// gives the same bytes.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "escape.h"
#include "html/blocs_page.h"

namespace entente::reports::detail {
namespace {

constexpr double k_row = 28;     // a leaf's height
constexpr double k_top = 30;     // room for the threshold's label
constexpr double k_plot = 480;   // the axis from linkage 1 to 0
constexpr double k_right = 60;   // room for the last tick's and the threshold's label
constexpr double k_char = 8;     // a character of the leaves' monospace font, at most
constexpr double k_bottom = 44;  // the axis, its ticks and its caption

struct Point {
  double x = 0, y = 0;
};

class Layout {
 public:
  explicit Layout(const Blocs& blocs) : blocs_(blocs) {
    std::size_t longest = 1;
    for (const Symbol id : blocs.alignment.parties) longest = std::max(longest, id.view().size());
    left_ = 16 + k_char * static_cast<double>(longest);
  }

  double x(double linkage) const { return left_ + (1 - linkage) * k_plot; }
  double y(std::size_t place) const { return k_top + (static_cast<double>(place) + 0.5) * k_row; }
  double left() const { return left_; }
  double width() const { return left_ + k_plot + k_right; }
  double axis() const { return k_top + static_cast<double>(blocs_.order_rows.size()) * k_row + 6; }
  double height() const { return axis() + k_bottom - 6; }

  // The row of a party in the alignment, whose parties are sorted by id.
  std::size_t row(Symbol id) const {
    const auto& parties = blocs_.alignment.parties;
    return static_cast<std::size_t>(std::lower_bound(parties.begin(), parties.end(), id) -
                                    parties.begin());
  }

 private:
  const Blocs& blocs_;
  double left_ = 0;
};

std::string joined(const std::vector<Symbol>& ids) {
  std::string out;
  for (const Symbol id : ids) out += (out.empty() ? "" : ", ") + html(id.view());
  return out;
}

void write_leaves(std::ostream& out, const Blocs& blocs, const Layout& at) {
  for (std::size_t place = 0; place < blocs.order_rows.size(); ++place) {
    const double y = at.y(place);
    out << fmt::format(R"(<text class="leaf" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)"
                       R"(<circle class="stub" cx="{:.1f}" cy="{:.1f}" r="3"/>)",
                       at.left() - 10, y + 4,
                       html(blocs.alignment.parties[blocs.order_rows[place]].view()), at.left(), y)
        << '\n';
  }
}

// Each merge joins the nodes of its two clusters, found by their first members: a leaf, or
// the bracket of the merge that last took that party in.
void write_links(std::ostream& out, const Blocs& blocs, const Layout& at) {
  std::vector<Point> node(blocs.alignment.size());
  for (std::size_t place = 0; place < blocs.order_rows.size(); ++place) {
    node[blocs.order_rows[place]] = {at.left(), at.y(place)};
  }
  for (const BlocMerge& m : blocs.merges) {
    const Point a = node[at.row(m.a.front())];
    const Point b = node[at.row(m.b.front())];
    const Point made{at.x(m.linkage), (a.y + b.y) / 2};
    out << fmt::format(
               R"(<path class="link" d="M{:.1f} {:.1f}H{:.1f}V{:.1f}H{:.1f}"><title>{} + {} at )"
               R"({:.3f}</title></path>)",
               a.x, a.y, made.x, b.y, b.x, joined(m.a), joined(m.b), m.linkage)
        << '\n';
    for (const auto* cluster : {&m.a, &m.b}) {
      for (const Symbol id : *cluster) node[at.row(id)] = made;
    }
  }
}

void write_axis(std::ostream& out, const Blocs& blocs, const Layout& at) {
  const double axis = at.axis();
  out << fmt::format(R"(<line class="axis" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)",
                     at.x(1), axis, at.x(0), axis)
      << '\n';
  for (const auto& [value, label] :
       {std::pair{1.0, "1"}, std::pair{0.75, "0.75"}, std::pair{0.5, "0.5"},
        std::pair{0.25, "0.25"}, std::pair{0.0, "0"}}) {
    const double x = at.x(value);
    out << fmt::format(
               R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}"/>)"
               R"(<text class="tick" x="{0:.1f}" y="{3:.1f}" text-anchor="middle">{4}</text>)",
               x, axis, axis + 5, axis + 18, label)
        << '\n';
  }
  out << fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">)"
                     "linkage</text>\n",
                     at.x(0.5), axis + 34);
  const double t = at.x(blocs.threshold);
  out << fmt::format(
      R"(<line class="threshold" x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}"/>)"
      R"(<text class="threshold-label" x="{0:.1f}" y="{3:.1f}" text-anchor="middle">)"
      "threshold {4:.3f}</text>\n",
      t, k_top - 8, axis, k_top - 14, blocs.threshold);
}

}  // namespace

void write_html_dendrogram(std::ostream& out, const Blocs& blocs) {
  const Layout at(blocs);
  out << fmt::format(
             R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0:.0f}" height="{1:.0f}" )"
             R"(viewBox="0 0 {0:.0f} {1:.0f}" role="img" aria-labelledby="dendrogram-title">)",
             at.width(), at.height())
      << "\n<title id=\"dendrogram-title\">Dendrogram: the merges in bloc order, each at its "
         "linkage</title>\n";
  write_axis(out, blocs, at);
  write_links(out, blocs, at);
  write_leaves(out, blocs, at);
  out << "</svg>\n";
}

}  // namespace entente::reports::detail
