#include "entente/reports/report.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "support/parallel.h"

namespace entente::reports {
namespace {

// The refs of positions by id.
class RefOf {
 public:
  explicit RefOf(const Scenario& scenario) : scenario_(scenario) {}
  std::string operator()(PositionId id) const {
    assert(id < scenario_.positions.size());
    return scenario_.positions[id].ref();
  }
  std::vector<std::string> operator()(const std::vector<PositionId>& ids) const {
    std::vector<std::string> refs;
    refs.reserve(ids.size());
    for (const PositionId id : ids) refs.push_back((*this)(id));
    return refs;
  }

 private:
  const Scenario& scenario_;
};

const std::string& party_id(const Scenario& scenario, PartyId id) {
  assert(id < scenario.parties.size());
  return scenario.parties[id].id;
}

std::vector<std::string> sorted_party_ids(const Scenario& scenario,
                                          const std::vector<PartyId>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const PartyId id : ids) out.push_back(party_id(scenario, id));
  std::sort(out.begin(), out.end());
  return out;
}

StanceRow stance_row(const Scenario& scenario, const AudienceStance& answer) {
  StanceRow row{.party = party_id(scenario, answer.party),
                .stance = answer.stance,
                .conditional = answer.conditional,
                .condition_met = answer.condition_met};
  if (!answer.decl) return row;
  assert(*answer.decl < scenario.stances.size());
  const StanceDecl& decl = scenario.stances[*answer.decl];
  // `via` names the stance-taker's own position, so its ref is built from that party.
  if (decl.via) row.via = join_ref(decl.party, decl.via->id);
  for (const IdRef& condition : decl.agree_if) row.agree_if.push_back(condition.id);
  row.quote = decl.quote;
  row.note = decl.note;
  for (const IdRef& source : decl.sources) row.sources.push_back(source.id);
  if (!row.sources.empty()) row.source = row.sources.front();
  return row;
}

// A source's title by its id (the first source of an id, as validate() resolves it).
std::unordered_map<std::string_view, std::string_view> source_titles(const Scenario& scenario) {
  std::unordered_map<std::string_view, std::string_view> titles;
  for (const Source& source : scenario.sources) titles.try_emplace(source.id, source.title);
  return titles;
}

PositionRow position_row(const Scenario& scenario,
                         const std::unordered_map<std::string_view, std::string_view>& titles,
                         std::string ref, const Position& position,
                         const PositionAnalysis& analysis,
                         std::span<const AudienceStance> audience) {
  PositionRow row{.ref = std::move(ref),
                  .party = position.party,
                  .id = position.id,
                  .issue = position.issue.id,
                  .kind = position.kind,
                  .text = position.text,
                  .priority = position.priority,
                  .red_line = position.red_line,
                  .status = analysis.status,
                  .deadlock = analysis.deadlock,
                  .in_package = analysis.in_package,
                  .quote = position.quote,
                  .note = position.note};
  for (const IdRef& source : position.sources) row.sources.push_back(source.id);
  if (!row.sources.empty()) {
    row.source = row.sources.front();
    if (const auto it = titles.find(row.source); it != titles.end()) row.source_title = it->second;
  }
  row.stances.reserve(audience.size());
  for (const AudienceStance& answer : audience) {
    row.stances.push_back(stance_row(scenario, answer));
  }
  // analyze() gives the audience sorted by party id already; an analysis made by hand may not.
  const auto by_party = [](const StanceRow& a, const StanceRow& b) { return a.party < b.party; };
  if (!std::is_sorted(row.stances.begin(), row.stances.end(), by_party)) {
    std::sort(row.stances.begin(), row.stances.end(), by_party);
  }
  return row;
}

std::vector<StickingPoint> sticking_points(const Scenario& scenario, const Analysis& analysis,
                                           const RefOf& ref_of) {
  std::vector<StickingPoint> points;
  points.reserve(analysis.sticking_points.size());
  for (const PositionId id : analysis.sticking_points) {
    const PositionAnalysis& position = analysis.positions[id];
    points.push_back({.ref = ref_of(id),
                      .rejected_by = sorted_party_ids(scenario, analysis.rejected_by(id)),
                      .deadlock = position.deadlock});
  }
  return points;
}

void count_stance(MatrixCell& cell, EffectiveStance stance) {
  switch (stance) {
    case EffectiveStance::agree:
      ++cell.agree;
      break;
    case EffectiveStance::consider:
      ++cell.consider;
      break;
    case EffectiveStance::reject:
      ++cell.reject;
      break;
    case EffectiveStance::silent:
      ++cell.silent;
      break;
  }
}

// A party's answer to an alternative of an exclusive issue (silence is not listed).
void alternative_answer(AlternativesCell& cell, std::string ref, EffectiveStance stance) {
  switch (stance) {
    case EffectiveStance::agree:
      cell.backs.push_back(std::move(ref));
      break;
    case EffectiveStance::consider:
      cell.considers.push_back(std::move(ref));
      break;
    case EffectiveStance::reject:
      cell.rejects.push_back(std::move(ref));
      break;
    case EffectiveStance::silent:
      break;
  }
}

// Rows sorted by issue id; cells in the order of `parties` (the report's, sorted by id).
std::vector<IssueRow> issue_rows(const Scenario& scenario, const Analysis& analysis,
                                 const std::vector<PartyRow>& parties) {
  std::vector<std::size_t> order(scenario.issues.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return scenario.issues[a].id < scenario.issues[b].id;
  });
  // One row per issue id (validate() rejects repeats; the last one's title and status win,
  // as they always did).
  std::vector<IssueRow> rows;
  std::unordered_map<std::string_view, std::size_t> row_of_id;
  for (const std::size_t i : order) {
    const Issue& issue = scenario.issues[i];
    const IssueStatus status = i < analysis.issues.size() ? analysis.issues[i] : IssueStatus::open;
    if (rows.empty() || rows.back().id != issue.id) {
      rows.push_back({.id = issue.id, .cells = std::vector<MatrixCell>(parties.size())});
      row_of_id.try_emplace(issue.id, rows.size() - 1);
    }
    rows.back().title = issue.title;
    rows.back().status = status;
    rows.back().exclusive = issue.exclusive;
    if (i < analysis.defaults.size() && analysis.defaults[i]) {
      rows.back().default_position = scenario.positions[*analysis.defaults[i]].ref();
    }
    if (issue.exclusive) {
      for (MatrixCell& cell : rows.back().cells) cell.alternatives.emplace();
    }
  }
  // The report's column of each scenario party.
  std::unordered_map<std::string_view, std::size_t> column_of_id;
  for (std::size_t c = 0; c < parties.size(); ++c) column_of_id.try_emplace(parties[c].id, c);
  std::vector<std::optional<std::size_t>> column(scenario.parties.size());
  for (std::size_t p = 0; p < scenario.parties.size(); ++p) {
    if (const auto it = column_of_id.find(scenario.parties[p].id); it != column_of_id.end()) {
      column[p] = it->second;
    }
  }
  for (std::size_t p = 0; p < scenario.positions.size(); ++p) {
    const Position& position = scenario.positions[p];
    const auto issue = row_of_id.find(position.issue.id);
    if (issue == row_of_id.end()) continue;  // validate() rejects unknown issues
    IssueRow& row = rows[issue->second];
    if (const auto holder = column_of_id.find(position.party); holder != column_of_id.end()) {
      ++row.cells[holder->second].held;
      if (position.red_line) ++row.cells[holder->second].red_lines;
      if (row.exclusive) row.cells[holder->second].alternatives->own.push_back(position.id);
    }
    for (const AudienceStance& answer : analysis.audience(static_cast<PositionId>(p))) {
      if (answer.party < column.size() && column[answer.party]) {
        MatrixCell& cell = row.cells[*column[answer.party]];
        count_stance(cell, answer.stance);
        if (row.exclusive) alternative_answer(*cell.alternatives, position.ref(), answer.stance);
      }
    }
    if (!row.exclusive) continue;
    const PositionStatus status = analysis.positions[p].status;
    if (status == PositionStatus::agreed) row.agreed.push_back(position.ref());
    if (status == PositionStatus::superseded) row.superseded.push_back(position.ref());
  }
  // Positions come in the scenario's order: the lists of exclusive issues are put in ref order.
  for (IssueRow& row : rows) {
    if (!row.exclusive) continue;
    std::sort(row.agreed.begin(), row.agreed.end());
    std::sort(row.superseded.begin(), row.superseded.end());
    for (MatrixCell& cell : row.cells) {
      AlternativesCell& a = *cell.alternatives;
      for (auto* list : {&a.own, &a.backs, &a.considers, &a.rejects}) {
        std::sort(list->begin(), list->end());
      }
    }
  }
  return rows;
}

