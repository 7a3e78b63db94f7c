// `entente concede` as weighted MaxSAT for Z3's optimiser, then plain SAT at the optimum for
// the alternatives. Variables: one per allowed move, and in_S(T) per position T of the
// problem. The encoding has one clause per requirement and one literal per condition, so it
// is linear in stances plus conditions.
#include "concede/solver.h"

#include <z3++.h>
#include <stdexcept>
#include <string>

namespace entente::detail {
namespace {

class Encoding {
 public:
  explicit Encoding(const Problem& problem)
      : problem_(problem), moves_(ctx_), in_(ctx_), hard_(ctx_) {
    for (std::size_t i = 0; i < problem.moves.size(); ++i) {
      moves_.push_back(ctx_.bool_const(("move" + std::to_string(i)).c_str()));
    }
    for (std::size_t p = 0; p < problem.positions.size(); ++p) {
      in_.push_back(ctx_.bool_const(("in" + std::to_string(p)).c_str()));
    }
    encode_closure();
    encode_target();
  }

  z3::context& ctx() { return ctx_; }
  const z3::expr_vector& moves() const { return moves_; }
  const z3::expr_vector& hard() const { return hard_; }

  std::vector<char> chosen(const z3::model& model) const {
    std::vector<char> out(moves_.size(), 0);
    for (unsigned i = 0; i < moves_.size(); ++i) {
      out[i] = model.eval(moves_[i], true).is_true() ? 1 : 0;
    }
    return out;
  }

  int cost(const std::vector<char>& chosen) const {
    int total = 0;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      if (chosen[i]) total += problem_.moves[i].cost;
    }
    return total;
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

  void encode_target() {
    for (const std::size_t t : problem_.targets) {
      const auto& w = problem_.withdraw[t];
      hard_.push_back(problem_.issue_target && w ? in_[t] || moves_[*w] : in_[t]);
    }
  }

  const Problem& problem_;
  z3::context ctx_{};
  z3::expr_vector moves_;
  z3::expr_vector in_;
  z3::expr_vector hard_;
};

void require_sat_or_unsat(z3::check_result r) {
  if (r == z3::unknown) throw z3::exception("the solver gave up");
}

// Forbids a found move set. Supersets are excluded too, which is right: every move costs at
// least 1, so a strict superset of an optimal set is never optimal.
z3::expr blocking_clause(Encoding& e, const std::vector<char>& chosen) {
  z3::expr_vector some_dropped(e.ctx());
  for (unsigned i = 0; i < chosen.size(); ++i) {
    if (chosen[i]) some_dropped.push_back(!e.moves()[i]);
  }
  return z3::mk_or(some_dropped);
}

// Minimises the summed cost of the chosen moves, as weighted MaxSAT (one soft "not chosen"
// per move, weighted by its cost).
class Optimizer {
 public:
  Optimizer(Encoding& e, const Problem& problem) : e_(e), opt_(e.ctx()) {
    opt_.add(e.hard());
    for (unsigned i = 0; i < e.moves().size(); ++i) {
      opt_.add_soft(!e.moves()[i], static_cast<unsigned>(problem.moves[i].cost));
    }
  }
  /// The cheapest move set left; none when the target cannot be met by any.
  std::optional<std::vector<char>> next() {
    const z3::check_result r = opt_.check();
    require_sat_or_unsat(r);
    if (r != z3::sat) return std::nullopt;
    return e_.chosen(opt_.get_model());
  }
  void exclude(const std::vector<char>& chosen) { opt_.add(blocking_clause(e_, chosen)); }

 private:
  Encoding& e_;
  z3::optimize opt_;
};

}  // namespace

// Alternatives come from the same optimiser with each found set excluded, until the optimum
// left is dearer: a plain SAT search for "another set of cost <= optimum" must prove, at its
// last step, what the MaxSAT search proves far faster (on 60 positions and 12 parties a
// pseudo-Boolean bound took minutes where this takes a second).
std::optional<Solution> solve(const Problem& problem, int top) try {
  Encoding e(problem);
  Optimizer optimizer(e, problem);
  std::optional<std::vector<char>> first = optimizer.next();
  if (!first) return std::nullopt;
  Solution out{.cost = e.cost(*first), .plans = {*first}};
  if (out.cost == 0) return out;  // no moves at all: the only plan of cost 0
  while (true) {
    optimizer.exclude(out.plans.back());
    const std::optional<std::vector<char>> other = optimizer.next();
    if (!other || e.cost(*other) > out.cost) break;
    if (out.plans.size() >= static_cast<std::size_t>(top)) {
      out.more_plans = true;
      break;
    }
    out.plans.push_back(*other);
  }
  return out;
} catch (const z3::exception& e) {
  throw std::runtime_error(std::string("the solver failed: ") + e.msg());
}

}  // namespace entente::detail
