// `concede` against exhaustive search on many small random scenarios. The checker shares no
// code with the engine: it restates docs/concede.md (the moves, the cost model with each
// position given up priced once per plan, position, issue and exclusive issue targets all met
// at once, `binding`, `within`), tries every subset of every candidate move, keeps the
// inclusion-minimal ones, and computes the greatest fixpoint of docs/format.md 3.2 by plain
// iteration. Every rule is counted: a rule that no seed exercises fails the test.
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
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include "entente/concede.h"
#include "entente/loader.h"

namespace entente {
namespace {

// The prices docs/concede.md states, restated rather than trusted.
static_assert(k_reject_factor == 2 && k_red_line_cost == 20);

constexpr int k_seeds = 300;
/// A seed with more candidate moves than this (counted with red lines and every party
/// allowed, not binding) is skipped: at most 2^14 subsets keeps the test fast.
constexpr std::size_t k_max_moves = 14;
/// The top used to list every plan in range.
constexpr int k_all = 1000;

int pick(std::mt19937& rng, int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }

// q's stance on `target`: any value, with a priority 1..5, via one of q's positions half the
// time, conditional on one or two random positions a third of the time.
StanceDecl random_stance(std::mt19937& rng, const Scenario& s, const Position& target,
                         const std::string& q) {
  const Stance value = std::array{Stance::agree, Stance::reject, Stance::consider}[pick(rng, 3)];
  const auto priority = static_cast<std::uint8_t>(1 + pick(rng, 5));
  StanceDecl st{
      .party = q, .position = PositionRef(target.ref()), .stance = value, .priority = priority};
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

// A random validated scenario: 2-3 parties, 3-6 positions on issues i and j (a quarter of
// them red lines), each issue exclusive half the time and then with a status quo two times in
// three, a fifth of the audience silent, now and then a stance by a party outside it.
Scenario random_scenario(std::mt19937& rng) {
  Scenario s{.title = "random",
             .issues = {{.id = "i", .title = "Issue i"}, {.id = "j", .title = "Issue j"}}};
  for (Issue& issue : s.issues) issue.exclusive = pick(rng, 2) == 0;
  const int parties = 2 + pick(rng, 2);
  for (int p = 0; p < parties; ++p) s.parties.push_back({.id = std::string(1, char('a' + p))});
  for (int k = 3 + pick(rng, 4); k > 0; --k) {
    const std::string party = s.parties[pick(rng, parties)].id;
    const std::string issue = pick(rng, 2) == 0 ? "i" : "j";
    const int priority = 1 + pick(rng, 5);
    const bool red_line = pick(rng, 4) == 0;
    Position pos{.party = party,
                 .id = fmt::format("x{}", k),
                 .issue = {.id = issue},
                 .text = "X",
                 .priority = priority,
                 .red_line = red_line};
    if (pick(rng, 3) == 0) {  // an explicit audience of one other party
      std::string other = pos.party;
      while (other == pos.party) other = s.parties[pick(rng, parties)].id;
      pos.to.push_back({.id = other});
    }
    s.positions.push_back(std::move(pos));
  }
  for (Issue& issue : s.issues) {
    if (!issue.exclusive || pick(rng, 3) == 0) continue;
    std::vector<std::string> on;
    for (const Position& p : s.positions) {
      if (p.issue.id == issue.id) on.push_back(p.ref());
    }
    if (!on.empty()) {
      issue.status_quo.emplace(IdRef{.id = on[pick(rng, static_cast<int>(on.size()))]});
    }
  }
  for (const Position& target : s.positions) {
    for (const Party& q : s.parties) {
      const bool audience = target.to.empty() ? q.id != target.party : target.to[0].id == q.id;
      // A party outside an explicit audience sometimes answers too: that does not count.
      const bool answers = audience ? pick(rng, 5) != 0 : q.id != target.party && pick(rng, 4) == 0;
      if (answers) s.stances.push_back(random_stance(rng, s, target, q.id));
    }
  }
  auto valid = validate(std::move(s));
  if (!valid) throw std::runtime_error(format_diagnostic(valid.error().front()));
  return std::move(*valid);
}

// One to three targets (positions and issues, none twice), `allow_red_lines` half the time,
// `binding` a third of the time, `within` 0, 1 or 3, and a quarter of the time only some parties.
ConcedeOptions random_options(std::mt19937& rng, const Scenario& s) {
  ConcedeOptions o{.top = k_all};
  o.allow_red_lines = pick(rng, 2) == 0;
  o.binding = pick(rng, 3) == 0;
  o.within = std::array{0, 1, 3}[pick(rng, 3)];
  const int targets = std::array{1, 1, 1, 2, 2, 3}[pick(rng, 6)];
  for (int tries = 0; static_cast<int>(o.targets.size()) < targets && tries < 10; ++tries) {
    const Position& p = s.positions[pick(rng, static_cast<int>(s.positions.size()))];
    std::string name = pick(rng, 2) == 0 ? p.ref() : p.issue.id.str();
    if (std::find(o.targets.begin(), o.targets.end(), name) == o.targets.end()) {
      o.targets.push_back(std::move(name));
    }
  }
  if (pick(rng, 4) == 0) {
    for (const Party& q : s.parties) {
      if (pick(rng, 2) == 0) o.by.push_back(q.id);
    }
    if (o.by.empty()) o.by.push_back(s.parties[0].id);
  }
  return o;
}

// One audience party of a position: agrees already, or needs its move or its conditions.
struct Entry {
  std::string party{};
  const StanceDecl* stance = nullptr;  ///< none: silent
  bool agrees = false;
  std::optional<std::vector<std::size_t>> conditions{};  ///< a counting conditional stance
  std::optional<std::size_t> move{};                     ///< its agree move, when allowed
};

struct BruteMove {
  MoveKind kind = MoveKind::agree;
  std::string party{};
  std::size_t position = 0;
  std::optional<Stance> was{};
  std::optional<std::size_t> gives_up{};  ///< the via, or the position withdrawn
  int basis = 1;                          ///< the stance's priority, 1 from silence
  int factor = 1;
  bool red_line = false;
  int cost = 0;  ///< its own cost
};

struct BruteTarget {
  std::string name{};
  bool issue = false;
  bool exclusive = false;
  std::optional<std::size_t> status_quo{};
  std::vector<std::size_t> positions{};  ///< sorted by ref
};

/// After a set of moves: what is withdrawn, and the greatest fixpoint.
struct State {
  std::vector<char> withdrawn{};
  std::vector<char> in{};
};

/// Every valid move set (a mask over the checker's moves) that is inclusion-minimal and at
/// most `within` dearer than the optimum.
struct Search {
  std::optional<int> best{};
  std::vector<std::uint32_t> plans{};
  int non_minimal_at_best = 0;   ///< valid sets of the optimum cost with a valid proper subset
  int non_minimal_in_range = 0;  ///< the same, up to `within` dearer
};

using MoveKey = std::tuple<std::string, MoveKind, std::string>;

MoveKey key_of(const Move& m) { return {m.position, m.kind, m.party}; }

bool moves_less(const Plan& a, const Plan& b) {
  return std::lexicographical_compare(
      a.moves.begin(), a.moves.end(), b.moves.begin(), b.moves.end(),
      [](const Move& x, const Move& y) { return key_of(x) < key_of(y); });
}

bool plan_less(const Plan& a, const Plan& b) {
  return a.cost != b.cost ? a.cost < b.cost : moves_less(a, b);
}

// Every field of a plan, in one line. Two fields the model leaves open are normalised: the
// basis of a move that gives a position up (it costs nothing of its own), and `doubled` on a
// red line (a red line costs a flat price).
std::string canonical(const Plan& plan) {
  std::string out = fmt::format("cost {}:", plan.cost);
  for (const Move& m : plan.moves) {
    out += fmt::format(
        " [{} {} {}, was {}, via '{}', gives up '{}', basis {} x {}, red {}, cost {}]", m.party,
        to_string(m.kind), m.position, m.was ? to_string(*m.was) : std::string_view("silent"),
        m.via, m.gives_up, m.gives_up.empty() ? m.basis : 0, m.factor, m.red_line, m.cost);
  }
  out += " | gives up:";
  for (const GivenUp& g : plan.given_up) {
    out += fmt::format(" [{} {}, priority {}, doubled {}, red {}, cost {}]", g.party, g.position,
                       g.priority, !g.red_line && g.doubled, g.red_line, g.cost);
  }
  out += " | pays:";
  for (const PartyCost& p : plan.by_party) out += fmt::format(" {}={}", p.party, p.cost);
  out += " | agreed:";
  for (const std::string& a : plan.agreed) out += " " + a;
  return out;
}

std::vector<std::string> canonical(const std::vector<Plan>& plans) {
  std::vector<std::string> out;
  for (const Plan& p : plans) out.push_back(canonical(p));
  return out;
}

class Checker {
 public:
  Checker(const Scenario& s, const ConcedeOptions& options) : s_(s), o_(options) {
    for (std::size_t t = 0; t < s.positions.size(); ++t) {
      refs_.push_back(s.positions[t].ref());
      index_[refs_.back()] = t;
    }
    entries_.resize(s.positions.size());
    for (std::size_t t = 0; t < s.positions.size(); ++t) {
      const Position& p = s.positions[t];
      for (const Party& q : s.parties) {
        const bool listed =
            std::any_of(p.to.begin(), p.to.end(), [&](const IdRef& r) { return r.id == q.id; });
        if (p.to.empty() ? q.id != p.party : listed) add_entry(t, q.id);
      }
    }
    for (const std::string& name : options.targets) add_target(name);
    find_closure();
    find_agreed_before();
    withdraw_.resize(s.positions.size());
    for (std::size_t t = 0; t < s.positions.size(); ++t) {
      if (!closure_[t]) continue;  // nothing a target depends on
      for (Entry& e : entries_[t]) add_agree_move(t, e);
    }
    for (const BruteTarget& target : targets_) {
      if (!target.issue) continue;
      for (const std::size_t p : target.positions) add_withdraw_move(p);
    }
  }

  std::size_t move_count() const { return moves_.size(); }
  int binding_barred() const { return binding_barred_; }
  int red_lines_barred() const { return red_lines_barred_; }
  const std::vector<BruteTarget>& targets() const { return targets_; }

  bool chosen(std::uint32_t mask, std::size_t m) const { return ((mask >> m) & 1u) != 0; }

  // Whether the moves of `mask` meet every target; `state` gets the greatest fixpoint.
  bool meets(std::uint32_t mask, State& state) const {
    const std::size_t n = s_.positions.size();
    state.withdrawn.assign(n, 0);
    for (std::size_t m = 0; m < moves_.size(); ++m) {
      if (chosen(mask, m) && moves_[m].kind == MoveKind::withdraw) {
        state.withdrawn[moves_[m].position] = 1;
      }
    }
    state.in.assign(n, 0);
    for (std::size_t t = 0; t < n; ++t) state.in[t] = !state.withdrawn[t];
    for (bool changed = true; changed;) {  // the greatest fixpoint, by plain iteration
      changed = false;
      for (std::size_t t = 0; t < n; ++t) {
        if (state.in[t] && !supported(t, state.in, mask)) {
          state.in[t] = 0;
          changed = true;
        }
      }
    }
    return std::all_of(targets_.begin(), targets_.end(),
                       [&](const BruteTarget& target) { return met(target, state); });
  }

  bool met(const BruteTarget& target, const State& st) const {
    const auto& ps = target.positions;
    if (!target.issue) return st.in[ps[0]] != 0;
    if (!target.exclusive) {
      return std::all_of(ps.begin(), ps.end(),
                         [&](std::size_t p) { return st.in[p] || st.withdrawn[p]; });
    }
    // One alternative in the fixpoint, every other withdrawn or outside it; or the status
    // quo standing, every other alternative withdrawn.
    if (std::count_if(ps.begin(), ps.end(), [&](std::size_t p) { return st.in[p] != 0; }) == 1) {
      return true;
    }
    return target.status_quo && !st.withdrawn[*target.status_quo] &&
           std::all_of(ps.begin(), ps.end(),
                       [&](std::size_t p) { return p == *target.status_quo || st.withdrawn[p]; });
  }

  // The positions the moves of `mask` give up, each with whether a move via it reverses a
  // reject.
  std::map<std::size_t, bool> given_up(std::uint32_t mask) const {
    std::map<std::size_t, bool> out;
    for (std::size_t m = 0; m < moves_.size(); ++m) {
      const BruteMove& move = moves_[m];
      if (!chosen(mask, m) || !move.gives_up) continue;
      bool& doubled = out[*move.gives_up];
      doubled = doubled || (move.kind == MoveKind::agree && move.was == Stance::reject);
    }
    return out;
  }

  int price(std::size_t v, bool doubled) const {
    const Position& p = s_.positions[v];
    if (p.red_line) return k_red_line_cost;
    return p.priority * (doubled ? k_reject_factor : 1);
  }

  int cost(std::uint32_t mask) const {
    int total = 0;
    for (std::size_t m = 0; m < moves_.size(); ++m) total += chosen(mask, m) ? moves_[m].cost : 0;
    for (const auto& [v, doubled] : given_up(mask)) total += price(v, doubled);
    return total;
  }

  // Every subset of the moves; the valid ones at most `within` above the optimum that hold
  // no valid proper subset.
  Search search(int within) const {
    const std::size_t n = moves_.size();
    if (n > 20) throw std::runtime_error("too many moves for exhaustive search");
    const std::uint32_t subsets = 1u << n;
    std::vector<char> valid(subsets, 0);
    std::vector<int> costs(subsets, 0);
    Search out;
    State state;
    for (std::uint32_t mask = 0; mask < subsets; ++mask) {
      if (!meets(mask, state)) continue;
      valid[mask] = 1;
      costs[mask] = cost(mask);
      if (!out.best || costs[mask] < *out.best) out.best = costs[mask];
    }
    if (!out.best) return out;
    // some_valid[mask]: some subset of mask (itself included) is valid.
    std::vector<char> some_valid = valid;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::uint32_t mask = 0; mask < subsets; ++mask) {
        if (chosen(mask, i)) some_valid[mask] |= some_valid[mask ^ (1u << i)];
      }
    }
    for (std::uint32_t mask = 0; mask < subsets; ++mask) {
      if (!valid[mask] || costs[mask] > *out.best + within) continue;
      bool minimal = true;
      for (std::size_t i = 0; i < n && minimal; ++i) {
        minimal = !chosen(mask, i) || !some_valid[mask ^ (1u << i)];
      }
      if (minimal) {
        out.plans.push_back(mask);
      } else {
        ++out.non_minimal_in_range;
        if (costs[mask] == *out.best) ++out.non_minimal_at_best;
      }
    }
    return out;
  }

