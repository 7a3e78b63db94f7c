// The JSON report. Its shape is a contract (docs/format.md section 5): keys are never renamed
// or given a new meaning; new keys may be added, and then "schema_version" goes up.
//
// {
//   "format": 1,                         // the position-file format that was read
//   "schema_version": 4,                 // this shape (2: `sources`, and `quote` on answers;
//                                        // 3: `weights`; 4: `superseded`, and `exclusive` and
//                                        // `default` on issues, docs/format.md 7.5)
//   "scenario": {
//     "title": "...",
//     "parties": ["landlord", ...],      // ids, sorted
//     "issues": ["rent", ...],           // ids, sorted
//     "weights": {"landlord": 12, ...},  // the parties that have a weight (docs/format.md 6.1)
//     "date": "2026-03-01" | null,
//     "description": "..." | null
//   },
//   "positions": [                       // sorted by ref
//     {
//       "ref": "landlord/rent-plus-8",
//       "party": "landlord", "issue": "rent",
//       "kind": "demand" | "concession",
//       "priority": 1..5, "red_line": bool,
//       "status": "agreed" | "sticking" | "open" | "unanswered" | "superseded",
//       "deadlock": bool,
//       "stances": {"tenant": "agree" | "reject" | "consider" | "silent"},  // effective (3.1, 3.2)
//       "id": "rent-plus-8", "text": "...",
//       "to": ["tenant"],                // the audience, sorted
//       "in_package": bool,
//       "source": "letter-2026-02" | null, "quote": "..." | null, "note": "..." | null,
//       "sources": ["letter-2026-02", ...],  // every source cited; `source` is the first
//       "answers": [                     // the stances again, with what the files say, by party
//         {"party": "tenant", "stance": "reject", "via": "tenant/rent-freeze" | null,
//          "agree_if": ["landlord/x", ...], "conditional": bool, "condition_met": bool,
//          "note": "..." | null, "source": "..." | null, "quote": "..." | null,
//          "sources": ["...", ...]}
//       ]
//     }
//   ],
//   "common_ground": ["ref", ...],       // sorted by ref
//   "bargaining_space": ["ref", ...],    // sorted by ref
//   "sticking_points": [                 // ranked (docs/format.md 3.5)
//     {"ref": "...", "rejected_by": ["party", ...], "deadlock": bool}
//   ],
//   "packages": [["ref", ...], ...],
//   "superseded": ["ref", ...],          // sorted by ref, always present (docs/format.md 7.2)
//   "issues": [{"id": "rent",
//               "status": "deadlocked" | "contested" | "agreed" | "open" | "conflicting",
//               "exclusive": bool,
//               "default": "ref"}],       // only when the status quo holds by default (7.3)
//   "diagnostics": [
//     {"level": "warning", "file": "...", "line": 3, "column": 5, "message": "..."}
//   ]
// }
//
// Printed with two-space indentation and a final newline; equal reports give equal bytes.
#include "writers.h"

#include <charconv>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "blocks.h"
#include "json/stream.h"

