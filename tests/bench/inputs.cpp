#include "inputs.h"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string_view>
#include <utility>

#include "entente/loader.h"
#include "generate/scenario_generator.h"

namespace fs = std::filesystem;

namespace entente::bench {
namespace {

[[noreturn]] void fail(std::string_view what, const std::vector<Diagnostic>& diagnostics) {
  std::cerr << "entente_benchmarks: " << what << "\n";
  for (const Diagnostic& d : diagnostics) std::cerr << format_diagnostic(d) << "\n";
  std::exit(1);
}

bool parse_int(std::string_view text, int& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size() && value >= 0;
}

bool parse_pair(std::string_view text, int& a, int& b) {
  const std::size_t comma = text.find(',');
  return comma != text.npos && parse_int(text.substr(0, comma), a) &&
         parse_int(text.substr(comma + 1), b);
}

bool parse_sizes(std::string_view text, Sizes& sizes) {
  const std::size_t a = text.find(',');
  const std::size_t b = a == text.npos ? a : text.find(',', a + 1);
  if (b == text.npos) return false;
  return parse_int(text.substr(0, a), sizes.parties) && sizes.parties >= 1 &&
         parse_int(text.substr(a + 1, b - a - 1), sizes.issues) && sizes.issues >= 1 &&
         parse_int(text.substr(b + 1), sizes.positions_per_party);
}

Scenario validated(Expected<Scenario> scenario, std::string_view what) {
  if (!scenario) fail(what, scenario.error());
  auto valid = validate(std::move(*scenario));
  if (!valid) fail(what, valid.error());
  return std::move(*valid);
}

// Parses and merges every file as load_scenario does, without validating.
Scenario parse_all(const std::vector<File>& files) {
  auto scenario = parse_scenario(files.front().text, files.front().path.string());
  if (!scenario) fail("generated scenario.yaml does not parse", scenario.error());
  for (std::size_t i = 1; i < files.size(); ++i) {
    auto party = parse_party_file(files[i].text, files[i].path.string());
    if (!party) fail("a generated party file does not parse", party.error());
    for (Position& p : party->positions) scenario->positions.push_back(std::move(p));
    for (StanceDecl& s : party->stances) scenario->stances.push_back(std::move(s));
  }
  return std::move(*scenario);
}

}  // namespace

std::optional<Sizes> take_sizes(int& argc, char** argv) {
  Sizes sizes;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--scenario=")) {
      if (!parse_sizes(arg.substr(11), sizes)) return std::nullopt;
    } else if (arg.starts_with("--concede=")) {
      if (!parse_pair(arg.substr(10), sizes.concede_parties, sizes.concede_positions_per_party) ||
          sizes.concede_parties < 2 || sizes.concede_positions_per_party < 1) {
        return std::nullopt;
      }
    } else if (arg.starts_with("--links=")) {
      if (!parse_int(arg.substr(8), sizes.links) || sizes.links < 2) return std::nullopt;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  return sizes;
}

Inputs make_inputs(const Sizes& sizes) {
  const auto generated =
      generate::generate_scenario({.parties = sizes.parties,
                                   .issues = sizes.issues,
                                   .positions_per_party = sizes.positions_per_party,
                                   .seed = sizes.seed});
  Inputs in;
  in.dir = fs::temp_directory_path() / ("entente-bench-" + std::to_string(::getpid()));
  fs::remove_all(in.dir);
  fs::create_directories(in.dir);
  for (const auto& file : generated.files) {
    const fs::path path = in.dir / file.name;
    std::ofstream(path, std::ios::binary) << file.text;
    in.files.push_back({.path = path, .text = file.text});
  }
  in.bytes = generated.bytes;
  in.parsed = parse_all(in.files);
  in.scenario = validated(in.parsed, "generated scenario does not validate");
  in.resolution = resolve(in.scenario);
  in.graph.emplace(PositionGraph::build(in.scenario, in.resolution));
  in.analysis = analyze(*in.graph);
  in.report = reports::make_report(in.scenario, in.analysis);
  // The first stance of the scenario, turned around: always a valid change.
  if (!in.scenario.stances.empty()) {
    const StanceDecl& s = in.scenario.stances.front();
    in.set_change = s.party.str() + ":" + s.position.text() + "=" +
                    (s.stance == Stance::reject ? "agree" : "reject");
  }
  return in;
}

Scenario make_links(int length, bool cycle) {
  const auto generated = generate::generate_scenario({.parties = 2,
                                                      .issues = 1,
                                                      .positions_per_party = 0,
                                                      .chain = cycle ? 0 : length,
                                                      .cycle = cycle ? length : 0,
                                                      .single_file = true});
  return validated(parse_scenario(generated.files.front().text, "links.yaml"),
                   "generated chain or cycle does not load");
}

Scenario make_concede_scenario(const Sizes& sizes) {
  const auto generated =
      generate::generate_scenario({.parties = sizes.concede_parties,
                                   .issues = 1,
                                   .positions_per_party = sizes.concede_positions_per_party,
                                   .seed = sizes.seed,
                                   .single_file = true});
  return validated(parse_scenario(generated.files.front().text, "concede.yaml"),
                   "generated concede scenario does not load");
}

void remove_inputs(const Inputs& inputs) {
  std::error_code ec;
  fs::remove_all(inputs.dir, ec);
}

}  // namespace entente::bench
