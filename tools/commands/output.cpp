// Where a command's output goes: standard output, or `-o FILE` written whole or not at all.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <ostream>
#include <streambuf>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "commands/commands.h"
#include "entente/loader.h"
#include "support/files.h"

namespace entente::cli {
namespace {

namespace fs = std::filesystem;

// A stream buffer that writes to a file descriptor in large blocks, so that a report of any
// size goes to its file without first being held whole in memory. failed() after a write error.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  [[nodiscard]] bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    failed_ = failed_ || !write_all(fd_, pending);
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return !failed_;
  }

  int fd_;
  std::vector<char> buffer_;
  bool failed_ = false;
};

// Writes what `render` writes to a temporary file next to `target`, then renames it over
// `target`: readers see the old file or the new one, never a part, and a writer that throws
// leaves nothing behind. Returns the error, if any.
std::optional<std::string> replace_file(const fs::path& target, const Render& render) {
  AtomicFile file(target.string());
  if (!file.created()) {
    return fmt::format("cannot create a temporary file next to '{}': {}", target.string(),
                       std::generic_category().message(errno));
  }
  FdBuffer buffer(file.fd());
  std::ostream out(&buffer);
  render(out, {});
  out.flush();
  if (buffer.failed() || !out.good() || !file.commit(true)) {
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
  if (!ec && is_scenario_file_name(output.filename().string()) && same_file(folder, scenario)) {
    return fmt::format(
        "refusing to write '{}' into the scenario folder: it would be read as a "
        "party file",
        output.string());
  }
  return std::nullopt;
}

// For --help and for the error message; reports::parse_format() decides, so an alias such as
// "markdown" for "md" works without being listed.
std::vector<std::string> format_names(const std::vector<reports::Format>& formats) {
  std::vector<std::string> names;
  for (const reports::Format f : formats) names.emplace_back(reports::to_string(f));
  return names;
}

// `formats` as "{text,json}", the way CLI11 lists the members of a set.
CLI::Validator format_check(std::vector<reports::Format> formats) {
  const std::string listed = fmt::format("{{{}}}", fmt::join(format_names(formats), ","));
  return CLI::Validator(
      [formats = std::move(formats), listed](const std::string& name) {
        const auto format = reports::parse_format(name);
        const bool known =
            format && std::find(formats.begin(), formats.end(), *format) != formats.end();
        return known ? std::string() : fmt::format("{} not in {}", name, listed);
      },
      listed);
}

// What --help says about a format whose name does not say enough.
std::string_view format_hint(reports::Format format) {
  switch (format) {
    case reports::Format::markdown:
      return "GitHub-flavoured Markdown ('markdown' works too)";
    case reports::Format::dot:
      return "the position graph for Graphviz (pipe it to dot -Tsvg)";
    case reports::Format::csv:
      return "one table for a spreadsheet (see --table)";
    default:
      return "";
  }
}

std::string format_help(const std::vector<reports::Format>& formats) {
  std::string help = "Output format (default: text)";
  for (const reports::Format f : formats) {
    if (!format_hint(f).empty()) {
      help += fmt::format("; {}: {}", reports::to_string(f), format_hint(f));
    }
  }
  return help;
}

}  // namespace

void add_format_option(CLI::App& command, reports::Format& format,
                       std::vector<reports::Format> formats) {
  std::string help = format_help(formats);
  command
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& name) { format = reports::parse_format(name).value(); },
          std::move(help))
      ->check(format_check(std::move(formats)))
      ->type_name("FORMAT");
}

void add_exchange_format_argument(CLI::App& command, std::string& format, std::string help) {
  command.add_option("FORMAT", format, std::move(help))
      ->required()
      ->check(CLI::IsMember({"csv"}).description(""))
      ->option_text("{csv} REQUIRED");
}

std::vector<reports::Format> comparison_formats() {
  using reports::Format;
  return {Format::text, Format::json, Format::html, Format::markdown};
}

void add_output_option(CLI::App& command, std::string& output) {
  command
      .add_option("-o,--output", output, "Write to FILE, not stdout (replaced only once complete)")
      ->check([](const std::string& file) { return file.empty() ? "FILE is empty" : ""; })
      ->type_name("FILE");
}

bool refuse_output(const std::filesystem::path& scenario, const std::string& output,
                   const Io& io) {
  if (output.empty()) return false;
  const auto clash = output_clash(scenario, output);
  if (clash) print_tool_error(*clash, io);
  return clash.has_value();
}

ExitCode emit(const std::string& output, const Io& io, const Render& render) {
  const stats::Stage stage("write output");
  if (output.empty()) {
    render(io.out, {.color = io.out_color()});
    io.out.flush();  // within the stage; run() checks that standard output took it
    return ExitCode::ok;
  }
  if (const auto error = replace_file(output, render)) {
    print_tool_error(*error, io);
    return ExitCode::bad_input;
  }
  return ExitCode::ok;
}

}  // namespace entente::cli
