// The answer of `entente blocs` as one self-contained page in the HTML report's style
// (docs/format.md 6.5): the alignment matrix as a heat map with the parties in bloc order, a
// line between blocs and the figure in every cell (3 decimals, as printf's %.3f), coloured
// by a colour-blind-safe scale with a legend; the blocs with the linkage that completed each;
// the dendrogram of the merges (html/dendrogram.cpp); and the merges in the order made. No
// script, nothing loaded, no time stamp: the same answer gives the same bytes. The scenario
// gives the title and the parties' names, escaped where they are written.
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "blocs_parts.h"
#include "entente/model.h"
#include "escape.h"
#include "html/blocs_page.h"
#include "html/parts.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::html;

// Each row's party name (none when the file gives none), by row of the alignment.
std::vector<std::string_view> names_by_row(const Scenario& scenario, const Alignment& al) {
  std::unordered_map<Symbol, std::string_view> by_id;
  for (const Party& party : scenario.parties) by_id.emplace(party.id, party.name);
  std::vector<std::string_view> out;
  for (const Symbol id : al.parties) {
    const auto it = by_id.find(id);
    out.push_back(it == by_id.end() ? std::string_view() : it->second);
  }
  return out;
}

class Page {
 public:
  Page(const Scenario& scenario, const Blocs& blocs)
      : scenario_(scenario), blocs_(blocs), names_(names_by_row(scenario, blocs.alignment)) {}

  void write(std::ostream& out) const {
    const std::string title =
        "Blocs: " + (scenario_.title.empty() ? std::string("(untitled)") : scenario_.title);
    detail::write_html_head(out, title, detail::blocs_stylesheet());
    write_top(out, title);
    out << "<main>\n";
    write_matrix(out);
    write_blocs(out);
    write_dendrogram(out);
    write_merges(out);
    detail::write_html_foot(out);
  }

 private:
  std::string_view id(std::size_t row) const { return blocs_.alignment.parties[row].view(); }

  // A party as people read it: its name, if any, and its id.
  std::string party(std::size_t row) const {
    const std::string code = fmt::format("<code>{}</code>", html(id(row)));
    return names_[row].empty() ? code : html(names_[row]) + " " + code;
  }

  std::string ids(const std::vector<Symbol>& members) const {
    std::string out;
    for (const Symbol m : members) out += (out.empty() ? "" : ", ") + html(m.view());
    return out;
  }

  void write_top(std::ostream& out, std::string_view title) const {
    out << "<header class=\"top\">\n<p class=\"kicker\">Who stands with whom</p>\n"
        << "<h1>" << html(title) << "</h1>\n<p class=\"parties\">Parties: ";
    for (std::size_t row = 0; row < blocs_.alignment.size(); ++row) {
      out << "<span class=\"party\">" << party(row) << "</span>";
    }
    const std::size_t n = blocs_.blocs.size();
    const std::size_t merges = blocs_.merges.size();
    out << fmt::format(
               "</p>\n<p class=\"description\">{} parties, threshold {:.3f}: {} bloc{} after {} "
               "merge{}.</p>\n",
               blocs_.alignment.size(), blocs_.threshold, n, n == 1 ? "" : "s", merges,
               merges == 1 ? "" : "s")
        << "<nav class=\"toc\"><a href=\"#alignment\">Alignment</a><a href=\"#blocs\">Blocs</a>"
        << "<a href=\"#dendrogram\">Dendrogram</a><a href=\"#merges\">Merges</a></nav>\n"
        << "</header>\n";
  }