std::vector<PartyRow> party_rows(const Scenario& scenario) {
  std::vector<PartyRow> rows;
  for (const Party& party : scenario.parties) {
    rows.push_back({party.id, party.name, party.weight});
  }
  std::sort(rows.begin(), rows.end(),
            [](const PartyRow& a, const PartyRow& b) { return a.id < b.id; });
  return rows;
}

std::vector<SourceRow> source_rows(const Scenario& scenario) {
  std::vector<SourceRow> rows;
  for (const Source& s : scenario.sources) rows.push_back({s.id, s.title, s.date, s.url});
  std::sort(rows.begin(), rows.end(),
            [](const SourceRow& a, const SourceRow& b) { return a.id < b.id; });
  return rows;
}

}  // namespace

namespace {

// Rows sorted by `key`: the one whose key is `wanted`, or nullptr.
template <class Row>
const Row* find_sorted(const std::vector<Row>& rows, std::string_view wanted,
                       std::string Row::*key) {
  const auto it =
      std::lower_bound(rows.begin(), rows.end(), wanted,
                       [key](const Row& row, std::string_view w) { return row.*key < w; });
  return it != rows.end() && (*it).*key == wanted ? &*it : nullptr;
}

}  // namespace

std::size_t Report::exclusive_issues() const {
  return static_cast<std::size_t>(
      std::count_if(issues.begin(), issues.end(), [](const IssueRow& i) { return i.exclusive; }));
}

