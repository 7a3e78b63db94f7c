// `entente check`'s answers for scripts: the verdict, the summary line, GitHub annotations.
#include "entente/reports/check.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace entente::reports {
namespace {

Diagnostic at(std::string_view file, int line, int column, Severity severity,
              std::string message) {
  return {.where = {.file = FileName(file), .line = line, .column = column},
          .severity = severity,
          .message = std::move(message)};
}

TEST(CheckResult, WarningsFailOnlyWhenStrictAndAScenarioThatDidNotLoadIsNeverOk) {
  const std::vector<Diagnostic> warning{at("a.yaml", 1, 1, Severity::warning, "w")};
  CheckResult result{.scenario = "s", .diagnostics = warning, .counts = ScenarioCounts{}};
  EXPECT_TRUE(result.ok());
  EXPECT_EQ("s: ok (0 parties, 0 issues, 0 positions, 0 stances, 1 warning)",
            check_summary(result));
  result.strict = true;
  EXPECT_FALSE(result.ok());
  EXPECT_EQ("s: 0 errors, 1 warning, warnings fail (strict)", check_summary(result));
  result.counts.reset();
  result.strict = false;
  EXPECT_FALSE(result.ok());
}

TEST(CheckWriter, GithubAnnotationsEscapeWhatWorkflowCommandsReserve) {
  const std::vector<Diagnostic> diagnostics{
      at("odd,name:1%.yaml", 3, 7, Severity::error, "50%: a\nb, c:d"),
      at("", 0, 0, Severity::warning, "not in a file")};
  const CheckResult result{.scenario = "s", .diagnostics = diagnostics};
  std::ostringstream out;
  write_check(result, CheckFormat::github, out);
  EXPECT_EQ(
      "::error file=odd%2Cname%3A1%25.yaml,line=3,col=7,title=entente::50%25: a%0Ab, c:d\n"
      "::warning title=entente::not in a file\n"
      "s: 1 error, 1 warning\n",
      out.str());
}

}  // namespace
}  // namespace entente::reports
