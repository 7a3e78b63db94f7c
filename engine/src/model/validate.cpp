// Cross-file checks of docs/format.md sections 1 and 3.1: every reference resolves, ids are
// unique, audiences are well formed, and stances are ones a party may take.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "entente/loader.h"
#include "entente/resolution.h"
#include "support/spelling.h"

namespace entente {
namespace {

// An index that names nothing: no party (an unknown holder or audience member), no stance
// (the end of a position's list of stances). The resolution's k_none, so that its arrays
// are read as they are.
constexpr std::uint32_t k_unknown = Resolution::k_none;

std::string place(const SourceLocation& where) {
  return fmt::format("{}:{}:{}", where.file.view(), where.line, where.column);
}

// The distinct ids of a list in order (an item whose id came before is left out): the
// candidates of a spelling suggestion, made on the first error that needs them.
class Candidates {
 public:
  template <class Items, class IdOf>
  const std::vector<std::string>& get(const Items& items, const std::vector<std::uint32_t>& first,
                                      IdOf id_of) {
    if (!ids_) {
      ids_.emplace();
      for (std::uint32_t i = 0; i < items.size(); ++i) {
        if (first[i] == i) ids_->push_back(id_of(items[i]));
      }
    }
    return *ids_;
  }

 private:
  std::optional<std::vector<std::string>> ids_{};
};

// Judges a scenario by its resolution: what names nothing, what is named twice, and the
// rules of docs/format.md 3.1 on audiences and stances.
class Validator {
 public:
  Validator(const Scenario& s, const Resolution& r, const LoadedFiles& files)
      : s_(s), r_(r), files_(files) {}

  std::vector<Diagnostic> run() {
    report_repeats(s_.parties, r_.first_party, "party id", [](const Party& p) { return p.id; });
    report_repeats(s_.issues, r_.first_issue, "issue id", [](const Issue& i) { return i.id; });
    report_repeats(s_.sources, r_.first_source, "source id", [](const Source& x) { return x.id; });
    report_repeats(s_.positions, r_.first_position, "position id",
                   [](const Position& p) { return p.ref(); });
    cited_.assign(s_.sources.size(), false);
    named_in_.assign(s_.parties.size(), 0);
    everyone_.reserve(s_.positions.size());
    for (std::uint32_t i = 0; i < s_.positions.size(); ++i) check_position(i, s_.positions[i]);
    find_missing_files();
    check_stances();
    check_status_quos();
    report_missing_files();
    check_silent_parties();
    check_unused_sources();
    return std::move(out_);
  }

 private:
  void error(const SourceLocation& at, std::string message) {
    out_.push_back({at, Severity::error, std::move(message)});
  }
  void warning(const SourceLocation& at, std::string message) {
    out_.push_back({at, Severity::warning, std::move(message)});
  }

  template <class T, class IdOf>
  void report_repeats(const std::vector<T>& items, const std::vector<std::uint32_t>& first,
                      std::string_view what, IdOf id_of) {
    for (std::uint32_t i = 0; i < items.size(); ++i) {
      if (first[i] == i) continue;
      error(items[i].where, fmt::format("duplicate {} '{}' (first defined at {})", what,
                                        id_of(items[i]), place(items[first[i]].where)));
    }
  }

  void unknown(const IdRef& ref, std::string_view what,
               const std::vector<std::string>& candidates) {
    error(ref.where,
          fmt::format("unknown {} '{}'{}", what, ref.id, detail::did_you_mean(ref.id, candidates)));
  }
  void unknown_party(const IdRef& ref) {
    unknown(ref, "party",
            party_ids_.get(s_.parties, r_.first_party, [](const Party& p) { return p.id; }));
  }
  void unknown_position(const IdRef& ref) {
    unknown(ref, "position",
            position_refs_.get(s_.positions, r_.first_position,
                               [](const Position& p) { return p.ref(); }));
  }

  // A reference to a position of a party whose file is missing: counted for that party's one
  // error. False for any other reference.
  bool count_missing(const IdRef& ref) {
    const std::string_view id = ref.id.view();
    const auto it = missing_.find(id.substr(0, id.find('/')));
    if (it == missing_.end()) return false;
    MissingFile& missing = it->second;
    if (missing.references++ == 0 || ref.where < missing.first) missing.first = ref.where;
    return true;
  }
  void unknown_position_unless_missing(const IdRef& ref) {
    if (!count_missing(ref)) unknown_position(ref);
  }

