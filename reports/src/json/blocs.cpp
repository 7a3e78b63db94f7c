// The answer of `entente blocs` as JSON (docs/format.md 6.5; the text is text/blocs.cpp). The
// keys are a contract like the report's:
//
// {"format": 1,
//  "blocs": {"parties": ["a", "b", "c"],                // id order: rows and columns
//            "threshold": 0.5,
//            "alignment": [[null, 0.75, null], ...],   // null: itself, or nothing shared
//            "shared": [[0, 4, 0], ...],
//            "merges": [{"a": ["a"], "b": ["b"], "linkage": 0.75}],   // in the order made
//            "blocs": [["a", "b"], ["c"]],
//            "order": ["a", "b", "c"]}}                 // bloc order (6.5), for people
//
// Numbers are the shortest that read back to the same double.
#include <ostream>
#include <vector>

#include "entente/reports/blocs.h"
#include "json/stream.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::JsonStream;

constexpr int k_format = 1;

void stream_ids(const std::vector<Symbol>& ids, JsonStream& json) {
  json.begin_array();
  for (const Symbol id : ids) json.value(id.view());
  json.end_array();
}

}  // namespace

void write_blocs_json(const Blocs& blocs, std::ostream& out) {
  JsonStream json(out);
  const Alignment& al = blocs.alignment;
  json.begin_object().member("format", k_format).key("blocs").begin_object();
  json.key("parties");
  stream_ids(al.parties, json);
  json.key("threshold").number(blocs.threshold);
  json.key("alignment").begin_array();
  for (std::size_t p = 0; p < al.size(); ++p) {
    json.begin_array();
    for (std::size_t q = 0; q < al.size(); ++q) {
      if (const auto v = al.of(p, q))
        json.number(*v);
      else
        json.null();
    }
    json.end_array();
  }
  json.end_array().key("shared").begin_array();
  for (std::size_t p = 0; p < al.size(); ++p) {
    json.begin_array();
    for (std::size_t q = 0; q < al.size(); ++q) {
      json.value(static_cast<std::int64_t>(al.shared_by(p, q)));
    }
    json.end_array();
  }
  json.end_array().key("merges").begin_array();
  for (const BlocMerge& m : blocs.merges) {
    json.begin_object().key("a");
    stream_ids(m.a, json);
    json.key("b");
    stream_ids(m.b, json);
    json.key("linkage").number(m.linkage).end_object();
  }
  json.end_array().key("blocs").begin_array();
  for (const std::vector<Symbol>& bloc : blocs.blocs) stream_ids(bloc, json);
  json.end_array().key("order");
  stream_ids(blocs.order, json);
  json.end_object().end_object();
  json.finish();
}

}  // namespace entente::reports
