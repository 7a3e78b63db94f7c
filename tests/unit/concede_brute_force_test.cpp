// `concede` against exhaustive search on many small random scenarios. The checker shares no
// code with the engine: it restates the cost model of docs/concede.md, tries every subset of
// every move (withdrawals of any position included), and computes the greatest fixpoint of
// docs/format.md 3.2 by plain iteration.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/concede.h"
#include "entente/loader.h"

namespace entente {
namespace {

constexpr int k_seeds = 300;

struct BruteMove {
  MoveKind kind = MoveKind::agree;
  std::string party{};
  std::size_t position = 0;
  int cost = 0;
};

int pick(std::mt19937& rng, int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }

// q's stance on `target`: any value, via one of q's positions half the time, conditional on
// one or two random positions a third of the time.
StanceDecl random_stance(std::mt19937& rng, const Scenario& s, const Position& target,
                         const std::string& q) {
  StanceDecl st{
      .party = q,
      .position = {.id = target.ref()},
      .stance = std::array{Stance::agree, Stance::reject, Stance::consider}[pick(rng, 3)]};
  std::vector<std::string> own;
  for (const Position& p : s.positions) {
    if (p.party == q) own.push_back(p.id);
  }
  if (!own.empty() && pick(rng, 2) == 0) {
    st.via = IdRef{.id = own[pick(rng, static_cast<int>(own.size()))]};
  }
  const int positions = static_cast<int>(s.positions.size());
  for (int c = pick(rng, 3) == 0 ? 1 + pick(rng, 2) : 0; c > 0; --c) {
    st.agree_if.push_back({.id = s.positions[pick(rng, positions)].ref()});
  }
  return st;
}

// A random validated scenario: 2-3 parties, 3-5 positions on issues i and j, a fifth of the
// audience silent.
Scenario random_scenario(std::mt19937& rng) {
  Scenario s{.title = "random", .issues = {{.id = "i"}, {.id = "j"}}};
  const int parties = 2 + pick(rng, 2);
  for (int p = 0; p < parties; ++p) s.parties.push_back({.id = std::string(1, char('a' + p))});
  for (int k = 3 + pick(rng, 3); k > 0; --k) {
    Position pos{.party = s.parties[pick(rng, parties)].id,
                 .id = fmt::format("x{}", k),
                 .issue = {.id = pick(rng, 2) == 0 ? "i" : "j"},
                 .text = "X",
                 .priority = 1 + pick(rng, 5),
                 .red_line = pick(rng, 5) == 0};
    if (pick(rng, 3) == 0) {  // an explicit audience of one other party
      std::string other = pos.party;
      while (other == pos.party) other = s.parties[pick(rng, parties)].id;
      pos.to.push_back({.id = other});
    }
    s.positions.push_back(std::move(pos));
  }
  for (const Position& target : s.positions) {
    for (const Party& q : s.parties) {
      const bool audience = target.to.empty() ? q.id != target.party : target.to[0].id == q.id;
      if (audience && pick(rng, 5) != 0) s.stances.push_back(random_stance(rng, s, target, q.id));
    }
  }
  auto valid = validate(std::move(s));
  if (!valid) throw std::runtime_error(format_diagnostic(valid.error().front()));
  return std::move(*valid);
}

// One audience party of a position: agrees already, or needs its move or its conditions.
struct Entry {
  bool agrees = false;
  std::size_t move = 0;                                  ///< index of its agree move
  std::optional<std::vector<std::size_t>> conditions{};  ///< when conditional
};

class Checker {
 public:
  Checker(const Scenario& s, const ConcedeOptions& options)
      : s_(s), issue_(options.target.find('/') == std::string::npos) {
    entries_.resize(s.positions.size());
    for (std::size_t t = 0; t < s.positions.size(); ++t) {
      const Position& p = s.positions[t];
      if (p.ref() == options.target || p.issue.id == options.target) targets_.push_back(t);
      withdraw_.push_back(moves_.size());
      add_move(options, {MoveKind::withdraw, p.party, t, p.red_line ? k_red_line_cost : p.priority},
               p.red_line);
      for (const Party& q : s.parties) {
        const bool listed =
            std::any_of(p.to.begin(), p.to.end(), [&](const IdRef& r) { return r.id == q.id; });
        if (p.to.empty() ? q.id != p.party : listed) add_entry(options, t, q.id);
      }
    }
  }

