// `entente concede` as weighted MaxSAT for Z3's optimiser. Variables: one per allowed move,
// in_S(T) per position T of the problem, and per position some move may give up, whether
// the plan gives it up and whether a move via it reverses a reject. The encoding has one
// clause per requirement and one literal per condition, so it is linear in stances plus
// conditions.
#include "concede/solver.h"

#include <z3++.h>
#include <algorithm>
#include <stdexcept>
#include <string>

namespace entente::detail {
namespace {

// How many moves give each position up: one that a single move gives up is priced on that
// move itself, with no variables of its own (most are: it halves the solver's time).
std::vector<unsigned> users_of(const Problem& problem) {
  std::vector<unsigned> users(problem.give_ups.size(), 0);
  for (const CandidateMove& m : problem.moves) {
    if (m.gives_up) ++users[*m.gives_up];
  }
  return users;
}

class Encoding {
 public:
  explicit Encoding(const Problem& problem)
      : problem_(problem),
        users_(users_of(problem)),
        moves_(ctx_),
        in_(ctx_),
        given_(ctx_),
        doubled_(ctx_),
        hard_(ctx_) {
    const auto vars = [&](z3::expr_vector& out, std::size_t n, const char* name) {
      for (std::size_t i = 0; i < n; ++i) {
        out.push_back(ctx_.bool_const((name + std::to_string(i)).c_str()));
      }
    };
    vars(moves_, problem.moves.size(), "move");
    vars(in_, problem.positions.size(), "in");
    vars(given_, problem.give_ups.size(), "given");
    vars(doubled_, problem.give_ups.size(), "doubled");
    encode_closure();
    encode_give_ups();
    for (const TargetGroup& t : problem.targets) hard_.push_back(target(t));
  }

  z3::context& ctx() { return ctx_; }
  const z3::expr_vector& moves() const { return moves_; }
  const z3::expr_vector& given() const { return given_; }
  const z3::expr_vector& doubled() const { return doubled_; }
  const z3::expr_vector& hard() const { return hard_; }
  /// Whether give-up `u` has variables: more than one move gives it up.
  bool shared(std::size_t u) const { return users_[u] > 1; }

  std::vector<char> chosen(const z3::model& model) const {
    std::vector<char> out(moves_.size(), 0);
    for (unsigned i = 0; i < moves_.size(); ++i) {
      out[i] = model.eval(moves_[i], true).is_true() ? 1 : 0;
    }
    return out;
  }

 private:
  // S = {T : in_S(T)} need only be closed: each member is supported by moves or by other
  // members. Every closed set lies inside the greatest fixpoint of docs/format.md 3.2, and
  // that fixpoint is closed itself, so "some closed S holds the target" is exactly "the
  // target is in the greatest fixpoint". Self-supporting cycles are what a package accepted
  // together is, so no ranking or level variables forbid them, as the least fixpoint
  // (well-founded support) would need.
  void encode_closure() {
    for (std::size_t p = 0; p < problem_.positions.size(); ++p) {
      if (const auto& w = problem_.withdraw[p]) hard_.push_back(z3::implies(in_[p], !moves_[*w]));
      for (const Requirement& r : problem_.requirements[p]) {
        z3::expr_vector options(ctx_);
        if (r.move) options.push_back(moves_[*r.move]);
        if (r.conditions) {
          z3::expr_vector all(ctx_);
          for (const std::size_t c : *r.conditions) all.push_back(in_[c]);
          options.push_back(z3::mk_and(all));
        }
        hard_.push_back(z3::implies(in_[p], z3::mk_or(options)));  // empty: in_S(p) false
      }
    }
  }

  // A move that gives a position up makes the plan pay for it (and double it, reversing a
  // reject); minimising does the rest.
  void encode_give_ups() {
    for (std::size_t i = 0; i < problem_.moves.size(); ++i) {
      const CandidateMove& m = problem_.moves[i];
      if (!m.gives_up || !shared(*m.gives_up)) continue;
      hard_.push_back(z3::implies(moves_[i], given_[*m.gives_up]));
      if (m.doubles()) hard_.push_back(z3::implies(moves_[i], doubled_[*m.gives_up]));
    }
  }

  z3::expr withdrawn(std::size_t p) {
    const auto& w = problem_.withdraw[p];
    return w ? moves_[*w] : ctx_.bool_val(false);
  }

  // docs/concede.md, Targets. For an exclusive issue "every other alternative outside the
  // fixpoint" is not a property of one closed set: it is checked on each plan found.
  z3::expr target(const TargetGroup& t) {
    z3::expr_vector all(ctx_);
    switch (t.kind) {
      case TargetKind::position:
        for (const std::size_t m : t.members) all.push_back(in_[m]);
        return z3::mk_and(all);
      case TargetKind::issue:
        for (const std::size_t m : t.members) all.push_back(in_[m] || withdrawn(m));
        return z3::mk_and(all);
      case TargetKind::exclusive_issue:
        break;
    }
    z3::expr_vector ways(ctx_);
    for (const std::size_t m : t.members) ways.push_back(in_[m]);
    if (t.status_quo) {
      z3::expr_vector others(ctx_);
      others.push_back(!withdrawn(*t.status_quo));
      for (const std::size_t m : t.members) {
        if (m != *t.status_quo) others.push_back(withdrawn(m));
      }
      ways.push_back(z3::mk_and(others));
    }
    return z3::mk_or(ways);
  }

