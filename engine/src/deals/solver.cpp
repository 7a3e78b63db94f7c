// docs/format.md 8 for Z3. Variables: one Boolean per position (in the deal or not), one per
// conditional need (its move: the position in, a condition out) and one per position some
// move or alternative can take away (lost). Each named party's gain (8.2) is a weighted sum
// of those, compared with constants only, so every constraint is pseudo-Boolean. The
// searches' solver keeps every limit of 8.1 and acceptability; the blocked positions' reasons
// use solvers with one limit lifted. Each deal found is read back through evaluate(), the
// plain definition, for its figures.
#include "deals/solver.h"

#include <z3++.h>
#include <algorithm>
#include <cassert>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include <boost/multiprecision/cpp_int.hpp>

#include "entente/concede.h"

namespace entente::detail {
namespace {

// Which of the limits of 8.1 that a reason may lift a check keeps.
struct Limits {
  bool red_lines = true;
  bool by = true;
  bool binding = true;
};

void require_decided(z3::check_result r) {
  if (r == z3::unknown) throw z3::exception("the solver gave up");
}

// nash's product is searched through a fixed-point logarithm: each party's gain g >= 1
// scores F(g) = round(k_log_scale x ln g), exactly, as the sum of unit steps
// F(v) - F(v - 1) for v = 2..g. |F(g) - k_log_scale x ln g| <= 1/2, so over K gaining
// parties the scores of two deals order their products up to K units.
constexpr double k_log_scale = 1 << 12;

std::int64_t log_score(std::int64_t g) {
  return g <= 1 ? 0 : std::llround(k_log_scale * std::log(static_cast<double>(g)));
}

using Product = boost::multiprecision::cpp_int;

// A sum of weighted Booleans, the sum of w_i [b_i]. Compared with a constant it is one
// pseudo-Boolean constraint, which Z3 propagates natively: as an integer defined by
// if-then-else terms, the same bounds took minutes to refute on 60 positions and 12 parties.
class Sum {
 public:
  explicit Sum(z3::context& ctx) : ctx_(&ctx) {}
  void add(const z3::expr& b, std::int64_t w) {
    if (w == 0 || b.is_false()) return;
    terms_.push_back(b);
    weights_.push_back(w);
  }
  void add(const Sum& other) {
    for (std::size_t i = 0; i < other.terms_.size(); ++i) add(other.terms_[i], other.weights_[i]);
  }
  // sum >= v, with the negative weights' terms negated.
  z3::expr at_least(std::int64_t v) const {
    z3::expr_vector lits(*ctx_);
    std::vector<int> weights;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < terms_.size(); ++i) {
      const std::int64_t w = weights_[i];
      lits.push_back(w > 0 ? terms_[i] : !terms_[i]);
      weights.push_back(static_cast<int>(w > 0 ? w : -w));
      total += w > 0 ? w : -w;
      if (w < 0) v -= w;
    }
    if (v <= 0) return ctx_->bool_val(true);
    if (v > total) return ctx_->bool_val(false);
    return z3::pbge(lits, weights.data(), static_cast<int>(v));
  }
  friend z3::expr operator>=(const Sum& s, std::int64_t v) { return s.at_least(v); }
  friend z3::expr operator>(const Sum& s, std::int64_t v) { return s.at_least(v + 1); }
  friend z3::expr operator<=(const Sum& s, std::int64_t v) { return !s.at_least(v + 1); }
  friend z3::expr operator<(const Sum& s, std::int64_t v) { return !s.at_least(v); }
  friend z3::expr operator==(const Sum& s, std::int64_t v) {
    return s.at_least(v) && !s.at_least(v + 1);
  }
  /// The largest value it can take.
  std::int64_t top() const {
    std::int64_t out = 0;
    for (const std::int64_t w : weights_) out += w > 0 ? w : 0;
    return out;
  }

 private:
  z3::context* ctx_;
  std::vector<z3::expr> terms_;
  std::vector<std::int64_t> weights_;
};

}  // namespace