  // The plan `mask` stands for, as the engine should report it.
  Plan plan(std::uint32_t mask) const {
    Plan out{.cost = cost(mask)};
    std::map<std::string, int> pays;
    for (std::size_t m = 0; m < moves_.size(); ++m) {
      if (!chosen(mask, m)) continue;
      const BruteMove& b = moves_[m];
      const std::string gives_up = b.gives_up ? refs_[*b.gives_up] : std::string();
      out.moves.push_back({.kind = b.kind,
                           .party = b.party,
                           .position = refs_[b.position],
                           .was = b.was,
                           .via = b.kind == MoveKind::agree ? gives_up : std::string(),
                           .gives_up = gives_up,
                           .basis = b.basis,
                           .factor = b.factor,
                           .red_line = b.red_line,
                           .cost = b.cost});
      pays[b.party] += b.cost;
    }
    std::sort(out.moves.begin(), out.moves.end(),
              [](const Move& a, const Move& b) { return key_of(a) < key_of(b); });
    for (const auto& [v, doubled] : given_up(mask)) {
      const Position& p = s_.positions[v];
      out.given_up.push_back({.party = p.party,
                              .position = refs_[v],
                              .priority = p.priority,
                              .doubled = doubled,
                              .red_line = p.red_line,
                              .cost = price(v, doubled)});
      pays[p.party] += price(v, doubled);
    }
    std::sort(out.given_up.begin(), out.given_up.end(),
              [](const GivenUp& a, const GivenUp& b) { return a.position < b.position; });
    for (const auto& [party, paid] : pays) {
      if (paid > 0) out.by_party.push_back({.party = party, .cost = paid});
    }
    State state;
    meets(mask, state);
    for (std::size_t t = 0; t < refs_.size(); ++t) {
      if (closure_[t] && state.in[t] && !before_[t]) out.agreed.push_back(refs_[t]);
    }
    std::sort(out.agreed.begin(), out.agreed.end());
    return out;
  }