  // The parties without a file that hold no position: every reference to one of their
  // positions names nothing, for one reason.
  void find_missing_files() {
    if (files_.parties_without_file.empty()) return;
    std::vector<bool> holds(s_.parties.size(), false);
    for (const std::uint32_t holder : r_.holder) {
      if (holder != k_unknown) holds[holder] = true;
    }
    const std::unordered_set<Symbol> without_file(files_.parties_without_file.begin(),
                                                  files_.parties_without_file.end());
    for (std::uint32_t i = 0; i < s_.parties.size(); ++i) {
      const Symbol party = s_.parties[i].id;
      if (r_.first_party[i] == i && !holds[i] && without_file.contains(party)) {
        missing_.try_emplace(party.view(), MissingFile{i});
      }
    }
  }

  std::string no_file_holds(std::string_view party) const {
    return fmt::format("no file holds party '{0}' (expected {0}{1} in the scenario folder)", party,
                       files_.party_file_extension);
  }

  void report_missing_files() {
    for (const auto& [party, missing] : missing_) {
      if (missing.references == 0) continue;
      error(s_.parties[missing.party].where,
            fmt::format("{}, yet {} {} (the first at {})", no_file_holds(party), missing.references,
                        missing.references == 1 ? "reference names its positions"
                                                : "references name its positions",
                        place(missing.first)));
    }
  }

  // A party with no positions and no stances is silent on everything addressed to it, so a
  // position without `to` (addressed to every other party) cannot be agreed: a warning, as a
  // party may be listed before its file is written, but one that says why it matters.
  void check_silent_parties() {
    const auto to_everyone =
        static_cast<std::size_t>(std::count(everyone_.begin(), everyone_.end(), true));
    if (to_everyone == 0) return;
    std::vector<bool> speaks(s_.parties.size(), false);
    for (const std::vector<std::uint32_t>* indexes : {&r_.holder, &r_.taker}) {
      for (const std::uint32_t party : *indexes) {
        if (party != k_unknown) speaks[party] = true;
      }
    }
    const std::string why =
        fmt::format("yet it is in the audience of {}: while it is silent, {} be agreed",
                    to_everyone == 1 ? std::string("the position without 'to'")
                                     : fmt::format("the {} positions without 'to'", to_everyone),
                    to_everyone == 1 ? "it cannot" : "none of them can");
    for (std::uint32_t i = 0; i < s_.parties.size(); ++i) {
      const Party& party = s_.parties[i];
      if (r_.first_party[i] != i || speaks[i]) continue;
      const auto missing = missing_.find(party.id.view());
      if (missing == missing_.end()) {
        warning(party.where, fmt::format("party '{}' has no positions and no stances, {} (give it "
                                         "stances, or name each position's audience with 'to')",
                                         party.id, why));
      } else if (missing->second.references == 0) {  // else its error says more
        warning(party.where, fmt::format("{}, {}", no_file_holds(party.id), why));
      }
    }
  }

  // The sources an item cites, as they are named and as they resolved.
  void cite(std::span<const IdRef> sources, std::span<const std::uint32_t> indexes) {
    for (std::size_t k = 0; k < sources.size(); ++k) {
      if (indexes[k] != k_unknown) {
        cited_[indexes[k]] = true;
        continue;
      }
      unknown(sources[k], "source",
              source_ids_.get(s_.sources, r_.first_source, [](const Source& x) { return x.id; }));
    }
  }

