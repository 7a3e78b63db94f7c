// Google Benchmark of each stage of the pipeline (ARCHITECTURE.md) on a generated scenario,
// with yaml-cpp's own YAML::LoadFile on the same files as the baseline. Not run by ctest
// except as a smoke run (label `bench`); tools/bench.sh times the binary end to end.
//
//   entente_benchmarks [--scenario=PARTIES,ISSUES,POSITIONS_PER_PARTY] [--links=N]
//                      [--concede=PARTIES,POSITIONS_PER_PARTY]
//                      [Google Benchmark flags, e.g. --benchmark_filter=parse]
//
// Defaults: 20 parties, 50 issues, 100 positions per party (2,000 positions), chain and cycle
// of 20,000, concede on one issue of 12 parties x 5 positions. --scenario=200,500,500 is the
// scenario of the performance targets (docs/performance.md).

#include <benchmark/benchmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "entente/analysis.h"
#include "entente/comparison.h"
#include "entente/concede.h"
#include "entente/loader.h"
#include "entente/position_graph.h"
#include "entente/reports/comparison.h"
#include "entente/reports/report.h"
#include "entente/what_if.h"
#include "inputs.h"

namespace entente::bench {
namespace {

// An ostream that counts what is written and keeps none of it.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t count = 0;

 protected:
  int_type overflow(int_type c) override {
    ++count;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
};

void set_sizes(benchmark::State& state, const Inputs& in) {
  state.counters["positions"] = static_cast<double>(in.scenario.positions.size());
  state.counters["stances"] = static_cast<double>(in.scenario.stances.size());
}

void read_files(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    for (const File& f : in.files) {
      std::ifstream file(f.path, std::ios::binary);
      std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
      benchmark::DoNotOptimize(text.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.bytes));
}

void yaml_cpp_load_file(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    for (const File& f : in.files) {
      YAML::Node node = YAML::LoadFile(f.path.string());
      benchmark::DoNotOptimize(node);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.bytes));
}

// yaml-cpp's scanner and parser alone, every event dropped: the floor of any loader built on
// yaml-cpp's event API, as entente's is (docs/performance.md, "Where the time goes").
class DropEvents : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    benchmark::DoNotOptimize(value.data());
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

void yaml_cpp_events(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    for (const File& f : in.files) {
      std::istringstream text(f.text);
      YAML::Parser parser(text);
      DropEvents drop;
      while (parser.HandleNextDocument(drop)) {
      }
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.bytes));
}

void parse(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    auto scenario = parse_scenario(in.files.front().text, in.files.front().path.string());
    benchmark::DoNotOptimize(scenario);
    for (std::size_t i = 1; i < in.files.size(); ++i) {
      auto party = parse_party_file(in.files[i].text, in.files[i].path.string());
      benchmark::DoNotOptimize(party);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.bytes));
  set_sizes(state, in);
}

void validate_stage(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    state.PauseTiming();
    Scenario copy = in.parsed;
    state.ResumeTiming();
    auto valid = validate(std::move(copy));
    benchmark::DoNotOptimize(valid);
  }
  set_sizes(state, in);
}

void load(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    auto scenario = load_scenario(in.dir);
    if (!scenario) state.SkipWithError("load_scenario failed");
    benchmark::DoNotOptimize(scenario);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.bytes));
  set_sizes(state, in);
}

void resolve_stage(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    Resolution resolution = resolve(in.scenario);
    benchmark::DoNotOptimize(resolution);
  }
  set_sizes(state, in);
}

// From the resolution validate() made, as the CLI builds it.
void graph_build(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    PositionGraph graph = PositionGraph::build(in.scenario, in.resolution);
    benchmark::DoNotOptimize(graph);
  }
  set_sizes(state, in);
}

void analyze_stage(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    Analysis analysis = analyze(*in.graph);
    benchmark::DoNotOptimize(analysis);
  }
  set_sizes(state, in);
}

