#pragma once
// The answer of `entente check` for scripts and CI: JSON, or GitHub workflow annotations. (The
// text for a terminal, each diagnostic with its source line and a caret, is the CLI's.)

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "entente/diagnostic.h"

namespace entente::reports {

/// How much a scenario that loaded holds.
struct ScenarioCounts {
  std::size_t parties = 0;
  std::size_t issues = 0;
  std::size_t positions = 0;
  std::size_t stances = 0;
};

struct CheckResult {
  std::string_view scenario{};               ///< the path as given
  std::span<const Diagnostic> diagnostics{};  ///< sorted: errors, or the warnings of a valid one
  std::optional<ScenarioCounts> counts{};    ///< set when the scenario loaded
  bool strict = false;                       ///< warnings fail the check
  /// No error, and no warning when strict.
  bool ok() const;
  std::size_t errors() const;
  std::size_t warnings() const;
};

/// `PATH: ok (3 parties, 17 issues, 28 positions, 40 stances, 1 warning)`, or when not ok
/// `PATH: 2 errors, 1 warning` (and `, warnings fail (strict)` when only warnings failed it).
std::string check_summary(const CheckResult& result);

enum class CheckFormat { json, github };

/// Writes `result` as JSON (its keys: reports/src/json/check.cpp) or as GitHub Actions workflow
/// commands (`::error file=F,line=L,col=C::message`, one per diagnostic, then a summary line).
void write_check(const CheckResult& result, CheckFormat format, std::ostream& out);

}  // namespace entente::reports