const PositionRow* Report::find(std::string_view ref) const {
  return find_sorted(positions, ref, &PositionRow::ref);
}
const PartyRow* Report::find_party(std::string_view id) const {
  return find_sorted(parties, id, &PartyRow::id);
}
const IssueRow* Report::find_issue(std::string_view id) const {
  return find_sorted(issues, id, &IssueRow::id);
}
const SourceRow* Report::find_source(std::string_view id) const {
  return find_sorted(sources, id, &SourceRow::id);
}

StreamedReport::StreamedReport(const Scenario& scenario, const Analysis& analysis)
    : header_{.title = scenario.title,
              .date = scenario.date,
              .description = scenario.description,
              .parties = party_rows(scenario),
              .sources = source_rows(scenario),
              .diagnostics = scenario.warnings},
      scenario_(&scenario),
      analysis_(&analysis),
      source_titles_(source_titles(scenario)) {
  const RefOf ref_of(scenario);
  header_.common_ground = ref_of(analysis.common_ground);
  header_.bargaining_space = ref_of(analysis.bargaining_space);
  header_.unanswered = ref_of(analysis.unanswered);
  header_.superseded = ref_of(analysis.superseded);
  // docs/format.md 7.2: the warning of a conflicting issue is the report's, among the others.
  std::vector<Diagnostic> conflicts = conflict_warnings(scenario, analysis);
  if (!conflicts.empty()) {
    header_.diagnostics.insert(header_.diagnostics.end(), conflicts.begin(), conflicts.end());
    sort_diagnostics(header_.diagnostics);
  }
  // Each a pass over every position of a large scenario, and independent of each other.
  run_both(
      scenario.positions.size() >= k_worth_a_second_thread,
      [&] { header_.sticking_points = sticking_points(scenario, analysis, ref_of); },
      [&] { header_.issues = issue_rows(scenario, analysis, header_.parties); });
  for (const std::vector<PositionId>& package : analysis.packages) {
    header_.packages.push_back(ref_of(package));
  }
}

StreamedReport::StreamedReport(Report made) : header_(std::move(made)) {}

std::vector<PositionRow> StreamedReport::rows(std::size_t begin, std::size_t end) const {
  assert(begin <= end && end <= size());
  if (analysis_ == nullptr) {
    const auto first = header_.positions.begin();
    return {first + static_cast<std::ptrdiff_t>(begin), first + static_cast<std::ptrdiff_t>(end)};
  }
  std::vector<PositionRow> rows(end - begin);
  fill(begin, end, rows.data());
  return rows;
}

// Each row made in its place of `out`.
void StreamedReport::fill(std::size_t begin, std::size_t end, PositionRow* out) const {
  const Scenario& scenario = *scenario_;
  const Analysis& analysis = *analysis_;
  assert(analysis.positions.size() == scenario.positions.size());
  assert(analysis.by_ref.size() == scenario.positions.size() && end <= analysis.by_ref.size());
  for (std::size_t k = begin; k < end; ++k) {
    const PositionId i = analysis.by_ref[k];
    out[k - begin] =
        position_row(scenario, source_titles_, scenario.positions[i].ref(), scenario.positions[i],
                     analysis.positions[i], analysis.audience(i));
  }
}

// Every row at once: on a large scenario a second thread makes half (rows are independent).
void StreamedReport::fill_all(Report& report) const {
  std::vector<PositionRow>& rows = report.positions;
  rows.resize(size());
  for_two_halves(rows.size(), k_worth_a_second_thread, [&](std::size_t begin, std::size_t end) {
    fill(begin, end, rows.data() + begin);
  });
}

Report StreamedReport::whole() const& {
  Report report = header_;
  if (analysis_ != nullptr) fill_all(report);
  return report;
}

Report StreamedReport::whole() && {
  if (analysis_ != nullptr) fill_all(header_);
  return std::move(header_);
}

Report make_report(const Scenario& scenario, const Analysis& analysis) {
  return StreamedReport(scenario, analysis).whole();
}

}  // namespace entente::reports
