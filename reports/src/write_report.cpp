#include "entente/reports/report.h"

#include <array>
#include <ostream>

#include "writers.h"

namespace entente::reports {
namespace {

using Writer = void (*)(const Report&, std::ostream&, const WriteOptions&);

struct FormatEntry {
  Format format;
  std::string_view name;
  Writer write;
};

// Indexed by Format; adding a format means one enum value, one row and one writer file.
constexpr std::array<FormatEntry, 2> k_formats{{
    {Format::text, "text", write_text},
    {Format::json, "json",
     [](const Report& report, std::ostream& out, const WriteOptions&) { write_json(report, out); }},
}};

constexpr bool indexed_by_format() {
  for (std::size_t i = 0; i < k_formats.size(); ++i) {
    if (static_cast<std::size_t>(k_formats[i].format) != i) return false;
  }
  return true;
}
static_assert(indexed_by_format(), "k_formats must be in the order of enum Format");

const FormatEntry& entry(Format format) { return k_formats[static_cast<std::size_t>(format)]; }

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const FormatEntry& e : k_formats) {
    if (e.name == name) return e.format;
  }
  return std::nullopt;
}

std::string_view to_string(Format f) { return entry(f).name; }

void write_report(const Report& report, Format format, std::ostream& out,
                  const WriteOptions& options) {
  entry(format).write(report, out, options);
}

}  // namespace entente::reports
