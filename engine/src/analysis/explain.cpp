// `entente explain`: the condition tree of one position, its package and the stances that
// wait for it, from the analysis of its scenario.
#include "entente/explain.h"

#include <algorithm>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analysis/analysed_positions.h"
#include "model/find_position.h"
#include "support/spelling.h"

namespace entente {
namespace {

using Positions = detail::AnalysedPositions;

using Kind = ConditionLine::Kind;

// A line still to be written: a conditional stance on `on`, or a condition named `ref`.
struct Pending {
  Kind kind = Kind::condition;
  int depth = 0;
  PositionId on = 0;
  std::size_t answer = 0;  ///< index in on's audience
  std::string ref{};
};

// The conditions of the root's conditional stances followed to their roots, in pre-order.
// Iterative, so a long chain in a file cannot overflow the stack; each position is followed
// once, so the tree is no larger than the scenario's stances.
class TreeBuilder {
 public:
  TreeBuilder(const Positions& positions, PositionId root, std::string root_ref, int max_depth)
      : positions_(positions), max_depth_(max_depth), path_{root_ref}, seen_{root_ref} {
    push_stances(root, 0);
  }

  void run(PositionExplanation& out) {
    while (!stack_.empty()) {
      const Pending next = std::move(stack_.back());
      stack_.pop_back();
      if (next.kind == Kind::stance) {
        stance(next, out);
      } else {
        condition(next, out);
      }
    }
  }

 private:
  std::span<const AudienceStance> audience(PositionId p) const {
    return positions_.analysis().audience(p);
  }

  // Pushed in reverse so that they come off the stack in party order.
  void push_stances(PositionId on, int depth) {
    const auto answers = audience(on);
    for (std::size_t k = answers.size(); k-- > 0;) {
      if (answers[k].conditional) stack_.push_back({Kind::stance, depth, on, k, {}});
    }
  }

  void stance(const Pending& p, PositionExplanation& out) {
    const AudienceStance& answer = audience(p.on)[p.answer];
    out.conditions.push_back({.kind = Kind::stance,
                              .depth = p.depth,
                              .party = positions_.party(answer.party),
                              .ref = positions_.ref(p.on),
                              .stance = answer.stance,
                              .met = answer.condition_met});
    const std::span<const IdRef> names = positions_.agree_if(answer);
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
      stack_.push_back({Kind::condition, p.depth + 1, 0, 0, it->id});
    }
  }

  void condition(const Pending& p, PositionExplanation& out) {
    ConditionLine line{.kind = Kind::condition, .depth = p.depth, .ref = p.ref};
    const std::optional<PositionId> position = positions_.find(p.ref);
    if (position) {
      const PositionAnalysis& a = positions_.analysis().positions[*position];
      line.status = a.status;
      line.met = a.status == PositionStatus::agreed;
      line.deadlock = a.deadlock;
      for (const AudienceStance& answer : audience(*position)) {
        if (answer.conditional) line.conditional_by.push_back(positions_.party(answer.party));
      }
    }
    // Stance lines sit at even depths, conditions at odd ones: level 1 is a condition of the
    // explained position, and the path holds the root and this condition's ancestors.
    const std::size_t level = static_cast<std::size_t>(p.depth + 1) / 2;
    path_.resize(level);
    if (std::find(path_.begin(), path_.end(), p.ref) != path_.end()) {
      line.stop = Stop::cycle;
    } else if (!seen_.insert(p.ref).second) {
      line.stop = Stop::repeat;
    } else if (!line.conditional_by.empty() && static_cast<int>(level) >= max_depth_) {
      line.stop = Stop::depth;
      out.truncated = true;
      seen_.erase(p.ref);  // not followed here: a shallower branch may still follow it
    }
    out.conditions.push_back(line);
    if (!position || line.stop != Stop::none) return;
    path_.push_back(p.ref);
    push_stances(*position, p.depth + 1);
  }

  const Positions& positions_;
  int max_depth_;
  std::vector<std::string> path_;
  std::set<std::string> seen_;
  std::vector<Pending> stack_{};
};

std::vector<std::string> package_of(const Scenario& s, const Analysis& a, PositionId p) {
  for (const std::vector<PositionId>& package : a.packages) {
    if (std::find(package.begin(), package.end(), p) == package.end()) continue;
    std::vector<std::string> refs;
    for (const PositionId member : package) refs.push_back(s.positions[member].ref());
    return refs;
  }
  return {};
}

// Positions come in ref order and each audience in party order, so this comes out sorted.
std::vector<Dependent> dependents(const Positions& positions, const std::string& ref) {
  std::vector<Dependent> out;
  const Analysis& a = positions.analysis();
  for (std::size_t k = 0; k < a.by_ref.size(); ++k) {
    for (const AudienceStance& answer : a.audience(a.by_ref[k])) {
      const std::span<const IdRef> names = positions.agree_if(answer);
      const auto named = [&](const IdRef& r) { return r.id == ref; };
      if (std::none_of(names.begin(), names.end(), named)) continue;
      Dependent d{.party = positions.party(answer.party),
                  .position = positions.ref_at(k),
                  .stance = answer.stance,
                  .conditional = answer.conditional,
                  .met = answer.condition_met};
      for (const IdRef& condition : names) {
        if (condition.id != ref && !positions.agreed(condition.id)) {
          d.also_waits_for.push_back(condition.id);
        }
      }
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace

std::string_view to_string(Stop s) {
  switch (s) {
    case Stop::none:
      return "none";
    case Stop::cycle:
      return "cycle";
    case Stop::repeat:
      return "repeat";
    case Stop::depth:
      return "depth";
  }
  return {};
}

Expected<PositionExplanation> explain(const Scenario& scenario, const Analysis& analysis,
                                      std::string_view ref, const ExplainOptions& options) {
  const Positions positions(scenario, analysis);
  const std::optional<PositionId> p = positions.find(ref);
  if (!p) {
    const bool left_out = std::find(scenario.withdrawn.begin(), scenario.withdrawn.end(), ref) !=
                          scenario.withdrawn.end();
    return tl::make_unexpected(std::vector<Diagnostic>{
        {.message = left_out ? detail::left_out_position(ref)
                             : fmt::format("unknown position '{}'{}", ref,
                                           detail::did_you_mean(ref, positions.refs()))}});
  }
  PositionExplanation out{.ref = std::string(ref),
                          .max_depth = options.max_depth,
                          .package = package_of(scenario, analysis, *p)};
  TreeBuilder(positions, *p, out.ref, options.max_depth).run(out);
  out.dependents = dependents(positions, out.ref);
  return out;
}

}  // namespace entente
