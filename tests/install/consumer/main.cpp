// A program outside Entente that uses its installed engine and reports, as a user's project
// would: load a scenario, analyse it, print a one-line summary and the Markdown report.
// Built by tests/install/consumer_test.sh against a staged install, with CMake's
// find_package and with pkg-config.
#include <cstdlib>
#include <iostream>

#include <entente/analysis.h>
#include <entente/loader.h>
#include <entente/position_graph.h>
#include <entente/reports/report.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer SCENARIO\n";
    return 2;
  }
  auto scenario = entente::load_scenario(argv[1]);
  if (!scenario) {
    for (const entente::Diagnostic& d : scenario.error()) {
      std::cerr << d.where.file.str() << ':' << d.where.line << ':' << d.where.column << ": "
                << d.message << '\n';
    }
    return 1;
  }
  const entente::Analysis analysis = entente::analyze(entente::PositionGraph::build(*scenario));
  std::cout << "consumer: " << scenario->positions.size() << " positions, "
            << analysis.sticking_points.size() << " sticking points, "
            << analysis.packages.size() << " packages\n";
  entente::reports::write_report(entente::reports::make_report(*scenario, analysis),
                                 entente::reports::Format::markdown, std::cout);
  return EXIT_SUCCESS;
}