  // The cost of the moves (one flag each) when they meet the target, else nullopt.
  std::optional<int> cost_if_met(const std::vector<char>& chosen) const {
    std::vector<char> in(s_.positions.size(), 1);
    int cost = 0;
    for (std::size_t m = 0; m < moves_.size(); ++m) cost += chosen[m] ? moves_[m].cost : 0;
    for (std::size_t t = 0; t < in.size(); ++t) in[t] = !chosen[withdraw_[t]];
    for (bool changed = true; changed;) {  // the greatest fixpoint, by plain iteration
      changed = false;
      for (std::size_t t = 0; t < in.size(); ++t) {
        if (in[t] && !supported(t, in, chosen)) {
          in[t] = 0;
          changed = true;
        }
      }
    }
    for (const std::size_t t : targets_) {
      if (!in[t] && !(issue_ && chosen[withdraw_[t]])) return std::nullopt;
    }
    return cost;
  }

  // Every allowed subset meeting the target at the least cost, as sorted descriptions.
  std::pair<std::optional<int>, std::set<std::vector<std::string>>> optimum() const {
    std::vector<std::size_t> allowed;
    for (std::size_t m = 0; m < moves_.size(); ++m) {
      if (allowed_[m]) allowed.push_back(m);
    }
    std::optional<int> best;
    std::set<std::vector<std::string>> plans;
    for (std::uint32_t mask = 0; mask < (1u << allowed.size()); ++mask) {
      std::vector<char> chosen(moves_.size(), 0);
      for (std::size_t i = 0; i < allowed.size(); ++i) chosen[allowed[i]] = (mask >> i) & 1u;
      const std::optional<int> cost = cost_if_met(chosen);
      if (!cost || (best && *cost > *best)) continue;
      if (!best || *cost < *best) plans.clear();
      best = cost;
      plans.insert(describe(chosen));
    }
    return {best, plans};
  }