  // Also records whether the position's audience is every other party, so that the stance
  // checks, which visit positions in no order, read small arrays and not the positions.
  void check_position(std::uint32_t i, const Position& p) {
    if (r_.issue[i] == k_unknown) {
      unknown(p.issue, "issue",
              issue_ids_.get(s_.issues, r_.first_issue, [](const Issue& x) { return x.id; }));
    }
    cite(p.sources, r_.position_sources[i]);
    everyone_.push_back(p.to.empty());
    ++audience_stamp_;
    const std::span<const std::uint32_t> indexes = r_.audience[i];
    for (std::size_t k = 0; k < p.to.size(); ++k) {
      const IdRef& party = p.to[k];
      const std::uint32_t index = indexes[k];
      if (index == k_unknown) {
        unknown_party(party);
        continue;
      }
      if (party.id == p.party) {
        error(party.where, fmt::format("'to' names the holder '{}' itself", p.party));
      } else if (std::exchange(named_in_[index], audience_stamp_) == audience_stamp_) {
        error(party.where, fmt::format("'to' names '{}' twice", party.id));
      }
    }
  }

  // Whether position `t` is held by the stance-taker `taker` (its index, none when it is not
  // a party) called `name`. Names are compared only when an index is missing.
  bool holds(std::uint32_t t, std::optional<std::uint32_t> taker, const std::string& name) const {
    if (taker && r_.holder[t] != k_unknown) return r_.holder[t] == *taker;
    return s_.positions[t].party == name;
  }

  bool in_audience(std::uint32_t t, std::optional<std::uint32_t> taker,
                   const std::string& name) const {
    if (!taker) {
      const Position& target = s_.positions[t];
      if (target.to.empty()) return name != target.party;
      return std::any_of(target.to.begin(), target.to.end(),
                         [&](const IdRef& r) { return r.id == name; });
    }
    if (everyone_[t]) return r_.holder[t] != *taker;
    const std::span<const std::uint32_t> audience = r_.audience[t];
    return std::find(audience.begin(), audience.end(), *taker) != audience.end();
  }

  // The ids of `party`'s positions, for a suggestion; made on the first error that needs them.
  const std::vector<std::string>& own_ids(const std::string& party) {
    const auto [it, inserted] = own_ids_.try_emplace(party);
    if (inserted) {
      for (const Position& p : s_.positions) {
        if (p.party == party) it->second.push_back(p.id);
      }
    }
    return it->second;
  }

  static std::optional<std::uint32_t> known(std::uint32_t index) {
    return index == k_unknown ? std::nullopt : std::optional(index);
  }

  void check_stance(std::uint32_t index, const StanceDecl& st) {
    cite(st.sources, r_.stance_sources[index]);
    if (st.via && r_.via[index] == k_unknown) {
      error(st.via->where,
            fmt::format("'via' must name a position of '{}', and '{}' is not one{}", st.party,
                        st.via->id, detail::did_you_mean(st.via->id, own_ids(st.party))));
    }
    const std::span<const std::uint32_t> conditions = r_.conditions[index];
    for (std::size_t k = 0; k < conditions.size(); ++k) {
      if (conditions[k] == k_unknown && !withdrawn_.contains(st.agree_if[k].id)) {
        unknown_position_unless_missing(st.agree_if[k]);
      }
    }
    const std::optional<std::uint32_t> target = known(r_.target[index]);
    const std::optional<std::uint32_t> taker = known(r_.taker[index]);
    if (!target) {
      unknown_position_unless_missing(IdRef{st.position.text(), st.position.where});
      return;
    }
    if (holds(*target, taker, st.party)) {
      error(st.position.where,
            fmt::format("'{}' takes a stance on its own position '{}'", st.party, st.position));
      return;
    }
    // The stance-taker by index when it is a party; an unknown one (an error of the loader's)
    // by a number past every party's.
    const auto taker_index = taker.value_or(static_cast<std::uint32_t>(s_.parties.size()));
    for (std::uint32_t j = last_on_[*target]; j != k_unknown; j = before_on_[j]) {
      if (taker_of_[j] == taker_index) {
        error(st.where, fmt::format("second stance of '{}' on '{}' (first at {})", st.party,
                                    st.position, place(s_.stances[j].where)));
        return;
      }
    }
    taker_of_[index] = taker_index;
    before_on_[index] = std::exchange(last_on_[*target], index);
    if (!in_audience(*target, taker, st.party)) {
      warning(st.position.where,
              fmt::format("'{}' is not in the audience of '{}', so this stance does not count",
                          st.party, st.position));
    }
  }

