// What-if changes (docs/format.md section 4), applied to the model in memory; files are
// never touched. Each change keeps the scenario valid, so it is not validated again.
#include "entente/what_if.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "model/find_position.h"

namespace entente {
namespace {

Diagnostic change_error(const Change& change, std::string message) {
  return argument_error(std::string(to_string(change.kind)), change.argument, std::move(message));
}

bool is_ref(std::string_view s) {
  const auto slash = s.find('/');
  return slash != std::string_view::npos && is_slug(s.substr(0, slash)) &&
         is_slug(s.substr(slash + 1));
}

// Splits "LEFT=RIGHT" at the last '='.
std::pair<std::string_view, std::string_view> split_value(std::string_view s) {
  const auto eq = s.rfind('=');
  if (eq == std::string_view::npos) return {s, {}};
  return {s.substr(0, eq), s.substr(eq + 1)};
}

std::optional<SetStance> parse_set(std::string_view arg) {
  const auto colon = arg.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto [ref, value] = split_value(arg.substr(colon + 1));
  const std::string_view party = arg.substr(0, colon);
  if (!is_slug(party) || !is_ref(ref)) return std::nullopt;
  if (value == "silent") return SetStance{std::string(party), std::string(ref), std::nullopt};
  const auto stance = parse_stance(value);
  if (!stance) return std::nullopt;
  return SetStance{std::string(party), std::string(ref), stance};
}

std::optional<SetPriority> parse_priority(std::string_view arg) {
  const auto [ref, value] = split_value(arg);
  int priority = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), priority);
  if (!is_ref(ref) || ec != std::errc{} || end != value.data() + value.size() || priority < 1 ||
      priority > 5) {
    return std::nullopt;
  }
  return SetPriority{std::string(ref), priority};
}

constexpr std::string_view k_shapes[] = {"PARTY:PARTY2/POSITION=agree|reject|consider|silent",
                                         "PARTY/POSITION", "PARTY/POSITION=N (N from 1 to 5)",
                                         "PARTY/POSITION"};

}  // namespace

std::string_view to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::set:
      return "set";
    case ChangeKind::drop:
      return "drop";
    case ChangeKind::priority:
      return "priority";
    case ChangeKind::accept:
      return "accept";
  }
  return "?";
}

Expected<Change> parse_change(ChangeKind kind, std::string_view argument) {
  const auto index = static_cast<std::size_t>(kind);
  Change change{.kind = kind,
                .argument = std::string(argument),
                .label = fmt::format("{} {}", to_string(kind), argument)};
  bool ok = false;
  switch (kind) {
    case ChangeKind::set:
      if (auto set = parse_set(argument)) change.what = std::move(*set), ok = true;
      break;
    case ChangeKind::priority:
      if (auto priority = parse_priority(argument)) change.what = std::move(*priority), ok = true;
      break;
    case ChangeKind::drop:
      change.what = DropPosition{std::string(argument)}, ok = is_ref(argument);
      break;
    case ChangeKind::accept:
      change.what = AcceptPosition{std::string(argument)}, ok = is_ref(argument);
      break;
  }
  if (!ok) {
    return tl::unexpected(
        std::vector<Diagnostic>{change_error(change, fmt::format("expected {}", k_shapes[index]))});
  }
  return change;
}

namespace {

// Applies changes one by one to a scenario it owns, collecting an error per bad change.
class Applier {
 public:
  explicit Applier(Scenario scenario) : s_(std::move(scenario)), left_out_(s_.withdrawn.size()) {}

  void apply(const Change& change) {
    change_ = &change;
    std::visit([this](const auto& what) { apply_one(what); }, change.what);
  }
  Expected<Scenario> finish() {
    if (!errors_.empty()) return tl::unexpected(std::move(errors_));
    return std::move(s_);
  }

 private:
  void error(std::string message) { errors_.push_back(change_error(*change_, std::move(message))); }

  Position* find(const std::string& ref) {
    if (const auto i = detail::find_position(s_, ref)) return &s_.positions[*i];
    if (const auto w = std::find(s_.withdrawn.begin(), s_.withdrawn.end(), ref);
        w != s_.withdrawn.end()) {
      error(static_cast<std::size_t>(w - s_.withdrawn.begin()) < left_out_
                ? detail::left_out_position(ref)
                : fmt::format("position '{}' was withdrawn by an earlier change", ref));
      return nullptr;
    }
    error(detail::unknown_position(s_, ref));
    return nullptr;
  }

  std::vector<std::string> audience(const Position& p) const {
    std::vector<std::string> out;
    if (!p.to.empty()) {
      for (const IdRef& q : p.to) out.push_back(q.id);
    } else {
      for (const Party& q : s_.parties) {
        if (q.id != p.party) out.push_back(q.id);
      }
    }
    return out;
  }

  // Replaces `party`'s stance on `ref` (via and agree_if included) by `stance`, or removes it.
  void replace_stance(const std::string& party, const std::string& ref,
                      std::optional<Stance> stance) {
    std::erase_if(s_.stances,
                  [&](const StanceDecl& d) { return d.party == party && d.position.names(ref); });
    if (!stance) return;
    StanceDecl decl;
    decl.party = party;
    decl.position = PositionRef(ref);  // made by a change, in no file
    decl.stance = *stance;
    decl.note = fmt::format("what-if: {}", change_->label);
    s_.stances.push_back(std::move(decl));
  }

  void apply_one(const SetStance& set) {
    if (!detail::find_party(s_, set.party)) {
      error(detail::unknown_party(s_, set.party));
      return;
    }
    const Position* p = find(set.position);
    if (p == nullptr) return;
    const auto heard_by = audience(*p);
    if (std::find(heard_by.begin(), heard_by.end(), set.party) == heard_by.end()) {
      error(fmt::format("'{}' is not in the audience of '{}' (which is: {})", set.party,
                        set.position, fmt::join(heard_by, ", ")));
      return;
    }
    replace_stance(set.party, set.position, set.stance);
  }

  void apply_one(const DropPosition& drop) {
    const Position* p = find(drop.position);
    if (p == nullptr) return;
    const Symbol holder = p->party;
    const Symbol id = p->id;
    std::erase_if(s_.stances, [&](const StanceDecl& d) { return d.position.names(drop.position); });
    for (StanceDecl& d : s_.stances) {
      if (d.party == holder && d.via && d.via->id == id) d.via.reset();  // back to the party
    }
    s_.positions.erase(s_.positions.begin() + (p - s_.positions.data()));  // found already
    s_.withdrawn.push_back(drop.position);
  }

  void apply_one(const SetPriority& set) {
    if (Position* p = find(set.position)) p->priority = set.priority;
  }

  void apply_one(const AcceptPosition& accept) {
    const Position* p = find(accept.position);
    if (p == nullptr) return;
    for (const std::string& party : audience(*p)) {
      replace_stance(party, accept.position, Stance::agree);
    }
  }

  Scenario s_;
  std::size_t left_out_ = 0;        ///< the first withdrawn refs: a focus's (6.2)
  const Change* change_ = nullptr;  ///< the change being applied
  std::vector<Diagnostic> errors_{};
};

}  // namespace

Expected<Scenario> apply_changes(Scenario scenario, std::span<const Change> changes) {
  Applier applier(std::move(scenario));
  for (const Change& change : changes) applier.apply(change);
  return applier.finish();
}

}  // namespace entente
