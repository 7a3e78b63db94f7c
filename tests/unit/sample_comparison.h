#pragma once
// A comparison with an entry in every list, built by hand so the comparison writer tests need
// no reports to compare; shared by the Markdown and HTML writer tests.

#include <string>
#include <vector>

#include "entente/reports/comparison.h"
#include "sample_report.h"

namespace entente::reports::testing {

inline Comparison every_change() {
  Comparison c;
  c.added = {"tenant/cap-3"};
  c.withdrawn = {"tenant/cat"};
  c.edits = {{"tenant/freeze", "text", "No rise.", "No rise at all."},
             {"tenant/freeze", "priority", "3", "5"}};
  c.stances = {{"landlord/plus-8", "tenant", EffectiveStance::silent, EffectiveStance::reject},
               {"tenant/repairs", "landlord", EffectiveStance::consider, EffectiveStance::agree}};
  c.positions = {
      {.ref = "landlord/plus-8",
       .from = PositionStatus::unanswered,
       .to = PositionStatus::sticking,
       .deadlock_to = true},
      {.ref = "tenant/cap-3", .to = PositionStatus::open},
      {.ref = "tenant/cat", .from = PositionStatus::open},
      {.ref = "tenant/repairs", .from = PositionStatus::open, .to = PositionStatus::agreed}};
  c.sticking_resolved = {"tenant/old-sticking"};
  c.sticking_created = {"landlord/plus-8"};
  c.deadlocks_broken = {"tenant/old-deadlock"};
  c.deadlocks_created = {"landlord/plus-8"};
  c.packages_formed = {{"landlord/a", "tenant/b"}};
  c.packages_dissolved = {{"landlord/two-years", "tenant/repairs"}};
  c.conditions_met = {{"tenant/repairs", "landlord", {"landlord/two-years"}}};
  c.conditions_unmet = {{"tenant/x", "landlord", {"tenant/y", "tenant/z"}}};
  c.issues = {{"rent", IssueStatus::contested, IssueStatus::deadlocked},
              {"term", IssueStatus::open, IssueStatus::agreed}};
  return c;
}

/// every_change() with k_hostile in every reference, party and edited value (and so in the verdict).
inline Comparison hostile_change() {
  const std::string h = k_hostile;
  Comparison c = every_change();
  c.added = c.withdrawn = c.sticking_resolved = c.sticking_created = {h};
  c.deadlocks_broken = c.deadlocks_created = {h};
  c.packages_formed = c.packages_dissolved = {{h, h}};
  for (EditChange& e : c.edits) e.ref = e.from = e.to = h;
  for (StanceMove& m : c.stances) m.position = m.party = h;
  for (StatusChange& p : c.positions) p.ref = h;
  for (ConditionChange& k : c.conditions_met) k.position = k.party = h, k.agree_if = {h};
  c.conditions_unmet = c.conditions_met;
  for (IssueChange& i : c.issues) i.id = h;
  return c;
}

}  // namespace entente::reports::testing
