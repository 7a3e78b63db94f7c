// The answer of `entente coalitions` as JSON (docs/format.md 6.5). The keys are a contract
// like the report's:
//
// {"format": 1,
//  "coalitions": [{"members": ["a", "b"],        // sorted by id
//                  "weight": 12,                 // null unless every member has one
//                  "cohesion": 0.75,             // null when no pair's alignment is defined
//                  "deadlocks": 0, "sticking": 1, "agreed": 3, "open": 2, "unanswered": 0,
//                  "superseded": 0}],            // docs/format.md 7.2
//  "candidates": 12}                             // how many were ranked, before --top
//
// Numbers are the shortest that read back to the same double; an integral weight an integer.
#include <ostream>

#include "entente/reports/coalitions.h"
#include "json/stream.h"
#include "writers.h"

namespace entente::reports {

void write_coalitions_json(const Coalitions& coalitions, std::ostream& out) {
  detail::JsonStream json(out);
  json.begin_object().member("format", 1).key("coalitions").begin_array();
  for (const Coalition& c : coalitions.ranked) {
    json.begin_object().key("members").begin_array();
    for (const Symbol id : c.members) json.value(id.view());
    json.end_array().key("weight");
    if (c.weight) {
      json.number(detail::weight_value(c.weight->str()));
    } else {
      json.null();
    }
    json.key("cohesion");
    if (c.cohesion) {
      json.number(*c.cohesion);
    } else {
      json.null();
    }
    json.member("deadlocks", static_cast<std::int64_t>(c.deadlocks))
        .member("sticking", static_cast<std::int64_t>(c.sticking))
        .member("agreed", static_cast<std::int64_t>(c.agreed))
        .member("open", static_cast<std::int64_t>(c.open))
        .member("unanswered", static_cast<std::int64_t>(c.unanswered))
        .member("superseded", static_cast<std::int64_t>(c.superseded))
        .end_object();
  }
  json.end_array().member("candidates", static_cast<std::int64_t>(coalitions.candidates));
  json.end_object();
  json.finish();
}

}  // namespace entente::reports
