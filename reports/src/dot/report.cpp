// The position graph of docs/format.md section 2 in Graphviz DOT, for `dot -Tsvg`: each party
// a cluster holding its positions, each stance an edge from its `via` position (or from the
// party's node when it has none) to the position it answers. Built from the Report's sorted
// lists, so node ids are references and equal reports give equal bytes.
//
// Every mark has a form that survives printing in grey: a stance is a line style and an arrow
// head (agree solid, consider dashed with an open head, reject bold with a bar), a red line a
// double border, a deadlock the word DEADLOCK; colour only repeats them.

#include "writers.h"

#include <algorithm>
#include <ostream>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "escape.h"
#include "report_summary.h"

namespace entente::reports {
namespace {

using detail::dot;

constexpr std::string_view k_font = "Helvetica";
constexpr std::string_view k_party_look = "shape=ellipse, style=\"filled\", fillcolor=\"#cfd8dc\"";

// A DOT quoted string of user text.
std::string quoted(std::string_view text) { return "\"" + dot(text) + "\""; }

// Ids that cannot meet a position's: references always hold a '/', these never do.
std::string party_node(std::string_view party) { return quoted("party:" + std::string(party)); }

struct EdgeStyle {
  std::string_view style;
  std::string_view arrowhead;
  std::string_view color;
  std::string_view penwidth;
};

EdgeStyle edge_style(EffectiveStance stance) {
  switch (stance) {
    case EffectiveStance::agree:
      return {"solid", "normal", "#2e7d32", "1"};
    case EffectiveStance::consider:
      return {"dashed", "empty", "#b26a00", "1.2"};
    case EffectiveStance::reject:
      return {"bold", "tee", "#c62828", "2"};
    case EffectiveStance::silent:
      break;
  }
  return {"dotted", "none", "#9e9e9e", "1"};
}

std::string edge_attributes(EffectiveStance stance) {
  const EdgeStyle s = edge_style(stance);
  return fmt::format("style={}, arrowhead={}, color=\"{}\", penwidth={}", s.style, s.arrowhead,
                     s.color, s.penwidth);
}

std::string_view status_fill(PositionStatus status, bool deadlock) {
  if (deadlock) return "#f28b82";
  switch (status) {
    case PositionStatus::agreed:
      return "#d4edda";
    case PositionStatus::open:
      return "#fff3cd";
    case PositionStatus::sticking:
      return "#f8d7da";
    case PositionStatus::unanswered:
    case PositionStatus::superseded:
      break;
  }
  return "#e9ecef";
}

// The attributes that mark a position's status, red line and deadlock: shared by the graph and
// its legend, so the legend cannot show a look the graph does not use.
std::string position_look(PositionStatus status, bool red_line, bool deadlock) {
  std::string look = fmt::format("fillcolor=\"{}\"", status_fill(status, deadlock));
  if (red_line) look += ", peripheries=2";
  if (deadlock) look += ", penwidth=2.5";
  return look;
}

// "DEADLOCK\nno-nato-enlargement\nnato-enlargement, demand, priority 5\nred line, sticking".
std::string position_label(const PositionRow& row) {
  std::string label = row.deadlock ? "DEADLOCK\\n" : "";
  label += dot(row.id) + "\\n" + dot(row.issue);
  label += fmt::format(", {}, priority {}\\n", to_string(row.kind), row.priority);
  if (row.red_line) label += "red line, ";
  return label + std::string(to_string(row.status));
}

void write_position(std::ostream& out, const PositionRow& row) {
  out << "    " << quoted(row.ref) << " [label=\"" << position_label(row)
      << "\", tooltip=" << quoted(row.text) << ", "
      << position_look(row.status, row.red_line, row.deadlock) << "];\n";
}

// Parties that take a stance without naming a position of their own need a node to start from.
std::set<std::string> parties_answering_directly(const Report& report) {
  std::set<std::string> parties;
  for (const PositionRow& row : report.positions) {
    for (const StanceRow& answer : row.stances) {
      if (answer.via.empty() && answer.stance != EffectiveStance::silent) {
        parties.emplace(answer.party);
      }
    }
  }
  return parties;
}

void write_cluster(std::ostream& out, const Report& report, const PartyRow& party,
                   bool with_party_node) {
  const std::string name = party.name.empty() ? party.id : party.name + " (" + party.id + ")";
  out << "  subgraph " << quoted("cluster_party_" + party.id) << " {\n"
      << "    label=" << quoted(name) << ";\n"
      << "    style=\"rounded\"; color=\"#607d8b\"; fontsize=14;\n";
  if (with_party_node) {
    out << "    " << party_node(party.id) << " [label=" << quoted(party.id) << ", " << k_party_look
        << "];\n";
  }
  // Positions are sorted by ref, PARTY/ID: a party's own are one run.
  const std::string prefix = party.id + "/";
  auto it = std::lower_bound(
      report.positions.begin(), report.positions.end(), prefix,
      [](const PositionRow& row, const std::string& wanted) { return row.ref < wanted; });
  for (; it != report.positions.end() && it->ref.starts_with(prefix); ++it) {
    write_position(out, *it);
  }
  out << "  }\n";
}

// "agrees if\nrussia/a\nrussia/b": the conditions one per line, so the label stays narrow.
std::string condition_label(const StanceRow& answer) {
  std::string label(detail::condition_phrase(answer));
  for (const std::string_view ref : answer.agree_if) label += "\\n" + dot(ref);
  return label;
}

void write_edges(std::ostream& out, const Report& report) {
  for (const PositionRow& row : report.positions) {
    for (const StanceRow& answer : row.stances) {
      if (answer.stance == EffectiveStance::silent) continue;
      out << "  " << (answer.via.empty() ? party_node(answer.party) : quoted(answer.via)) << " -> "
          << quoted(row.ref) << " [" << edge_attributes(answer.stance);
      if (!answer.agree_if.empty()) out << ", label=\"" << condition_label(answer) << "\"";
      const std::string tip =
          fmt::format("{}: {} {}", answer.party, to_string(answer.stance), row.ref) +
          (answer.note.empty() ? "" : fmt::format(" -- {}", answer.note));
      out << ", tooltip=" << quoted(tip) << "];\n";
    }
  }
}

struct LegendSample {
  std::string_view name;
  std::string_view label;
  PositionStatus status;
  bool red_line;
  bool deadlock;
};

// The node samples of the legend: the fills of the statuses, then the red-line and deadlock
// borders.
constexpr LegendSample k_status_samples[] = {
    {"agreed", "agreed", PositionStatus::agreed, false, false},
    {"open", "open", PositionStatus::open, false, false},
    {"unanswered", "unanswered", PositionStatus::unanswered, false, false},
    {"sticking", "sticking", PositionStatus::sticking, false, false},
};
constexpr LegendSample k_border_samples[] = {
    {"red-line", "red line", PositionStatus::open, true, false},
    {"deadlock", "DEADLOCK: a red line\\nrejected via a red line", PositionStatus::sticking, true,
     true},
};

// One row of samples, chained by invisible edges so that the key stays small.
void write_sample_row(std::ostream& out, std::span<const LegendSample> row) {
  std::string chain;
  for (const LegendSample& sample : row) {
    out << fmt::format("    \"legend:{}\" [label=\"{}\", {}];\n", sample.name, sample.label,
                       position_look(sample.status, sample.red_line, sample.deadlock));
    chain += fmt::format("{}\"legend:{}\"", chain.empty() ? "" : " -> ", sample.name);
  }
  out << "    " << chain << " [style=invis];\n";
}

// A key in the corner: one sample edge per stance and one sample node per look.
void write_legend(std::ostream& out) {
  out << "  subgraph \"cluster_legend\" {\n"
      << "    label=\"Legend\"; style=\"rounded,dashed\"; color=\"#9e9e9e\"; fontsize=12;\n"
      << "    node [fontsize=9];\n";
  for (const EffectiveStance stance :
       {EffectiveStance::agree, EffectiveStance::consider, EffectiveStance::reject}) {
    const std::string_view name = to_string(stance);
    out << fmt::format("    \"legend:{0}:from\" [label=\"\", shape=point, width=0.06];\n", name)
        << fmt::format("    \"legend:{0}\" [label=\"{0}s\", shape=plaintext, style=\"\"];\n", name)
        << fmt::format("    \"legend:{0}:from\" -> \"legend:{0}\" [{1}];\n", name,
                       edge_attributes(stance));
  }
  write_sample_row(out, k_status_samples);
  write_sample_row(out, k_border_samples);
  out << "    \"legend:party\" [label=\"party (a stance\\nwithout via)\", " << k_party_look
      << "];\n"
      << "    \"legend:deadlock\" -> \"legend:party\" [style=invis];\n"
      << "  }\n";
}

void write_graph_attributes(std::ostream& out, const Report& report) {
  std::string title = report.title.empty() ? "(untitled)" : report.title;
  if (!report.date.empty()) title += " (" + report.date + ")";
  out << "  graph [label=" << quoted(title + "\n" + detail::summary_line(report))
      << ", labelloc=t, fontsize=18, fontname=\"" << k_font
      << "\", rankdir=LR, nodesep=0.25, ranksep=1.0];\n"
      << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"" << k_font
      << "\", fontsize=10];\n"
      << "  edge [fontname=\"" << k_font << "\", fontsize=8, arrowsize=0.8];\n";
}

}  // namespace

void write_dot(const Report& report, std::ostream& out) {
  out << "digraph \"entente\" {\n";
  write_graph_attributes(out, report);
  const std::set<std::string> direct = parties_answering_directly(report);
  for (const PartyRow& party : report.parties) {
    write_cluster(out, report, party, direct.contains(party.id));
  }
  write_edges(out, report);
  write_legend(out);
  out << "}\n";
}

}  // namespace entente::reports