struct DealSolver::Impl {
  const DealProblem& p;
  std::vector<PositionId> by_ref;
  std::chrono::steady_clock::time_point deadline;
  z3::context ctx;
  z3::expr_vector x;      // per position
  z3::expr_vector move;   // per need
  z3::expr_vector lost;   // per position
  std::vector<Sum> gain;  // per named party (PartyId)
  z3::solver sat;
  z3::expr_vector base;  // the definitions every solver holds
  // Solvers for the limits a blocked position's reason lifts (not acceptability), made on
  // first use: a selector per limit in one solver ran three times slower.
  std::map<std::tuple<bool, bool, bool>, z3::solver> relaxed;

  Impl(const DealProblem& problem, std::vector<PositionId> order, std::chrono::milliseconds budget)
      : p(problem),
        by_ref(std::move(order)),
        deadline(std::chrono::steady_clock::now() + budget),
        x(ctx),
        move(ctx),
        lost(ctx),
        sat(ctx),
        base(ctx) {
    encode();
    for (const z3::expr& e : limits({}, true)) sat.add(e);
  }

  // --- the encoding -------------------------------------------------------------------------

  Sum count(const z3::expr_vector& bools) {
    Sum out(ctx);
    for (const z3::expr& b : bools) out.add(b, 1);
    return out;
  }
  // A Boolean named `name` defined as `e` (shared by every constraint that reads it).
  z3::expr define(const std::string& name, const z3::expr& e) {
    const z3::expr v = ctx.bool_const(name.c_str());
    add_base(v == e);
    return v;
  }
  void add_base(const z3::expr& e) {
    sat.add(e);
    base.push_back(e);
  }

  void encode() {
    const std::size_t n = p.holder.size();
    for (PositionId t = 0; t < n; ++t)
      x.push_back(ctx.bool_const(("in" + std::to_string(t)).c_str()));
    for (std::size_t k = 0; k < p.needs.size(); ++k) {
      const Need& need = p.needs[k];
      if (!need.conditions) {
        move.push_back(x[need.position]);  // no condition can make it support: it moves
        continue;
      }
      z3::expr_vector all(ctx);
      for (const PositionId c : *need.conditions) all.push_back(x[c]);
      move.push_back(define("move" + std::to_string(k), x[need.position] && !z3::mk_and(all)));
    }
    std::vector<z3::expr> doubled;
    for (PositionId v = 0; v < n; ++v) {
      z3::expr_vector why(ctx);
      z3::expr_vector reversing(ctx);
      for (const std::size_t k : p.via_users[v]) {
        why.push_back(move[k]);
        if (p.needs[k].reverses_reject()) reversing.push_back(move[k]);
      }
      if (p.alternatives_of[v] != k_none) {
        z3::expr_vector others(ctx);
        for (const PositionId w : p.alternatives[p.alternatives_of[v]]) {
          if (w != v) others.push_back(x[w]);
        }
        if (!others.empty()) why.push_back(!x[v] && z3::mk_or(others));
      }
      lost.push_back(why.empty() ? ctx.bool_val(false)
                                 : define("lost" + std::to_string(v), z3::mk_or(why)));
      doubled.push_back(reversing.empty() ? ctx.bool_val(false) : z3::mk_or(reversing));
    }
    for (std::size_t q = 0; q < p.parties; ++q) gain.emplace_back(ctx);
    const auto term = [&](PartyId q, const z3::expr& when, int amount) {
      if (q < p.parties) gain[q].add(when, amount);
    };
    for (PositionId t = 0; t < n; ++t) {
      term(p.holder[t], x[t], p.gain[t]);
      if (lost[t].is_false()) continue;
      term(p.holder[t], lost[t], -p.loss_cost(t, false));
      if (!p.red_line[t] && !doubled[t].is_false()) {
        term(p.holder[t], lost[t] && doubled[t], p.loss_cost(t, false) - p.loss_cost(t, true));
      }
    }
    for (std::size_t k = 0; k < p.needs.size(); ++k) {
      if (!p.needs[k].via) term(p.needs[k].party, move[k], -p.needs[k].cost);
    }
  }