void report_stage(benchmark::State& state, const Inputs& in) {
  for (auto _ : state) {
    reports::Report report = reports::make_report(in.scenario, in.analysis);
    benchmark::DoNotOptimize(report);
  }
  set_sizes(state, in);
}

void write(benchmark::State& state, const Inputs& in, reports::Format format) {
  CountingBuffer buffer;
  std::ostream out(&buffer);
  for (auto _ : state) {
    reports::write_report(in.report, format, out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(buffer.count));
  set_sizes(state, in);
}

// What `report --format json` does after the analysis: the report without its positions'
// rows, then the JSON, the rows made a block at a time as they are printed.
void streamed_json(benchmark::State& state, const Inputs& in) {
  CountingBuffer buffer;
  std::ostream out(&buffer);
  for (auto _ : state) {
    const reports::StreamedReport report(in.scenario, in.analysis);
    reports::write_report(report, reports::Format::json, out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(buffer.count));
  set_sizes(state, in);
}

std::vector<Change> one_change(const Inputs& in) {
  auto change = parse_change(ChangeKind::set, in.set_change);
  if (!change) return {};
  return {std::move(*change)};
}

void whatif_apply(benchmark::State& state, const Inputs& in) {
  const std::vector<Change> changes = one_change(in);
  for (auto _ : state) {
    auto changed = apply_changes(in.scenario, changes);  // copies, as `entente whatif` does
    if (!changed) state.SkipWithError("apply_changes failed");
    benchmark::DoNotOptimize(changed);
  }
  set_sizes(state, in);
}

// What `entente whatif` does after loading: apply, both reports, the comparison.
void whatif_full(benchmark::State& state, const Inputs& in) {
  const std::vector<Change> changes = one_change(in);
  for (auto _ : state) {
    auto changed = apply_changes(in.scenario, changes);
    if (!changed) state.SkipWithError("apply_changes failed");
    const Analysis before_analysis = analyze(PositionGraph::build(in.scenario));
    const Analysis after_analysis = analyze(PositionGraph::build(*changed));
    auto comparison = compare({in.scenario, before_analysis}, {*changed, after_analysis});
    const reports::Report before = reports::make_report(in.scenario, before_analysis);
    const reports::Report after = reports::make_report(*changed, after_analysis);
    benchmark::DoNotOptimize(before);
    benchmark::DoNotOptimize(after);
    benchmark::DoNotOptimize(comparison);
  }
  set_sizes(state, in);
}

// What `entente report --format json` does, in-process: load, graph, analyses, report, JSON.
void end_to_end_json(benchmark::State& state, const Inputs& in) {
  CountingBuffer buffer;
  std::ostream out(&buffer);
  for (auto _ : state) {
    auto scenario = load_scenario(in.dir);
    if (!scenario) state.SkipWithError("load_scenario failed");
    const Analysis analysis = analyze(PositionGraph::build(*scenario));
    reports::write_report(reports::StreamedReport(*scenario, analysis), reports::Format::json, out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.bytes));
  set_sizes(state, in);
}

void links(benchmark::State& state, const Scenario& scenario, bool with_graph) {
  const PositionGraph graph = PositionGraph::build(scenario);
  for (auto _ : state) {
    if (with_graph) {
      Analysis analysis = analyze(PositionGraph::build(scenario));
      benchmark::DoNotOptimize(analysis);
    } else {
      Analysis analysis = analyze(graph);
      benchmark::DoNotOptimize(analysis);
    }
  }
  state.counters["positions"] = static_cast<double>(scenario.positions.size());
}

void concede_issue(benchmark::State& state, const Scenario& scenario) {
  for (auto _ : state) {
    auto result = concede(scenario, {.targets = {"issue-001"}});
    if (!result) state.SkipWithError("concede failed");
    benchmark::DoNotOptimize(result);
  }
  state.counters["positions"] = static_cast<double>(scenario.positions.size());
}

void register_all(const Inputs& in, const Scenario& chain, const Scenario& cycle,
                  const Scenario& concede_scenario) {
  using benchmark::RegisterBenchmark;
  const auto ms = benchmark::kMillisecond;
  RegisterBenchmark("read_files", read_files, std::cref(in))->Unit(ms);
  RegisterBenchmark("yaml_cpp_load_file", yaml_cpp_load_file, std::cref(in))->Unit(ms);
  RegisterBenchmark("yaml_cpp_events", yaml_cpp_events, std::cref(in))->Unit(ms);
  RegisterBenchmark("parse", parse, std::cref(in))->Unit(ms);
  RegisterBenchmark("validate", validate_stage, std::cref(in))->Unit(ms);
  RegisterBenchmark("load_scenario", load, std::cref(in))->Unit(ms);
  RegisterBenchmark("resolve", resolve_stage, std::cref(in))->Unit(ms);
  RegisterBenchmark("graph_build", graph_build, std::cref(in))->Unit(ms);
  RegisterBenchmark("analyze", analyze_stage, std::cref(in))->Unit(ms);
  RegisterBenchmark("make_report", report_stage, std::cref(in))->Unit(ms);
  for (const auto format : {reports::Format::text, reports::Format::json, reports::Format::markdown,
                            reports::Format::dot, reports::Format::html, reports::Format::csv}) {
    const std::string name = "write/" + std::string(reports::to_string(format));
    RegisterBenchmark(name.c_str(), write, std::cref(in), format)->Unit(ms);
  }
  RegisterBenchmark("make_and_write/json_streamed", streamed_json, std::cref(in))->Unit(ms);
  RegisterBenchmark("whatif_apply", whatif_apply, std::cref(in))->Unit(ms);
  RegisterBenchmark("whatif_full", whatif_full, std::cref(in))->Unit(ms);
  RegisterBenchmark("end_to_end_json", end_to_end_json, std::cref(in))->Unit(ms);
  RegisterBenchmark("chain/analyze", links, std::cref(chain), false)->Unit(ms);
  RegisterBenchmark("chain/graph_and_analyze", links, std::cref(chain), true)->Unit(ms);
  RegisterBenchmark("cycle/analyze", links, std::cref(cycle), false)->Unit(ms);
  RegisterBenchmark("cycle/graph_and_analyze", links, std::cref(cycle), true)->Unit(ms);
  RegisterBenchmark("concede/issue", concede_issue, std::cref(concede_scenario))->Unit(ms);
}

}  // namespace
}  // namespace entente::bench

