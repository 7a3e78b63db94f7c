#pragma once

#include <iosfwd>

#include "entente/reports/report.h"

// One writer per format (llvm-cov); write_report() picks one from its table.
namespace entente::reports {

/// The terminal report: sections, a ranked list of sticking points and an issue matrix.
void write_text(const Report& report, std::ostream& out, const WriteOptions& options);

/// The stable JSON report of FORMAT.md section 5.
void write_json(const Report& report, std::ostream& out);

/// One self-contained HTML page: summary cards, a heat map of the matrix, cited sticking points
/// and the graph picture of options.graph_svg.
void write_html(const Report& report, std::ostream& out, const WriteOptions& options);

/// GitHub-flavoured Markdown for a code host: the text report's sections, the matrix a table.
void write_markdown(const Report& report, std::ostream& out);

/// The position graph in Graphviz DOT: parties as clusters, stances as edges styled by stance.
void write_dot(const Report& report, std::ostream& out);

}  // namespace entente::reports
