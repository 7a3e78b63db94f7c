// The answer of `entente check` as JSON. A contract like the report's: keys are never renamed
// or given a new meaning.
//
// {
//   "schema_version": 1,
//   "scenario": "path as given",
//   "ok": bool,                 // no error, and no warning under --strict
//   "strict": bool,
//   "errors": n, "warnings": n,
//   "counts": {"parties": n, "issues": n, "positions": n, "stances": n} | null,  // null: not loaded
//   "diagnostics": [            // sorted by file, line, column
//     {"severity": "error" | "warning", "file": "path" | null, "line": n, "column": n,
//      "message": "..."}        // file null, line and column 0: not about a place in a file
//   ]
// }
#include <ostream>

#include "entente/reports/check.h"
#include "json/stream.h"
#include "writers.h"

namespace entente::reports {
namespace {

constexpr int k_schema_version = 1;

std::int64_t as_int(std::size_t n) { return static_cast<std::int64_t>(n); }

}  // namespace

void write_check_json(const CheckResult& result, std::ostream& out) {
  detail::JsonStream json(out);
  json.begin_object()
      .member("schema_version", k_schema_version)
      .member("scenario", result.scenario)
      .member("ok", result.ok())
      .member("strict", result.strict)
      .member("errors", as_int(result.errors()))
      .member("warnings", as_int(result.warnings()))
      .key("counts");
  if (result.counts) {
    json.begin_object()
        .member("parties", as_int(result.counts->parties))
        .member("issues", as_int(result.counts->issues))
        .member("positions", as_int(result.counts->positions))
        .member("stances", as_int(result.counts->stances))
        .end_object();
  } else {
    json.null();
  }
  json.key("diagnostics").begin_array();
  for (const Diagnostic& d : result.diagnostics) {
    json.begin_object()
        .member("severity", d.severity == Severity::error ? "error" : "warning")
        .key("file")
        .string_or_null(d.where.file.view())
        .member("line", d.where.line)
        .member("column", d.where.column)
        .member("message", d.message)
        .end_object();
  }
  json.end_array().end_object();
  json.finish();
}

}  // namespace entente::reports
