// Alignment and blocs (docs/format.md 6.3), from the graph (who holds what) and the analysis
// (each audience party's effective stance).
#include "entente/blocs.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

#include "graph/graph.h"

namespace entente {
namespace {

using detail::Graph;

// Each party's answers as three bit sets over the positions: agree, reject, consider. Every
// pair of parties is then counted a word of 64 positions at a time, however many parties a
// position is addressed to.
class Answers {
 public:
  Answers(std::size_t parties, std::size_t positions)
      : words_((positions + 63) / 64), bits_(parties * 3 * words_, 0) {}

  void set(std::size_t party, EffectiveStance stance, std::size_t position) {
    if (stance == EffectiveStance::silent) return;
    row(party, static_cast<std::size_t>(stance))[position / 64] |= std::uint64_t{1}
                                                                   << (position % 64);
  }

  // The positions both answer, and twice their summed score (1 for the same answer, 0.5 when
  // exactly one is `consider`, 0 for agree against reject): integers, so exact.
  std::pair<std::uint32_t, std::uint64_t> compare(std::size_t p, std::size_t q) const {
    const std::uint64_t* pa = row(p, 0);
    const std::uint64_t* pr = row(p, 1);
    const std::uint64_t* pc = row(p, 2);
    const std::uint64_t* qa = row(q, 0);
    const std::uint64_t* qr = row(q, 1);
    const std::uint64_t* qc = row(q, 2);
    std::uint64_t shared = 0;
    std::uint64_t twice = 0;
    for (std::size_t w = 0; w < words_; ++w) {
      const std::uint64_t p_any = pa[w] | pr[w] | pc[w];
      const std::uint64_t q_any = qa[w] | qr[w] | qc[w];
      const std::uint64_t both = p_any & q_any;
      if (both == 0) continue;
      shared += std::popcount(both);
      const std::uint64_t same = (pa[w] & qa[w]) | (pr[w] & qr[w]) | (pc[w] & qc[w]);
      const std::uint64_t one_considers = both & (pc[w] ^ qc[w]);
      twice += 2 * std::popcount(same) + std::popcount(one_considers);
    }
    return {static_cast<std::uint32_t>(shared), twice};
  }

 private:
  std::uint64_t* row(std::size_t party, std::size_t answer) {
    return bits_.data() + (party * 3 + answer) * words_;
  }
  const std::uint64_t* row(std::size_t party, std::size_t answer) const {
    return bits_.data() + (party * 3 + answer) * words_;
  }

  std::size_t words_;
  std::vector<std::uint64_t> bits_;
};

Alignment align(const Graph& g, const Analysis& analysis) {
  const std::size_t n = detail::party_count(g);
  // Parties in id order: rank[p] is party p's row.
  std::vector<PartyId> by_id(n);
  std::iota(by_id.begin(), by_id.end(), 0);
  const auto id = [&](PartyId p) { return g[detail::party_vertex(g, p)].id; };
  std::sort(by_id.begin(), by_id.end(), [&](PartyId a, PartyId b) { return id(a) < id(b); });
  std::vector<std::size_t> rank(n);
  for (std::size_t r = 0; r < n; ++r) rank[by_id[r]] = r;

  const std::uint32_t positions = detail::position_count(g);
  Answers answers(n, positions);
  for (PositionId t = 0; t < positions; ++t) {
    // A holder left out by a focus (6.2) is no party here: it answers nothing.
    if (g[t].holder < n) answers.set(rank[g[t].holder], EffectiveStance::agree, t);
    for (const AudienceStance& a : analysis.audience(t)) answers.set(rank[a.party], a.stance, t);
  }
  Alignment out;
  for (const PartyId p : by_id) out.parties.push_back(id(p));
  out.shared.assign(n * n, 0);
  out.alignment.assign(n * n, std::nullopt);
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t q = p + 1; q < n; ++q) {
      const auto [shared, twice] = answers.compare(p, q);
      out.shared[p * n + q] = out.shared[q * n + p] = shared;
      if (shared == 0) continue;
      const double mean = static_cast<double>(twice) / (2.0 * static_cast<double>(shared));
      out.alignment[p * n + q] = out.alignment[q * n + p] = mean;
    }
  }
  return out;
}

// A cluster of parties, by row: `members` sorted (so its first member is its smallest id),
// `joined` in the order its merges joined them, `completed_at` the linkage of its last merge.
struct Cluster {
  std::vector<std::size_t> members{};
  std::vector<std::size_t> joined{};
  std::optional<double> completed_at{};
};