  std::vector<Plan> plans(const Search& found) const {
    std::vector<Plan> out;
    for (const std::uint32_t mask : found.plans) out.push_back(plan(mask));
    std::sort(out.begin(), out.end(), plan_less);
    return out;
  }

  // Every target met before any move, in the least fixpoint; none when a target is an
  // exclusive issue (what "met before" means there is left open).
  std::optional<bool> already_agreed() const {
    bool all = true;
    for (const BruteTarget& target : targets_) {
      if (target.exclusive) return std::nullopt;
      for (const std::size_t p : target.positions) all = all && before_[p];
    }
    return all;
  }

  // Adds the rules the plan `mask` exercises to `rules`.
  void tally(std::uint32_t mask, std::set<std::string>& rules) const {
    State st;
    meets(mask, st);
    std::map<std::size_t, int> giving_up;
    for (std::size_t m = 0; m < moves_.size(); ++m) {
      if (!chosen(mask, m)) continue;
      const BruteMove& b = moves_[m];
      if (b.kind == MoveKind::withdraw) rules.insert("withdraw_move");
      if (b.kind == MoveKind::agree && !b.was) rules.insert("move_from_silence");
      if (b.kind == MoveKind::agree && b.was && !b.gives_up && b.basis > 1) {
        rules.insert("stance_priority_priced");
      }
      if (b.was == Stance::reject && !b.gives_up) rules.insert("reject_without_via_doubled");
      if (b.gives_up) ++giving_up[*b.gives_up];
    }
    for (const auto& [v, doubled] : given_up(mask)) {
      if (s_.positions[v].red_line) rules.insert("red_line_given_up");
      if (doubled && !s_.positions[v].red_line) rules.insert("given_up_doubled");
      if (giving_up[v] >= 2) rules.insert("given_up_by_two_moves_priced_once");
    }
    if (plan(mask).by_party.size() >= 2) rules.insert("several_parties_pay");
    for (std::size_t t = 0; t < entries_.size(); ++t) {
      if (!closure_[t] || !st.in[t]) continue;
      for (const Entry& e : entries_[t]) {
        if (!e.agrees && e.conditions && !(e.move && chosen(mask, *e.move))) {
          rules.insert("conditional_stance_met_by_conditions");
        }
      }
    }
    for (const BruteTarget& target : targets_) {
      const auto& ps = target.positions;
      const bool withdrawal =
          std::any_of(ps.begin(), ps.end(), [&](std::size_t p) { return st.withdrawn[p] != 0; });
      if (!target.issue) continue;
      if (!target.exclusive) {
        if (withdrawal) rules.insert("issue_met_with_withdrawal");
        continue;
      }
      const auto in = std::count_if(ps.begin(), ps.end(), [&](std::size_t p) { return st.in[p]; });
      if (in == 1 && std::any_of(ps.begin(), ps.end(),
                                 [&](std::size_t p) { return !st.in[p] && !st.withdrawn[p]; })) {
        rules.insert("exclusive_settled_other_superseded");
      }
      if (in == 1 && withdrawal) rules.insert("exclusive_settled_with_withdrawal");
      if (in != 1) rules.insert("exclusive_settled_by_status_quo");
    }
  }

