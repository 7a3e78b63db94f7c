// `entente explain` for a terminal: labelled facts, the reason, then the stances, the condition
// tree, the package and the stances that wait for the position. Wrapped to the report's width.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "entente/reports/explain.h"
#include "escape.h"
#include "report_summary.h"
#include "text/style.h"

// The helpers live in detail, beside the shared text style they use unqualified.
namespace entente::reports {
namespace detail {
namespace {

constexpr int k_label_width = 10;  // "Scenario  "
constexpr int k_detail_indent = 6;

// `prefix` (already safe) then raw `text` wrapped; later lines start at `hang` columns.
void write_hanging(std::ostream& out, std::string_view prefix, std::string_view text, int hang) {
  const int used = display_width(prefix);
  const std::vector<std::string> lines = wrap(text, k_wrap_width - used, k_wrap_width - hang);
  out << prefix << (lines.empty() ? "" : lines.front()) << '\n';
  const std::string margin(static_cast<std::size_t>(hang), ' ');
  for (std::size_t i = 1; i < lines.size(); ++i) out << margin << lines[i] << '\n';
}

void write_field(std::ostream& out, std::string_view label, std::string_view text) {
  if (text.empty()) return;
  write_hanging(out, pad_right(label, k_label_width), text, k_label_width);
}

void write_detail(std::ostream& out, std::string_view label, std::string_view text) {
  if (text.empty()) return;
  const std::string prefix = std::string(k_detail_indent, ' ') + safe(label) + ": ";
  write_hanging(out, prefix, text, k_detail_indent + 2);
}

void write_heading(std::ostream& out, const Painter& paint, std::string_view name) {
  out << '\n' << paint(name, k_bold) << '\n';
}

// "ru-reply (2022-02-17): Russia's written reaction ... <url>", then "; " and the next
// source; raw text, wrapped later.
std::string source_text(const std::vector<SourceRow>& sources) {
  std::string text;
  for (const SourceRow& source : sources) {
    if (!text.empty()) text += "; ";
    text += source.id;
    if (!source.date.empty()) text += " (" + source.date + ")";
    if (!source.title.empty()) text += ": " + source.title;
    if (!source.url.empty()) text += " <" + source.url + ">";
  }
  return text;
}

// "(seed-article, 2022-02-03)": a quote's origin (its first source), short because titles
// run long.
std::string origin(const std::vector<SourceRow>& sources) {
  if (sources.empty()) return {};
  const SourceRow& source = sources.front();
  return " (" + source.id + (source.date.empty() ? "" : ", " + source.date) + ")";
}

std::string facts(const PositionRow& row) {
  return fmt::format("{}, priority {}{}", to_string(row.kind), row.priority,
                     row.red_line ? ", red line" : "");
}

// "russia (Russian Federation)", or the id alone when the name adds nothing.
std::string with_name(std::string_view id, std::string_view name) {
  return name.empty() || name == id ? std::string(id) : fmt::format("{} ({})", id, name);
}

void write_header(std::ostream& out, const Painter& paint, const Explanation& e) {
  const PositionRow& row = e.position;
  const std::string title = safe(row.ref);
  out << paint(title, k_bold) << '\n'
      << std::string(static_cast<std::size_t>(display_width(title)), '=') << '\n';
  std::string scenario = e.scenario_title;
  if (!e.scenario_date.empty()) scenario += " (" + e.scenario_date + ")";
  write_field(out, "Scenario", scenario);
  write_field(out, "Holder", with_name(row.party, e.holder_name));
  write_field(out, "Issue",
              e.issue_title.empty() || e.issue_title == row.issue
                  ? std::string(row.issue)
                  : fmt::format("{}: {}", row.issue, e.issue_title));
  write_field(out, "Kind", facts(row));
  out << pad_right("Status", k_label_width)
      << paint(to_string(row.status), stance_color(status_stance(row.status)));
  if (row.deadlock) out << ", " << paint("DEADLOCK", k_bold_red);
  out << '\n';
  write_field(out, "Why", e.reason);
  write_field(out, "Text", row.text);
  if (!row.quote.empty()) write_field(out, "Quote", fmt::format("\"{}\"", row.quote));
  write_field(out, "Source", source_text(e.sources));
  write_field(out, "Note", row.note);
}

// What follows the stance on its first line: " via nato/open-door (priority 5, red line)".
std::string via_text(const ExplainedStance& s) {
  if (s.answer.stance == EffectiveStance::silent) return " (no stance)";
  if (!s.via) return s.answer.via.empty() ? "" : " via " + s.answer.via;
  return fmt::format(" via {} (priority {}{})", s.via->ref, s.via->priority,
                     s.via->red_line ? ", red line" : "");
}

void write_stance(std::ostream& out, const Painter& paint, const ExplainedStance& s) {
  const StanceRow& answer = s.answer;
  const std::string head = "  " + safe(answer.party) + ": ";
  const std::string_view stance = to_string(answer.stance);
  const int used = display_width(head) + static_cast<int>(stance.size());
  const std::vector<std::string> rest =
      wrap(via_text(s), k_wrap_width - used, k_wrap_width - k_detail_indent);
  out << head << paint(stance, stance_color(answer.stance));
  for (std::size_t i = 0; i < rest.size(); ++i) {
    out << (i == 0 ? " " : "\n" + std::string(k_detail_indent, ' ')) << rest[i];
  }
  out << '\n';
  if (s.via && !s.via->quote.empty()) {
    write_detail(out, "Via quote", "\"" + s.via->quote + "\"" + origin(s.via->sources));
  }
  if (!answer.agree_if.empty()) {
    write_detail(out, "Agrees if",
                 fmt::format("{} ({})", fmt::join(answer.agree_if, ", "),
                             answer.condition_met ? "met" : "not met yet"));
  }
  if (!answer.quote.empty()) {
    write_detail(out, "Quote", "\"" + std::string(answer.quote) + "\"" + origin(s.sources));
  }
  write_detail(out, "Note", answer.note);
  write_detail(out, "Source", source_text(s.sources));
}

void write_stances(std::ostream& out, const Painter& paint, const Explanation& e) {
  write_heading(out, paint, fmt::format("Stances ({})", e.stances.size()));
  if (e.stances.empty()) out << "  (none: it is addressed to nobody)\n";
  for (const ExplainedStance& s : e.stances) write_stance(out, paint, s);
}

std::string stop_text(const ConditionLine& line) {
  switch (line.stop) {
    case Stop::none:
      return {};
    case Stop::cycle:
      return " (cycle)";
    case Stop::repeat:
      return " (followed above)";
    case Stop::depth:
      return fmt::format(" (depth limit: the conditions of {} not shown)",
                         fmt::join(line.conditional_by, ", "));
  }
  return {};
}

// A stance sits under the text of the condition it is on, past the "[ ] ": depth 2k at column
// 2 + 6k, a condition (depth 2k + 1) two columns in from its stance.
int tree_column(int depth) { return 2 + 6 * (depth / 2) + 2 * (depth % 2); }

void write_condition_line(std::ostream& out, const Painter& paint, const ConditionLine& line) {
  const std::string margin(static_cast<std::size_t>(tree_column(line.depth)), ' ');
  if (line.kind == ConditionLine::Kind::stance) {
    out << margin << safe(line.party) << ": "
        << paint(to_string(line.stance), stance_color(line.stance))
        << (line.met ? ", its conditions are met:" : ", agrees once these are agreed:") << '\n';
    return;
  }
  const std::string box = line.met ? paint("[x]", k_green) : "[ ]";
  std::string state = "not a position of the scenario";
  if (line.status) {
    state = std::string(to_string(*line.status));
    if (line.deadlock) state += ", " + paint("deadlock", k_bold_red);
  }
  // Not wrapped: a tree line is easier to follow whole, and wrap() would escape the colours.
  out << margin << box << ' ' << safe(line.ref) << "  " << state << safe(stop_text(line)) << '\n';
}

void write_conditions(std::ostream& out, const Painter& paint, const Explanation& e) {
  write_heading(out, paint, "Conditions");
  if (e.conditions.empty()) {
    out << "  (none: no stance on it is conditional)\n";
    return;
  }
  bool cycle = false;
  for (const ConditionLine& line : e.conditions) {
    write_condition_line(out, paint, line);
    cycle = cycle || line.stop == Stop::cycle;
  }
  std::string legend =
      "[x] agreed, [ ] not agreed. Under each condition: the conditional stances on it, "
      "followed the same way.";
  if (cycle) legend += " (cycle): it waits, in turn, for a position above it.";
  if (e.truncated) {
    legend += fmt::format(" Conditions deeper than {} levels are not shown.", e.max_depth);
  }
  write_wrapped(out, legend, 2);
}

void write_package(std::ostream& out, const Painter& paint, const Explanation& e) {
  write_heading(out, paint, "Package");
  if (e.package.empty()) {
    out << "  (none)\n";
    return;
  }
  out << "  " << join(e.package, " + ") << '\n';
  write_wrapped(out, "Agreed only together: every member waits for the others.", 2);
}

std::string dependent_text(const Dependent& d) {
  std::string text = fmt::format("{} on {}: {}", d.party, d.position, to_string(d.stance));
  if (!d.conditional) return text + ", whatever its conditions";
  if (d.met) return text + ", its conditions are met";
  if (d.also_waits_for.empty()) return text + "; waits for nothing else";
  return text + fmt::format("; also waits for {}", fmt::join(d.also_waits_for, ", "));
}

void write_dependents(std::ostream& out, const Painter& paint, const Explanation& e) {
  write_heading(out, paint, fmt::format("Stances that wait for it ({})", e.dependents.size()));
  if (e.dependents.empty()) out << "  (none: no stance's agree_if names it)\n";
  for (const Dependent& d : e.dependents) write_hanging(out, "  ", dependent_text(d), 4);
}

}  // namespace
}  // namespace detail

void write_explanation_text(const Explanation& explanation, std::ostream& out,
                            const WriteOptions& options) {
  const detail::Painter paint(options.color);
  detail::write_header(out, paint, explanation);
  detail::write_stances(out, paint, explanation);
  detail::write_conditions(out, paint, explanation);
  detail::write_package(out, paint, explanation);
  detail::write_dependents(out, paint, explanation);
}

}  // namespace entente::reports
