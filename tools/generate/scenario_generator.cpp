#include "generate/scenario_generator.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "generate/model.h"
#include "generate/random.h"
#include "generate/text.h"

namespace entente::generate {

int detail::digits(int n) {
  int d = 1;
  for (; n >= 10; n /= 10) ++d;
  return d;
}

std::string detail::numbered(std::string_view prefix, int n, int width) {
  std::string number = std::to_string(n);
  std::string id(prefix);
  id.append(static_cast<std::size_t>(std::max(0, width - static_cast<int>(number.size()))), '0');
  return id + number;
}

namespace {

using detail::digits;
using detail::Model;
using detail::numbered;
using detail::Pos;
using detail::StanceOut;

constexpr int k_max_sources = 12;

int priority_of(Random& random) {
  const int r = random.below(100);  // 1: 5%, 2: 20%, 3: 50%, 4: 20%, 5: 5%
  return r < 5 ? 1 : r < 25 ? 2 : r < 75 ? 3 : r < 95 ? 4 : 5;
}

void add_header(Model& m, const GeneratorOptions& o, Random& random) {
  m.title = "Generated scenario, " + std::to_string(o.parties) + " parties, " +
            std::to_string(o.issues) + " issues (seed " + std::to_string(o.seed) + ")";
  for (int p = 0; p < o.parties; ++p) {
    m.party_ids.push_back(party_id(p, o.parties));
    m.party_names.push_back(party_name(random));
  }
  const int width = std::max(3, digits(o.issues));
  for (int i = 0; i < o.issues; ++i) {
    m.issue_ids.push_back(numbered("issue-", i + 1, width));
    m.issue_titles.push_back(issue_title(random));
  }
  // Every source is cited by some position (an uncited source is a warning).
  const long regular = static_cast<long>(o.parties) * o.positions_per_party;
  const int sources = static_cast<int>(std::min<long>(k_max_sources, regular));
  for (int s = 0; s < sources; ++s) {
    m.source_titles.push_back(source_title(random));
    // One draw per statement: the operands of + are evaluated in an unspecified order (GCC
    // drew the day first, Clang the month, and their scenarios differed). The day first, as
    // the scenarios generated so far were.
    const int day = 1 + random.below(28);
    const int month = 1 + random.below(12);
    m.source_dates.push_back(numbered("2025-", month, 2) + "-" + numbered("", day, 2));
  }
}

// Picks `count` distinct parties other than `holder` with a partial Fisher-Yates shuffle of
// `pool`, a permutation of every party that stays one from call to call.
std::vector<int> audience_of(int holder, int count, std::vector<int>& pool, Random& random) {
  std::vector<int> chosen;
  const int size = static_cast<int>(pool.size());
  for (int i = 0; static_cast<int>(chosen.size()) < count; ++i) {
    const auto a = static_cast<std::size_t>(i);
    const auto b = static_cast<std::size_t>(i + random.below(size - i));
    std::swap(pool[a], pool[b]);
    if (pool[a] != holder) chosen.push_back(pool[a]);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

void add_positions(Model& m, const GeneratorOptions& o, Random& random) {
  const int others = o.parties - 1;
  const int audience = o.audience <= 0 || o.audience >= others ? others : o.audience;
  const int width = std::max(4, digits(o.positions_per_party));
  std::vector<int> pool(static_cast<std::size_t>(o.parties));
  for (int p = 0; p < o.parties; ++p) pool[static_cast<std::size_t>(p)] = p;
  for (int p = 0; p < o.parties; ++p) {
    for (int k = 0; k < o.positions_per_party; ++k) {
      Pos pos{.holder = p, .id = numbered("pos-", k + 1, width)};
      pos.issue = m.issue_ids[static_cast<std::size_t>(random.below(o.issues))];
      pos.demand = random.chance(0.7);
      pos.text = position_text(random);
      pos.priority = priority_of(random);
      pos.red_line = random.chance(o.red_lines);
      if (audience < others) pos.to = audience_of(p, audience, pool, random);
      const int sources = static_cast<int>(m.source_titles.size());
      const int index = static_cast<int>(m.positions.size());
      if (index < sources)
        pos.source = index;
      else if (sources > 0 && random.chance(0.1))
        pos.source = random.below(sources);
      if (pos.source >= 0 && random.chance(0.5)) pos.quote = quote_of(pos.text, random);
      if (random.chance(0.05)) pos.note = note_text(random);
      m.positions.push_back(std::move(pos));
    }
  }
}

// A condition for a stance of `party` on position `on`: mostly one of the party's own
// positions (I agree to yours if you agree to mine), else any regular position.
int condition_for(int party, int on, const GeneratorOptions& o, Random& random) {
  const int total = o.parties * o.positions_per_party;
  for (;;) {
    const int c = o.positions_per_party > 0 && random.chance(0.6)
                      ? party * o.positions_per_party + random.below(o.positions_per_party)
                      : random.below(total);
    if (c != on) return c;
  }
}

void add_stance(Model& m, int party, int on, const GeneratorOptions& o, Random& random) {
  StanceOut s{.party = party, .position = on};
  if (random.chance(o.conditional)) {
    s.stance = random.chance(0.5) ? "consider" : "reject";
    s.agree_if.push_back(condition_for(party, on, o, random));
    if (random.chance(0.3)) {
      const int second = condition_for(party, on, o, random);
      if (second != s.agree_if.front()) s.agree_if.push_back(second);
    }
  } else {
    const int r = random.below(100);
    s.stance = r < 40 ? "agree" : r < 75 ? "consider" : "reject";
  }
  if (o.positions_per_party > 0 && random.chance(0.3)) {
    s.via = party * o.positions_per_party + random.below(o.positions_per_party);
  }
  if (random.chance(0.1)) s.note = note_text(random);
  const int sources = static_cast<int>(m.source_titles.size());
  if (sources > 0 && random.chance(0.05)) s.source = random.below(sources);
  m.stances.push_back(std::move(s));
}

void add_stances(Model& m, const GeneratorOptions& o, Random& random) {
  const int regular = static_cast<int>(m.positions.size());
  for (int g = 0; g < regular; ++g) {
    const Pos& pos = m.positions[static_cast<std::size_t>(g)];
    const auto answer = [&](int q) {
      if (random.chance(o.answer_rate)) add_stance(m, q, g, o, random);
    };
    if (!pos.to.empty()) {
      for (int q : pos.to) answer(q);
    } else {
      for (int q = 0; q < o.parties; ++q) {
        if (q != pos.holder) answer(q);
      }
    }
  }
}

// Steps alternate between parties 0 and 1; each step's only audience is the other one, whose
// stance waits for the next step. A chain ends in an outright agree, a cycle closes on itself.
void add_links(Model& m, const GeneratorOptions& o, int length, bool cycle) {
  if (length <= 0) return;
  const std::string issue = cycle ? "cycle" : "chain";
  m.issue_ids.push_back(issue);
  m.issue_titles.push_back(cycle ? "A generated cycle of conditional stances"
                                 : "A generated chain of conditional stances");
  const int first = static_cast<int>(m.positions.size());
  for (int step = 1; step <= length; ++step) {
    const int holder = (step - 1) % 2;
    Pos pos{.holder = holder,
            .id = cycle ? cycle_id(step, length) : chain_id(step, length),
            .issue = issue};
    pos.text = "Step " + std::to_string(step) + " of " + std::to_string(length) +
               (cycle ? ", agreed only together with the whole cycle."
                      : ", agreed once the next step is.");
    if (o.parties > 2) pos.to = {1 - holder};
    m.positions.push_back(std::move(pos));
  }
  for (int step = 1; step <= length; ++step) {
    const int on = first + step - 1;
    StanceOut s{.party = 1 - (step - 1) % 2, .position = on, .stance = "consider"};
    if (!cycle && step == length) {
      s.stance = "agree";
    } else {
      s.agree_if.push_back(first + step % length);
    }
    m.stances.push_back(std::move(s));
  }
}

}  // namespace

std::string party_id(int index, int parties) {
  return numbered("p-", index + 1, std::max(3, digits(parties)));
}

std::string chain_id(int step, int length) {
  return numbered("chain-", step, std::max(4, digits(length)));
}

std::string cycle_id(int step, int length) {
  return numbered("cycle-", step, std::max(4, digits(length)));
}

GeneratedScenario generate_scenario(const GeneratorOptions& options) {
  Random random(options.seed);
  Model model;
  add_header(model, options, random);
  add_positions(model, options, random);
  add_stances(model, options, random);
  add_links(model, options, options.chain, false);
  add_links(model, options, options.cycle, true);
  return detail::write_model(model, options);
}

}  // namespace entente::generate
