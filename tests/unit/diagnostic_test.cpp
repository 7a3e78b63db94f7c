#include "entente/diagnostic.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace entente {
namespace {

Diagnostic error_at(std::string file, int line, int column, std::string message) {
  return {{std::move(file), line, column}, Severity::error, std::move(message)};
}

Diagnostic warning_at(std::string file, int line, int column, std::string message) {
  return {{std::move(file), line, column}, Severity::warning, std::move(message)};
}

std::string spaces(std::size_t n) { return std::string(n, ' '); }

// format_diagnostic

TEST(Diagnostic, FormatsFileLineColumnSeverityAndMessage) {
  EXPECT_EQ("s.yaml:4:11: error: unknown stance 'maybe'",
            format_diagnostic(error_at("s.yaml", 4, 11, "unknown stance 'maybe'")));
  EXPECT_EQ("positions/a/b.yaml:1:1: warning: source 's' is not cited",
            format_diagnostic(warning_at("positions/a/b.yaml", 1, 1, "source 's' is not cited")));
}

TEST(Diagnostic, FormatsWithoutLineAndColumnWhenLineIsUnknown) {
  EXPECT_EQ("s.yaml: error: the file is empty",
            format_diagnostic(error_at("s.yaml", 0, 0, "the file is empty")));
  EXPECT_EQ("s.yaml: warning: odd", format_diagnostic(warning_at("s.yaml", 0, 7, "odd")));
}

TEST(Diagnostic, EscapesControlBytesInMessageAndFileName) {
  EXPECT_EQ(R"(s.yaml:1:2: error: unknown stance 'a\x1b[2Jb')",
            format_diagnostic(error_at("s.yaml", 1, 2, "unknown stance 'a\x1b[2Jb'")));
  // A party file's name comes from the folder listing, so a hostile folder controls it.
  EXPECT_EQ(R"(\x1b]0;pwned\x07.yaml:1:8: error: x)",
            format_diagnostic(error_at("\x1b]0;pwned\x07.yaml", 1, 8, "x")));
}

TEST(Diagnostic, EscapesC1ControlsAndBytesThatAreNotUtf8) {
  EXPECT_EQ(R"(s.yaml: error: a\xc2\x9b31m \x9b31m \xff é)",
            format_diagnostic(error_at("s.yaml", 0, 0,
                                       "a\xc2\x9b"
                                       "31m \x9b"
                                       "31m \xff é")));
}

TEST(Diagnostic, SeverityHasLowercaseNames) {
  EXPECT_EQ("error", to_string(Severity::error));
  EXPECT_EQ("warning", to_string(Severity::warning));
}

// format_excerpt

TEST(Diagnostic, ExcerptPutsCaretUnderColumn) {
  EXPECT_EQ("        stance: maybe\n" + spaces(4 + 12) + "^",
            format_excerpt("    stance: maybe", 13));
  EXPECT_EQ("    x: 1\n    ^", format_excerpt("x: 1", 1));
}

TEST(Diagnostic, ExcerptIsEmptyForEmptyLine) { EXPECT_EQ("", format_excerpt("", 3)); }

TEST(Diagnostic, ExcerptPutsCaretAtLineStartForUnknownColumn) {
  EXPECT_EQ("    abc\n    ^", format_excerpt("abc", 0));
  EXPECT_EQ("    abc\n    ^", format_excerpt("abc", -5));
}

TEST(Diagnostic, ExcerptPutsCaretJustAfterLineWhenColumnIsPastTheEnd) {
  EXPECT_EQ("    ab\n      ^", format_excerpt("ab", 3));
  EXPECT_EQ("    ab\n      ^", format_excerpt("ab", 40));
}

TEST(Diagnostic, ExcerptCountsOneCellPerUtf8CharacterBeforeCaret) {
  // Columns are bytes: 'x' is byte 19 after the two-byte 'Ö', but the 18th character.
  EXPECT_EQ("    name: Österreich x\n" + spaces(4 + 17) + "^",
            format_excerpt("name: Österreich x", 19));
  // Three-byte characters and a four-byte emoji.
  EXPECT_EQ("    日本 🙂 x\n" + spaces(4 + 5) + "^", format_excerpt("日本 🙂 x", 13));
}

TEST(Diagnostic, ExcerptTurnsTabsIntoSingleSpaces) {
  EXPECT_EQ("    a b\n      ^", format_excerpt("a\tb", 3));
}

TEST(Diagnostic, ExcerptEscapesControlBytesAndMovesCaretPastTheirEscapes) {
  EXPECT_EQ(R"(    a\x1bb)"
            "\n" +
                spaces(4 + 5) + "^",
            format_excerpt("a\x1b"
                           "b",
                           3));
  EXPECT_EQ(R"(    a\x7fb)"
            "\n" +
                spaces(4 + 5) + "^",
            format_excerpt("a\x7f"
                           "b",
                           3));
  EXPECT_EQ(R"(    a\x00b)"
            "\n" +
                spaces(4 + 5) + "^",
            format_excerpt(std::string_view("a\0b", 3), 3));
}

TEST(Diagnostic, ExcerptEscapesC1ControlsAndInvalidUtf8) {
  // The lines of a file rejected for bad bytes are echoed too: U+009B (CSI) and a raw 0x9B.
  EXPECT_EQ(R"(    a\xc2\x9bb)"
            "\n" +
                spaces(4 + 9) + "^",
            format_excerpt("a\xc2\x9b"
                           "b",
                           4));
  EXPECT_EQ(R"(    a\x9bb)"
            "\n" +
                spaces(4 + 5) + "^",
            format_excerpt("a\x9b"
                           "b",
                           3));
  EXPECT_EQ(R"(    title: caf\xff)"
            "\n" +
                spaces(4 + 10) + "^",
            format_excerpt("title: caf\xff", 11));
}

TEST(Diagnostic, ExcerptCutsLongLineAroundColumnWithEllipses) {
  std::string line(300, 'a');
  line[200] = 'X';
  const std::string shown = line.substr(150, 100);
  EXPECT_EQ("    ..." + shown + "...\n" + spaces(4 + 3 + 50) + "^", format_excerpt(line, 201));
}

TEST(Diagnostic, ExcerptCutsOnlyTheEndWhenColumnIsNearTheStart) {
  const std::string line = "x" + std::string(299, 'b');
  EXPECT_EQ("    " + line.substr(0, 100) + "...\n" + spaces(4) + "^", format_excerpt(line, 1));
}

TEST(Diagnostic, ExcerptCutsOnlyTheStartWhenColumnIsNearTheEnd) {
  // The window still shows a full width, ending at the end of the line.
  const std::string line = std::string(299, 'b') + "x";
  EXPECT_EQ("    ..." + line.substr(200) + "\n" + spaces(4 + 3 + 99) + "^",
            format_excerpt(line, 300));
}

TEST(Diagnostic, ExcerptDoesNotCutLineThatFitsTheWidth) {
  const std::string line = std::string(99, 'b') + "x";
  EXPECT_EQ("    " + line + "\n" + spaces(4 + 99) + "^", format_excerpt(line, 100));
}

TEST(Diagnostic, ExcerptNeverCutsUtf8CharacterInHalf) {
  // 'é' takes bytes 149-150, so a window starting at byte 150 starts after it instead; at the
  // far end 'é' takes bytes 250-251, so the window ends before it.
  std::string line = std::string(149, 'a') + "é" + std::string(99, 'b') + "é" + "cccc";
  const std::size_t caret = 200;  // byte index of a 'b'
  const std::string out = format_excerpt(line, static_cast<int>(caret + 1));
  EXPECT_EQ("    ..." + std::string(99, 'b') + "...\n" + spaces(4 + 3 + 49) + "^", out);
}

// sort_diagnostics

TEST(Diagnostic, SortsByFileThenLineThenColumn) {
  std::vector<Diagnostic> ds{
      error_at("b.yaml", 1, 1, "b1"),  error_at("a.yaml", 10, 2, "a10"),
      error_at("a.yaml", 9, 30, "a9"), error_at("a.yaml", 10, 1, "a10c1"),
      error_at("a.yaml", 0, 0, "a0"),
  };
  sort_diagnostics(ds);
  std::vector<std::string> messages;
  for (const Diagnostic& d : ds) messages.push_back(d.message);
  EXPECT_EQ((std::vector<std::string>{"a0", "a9", "a10c1", "a10", "b1"}), messages);
}

TEST(Diagnostic, SortKeepsOrderOfDiagnosticsAtTheSamePlace) {
  std::vector<Diagnostic> ds{error_at("a.yaml", 2, 1, "second"), error_at("a.yaml", 1, 1, "z"),
                             error_at("a.yaml", 2, 1, "first"),
                             warning_at("a.yaml", 2, 1, "third")};
  sort_diagnostics(ds);
  const std::vector<Diagnostic> expected{
      error_at("a.yaml", 1, 1, "z"), error_at("a.yaml", 2, 1, "second"),
      error_at("a.yaml", 2, 1, "first"), warning_at("a.yaml", 2, 1, "third")};
  EXPECT_EQ(expected, ds);
}

TEST(Diagnostic, SortDropsExactDuplicates) {
  std::vector<Diagnostic> ds{error_at("a.yaml", 2, 1, "x"), error_at("a.yaml", 1, 1, "y"),
                             error_at("a.yaml", 2, 1, "x"), warning_at("a.yaml", 2, 1, "x")};
  sort_diagnostics(ds);
  const std::vector<Diagnostic> expected{error_at("a.yaml", 1, 1, "y"),
                                         error_at("a.yaml", 2, 1, "x"),
                                         warning_at("a.yaml", 2, 1, "x")};
  EXPECT_EQ(expected, ds);
}

TEST(Diagnostic, SortDropsDuplicatesThatAreNotNeighbours) {
  std::vector<Diagnostic> ds{error_at("a.yaml", 2, 1, "x"), error_at("a.yaml", 2, 1, "y"),
                             error_at("a.yaml", 2, 1, "x")};
  sort_diagnostics(ds);
  const std::vector<Diagnostic> expected{error_at("a.yaml", 2, 1, "x"),
                                         error_at("a.yaml", 2, 1, "y")};
  EXPECT_EQ(expected, ds);
}

TEST(Diagnostic, SortAcceptsEmptyList) {
  std::vector<Diagnostic> ds;
  sort_diagnostics(ds);
  EXPECT_TRUE(ds.empty());
}

// has_errors

TEST(Diagnostic, HasErrorsIsFalseForNoDiagnostics) { EXPECT_FALSE(has_errors({})); }

TEST(Diagnostic, HasErrorsIsFalseForWarningsOnly) {
  EXPECT_FALSE(has_errors({warning_at("a.yaml", 1, 1, "w"), warning_at("b.yaml", 0, 0, "v")}));
}

TEST(Diagnostic, HasErrorsIsTrueWhenAnyDiagnosticIsAnError) {
  EXPECT_TRUE(has_errors({warning_at("a.yaml", 1, 1, "w"), error_at("a.yaml", 2, 1, "e")}));
  EXPECT_TRUE(has_errors({error_at("a.yaml", 0, 0, "e")}));
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

TEST(Diagnostic, LimitKeepsTheFirstAndCountsTheRest) {
  std::vector<Diagnostic> many;
  for (int line = 1; line <= 5; ++line) {
    many.push_back({{"f.yaml", line, 1}, Severity::error, "bad"});
  }
  const auto limited = limit_diagnostics(many, 3);
  ASSERT_EQ(4u, limited.size());
  EXPECT_EQ(3, limited[2].where.line);
  EXPECT_EQ("f.yaml: error: 2 more problems not shown (the first 3 are)",
            format_diagnostic(limited[3]));
  EXPECT_EQ(many, limit_diagnostics(many, 5));
}

}  // namespace
}  // namespace entente
