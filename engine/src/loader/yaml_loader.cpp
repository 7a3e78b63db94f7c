// Reads the position-file format (docs/format.md section 1) from checked YAML nodes into the
// model.
// Only syntax and types are checked here; references between files are validate()'s job. The
// readers of loader/schema.h serve the CSV sheets of `import` too.
#include <fmt/format.h>

#include <string_view>
#include <unordered_set>

#include "entente/format_keys.h"
#include "entente/loader.h"
#include "loader/byte_checks.h"
#include "loader/flow_scan.h"
#include "loader/json_nodes.h"
#include "loader/schema.h"
#include "loader/schema_reader.h"
#include "loader/yaml_nodes.h"

namespace entente {
namespace {

using detail::Fields;
using detail::SchemaReader;
using detail::YamlNode;

// Reads `key` with `read` when present; `read` reports its own errors.
template <class Read>
void read_optional(Fields& fields, std::string_view key, Read read) {
  if (const YamlNode* value = fields.find(key)) read(*value);
}

std::string item_name(std::string_view what, const YamlNode& item) {
  // Names the item by its id when it has one, so that "missing key" errors say which.
  if (item.kind == YamlNode::Kind::mapping) {
    for (std::size_t i = 0; i < item.keys.size(); ++i) {
      if (item.keys[i].value == "id" && item.items[i].kind == YamlNode::Kind::scalar &&
          is_slug(item.items[i].value)) {
        return fmt::format("{} '{}'", what, item.items[i].value);
      }
    }
  }
  return std::string(what);
}

std::vector<IdRef> read_ref_list(SchemaReader& r, const YamlNode& node, std::string_view what,
                                 bool positions) {
  std::vector<IdRef> out;
  if (const auto* items = r.list(node, what)) {
    for (const YamlNode& item : *items) {
      auto ref = positions ? r.position_ref(item, what) : r.id_ref(item, what);
      if (ref) out.push_back(std::move(*ref));
    }
  }
  return out;
}

// `source: ID` (one) or `sources: [ID, ...]` (one or more), not both: the sources an item
// cites, in order, each once.
std::vector<IdRef> read_sources(SchemaReader& r, Fields& f) {
  const YamlNode* one = f.find("source");
  const YamlNode* many = f.find("sources");
  if (one && many) {
    r.error(*many, "write either 'source: ID' or 'sources: [ID, ...]', not both");
    return {};
  }
  std::vector<IdRef> out;
  if (one) {
    if (auto ref = r.id_ref(*one, "source")) out.push_back(std::move(*ref));
  } else if (many) {
    out = read_ref_list(r, *many, "sources", false);
    if (many->kind == YamlNode::Kind::sequence && many->items.empty()) {
      r.error(*many, "'sources' is empty: name at least one source, or leave 'sources' out");
    }
    std::unordered_set<std::string_view> seen;
    for (const YamlNode& item : many->items) {
      if (many->kind != YamlNode::Kind::sequence) break;  // r.list() said what is wrong
      if (item.kind == YamlNode::Kind::scalar && !seen.insert(item.value).second) {
        r.error(item, fmt::format("'sources' names '{}' twice", item.value));
      }
    }
  }
  return out;
}

}  // namespace

std::optional<Position> detail::read_position(SchemaReader& r, const YamlNode& node, Symbol party) {
  Fields f(r, node, item_name("position", node), format_item(Item::position));
  if (!f.ok()) return std::nullopt;
  Position p;
  p.party = party;
  p.where = r.at(node);
  const YamlNode* id = f.require("id");
  const auto id_value = id ? r.slug(*id, "position id") : std::nullopt;
  if (const YamlNode* issue = f.require("issue")) {
    if (auto ref = r.id_ref(*issue, "issue")) p.issue = std::move(*ref);
  }
  if (const YamlNode* kind = f.require("kind")) {
    const auto value = r.text(*kind, "kind");
    if (const auto parsed = value ? parse_position_kind(*value) : std::nullopt) {
      p.kind = *parsed;
    } else if (value) {
      r.error(*kind, fmt::format("unknown kind '{}' (expected demand or concession)", *value));
    }
  }
  if (const YamlNode* text = f.require("text")) p.text = r.text(*text, "text").value_or("");
  read_optional(f, "priority", [&](const YamlNode& v) {
    p.priority =
        r.integer(v, "priority", k_min_priority, k_max_priority).value_or(k_default_priority);
  });
  read_optional(f, "red_line", [&](const YamlNode& v) {
    p.red_line = r.boolean(v, "red_line").value_or(false);
  });
  read_optional(f, "to", [&](const YamlNode& v) {
    p.to = read_ref_list(r, v, "to", false);
    if (v.kind == YamlNode::Kind::sequence && v.items.empty()) {
      r.error(v, "'to' is empty: name at least one party, or leave 'to' out to address all");
    }
  });
  p.sources = read_sources(r, f);
  read_optional(f, "quote", [&](const YamlNode& v) { p.quote = r.text(v, "quote").value_or(""); });
  read_optional(f, "note", [&](const YamlNode& v) { p.note = r.text(v, "note").value_or(""); });
  if (!id_value) return std::nullopt;
  p.id = *id_value;
  return p;
}

// `via` names one of the stance-taker's own positions by its id alone. `via: fdp/pension`,
// written as `position:` is, says so, with the id to write.
namespace {
std::optional<IdRef> read_via(SchemaReader& r, const YamlNode& node, Symbol party) {
  if (node.kind == YamlNode::Kind::scalar) {
    const std::string_view value = node.value;
    const auto slash = value.find('/');
    const std::string_view holder = value.substr(0, slash);
    const std::string_view id = slash == std::string_view::npos ? "" : value.substr(slash + 1);
    if (is_slug(holder) && is_slug(id)) {
      constexpr std::string_view k_own =
          "'via' takes the party's own position id without the 'PARTY/' prefix";
      if (party.empty() || holder == party.view()) {
        r.error(node, fmt::format("{}: write 'via: {}'", k_own, id));
      } else {
        r.error(node, fmt::format("{}, and '{}' is not a position of '{}'", k_own, value, party));
      }
      return std::nullopt;
    }
  }
  return r.id_ref(node, "via");
}

}  // namespace

std::optional<StanceDecl> detail::read_stance(SchemaReader& r, const YamlNode& node, Symbol party) {
  Fields f(r, node, "stance", format_item(Item::stance));
  if (!f.ok()) return std::nullopt;
  StanceDecl s;
  s.party = party;
  s.where = r.at(node);
  const YamlNode* position = f.require("position");
  auto target = position ? r.stance_target(*position, "position") : std::nullopt;
  bool stance_ok = false;
  if (const YamlNode* stance = f.require("stance")) {
    const auto value = r.text(*stance, "stance");
    if (const auto parsed = value ? parse_stance(*value) : std::nullopt) {
      s.stance = *parsed;
      stance_ok = true;
    } else if (value) {
      r.error(*stance,
              fmt::format("unknown stance '{}' (expected agree, reject or consider)", *value));
    }
  }
  read_optional(f, "priority", [&](const YamlNode& v) {
    s.priority = static_cast<std::uint8_t>(r.integer(v, "priority", k_min_priority, k_max_priority)
                                               .value_or(k_default_stance_priority));
  });
  read_optional(f, "via", [&](const YamlNode& v) { s.via = read_via(r, v, party); });
  read_optional(f, "agree_if", [&](const YamlNode& v) {
    s.agree_if = read_ref_list(r, v, "agree_if", true);
  });
  read_optional(f, "quote", [&](const YamlNode& v) { s.quote = r.text(v, "quote").value_or(""); });
  read_optional(f, "note", [&](const YamlNode& v) { s.note = r.text(v, "note").value_or(""); });
  s.sources = read_sources(r, f);
  if (!target || !stance_ok) return std::nullopt;
  s.position = std::move(*target);
  return s;
}

namespace {

// The `positions:` and `stances:` of one party, from a party file or a `parties:` entry.
void read_party_body(SchemaReader& r, const Fields& f, Symbol party,
                     std::vector<Position>& positions, std::vector<StanceDecl>& stances) {
  // Each list sized once: no capacity left unused, none copied as it grows.
  if (const YamlNode* list = f.find("positions")) {
    if (const auto* items = r.list(*list, "positions")) {
      positions.reserve(positions.size() + items->size());
      for (const YamlNode& item : *items) {
        if (auto p = detail::read_position(r, item, party)) positions.push_back(std::move(*p));
      }
    }
  }
  if (const YamlNode* list = f.find("stances")) {
    if (const auto* items = r.list(*list, "stances")) {
      stances.reserve(stances.size() + items->size());
      for (const YamlNode& item : *items) {
        if (auto s = detail::read_stance(r, item, party)) stances.push_back(std::move(*s));
      }
    }
  }
}

template <class Item, class ReadItem>
void read_list(SchemaReader& r, const Fields& f, std::string_view key, std::vector<Item>& out,
               ReadItem read_item) {
  if (const YamlNode* list = f.find(key)) {
    if (const auto* items = r.list(*list, key)) {
      for (const YamlNode& item : *items) {
        if (auto value = read_item(item)) out.push_back(std::move(*value));
      }
    }
  }
}

}  // namespace

std::optional<Party> detail::read_party(SchemaReader& r, const YamlNode& node, Scenario& s) {
  Fields f(r, node, item_name("party", node), format_item(Item::party));
  const YamlNode* id = f.ok() ? f.require("id") : nullptr;
  auto id_value = id ? r.slug(*id, "party id") : std::nullopt;
  if (!id_value) return std::nullopt;
  Party party{*id_value, *id_value, r.at(node)};
  if (const YamlNode* name = f.find("name")) party.name = r.text(*name, "name").value_or("");
  if (const YamlNode* weight = f.find("weight")) {
    party.weight = r.weight(*weight, "weight").value_or("");
  }
  read_party_body(r, f, party.id, s.positions, s.stances);
  return party;
}

std::optional<Issue> detail::read_issue(SchemaReader& r, const YamlNode& node) {
  Fields f(r, node, item_name("issue", node), format_item(Item::issue));
  const YamlNode* id = f.ok() ? f.require("id") : nullptr;
  auto id_value = id ? r.slug(*id, "issue id") : std::nullopt;
  if (!id_value) return std::nullopt;
  // Placed at its `id:` key, where docs/format.md 7.2's warning points (in a block mapping the
  // item's own place too).
  Issue issue{*id_value, *id_value, r.at(*f.key_node("id"))};
  if (const YamlNode* title = f.find("title")) issue.title = r.text(*title, "title").value_or("");
  read_optional(f, "exclusive", [&](const YamlNode& v) {
    // docs/format.md 7.1: `exclusive:` with nothing is an error, said at the key (an empty
    // value has no place of its own).
    if (v.kind == YamlNode::Kind::null) {
      r.error(*f.key_node("exclusive"), "'exclusive' has no value: write true or false");
    } else {
      issue.exclusive = r.boolean(v, "exclusive").value_or(false);
    }
  });
  read_optional(f, "status_quo", [&](const YamlNode& v) {
    if (auto ref = r.position_ref(v, "status_quo")) issue.status_quo.emplace(std::move(*ref));
  });
  return issue;
}

std::optional<Source> detail::read_source(SchemaReader& r, const YamlNode& node) {
  Fields f(r, node, item_name("source", node), format_item(Item::source));
  const YamlNode* id = f.ok() ? f.require("id") : nullptr;
  auto id_value = id ? r.slug(*id, "source id") : std::nullopt;
  if (!id_value) return std::nullopt;
  Source source{*id_value, *id_value, "", "", r.at(node)};
  read_optional(f, "title",
                [&](const YamlNode& v) { source.title = r.text(v, "title").value_or(""); });
  read_optional(f, "date",
                [&](const YamlNode& v) { source.date = r.date(v, "date").value_or(""); });
  read_optional(f, "url", [&](const YamlNode& v) { source.url = r.text(v, "url").value_or(""); });
  return source;
}

void detail::read_format(SchemaReader& r, Fields& top, const YamlNode& root) {
  const YamlNode* format = top.find("format");
  if (format == nullptr) {
    r.error(root, fmt::format("missing 'format' (add 'format: {}' at the top)", k_format_version));
    return;
  }
  const std::string supported = std::to_string(k_format_version);
  if (format->kind != YamlNode::Kind::scalar) {
    r.error(*format, fmt::format("format must be the number {}, not {}", supported,
                                 to_string(format->kind)));
  } else if (format->value != supported) {
    r.error(*format, fmt::format("unsupported format '{}' (this version of entente reads "
                                 "format {})",
                                 format->value, supported));
  } else if (!format->plain) {
    // YAML reads "1" as text; format 1 is the number.
    r.error(*format, fmt::format("format must be the number {0}, not the quoted text '{0}' "
                                 "(remove the quotes)",
                                 supported));
  }
}

void detail::read_scenario_keys(SchemaReader& r, Fields& top, Scenario& s) {
  if (const YamlNode* title = top.require("title")) s.title = r.text(*title, "title").value_or("");
  read_optional(top, "date", [&](const YamlNode& v) { s.date = r.date(v, "date").value_or(""); });
  read_optional(top, "description",
                [&](const YamlNode& v) { s.description = r.text(v, "description").value_or(""); });
}

namespace {

// Parses text into checked nodes, as JSON or as YAML; an empty file is an error naming what
// was expected. The flow scan guards yaml-cpp only: RapidJSON needs no such guard, so a JSON
// file may be one long object up to the size limit (docs/format.md 1, "JSON input").
Expected<YamlNode> parse_document(std::string_view raw, std::string_view file, bool json,
                                  std::string_view expected) {
  auto text = detail::check_bytes(raw, file);
  if (!json) {
    text =
        text.and_then([&](std::string_view checked) { return detail::scan_flow(checked, file); });
  }
  if (!text) return tl::unexpected(std::move(text.error()));
  auto root = json ? detail::parse_json(*text, file) : detail::parse_yaml(*text, file);
  if (root && root->kind == YamlNode::Kind::null) {
    return tl::unexpected(std::vector<Diagnostic>{
        {{std::string(file), 0, 0}, Severity::error, fmt::format("the file is empty (expected {})", expected)}});
  }
  return root;
}

}  // namespace

Expected<Scenario> parse_scenario(std::string_view text, std::string_view file_name) {
  return detail::parse_scenario_as(text, file_name, is_json_file_name(file_name));
}

Expected<Scenario> detail::parse_scenario_as(std::string_view text, std::string_view file_name,
                                             bool json) {
  auto root = parse_document(text, file_name, json, "a scenario with 'format: 1'");
  if (!root) return tl::unexpected(std::move(root.error()));
  SchemaReader r(file_name);
  Scenario s;
  Fields top(r, *root, "the scenario", format_item(Item::scenario));
  if (top.ok()) {
    detail::read_format(r, top, *root);
    detail::read_scenario_keys(r, top, s);
    top.require("parties");
    top.require("issues");
    read_list(r, top, "parties", s.parties,
              [&](const YamlNode& node) { return detail::read_party(r, node, s); });
    read_list(r, top, "issues", s.issues,
              [&](const YamlNode& node) { return detail::read_issue(r, node); });
    read_list(r, top, "sources", s.sources,
              [&](const YamlNode& node) { return detail::read_source(r, node); });
  }
  auto diagnostics = r.take_diagnostics();
  sort_diagnostics(diagnostics);
  if (has_errors(diagnostics)) return tl::unexpected(std::move(diagnostics));
  s.warnings = std::move(diagnostics);
  return s;
}

Expected<PartyFile> parse_party_file(std::string_view text, std::string_view file_name) {
  auto root = parse_document(text, file_name, is_json_file_name(file_name),
                             "a party file starting with 'party:'");
  if (!root) return tl::unexpected(std::move(root.error()));
  SchemaReader r(file_name);
  PartyFile out;
  Fields f(r, *root, "the party file", format_item(Item::party_file));
  const YamlNode* party = f.ok() ? f.require("party") : nullptr;
  if (auto ref = party ? r.id_ref(*party, "party") : std::nullopt) out.party = std::move(*ref);
  read_party_body(r, f, out.party.id, out.positions, out.stances);
  auto diagnostics = r.take_diagnostics();
  sort_diagnostics(diagnostics);
  if (has_errors(diagnostics)) return tl::unexpected(std::move(diagnostics));
  return out;
}

}  // namespace entente
