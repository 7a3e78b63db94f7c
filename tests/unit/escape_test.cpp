#include "escape.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace entente::reports::detail {
namespace {

TEST(Escape, JsonStringQuotesAndEscapesQuotesAndBackslashes) {
  EXPECT_EQ(json_string(R"(say "hi" \ bye)"), R"("say \"hi\" \\ bye")");
  EXPECT_EQ(json_string(""), R"("")");
}

TEST(Escape, JsonStringWritesEveryControlByteAndDelAsUnicodeEscapes) {
  EXPECT_EQ(json_string("a\nb\tc\rd"), R"("a\u000ab\u0009c\u000dd")");
  EXPECT_EQ(json_string(std::string_view("\x00\x01\x1b\x1f\x7f", 5)),
            R"("\u0000\u0001\u001b\u001f\u007f")");
}

TEST(Escape, JsonStringPassesUtf8AndHtmlThrough) {
  EXPECT_EQ(json_string("Россия, Österreich, 日本 🙂"),
            "\"Россия, Österreich, 日本 🙂\"");
  EXPECT_EQ(json_string("</script><script>alert(1)</script>"),
            "\"</script><script>alert(1)</script>\"");
}

TEST(Escape, JsonStringReplacesInvalidUtf8WithReplacementCharacter) {
  EXPECT_EQ(json_string("a\xff"
                        "b"),
            R"("a\ufffdb")");
  EXPECT_EQ(json_string("\xc0\xaf"), R"("\ufffd\ufffd")");                      // overlong '/'
  EXPECT_EQ(json_string("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")");            // surrogate
  EXPECT_EQ(json_string("\xe6\x97"), R"("\ufffd\ufffd")");                      // cut short
  EXPECT_EQ(json_string("\xf4\x90\x80\x80"), R"("\ufffd\ufffd\ufffd\ufffd")");  // > U+10FFFF
}

// Plain runs are scanned sixteen and eight bytes at a time: every special byte must be found
// at every offset of a block, and the bytes on either side of the specials' values must stay
// plain.
TEST(Escape, JsonStringFindsASpecialByteAtEveryPlaceOfALongString) {
  const std::vector<std::pair<std::string, std::string>> specials{{"\"", "\\\""},
                                                                  {"\\", "\\\\"},
                                                                  {"\n", "\\u000a"},
                                                                  {"\x1f", "\\u001f"},
                                                                  {std::string(1, '\0'), "\\u0000"},
                                                                  {"\x7f", "\\u007f"},
                                                                  {"é", "é"},
                                                                  {"\xff", "\\ufffd"},
                                                                  {"!", "!"},
                                                                  {"#", "#"},
                                                                  {"[", "["},
                                                                  {"]", "]"},
                                                                  {"~", "~"},
                                                                  {" ", " "}};
  for (const auto& [raw, escaped] : specials) {
    for (std::size_t at = 0; at < 40; ++at) {  // two blocks of 16, one of 8, and single bytes
      const std::string text = std::string(at, 'a') + raw + std::string(39 - at, 'b');
      const std::string expected =
          "\"" + std::string(at, 'a') + escaped + std::string(39 - at, 'b') + "\"";
      EXPECT_EQ(json_string(text), expected) << "at " << at << ": " << escaped;
      // The printer's shortcut: a plain string is only put in quotes.
      EXPECT_EQ(plain_json(text), raw == escaped && raw != "é") << "at " << at << ": " << escaped;
    }
  }
}

TEST(Escape, PlainJsonIsWhatJsonStringOnlyQuotes) {
  EXPECT_TRUE(plain_json(""));
  EXPECT_TRUE(plain_json("p-001/pos-0001 says: ok!"));
  EXPECT_FALSE(plain_json("\"quoted\""));
  EXPECT_FALSE(plain_json("back\\slash"));
  EXPECT_FALSE(plain_json("Österreich"));  // valid UTF-8 passes through, but not as plain
  EXPECT_FALSE(plain_json(std::string_view("\0", 1)));
}

TEST(Escape, TerminalShowsControlBytesAsHex) {
  EXPECT_EQ(terminal("a\x1b[31mred\x1b[0m"), R"(a\x1b[31mred\x1b[0m)");
  EXPECT_EQ(terminal("line\nnext\ttab\r\x7f"), R"(line\x0anext\x09tab\x0d\x7f)");
  EXPECT_EQ(terminal(std::string_view("\x00", 1)), R"(\x00)");
}

TEST(Escape, TerminalShowsC1ControlsAndInvalidBytesAsHex) {
  EXPECT_EQ(terminal("\xc2\x9b"
                     "31m"),
            R"(\xc2\x9b31m)");  // U+009B, CSI
  EXPECT_EQ(terminal("\x9b"
                     "31m"),
            R"(\x9b31m)");  // a raw 8-bit CSI
  EXPECT_EQ(terminal("ok\xff"), R"(ok\xff)");
}

TEST(Escape, TerminalKeepsPrintableUtf8) {
  EXPECT_EQ(terminal("Россия – Österreich, 日本 é"), "Россия – Österreich, 日本 é");
  EXPECT_EQ(terminal("\xc2\xa0"), "\xc2\xa0");  // U+00A0 is printable, not C1
}

// The fast path of terminal() and display_width(): printable ASCII, space to '~', only.
TEST(Escape, PrintableAsciiIsSpaceToTildeAndNothingElse) {
  EXPECT_TRUE(printable_ascii(""));
  EXPECT_TRUE(printable_ascii(" ~ !p-001/pos-0001"));
  for (const char c : {'\x1f', '\x7f', '\t', '\n', '\x80', '\xc3', '\xff'}) {
    EXPECT_FALSE(printable_ascii(std::string("a") + c + "b")) << static_cast<int>(c);
  }
  // The slow path still answers where the fast one does not.
  EXPECT_EQ(terminal("a\x7f b"), "a\\x7f b");
  EXPECT_EQ(display_width("a \xe4\xb8\xad"), 4);  // a, space, one wide character
}

TEST(Escape, HtmlEscapesMarkupCharacters) {
  EXPECT_EQ(html(R"(<script>alert('x & "y"')</script>)"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;");
  EXPECT_EQ(html("Österreich"), "Österreich");
}

TEST(Escape, DotEscapesQuotesBackslashesAndNewlines) {
  EXPECT_EQ(dot(R"(a "b" \c)"), R"(a \"b\" \\c)");
  EXPECT_EQ(dot("one\r\ntwo\nthree"), R"(one\ntwo\nthree)");
  EXPECT_EQ(dot("bell\x07"), "bell ");
}

TEST(Escape, DotReplacesBytesThatAreNotUtf8AndKeepsUtf8) {
  EXPECT_EQ(dot("ok\xff"), "ok\xEF\xBF\xBD");
  EXPECT_EQ(dot("Россия, 日本"), "Россия, 日本");
  EXPECT_EQ(dot(R"(<script>alert(1)</script>)"), "<script>alert(1)</script>");  // quoted: text
  EXPECT_EQ(dot("&lt; & &#92;"), "&amp;lt; &amp; &amp;#92;");  // entities shown as written
}

TEST(Escape, MarkdownEscapesEveryMarkupCharacter) {
  EXPECT_EQ(markdown(R"(<script>alert(1)</script>)"), R"(\<script\>alert(1)\</script\>)");
  EXPECT_EQ(markdown(R"(*a* _b_ `c` [d](e) ![f](g) {h} a|b ~~i~~ &lt; # + - \)"),
            R"(\*a\* \_b\_ \`c\` \[d\](e) \!\[f\](g) \{h\} a\|b \~\~i\~\~ \&lt; \# \+ \- \\)");
  EXPECT_EQ(markdown("Plain words, quotes \"and\" 'these'."), "Plain words, quotes \"and\" 'these'.");
}

TEST(Escape, MarkdownEscapesLineStartsThatWouldOpenABlock) {
  EXPECT_EQ(markdown("1. first"), R"(1\. first)");
  EXPECT_EQ(markdown("2021) x"), R"(2021\) x)");
  EXPECT_EQ(markdown("=== x"), R"(\=== x)");
  EXPECT_EQ(markdown("- item"), R"(\- item)");
  EXPECT_EQ(markdown("# heading"), R"(\# heading)");
  EXPECT_EQ(markdown("> quote"), R"(\> quote)");
  EXPECT_EQ(markdown("3.5 percent"), "3.5 percent");  // digits then a digit: no list
}

TEST(Escape, MarkdownKeepsLineBreaksAsHardBreaksAndDropsBlankLinesAndIndentation) {
  EXPECT_EQ(markdown("one\ntwo\r\n\n\n    1. three  \n"), "one\\\ntwo\\\n1\\. three");
  EXPECT_EQ(markdown("  \n\t\n"), "");
}

TEST(Escape, MarkdownShowsControlsAsSpacesAndBytesThatAreNotUtf8AsReplacement) {
  EXPECT_EQ(markdown("a\x1b[31mb\tc"), R"(a \[31mb c)");
  EXPECT_EQ(markdown("ok\xff"), "ok\xEF\xBF\xBD");
  EXPECT_EQ(markdown("Россия – 日本"), "Россия – 日本");
}

TEST(Escape, MarkdownCellKeepsOneLineAndEscapesPipes) {
  EXPECT_EQ(markdown_cell("a | b\nc\r\nd"), R"(a \| b c d)");
  EXPECT_EQ(markdown_cell("1. x"), R"(1\. x)");
}

TEST(Escape, MarkdownCodeChoosesAFenceLongerThanAnyBacktickRun) {
  EXPECT_EQ(markdown_code("tenant/rent-cap-3"), "`tenant/rent-cap-3`");
  EXPECT_EQ(markdown_code("a ` b"), "``a ` b``");
  EXPECT_EQ(markdown_code("``x"), "``` ``x ```");
  EXPECT_EQ(markdown_code("<b>*x*</b>\ny"), "`<b>*x*</b> y`");  // code spans show markup as is
  EXPECT_EQ(markdown_code(""), "");
}

TEST(Escape, DisplayWidthCountsCodePointsNotBytes) {
  EXPECT_EQ(display_width(""), 0);
  EXPECT_EQ(display_width("abc"), 3);
  EXPECT_EQ(display_width("Россия"), 6);
  EXPECT_EQ(display_width("Österreich"), 10);
}

TEST(Escape, DisplayWidthCountsWideCharactersAsTwoColumns) {
  EXPECT_EQ(display_width("日本"), 4);
  EXPECT_EQ(display_width("한국"), 4);
  EXPECT_EQ(display_width("Ａ"), 2);  // fullwidth Latin
  EXPECT_EQ(display_width("ｱ"), 1);   // halfwidth katakana
  EXPECT_EQ(display_width("🙂"), 2);
}

TEST(Escape, DisplayWidthCountsCombiningMarksAndZeroWidthCharactersAsNothing) {
  EXPECT_EQ(display_width("O\u0308sterreich"), 10);  // decomposed Ö
  EXPECT_EQ(display_width("e\u0301\u20d7"), 1);
  EXPECT_EQ(display_width("a\u200bb\u200d"), 2);
  EXPECT_EQ(display_width("x\ufe20\u1ab0\u1dc0"), 1);
}

TEST(Escape, DisplayWidthCountsEachInvalidByteAsOneColumn) {
  EXPECT_EQ(display_width("\xff\xfe"), 2);
  EXPECT_EQ(display_width("a\xe6\x97"), 3);
}

TEST(Escape, PadRightPadsToDisplayWidth) {
  EXPECT_EQ(pad_right("Россия", 8), "Россия  ");
  EXPECT_EQ(pad_right("日本", 6), "日本  ");
  EXPECT_EQ(pad_right("Österreich", 4), "Österreich");
  EXPECT_EQ(display_width(pad_right("O\u0308", 3)), 3);
}

TEST(Escape, TruncateCutsOnCharacterBoundariesAndMarksTheCut) {
  EXPECT_EQ(truncate("Österreich", 10), "Österreich");
  EXPECT_EQ(truncate("Österreich-Ungarn", 8), "Öster...");
  EXPECT_EQ(truncate("日本語のテキスト", 8), "日本...");
  EXPECT_EQ(truncate("Россия", 2), "Ро");
}

}  // namespace
}  // namespace entente::reports::detail