 private:
  std::size_t index(const std::string& ref) const {
    const auto it = index_.find(ref);
    if (it == index_.end()) throw std::runtime_error("no position " + ref);
    return it->second;
  }

  bool may_move(const std::string& party) const {
    return o_.by.empty() || std::find(o_.by.begin(), o_.by.end(), party) != o_.by.end();
  }

  void add_entry(std::size_t t, const std::string& q) {
    Entry e{.party = q};
    const auto st = std::find_if(s_.stances.begin(), s_.stances.end(), [&](const StanceDecl& d) {
      return d.party == q && d.position.names(refs_[t]);
    });
    if (st != s_.stances.end()) {
      e.stance = &*st;
      // agree with agree_if is plain agreement; any other value with agree_if is conditional.
      e.agrees = st->stance == Stance::agree;
      if (!e.agrees && !st->agree_if.empty()) {
        std::vector<std::size_t>& conditions = e.conditions.emplace();
        for (const IdRef& c : st->agree_if) conditions.push_back(index(c.id));
      }
    }
    entries_[t].push_back(std::move(e));
  }

  void add_target(const std::string& name) {
    BruteTarget target{.name = name, .issue = name.find('/') == std::string::npos};
    if (!target.issue) {
      target.positions.push_back(index(name));
    } else {
      const auto issue = std::find_if(s_.issues.begin(), s_.issues.end(),
                                      [&](const Issue& i) { return i.id == name; });
      if (issue == s_.issues.end()) throw std::runtime_error("no issue " + name);
      target.exclusive = issue->exclusive;
      if (issue->status_quo) target.status_quo = index(issue->status_quo->id.str());
      for (std::size_t t = 0; t < refs_.size(); ++t) {
        if (s_.positions[t].issue.id == name) target.positions.push_back(t);
      }
      std::sort(target.positions.begin(), target.positions.end(),
                [&](std::size_t a, std::size_t b) { return refs_[a] < refs_[b]; });
    }
    targets_.push_back(std::move(target));
  }

