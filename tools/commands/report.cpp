// `entente report SCENARIO [--format F] [-o FILE]`: the analysis of a scenario.

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <ostream>
#include <sstream>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "commands/commands.h"
#include "entente/analysis.h"
#include "entente/loader.h"
#include "entente/position_graph.h"

namespace entente::cli {
namespace {

namespace fs = std::filesystem;

// Listed here for --help and for the error message; reports::parse_format() decides.
std::vector<std::string> format_names() { return {"text", "json"}; }

// Removes the temporary file unless it was renamed into place, so that no failure, early
// return or exception leaves a half-written file behind.
class TempFile {
 public:
  explicit TempFile(std::string path_template) : path_(std::move(path_template)) {
    fd_ = ::mkstemp(path_.data());
    created_ = fd_ >= 0;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    close();
    if (created_ && !renamed_) {
      ::unlink(path_.c_str());
    }
  }

  [[nodiscard]] bool created() const { return created_; }
  [[nodiscard]] int fd() const { return fd_; }
  bool close() {
    const int fd = std::exchange(fd_, -1);
    return fd < 0 || ::close(fd) == 0;
  }
  bool rename_to(const fs::path& target) {
    renamed_ = ::rename(path_.c_str(), target.c_str()) == 0;
    return renamed_;
  }

 private:
  std::string path_;
  int fd_ = -1;
  bool created_ = false;
  bool renamed_ = false;
};

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// mkstemp() creates 0600; a replaced file keeps its mode, a new one gets the umask's default.
mode_t mode_for(const fs::path& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    return st.st_mode & 07777;
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Writes `data` to a temporary file next to `target`, then renames it over `target`: readers
// see the old file or the new one, never a part. Returns the error, if any.
std::optional<std::string> replace_file(const fs::path& target, std::string_view data) {
  TempFile temp{target.string() + ".tmp-XXXXXX"};
  if (!temp.created()) {
    return fmt::format("cannot create a temporary file next to '{}': {}", target.string(),
                       std::generic_category().message(errno));
  }
  const bool written = ::fchmod(temp.fd(), mode_for(target)) == 0 && write_all(temp.fd(), data) &&
                       ::fsync(temp.fd()) == 0;
  if (!written || !temp.close() || !temp.rename_to(target)) {
    return fmt::format("cannot write '{}': {}", target.string(),
                       std::generic_category().message(errno));
  }
  return std::nullopt;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  const bool same = fs::equivalent(a, b, ec);
  return !ec && same;  // an error means one of them does not exist: then they differ
}

// A report written over an input would destroy it; a new YAML file in a scenario folder would
// be read as a party file by the next run.
std::optional<std::string> output_clash(const fs::path& scenario, const fs::path& output) {
  const auto inputs = scenario_files(scenario);
  if (!inputs) {
    return std::nullopt;  // loading the scenario reports why
  }
  for (const fs::path& input : *inputs) {
    if (same_file(input, output)) {
      return fmt::format("refusing to write the report over '{}', an input file of the scenario",
                         output.string());
    }
  }
  std::error_code ec;
  const fs::path folder = fs::weakly_canonical(output, ec).parent_path();
  const fs::path ext = output.extension();
  if (!ec && (ext == ".yaml" || ext == ".yml") && same_file(folder, scenario)) {
    return fmt::format(
        "refusing to write '{}' into the scenario folder: it would be read as a "
        "party file",
        output.string());
  }
  return std::nullopt;
}

ExitCode write_to_stdout(const reports::Report& report, reports::Format format, const Io& io) {
  reports::write_report(report, format, io.out, {.color = io.out_color()});
  return ExitCode::ok;  // run() checks that standard output took it
}

ExitCode write_to_file(const reports::Report& report, const ReportOptions& options, const Io& io) {
  // Rendered first, so that a failing writer never creates the file at all.
  std::ostringstream text;
  reports::write_report(report, options.format, text);
  if (const auto error = replace_file(options.output, text.view())) {
    print_tool_error(*error, io);
    return ExitCode::bad_input;
  }
  return ExitCode::ok;
}

}  // namespace

CLI::App* setup_report(CLI::App& app, ReportOptions& options) {
  CLI::App* sub = app.add_subcommand("report", "Analyse a scenario and write its report");
  sub->add_option("SCENARIO", options.scenario, "Scenario folder, or a single YAML file")
      ->required()
      ->type_name("");
  sub->add_option_function<std::string>(
         "--format",
         [&options](const std::string& name) {
           options.format = reports::parse_format(name).value();
         },
         "Report format (default: text)")
      ->check(CLI::IsMember(format_names()))
      ->type_name("FORMAT");
  sub->add_option("-o,--output", options.output,
                  "Write to FILE, not stdout (replaced only once complete)")
      ->check([](const std::string& file) { return file.empty() ? "FILE is empty" : ""; })
      ->type_name("FILE");
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_report(const ReportOptions& options, const Io& io) {
  if (!options.output.empty()) {
    if (const auto clash = output_clash(options.scenario, options.output)) {
      print_tool_error(*clash, io);
      return ExitCode::bad_input;
    }
  }
  const std::optional<Scenario> scenario = load_and_print(options.scenario, options.load, io);
  if (!scenario) {
    return ExitCode::bad_input;
  }
  const PositionGraph graph = PositionGraph::build(*scenario);
  const reports::Report report = reports::make_report(*scenario, analyze(graph));
  if (options.output.empty()) {
    return write_to_stdout(report, options.format, io);
  }
  return write_to_file(report, options, io);
}

}  // namespace entente::cli
