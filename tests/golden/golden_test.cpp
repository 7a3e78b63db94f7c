// Golden tests: runs `entente` in-process on every folder of tests/golden/cases and compares
// its output exactly. A case folder holds:
//   cmd            the arguments after `entente`, separated by whitespace (no shell quoting);
//                  an argument starting with `input/` names a file of the case's input/ folder
//   input/         optional input files
//   expected.<ext> expected stdout (e.g. expected.txt, expected.json, expected.yaml);
//                  absent: stdout is empty
//   expected.err   expected stderr; absent: stderr is empty
//   exit_code      expected exit status; absent: 0
// ENTENTE_UPDATE_GOLDEN=1 rewrites the expected files from the actual output (as LLVM's
// update_test_checks.py does); review the diff before committing.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.h"

namespace {

namespace fs = std::filesystem;

// Relative to ENTENTE_SOURCE_DIR, so that messages show stable, repository-relative paths.
const char* const k_cases = "tests/golden/cases";

bool update_mode() {
  const char* value = std::getenv("ENTENTE_UPDATE_GOLDEN");
  return value != nullptr && *value != '\0' && std::string_view{value} != "0";
}

std::vector<std::string> discover_cases() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path{ENTENTE_SOURCE_DIR} / k_cases, ec)) {
    if (entry.is_directory()) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) == 0; }, '_');
  return name;
}

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    return std::nullopt;
  }
  return std::string{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

void write_text(const fs::path& path, std::string_view text) {
  std::ofstream out{path, std::ios::binary | std::ios::trunc};
  out << text;
  ASSERT_TRUE(out.flush()) << "cannot write " << path;
}

// Writes `text` to `path`, or removes `path` when the text is the default (empty).
void update_file(const fs::path& path, std::string_view text) {
  if (text.empty()) {
    fs::remove(path);
    return;
  }
  write_text(path, text);
}

// Lines for the diff, with control bytes made visible and a missing final newline shown.
std::vector<std::string> diff_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::string line;
  for (const char c : text) {
    if (c == '\n') {
      lines.push_back(std::exchange(line, {}));
    } else if (std::iscntrl(static_cast<unsigned char>(c)) != 0 && c != '\t') {
      constexpr std::string_view k_hex = "0123456789abcdef";
      const auto byte = static_cast<unsigned char>(c);
      line += std::string{"\\x"} + k_hex[byte >> 4] + k_hex[byte & 15];
    } else {
      line += c;
    }
  }
  if (!line.empty()) {
    lines.push_back(line);
    lines.emplace_back("\\ No newline at end of file");
  }
  return lines;
}

// (op, line) pairs of a longest-common-subsequence diff: op is ' ', '-' or '+'.
std::vector<std::pair<char, std::string>> diff_ops(const std::vector<std::string>& a,
                                                   const std::vector<std::string>& b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<std::pair<char, std::string>> ops;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.emplace_back(' ', a[i++]);
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.emplace_back('-', a[i++]);
    } else {
      ops.emplace_back('+', b[j++]);
    }
  }
  return ops;
}

// A unified-style diff (- expected, + actual) with two lines of context around changes.
std::string diff(std::string_view expected, std::string_view actual) {
  const auto a = diff_lines(expected);
  const auto b = diff_lines(actual);
  if (a.size() * b.size() > 4'000'000) {
    return "(outputs too long to diff)\n";
  }
  const auto ops = diff_ops(a, b);
  constexpr std::size_t k_context = 2;
  std::vector<bool> shown(ops.size(), false);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].first != ' ') {
      const std::size_t from = k < k_context ? 0 : k - k_context;
      const std::size_t to = std::min(ops.size(), k + k_context + 1);
      std::fill(shown.begin() + static_cast<std::ptrdiff_t>(from),
                shown.begin() + static_cast<std::ptrdiff_t>(to), true);
    }
  }
  std::string text;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (shown[k]) {
      text += ops[k].first + ops[k].second + "\n";
    } else if (k > 0 && shown[k - 1]) {
      text += "...\n";
    }
  }
  return text;
}

class Case : public testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() { fs::current_path(ENTENTE_SOURCE_DIR); }

  [[nodiscard]] fs::path dir() const { return fs::path{k_cases} / GetParam(); }

  [[nodiscard]] std::vector<std::string> args() const;
  [[nodiscard]] std::optional<fs::path> expected_out_file() const;
  void check(std::string_view command, std::string_view what, const fs::path& file,
             std::string_view actual) const;
};

std::vector<std::string> Case::args() const {
  const std::optional<std::string> cmd = read_text(dir() / "cmd");
  EXPECT_TRUE(cmd.has_value()) << "missing " << (dir() / "cmd");
  std::istringstream words{cmd.value_or("")};
  std::vector<std::string> args;
  for (std::string word; words >> word;) {
    args.push_back(word.starts_with("input/") ? (dir() / word).string() : word);
  }
  return args;
}

// The one `expected.*` that is not `expected.err`, if any.
std::optional<fs::path> Case::expected_out_file() const {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir())) {
    const fs::path name = entry.path().filename();
    if (name.stem() == "expected" && name.extension() != ".err") {
      found.push_back(entry.path());
    }
  }
  EXPECT_LE(found.size(), 1u) << dir() << " has more than one expected stdout file";
  std::sort(found.begin(), found.end());
  return found.empty() ? std::nullopt : std::optional{found.front()};
}

void Case::check(std::string_view command, std::string_view what, const fs::path& file,
                 std::string_view actual) const {
  const std::string expected = read_text(file).value_or("");
  if (expected != actual) {
    ADD_FAILURE() << what << " of `" << command << "` differs from " << file.string()
                  << " (- expected, + actual):\n"
                  << diff(expected, actual)
                  << "Run with ENTENTE_UPDATE_GOLDEN=1 to accept the actual output, then review "
                     "the diff.";
  }
}

// The extension of a new stdout file: the report format, when the command names one; YAML
// for `import`, which writes a scenario.
std::string guess_extension(const std::vector<std::string>& args) {
  if (!args.empty() && args.front() == "import") return ".yaml";
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string format;
    if (args[i].starts_with("--format=")) format = args[i].substr(9);
    if (args[i] == "--format" && i + 1 < args.size()) format = args[i + 1];
    if (format == "markdown") format = "md";
    if (format == "json" || format == "md" || format == "html" || format == "dot" ||
        format == "csv") {
      return "." + format;
    }
  }
  return ".txt";
}

TEST_P(Case, MatchesExpectedOutput) {
  const std::vector<std::string> args = this->args();
  std::ostringstream out;
  std::ostringstream err;
  const int exit_code = entente::cli::run(args, out, err);
  const std::string out_text = out.str();
  const std::string err_text = err.str();
  const fs::path out_path =
      expected_out_file().value_or(dir() / ("expected" + guess_extension(args)));
  if (update_mode()) {
    update_file(out_path, out_text);
    update_file(dir() / "expected.err", err_text);
    update_file(dir() / "exit_code", exit_code == 0 ? "" : std::to_string(exit_code) + "\n");
    return;
  }
  std::string command = "entente";
  for (const std::string& arg : args) {
    command += " " + arg;
  }
  check(command, "stdout", out_path, out_text);
  check(command, "stderr", dir() / "expected.err", err_text);
  const std::string expected_exit = read_text(dir() / "exit_code").value_or("0");
  EXPECT_EQ(std::stoi(expected_exit), exit_code) << "exit status of " << dir().string();
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Golden, Case, testing::ValuesIn(discover_cases()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Case);