  // The targets' positions and every position their counting conditional stances name,
  // transitively. Moves elsewhere can never change whether a target is met, so no minimal
  // plan holds one.
  void find_closure() {
    closure_.assign(refs_.size(), 0);
    for (const BruteTarget& target : targets_) {
      for (const std::size_t p : target.positions) closure_[p] = 1;
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t t = 0; t < refs_.size(); ++t) {
        if (!closure_[t]) continue;
        for (const Entry& e : entries_[t]) {
          if (!e.conditions) continue;
          for (const std::size_t c : *e.conditions) {
            if (!closure_[c]) closure_[c] = changed = true;
          }
        }
      }
    }
  }

  // The least fixpoint of docs/format.md 3.2 on the stances as written.
  void find_agreed_before() {
    before_.assign(refs_.size(), 0);
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t t = 0; t < refs_.size(); ++t) {
        if (before_[t]) continue;
        const bool agreed =
            std::all_of(entries_[t].begin(), entries_[t].end(), [&](const Entry& e) {
              return e.agrees ||
                     (e.conditions && std::all_of(e.conditions->begin(), e.conditions->end(),
                                                  [&](std::size_t c) { return before_[c] != 0; }));
            });
        if (agreed) before_[t] = changed = true;
      }
    }
  }

  // The restated cost model. An agree move gives up the stance's via (the plan pays for it,
  // the move nothing); without one it costs the stance's priority, 1 from silence, x2 when
  // it reverses a reject.
  void add_agree_move(std::size_t t, Entry& e) {
    if (e.agrees) return;  // met whatever happens
    BruteMove m{.kind = MoveKind::agree, .party = e.party, .position = t};
    if (e.stance != nullptr) {
      m.was = e.stance->stance;
      m.basis = e.stance->priority;
      if (e.stance->via) m.gives_up = index(e.party + "/" + e.stance->via->id.str());
    }
    m.factor = m.was == Stance::reject ? k_reject_factor : 1;
    m.red_line = m.gives_up && s_.positions[*m.gives_up].red_line;
    m.cost = m.gives_up ? 0 : m.basis * m.factor;
    if (!may_move(e.party)) return;
    if (o_.binding && e.conditions) {  // agrees only through its conditions
      ++binding_barred_;
      return;
    }
    if (m.red_line && !o_.allow_red_lines) {
      ++red_lines_barred_;
      return;
    }
    e.move = moves_.size();
    moves_.push_back(std::move(m));
  }

  // Withdrawing gives the position itself up: the plan pays for it, the move nothing.
  void add_withdraw_move(std::size_t t) {
    const Position& p = s_.positions[t];
    if (withdraw_[t] || !may_move(p.party)) return;
    if (p.red_line && !o_.allow_red_lines) {
      ++red_lines_barred_;
      return;
    }
    withdraw_[t] = moves_.size();
    moves_.push_back({.kind = MoveKind::withdraw,
                      .party = p.party,
                      .position = t,
                      .gives_up = t,
                      .red_line = p.red_line,
                      .cost = 0});
  }

  bool supported(std::size_t t, const std::vector<char>& in, std::uint32_t mask) const {
    return std::all_of(entries_[t].begin(), entries_[t].end(), [&](const Entry& e) {
      if (e.agrees || (e.move && chosen(mask, *e.move))) return true;
      return e.conditions && std::all_of(e.conditions->begin(), e.conditions->end(),
                                         [&](std::size_t c) { return in[c] != 0; });
    });
  }

  const Scenario& s_;
  const ConcedeOptions o_;
  std::vector<std::string> refs_{};
  std::map<std::string, std::size_t> index_{};
  std::vector<BruteTarget> targets_{};
  std::vector<std::vector<Entry>> entries_{};
  std::vector<char> closure_{};
  std::vector<char> before_{};
  std::vector<BruteMove> moves_{};
  std::vector<std::optional<std::size_t>> withdraw_{};
  int binding_barred_ = 0;
  int red_lines_barred_ = 0;
};