  void write_cell(std::ostream& out, std::size_t p, std::size_t q, bool bloc_start) const {
    const std::optional<double> v = blocs_.alignment.of(p, q);
    if (!v) {
      const std::string why =
          p == q ? fmt::format("{}: itself", html(id(p)))
                 : fmt::format("{} and {}: nothing shared", html(id(p)), html(id(q)));
      out << fmt::format(R"(<td class="undefined{}" title="{}">-</td>)",
                         bloc_start ? " bloc-start" : "", why);
      return;
    }
    const detail::HeatColour colour = detail::heat_colour(*v);
    out << fmt::format(R"(<td{} style="background:{};color:{}" title="{} and {}: {} over {} )"
                       R"(positions both answer">{}</td>)",
                       bloc_start ? R"( class="bloc-start")" : "", colour.background, colour.ink,
                       html(id(p)), html(id(q)), detail::figure(v),
                       blocs_.alignment.shared_by(p, q), detail::figure(v));
  }

  // One <tbody> a bloc, so that a line can part the blocs, and a line before each bloc's
  // first column.
  void write_matrix(std::ostream& out) const {
    detail::write_section_start(
        out, "alignment", "Alignment", std::nullopt,
        "How alike each two parties answer: their mean score over the positions both answer (1 "
        "the same answer, 0.5 when one considers, 0 agree against reject). The parties in bloc "
        "order, a line between blocs.");
    std::vector<bool> starts(blocs_.order_rows.size(), false);
    std::size_t first = 0;
    for (const std::vector<Symbol>& bloc : blocs_.blocs) {
      if (first > 0) starts[first] = true;
      first += bloc.size();
    }
    out << "<div class=\"scroll\"><table class=\"alignment\">\n<thead><tr><th></th>";
    for (std::size_t place = 0; place < starts.size(); ++place) {
      const std::size_t q = blocs_.order_rows[place];
      const std::string name =
          names_[q].empty() ? "" : fmt::format(R"( title="{}")", html(names_[q]));
      out << fmt::format(R"(<th scope="col"{}{}><code>{}</code></th>)",
                         starts[place] ? R"( class="bloc-start")" : "", name, html(id(q)));
    }
    out << "</tr></thead>\n<tbody>\n";
    for (std::size_t place = 0; place < starts.size(); ++place) {
      const std::size_t p = blocs_.order_rows[place];
      if (starts[place]) out << "</tbody>\n<tbody>\n";
      out << fmt::format(R"(<tr><th scope="row"><code>{}</code><span class="name">{}</span></th>)",
                         html(id(p)), html(names_[p]));
      for (std::size_t col = 0; col < starts.size(); ++col) {
        write_cell(out, p, blocs_.order_rows[col], starts[col]);
      }
      out << "</tr>\n";
    }
    out << "</tbody></table></div>\n";
    write_legend(out);
    out << "</section>\n";
  }

  static void write_legend(std::ostream& out) {
    out << "<figure class=\"scale\"><div class=\"ramp\" role=\"img\" aria-label=\"the colour "
           "scale, viridis: dark purple at 0, teal at 0.5, yellow at 1\"></div>\n"
           "<div class=\"ticks\"><span>0</span><span>0.25</span><span>0.5</span>"
           "<span>0.75</span><span>1</span></div>\n"
           "<figcaption>Alignment: 0 when they always answer apart, 1 when always alike."
           "</figcaption></figure>\n"
           "<ul class=\"legend\"><li><span class=\"swatch undefined\">-</span>undefined: "
           "nothing shared, or the party itself</li></ul>\n";
  }

  void write_blocs(std::ostream& out) const {
    detail::write_section_start(out, "blocs", "Blocs", blocs_.blocs.size(),
                                "Average-linkage clustering down to the threshold; each bloc "
                                "in bloc order, with the linkage of the merge that completed "
                                "it.");
    out << "<ol class=\"blocs\">\n";
    std::size_t place = 0;
    for (std::size_t b = 0; b < blocs_.blocs.size(); ++b) {
      out << "<li>";
      for (const std::size_t end = place + blocs_.blocs[b].size(); place < end; ++place) {
        out << "<span class=\"party\">" << party(blocs_.order_rows[place]) << "</span>";
      }
      const std::optional<double> at = blocs_.completed_at[b];
      out << fmt::format(R"(<span class="linkage">{}</span></li>)",
                         at ? fmt::format("linkage {:.3f}", *at) : "never merged")
          << '\n';
    }
    out << "</ol>\n</section>\n";
  }

  void write_dendrogram(std::ostream& out) const {
    detail::write_section_start(out, "dendrogram", "Dendrogram", std::nullopt,
                                "The merges, each at its linkage: the further right, the less "
                                "alike the two clusters it joined.");
    out << "<figure class=\"dendrogram\">\n";
    detail::write_html_dendrogram(out, blocs_);
    out << "<figcaption>The parties in bloc order; the dashed line is the threshold, past which "
           "nothing merges.</figcaption>\n</figure>\n</section>\n";
  }

  void write_merges(std::ostream& out) const {
    detail::write_section_start(out, "merges", "Merges", blocs_.merges.size(),
                                "In the order made: the two clusters of highest linkage first.");
    if (blocs_.merges.empty()) {
      out << "<p class=\"none\">None: no two parties reach the threshold.</p>\n</section>\n";
      return;
    }
    out << "<ol class=\"merges\">\n";
    for (const BlocMerge& m : blocs_.merges) {
      out << fmt::format(
          "<li><code>{}</code> + <code>{}</code> <span class=\"linkage\">at "
          "{:.3f}</span></li>\n",
          ids(m.a), ids(m.b), m.linkage);
    }
    out << "</ol>\n</section>\n";
  }

  const Scenario& scenario_;
  const Blocs& blocs_;
  std::vector<std::string_view> names_;
};

}  // namespace

void write_blocs_html(const Scenario& scenario, const Blocs& blocs, std::ostream& out) {
  Page(scenario, blocs).write(out);
}

}  // namespace entente::reports