  // The limits of 8.1 that `l` keeps; with `acceptable`, every gain >= 0 too.
  z3::expr_vector limits(const Limits& l, bool acceptable) {
    z3::expr_vector out(ctx);
    for (const std::vector<PositionId>& group : p.alternatives) {
      z3::expr_vector members(ctx);
      for (const PositionId t : group) members.push_back(x[t]);
      if (members.size() > 1) out.push_back(z3::atmost(members, 1));
    }
    for (std::size_t k = 0; k < p.needs.size(); ++k) {
      const Need& need = p.needs[k];
      if (need.via) out.push_back(z3::implies(move[k], !x[*need.via]));
      if ((l.by && need.outside_by) || (l.binding && need.binds)) out.push_back(!move[k]);
    }
    if (l.red_lines && !p.allow_red_lines) {
      for (PositionId v = 0; v < p.holder.size(); ++v) {
        if (p.red_line[v] && !lost[v].is_false()) out.push_back(!lost[v]);
      }
    }
    if (acceptable) {
      for (const Sum& g : gain) out.push_back(g >= 0);
    }
    return out;
  }

  // Every check goes through here: it may take what is left of the budget, and a check the
  // solver cannot decide is the time limit once that has passed, else the solver's failure.
  z3::check_result decide(z3::solver& s, const z3::expr_vector& assumptions) {
    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    const auto left = duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw DealsTimeLimit("out of time");
    z3::params prm(ctx);
    prm.set("timeout", static_cast<unsigned>(std::min<std::int64_t>(left.count(), 1 << 30)));
    s.set(prm);
    const z3::check_result r = s.check(assumptions);
    if (r == z3::unknown) {
      if (std::chrono::steady_clock::now() >= deadline) throw DealsTimeLimit("out of time");
      require_decided(r);
    }
    return r;
  }
  z3::check_result check() { return decide(sat, z3::expr_vector(ctx)); }

  // The solver of feasible deals under `l`, acceptable or not.
  z3::solver& relaxed_solver(const Limits& l) {
    const auto key = std::tuple(l.red_lines, l.by, l.binding);
    auto it = relaxed.find(key);
    if (it == relaxed.end()) {
      it = relaxed.emplace(key, z3::solver(ctx)).first;
      for (const z3::expr& e : base) it->second.add(e);
      for (const z3::expr& e : limits(l, false)) it->second.add(e);
    }
    return it->second;
  }

  // Whether a deal holding `t` keeps the limits `l` names (acceptable or not).
  bool feasible_with(PositionId t, const Limits& l) {
    z3::expr_vector with(ctx);
    with.push_back(x[t]);
    const z3::check_result r = decide(relaxed_solver(l), with);
    return r == z3::sat;
  }

  Sum joint() {
    Sum out(ctx);
    for (const Sum& g : gain) out.add(g);
    return out;
  }

  // --- scopes of the searches' solver -----------------------------------------

  void push() { sat.push(); }
  void pop() { sat.pop(); }
  void add(const z3::expr& e) { sat.add(e); }

  DealSet read(const z3::model& m) const {
    DealSet d(x.size(), 0);
    for (unsigned t = 0; t < x.size(); ++t) d[t] = m.eval(x[t], true).is_true() ? 1 : 0;
    return d;
  }

  // --- the searches -----------------------------------------------------------------------

  // A deal the solver found, with the figures the searches compare.
  struct Found {
    DealSet in{};
    std::vector<std::int64_t> gains{};  // per named party
    std::int64_t joint = 0;
    std::int64_t moves = 0;
    std::int64_t size = 0;
  };

  Found found() { return figures(read(sat.get_model())); }

  // A deal's figures, by the plain evaluation of 8.2 (which the sums encode).
  Found figures(DealSet in) const {
    const Evaluation e = evaluate(p, in);
    Found f{.in = std::move(in)};
    for (const int g : e.gains) {
      f.gains.push_back(g);
      f.joint += g;
    }
    f.moves = static_cast<std::int64_t>(e.moves.size());
    f.size = std::count(f.in.begin(), f.in.end(), 1);
    return f;
  }

  // A deal the scope allows, if any.
  std::optional<Found> any() {
    const z3::check_result r = check();
    if (r != z3::sat) return std::nullopt;
    return found();
  }

  // Moves from `f` to a deal that `better(f)` holds for, while there is one: the last is
  // optimal, proven by the unsatisfiable check that ends the climb. Each step's constraint
  // is a constant bound, which the solver decides far faster than an objective variable.
  template <class Better>
  Found climb(Found f, Better better) {
    while (true) {
      sat.push();
      sat.add(better(f));
      const z3::check_result r = check();
      if (r != z3::sat) {
        sat.pop();
        return f;
      }
      f = found();
      sat.pop();
    }
  }

