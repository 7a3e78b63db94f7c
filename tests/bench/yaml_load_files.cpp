// The baseline of the first performance target (docs/performance.md): yaml-cpp alone
// loading a scenario's files, one thread, YAML::LoadFile on each. tools/bench.sh times this
// program as it times `entente`.
//
//   entente_yaml_baseline SCENARIO_FOLDER_OR_FILE

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <iostream>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: entente_yaml_baseline SCENARIO_FOLDER_OR_FILE\n";
    return 2;
  }
  const fs::path path = argv[1];
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::directory_iterator(path)) {
      const fs::path ext = entry.path().extension();
      if (ext == ".yaml" || ext == ".yml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  std::size_t nodes = 0;
  try {
    for (const fs::path& file : files) {
      const YAML::Node root = YAML::LoadFile(file.string());
      nodes += root.size();
    }
  } catch (const std::exception& e) {
    std::cerr << "entente_yaml_baseline: " << e.what() << "\n";
    return 1;
  }
  std::cout << files.size() << " files loaded (" << nodes << " top-level entries)\n";
  return 0;
}
