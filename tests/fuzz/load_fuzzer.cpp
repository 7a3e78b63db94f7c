// libFuzzer target: any bytes, as a scenario file and as a party file, in YAML and in JSON,
// through the whole
// pipeline (load, validate, graph, analyses, both writers), and as the model part of a parse
// cache entry. See tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "entente/analysis.h"
#include "entente/loader.h"
#include "entente/position_graph.h"
#include "entente/reports/report.h"
#include "loader/parse_cache.h"

namespace {

void run_pipeline(const entente::Scenario& scenario) {
  const auto graph = entente::PositionGraph::build(scenario);
  const auto analysis = entente::analyze(graph);
  const auto report = entente::reports::make_report(scenario, analysis);
  std::ostringstream sink;
  entente::reports::write_report(report, entente::reports::Format::text, sink, {.color = true});
  entente::reports::write_report(report, entente::reports::Format::json, sink);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The same bytes through both readers: YAML's, and JSON's (a file named *.json).
  for (const std::string_view suffix : {".yaml", ".json"}) {
    if (auto scenario = entente::parse_scenario(text, std::string("fuzz") + std::string(suffix))) {
      if (auto valid = entente::validate(std::move(*scenario))) run_pipeline(*valid);
    } else {
      for (const auto& d : scenario.error()) (void)entente::format_diagnostic(d);
    }
    (void)entente::parse_party_file(text, std::string("party") + std::string(suffix));
  }
  const std::string file = "party.yaml";
  (void)entente::detail::decode_payload(text, file, size % 2 == 0);
  return 0;
}
