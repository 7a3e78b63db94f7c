// A scenario as one YAML file of the single-file form (docs/format.md), for `entente import
// csv`: loading it gives back the scenario it was written from, but for the places of its
// items. Text is always double-quoted on one line, with escapes for what YAML would fold or
// the loader would refuse; ids are plain; numbers and booleans are plain, as the loader wants
// them.

#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "entente/reports/scenario.h"
#include "support/utf8.h"

namespace entente::reports {
namespace {

// A double-quoted scalar of `s`: quotes and backslashes escaped, a line feed and a tab as \n
// and \t, other controls as \xNN, and what YAML 1.1 reads as a line break (NEL, LS, PS) or
// could take for a byte order mark as \uXXXX, so that the loader reads back exactly `s`. A
// byte that is not UTF-8 (never in a loaded scenario) is written as U+FFFD.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const support::CodePoint c = support::decode_utf8(s, i);
    const char32_t cp = c.valid ? c.value : U'\uFFFD';
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || !c.valid) {
      // \u, not \N, \L or \P: yaml-cpp reads \N as the byte 0x85, which is not UTF-8.
      out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(cp));
    } else if (support::is_control(cp)) {
      out += fmt::format("\\x{:02X}", static_cast<std::uint32_t>(cp));
    } else {
      out.append(s.substr(i, c.length));
    }
    i += c.length;
  }
  return out + '"';
}

// An id or a reference: plain, but for the one slug YAML reads as nothing.
std::string id(std::string_view s) { return s == "null" ? quoted(s) : std::string(s); }

std::string id_list(std::span<const IdRef> refs) {
  std::string out = "[";
  for (const IdRef& ref : refs) {
    if (out.size() > 1) out += ", ";
    out += id(ref.id.view());
  }
  return out + "]";
}

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}

  void key(int indent, std::string_view key, std::string_view value) {
    out_ << std::string(static_cast<std::size_t>(indent), ' ') << key << ": " << value << '\n';
  }
  // The first key of a list item: "- key: value".
  void item(int indent, std::string_view key, std::string_view value) {
    out_ << std::string(static_cast<std::size_t>(indent), ' ') << "- " << key << ": " << value
         << '\n';
  }
  void list(int indent, std::string_view key, bool empty) {
    out_ << std::string(static_cast<std::size_t>(indent), ' ') << key << ':' << (empty ? " []" : "")
         << '\n';
  }

 private:
  std::ostream& out_;
};

// `source: ID` for one, `sources: [ID, ...]` for more.
void write_sources(Writer& w, std::span<const IdRef> sources) {
  if (sources.size() == 1) w.key(8, "source", id(sources.front().id.view()));
  if (sources.size() > 1) w.key(8, "sources", id_list(sources));
}

void write_position(Writer& w, const Position& p) {
  w.item(6, "id", id(p.id.view()));
  w.key(8, "issue", id(p.issue.id.view()));
  w.key(8, "kind", to_string(p.kind));
  w.key(8, "text", quoted(p.text.view()));
  if (p.priority != 3) w.key(8, "priority", std::to_string(p.priority));
  if (p.red_line) w.key(8, "red_line", "true");
  if (!p.to.empty()) w.key(8, "to", id_list(p.to));
  write_sources(w, p.sources);
  if (!p.quote.empty()) w.key(8, "quote", quoted(p.quote.view()));
  if (!p.note.empty()) w.key(8, "note", quoted(p.note.view()));
}

void write_stance(Writer& w, const StanceDecl& s) {
  w.item(6, "position", id(s.position.text()));
  w.key(8, "stance", to_string(s.stance));
  if (s.via) w.key(8, "via", id(s.via->id.view()));
  if (!s.agree_if.empty()) w.key(8, "agree_if", id_list(s.agree_if));
  if (s.priority != k_default_stance_priority) w.key(8, "priority", std::to_string(s.priority));
  if (!s.quote.empty()) w.key(8, "quote", quoted(s.quote.view()));
  if (!s.note.empty()) w.key(8, "note", quoted(s.note.view()));
  write_sources(w, s.sources);
}

}  // namespace

void write_yaml_scenario(const Scenario& s, std::ostream& out) {
  // Each party's positions and stances, in the scenario's order, under its entry.
  std::unordered_map<std::string_view, std::vector<const Position*>> positions;
  std::unordered_map<std::string_view, std::vector<const StanceDecl*>> stances;
  for (const Position& p : s.positions) positions[p.party.view()].push_back(&p);
  for (const StanceDecl& st : s.stances) stances[st.party.view()].push_back(&st);

  Writer w(out);
  out << "# A scenario in the single-file form (docs/format.md), written by entente import.\n";
  w.key(0, "format", std::to_string(s.format));
  w.key(0, "title", quoted(s.title));
  if (!s.date.empty()) w.key(0, "date", s.date);
  if (!s.description.empty()) w.key(0, "description", quoted(s.description));
  w.list(0, "parties", s.parties.empty());
  for (const Party& party : s.parties) {
    w.item(2, "id", id(party.id.view()));
    w.key(4, "name", quoted(party.name));
    if (!party.weight.empty()) w.key(4, "weight", party.weight);
    if (const auto it = positions.find(party.id.view()); it != positions.end()) {
      w.list(4, "positions", false);
      for (const Position* p : it->second) write_position(w, *p);
    }
    if (const auto it = stances.find(party.id.view()); it != stances.end()) {
      w.list(4, "stances", false);
      for (const StanceDecl* st : it->second) write_stance(w, *st);
    }
  }
  w.list(0, "issues", s.issues.empty());
  for (const Issue& issue : s.issues) {
    w.item(2, "id", id(issue.id.view()));
    w.key(4, "title", quoted(issue.title));
    if (issue.exclusive) w.key(4, "exclusive", "true");
    if (issue.status_quo) w.key(4, "status_quo", id(issue.status_quo->id.view()));
  }
  if (!s.sources.empty()) {
    w.list(0, "sources", false);
    for (const Source& source : s.sources) {
      w.item(2, "id", id(source.id.view()));
      w.key(4, "title", quoted(source.title));
      if (!source.date.empty()) w.key(4, "date", source.date);
      if (!source.url.empty()) w.key(4, "url", quoted(source.url));
    }
  }
}

}  // namespace entente::reports
