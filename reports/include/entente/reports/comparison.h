#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "entente/comparison.h"
#include "entente/reports/report.h"

namespace entente::reports {

/// What a comparison compares: a what-if (the changes applied) or two versions (their paths).
struct ComparisonKind {
  enum { what_if, diff } kind = what_if;
  std::vector<std::string> items{};  ///< the changes, in order; or the old and new paths
};

/// Whether a comparison in `format` reads the two reports: JSON prints both whole, HTML their
/// headers' figures. Text and Markdown read only the title of the second (the `after` report's
/// header().title), so a caller may hand them reports of the titles alone
/// (StreamedReport(Report{.title = ...})) and spare the making of two reports.
bool comparison_reads_reports(Format format);

/// Writes what moved in `format` (text, JSON, Markdown or HTML; not dot) and, in JSON, both
/// full reports ("baseline"/"whatif" for a what-if, "old"/"new" for a diff) and "changes".
/// The other formats read only the reports' headers: no position's row is made for them.
void write_comparison(const ComparisonKind& kind, const StreamedReport& before,
                      const StreamedReport& after, const Comparison& comparison, Format format,
                      std::ostream& out, const WriteOptions& options = {});

}  // namespace entente::reports