namespace entente::reports {
namespace detail {
namespace {

constexpr int k_format = 1;
constexpr int k_schema_version = 4;

void stream_position(const PositionRow& row, JsonStream& json) {
  json.begin_object()
      .member("ref", row.ref)
      .member("party", row.party)
      .member("issue", row.issue)
      .member("kind", to_string(row.kind))
      .member("priority", row.priority)
      .member("red_line", row.red_line)
      .member("status", to_string(row.status))
      .member("deadlock", row.deadlock);
  json.key("stances").begin_object();
  for (const StanceRow& stance : row.stances) json.member(stance.party, to_string(stance.stance));
  json.end_object().member("id", row.id).member("text", row.text);
  json.key("to").begin_array();
  for (const StanceRow& stance : row.stances) json.value(stance.party);
  json.end_array().member("in_package", row.in_package);
  json.key("source").string_or_null(row.source);
  json.key("quote").string_or_null(row.quote);
  json.key("note").string_or_null(row.note);
  json.key("sources").strings(row.sources);
  json.key("answers").begin_array();
  for (const StanceRow& stance : row.stances) {
    json.begin_object().member("party", stance.party).member("stance", to_string(stance.stance));
    json.key("via").string_or_null(stance.via);
    json.key("agree_if").strings(stance.agree_if);
    json.member("conditional", stance.conditional).member("condition_met", stance.condition_met);
    json.key("note").string_or_null(stance.note);
    json.key("source").string_or_null(stance.source);
    json.key("quote").string_or_null(stance.quote);
    json.key("sources").strings(stance.sources);
    json.end_object();
  }
  json.end_array().end_object();
}

void stream_scenario(const Report& report, JsonStream& json) {
  json.begin_object().member("title", report.title);
  json.key("parties").begin_array();
  for (const PartyRow& party : report.parties) json.value(party.id);
  json.end_array().key("issues").begin_array();
  for (const IssueRow& issue : report.issues) json.value(issue.id);
  json.end_array().key("weights").begin_object();
  for (const PartyRow& party : report.parties) {
    if (!party.weight.empty()) json.key(party.id).number(weight_value(party.weight));
  }
  json.end_object();
  json.key("date").string_or_null(report.date);
  json.key("description").string_or_null(report.description);
  json.end_object();
}

void stream_lists(const Report& report, JsonStream& json) {
  json.key("common_ground").strings(report.common_ground);
  json.key("bargaining_space").strings(report.bargaining_space);
  json.key("sticking_points").begin_array();
  for (const StickingPoint& point : report.sticking_points) {
    json.begin_object().member("ref", point.ref);
    json.key("rejected_by").strings(point.rejected_by);
    json.member("deadlock", point.deadlock).end_object();
  }
  json.end_array().key("packages").begin_array();
  for (const std::vector<std::string>& package : report.packages) json.strings(package);
  json.end_array();
  json.key("superseded").strings(report.superseded);
}

// Positions are nearly all of a large report: they are printed in blocks (blocks.h), each
// into a fragment of the stream, by `print(begin, end, fragment)`.
void stream_positions(std::size_t count, const PrintPositions& print, JsonStream& json) {
  json.key("positions").begin_array();
  // Blocks are fragments of this one, taken before a second thread starts: `json` itself
  // changes as blocks are written.
  const JsonStream context = json.fragment(false);
  const auto print_block = [&](std::size_t begin, std::size_t end) {
    JsonStream part = context.fragment(begin > 0);
    print(begin, end, part);
    return part.take();
  };
  print_in_blocks(count, print_block, [&](std::string& printed) { json.append_values(printed); });
  json.end_array();
}

}  // namespace

void stream_report(const Report& report, JsonStream& json) {
  stream_report(
      report, report.positions.size(),
      [&](std::size_t begin, std::size_t end, JsonStream& part) {
        for (std::size_t i = begin; i < end; ++i) stream_position(report.positions[i], part);
      },
      json);
}

void stream_report(const StreamedReport& report, JsonStream& json) {
  stream_report(
      report.header(), report.size(),
      [&](std::size_t begin, std::size_t end, JsonStream& part) {
        for (const PositionRow& row : report.rows(begin, end)) stream_position(row, part);
      },
      json);
}

void stream_report(const Report& report, std::size_t positions, const PrintPositions& print,
                   JsonStream& json) {
  json.begin_object().member("format", k_format).member("schema_version", k_schema_version);
  json.key("scenario");
  stream_scenario(report, json);
  stream_positions(positions, print, json);
  stream_lists(report, json);
  json.key("issues").begin_array();
  for (const IssueRow& issue : report.issues) {
    json.begin_object().member("id", issue.id).member("status", to_string(issue.status));
    json.member("exclusive", issue.exclusive);
    if (!issue.default_position.empty()) json.member("default", issue.default_position);
    json.end_object();
  }
  json.end_array().key("diagnostics").begin_array();
  for (const Diagnostic& d : report.diagnostics) {
    json.begin_object()
        .member("level", to_string(d.severity))
        .member("file", d.where.file.view())
        .member("line", static_cast<std::int64_t>(d.where.line))
        .member("column", static_cast<std::int64_t>(d.where.column))
        .member("message", d.message)
        .end_object();
  }
  json.end_array().end_object();
}

}  // namespace detail

void write_json(const Report& report, std::ostream& out) {
  detail::JsonStream json(out);
  detail::stream_report(report, json);
  json.finish();
}

void write_json(const StreamedReport& report, std::ostream& out) {
  detail::JsonStream json(out);
  detail::stream_report(report, json);
  json.finish();
}

}  // namespace entente::reports
