#pragma once

#include <iosfwd>

#include "entente/blocs.h"
#include "entente/coalitions.h"
#include "entente/deals.h"
#include "entente/reports/report.h"

// One writer per format (llvm-cov); write_report() and write_comparison() pick one from their
// table.
namespace entente {
struct Comparison;
struct ConcedeResult;
}

namespace entente::reports {

struct ComparisonKind;
struct CheckResult;

/// The terminal report: sections, a ranked list of sticking points and an issue matrix.
void write_text(const Report& report, std::ostream& out, const WriteOptions& options);

/// The stable JSON report of docs/format.md section 5.
void write_json(const Report& report, std::ostream& out);
/// The same bytes, the positions' rows made a block at a time as they are printed.
void write_json(const StreamedReport& report, std::ostream& out);

/// One self-contained HTML page: summary cards, a heat map of the matrix, cited sticking points
/// and the graph picture of options.graph_svg.
void write_html(const Report& report, std::ostream& out, const WriteOptions& options);

/// GitHub-flavoured Markdown for a code host: the text report's sections, the matrix a table.
void write_markdown(const Report& report, std::ostream& out);

/// The position graph in Graphviz DOT: parties as clusters, stances as edges styled by stance.
void write_dot(const Report& report, std::ostream& out);

/// One table as CSV (RFC 4180, docs/csv.md): the positions, or the issue-by-party matrix, as
/// options.csv_table says.
void write_csv(const Report& report, std::ostream& out, const WriteOptions& options);

/// What moved between two reports, one writer per format as for reports; each takes what all
/// may need (JSON holds both reports, text colours on a terminal) and ignores the rest.
using ComparisonWriter = void (*)(const ComparisonKind& kind, const StreamedReport& before,
                                  const StreamedReport& after, const Comparison& comparison,
                                  std::ostream& out, const WriteOptions& options);

/// For a terminal: the verdict, then one section of aligned lines per kind of change.
void write_comparison_text(const ComparisonKind& kind, const StreamedReport& before,
                           const StreamedReport& after, const Comparison& comparison,
                           std::ostream& out, const WriteOptions& options);

/// Both full reports and "changes" (docs/format.md section 5).
void write_comparison_json(const ComparisonKind& kind, const StreamedReport& before,
                           const StreamedReport& after, const Comparison& comparison,
                           std::ostream& out, const WriteOptions& options);

/// GitHub-flavoured Markdown: the verdict, then a list or a table per kind of change.
void write_comparison_markdown(const ComparisonKind& kind, const StreamedReport& before,
                               const StreamedReport& after, const Comparison& comparison,
                               std::ostream& out, const WriteOptions& options);

/// One self-contained HTML page: summary cards, then a table per kind of change, with statuses
/// and stances as badges.
void write_comparison_html(const ComparisonKind& kind, const StreamedReport& before,
                           const StreamedReport& after, const Comparison& comparison,
                           std::ostream& out, const WriteOptions& options);

/// The answer of `entente blocs`: for a terminal, as JSON (docs/format.md 6.5), in Markdown.
void write_blocs_text(const Blocs& blocs, std::ostream& out);
void write_blocs_json(const Blocs& blocs, std::ostream& out);
void write_blocs_markdown(const Blocs& blocs, std::ostream& out);
/// As a page for a browser; the scenario gives its title and the parties' names.
void write_blocs_html(const Scenario& scenario, const Blocs& blocs, std::ostream& out);

/// The answer of `entente coalitions` (docs/format.md 6.4): for a terminal, as JSON (6.5), in
/// Markdown, as an HTML page.
void write_coalitions_text(const Coalitions& coalitions, std::ostream& out);
void write_coalitions_json(const Coalitions& coalitions, std::ostream& out);
void write_coalitions_markdown(const Coalitions& coalitions, std::ostream& out);
void write_coalitions_html(const Coalitions& coalitions, std::ostream& out);

/// The answer of `entente concede` for a terminal: the optimum plans, or why there are none.
void write_concede_text(const ConcedeResult& result, std::ostream& out);
/// The answer of `entente deals` (docs/format.md 8).
void write_deals_text(const DealsResult& result, std::ostream& out);
void write_deals_json(const DealsResult& result, std::ostream& out);
void write_deals_markdown(const DealsResult& result, std::ostream& out);
void write_deals_html(const DealsResult& result, std::ostream& out);

/// The same as JSON, in the shape documented at the top of json/concede.cpp.
void write_concede_json(const ConcedeResult& result, std::ostream& out);

/// `entente check`'s answer for scripts (check.h): JSON, and GitHub workflow commands.
void write_check_json(const CheckResult& result, std::ostream& out);
void write_check_github(const CheckResult& result, std::ostream& out);

}  // namespace entente::reports