int main(int argc, char** argv) {
  using namespace entente::bench;
  const auto sizes = take_sizes(argc, argv);
  if (!sizes) {
    std::cerr << "entente_benchmarks: expected --scenario=PARTIES,ISSUES,POSITIONS_PER_PARTY, "
                 "--links=N (N >= 2) and --concede=PARTIES,POSITIONS_PER_PARTY\n";
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  const Inputs inputs = make_inputs(*sizes);
  const entente::Scenario chain = make_links(sizes->links, false);
  const entente::Scenario cycle = make_links(sizes->links, true);
  const entente::Scenario concede_scenario = make_concede_scenario(*sizes);
  benchmark::AddCustomContext(
      "scenario", std::to_string(sizes->parties) + " parties, " + std::to_string(sizes->issues) +
                      " issues, " + std::to_string(inputs.scenario.positions.size()) +
                      " positions, " + std::to_string(inputs.scenario.stances.size()) +
                      " stances, " + std::to_string(inputs.bytes) + " bytes");
  benchmark::AddCustomContext("links", std::to_string(sizes->links));
  benchmark::AddCustomContext("concede",
                              std::to_string(concede_scenario.positions.size()) + " positions of " +
                                  std::to_string(sizes->concede_parties) + " parties on one issue");
  register_all(inputs, chain, cycle, concede_scenario);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  remove_inputs(inputs);
  return 0;
}
