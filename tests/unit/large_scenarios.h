#pragma once
// Scenarios large enough that every pass that can splits them over two threads.

#include <string>

#include "entente/model.h"

namespace entente::test {

/// `count` positions of party a, then b's own position q, then a stance of b on each of a's
/// positions in reverse order (the stance on a/pN is stance count - 1 - N): through q when N
/// is even, a rejection when N % 3 == 0 (else agreement), on the condition of the next
/// position. Not validated; it is valid.
inline Scenario reversed_stances(int count) {
  Scenario s;
  s.parties = {{.id = "a"}, {.id = "b"}};
  s.issues = {{.id = "i"}};
  for (int n = 0; n < count; ++n) {
    s.positions.push_back({.party = "a", .id = "p" + std::to_string(n), .issue = {"i"}});
  }
  s.positions.push_back({.party = "b", .id = "q", .issue = {"i"}});
  for (int n = count - 1; n >= 0; --n) {
    StanceDecl st{.party = "b",
                  .position = {"a/p" + std::to_string(n)},
                  .stance = n % 3 == 0 ? Stance::reject : Stance::agree,
                  .agree_if = {{"a/p" + std::to_string((n + 1) % count)}}};
    if (n % 2 == 0) st.via = IdRef{"q"};
    s.stances.push_back(std::move(st));
  }
  return s;
}

}  // namespace entente::test
