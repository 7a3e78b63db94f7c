#include "graphviz.h"

#include <cerrno>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

#include "run_program.h"

namespace entente::cli {
namespace {

// What Graphviz printed on standard error, cut to its first line: enough to say what went wrong.
std::string first_line(std::string_view text) {
  const std::size_t end = text.find('\n');
  return std::string(text.substr(0, end));
}

std::string why_not_drawn(const ProgramResult& run, const GraphvizOptions& options) {
  if (run.start_error == ENOENT) {
    return fmt::format(
        "Graphviz's '{}' program was not found; install Graphviz (Debian: apt install graphviz) "
        "and run again to draw the graph",
        options.program);
  }
  if (run.start_error != 0) {
    return fmt::format("cannot run Graphviz's '{}': {}", options.program,
                       std::generic_category().message(run.start_error));
  }
  if (run.timed_out) {
    return fmt::format("Graphviz's '{}' took longer than {} s and was stopped", options.program,
                       options.timeout.count() / 1000);
  }
  const std::string detail = first_line(run.err);
  const std::string status = run.exit_code >= 0 ? fmt::format("exit code {}", run.exit_code)
                                                : fmt::format("signal {}", run.signal);
  return fmt::format("Graphviz's '{}' failed ({}){}", options.program, status,
                     detail.empty() ? "" : ": " + detail);
}

}  // namespace

std::string svg_element(std::string_view document) {
  // The XML declaration and doctype come before the element, and comments are dropped: they
  // hold Graphviz's version, which would make equal reports differ from one machine to the next.
  const std::size_t start = document.find("<svg");
  const std::size_t end = document.rfind("</svg>");
  if (start == std::string_view::npos || end == std::string_view::npos || end < start) return {};
  const std::string_view element = document.substr(start, end + 6 - start);
  std::string out;
  out.reserve(element.size());
  for (std::size_t i = 0; i < element.size();) {
    const std::size_t open = element.find("<!--", i);
    out += element.substr(i, open - i);
    if (open == std::string_view::npos) break;
    const std::size_t close = element.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    i = close + 3;
  }
  return out;
}

Drawing draw_svg(std::string_view dot, const GraphvizOptions& options) {
  const ProgramResult run = run_program({options.program, "-Tsvg"}, dot, options.timeout);
  if (!run.ok()) return {.problem = why_not_drawn(run, options)};
  std::string svg = svg_element(run.out);
  if (svg.empty()) {
    return {.problem = fmt::format("Graphviz's '{}' printed no SVG picture", options.program)};
  }
  return {.svg = std::move(svg)};
}

}  // namespace entente::cli
