#include "loader/flow_scan.h"

#include <string>

#include <gtest/gtest.h>

namespace entente::detail {
namespace {

std::string first_error(std::string_view text, const FlowLimits& limits = {}) {
  const auto result = scan_flow(text, "f.yaml", limits);
  return result ? std::string("ok") : format_diagnostic(result.error().front());
}

TEST(FlowScan, AcceptsOrdinaryFlowCollections) {
  EXPECT_EQ("ok", first_error("to: [a, b]\nx: {id: y, text: \"a ] b\"}\n- [[1], {a: [2]}]\n"));
}

TEST(FlowScan, RejectsARunOfOpenersAtTheFirstOneTooDeep) {
  EXPECT_EQ("f.yaml:2:7: error: nesting deeper than 3 levels",
            first_error("a: 1\nb: [[[[[[[[", {.max_depth = 3}));
}

TEST(FlowScan, RejectsALongFlowCollectionAtItsOpener) {
  std::string text = "title: x\nparties: [";
  for (int i = 0; i < 100; ++i) text += "a, ";
  text += "b]\n";
  EXPECT_EQ(
      "f.yaml:2:10: error: a [...] or {...} collection longer than 0 KiB; write long lists in "
      "block style, one '- item' a line",
      first_error(text, {.max_span = 200}));
  EXPECT_EQ("ok", first_error(text, {.max_span = 400}));
}

TEST(FlowScan, IgnoresBracketsInQuotesCommentsPlainAndBlockScalars) {
  const std::string many(100, '[');
  const std::string text = "a: \"" + many + "\"\nb: '" + many + "'\n# " + many + "\nc: plain " +
                           many + "\nd: |\n  " + many + "\n  more " + many + "\ne: >-\n\n  " +
                           many + "\nf: [x, '" + many + "', \"" + many + "\"] # " + many + "\n";
  EXPECT_EQ("ok", first_error(text, {.max_depth = 3}));
}

TEST(FlowScan, EndsABlockScalarAtTheFirstLineNotIndentedDeeper) {
  EXPECT_EQ("f.yaml:4:8: error: nesting deeper than 2 levels",
            first_error("  d: |\n    [[[\n\n  e: [[[x]]]\n", {.max_depth = 2}));
}

TEST(FlowScan, ApostrophesInsidePlainScalarsDoNotOpenQuotes) {
  EXPECT_EQ("ok", first_error("a: [it's, ok]\nb: it's [fine\nc: [d]\n", {.max_depth = 1}));
}

}  // namespace
}  // namespace entente::detail