  // Gains after `g` in frontier order at the same joint gain: larger at the first party
  // (in id order) where they differ.
  z3::expr lex_greater(const std::vector<std::int64_t>& g) {
    z3::expr_vector ways(ctx);
    z3::expr same = ctx.bool_val(true);
    for (const PartyId q : p.party_order) {
      ways.push_back(same && gain[q] > g[q]);
      same = same && gain[q] == g[q];
    }
    return ways.empty() ? ctx.bool_val(false) : z3::mk_or(ways);
  }

  // Sets of the same size whose sorted references come before `in`'s: the first position,
  // in reference order, where they differ is theirs.
  z3::expr refs_smaller(const DealSet& in) {
    z3::expr_vector ways(ctx);
    z3::expr same = ctx.bool_val(true);
    for (const PositionId t : by_ref) {
      if (!in[t]) ways.push_back(same && x[t]);
      same = same && (in[t] ? x[t] : !x[t]);
    }
    return ways.empty() ? ctx.bool_val(false) : z3::mk_or(ways);
  }

  // The deal the current scope allows that comes first in frontier order (largest joint
  // gain, then the gains in party id order), as that gain vector's representative: fewest
  // moves, fewest positions, then the smallest sorted list of references. Each figure is
  // climbed to its optimum and fixed before the next. (Z3's own optimiser, with these as
  // lexicographic objectives, was seen to leave later objectives short of their optimum,
  // and took ten times as long.)
  std::optional<DealSet> first() {
    std::optional<Found> start = any();
    if (!start) return std::nullopt;
    push();
    Found f = climb(*start, [&](const Found& c) { return joint() > c.joint; });
    add(joint() == f.joint);
    f = climb(f, [&](const Found& c) { return lex_greater(c.gains); });
    for (std::size_t q = 0; q < gain.size(); ++q) add(gain[q] == f.gains[q]);
    f = climb(f, [&](const Found& c) { return count(move) < c.moves; });
    add(count(move) == f.moves);
    f = climb(f, [&](const Found& c) { return count(x) < c.size; });
    add(count(x) == f.size);
    f = climb(f, [&](const Found& c) { return refs_smaller(c.in); });
    pop();
    return f.in;
  }

  std::vector<DealSet> frontier(std::size_t top, const std::vector<int>* floor, bool& more) {
    push();
    if (floor) {  // dominates it: >= for every party, > for one, so a larger sum
      std::int64_t total = 0;
      for (std::size_t q = 0; q < floor->size(); ++q) {
        add(gain[q] >= (*floor)[q]);
        total += (*floor)[q];
      }
      add(joint() > total);
    }
    std::vector<DealSet> out;
    more = false;
    while (true) {
      if (out.size() == top) {
        const z3::check_result r = check();
        more = r == z3::sat;
        break;
      }
      std::optional<DealSet> d = first();
      if (!d) break;
      // Whatever comes next is not dominated by, nor equal to, this point.
      const std::vector<std::int64_t> g = figures(*d).gains;
      z3::expr_vector better(ctx);
      for (std::size_t q = 0; q < g.size(); ++q) better.push_back(gain[q] > g[q]);
      add(z3::mk_or(better));
      out.push_back(std::move(*d));
    }
    pop();
    return out;
  }

  // The largest value of `objective` in the scope, which must hold a deal; `value` reads
  // it off a deal's figures.
  template <class Value>
  std::int64_t maximum(const Sum& objective, Value value) {
    const Found f = climb(*any(), [&](const Found& c) { return objective > value(c); });
    return value(f);
  }

