#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "entente/diagnostic.h"

namespace entente::detail {

/// A file's bytes, and its modification time for the parse cache's key.
struct FileData {
  std::string text;
  std::int64_t mtime_ns = 0;
};

/// Reads a regular file of at most `max_bytes` (a FIFO or a device is an error, never a wait),
/// for the YAML files of a scenario and the CSV sheets of `import`. `hint` says how to raise
/// the limit, after the error of a larger file.
[[nodiscard]] Expected<FileData> read_file(const std::filesystem::path& path,
                                           std::uint64_t max_bytes, std::string_view hint);

}  // namespace entente::detail
