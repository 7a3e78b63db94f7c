// `entente-generate`: writes a synthetic scenario for benchmarks and tests (README,
// "Performance"). Not installed with entente.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

#include "exception_boundary.h"
#include "generate/scenario_generator.h"

namespace fs = std::filesystem;
using entente::generate::GeneratedFile;
using entente::generate::GeneratorOptions;

namespace {

// One buffered write per file.
bool write_file(const fs::path& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && written;
}

// A folder that already holds YAML or JSON files would mix old parties with new ones: refuse
// it, or with --force remove those files first.
bool prepare_folder(const fs::path& dir, bool force) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    std::cerr << "entente-generate: error: cannot create folder " << dir.string() << "\n";
    return false;
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path ext = entry.path().extension();
    if (ext != ".yaml" && ext != ".yml" && ext != ".json") continue;
    if (!force) {
      std::cerr << "entente-generate: error: " << dir.string()
                << " already holds YAML or JSON files; use --force to replace them\n";
      return false;
    }
    fs::remove(entry.path(), ec);
  }
  return true;
}

int write_output(const entente::generate::GeneratedScenario& scenario, const fs::path& output,
                 bool single_file, bool force) {
  if (single_file) {
    if (fs::exists(output) && !force) {
      std::cerr << "entente-generate: error: " << output.string()
                << " exists; use --force to replace it\n";
      return 1;
    }
    if (!write_file(output, scenario.files.front().text)) {
      std::cerr << "entente-generate: error: cannot write " << output.string() << "\n";
      return 1;
    }
    return 0;
  }
  if (!prepare_folder(output, force)) return 1;
  for (const GeneratedFile& file : scenario.files) {
    if (!write_file(output / file.name, file.text)) {
      std::cerr << "entente-generate: error: cannot write " << (output / file.name).string()
                << "\n";
      return 1;
    }
  }
  return 0;
}

int run(int argc, char** argv) {
  CLI::App app{"Writes a synthetic Entente scenario (docs/format.md), the same for the same seed.",
               "entente-generate"};
  app.footer(
      "Exit codes: 0 written, 1 cannot be written, 2 usage error, 3 internal error, 4 out of\n"
      "memory.");
  GeneratorOptions o;
  std::string output;
  bool force = false;
  const auto share = CLI::Range(0.0, 1.0);
  app.add_option("--parties", o.parties, "Number of parties")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  app.add_option("--issues", o.issues, "Number of issues")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  app.add_option("--positions-per-party", o.positions_per_party, "Positions each party holds")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000000));
  app.add_option("--audience", o.audience,
                 "Parties each position is addressed to (0: every other party)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--answer-rate", o.answer_rate, "Share of audience parties that state a stance")
      ->capture_default_str()
      ->check(share);
  app.add_option("--conditional", o.conditional, "Share of stances with agree_if")
      ->capture_default_str()
      ->check(share);
  app.add_option("--red-lines", o.red_lines, "Share of positions that are red lines")
      ->capture_default_str()
      ->check(share);
  app.add_option("--chain", o.chain,
                 "Add a chain of N conditional stances (issue 'chain', all agreed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000000));
  app.add_option("--cycle", o.cycle,
                 "Add a cycle of N conditional stances (issue 'cycle', one package)")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000000));
  app.add_option("--seed", o.seed, "Seed of the random choices")->capture_default_str();
  app.add_flag("--single-file", o.single_file, "Write one file instead of a folder");
  app.add_flag("--json", o.json,
               "Write JSON (scenario.json and <party>.json files) instead of YAML");
  app.add_flag("--force", force,
               "Replace an existing file, or the YAML and JSON files of the folder");
  app.add_option("-o,--output", output, "Folder to write (or the file, with --single-file)")
      ->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the help or the error; its own codes (105, 106, ...) become entente's 2.
    return app.exit(e) == 0 ? 0 : 2;
  }
  if ((o.chain > 0 || o.cycle > 0) && o.parties < 2) {
    std::cerr << "entente-generate: error: --chain and --cycle need at least 2 parties\n";
    return 2;
  }
  const auto scenario = entente::generate::generate_scenario(o);
  if (const int code = write_output(scenario, output, o.single_file, force); code != 0) {
    return code;
  }
  std::cout << "entente-generate: wrote " << scenario.files.size() << " file(s), " << scenario.bytes
            << " bytes: " << o.parties << " parties, " << scenario.positions << " positions, "
            << scenario.stances << " stances (" << scenario.conditional_stances
            << " conditional)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return entente::exception_boundary("entente-generate", std::cerr,
                                     [&] { return run(argc, argv); });
}
