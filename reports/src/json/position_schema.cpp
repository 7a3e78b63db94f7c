// The JSON Schema of the position files (docs/schema.md), in draft-07, the draft that
// yaml-language-server supports in full. Everything in it comes from the format's key table
// (entente/format_keys.h), which the loader reads the files by; nothing here names a key.
//
// {
//   "$schema", "$comment", "title", "description",
//   "if": {a mapping with the party file's `party`}, "then": party_file, "else": scenario,
//   "definitions": {
//     one per kind of mapping (scenario, party_file, party, issue, source, position, stance):
//       {"description", "type": "object", "properties", "required",
//        "additionalProperties": false, "not" for keys that exclude each other, for a
//        scenario's party and party file: "allOf"},
//     "id", and one per kind of reference (party_id, issue_id, source_id, position_ref,
//     own_position_id): their pattern, or for a scenario the names it holds as an enum
//   }
// }
//
// The files are YAML and the schema judges what YAML 1.2's core schema makes of them, as an
// editor does: an unquoted `2022` is a number, `true` a boolean, an empty value null. So text
// may be a number or a boolean, an id a number (slugs of digits alone), an optional key null
// (absent, as docs/format.md section 1 says), and a scenario's enums hold both forms of an id.

#include "entente/reports/position_schema.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "entente/format_keys.h"
#include "json/stream.h"