// The mean alignment over the defined cross pairs of a and b, summed in party id order (a's
// members, each against b's, a the cluster with the smaller first member), none when no pair
// is defined. Floating-point addition is not associative, so this sum is never made from the
// sums of the clusters a merge joined (as Lance-Williams would): that could move the last bit.
std::optional<double> linkage(const Alignment& al, const Cluster& a, const Cluster& b) {
  double sum = 0;
  std::size_t defined = 0;
  for (const std::size_t p : a.members) {
    for (const std::size_t q : b.members) {
      if (const auto v = al.of(p, q)) {
        sum += *v;
        ++defined;
      }
    }
  }
  if (defined == 0) return std::nullopt;
  return sum / static_cast<double>(defined);
}

// Average-linkage clustering of docs/format.md 6.3. A cluster lives in the slot of its first
// member's row, which a merge keeps (the merged cluster's first member is a's); the live
// slots, in increasing order, are the clusters in order of first member. The linkage of every
// two live clusters is kept in a table: a merge changes only the merged cluster's members, so
// only its row is summed again, and every other entry is the very double that summing it again
// would give.
class Clustering {
 public:
  explicit Clustering(const Alignment& al) : al_(al), n_(al.size()), table_(n_ * n_) {
    for (std::size_t p = 0; p < n_; ++p) {
      clusters_.push_back({{p}, {p}, std::nullopt});
      live_.push_back(p);
    }
    for (std::size_t i = 0; i < n_; ++i) {
      for (std::size_t j = i + 1; j < n_; ++j) update(i, j);
    }
  }

  // Merges the two clusters of highest linkage at or above `floor` (as rounded), if any.
  std::optional<BlocMerge> merge_next(double floor) {
    // Among equal ones (as rounded), the first in order of first members, which the loops
    // visit in that order.
    std::optional<std::pair<std::size_t, std::size_t>> best;
    double best_rounded = 0;
    for (std::size_t x = 0; x < live_.size(); ++x) {
      for (std::size_t y = x + 1; y < live_.size(); ++y) {
        const std::optional<double>& l = link(live_[x], live_[y]);
        if (!l) continue;
        const double rounded = round_to_9(*l);
        if (rounded < floor || (best && rounded <= best_rounded)) continue;
        best = {x, y};
        best_rounded = rounded;
      }
    }
    if (!best) return std::nullopt;
    const std::size_t i = live_[best->first];
    const std::size_t j = live_[best->second];
    Cluster& a = clusters_[i];
    Cluster& b = clusters_[j];
    const double made_at = *link(i, j);
    BlocMerge made{names(a.members), names(b.members), made_at};
    std::vector<std::size_t> members;
    std::merge(a.members.begin(), a.members.end(), b.members.begin(), b.members.end(),
               std::back_inserter(members));
    a.members = std::move(members);
    a.joined.insert(a.joined.end(), b.joined.begin(), b.joined.end());
    a.completed_at = made_at;
    b = {};
    live_.erase(live_.begin() + static_cast<std::ptrdiff_t>(best->second));
    for (const std::size_t k : live_) {
      if (k != i) update(std::min(i, k), std::max(i, k));
    }
    return made;
  }

  // The live clusters, in order of first member.
  std::vector<const Cluster*> clusters() const {
    std::vector<const Cluster*> out;
    for (const std::size_t i : live_) out.push_back(&clusters_[i]);
    return out;
  }

  std::vector<Symbol> names(const std::vector<std::size_t>& rows) const {
    std::vector<Symbol> out;
    out.reserve(rows.size());
    for (const std::size_t r : rows) out.push_back(al_.parties[r]);
    return out;
  }

 private:
  std::optional<double>& link(std::size_t i, std::size_t j) { return table_[i * n_ + j]; }

  void update(std::size_t i, std::size_t j) {
    link(i, j) = linkage(al_, clusters_[i], clusters_[j]);
  }

  const Alignment& al_;
  std::size_t n_;
  std::vector<Cluster> clusters_{};           // by slot; empty once merged into another
  std::vector<std::size_t> live_{};           // slots of the live clusters, increasing
  std::vector<std::optional<double>> table_;  // row-major by slot, i < j used
};

}  // namespace

double round_to_9(double x) { return std::floor(x * 1e9 + 0.5); }

Blocs find_blocs(const PositionGraph& graph, const Analysis& analysis, double threshold) {
  Blocs out;
  out.alignment = align(detail::graph_of(graph), analysis);
  out.threshold = threshold;
  Clustering clustering(out.alignment);
  const double floor = round_to_9(threshold);
  while (auto made = clustering.merge_next(floor)) out.merges.push_back(std::move(*made));
  for (const Cluster* c : clustering.clusters()) {
    out.blocs.push_back(clustering.names(c->members));
    out.completed_at.push_back(c->completed_at);
    for (const std::size_t p : c->joined) {
      out.order.push_back(out.alignment.parties[p]);
      out.order_rows.push_back(p);
    }
  }
  return out;
}

}  // namespace entente