  // Fixes the gain vector sorted ascending at its lexicographic maximum within the scope.
  // Its k-th entry is at least v exactly when fewer than k gains are below v, so a sorted
  // vector comes after s when, for some k, its entries before k are at least s's and its
  // k-th is above s's: one climb, proven by one unsatisfiable check.
  void fix_leximin(const DealSet* hint = nullptr) {
    const auto at_least = [&](std::int64_t v, std::size_t k) {
      z3::expr_vector under(ctx);
      for (const Sum& g : gain) under.push_back(g < v);
      return count(under) <= static_cast<std::int64_t>(k - 1);
    };
    const auto sorted = [](const Found& f) {
      std::vector<std::int64_t> out = f.gains;
      std::sort(out.begin(), out.end());
      return out;
    };
    std::optional<Found> start = hint ? std::optional(figures(*hint)) : any();
    assert(start && "the scope holds a deal");
    const Found f = climb(*start, [&](const Found& c) {
      const std::vector<std::int64_t> s = sorted(c);
      z3::expr_vector ways(ctx);
      z3::expr before = ctx.bool_val(true);
      for (std::size_t k = 1; k <= s.size(); ++k) {
        ways.push_back(before && at_least(s[k - 1] + 1, k));
        before = before && at_least(s[k - 1], k);
      }
      return ways.empty() ? ctx.bool_val(false) : z3::mk_or(ways);
    });
    const std::vector<std::int64_t> s = sorted(f);
    for (std::size_t k = 1; k <= s.size(); ++k) add(at_least(s[k - 1], k));
  }

  DealSet leximin(const DealSet* hint) {
    push();
    fix_leximin(hint);
    DealSet d = *first();
    pop();
    return d;
  }

  DealSet utilitarian() {
    push();
    add(joint() == maximum(joint(), [](const Found& f) { return f.joint; }));
    fix_leximin();
    DealSet d = *first();
    pop();
    return d;
  }

  // The most gaining parties, then the largest product of positive gains. The product is
  // searched through log scores: the best score's deal, then every other clipped gain vector
  // (gains <= 0 as 0) whose score could still mean a product at least as large, until none
  // is left: that proves the largest product and all its ties, of which frontier order picks.
  DealSet nash() {
    push();
    z3::expr_vector gaining(ctx);
    for (const Sum& g : gain) gaining.push_back(g >= 1);
    const auto gainers = [](const Found& f) {
      return static_cast<std::int64_t>(
          std::count_if(f.gains.begin(), f.gains.end(), [](std::int64_t g) { return g >= 1; }));
    };
    const std::int64_t most = gain.empty() ? 0 : maximum(count(gaining), gainers);
    if (most == 0) {
      DealSet d = *first();
      pop();
      return d;
    }
    add(count(gaining) >= most);
    Sum score(ctx);
    for (const Sum& g : gain) {
      const std::int64_t top = g.top();
      for (std::int64_t v = 2; v <= top; ++v) {
        score.add(g >= v, log_score(v) - log_score(v - 1));
      }
    }
    using Gains = std::vector<std::int64_t>;
    // The model's gains, those <= 0 as 0: all the product and the score see.
    const auto clipped = [&](const z3::model& m) {
      Gains g = figures(read(m)).gains;
      for (std::int64_t& v : g) v = std::max<std::int64_t>(v, 0);
      return g;
    };
    const auto product = [](const Gains& c) {
      Product out = 1;
      for (const std::int64_t v : c) {
        if (v > 0) out *= v;
      }
      return out;
    };
    const auto score_of = [](const Gains& c) {
      std::int64_t s = 0;
      for (const std::int64_t v : c) s += log_score(v);
      return s;
    };
    const auto matches = [&](const Gains& c) {
      z3::expr_vector all(ctx);
      for (std::size_t q = 0; q < c.size(); ++q) {
        all.push_back(c[q] == 0 ? gain[q] <= 0 : gain[q] == c[q]);
      }
      return z3::mk_and(all);
    };
    const auto slack = static_cast<std::int64_t>(gain.size()) + 1;
    // The climb to the best score; every deal it passes is a candidate too.
    check();
    Gains best = clipped(sat.get_model());
    std::vector<Gains> seen{best};
    while (true) {
      sat.push();
      sat.add(score > (score_of(best)));
      const z3::check_result r = check();
      if (r == z3::sat) {
        const Gains c = clipped(sat.get_model());
        if (score_of(c) > score_of(best)) best = c;
        seen.push_back(c);
      }
      sat.pop();
      if (r != z3::sat) break;
    }
    // Then every vector close enough to the best score to hold a product as large.
    for (const Gains& c : seen) {
      if (product(c) > product(best)) best = c;
    }
    sat.push();
    for (const Gains& c : seen) sat.add(!matches(c));
    sat.add(score >= score_of(best) - slack);
    while (true) {
      const z3::check_result r = check();
      if (r != z3::sat) break;
      const Gains c = clipped(sat.get_model());
      sat.add(!matches(c));
      seen.push_back(c);
      if (product(c) > product(best)) {
        best = c;
        sat.add(score >= score_of(best) - slack);
      }
    }
    sat.pop();
    z3::expr_vector ties(ctx);
    for (const Gains& c : seen) {
      if (product(c) == product(best)) ties.push_back(matches(c));
    }
    add(z3::mk_or(ties));
    DealSet d = *first();
    pop();
    return d;
  }