namespace entente::reports {
namespace {

using detail::JsonStream;

constexpr std::string_view k_slug_pattern = "^[a-z0-9][a-z0-9-]*$";
constexpr std::string_view k_position_ref_pattern = "^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$";
constexpr std::string_view k_date_pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
// Text holds no control character but tab and line feed (the loader's byte checks), whether
// written raw or as an escape.
constexpr std::string_view k_text_pattern =
    "^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u0084\\u0086-\\u009f]*$";

// The definition each kind of reference points to.
struct Reference {
  Names names{};
  std::string_view definition{};
  std::string_view description{};
};

constexpr std::array<Reference, 5> k_references{{
    {Names::party, "party_id", "The id of one of the scenario's parties."},
    {Names::issue, "issue_id", "The id of one of the scenario's issues."},
    {Names::source, "source_id", "The id of one of the scenario's sources."},
    {Names::position, "position_ref",
     "A position of any party: PARTY/POSITION, its holder's id, a slash and its own id."},
    {Names::own_position, "own_position_id",
     "One of the stance-taker's own positions, by its id alone."},
}};

const Reference& reference(Names names) {
  return *std::find_if(k_references.begin(), k_references.end(),
                       [&](const Reference& r) { return r.names == names; });
}

std::string definition_ref(std::string_view definition) {
  return fmt::format("#/definitions/{}", definition);
}

// What a scenario holds that references may name; absent for the schema of every scenario.
struct ScenarioNames {
  std::string_view title{};
  std::vector<std::string_view> parties{};
  std::vector<std::string_view> issues{};
  std::vector<std::string_view> sources{};
  std::vector<std::string> positions{};  ///< PARTY/POSITION
  /// Each party's own positions' ids, in the order of `parties`.
  std::vector<std::vector<std::string_view>> own{};
};

ScenarioNames names_of(const Scenario& s) {
  ScenarioNames names{.title = s.title};
  for (const Party& p : s.parties) names.parties.push_back(p.id.view());
  for (const Issue& i : s.issues) names.issues.push_back(i.id.view());
  for (const Source& source : s.sources) names.sources.push_back(source.id.view());
  names.own.resize(s.parties.size());
  for (const Position& p : s.positions) {
    names.positions.push_back(p.ref());
    const auto party = std::find(names.parties.begin(), names.parties.end(), p.party.view());
    if (party != names.parties.end()) {
      names.own[static_cast<std::size_t>(party - names.parties.begin())].push_back(p.id.view());
    }
  }
  return names;
}

const std::vector<std::string_view>* names_of_kind(const ScenarioNames& names, Names kind) {
  switch (kind) {
    case Names::party:
      return &names.parties;
    case Names::issue:
      return &names.issues;
    case Names::source:
      return &names.sources;
    default:
      return nullptr;
  }
}

// An id as an editor reads it unquoted (YAML 1.2 core schema): the text, and for digits alone
// the number as well, for `true` and `false` the boolean as well.
void id_values(JsonStream& json, std::string_view id) {
  json.value(id);
  const bool digits =
      std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && id.size() <= 15) {  // beyond, a JavaScript number is not exact
    std::int64_t n = 0;
    for (const char c : id) n = n * 10 + (c - '0');
    json.value(n);
  } else if (id == "true" || id == "false") {
    json.value(id == "true");
  }
}

void type(JsonStream& json, std::string_view name, bool nullable) {
  json.key("type");
  if (!nullable) {
    json.value(name);
    return;
  }
  json.begin_array().value(name).value("null").end_array();
}

void enum_values(JsonStream& json, std::span<const std::string_view> values, bool nullable) {
  json.key("enum").begin_array();
  for (const std::string_view v : values) json.value(v);
  if (nullable) json.null();
  json.end_array();
}

// The schema of one key's value. A key given with no value counts as absent (docs/format.md
// section 1): an optional key may be null, a required one may not, nor one that says so
// (`exclusive`, 7.1).
void write_key(JsonStream& json, const FormatKey& key) {
  const bool nullable = !key.required && key.nullable;
  json.key(key.name).begin_object().member("description", key.description);
  switch (key.type) {
    case KeyType::format:
      json.member("const", k_format_version);
      break;
    case KeyType::text:
      json.key("type").begin_array().value("string").value("number").value("boolean");
      if (nullable) json.value("null");
      json.end_array().member("pattern", k_text_pattern);
      break;
    case KeyType::date:
      type(json, "string", nullable);
      json.member("format", "date").member("pattern", k_date_pattern);
      break;
    case KeyType::id:
    case KeyType::reference: {
      const std::string ref =
          definition_ref(key.type == KeyType::id ? "id" : reference(key.names).definition);
      if (nullable) {
        json.key("anyOf").begin_array();
        json.begin_object().member("$ref", ref).end_object();
        json.begin_object().member("type", "null").end_object();
        json.end_array();
      } else {
        json.member("$ref", ref);
      }
      break;
    }
    case KeyType::references:
      type(json, "array", nullable);
      if (key.distinct) json.member("minItems", 1).member("uniqueItems", true);
      json.key("items").begin_object();
      json.member("$ref", definition_ref(reference(key.names).definition)).end_object();
      break;
    case KeyType::kind:
      enum_values(json, k_kind_values, nullable);
      break;
    case KeyType::stance:
      enum_values(json, k_stance_values, nullable);
      break;
    case KeyType::priority:
      type(json, "integer", nullable);
      json.member("minimum", k_min_priority)
          .member("maximum", k_max_priority)
          .member("default", k_default_priority);
      break;
    case KeyType::weight:
      type(json, "number", nullable);
      json.member("minimum", 0);
      break;
    case KeyType::flag:
      type(json, "boolean", nullable);
      json.member("default", false);
      break;
    case KeyType::items:
      type(json, "array", nullable);
      json.key("items").begin_object();
      json.member("$ref", definition_ref(format_item(key.item).name)).end_object();
      break;
  }
  json.end_object();
}

template <class Predicate>
const FormatKey* find_key(std::span<const FormatKey> keys, Predicate predicate) {
  const auto it = std::find_if(keys.begin(), keys.end(), predicate);
  return it == keys.end() ? nullptr : &*it;
}

// `{"type": "object", "properties": {KEY: {what `write` writes}}}`, and with `required`
// `"required": [KEY]`: a mapping whose one key of interest is KEY.
template <class Write>
void with_property(JsonStream& json, std::string_view key, bool required, Write write) {
  json.begin_object().member("type", "object").key("properties").begin_object();
  json.key(key).begin_object();
  write();
  json.end_object().end_object();
  if (required) json.key("required").begin_array().value(key).end_array();
  json.end_object();
}

// For a scenario, in a party file or a party's entry: under the party named by `taker`, the
// `via` of each stance names one of that party's own positions.
void write_own_positions(JsonStream& json, const FormatKey& taker, const FormatKey& stances,
                         const ScenarioNames& names) {
  const FormatKey* via = find_key(format_item(Item::stance).keys, [](const FormatKey& k) {
    return k.names == Names::own_position;
  });
  json.key("allOf").begin_array();
  for (std::size_t p = 0; p < names.parties.size(); ++p) {
    json.begin_object().key("if");
    with_property(json, taker.name, true, [&] {
      json.key("enum").begin_array();
      id_values(json, names.parties[p]);
      json.end_array();
    });
    json.key("then");
    with_property(json, stances.name, false, [&] {
      type(json, "array", true);
      json.key("items");
      with_property(json, via->name, false, [&] {
        if (names.own[p].empty()) {
          json.member("type", "null");
          return;
        }
        json.key("enum").begin_array();
        for (const std::string_view id : names.own[p]) id_values(json, id);
        json.null().end_array();
      });
    });
    json.end_object();
  }
  json.end_array();
}

void write_item(JsonStream& json, const FormatItem& item, const ScenarioNames* names) {
  json.key(item.name).begin_object().member("description", item.description);
  json.member("type", "object").key("properties").begin_object();
  for (const FormatKey& key : item.keys) write_key(json, key);
  json.end_object().key("required").begin_array();
  for (const FormatKey& key : item.keys) {
    if (key.required) json.value(key.name);
  }
  json.end_array().member("additionalProperties", false);
  // Keys that exclude each other (`source`, `sources`): not both with a value (a key with
  // none counts as absent).
  for (const FormatKey& key : item.keys) {
    if (key.excludes.empty() || key.excludes < key.name) continue;
    json.key("not").begin_object().key("properties").begin_object();
    for (const std::string_view name : {key.name, key.excludes}) {
      json.key(name).begin_object().key("not").begin_object().member("type", "null");
      json.end_object().end_object();
    }
    json.end_object().key("required").begin_array().value(key.name).value(key.excludes);
    json.end_array().end_object();
  }
  // A party's body: the party is named by its id (an entry of `parties`) or its reference (a
  // party file).
  const FormatKey* stances = find_key(item.keys, [](const FormatKey& k) {
    return k.type == KeyType::items && k.item == Item::stance;
  });
  const FormatKey* taker = find_key(item.keys, [](const FormatKey& k) {
    return k.type == KeyType::id || (k.type == KeyType::reference && k.names == Names::party);
  });
  if (names != nullptr && stances != nullptr && taker != nullptr) {
    write_own_positions(json, *taker, *stances, *names);
  }
  json.end_object();
}

// An id, or a reference to one: its pattern, or the names the scenario holds.
void write_reference(JsonStream& json, const Reference& r, const ScenarioNames* names) {
  json.key(r.definition).begin_object();
  const std::vector<std::string_view>* ids = names ? names_of_kind(*names, r.names) : nullptr;
  const bool positions = names != nullptr && r.names == Names::position;
  const bool empty = positions ? names->positions.empty() : ids != nullptr && ids->empty();
  if (empty) {
    json.member("description", fmt::format("{} This scenario has none.", r.description));
    json.key("not").begin_object().end_object();
  } else if (positions || ids != nullptr) {
    json.member("description", r.description).key("enum").begin_array();
    if (positions) {
      for (const std::string& ref : names->positions) json.value(ref);
    } else {
      for (const std::string_view id : *ids) id_values(json, id);
    }
    json.end_array();
  } else if (r.names == Names::position) {
    json.member("description", r.description)
        .member("type", "string")
        .member("pattern", k_position_ref_pattern);
  } else {
    json.member("description", r.description);
    json.key("type").begin_array().value("string").value("integer").end_array();
    json.member("pattern", k_slug_pattern).member("minimum", 0);
  }
  json.end_object();
}

void write_schema(const ScenarioNames* names, std::ostream& out) {
  JsonStream json(out);
  json.begin_object().member("$schema", "http://json-schema.org/draft-07/schema#");
  if (names == nullptr) {
    json.member("$comment",
                "Written by 'entente schema' from the keys the loader reads "
                "(engine/include/entente/format_keys.h); how editors use it: docs/schema.md.");
  } else {
    json.member("$comment",
                fmt::format("Written by 'entente schema' for the scenario '{}': references name "
                            "only its parties, issues, sources and positions. Write it again "
                            "when they change (docs/schema.md).",
                            names->title));
  }
  json.member("title", "Entente position file, format 1")
      .member("description",
              "A scenario (scenario.yaml, or a whole scenario in one file) or, with 'party', a "
              "party file (docs/format.md section 1).");
  const FormatKey* party = find_key(format_item(Item::party_file).keys, [](const FormatKey& k) {
    return k.names == Names::party && k.required;
  });
  json.key("if").begin_object().member("type", "object").key("properties").begin_object();
  json.member(party->name, true).end_object();
  json.key("required").begin_array().value(party->name).end_array().end_object();
  json.key("then").begin_object();
  json.member("$ref", definition_ref(format_item(Item::party_file).name)).end_object();
  json.key("else").begin_object();
  json.member("$ref", definition_ref(format_item(Item::scenario).name)).end_object();
  json.key("definitions").begin_object();
  for (const FormatItem& item : k_format_items) write_item(json, item, names);
  json.key("id").begin_object().member(
      "description", "An id: lowercase letters, digits and '-', starting with a letter or digit.");
  json.key("type").begin_array().value("string").value("integer").end_array();
  json.member("pattern", k_slug_pattern).member("minimum", 0).end_object();
  for (const Reference& r : k_references) write_reference(json, r, names);
  json.end_object().end_object();
  json.finish();
}

}  // namespace

void write_position_schema(std::ostream& out) { write_schema(nullptr, out); }

void write_position_schema(const Scenario& scenario, std::ostream& out) {
  const ScenarioNames names = names_of(scenario);
  write_schema(&names, out);
}

}  // namespace entente::reports
