// Writes the generator's model as YAML text (JSON: write_json.cpp), in the folder or the
// single-file form of docs/format.md section 1. Every scalar the generator makes is plain-safe
// (generate/text.h), so nothing is quoted except quotes, which are double-quoted as position files
// usually write them.

#include <string>
#include <string_view>

#include "generate/model.h"

namespace entente::generate::detail {
namespace {

// Appends `key: value` on its own line at `pad` + `indent` spaces.
void line(std::string& out, std::string_view pad, std::string_view key, std::string_view value) {
  out += pad;
  out += key;
  out += ": ";
  out += value;
  out += '\n';
}

void write_position(std::string& out, const Model& m, const Pos& p, std::string_view pad) {
  out += pad;
  out += "  - id: ";
  out += p.id;
  out += '\n';
  const std::string fields = std::string(pad) + "    ";
  line(out, fields, "issue", p.issue);
  line(out, fields, "kind", p.demand ? "demand" : "concession");
  line(out, fields, "text", p.text);
  if (p.priority != 3) line(out, fields, "priority", std::to_string(p.priority));
  if (p.red_line) line(out, fields, "red_line", "true");
  if (!p.to.empty()) {
    std::string to = "[";
    for (int q : p.to) {
      if (to.size() > 1) to += ", ";
      to += m.party_ids[static_cast<std::size_t>(q)];
    }
    line(out, fields, "to", to + "]");
  }
  if (p.source >= 0) line(out, fields, "source", source_id(p.source));
  if (!p.quote.empty()) line(out, fields, "quote", "\"" + p.quote + "\"");
  if (!p.note.empty()) line(out, fields, "note", p.note);
}

void write_stance(std::string& out, const Model& m, const StanceOut& s, std::string_view pad) {
  out += pad;
  out += "  - position: ";
  out += reference(m, s.position);
  out += '\n';
  const std::string fields = std::string(pad) + "    ";
  line(out, fields, "stance", s.stance);
  if (s.via >= 0) line(out, fields, "via", m.positions[static_cast<std::size_t>(s.via)].id);
  if (!s.agree_if.empty()) {
    std::string refs = "[";
    for (int c : s.agree_if) {
      if (refs.size() > 1) refs += ", ";
      refs += reference(m, c);
    }
    line(out, fields, "agree_if", refs + "]");
  }
  if (!s.note.empty()) line(out, fields, "note", s.note);
  if (s.source >= 0) line(out, fields, "source", source_id(s.source));
}

// A party's `positions:` and `stances:` (keys omitted when empty), at `pad`.
void write_party_body(std::string& out, const Model& m, const ByParty& by, std::size_t party,
                      std::string_view pad) {
  if (!by.positions[party].empty()) {
    out += pad;
    out += "positions:\n";
    for (int i : by.positions[party]) {
      write_position(out, m, m.positions[static_cast<std::size_t>(i)], pad);
    }
  }
  if (!by.stances[party].empty()) {
    out += pad;
    out += "stances:\n";
    for (int i : by.stances[party]) {
      write_stance(out, m, m.stances[static_cast<std::size_t>(i)], pad);
    }
  }
}

// scenario.yaml; with `by`, each party entry carries its positions and stances (single file).
std::string write_scenario(const Model& m, const ByParty* by) {
  std::string out = "format: 1\n";
  line(out, "", "title", m.title);
  line(out, "", "date", "2026-01-15");
  line(out, "", "description", k_generated_description);
  out += "parties:\n";
  for (std::size_t p = 0; p < m.party_ids.size(); ++p) {
    line(out, "  - ", "id", m.party_ids[p]);
    line(out, "    ", "name", m.party_names[p]);
    if (by != nullptr) write_party_body(out, m, *by, p, "    ");
  }
  out += "issues:\n";
  for (std::size_t i = 0; i < m.issue_ids.size(); ++i) {
    line(out, "  - ", "id", m.issue_ids[i]);
    line(out, "    ", "title", m.issue_titles[i]);
  }
  if (!m.source_titles.empty()) out += "sources:\n";
  for (std::size_t s = 0; s < m.source_titles.size(); ++s) {
    line(out, "  - ", "id", source_id(static_cast<int>(s)));
    line(out, "    ", "title", m.source_titles[s]);
    line(out, "    ", "date", m.source_dates[s]);
    line(out, "    ", "url", "https://example.org/" + source_id(static_cast<int>(s)));
  }
  return out;
}

}  // namespace

std::string source_id(int index) { return numbered("source-", index + 1, 2); }

std::string reference(const Model& m, int position) {
  const Pos& p = m.positions[static_cast<std::size_t>(position)];
  return m.party_ids[static_cast<std::size_t>(p.holder)] + "/" + p.id;
}

ByParty group(const Model& m) {
  ByParty by{.positions = std::vector<std::vector<int>>(m.party_ids.size()),
             .stances = std::vector<std::vector<int>>(m.party_ids.size())};
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    by.positions[static_cast<std::size_t>(m.positions[i].holder)].push_back(static_cast<int>(i));
  }
  for (std::size_t i = 0; i < m.stances.size(); ++i) {
    by.stances[static_cast<std::size_t>(m.stances[i].party)].push_back(static_cast<int>(i));
  }
  return by;
}

GeneratedScenario write_model(const Model& model, const GeneratorOptions& options) {
  GeneratedScenario result{.positions = model.positions.size(), .stances = model.stances.size()};
  for (const StanceOut& s : model.stances) {
    if (!s.agree_if.empty() && s.stance != "agree") ++result.conditional_stances;
  }
  const ByParty by = group(model);
  if (options.json) {
    result.files = json_files(model, by, options.single_file);
  } else if (options.single_file) {
    result.files.push_back({.name = "scenario.yaml", .text = write_scenario(model, &by)});
  } else {
    result.files.push_back({.name = "scenario.yaml", .text = write_scenario(model, nullptr)});
    for (std::size_t p = 0; p < model.party_ids.size(); ++p) {
      std::string text = "party: " + model.party_ids[p] + "\n";
      write_party_body(text, model, by, p, "");
      result.files.push_back({.name = model.party_ids[p] + ".yaml", .text = std::move(text)});
    }
  }
  for (const GeneratedFile& f : result.files) result.bytes += f.text.size();
  return result;
}

}  // namespace entente::generate::detail
