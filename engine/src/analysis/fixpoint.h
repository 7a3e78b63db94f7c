#pragma once
// The two fixpoints of docs/format.md 3.2, once, for any view of the position graph whose
// edges are needs edges (T -> R: T is agreed through a stance only once R is).
//
// A vertex is `ruled out` when something other than its conditions keeps it from agreement:
// a silent party, a plain non-agreeing stance, a condition that names no position (and, for
// concede, a withdrawal). Otherwise it is agreed once every vertex it needs is. The least
// set closed under that rule is what is agreed; the greatest is what could be agreed if the
// members of each package accepted one another. Both cost time linear in the view's edges,
// however long its chains and cycles.

#include <cstddef>
#include <vector>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/range/iterator_range.hpp>

namespace entente::detail {

/// The greatest fixpoint: every vertex from which no needs path reaches a ruled-out one, that
/// is, every vertex a breadth-first search against the edges from the ruled-out ones misses.
template <class NeedsGraph>
std::vector<char> greatest_fixpoint(const NeedsGraph& needs, const std::vector<char>& ruled_out) {
  using Vertex = typename boost::graph_traits<NeedsGraph>::vertex_descriptor;
  const std::size_t n = ruled_out.size();
  std::vector<Vertex> sources;
  for (std::size_t v = 0; v < n; ++v) {
    if (ruled_out[v]) sources.push_back(static_cast<Vertex>(v));
  }
  const auto against = boost::make_reverse_graph(needs);
  boost::two_bit_color_map<> color(n);
  boost::queue<Vertex> queue;
  boost::breadth_first_visit(against, sources.begin(), sources.end(), queue,
                             boost::default_bfs_visitor(), color);
  std::vector<char> in(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    in[v] = get(color, v) == boost::two_bit_white ? 1 : 0;
  }
  return in;
}

/// The least fixpoint: from the vertices that need nothing and are not ruled out, a vertex is
/// agreed once its last needs edge leads to an agreed one (a worklist over in_edges).
template <class NeedsGraph>
std::vector<char> least_fixpoint(const NeedsGraph& needs, const std::vector<char>& ruled_out) {
  using Vertex = typename boost::graph_traits<NeedsGraph>::vertex_descriptor;
  const std::size_t n = ruled_out.size();
  std::vector<std::uint32_t> unmet(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    unmet[v] = static_cast<std::uint32_t>(boost::out_degree(static_cast<Vertex>(v), needs));
  }
  std::vector<char> agreed(n, 0);
  std::vector<Vertex> work;
  const auto consider = [&](Vertex v) {
    if (!agreed[v] && unmet[v] == 0 && !ruled_out[v]) {
      agreed[v] = 1;
      work.push_back(v);
    }
  };
  for (std::size_t v = 0; v < n; ++v) consider(static_cast<Vertex>(v));
  while (!work.empty()) {
    const Vertex r = work.back();
    work.pop_back();
    for (const auto e : boost::make_iterator_range(boost::in_edges(r, needs))) {
      const Vertex t = boost::source(e, needs);
      --unmet[t];
      consider(t);
    }
  }
  return agreed;
}

}  // namespace entente::detail