  // Asks for an acceptable deal holding some position not yet seen in one, until none is
  // left: each deal found covers all its positions, and the last, unsatisfiable check proves
  // the rest blocked at once.
  std::vector<char> holdable() {
    push();
    std::vector<char> held(x.size(), 0);
    while (true) {
      z3::expr_vector unseen(ctx);
      for (PositionId t = 0; t < x.size(); ++t) {
        if (!held[t]) unseen.push_back(x[t]);
      }
      if (unseen.empty()) break;
      sat.push();
      sat.add(z3::mk_or(unseen));
      const z3::check_result r = check();
      if (r == z3::sat) {
        const DealSet d = read(sat.get_model());
        for (std::size_t i = 0; i < d.size(); ++i) held[i] = held[i] || d[i];
      }
      sat.pop();
      if (r != z3::sat) break;
    }
    pop();
    return held;
  }

  BlockedReason why_blocked(PositionId t, std::optional<int>& worst) {
    worst.reset();
    z3::solver& loose = relaxed_solver({});
    z3::expr_vector holding(ctx);
    holding.push_back(x[t]);
    // Every gain above v, in a feasible deal holding t; the gains' least in it.
    const auto above = [&](std::int64_t v) -> std::optional<std::int64_t> {
      loose.push();
      for (const Sum& g : gain) loose.add(g > v);
      const z3::check_result r = decide(loose, holding);
      std::optional<std::int64_t> least;
      if (r == z3::sat) {
        const Found f = figures(read(loose.get_model()));
        least = *std::min_element(f.gains.begin(), f.gains.end());
      }
      loose.pop();
      return least;
    };
    // No acceptable deal holds t, so the worst-off party's best is below 0: most often -1,
    // which one check settles; else it is climbed to, as climb() does.
    if (!gain.empty() && above(-2)) {
      worst = -1;
      return BlockedReason::unacceptable;
    }
    if (feasible_with(t, {})) {
      if (!gain.empty()) {
        std::int64_t v = *above(std::numeric_limits<int>::min() / 2);
        while (const auto better = above(v)) v = *better;
        worst = static_cast<int>(v);
      }
      return BlockedReason::unacceptable;
    }
    if (!p.allow_red_lines && feasible_with(t, {.red_lines = false})) {
      return BlockedReason::red_line;
    }
    if (feasible_with(t, {.by = false})) return BlockedReason::by;
    if (feasible_with(t, {.binding = false})) return BlockedReason::binding;
    return BlockedReason::several;
  }
};

// Every entry point turns the solver's failure into the engine's own error.
template <class F>
auto guarded(F f) -> decltype(f()) {
  try {
    return f();
  } catch (const z3::exception& e) {
    throw std::runtime_error(std::string("the solver failed: ") + e.msg());
  }
}

DealSolver::DealSolver(const DealProblem& problem, std::vector<PositionId> by_ref,
                       std::chrono::milliseconds budget)
    : impl_(guarded([&] { return std::make_unique<Impl>(problem, std::move(by_ref), budget); })) {}
DealSolver::~DealSolver() = default;

std::vector<DealSet> DealSolver::frontier(std::size_t top, const std::vector<int>* floor,
                                          bool& more) {
  return guarded([&] { return impl_->frontier(top, floor, more); });
}
DealSet DealSolver::nash() {
  return guarded([&] { return impl_->nash(); });
}
DealSet DealSolver::leximin(const DealSet* hint) {
  return guarded([&] { return impl_->leximin(hint); });
}
DealSet DealSolver::utilitarian() {
  return guarded([&] { return impl_->utilitarian(); });
}
std::vector<char> DealSolver::holdable() {
  return guarded([&] { return impl_->holdable(); });
}
BlockedReason DealSolver::why_blocked(PositionId t, std::optional<int>& worst) {
  return guarded([&] { return impl_->why_blocked(t, worst); });
}

}  // namespace entente::detail
