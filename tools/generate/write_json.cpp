// Writes the generator's model as JSON text (docs/format.md 1, "JSON input"): the same
// scenario as write_yaml.cpp writes, key for key and in the same order, so that both forms
// give the same report. One position or stance a line keeps the files close to the YAML's size.

#include <string>
#include <string_view>

#include "generate/model.h"

namespace entente::generate::detail {
namespace {

// A JSON string. The generator's text holds no control characters; quotes and backslashes
// are escaped all the same.
std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// `{"key": value, ...}` written a member at a time.
class Object {
 public:
  Object& raw(std::string_view key, std::string_view value) {
    out_ += out_.empty() ? "{" : ", ";
    out_ += json_string(key);
    out_ += ": ";
    out_ += value;
    return *this;
  }
  Object& text(std::string_view key, std::string_view value) {
    return raw(key, json_string(value));
  }
  std::string done() { return out_.empty() ? "{}" : out_ + "}"; }

 private:
  std::string out_{};
};

template <class Item>
std::string array(const std::vector<int>& indices, Item item) {
  std::string out = "[";
  for (const int i : indices) {
    if (out.size() > 1) out += ", ";
    out += item(i);
  }
  return out + "]";
}

std::string position(const Model& m, const Pos& p) {
  Object o;
  o.text("id", p.id).text("issue", p.issue).text("kind", p.demand ? "demand" : "concession");
  o.text("text", p.text);
  if (p.priority != 3) o.raw("priority", std::to_string(p.priority));
  if (p.red_line) o.raw("red_line", "true");
  if (!p.to.empty()) {
    o.raw("to", array(p.to, [&](int q) {
            return json_string(m.party_ids[static_cast<std::size_t>(q)]);
          }));
  }
  if (p.source >= 0) o.text("source", source_id(p.source));
  if (!p.quote.empty()) o.text("quote", p.quote);
  if (!p.note.empty()) o.text("note", p.note);
  return o.done();
}

std::string stance(const Model& m, const StanceOut& s) {
  Object o;
  o.text("position", reference(m, s.position)).text("stance", s.stance);
  if (s.via >= 0) o.text("via", m.positions[static_cast<std::size_t>(s.via)].id);
  if (!s.agree_if.empty()) {
    o.raw("agree_if", array(s.agree_if, [&](int c) { return json_string(reference(m, c)); }));
  }
  if (!s.note.empty()) o.text("note", s.note);
  if (s.source >= 0) o.text("source", source_id(s.source));
  return o.done();
}

// `"key": [` one item a line `]`, at `pad`.
template <class Item>
std::string lines(std::string_view pad, const std::vector<int>& indices, Item item) {
  std::string out = "[";
  for (const int i : indices) {
    out += out.size() > 1 ? ",\n" : "\n";
    out += pad;
    out += "  ";
    out += item(i);
  }
  return out + "\n" + std::string(pad) + "]";
}

// A party's `positions` and `stances` (left out when empty) as members of `o`.
void party_body(Object& o, const Model& m, const ByParty& by, std::size_t party,
                std::string_view pad) {
  if (!by.positions[party].empty()) {
    o.raw("positions", lines(pad, by.positions[party], [&](int i) {
            return position(m, m.positions[static_cast<std::size_t>(i)]);
          }));
  }
  if (!by.stances[party].empty()) {
    o.raw("stances", lines(pad, by.stances[party], [&](int i) {
            return stance(m, m.stances[static_cast<std::size_t>(i)]);
          }));
  }
}

std::vector<int> upto(std::size_t n) {
  std::vector<int> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<int>(i);
  return out;
}

// scenario.json; with `by`, each party entry carries its positions and stances (single file).
std::string scenario(const Model& m, const ByParty* by) {
  Object o;
  o.raw("format", "1").text("title", m.title).text("date", "2026-01-15");
  o.text("description", k_generated_description);
  o.raw("parties", lines("", upto(m.party_ids.size()), [&](int p) {
          const auto i = static_cast<std::size_t>(p);
          Object party;
          party.text("id", m.party_ids[i]).text("name", m.party_names[i]);
          if (by != nullptr) party_body(party, m, *by, i, "    ");
          return party.done();
        }));
  o.raw("issues", lines("", upto(m.issue_ids.size()), [&](int i) {
          const auto k = static_cast<std::size_t>(i);
          return Object().text("id", m.issue_ids[k]).text("title", m.issue_titles[k]).done();
        }));
  if (!m.source_titles.empty()) {
    o.raw("sources", lines("", upto(m.source_titles.size()), [&](int s) {
            const auto k = static_cast<std::size_t>(s);
            return Object()
                .text("id", source_id(s))
                .text("title", m.source_titles[k])
                .text("date", m.source_dates[k])
                .text("url", "https://example.org/" + source_id(s))
                .done();
          }));
  }
  return o.done() + "\n";
}

}  // namespace

std::vector<GeneratedFile> json_files(const Model& model, const ByParty& by, bool single_file) {
  std::vector<GeneratedFile> files;
  if (single_file) {
    files.push_back({.name = "scenario.json", .text = scenario(model, &by)});
    return files;
  }
  files.push_back({.name = "scenario.json", .text = scenario(model, nullptr)});
  for (std::size_t p = 0; p < model.party_ids.size(); ++p) {
    Object o;
    o.text("party", model.party_ids[p]);
    party_body(o, model, by, p, "");
    files.push_back({.name = model.party_ids[p] + ".json", .text = o.done() + "\n"});
  }
  return files;
}

}  // namespace entente::generate::detail