  const Problem& problem_;
  std::vector<unsigned> users_;
  z3::context ctx_{};
  z3::expr_vector moves_;
  z3::expr_vector in_;
  z3::expr_vector given_;
  z3::expr_vector doubled_;
  z3::expr_vector hard_;
};

void require_sat_or_unsat(z3::check_result r) {
  if (r == z3::unknown) throw z3::exception("the solver gave up");
}

// Minimises the plan's cost as weighted MaxSAT: one soft "not chosen" per move (its own
// cost) and per position given up or doubled (its price). (A second objective, fewer moves,
// as weights of cost x (moves + 1) + 1 doubled the time on 60 positions and 12 parties:
// minimal plans come from minimal() instead.)
class Optimizer {
 public:
  Optimizer(Encoding& e, const Problem& problem) : e_(e), opt_(e.ctx()) {
    opt_.add(e.hard());
    for (unsigned i = 0; i < e.moves().size(); ++i) {
      const CandidateMove& m = problem.moves[i];
      int weight = m.cost;
      if (m.gives_up && !e.shared(*m.gives_up)) {  // the move alone gives it up: its price
        const GiveUp& g = problem.give_ups[*m.gives_up];
        weight += g.price() + (m.doubles() ? g.doubling() : 0);
      }
      if (weight > 0) opt_.add_soft(!e.moves()[i], static_cast<unsigned>(weight));
    }
    for (unsigned u = 0; u < e.given().size(); ++u) {
      if (!e.shared(u)) continue;
      const GiveUp& g = problem.give_ups[u];
      opt_.add_soft(!e.given()[u], static_cast<unsigned>(g.price()));
      if (g.doubling() > 0) opt_.add_soft(!e.doubled()[u], static_cast<unsigned>(g.doubling()));
    }
  }
  /// The cheapest move set left; none when no set meets the targets.
  std::optional<std::vector<char>> next() {
    const z3::check_result r = opt_.check();
    require_sat_or_unsat(r);
    if (r != z3::sat) return std::nullopt;
    return e_.chosen(opt_.get_model());
  }
  /// Forbids a found move set and its supersets: a plan that holds another is not listed.
  void exclude(const std::vector<char>& chosen) { opt_.add(dropping_one_of(chosen)); }
  /// Forbids a set that fails the check: its agree moves, unless another withdrawal comes
  /// with them (only a withdrawal can take an alternative out of the fixpoint).
  void refute(const std::vector<char>& chosen, const Problem& problem) {
    z3::expr_vector out(e_.ctx());
    for (unsigned i = 0; i < chosen.size(); ++i) {
      if (chosen[i]) {
        out.push_back(!e_.moves()[i]);
      } else if (problem.moves[i].kind == MoveKind::withdraw) {
        out.push_back(e_.moves()[i]);
      }
    }
    opt_.add(z3::mk_or(out));
  }

 private:
  z3::expr dropping_one_of(const std::vector<char>& chosen) {
    z3::expr_vector some_dropped(e_.ctx());
    for (unsigned i = 0; i < chosen.size(); ++i) {
      if (chosen[i]) some_dropped.push_back(!e_.moves()[i]);
    }
    return z3::mk_or(some_dropped);
  }

  Encoding& e_;
  z3::optimize opt_;
};

// The plan without the moves it does not need, dropped one by one while it still meets the
// targets. A move of a found plan that costs something is always needed (else a cheaper
// plan would have come first), so only moves that give up what the plan gives up anyway
// can go, and the cost stays.
std::vector<char> minimal(std::vector<char> chosen, const PlanCheck& check) {
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!chosen[i]) continue;
    chosen[i] = 0;
    if (!check(chosen)) chosen[i] = 1;
  }
  return chosen;
}

}  // namespace

// Further plans come from the same optimiser with each found set excluded, until the optimum
// left is dearer than the range: a plain SAT search for "another set of cost <= bound" must
// prove, at its last step, what the MaxSAT search proves far faster (on 60 positions and 12
// parties a pseudo-Boolean bound took minutes where this takes a second).
std::optional<Solution> solve(const Problem& problem, int top, int within,
                              const PlanCheck& check) try {
  Encoding e(problem);
  Optimizer optimizer(e, problem);
  std::optional<Solution> out;
  while (true) {
    const std::optional<std::vector<char>> found = optimizer.next();
    if (!found) break;
    if (!check(*found)) {
      optimizer.refute(*found, problem);
      continue;
    }
    const std::vector<char> plan = minimal(*found, check);
    const int cost = plan_cost(problem, plan).total;
    if (!out) out = Solution{.cost = cost};
    if (cost > out->cost + within) break;
    if (out->plans.size() >= static_cast<std::size_t>(top)) {
      out->more_plans = true;
      break;
    }
    out->plans.push_back(plan);
    if (std::none_of(plan.begin(), plan.end(), [](char c) { return c != 0; })) break;
    optimizer.exclude(plan);
  }
  return out;
} catch (const z3::exception& e) {
  throw std::runtime_error(std::string("the solver failed: ") + e.msg());
}

}  // namespace entente::detail