  void check_stances() {
    withdrawn_.insert(s_.withdrawn.begin(), s_.withdrawn.end());
    last_on_.assign(s_.positions.size(), k_unknown);
    before_on_.assign(s_.stances.size(), k_unknown);
    taker_of_.assign(s_.stances.size(), k_unknown);
    for (std::uint32_t i = 0; i < s_.stances.size(); ++i) check_stance(i, s_.stances[i]);
  }

  // docs/format.md 7.1: a status quo is one of its exclusive issue's positions. One that was
  // withdrawn (a what-if's drop, a focus that left its holder out) leaves the issue without.
  void check_status_quos() {
    for (std::uint32_t i = 0; i < s_.issues.size(); ++i) {
      const Issue& issue = s_.issues[i];
      if (!issue.status_quo) continue;
      const IdRef& quo = *issue.status_quo;
      if (!issue.exclusive) {
        error(quo.where, fmt::format("'status_quo' is only for an exclusive issue, and '{}' is "
                                     "not one: add 'exclusive: true' to it, or leave "
                                     "'status_quo' out",
                                     issue.id));
        continue;
      }
      const std::uint32_t p = r_.status_quo[i];
      if (p == k_unknown) {
        if (!withdrawn_.contains(quo.id)) unknown_position_unless_missing(quo);
      } else if (s_.positions[p].issue.id != issue.id) {
        error(quo.where, fmt::format("the status quo '{}' is on issue '{}', not on '{}': it must "
                                     "be one of the issue's own positions",
                                     quo.id, s_.positions[p].issue.id, issue.id));
      }
    }
  }

  void check_unused_sources() {
    for (std::uint32_t i = 0; i < s_.sources.size(); ++i) {
      const Source& src = s_.sources[i];
      // A repeated source id is an error already; the citations count for its first one.
      if (!cited_[r_.first_source[i]]) {
        warning(src.where,
                fmt::format("source '{}' is not cited by any position or stance; cite it with "
                            "'source: {}' or in 'sources:' on what it supports",
                            src.id, src.id));
      }
    }
  }

  // A party without a file that holds no position, and the references to its positions.
  struct MissingFile {
    std::uint32_t party = 0;  ///< its index in Scenario::parties
    std::size_t references = 0;
    SourceLocation first{};  ///< the first reference, by place
  };

  const Scenario& s_;
  const Resolution& r_;
  const LoadedFiles& files_;
  std::vector<Diagnostic> out_{};
  Candidates party_ids_{}, issue_ids_{}, source_ids_{}, position_refs_{};
  // The stances counted so far on each position, as lists through stance indexes (a second
  // stance of one party on one position is looked for among the few on that position).
  std::vector<std::uint32_t> last_on_{};    ///< by position: the last stance counted on it
  std::vector<std::uint32_t> before_on_{};  ///< by stance: the one counted before it there
  std::vector<std::uint32_t> taker_of_{};   ///< by stance counted: its taker's party index
  std::vector<bool> cited_{};              ///< by index in Scenario::sources
  std::vector<std::uint64_t> named_in_{};  ///< by party: the last position whose `to` names it
  std::uint64_t audience_stamp_ = 0;
  std::vector<bool> everyone_{};  ///< by position: no `to`, every other party
  std::unordered_map<std::string, std::vector<std::string>> own_ids_{};
  std::unordered_set<std::string_view> withdrawn_{};
  std::map<std::string_view, MissingFile> missing_{};  ///< by party id, in id order
};

}  // namespace

Expected<Scenario> validate(Scenario scenario, Resolution* resolution, const LoadedFiles& files) {
  Resolution resolved = resolve(scenario);
  std::vector<Diagnostic> found = Validator(scenario, resolved, files).run();
  if (has_errors(found)) {
    // Every problem comes back at once: the warnings of loading too.
    found.insert(found.end(), scenario.warnings.begin(), scenario.warnings.end());
    sort_diagnostics(found);
    return tl::unexpected(std::move(found));
  }
  scenario.warnings.insert(scenario.warnings.end(), found.begin(), found.end());
  sort_diagnostics(scenario.warnings);
  if (resolution != nullptr) *resolution = std::move(resolved);
  return scenario;
}

}  // namespace entente