std::string describe(const ConcedeOptions& o) {
  return fmt::format("targets [{}], by [{}], red lines {}, binding {}, within {}, top {}",
                     fmt::join(o.targets, " "), fmt::join(o.by, " "), o.allow_red_lines, o.binding,
                     o.within, o.top);
}

// The targets as the result should name them.
void expect_targets(const Checker& checker, const Scenario& s, const ConcedeResult& r) {
  ASSERT_EQ(checker.targets().size(), r.targets.size());
  for (std::size_t i = 0; i < r.targets.size(); ++i) {
    const BruteTarget& want = checker.targets()[i];
    const ConcedeTarget& got = r.targets[i];
    EXPECT_EQ(want.name, got.name);
    EXPECT_EQ(want.issue, got.issue) << want.name;
    std::vector<std::string> refs;
    for (const std::size_t p : want.positions) refs.push_back(s.positions[p].ref());
    EXPECT_EQ(refs, got.positions) << want.name;
    if (want.issue) {
      EXPECT_EQ(want.exclusive, got.exclusive) << want.name;
      EXPECT_EQ(want.status_quo ? s.positions[*want.status_quo].ref() : std::string(),
                got.status_quo)
          << want.name;
    }
  }
}

// No plan: `blocked` names the cheapest plan once red lines may be crossed, else once every
// party may move too (docs/concede.md, "When nothing works"). Read as the engine does: the
// second step lifts `binding` as well, the first keeps it.
void expect_blocked(const Scenario& s, const ConcedeOptions& options, const ConcedeResult& r,
                    std::map<std::string, int>& hits) {
  ++hits["impossible"];
  EXPECT_TRUE(r.plans.empty());
  EXPECT_FALSE(r.more_plans);
  ASSERT_TRUE(r.blocked.has_value());
  ConcedeOptions relaxed = options;
  relaxed.allow_red_lines = true;
  if (const auto cost = Checker(s, relaxed).search(0).best) {
    ++hits["blocked_by_red_lines"];
    EXPECT_EQ(*cost, r.blocked->cost);
    EXPECT_TRUE(r.blocked->other_parties.empty());
    EXPECT_FALSE(r.blocked->red_line_moves.empty());
    for (const Move& m : r.blocked->red_line_moves) EXPECT_TRUE(m.red_line) << m.position;
    return;
  }
  relaxed.by.clear();
  relaxed.binding = false;
  if (const auto cost = Checker(s, relaxed).search(0).best) {
    ++hits["blocked_by_parties"];
    EXPECT_EQ(*cost, r.blocked->cost);
    const auto& others = r.blocked->other_parties;
    if (!options.binding) {  // else binding may be all that stood in the way
      EXPECT_FALSE(others.empty());
    }
    EXPECT_TRUE(std::is_sorted(others.begin(), others.end()));
    EXPECT_EQ(std::adjacent_find(others.begin(), others.end()), others.end());
    for (const std::string& p : others) {
      EXPECT_EQ(std::find(options.by.begin(), options.by.end(), p), options.by.end()) << p;
    }
    return;
  }
  // Nothing works even then: say, two alternatives of one exclusive issue are targets with
  // the issue itself. Only that `blocked` is set is checked.
  ++hits["impossible_even_relaxed"];
}

