#include "entente/reports/report.h"

#include <array>
#include <cassert>
#include <ostream>
#include <utility>

#include "entente/reports/blocs.h"
#include "entente/reports/check.h"
#include "entente/reports/coalitions.h"
#include "entente/reports/comparison.h"
#include "entente/reports/concede.h"
#include "entente/reports/deals.h"
#include "entente/reports/explain.h"
#include "writers.h"

namespace entente::reports {
namespace {

using Writer = void (*)(const Report&, std::ostream&, const WriteOptions&);

struct FormatEntry {
  Format format;
  std::string_view name;
  Writer write;
  /// Null: the format has no comparison (a graph is of one scenario; a CSV table, of one
  /// report).
  ComparisonWriter compare;
  /// Whether the comparison reads the two reports beyond the title of the second.
  bool compare_reads_reports;
};

// Indexed by Format; adding a format means one enum value, one row and one writer folder.
constexpr std::array<FormatEntry, 6> k_formats{{
    {Format::text, "text", write_text, write_comparison_text, false},
    {Format::json, "json",
     [](const Report& report, std::ostream& out, const WriteOptions&) { write_json(report, out); },
     write_comparison_json, true},
    {Format::html, "html", write_html, write_comparison_html, true},
    {Format::markdown, "md",
     [](const Report& report, std::ostream& out, const WriteOptions&) {
       write_markdown(report, out);
     },
     write_comparison_markdown, false},
    {Format::dot, "dot",
     [](const Report& report, std::ostream& out, const WriteOptions&) { write_dot(report, out); },
     nullptr, false},
    {Format::csv, "csv", write_csv, nullptr, false},
}};

// Other names people type for a format; to_string() gives the one in k_formats.
constexpr std::array<std::pair<std::string_view, Format>, 1> k_aliases{{
    {"markdown", Format::markdown},
}};

constexpr bool indexed_by_format() {
  for (std::size_t i = 0; i < k_formats.size(); ++i) {
    if (static_cast<std::size_t>(k_formats[i].format) != i) return false;
  }
  return true;
}
static_assert(indexed_by_format(), "k_formats must be in the order of enum Format");

const FormatEntry& entry(Format format) { return k_formats[static_cast<std::size_t>(format)]; }

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const FormatEntry& e : k_formats) {
    if (e.name == name) return e.format;
  }
  for (const auto& [alias, format] : k_aliases) {
    if (alias == name) return format;
  }
  return std::nullopt;
}

std::string_view to_string(Format f) { return entry(f).name; }

void write_report(const Report& report, Format format, std::ostream& out,
                  const WriteOptions& options) {
  entry(format).write(report, out, options);
}

void write_report(const StreamedReport& report, Format format, std::ostream& out,
                  const WriteOptions& options) {
  // JSON prints the rows in order, a block at a time; the other formats look rows up as they
  // go, so they are given the whole report.
  if (format == Format::json) {
    write_json(report, out);
    return;
  }
  write_report(report.whole(), format, out, options);
}

bool comparison_reads_reports(Format format) { return entry(format).compare_reads_reports; }

void write_comparison(const ComparisonKind& kind, const StreamedReport& before,
                      const StreamedReport& after, const Comparison& comparison, Format format,
                      std::ostream& out, const WriteOptions& options) {
  const ComparisonWriter compare = entry(format).compare;
  assert(compare != nullptr && "the CLI offers only the formats that have a comparison");
  (compare != nullptr ? compare : write_comparison_text)(kind, before, after, comparison, out,
                                                         options);
}

void write_blocs(const Scenario& scenario, const Blocs& blocs, Format format, std::ostream& out,
                 const WriteOptions& /*options*/) {
  switch (format) {
    case Format::html:
      write_blocs_html(scenario, blocs, out);
      return;
    case Format::json:
      write_blocs_json(blocs, out);
      return;
    case Format::markdown:
      write_blocs_markdown(blocs, out);
      return;
    default:
      assert(format == Format::text && "the CLI offers text, json, md and html for blocs");
      write_blocs_text(blocs, out);
  }
}

void write_coalitions(const Coalitions& coalitions, Format format, std::ostream& out,
                      const WriteOptions& /*options*/) {
  switch (format) {
    case Format::json:
      write_coalitions_json(coalitions, out);
      return;
    case Format::markdown:
      write_coalitions_markdown(coalitions, out);
      return;
    case Format::html:
      write_coalitions_html(coalitions, out);
      return;
    default:
      assert(format == Format::text && "the CLI offers text, json, md and html for coalitions");
      write_coalitions_text(coalitions, out);
  }
}

void write_concede(const ConcedeResult& result, Format format, std::ostream& out,
                   const WriteOptions& /*options*/) {
  if (format == Format::json) {
    write_concede_json(result, out);
  } else {
    write_concede_text(result, out);
  }
}

void write_deals(const DealsResult& result, Format format, std::ostream& out,
                 const WriteOptions& /*options*/) {
  switch (format) {
    case Format::json:
      write_deals_json(result, out);
      return;
    case Format::markdown:
      write_deals_markdown(result, out);
      return;
    case Format::html:
      write_deals_html(result, out);
      return;
    default:
      assert(format == Format::text && "the CLI offers text, json, md and html for deals");
      write_deals_text(result, out);
  }
}

void write_check(const CheckResult& result, CheckFormat format, std::ostream& out) {
  if (format == CheckFormat::json) {
    write_check_json(result, out);
  } else {
    write_check_github(result, out);
  }
}

void write_explanation(const Explanation& explanation, Format format, std::ostream& out,
                       const WriteOptions& options) {
  if (format == Format::json) {
    write_explanation_json(explanation, out);
    return;
  }
  assert(format == Format::text && "the CLI offers explain in text and JSON only");
  write_explanation_text(explanation, out, options);
}

}  // namespace entente::reports
