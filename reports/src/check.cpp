// What every form of `entente check`'s answer shares: its verdict and its summary line.
#include <algorithm>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "entente/reports/check.h"
#include "text/style.h"

namespace entente::reports {
namespace {

using detail::plural;

std::size_t of_severity(const CheckResult& result, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                    [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace

std::size_t CheckResult::errors() const { return of_severity(*this, Severity::error); }
std::size_t CheckResult::warnings() const { return of_severity(*this, Severity::warning); }
bool CheckResult::ok() const {
  return counts.has_value() && errors() == 0 && !(strict && warnings() > 0);
}

std::string check_summary(const CheckResult& result) {
  const std::string warnings = plural(result.warnings(), "warning", "warnings");
  if (result.ok()) {
    std::string text = fmt::format("{}: ok ({}, {}, {}, {}", result.scenario,
                                   plural(result.counts->parties, "party", "parties"),
                                   plural(result.counts->issues, "issue", "issues"),
                                   plural(result.counts->positions, "position", "positions"),
                                   plural(result.counts->stances, "stance", "stances"));
    if (result.warnings() > 0) text += ", " + warnings;
    return text + ")";
  }
  std::string text = fmt::format("{}: {}, {}", result.scenario,
                                 plural(result.errors(), "error", "errors"), warnings);
  if (result.errors() == 0) text += ", warnings fail (strict)";
  return text;
}

}  // namespace entente::reports