// With a small `top`: the cheapest plans in range, `top` of them, and more_plans.
void expect_cut(const Scenario& s, ConcedeOptions options, int top, const std::vector<Plan>& all,
                std::optional<int> best) {
  options.top = top;
  SCOPED_TRACE(fmt::format("top {}", top));
  const auto result = concede(s, options);
  ASSERT_TRUE(result.has_value()) << format_diagnostic(result.error().front());
  EXPECT_EQ(best, result->cost);
  EXPECT_TRUE(result->more_plans);
  ASSERT_EQ(static_cast<std::size_t>(top), result->plans.size());
  const std::vector<std::string> listed = canonical(all);
  std::vector<int> costs;
  for (const Plan& plan : result->plans) {
    EXPECT_NE(std::find(listed.begin(), listed.end(), canonical(plan)), listed.end())
        << canonical(plan);
    costs.push_back(plan.cost);
  }
  EXPECT_TRUE(std::is_sorted(result->plans.begin(), result->plans.end(), plan_less));
  std::vector<int> cheapest;
  for (int i = 0; i < top; ++i) cheapest.push_back(all[static_cast<std::size_t>(i)].cost);
  EXPECT_EQ(cheapest, costs);
}

// The rules a run must have exercised, each on at least one seed.
constexpr std::array k_required = {
    "within_0",
    "within_1",
    "within_3",
    "several_targets_met",
    "binding_bars_a_move",
    "binding_changes_the_answer",
    "red_line_move_barred",
    "red_line_given_up",
    "given_up_doubled",
    "given_up_by_two_moves_priced_once",
    "stance_priority_priced",
    "reject_without_via_doubled",
    "move_from_silence",
    "withdraw_move",
    "several_parties_pay",
    "conditional_stance_met_by_conditions",
    "issue_met_with_withdrawal",
    "exclusive_settled_other_superseded",
    "exclusive_settled_with_withdrawal",
    "exclusive_settled_by_status_quo",
    "dearer_plan_listed",
    "non_minimal_set_left_out_at_optimum",
    "non_minimal_set_left_out_in_range",
    "tied_plans_ordered_by_moves",
    "top_cut",
    "impossible",
    "blocked_by_red_lines",
    "blocked_by_parties",
};