  std::vector<std::string> describe(const std::vector<char>& chosen) const {
    std::vector<std::string> out;
    for (std::size_t m = 0; m < moves_.size(); ++m) {
      if (chosen[m]) out.push_back(key(moves_[m]));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The engine's plan as flags over this checker's moves, checking each move's cost.
  std::vector<char> chosen_of(const Plan& plan) const {
    std::vector<char> chosen(moves_.size(), 0);
    for (const Move& move : plan.moves) {
      const std::string wanted =
          fmt::format("{} {} {}", move.party, to_string(move.kind), move.position);
      const auto it = std::find_if(moves_.begin(), moves_.end(),
                                   [&](const BruteMove& m) { return key(m) == wanted; });
      EXPECT_NE(it, moves_.end()) << wanted;
      if (it == moves_.end()) continue;
      const auto m = static_cast<std::size_t>(it - moves_.begin());
      EXPECT_TRUE(allowed_[m]) << wanted;
      EXPECT_EQ(it->cost, move.cost) << wanted;
      chosen[m] = 1;
    }
    return chosen;
  }

 private:
  std::string key(const BruteMove& m) const {
    return fmt::format("{} {} {}", m.party, to_string(m.kind), s_.positions[m.position].ref());
  }

  void add_move(const ConcedeOptions& o, BruteMove m, bool red_line) {
    const bool may = o.by.empty() || std::find(o.by.begin(), o.by.end(), m.party) != o.by.end();
    allowed_.push_back(may && (!red_line || o.allow_red_lines));
    moves_.push_back(std::move(m));
  }

  // The restated cost model: via's priority (1 without via or when silent), x2 for a reject,
  // a flat price for a via that is a red line.
  void add_entry(const ConcedeOptions& o, std::size_t t, const std::string& q) {
    const auto st = std::find_if(s_.stances.begin(), s_.stances.end(), [&](const StanceDecl& d) {
      return d.party == q && d.position.id == s_.positions[t].ref();
    });
    Entry e{.move = moves_.size()};
    const Position* via = nullptr;
    if (st != s_.stances.end()) {
      e.agrees = st->stance == Stance::agree;
      if (st->via) via = &s_.positions[index(q + "/" + st->via->id.str())];
      if (!st->agree_if.empty()) {
        std::vector<std::size_t>& conditions = e.conditions.emplace();
        for (const IdRef& c : st->agree_if) conditions.push_back(index(c.id));
      }
    }
    const bool red = via != nullptr && via->red_line;
    const int factor = st != s_.stances.end() && st->stance == Stance::reject ? 2 : 1;
    const int cost = red ? k_red_line_cost : factor * (via != nullptr ? via->priority : 1);
    if (!e.agrees) add_move(o, {MoveKind::agree, q, t, cost}, red);
    entries_[t].push_back(std::move(e));
  }

  std::size_t index(const std::string& ref) const {
    for (std::size_t i = 0; i < s_.positions.size(); ++i) {
      if (s_.positions[i].ref() == ref) return i;
    }
    throw std::runtime_error("no position " + ref);
  }

  bool supported(std::size_t t, const std::vector<char>& in,
                 const std::vector<char>& chosen) const {
    return std::all_of(entries_[t].begin(), entries_[t].end(), [&](const Entry& e) {
      if (e.agrees || chosen[e.move]) return true;
      return e.conditions && std::all_of(e.conditions->begin(), e.conditions->end(),
                                         [&](std::size_t c) { return in[c] != 0; });
    });
  }

  const Scenario& s_;
  bool issue_ = false;
  std::vector<std::size_t> targets_{};
  std::vector<BruteMove> moves_{};
  std::vector<char> allowed_{};
  std::vector<std::size_t> withdraw_{};
  std::vector<std::vector<Entry>> entries_{};
};

ConcedeOptions random_options(std::mt19937& rng, const Scenario& s) {
  ConcedeOptions o{.allow_red_lines = rng() % 3 == 0, .top = 1000};
  const Position& p = s.positions[rng() % s.positions.size()];
  o.target = rng() % 2 == 0 ? p.ref() : p.issue.id.str();
  if (rng() % 4 == 0) {
    for (const Party& q : s.parties) {
      if (rng() % 2 == 0) o.by.push_back(q.id);
    }
    if (o.by.empty()) o.by.push_back(s.parties[0].id);
  }
  return o;
}

TEST(ConcedeBruteForce, MatchesExhaustiveSearchOnRandomScenarios) {
  int impossible = 0;
  for (int seed = 0; seed < k_seeds; ++seed) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    const Scenario s = random_scenario(rng);
    const ConcedeOptions options = random_options(rng, s);
    SCOPED_TRACE(fmt::format("seed {}, target {}", seed, options.target));
    const Checker checker(s, options);
    const auto [best, optimal_plans] = checker.optimum();
    const auto result = concede(s, options);
    ASSERT_TRUE(result.has_value());
    ASSERT_EQ(best, result->cost);
    EXPECT_EQ(!best, result->blocked.has_value());
    if (!best) ++impossible;
    std::set<std::vector<std::string>> found;
    for (const Plan& plan : result->plans) {
      const std::vector<char> chosen = checker.chosen_of(plan);
      EXPECT_EQ(best, checker.cost_if_met(chosen));  // meets the target, at that cost
      EXPECT_EQ(plan.cost, best);
      found.insert(checker.describe(chosen));
    }
    EXPECT_EQ(optimal_plans, found);  // every optimal plan, each once
    EXPECT_FALSE(result->more_plans);
  }
  RecordProperty("impossible", impossible);
}

}  // namespace
}  // namespace entente
