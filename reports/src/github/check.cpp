// The answer of `entente check` as GitHub Actions workflow commands: each diagnostic becomes
// an annotation on its file and line in the pull request
// (https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions),
// then the summary line of the text form, which the log shows as it is.
#include <ostream>
#include <string>
#include <string_view>

#include "entente/reports/check.h"
#include "writers.h"

namespace entente::reports {
namespace {

// A command's message may hold any text but these three; a property's value not ',' or ':'
// either (as the Actions toolkit escapes them).
std::string escaped(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void write_check_github(const CheckResult& result, std::ostream& out) {
  for (const Diagnostic& d : result.diagnostics) {
    out << "::" << (d.severity == Severity::error ? "error" : "warning");
    std::string_view separator = " ";
    if (!d.where.file.empty()) {
      out << separator << "file=" << escaped(d.where.file.view(), true);
      separator = ",";
      if (d.where.line > 0) out << ",line=" << d.where.line;
      if (d.where.column > 0) out << ",col=" << d.where.column;
    }
    out << separator << "title=entente::" << escaped(d.message, false) << '\n';
  }
  out << check_summary(result) << '\n';
}

}  // namespace entente::reports