TEST(ConcedeBruteForce, MatchesExhaustiveSearchOnRandomScenarios) {
  std::map<std::string, int> hits;
  int checked = 0;
  for (int seed = 0; seed < k_seeds; ++seed) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    const Scenario s = random_scenario(rng);
    const ConcedeOptions options = random_options(rng, s);
    SCOPED_TRACE(fmt::format("seed {}: {}", seed, describe(options)));
    ConcedeOptions widest = options;  // every move the blocked search may need
    widest.allow_red_lines = true;
    widest.binding = false;
    widest.by.clear();
    if (Checker(s, widest).move_count() > k_max_moves) continue;
    ++checked;
    ++hits[fmt::format("within_{}", options.within)];

    const Checker checker(s, options);
    const Search found = checker.search(options.within);
    const auto result = concede(s, options);
    ASSERT_TRUE(result.has_value()) << format_diagnostic(result.error().front());
    expect_targets(checker, s, *result);
    EXPECT_EQ(options.allow_red_lines, result->allow_red_lines);
    EXPECT_EQ(options.binding, result->binding);
    EXPECT_EQ(options.within, result->within);
    if (const auto before = checker.already_agreed()) {
      EXPECT_EQ(*before, result->already_agreed);
    }
    if (checker.binding_barred() > 0) ++hits["binding_bars_a_move"];
    if (checker.red_lines_barred() > 0) ++hits["red_line_move_barred"];

    ASSERT_EQ(found.best, result->cost);
    EXPECT_EQ(!found.best, result->blocked.has_value());
    if (options.binding) {
      ConcedeOptions loose = options;
      loose.binding = false;
      const Checker unbound(s, loose);
      const Search without = unbound.search(options.within);
      if (without.best != found.best ||
          canonical(unbound.plans(without)) != canonical(checker.plans(found))) {
        ++hits["binding_changes_the_answer"];
      }
    }
    if (!found.best) {
      expect_blocked(s, options, *result, hits);
      continue;
    }

    // Every inclusion-minimal plan in range, each once, by cost, then moves.
    const std::vector<Plan> want = checker.plans(found);
    ASSERT_LE(want.size(), static_cast<std::size_t>(k_all));
    EXPECT_EQ(canonical(want), canonical(result->plans));
    EXPECT_TRUE(std::is_sorted(result->plans.begin(), result->plans.end(), plan_less));
    EXPECT_FALSE(result->more_plans);
    EXPECT_FALSE(result->blocked.has_value());

    if (options.targets.size() >= 2) ++hits["several_targets_met"];
    std::set<std::string> rules;  // each counted once per seed
    for (const std::uint32_t mask : found.plans) checker.tally(mask, rules);
    for (const std::string& rule : rules) ++hits[rule];
    if (want.back().cost > *found.best) ++hits["dearer_plan_listed"];
    if (found.non_minimal_at_best > 0) ++hits["non_minimal_set_left_out_at_optimum"];
    if (found.non_minimal_in_range > 0) ++hits["non_minimal_set_left_out_in_range"];
    for (std::size_t i = 1; i < want.size(); ++i) {
      if (want[i - 1].cost == want[i].cost) {
        ++hits["tied_plans_ordered_by_moves"];
        break;
      }
    }
    if (want.size() >= 2) {
      ++hits["top_cut"];
      const int top = 1 + pick(rng, std::min(2, static_cast<int>(want.size()) - 1));
      expect_cut(s, options, top, want, found.best);
    }
  }
  for (const auto& [rule, count] : hits) RecordProperty(rule, count);
  RecordProperty("checked", checked);
  // Most seeds are small enough to search exhaustively.
  EXPECT_GE(checked, k_seeds * 4 / 5);
  for (const char* rule : k_required) EXPECT_GT(hits[rule], 0) << "no seed exercises " << rule;
}

}  // namespace
}  // namespace entente
