#pragma once
// The JSON report as a value, for writers that embed it (the what-if report holds two).

#include <string>

#include <nlohmann/json.hpp>

#include "entente/reports/report.h"

namespace entente::reports::detail {

/// ordered_json keeps keys in insertion order, so the documented order is the order printed.
using Json = nlohmann::ordered_json;

/// The report in the shape documented at the top of json_writer.cpp.
Json report_json(const Report& report);

/// Two-space indentation and a final newline; strings escaped by json_string().
std::string print_json(const Json& value);

}  // namespace entente::reports::detail
