#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/analysis.h"
#include "entente/diagnostic.h"
#include "entente/model.h"

namespace entente::reports {

// The rows' std::string_view members are views of the scenario's strings (see make_report).

/// An audience party's effective stance on a position, with what the file says about it.
struct StanceRow {
  std::string_view party{};
  EffectiveStance stance = EffectiveStance::silent;
  std::string via{};                         ///< ref of the `via` position, or empty
  std::vector<std::string_view> agree_if{};  ///< conditions, as refs
  bool conditional = false;                  ///< counting conditional stance (docs/format.md 3.2)
  bool condition_met = false;
  std::string_view quote{};
  std::string_view note{};
  std::string_view source{};                ///< the first source id, or empty
  std::vector<std::string_view> sources{};  ///< every source id cited, in the file's order
};

struct PositionRow {
  std::string ref{};
  std::string_view party{};
  std::string_view id{};
  std::string_view issue{};
  PositionKind kind = PositionKind::demand;
  std::string_view text{};
  int priority = 3;
  bool red_line = false;
  PositionStatus status = PositionStatus::unanswered;
  bool deadlock = false;
  bool in_package = false;
  std::string_view source{};                ///< the first source id, or empty
  std::vector<std::string_view> sources{};  ///< every source id cited, in the file's order
  std::string_view source_title{};          ///< the first source's title
  std::string_view quote{};
  std::string_view note{};
  /// One per audience party, sorted by party: their parties are the audience (`to`).
  std::vector<StanceRow> stances{};
};

struct StickingPoint {
  std::string ref{};
  std::vector<std::string> rejected_by{};  ///< sorted
  bool deadlock = false;
};

/// A party's stand on the alternatives of an exclusive issue (docs/format.md 7.1): the ids of
/// its own, and the refs of others' it agrees to, considers and rejects, each in ref order.
struct AlternativesCell {
  std::vector<std::string> own{};
  std::vector<std::string> backs{};
  std::vector<std::string> considers{};
  std::vector<std::string> rejects{};
};

/// How one party stands on one issue: counts over the issue's positions.
struct MatrixCell {
  int held = 0;           ///< positions the party holds on the issue
  int red_lines = 0;      ///< of which red lines
  int agree = 0;          ///< effective stances of the party on others' positions
  int consider = 0;
  int reject = 0;
  int silent = 0;
  /// On an exclusive issue only (one pointer elsewhere: a report has a cell per issue and
  /// party), the alternatives themselves.
  HeapOptional<AlternativesCell> alternatives{};
};

struct IssueRow {
  std::string id{};
  std::string title{};
  IssueStatus status = IssueStatus::open;
  std::vector<MatrixCell> cells{};  ///< one per party, in the order of Report::parties
  bool exclusive = false;           ///< its positions are alternatives (docs/format.md 7.1)
  /// On an exclusive issue: its agreed alternatives and its superseded ones, in ref order,
  /// and the status quo that holds by default (7.3), or empty.
  std::vector<std::string> agreed{};
  std::vector<std::string> superseded{};
  std::string default_position{};
};

struct PartyRow {
  std::string id{};
  std::string name{};
  std::string weight{};  ///< as written (docs/format.md 6.1); empty when not given
};

struct SourceRow {
  std::string id{};
  std::string title{};
  std::string date{};
  std::string url{};
};

/// A scenario's analysis in the shape writers need: every list sorted, stable ids only.
struct Report {
  std::string title{};
  std::string date{};
  std::string description{};
  std::vector<PartyRow> parties{};  ///< sorted by id
  std::vector<IssueRow> issues{};   ///< sorted by id
  std::vector<SourceRow> sources{};  ///< sorted by id
  std::vector<PositionRow> positions{};  ///< sorted by ref
  std::vector<std::string> common_ground{};
  std::vector<std::string> bargaining_space{};
  std::vector<std::string> unanswered{};
  std::vector<StickingPoint> sticking_points{};  ///< ranked (docs/format.md 3.5)
  std::vector<std::vector<std::string>> packages{};
  std::vector<std::string> superseded{};  ///< in ref order (docs/format.md 7.2)
  std::vector<Diagnostic> diagnostics{};  ///< warnings, sorted

  /// How many issues are exclusive: when any, the formats for people show the alternatives.
  std::size_t exclusive_issues() const;

  /// The row of `ref`, or null.
  const PositionRow* find(std::string_view ref) const;
  /// The row of an id (binary search: these are sorted by id), or nullptr.
  const PartyRow* find_party(std::string_view id) const;
  const IssueRow* find_issue(std::string_view id) const;
  const SourceRow* find_source(std::string_view id) const;
};

/// Builds the report of an analysed scenario. The position and stance rows keep views of the
/// scenario's strings rather than copies (on a large scenario, copies double the memory):
/// `scenario` must outlive the report.
Report make_report(const Scenario& scenario, const Analysis& analysis);

/// The report of an analysed scenario whose positions' rows are made when they are written:
/// on a large scenario they are most of a report (58 MB of 100,000 positions). The JSON
/// writer prints them in order and needs only a block of them at a time; the other formats
/// look rows up as they go and are given every row at once. Write it with write_report(),
/// in any format. The scenario and the analysis must outlive it.
class StreamedReport {
 public:
  StreamedReport(const Scenario& scenario, const Analysis& analysis);
  /// A report whose rows are made already (as tests make one by hand).
  explicit StreamedReport(Report made);

  /// Everything but the positions' rows (their place in it is not read).
  const Report& header() const { return header_; }
  /// How many rows there are (one per position).
  std::size_t size() const {
    return analysis_ != nullptr ? analysis_->by_ref.size() : header_.positions.size();
  }
  /// The rows of [begin, end), in ref order.
  std::vector<PositionRow> rows(std::size_t begin, std::size_t end) const;
  /// The whole report, every row made (on two threads on a large scenario).
  Report whole() const&;
  Report whole() &&;

 private:
  void fill(std::size_t begin, std::size_t end, PositionRow* out) const;
  void fill_all(Report& report) const;

  Report header_;
  const Scenario* scenario_ = nullptr;  ///< both null when the rows are made already
  const Analysis* analysis_ = nullptr;
  std::unordered_map<std::string_view, std::string_view> source_titles_;
};

enum class Format { text, json, html, markdown, dot, csv };

/// The format called `name` ("text", "json", "html", "md", "dot" or "csv"; "markdown" is "md"
/// too).
std::optional<Format> parse_format(std::string_view name);
std::string_view to_string(Format f);

/// The table a CSV report holds (docs/csv.md): one row per position, or the issue-by-party
/// matrix.
enum class CsvTable { positions, matrix };

/// What a writer may not decide for itself (it never looks at the terminal or environment).
struct WriteOptions {
  bool color = false;  ///< ANSI colours in the text format
  /// The position graph drawn by Graphviz: one `<svg>` element, inlined as it is by the HTML
  /// format. The CLI runs Graphviz on the DOT format's text, since writers never run programs.
  std::string graph_svg{};
  /// Why graph_svg is empty (e.g. Graphviz is not installed), shown in the picture's place.
  std::string graph_note{};
  /// The table of the CSV format; the other formats hold every table.
  CsvTable csv_table = CsvTable::positions;
};

/// Writes `report` in `format` to `out`.
void write_report(const Report& report, Format format, std::ostream& out,
                  const WriteOptions& options = {});

/// Writes `report` in `format`: the same bytes as write_report(make_report(...)). In JSON its
/// positions' rows are made a block at a time as they are printed.
void write_report(const StreamedReport& report, Format format, std::ostream& out,
                  const WriteOptions& options = {});

}  // namespace entente::reports
