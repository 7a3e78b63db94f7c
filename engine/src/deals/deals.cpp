// `entente deals`: the options checked and named, the problem to the solver, and each deal it
// finds read back through evaluate() into references (docs/format.md 8).
#include "entente/deals.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "deals/problem.h"
#include "deals/solver.h"
#include "entente/position_graph.h"
#include "entente/resolution.h"
#include "model/find_position.h"
#include "support/parallel.h"

namespace entente {
namespace {

using detail::DealProblem;
using detail::DealSet;
using detail::Evaluation;

// `--score`'s references, each once; an empty name is no position (`--score ''`: no deal).
Expected<std::vector<PositionId>> resolve_score(const Scenario& s,
                                                const std::vector<std::string>& refs) {
  std::vector<PositionId> out;
  std::vector<Diagnostic> errors;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    const std::string& ref = refs[k];
    if (ref.empty()) continue;
    if (std::find(refs.begin(), refs.begin() + static_cast<std::ptrdiff_t>(k), ref) !=
        refs.begin() + static_cast<std::ptrdiff_t>(k)) {
      errors.push_back(argument_error("score", ref, fmt::format("'{}' is in the deal twice", ref)));
    } else if (const auto i = detail::find_position(s, ref)) {
      out.push_back(static_cast<PositionId>(*i));
    } else {
      errors.push_back(argument_error("score", ref, detail::unknown_position(s, ref)));
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return out;
}

class Reader {
 public:
  Reader(const detail::Graph& g, const DealProblem& p) : g_(g), p_(p) {}

  std::string party(PartyId q) const {
    return std::string(g_[detail::party_vertex(g_, q)].id.view());
  }
  std::string ref(PositionId t) const { return detail::vertex_name(g_, t); }

  Deal deal(const DealSet& in, const Evaluation& e) const {
    Deal d;
    for (PositionId t = 0; t < in.size(); ++t) {
      if (in[t]) d.positions.push_back(ref(t));
      if (in[t] && p_.gain[t] > 0) d.gained.push_back({party(p_.holder[t]), ref(t), p_.gain[t]});
      if (e.lost[t]) {
        const bool doubled = e.doubled[t] && !p_.red_line[t];
        d.lost.push_back({.party = party(p_.holder[t]),
                          .position = ref(t),
                          .cost = p_.loss_cost(t, doubled),
                          .red_line = p_.red_line[t] != 0,
                          .doubled = doubled,
                          .superseded = e.superseded[t] != 0});
      }
    }
    for (const PartyId q : p_.party_order) {
      d.gains.push_back(e.gains[q]);
      d.joint += e.gains[q];
    }
    for (const std::size_t k : e.moves) {
      const detail::Need& need = p_.needs[k];
      d.moves.push_back({.party = party(need.party),
                         .position = ref(need.position),
                         .from = need.from,
                         .via = need.via ? ref(*need.via) : std::string(),
                         .cost = need.cost});
    }
    for (std::size_t k = 0; k < e.met.size(); ++k) {
      if (!e.met[k]) continue;
      const detail::Need& need = p_.needs[k];
      MetCondition met{.party = party(need.party), .position = ref(need.position)};
      for (const PositionId c : *need.conditions) met.agree_if.push_back(ref(c));
      d.conditions_met.push_back(std::move(met));
    }
    std::sort(d.positions.begin(), d.positions.end());
    const auto by_position = [](const auto& a, const auto& b) { return a.position < b.position; };
    std::sort(d.lost.begin(), d.lost.end(), by_position);
    std::sort(d.gained.begin(), d.gained.end(), by_position);
    std::sort(d.moves.begin(), d.moves.end(), [](const DealMove& a, const DealMove& b) {
      return std::tie(a.party, a.position) < std::tie(b.party, b.position);
    });
    std::sort(d.conditions_met.begin(), d.conditions_met.end(),
              [](const MetCondition& a, const MetCondition& b) {
                return std::tie(a.position, a.party) < std::tie(b.position, b.party);
              });
    return d;
  }

  Deal deal(const DealSet& in) const { return deal(in, detail::evaluate(p_, in)); }

  // 8.3: why a deal is not feasible, one sentence per broken rule.
  std::string why_not(const detail::Violation& v) const {
    using detail::Violation;
    const auto need = [&] { return p_.needs[v.need]; };
    switch (v.kind) {
      case Violation::two_alternatives:
        return fmt::format("it holds two alternatives of one exclusive issue: {} and {}",
                           ref(v.position), ref(v.other));
      case Violation::move_not_allowed:
        return fmt::format("{} would have to agree to {}, and only the parties of --by may move",
                           party(need().party), ref(need().position));
      case Violation::move_binding:
        return fmt::format(
            "{} agrees to {} only on its conditions, which the deal does not meet (--binding)",
            party(need().party), ref(need().position));
      case Violation::via_in_deal:
        return fmt::format("{} would agree to {} by giving up {}, which the deal holds",
                           party(need().party), ref(need().position), ref(*need().via));
      case Violation::red_line_lost:
        return fmt::format("it loses {}, a red line of {}", ref(v.position),
                           party(p_.holder[v.position]));
    }
    return {};
  }

 private:
  const detail::Graph& g_;
  const DealProblem& p_;
};

}  // namespace

std::string_view to_string(BlockedReason r) {
  switch (r) {
    case BlockedReason::red_line:
      return "red_line";
    case BlockedReason::by:
      return "by";
    case BlockedReason::binding:
      return "binding";
    case BlockedReason::several:
      return "several";
    case BlockedReason::unacceptable:
      return "unacceptable";
  }
  return "?";
}

namespace {

// `--score`: the given deal judged, and the frontier points that dominate it (8.4).
DealScore score_deal(detail::DealSolver& solver, const Reader& reader, const DealProblem& problem,
                     const std::vector<PositionId>& positions, int top) {
  DealSet in(problem.holder.size(), 0);
  for (const PositionId t : positions) in[t] = 1;
  const Evaluation e = detail::evaluate(problem, in);
  DealScore s{.deal = reader.deal(in, e), .feasible = e.feasible(), .acceptable = e.acceptable()};
  for (const detail::Violation& v : e.violations) s.why_not.push_back(reader.why_not(v));
  std::vector<int> floor(problem.parties);
  for (PartyId q = 0; q < problem.parties; ++q) floor[q] = e.gains[q];
  for (const DealSet& d :
       solver.frontier(static_cast<std::size_t>(top), &floor, s.more_dominating)) {
    s.dominated_by.push_back(reader.deal(d));
  }
  return s;
}

}  // namespace

Expected<DealsResult> find_deals(const Scenario& scenario, const DealsOptions& options) {
  const auto may_move = detail::parties_that_may_move(scenario, options.by, "by");
  std::vector<Diagnostic> errors = may_move ? std::vector<Diagnostic>{} : may_move.error();
  if (options.top < 0) {
    errors.push_back(argument_error("top", std::to_string(options.top),
                                    fmt::format("top must be 0 or more, not {}", options.top)));
  }
  if (options.time_limit < 1) {
    errors.push_back(argument_error(
        "time_limit", std::to_string(options.time_limit),
        fmt::format("the time limit must be 1 second or more, not {}", options.time_limit)));
  }
  Expected<std::vector<PositionId>> score = std::vector<PositionId>{};
  if (options.score) score = resolve_score(scenario, *options.score);
  if (!score) errors.insert(errors.end(), score.error().begin(), score.error().end());
  if (!errors.empty()) return tl::unexpected(std::move(errors));

  const Resolution resolution = resolve(scenario);
  const PositionGraph graph = PositionGraph::build(scenario, resolution);
  const detail::Graph& g = detail::graph_of(graph);
  const DealProblem problem =
      detail::build_deal_problem(g, scenario,
                                 {.may_move = *may_move,
                                  .allow_red_lines = options.allow_red_lines,
                                  .binding = options.binding});
  const Reader reader(g, problem);
  DealsResult r{.by = options.by,
                .binding = options.binding,
                .allow_red_lines = options.allow_red_lines,
                .top = options.top};
  for (const PartyId q : problem.party_order) r.parties.push_back(reader.party(q));
  std::sort(r.by.begin(), r.by.end());
  r.by.erase(std::unique(r.by.begin(), r.by.end()), r.by.end());
  try {
    // Two solvers, each with a Z3 context of its own, on two threads: the frontier, the
    // blocked positions and a scored deal's dominators on one, the three solutions on the
    // other. Every answer is canonical (a point's representative, ties in frontier order:
    // docs/format.md 8.3), so which solver finds it changes nothing.
    bool more = false;
    std::vector<DealSet> frontier;
    std::vector<BlockedPosition> blocked;
    DealSet nash, leximin, utilitarian;
    std::optional<DealScore> scored;
    const auto budget = std::chrono::seconds(options.time_limit);
    run_both(
        true,
        [&] {
          detail::DealSolver solver(problem, detail::positions_by_ref(g), budget);
          frontier = solver.frontier(static_cast<std::size_t>(options.top), nullptr, more);
          const std::vector<char> held = solver.holdable();
          for (PositionId t = 0; t < held.size(); ++t) {
            if (held[t]) continue;
            BlockedPosition b{.position = reader.ref(t)};
            b.reason = solver.why_blocked(t, b.worst);
            blocked.push_back(std::move(b));
          }
          if (options.score) scored = score_deal(solver, reader, problem, *score, options.top);
        },
        [&] {
          detail::DealSolver solver(problem, detail::positions_by_ref(g), budget);
          nash = solver.nash();
          leximin = solver.leximin(&nash);
          utilitarian = solver.utilitarian();
        });
    for (const DealSet& d : frontier) r.frontier.push_back(reader.deal(d));
    r.complete = !more;
    r.nash = reader.deal(nash);
    r.leximin = reader.deal(leximin);
    r.utilitarian = reader.deal(utilitarian);
    r.blocked = std::move(blocked);
    std::sort(
        r.blocked.begin(), r.blocked.end(),
        [](const BlockedPosition& a, const BlockedPosition& b) { return a.position < b.position; });
    r.score = std::move(scored);
  } catch (const detail::DealsTimeLimit&) {
    return tl::unexpected(std::vector{argument_error(
        "time_limit", std::to_string(options.time_limit),
        fmt::format("no answer proven within {} s: raise the limit, or ask less (a smaller "
                    "--top, --by, --parties)",
                    options.time_limit))});
  } catch (const std::runtime_error& e) {  // the solver failed: the engine's own error
    return tl::unexpected(std::vector<Diagnostic>{{.message = e.what()}});
  }
  return r;
}

}  // namespace entente
